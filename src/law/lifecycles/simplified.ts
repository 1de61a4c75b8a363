/**
 * The simplified procedure for a report, proposal, feedback or request (APC Chapter 12, Arts. 87–89), as the
 * table of apc-requirements §4.3. It follows the general procedure with its special features (87(2)): intake,
 * registration, redirection and the 15-working-day term apply (A10); no hearing is needed (73(2)(6)).
 */
import { CONTROL_STEPS } from './appeal.ts';
import type { Lifecycle } from './lifecycle.ts';

export const SIMPLIFIED_STATES = ['registered', 'in_review', 'answered', 'noted', 'redirected', 'withdrawn', 'terminated'] as const;
export type SimplifiedState = (typeof SIMPLIFIED_STATES)[number];

const OPEN: readonly SimplifiedState[] = ['registered', 'in_review'];

export const SIMPLIFIED: Lifecycle<SimplifiedState> = {
  name: 'simplified',
  states: SIMPLIFIED_STATES,
  closed: ['answered', 'noted', 'redirected', 'withdrawn', 'terminated'],
  transitions: [
    { action: 'redirect', from: OPEN, to: 'redirected', actors: ['clerk', 'official', 'head', 'deputy_head'], citation: 'APC 65(1)' },
    {
      action: 'redirect_urgent',
      from: OPEN,
      to: 'redirected',
      actors: ['clerk', 'official', 'head', 'deputy_head'],
      citation: 'APC 88(1)(2)',
      condition: {
        kk: 'Дайындалып жатқан немесе жасалған қылмыстық құқық бұзушылықтар не мемлекеттік немесе қоғамдық қауіпсіздікке қатер туралы мәліметтер: дереу, тіпті жасырын болса да',
        ru: 'Сведения о готовящихся или совершённых уголовных правонарушениях либо об угрозе государственной или общественной безопасности: немедленно, даже если анонимно',
        en: 'Information on a prepared or committed criminal offence or a threat to state or public security: immediately, even if anonymous',
      },
    },
    { action: 'redirect_part', from: OPEN, to: null, actors: ['clerk', 'official', 'head', 'deputy_head'], citation: 'APC 65(2)' },
    { action: 'assign', from: OPEN, to: null, actors: ['clerk', 'head', 'deputy_head'], citation: 'APC 44(2)' },
    { action: 'start_review', from: ['registered'], to: 'in_review', actors: ['official', 'head', 'deputy_head'], citation: 'APC 87(2)' },
    { action: 'extend', from: OPEN, to: null, actors: ['head', 'deputy_head'], citation: 'APC 76(3)', starts: ['APC-76.3_notice'] },
    { action: 'withdraw', from: OPEN, to: 'withdrawn', actors: ['applicant', 'clerk'], citation: 'APC 64(9)' },
    {
      action: 'terminate',
      from: OPEN,
      to: 'terminated',
      actors: ['head', 'deputy_head'],
      citation: 'APC 88(2)',
      starts: ['APC-70.3'],
      condition: {
        kk: 'Тек 88-баптың 1-тармағындағы негіздер бойынша және тек басшының немесе оның орынбасарының шешімімен',
        ru: 'Только по основаниям п. 1 ст. 88 и только решением руководителя или его заместителя',
        en: 'Only on the grounds of Art. 88(1) and only by decision of the head or a deputy',
      },
    },
    { action: 'answer', from: ['in_review'], to: 'answered', actors: ['official', 'head', 'deputy_head'], citation: 'APC 89(1)(1)' },
    { action: 'note', from: ['in_review'], to: 'noted', actors: ['official', 'head', 'deputy_head'], citation: 'APC 89(1)(2)' },
    // REG p.5(4)-(5): under control, the answer (or the note) is reviewed; the case closes when it is accepted
    ...CONTROL_STEPS(OPEN, ['answered', 'noted']),
    { action: 'request_access', from: SIMPLIFIED_STATES, to: null, actors: ['applicant', 'clerk'], citation: 'APC 75(1)', starts: ['APC-75.1'] },
    { action: 'grant_access', from: SIMPLIFIED_STATES, to: null, actors: ['official', 'head', 'deputy_head'], citation: 'APC 75(1)' },
  ],
};
