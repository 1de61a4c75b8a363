/**
 * The administrative act (APC Chapter 11) as the table of apc-requirements §4.2. A draft is [NOT IN CODE]: the
 * act exists in law from its adoption, which in Tynda is the official's e-signature (APC 80(1)(5), 45(7)). It
 * enters into force on adoption or on a later date the act states (83(1)), takes effect on communication (83(2),
 * 81), is executed within 5 working days by default (86(3)), and ends on execution, an event, expiry or
 * revocation (83(3)). Corrections of clerical errors (82) keep the state and add a version.
 */
import type { Lifecycle } from './lifecycle.ts';

export const ACT_STATES = [
  'draft',
  'adopted_pending_force',
  'in_force',
  'effective',
  'execution_suspended',
  'executed',
  'ceased',
  'revoked',
  'partially_revoked',
  'cancelled',
] as const;
export type ActState = (typeof ACT_STATES)[number];

/** adopted and not ended: a correction (82) or a revocation (84, 85) may follow */
export const ADOPTED: readonly ActState[] = ['adopted_pending_force', 'in_force', 'effective', 'execution_suspended', 'executed', 'partially_revoked'];

export const ACT: Lifecycle<ActState> = {
  name: 'act',
  states: ACT_STATES,
  closed: ['ceased', 'revoked', 'cancelled'],
  transitions: [
    // `reviewer`: the review body drafts and signs a complaint decision as an act (APC 100–101)
    { action: 'edit', from: ['draft'], to: null, actors: ['official', 'head', 'deputy_head', 'reviewer'], citation: 'APC 80' },
    {
      action: 'sign',
      from: ['draft'],
      to: 'in_force',
      actors: ['official', 'head', 'deputy_head', 'reviewer'],
      citation: 'APC 77(1)(1), 80(1)(5), 83(1)',
      condition: {
        kk: 'Акт 80-баптың барлық талаптарына сай; қол қою – актіні қабылдау; 73-бап бойынша тыңдау өткізілген не одан босату тіркелген',
        ru: 'Акт содержит всё, что требует статья 80; подписание и есть принятие акта; заслушивание по статье 73 проведено либо записано исключение',
        en: 'The act holds everything Art. 80 requires; signing is its adoption; the Art. 73 hearing took place or an exemption is recorded',
      },
    },
    { action: 'enter_into_force', from: ['adopted_pending_force'], to: 'in_force', actors: ['system'], citation: 'APC 83(1)' },
    { action: 'communicate', from: ['in_force'], to: 'effective', actors: ['official', 'clerk', 'system', 'reviewer'], citation: 'APC 81, 83(2)', starts: ['APC-86.3'] },
    { action: 'communicate', from: ['adopted_pending_force'], to: null, actors: ['official', 'clerk', 'system', 'reviewer'], citation: 'APC 81, 83(2)' },
    { action: 'request_written_form', from: ['effective', 'in_force'], to: null, actors: ['applicant', 'clerk', 'official'], citation: 'APC 78(4)', starts: ['APC-78.4'] },
    { action: 'suspend_execution', from: ['effective', 'in_force'], to: 'execution_suspended', actors: ['system'], citation: 'APC 96' },
    { action: 'resume_execution', from: ['execution_suspended'], to: 'effective', actors: ['system', 'reviewer'], citation: 'APC 96' },
    { action: 'execute', from: ['effective'], to: 'executed', actors: ['official', 'head', 'deputy_head'], citation: 'APC 86(2), 86(3)' },
    { action: 'cease', from: ['in_force', 'effective', 'executed', 'execution_suspended', 'partially_revoked'], to: 'ceased', actors: ['official', 'head', 'deputy_head', 'system'], citation: 'APC 83(3)' },
    { action: 'correct', from: ADOPTED, to: null, actors: ['official', 'head', 'deputy_head'], citation: 'APC 82', starts: ['APC-82.5'] },
    {
      action: 'revoke_unlawful',
      from: ADOPTED,
      to: 'revoked',
      actors: ['head', 'deputy_head'],
      citation: 'APC 84',
      condition: {
        kk: 'Заң бұзушылық дұрыс емес актіге әкелді не әкелуі мүмкін еді; қолайлы акт тек 84-баптың 6-тармағындағы негіздер бойынша',
        ru: 'Нарушение привело или могло привести к неправильному акту; благоприятный акт – только по основаниям части 6 статьи 84',
        en: 'The breach led or could lead to a wrong act; a favourable act only on the grounds of Art. 84(6)',
      },
    },
    {
      action: 'revoke_lawful',
      from: ADOPTED,
      to: 'revoked',
      actors: ['head', 'deputy_head'],
      citation: 'APC 85',
      condition: {
        kk: 'Ауыртпалық салатын акт – заң тыйым салмаса; қолайлы акт – тек 85-баптың 4-тармағындағы жағдайларда',
        ru: 'Обременяющий акт – если отмена не запрещена законом; благоприятный – только в случаях части 4 статьи 85',
        en: 'A burdensome act unless the law forbids it; a favourable act only in the cases of Art. 85(4)',
      },
    },
    { action: 'cancel', from: ADOPTED, to: 'cancelled', actors: ['reviewer', 'system'], citation: 'APC 100(1), 155(3)' },
  ],
};
