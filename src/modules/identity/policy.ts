/**
 * Who may do what, in one table: role × action → the widest scope in which the role may do it. Every route asks
 * through `Access.require` (access.ts); nothing else decides. docs/access-control.md is generated from this file
 * (`node --import tsx scripts/access-control-doc.ts`) and a test keeps the two equal.
 *
 * Scopes, narrowest first; each includes the ones before it:
 *   own          the principal's own record or case (their profile, an appeal they filed or are assigned to)
 *   subdivision  records of the principal's structural subdivision and the subdivisions inside it
 *   body         records of the principal's body
 *   subordinate  the body and every body below it (an apparatus counts as its akimat: body-types.ts)
 *   all          everywhere
 * A role holds its scope where it is anchored: the body (and subdivision) of the position it comes with, or of
 * the role grant.
 */

export const ROLES = [
  'applicant',
  'registrar',
  'executor',
  'subdivision_head',
  'deputy_head',
  'body_head',
  'legal_service',
  'kb_editor',
  'monitoring',
  'moj_reviewer',
  'sysadmin',
  'auditor',
  'petitions_authority',
] as const;
export type Role = (typeof ROLES)[number];

export const SCOPES = ['own', 'subdivision', 'body', 'subordinate', 'all'] as const;
export type Scope = (typeof SCOPES)[number];

/** Every action a route may ask about, with what it allows (English; kk/ru/en names are `permission.*` in src/locales). */
export const ACTIONS = {
  'calendar.manage': 'Change the production calendar and recompute stored deadlines',
  'bodies.manage': 'Add and change administrative bodies, their subdivisions and positions',
  'topics.manage': 'Add topics to the classifier of appeals',
  'officials.read': 'See officials, their positions and roles',
  'officials.read_personal': "See officials' personal data (IIN, e-mail, phone) unmasked",
  'officials.manage': 'Add officials, appoint them to positions (including acting appointments), open and reset their accounts',
  'roles.assign': 'Grant and revoke roles',
  'tokens.manage': 'Issue, list and revoke API tokens for integrations',
  'integrations.manage': 'Subscribe webhooks to case events of appeals and read their delivery log',
  'audit.read': 'Read the audit trail',
  'applicant.profile': 'See and complete the applicant profile',
  'applicants.read_personal': "See applicants' personal data (IIN/BIN, e-mail, phone) unmasked",
  'appeal.file': 'File an appeal or a complaint',
  'appeal.read': 'See appeals and their case files',
  'appeal.register': 'Register incoming appeals (APC 64)',
  'appeal.assign': 'Route appeals to subdivisions, executors or other bodies',
  'appeal.decide': 'Prepare the decision or answer on an appeal',
  'appeal.sign': 'Sign the decision, answer or administrative act',
  'appeal.extend': 'Extend the term of consideration (APC 76(3): head or deputy head)',
  'appeal.decide_recusal': 'Decide a recusal declared against the head of a subordinate body, as its superior body (APC 67(6)); reads only the case of that recusal',
  'complaint.review': 'Review a complaint against a subordinate body (APC 91)',
  'service_complaint.consider': 'Consider complaints about public services addressed to the body: decide, route to the APC path; the head or a deputy extends (Law on State Services 25)',
  'services.manage': 'Maintain the register of public services and see hidden public services flagged in appeals (Law on State Services 12)',
  'monitoring.control': 'Take appeals under control, return answers for rework, check office work (Standard Regulation No. 560)',
  'kb.read': 'Read the Knowledge Base',
  'kb.edit': 'Edit the Knowledge Base: manuals, standard forms (Rules No. 111 p.11)',
  'kb.approve': 'Approve the list of administrative procedures and their manuals (Rules No. 111 p.8, p.9: the head of the body)',
  'act_template.approve': 'Approve standard forms (samples) of administrative acts (Rules No. 111 p.5(3): the head of the body)',
  'practice.generalize': 'Generalize administrative and court practice (Rules No. 111 Annexes 3–4)',
  'practice.review': 'Read the semi-annual generalizations of practice (Rules No. 111 p.16)',
  'practice.contribute': "Fill in and submit the subdivision's Annex 3 rows of a generalization (Rules No. 111 Annex 4 step 2)",
  'reports.read': 'Read reports and dashboards',
  'petition.file': 'File a petition (APC 90-2; citizens only, 90-1(2))',
  'petition.moderate': "The petitions authority's steps: check, reject, publish, record written signatures, send, return (APC 90-2(5)–(8), 90-3(5), 90-4(1))",
  'petition.manage': 'Register and consider a petition at the competent body; the decision itself is the first head’s (APC 90-4 – 90-6)',
  'reception.book': 'Book a slot at a personal reception (APC 90(2))',
  'reception.manage': 'Publish reception schedules, keep the queue, record outcomes (APC 90; Standard Regulation p.6)',
  'instruction.manage': 'Put instructions under control, extend them as their giver, close control, see overdue ones (APC 46; Standard Regulation p.9)',
  'instruction.execute': 'Execute an instruction one is named in: ask for more time, report (APC 46(3), 46(5))',
} as const;
export type Action = keyof typeof ACTIONS;
export const ACTION_IDS = Object.keys(ACTIONS) as Action[];

/** The roles an official of the body (and subdivision) of a case works with: read, see who is who. */
const staff = { 'officials.read': 'body', 'kb.read': 'body' } as const;

export const POLICY: Record<Role, Partial<Record<Action, Scope>>> = {
  applicant: {
    'applicant.profile': 'own',
    'appeal.file': 'own',
    'appeal.read': 'own',
    'petition.file': 'own',
    'reception.book': 'own',
  },
  registrar: {
    ...staff,
    'appeal.read': 'body',
    'appeal.register': 'body',
    'appeal.assign': 'body',
    'applicants.read_personal': 'body',
    'petition.manage': 'body',
    'reception.manage': 'body',
    'instruction.manage': 'body',
    'integrations.manage': 'body',
  },
  executor: {
    ...staff,
    'appeal.read': 'own',
    'appeal.decide': 'own',
    'applicants.read_personal': 'own',
    'instruction.execute': 'own',
  },
  subdivision_head: {
    ...staff,
    'appeal.read': 'subdivision',
    'appeal.assign': 'subdivision',
    'appeal.decide': 'subdivision',
    'applicants.read_personal': 'subdivision',
    'reports.read': 'subdivision',
    'practice.contribute': 'subdivision',
    'instruction.execute': 'own',
  },
  deputy_head: {
    ...staff,
    'appeal.read': 'body',
    'appeal.assign': 'body',
    'appeal.sign': 'body',
    'appeal.extend': 'body',
    'appeal.decide_recusal': 'subordinate',
    'complaint.review': 'subordinate',
    'service_complaint.consider': 'body',
    'applicants.read_personal': 'body',
    'reports.read': 'body',
    'petition.manage': 'body',
    'reception.manage': 'body',
    'instruction.manage': 'body',
    'instruction.execute': 'own',
  },
  body_head: {
    ...staff,
    'officials.read_personal': 'body',
    'officials.manage': 'body',
    'roles.assign': 'body',
    'appeal.read': 'body',
    'appeal.assign': 'body',
    'appeal.sign': 'body',
    'appeal.extend': 'body',
    'appeal.decide_recusal': 'subordinate',
    'act_template.approve': 'body',
    'kb.approve': 'body',
    'complaint.review': 'subordinate',
    'service_complaint.consider': 'body',
    'applicants.read_personal': 'body',
    'practice.review': 'body',
    'reports.read': 'body',
    'petition.manage': 'body',
    'reception.manage': 'body',
    'instruction.manage': 'body',
    'instruction.execute': 'own',
  },
  legal_service: {
    ...staff,
    'appeal.read': 'body',
    'complaint.review': 'subordinate',
    'service_complaint.consider': 'body',
    'applicants.read_personal': 'body',
    'practice.generalize': 'body',
    'practice.review': 'body',
    'practice.contribute': 'body',
    'reports.read': 'body',
  },
  kb_editor: {
    ...staff,
    'kb.edit': 'body',
  },
  monitoring: {
    'officials.read': 'subordinate',
    'kb.read': 'subordinate',
    'appeal.read': 'subordinate',
    'appeal.register': 'body',
    'appeal.assign': 'subordinate',
    'monitoring.control': 'subordinate',
    'applicants.read_personal': 'subordinate',
    'reports.read': 'subordinate',
    'reception.manage': 'subordinate',
    'instruction.manage': 'subordinate',
    'integrations.manage': 'subordinate',
  },
  moj_reviewer: {
    'kb.read': 'all',
    'practice.review': 'all',
    'reports.read': 'all',
  },
  sysadmin: {
    'calendar.manage': 'all',
    'bodies.manage': 'all',
    'topics.manage': 'all',
    'officials.read': 'all',
    'officials.read_personal': 'all',
    'officials.manage': 'all',
    'roles.assign': 'all',
    'tokens.manage': 'all',
    'services.manage': 'all',
    'integrations.manage': 'all',
    'audit.read': 'all',
  },
  auditor: {
    'officials.read': 'all',
    'audit.read': 'all',
    'appeal.read': 'all',
    'kb.read': 'all',
    'practice.review': 'all',
    'reports.read': 'all',
  },
  // the authorised body for interaction of the state and civil society, which runs the petitions web resource (APC 90-2(1))
  petitions_authority: {
    'petition.moderate': 'all',
  },
};

/**
 * Which roles a holder of `roles.assign` may hand out. A body head staffs the body; only a system administrator
 * creates the roles that reach beyond one body. Nobody grants `applicant`: it is what a signed-in citizen is.
 */
export const GRANTABLE: Partial<Record<Role, readonly Role[]>> = {
  body_head: ['registrar', 'executor', 'subdivision_head', 'deputy_head', 'legal_service', 'kb_editor'],
  sysadmin: ROLES.filter((r) => r !== 'applicant'),
};

/** Roles whose scope is everywhere; they are granted without a body. */
export const GLOBAL_ROLES: readonly Role[] = ['moj_reviewer', 'sysadmin', 'auditor', 'petitions_authority'];

export function scopeRank(scope: Scope): number {
  return SCOPES.indexOf(scope);
}
