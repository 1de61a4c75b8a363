/**
 * The petition (APC Chapter 12-1), as the table of apc-requirements §4.5. Submission and pre-support, the
 * petitions authority's check, publication and signing, the threshold and the sending to the competent body, or
 * the return after six months; then consideration and the decision of the first head, posted by the next
 * working day. Rows 1–10 of §4.5; row 11 (challenge) is the complaint procedure.
 */
import type { Lifecycle } from './lifecycle.ts';

export const PETITION_STATES = ['submitted', 'pre_supported', 'published', 'rejected', 'sent', 'returned', 'registered', 'in_review', 'decided', 'decision_published'] as const;
export type PetitionState = (typeof PETITION_STATES)[number];

export const PETITION: Lifecycle<PetitionState> = {
  name: 'petition',
  states: PETITION_STATES,
  closed: ['rejected', 'returned', 'decision_published'],
  transitions: [
    // §4.5 row 1: filed on the web resource (or in writing, for posting on it) by a citizen, with the content of 90-2(2)
    { action: 'submit', from: [], to: 'submitted', actors: ['applicant'], citation: 'APC 90-1(2), 90-2(1), 90-2(2)', starts: ['APC-90-2.4.1_electronic', 'APC-90-2.4.1_written'] },
    // row 2: the fiftieth citizen joins within the window
    { action: 'sign', from: ['submitted', 'pre_supported', 'published'], to: null, actors: ['citizen', 'petitions_authority'], citation: 'APC 90-2(4)(1), 90-3(1), 90-3(2)' },
    { action: 'pre_supported', from: ['submitted'], to: 'pre_supported', actors: ['system'], citation: 'APC 90-2(4)(1)', starts: ['APC-90-2.5'] },
    // rows 3–4: the check within 20 WD of the fiftieth signature; rejection with reasons, or posting
    { action: 'reject', from: ['submitted', 'pre_supported'], to: 'rejected', actors: ['petitions_authority'], citation: 'APC 90-2(5), 90-2(6)' },
    { action: 'publish', from: ['pre_supported'], to: 'published', actors: ['petitions_authority'], citation: 'APC 90-2(5), 90-2(7)', starts: ['APC-90-2.8', 'APC-90-3.2'] },
    { action: 'inform_media', from: ['published'], to: null, actors: ['petitions_authority'], citation: 'APC 90-2(8)' },
    // row 5: the threshold reached; sent within 3 WD of the decision to send
    { action: 'send', from: ['published'], to: 'sent', actors: ['petitions_authority'], citation: 'APC 90-3(4), 90-4(1)', starts: ['APC-90-4.1'] },
    // row 6: six months, below the threshold: returned and forwarded as a report, feedback or proposal
    { action: 'return', from: ['published'], to: 'returned', actors: ['petitions_authority', 'system'], citation: 'APC 90-3(5)' },
    // row 7: intake at the competent body is mandatory (no refusal exists)
    { action: 'register', from: ['sent'], to: 'registered', actors: ['clerk', 'head', 'deputy_head'], citation: 'APC 90-4(2), 90-4(3)', starts: ['APC-90-5.1.1', 'APC-90-5.1.2'] },
    // row 8: consideration and its duties
    { action: 'start_review', from: ['registered'], to: 'in_review', actors: ['official', 'head', 'deputy_head'], citation: 'APC 90-5(1)' },
    { action: 'record_duty', from: ['in_review'], to: null, actors: ['official', 'head', 'deputy_head'], citation: 'APC 90-5(2)' },
    { action: 'schedule_discussion', from: ['in_review'], to: null, actors: ['official', 'head', 'deputy_head'], citation: 'APC 90-5(2)(2)', starts: ['APC-90-5.2.2'] },
    // row 9: the decision of the first head only
    { action: 'decide', from: ['in_review'], to: 'decided', actors: ['head'], citation: 'APC 90-6(1), 90-6(2)', starts: ['APC-90-6.3'] },
    // row 10: posted by the next working day; the first head's official statement
    { action: 'publish_decision', from: ['decided'], to: 'decision_published', actors: ['official', 'head', 'deputy_head', 'clerk'], citation: 'APC 90-6(3)' },
    { action: 'official_statement', from: ['decided', 'decision_published'], to: null, actors: ['head'], citation: 'APC 90-6(3) ¶2' },
  ],
};
