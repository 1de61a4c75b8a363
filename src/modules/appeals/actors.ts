/**
 * The bridge between who a person is in Tynda (roles, src/modules/identity/policy.ts) and who acts in the law
 * (actors of the lifecycles, src/law/lifecycles). A step needs both: the policy lets the person act on this case
 * at all, and the lifecycle says whether their kind of actor takes this step.
 */
import type { Actor } from '../../law/lifecycles/lifecycle.ts';
import type { Action, Role } from '../identity/policy.ts';

export const ROLE_ACTORS: Partial<Record<Role, readonly Actor[]>> = {
  applicant: ['applicant'],
  registrar: ['clerk'],
  // the monitoring department: registers and routes (D-5.1, D-5.2) and reviews answers under control (D-5.4, D-5.5)
  monitoring: ['clerk', 'controller'],
  executor: ['official'],
  subdivision_head: ['official', 'superior_official'],
  deputy_head: ['deputy_head', 'official', 'superior_official'],
  body_head: ['head', 'official', 'superior_official'],
};

const DECIDE: Action[] = ['appeal.decide', 'appeal.sign'];

/** The permissions (any one suffices) under which a lifecycle step may be taken. */
export const STEP_PERMISSIONS: Record<string, readonly Action[]> = {
  assign: ['appeal.assign'],
  redirect: ['appeal.assign', ...DECIDE],
  redirect_urgent: ['appeal.assign', ...DECIDE],
  redirect_part: ['appeal.assign', ...DECIDE],
  start_review: DECIDE,
  request_correction: DECIDE,
  correction_received: [...DECIDE, 'appeal.register', 'appeal.file'],
  return: DECIDE,
  terminate: DECIDE,
  extend: ['appeal.extend'],
  notify_preliminary_decision: DECIDE,
  record_preliminary_receipt: [...DECIDE, 'appeal.register'],
  schedule_hearing: DECIDE,
  invite_to_event: [...DECIDE, 'appeal.register'],
  record_objection: [...DECIDE, 'appeal.register', 'appeal.file'],
  record_hearing_protocol: DECIDE,
  record_protocol_reading: [...DECIDE, 'appeal.register'],
  record_protocol_remarks: [...DECIDE, 'appeal.register', 'appeal.file'],
  decide_protocol_remarks: DECIDE,
  adopt_act: DECIDE,
  communicate_act: [...DECIDE, 'appeal.register'],
  close: DECIDE,
  answer: DECIDE,
  note: DECIDE,
  withdraw: ['appeal.file', 'appeal.register'],
  declare_recusal: ['appeal.file', ...DECIDE],
  join_interested: ['appeal.register', ...DECIDE],
  add_representative: ['appeal.register', 'appeal.file', ...DECIDE],
  // APC 67(6): the superior body's head or deputy decides a recusal of the head (the service checks whose it is)
  decide_recusal: ['appeal.assign', 'appeal.sign', 'appeal.decide_recusal'],
  postpone: DECIDE,
  resume: DECIDE,
  request_access: ['appeal.file', 'appeal.register'],
  grant_access: DECIDE,
  take_under_control: ['monitoring.control'],
  return_for_rework: ['monitoring.control'],
  accept_answer: ['monitoring.control'],
  resubmit_answer: DECIDE,
};

export function actorsOf(roles: Iterable<Role>): Actor[] {
  const out = new Set<Actor>();
  for (const r of roles) for (const a of ROLE_ACTORS[r] ?? []) out.add(a);
  return [...out];
}
