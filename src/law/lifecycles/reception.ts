/**
 * A booking for a personal reception (APC 90; REG p.6), as apc-requirements §4.6: booked in advance with the
 * topic, queued on the day, and held: resolved on the spot, or put in writing and handled as a written appeal or
 * complaint (90(3); 93(1)). Instructions given at the reception go under control (REG p.6(1)).
 */
import type { Lifecycle } from './lifecycle.ts';

export const RECEPTION_STATES = ['booked', 'queued', 'resolved_on_site', 'converted_to_written_appeal', 'no_show', 'cancelled'] as const;
export type ReceptionState = (typeof RECEPTION_STATES)[number];

const STAFF = ['clerk', 'official', 'head', 'deputy_head'] as const;

export const RECEPTION: Lifecycle<ReceptionState> = {
  name: 'reception',
  states: RECEPTION_STATES,
  closed: ['resolved_on_site', 'converted_to_written_appeal', 'no_show', 'cancelled'],
  transitions: [
    { action: 'book', from: [], to: 'booked', actors: ['applicant', ...STAFF], citation: 'APC 90(2); REG p.6(1)' },
    // REG p.6(3): a videoconference with the Presidential Administration only "upon agreement" of the person
    { action: 'consent_video', from: ['booked', 'queued'], to: null, actors: ['applicant', 'clerk'], citation: 'REG p.6(3)' },
    { action: 'move', from: ['booked'], to: null, actors: [...STAFF], citation: 'REG p.6(1), p.6(3)' },
    { action: 'cancel', from: ['booked'], to: 'cancelled', actors: ['applicant', ...STAFF], citation: 'REG p.6(1)' },
    { action: 'check_in', from: ['booked'], to: 'queued', actors: [...STAFF], citation: 'REG p.6(1)' },
    { action: 'no_show', from: ['booked', 'queued'], to: 'no_show', actors: [...STAFF], citation: 'REG p.6(1)' },
    { action: 'give_instruction', from: ['queued'], to: null, actors: ['official', 'head', 'deputy_head'], citation: 'REG p.6(1); APC 46' },
    { action: 'resolve', from: ['queued'], to: 'resolved_on_site', actors: ['official', 'head', 'deputy_head'], citation: 'APC 90(3)' },
    // 90(3): "излагается в письменной форме": a registered written appeal (63(1), 64(2)) or a written complaint (93(1); #41), each with its own term
    { action: 'convert', from: ['queued'], to: 'converted_to_written_appeal', actors: ['official', 'head', 'deputy_head', 'clerk'], citation: 'APC 90(3); 63(1), 64(2), 93(1)' },
  ],
};
