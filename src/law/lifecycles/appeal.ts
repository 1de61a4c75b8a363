/**
 * The appeal-initiated administrative procedure (APPLICATION), APC Chapters 9–11, as the table of
 * apc-requirements §4.1. There is no "refuse to accept" action: intake cannot be refused (APC 64(1)).
 * There is no general suspension either: the Code has none (§3.1(7)); only the 68(5) postponement exists.
 * Intake records the receipt (the procedure starts then, 62(2)) and registers at once with the registration date
 * of 64(3) (the receipt day, or the next working day), so a case begins in 'registered'. A deemed refusal
 * (91(2)) is not a state: it is a legal fact the system records when the term expires in an open state.
 */
import type { Lifecycle, Transition } from './lifecycle.ts';

export const APPEAL_STATES = [
  'registered',
  'awaiting_correction',
  'in_review',
  'postponed',
  'preliminary_notified',
  'decided',
  'closed',
  'redirected',
  'returned',
  'withdrawn',
  'terminated',
] as const;
export type AppealState = (typeof APPEAL_STATES)[number];

/** before the decision on the case: withdrawal (64(9)), redirection (65), extension (76(3)) are possible */
export const PRE_DECISION: readonly AppealState[] = ['registered', 'awaiting_correction', 'in_review', 'postponed', 'preliminary_notified'];

/**
 * Answers under control (Standard Regulation No. 560 p.5(4)-(5); D-5.4, D-5.5, AT-34): the monitoring department
 * takes an open appeal under control; once the body has answered, it returns the answer for rework or accepts it.
 * The answer is a legal fact and stays one: the state does not move back. The body answers again with a
 * supplementary answer, or with an act corrected (APC 82) or adopted anew after revocation (APC 84-85) through the
 * acts module; the case stays open until the answer is accepted (docs/appeal-control.md).
 */
/** `takeFrom`: the states in which the case is still open; `answered`: those in which the body's answer is given. */
export function CONTROL_STEPS<S extends string>(takeFrom: readonly S[], answered: readonly S[]): Transition<S>[] {
  return [
    { action: 'take_under_control', from: takeFrom, to: null, actors: ['controller'], citation: 'APC 38(1)-(2); REG p.5(4)' },
    {
      action: 'return_for_rework',
      from: answered,
      to: null,
      actors: ['controller'],
      citation: 'APC 38(3); REG p.5(5)',
      condition: {
        kk: 'Бақылаудағы өтініш бойынша берілген жауап сапасыз болса; ескертпелер көтерілген әр мәселе бойынша көрсетіледі',
        ru: 'Ответ по обращению на контроле исполнен некачественно; замечания указываются по каждому поставленному вопросу',
        en: 'The answer on an appeal under control is of poor quality; comments are given per issue raised',
      },
    },
    {
      action: 'resubmit_answer',
      from: answered,
      to: null,
      actors: ['official', 'head', 'deputy_head'],
      citation: 'APC 82, 84-85; REG p.5(5)',
      condition: {
        kk: 'Пысықтауға қайтарылғаннан кейін: қосымша жауап, не түзетілген (ӘРПК 82) немесе жаңадан қабылданған (ӘРПК 84-85) акт',
        ru: 'После возврата на доработку: дополнительный ответ либо исправленный (АППК 82) или вновь принятый (АППК 84-85) акт',
        en: 'After a return for rework: a supplementary answer, or an act corrected (APC 82) or adopted anew (APC 84-85)',
      },
    },
    { action: 'accept_answer', from: answered, to: null, actors: ['controller'], citation: 'APC 38(3); REG p.5(4)' },
  ];
}

export const APPEAL: Lifecycle<AppealState> = {
  name: 'appeal',
  states: APPEAL_STATES,
  closed: ['closed', 'redirected', 'terminated'],
  transitions: [
    {
      action: 'redirect',
      from: ['registered', 'in_review'],
      to: 'redirected',
      actors: ['clerk', 'official', 'head', 'deputy_head'],
      citation: 'APC 65(1)',
      condition: {
        kk: 'Өтініш толығымен органның құзыретіне жатпайды; түскен күннен бастап 3 жұмыс күнінен кешіктірмей, қатысушыны бір мезгілде хабардар ете отырып',
        ru: 'Обращение полностью вне компетенции органа; не позднее 3 рабочих дней со дня поступления, с одновременным извещением участника',
        en: 'The whole appeal is outside the body\'s competence; within 3 working days of receipt, notifying the participant at the same time',
      },
    },
    {
      action: 'redirect_part',
      from: ['registered', 'in_review'],
      to: null,
      actors: ['clerk', 'official', 'head', 'deputy_head'],
      citation: 'APC 65(2)',
    },
    { action: 'assign', from: ['registered', 'awaiting_correction', 'in_review', 'postponed', 'preliminary_notified'], to: null, actors: ['clerk', 'head', 'deputy_head'], citation: 'APC 44(2)' },
    { action: 'request_correction', from: ['registered'], to: 'awaiting_correction', actors: ['official', 'head', 'deputy_head'], citation: 'APC 64(6)' },
    { action: 'correction_received', from: ['awaiting_correction'], to: 'in_review', actors: ['official', 'clerk', 'applicant'], citation: 'APC 64(6)' },
    { action: 'return', from: ['awaiting_correction'], to: 'returned', actors: ['official', 'head', 'deputy_head'], citation: 'APC 64(7)', starts: ['APC-70.3'] },
    { action: 'start_review', from: ['registered'], to: 'in_review', actors: ['official', 'head', 'deputy_head'], citation: 'APC 71, 72' },
    {
      action: 'withdraw',
      from: PRE_DECISION,
      to: 'withdrawn',
      actors: ['applicant', 'clerk'],
      citation: 'APC 64(9)',
      condition: {
        kk: 'Өтініш берушінің жазбаша өтініші бойынша, әкімшілік іс бойынша шешім қабылданғанға дейін ғана',
        ru: 'По письменному заявлению заявителя, только до принятия решения по административному делу',
        en: 'On the applicant\'s written application, only before the decision on the case',
      },
    },
    {
      action: 'terminate',
      from: ['registered', 'in_review', 'postponed', 'preliminary_notified', 'returned', 'withdrawn'],
      to: 'terminated',
      actors: ['official', 'head', 'deputy_head'],
      citation: 'APC 70(1)',
      starts: ['APC-70.3'],
    },
    { action: 'join_interested', from: PRE_DECISION, to: null, actors: ['clerk', 'official'], citation: 'APC 22(1), 23' },
    {
      action: 'add_representative',
      from: PRE_DECISION,
      to: null,
      actors: ['clerk', 'official', 'applicant'],
      citation: 'APC 68',
      condition: {
        kk: 'Шешім қабылдайтын органның қызметкері өкіл бола алмайды; ол шеттетіледі, рәсім 3 жұмыс күнінен аспайтын мерзімге кейінге қалдырылады',
        ru: 'Работник органа, принимающего решение, не может быть представителем; он отстраняется, процедура откладывается не более чем на 3 рабочих дня',
        en: 'An employee of the deciding body cannot be a representative: removed, and the procedure postponed for at most 3 working days',
      },
    },
    { action: 'declare_recusal', from: ['registered', 'in_review', 'postponed', 'preliminary_notified'], to: null, actors: ['applicant', 'official'], citation: 'APC 67', starts: ['APC-67.3'] },
    { action: 'decide_recusal', from: ['registered', 'in_review', 'postponed', 'preliminary_notified'], to: null, actors: ['superior_official', 'head', 'deputy_head'], citation: 'APC 67(4), 67(6), 67(7)' },
    { action: 'postpone', from: ['in_review'], to: 'postponed', actors: ['official'], citation: 'APC 68(5)', starts: ['APC-68.5'] },
    { action: 'resume', from: ['postponed'], to: 'in_review', actors: ['official', 'system'], citation: 'APC 68(5)' },
    {
      action: 'extend',
      from: ['registered', 'awaiting_correction', 'in_review', 'postponed', 'preliminary_notified'],
      to: null,
      actors: ['head', 'deputy_head'],
      citation: 'APC 76(3)',
      starts: ['APC-76.3_notice'],
      condition: {
        kk: 'Басшының немесе орынбасардың дәлелді шешімімен, нақты мән-жайларды анықтау қажеттілігіне байланысты, бастау күнінен екі айдан аспайтын мерзімге дейін',
        ru: 'Мотивированным решением руководителя или заместителя, ввиду необходимости установления фактических обстоятельств, не более чем до двух месяцев',
        en: 'By a reasoned decision of the head or a deputy, because facts must be established, up to two months at most',
      },
    },
    {
      action: 'notify_preliminary_decision',
      from: ['in_review'],
      to: 'preliminary_notified',
      actors: ['official'],
      citation: 'APC 73(1)',
      starts: ['APC-73.3'],
      condition: {
        kk: 'Тыңдауға шақыру тәсілімен (method = hearing) тыңдаудың уақыты мен орны көрсетіледі, қатысушы шақырылады (ӘРПК 20(1)(4), 66(1))',
        ru: 'При способе «приглашение на заслушивание» (method = hearing) указываются время и место, участник извещается (АППК 20(1)(4), 66(1))',
        en: 'With the method "invitation to a hearing" (method = hearing) the time and place are given and the participant is invited (APC 20(1)(4), 66(1))',
      },
    },
    // APC 20(1)(4), 66(1), 73(1)(1): the hearing is set (or moved) with its time and place and the person invited
    // "заблаговременно" (in advance: on an earlier day). The act waits until the hearing has taken place, and a
    // hearing is lawful only if the invitation provably reached the person before the hearing day (AppealsService).
    {
      action: 'schedule_hearing',
      from: ['preliminary_notified'],
      to: null,
      actors: ['official'],
      citation: 'APC 20(1)(4), 66(1), 73(1)',
      condition: {
        kk: 'Тыңдаудың уақыты мен орны; шақыру тыңдау күнінен бұрын жетуі керек, ол жеткені тіркелетін арна арқылы жіберіледі',
        ru: 'Время и место заслушивания; извещение должно дойти до дня заслушивания и направляется каналом, фиксирующим вручение',
        en: 'The time and place of the hearing; the invitation must reach the person before the hearing day, through a channel that records receipt',
      },
    },
    { action: 'invite_to_event', from: PRE_DECISION, to: null, actors: ['official', 'clerk'], citation: 'APC 66(1)' },
    { action: 'record_preliminary_receipt', from: ['preliminary_notified'], to: null, actors: ['official', 'clerk', 'system'], citation: 'APC 73(3)', starts: ['APC-73.3'] },
    { action: 'record_objection', from: ['preliminary_notified'], to: null, actors: ['official', 'applicant', 'clerk'], citation: 'APC 73(3)' },
    // APC 74: the protocol of a hearing held in person, the participant's reading of it, remarks and their decision;
    // reading and remarks may fall after the act (the 3 working days run from the reading, not the hearing)
    { action: 'record_hearing_protocol', from: ['preliminary_notified'], to: null, actors: ['official'], citation: 'APC 74(1)-(4)' },
    { action: 'record_protocol_reading', from: ['preliminary_notified', 'decided'], to: null, actors: ['official', 'clerk'], citation: 'APC 74(5)', starts: ['APC-74.6'] },
    { action: 'record_protocol_remarks', from: ['preliminary_notified', 'decided'], to: null, actors: ['applicant', 'clerk', 'official'], citation: 'APC 74(6)' },
    { action: 'decide_protocol_remarks', from: ['preliminary_notified', 'decided'], to: null, actors: ['official'], citation: 'APC 74(6)' },
    { action: 'grant_access', from: APPEAL_STATES, to: null, actors: ['official', 'head', 'deputy_head'], citation: 'APC 75(1)' },
    { action: 'request_access', from: APPEAL_STATES, to: null, actors: ['applicant', 'clerk'], citation: 'APC 75(1)', starts: ['APC-75.1'] },
    {
      action: 'adopt_act',
      from: ['in_review', 'preliminary_notified'],
      to: 'decided',
      actors: ['official', 'head', 'deputy_head'],
      citation: 'APC 77(1)(1)',
      condition: {
        kk: 'Алдын ала шешім туралы хабарламадан кейін кемінде 3 жұмыс күні өткен соң не 73-баптың 2-тармағы бойынша тыңдаудан босату тіркелгенде',
        ru: 'Не ранее чем через 3 рабочих дня после извещения о предварительном решении, либо при записанном исключении из заслушивания по п. 2 ст. 73',
        en: 'Not before 3 working days after notice of the preliminary decision, or with an exemption from the hearing under Art. 73(2) recorded',
      },
    },
    { action: 'communicate_act', from: ['decided'], to: null, actors: ['official', 'clerk'], citation: 'APC 81' },
    {
      action: 'close',
      from: ['decided'],
      to: 'closed',
      actors: ['official', 'head', 'deputy_head', 'system'],
      citation: 'APC 83(3)',
      condition: {
        kk: 'Бақылаудағы өтініш бойынша: жауапты бақылаушы қабылдағаннан кейін ғана (Үлгілік регламент 5-тармақтың 4)-5) тармақшалары)',
        ru: 'По обращению на контроле: только после принятия ответа контролирующим (Типовой регламент п.5 пп.4)-5))',
        en: 'For an appeal under control: only once the reviewer has accepted the answer (Standard Regulation p.5(4)-(5))',
      },
    },
    ...CONTROL_STEPS([...PRE_DECISION, 'decided'], ['decided']),
  ],
};
