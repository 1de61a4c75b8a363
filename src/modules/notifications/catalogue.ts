/**
 * Every notice Tynda sends, one entry per notice: its legal basis, who receives it, whether its receipt must be
 * recorded, the data its text needs, and the terms it speaks of. Texts are `notice.<type>.title` and
 * `notice.<type>.body` in src/locales/{kk,ru,en}.json. Sources: apc-requirements.md §2.5, §5.1, §5.2;
 * rules-services-requirements.md §2.9 (C-04, C-05), §2.10 (I-03), Part 3 (D-5.2, D-5.5).
 *
 * `recorded`: the notice must reach the person through a channel that records receipt (APC 66(2): "средств
 * связи, обеспечивающих фиксацию извещения"), because a legal consequence runs from its receipt. The channels
 * that record receipt are the personal cabinet (opening is recorded) and the registered letter with
 * acknowledgement of delivery. A person who does not use the cabinet gets such a notice by registered post too
 * (see `chooseChannels`).
 */
import type { Localized } from '../../law/i18n.ts';

export type Channel = 'cabinet' | 'email' | 'sms' | 'post';
export const CHANNELS: readonly Channel[] = ['cabinet', 'email', 'sms', 'post'];

/** text: one line; list: several lines, shown as a list; date: YYYY-MM-DD; datetime: ISO timestamp with offset */
export type FieldKind = 'text' | 'list' | 'date' | 'datetime';

/**
 * A term a notice speaks of. `due`: the caller computed the date (CalendarService.compute, APC terms table)
 * and passes it in that data field. `fromReceipt`: the term runs from the person's receipt of this notice, so its
 * date is known only once receipt is recorded; noticeHistory and the cabinet compute it then.
 */
export type NoticeTerm = { id: string; due: string } | { id: string; fromReceipt: true };

export interface NoticeSpec {
  citation: string;
  recipient: 'participant' | 'official';
  recorded: boolean;
  /** why receipt must be recorded: the consequence that runs from it */
  why?: Localized;
  /** LSS 25(4): the answer mirrors the complaint's form, so a paper filer is answered in writing */
  writtenIfFiledOnPaper?: boolean;
  fields: Record<string, FieldKind>;
  terms?: NoticeTerm[];
  /** the body's own term for sending this notice; the module that triggers it keeps that deadline */
  sendWithin?: string;
}

const l = (kk: string, ru: string, en: string): Localized => ({ kk, ru, en });

const case_ = { registrationNumber: 'text', bodyName: 'text' } as const;

export const CATALOGUE = {
  // Participants (APC requirements §5.2)
  appeal_registered: {
    citation: 'APC 64(2), 76(1)',
    recipient: 'participant',
    recorded: false,
    fields: { ...case_, receivedAt: 'datetime', acceptedBy: 'text', acceptedByPosition: 'text', dueDate: 'date' },
    terms: [{ id: 'APC-76.1', due: 'dueDate' }],
  },
  appeal_defects: {
    citation: 'APC 64(6), 64(7)',
    recipient: 'participant',
    recorded: true,
    why: l(
      'Түзету мерзімі хабарламадан басталады; мерзім өткенде өтініш қайтарылады (ӘРПК 64(7)), сондықтан адамның білгені дәлелденуі керек.',
      'Срок исправления идёт от извещения; по его истечении обращение возвращается (АППК 64(7)), поэтому осведомлённость лица должна быть доказана.',
      'The cure period runs from this notice and the appeal is returned when it expires (APC 64(7)), so the person must provably know of it.',
    ),
    fields: { ...case_, defects: 'list', cureBy: 'date' },
  },
  appeal_redirected: {
    citation: 'APC 65(1)',
    recipient: 'participant',
    recorded: false,
    fields: { ...case_, redirectedTo: 'text', redirectedOn: 'date' },
    sendWithin: 'APC-65.1',
  },
  appeal_partly_redirected: {
    citation: 'APC 65(2)',
    recipient: 'participant',
    recorded: false,
    fields: { ...case_, demands: 'list', redirectedTo: 'text', redirectedOn: 'date' },
    sendWithin: 'APC-65.2',
  },
  hearing_invitation: {
    citation: 'APC 66(1), 73(1), 20(1)(4)',
    recipient: 'participant',
    recorded: true,
    why: l(
      'Тыңдау адамның уақытылы хабардар етілгені дәлелденбесе, заңсыз (ӘРПК 20(1)(4), 73(1)).',
      'Заслушивание без доказательства своевременного извещения лица незаконно (АППК 20(1)(4), 73(1)).',
      'A hearing is unlawful without proof that the person was told in time (APC 20(1)(4), 73(1)).',
    ),
    fields: { ...case_, hearingAt: 'datetime', place: 'text' },
  },
  event_invitation: {
    citation: 'APC 66(1)',
    recipient: 'participant',
    recorded: true,
    why: l(
      'Қатысушы рәсімге қажетті іс-шараның уақыты мен орны туралы хабардар етілуге тиіс (ӘРПК 66(1)).',
      'Участник извещается о времени и месте мероприятия, необходимого для процедуры (АППК 66(1)).',
      'The participant must be told the time and place of an event the procedure needs (APC 66(1)).',
    ),
    fields: { ...case_, event: 'text', eventAt: 'datetime', place: 'text' },
  },
  preliminary_decision: {
    citation: 'APC 73(1), 73(3)',
    recipient: 'participant',
    recorded: true,
    why: l(
      'Қарсылық білдірудің 2 жұмыс күні алдын ала шешімді алған күннен басталады (ӘРПК 73(3)); алған күнсіз актіні қабылдаудың ең ерте күнін есептеу мүмкін емес (A9).',
      'Двухдневный срок возражения течёт со дня получения предварительного решения (АППК 73(3)); без даты получения нельзя вычислить самую раннюю дату принятия акта (A9).',
      'The 2-working-day objection window runs from receipt of the preliminary decision (APC 73(3)); without the receipt date the earliest adoption date cannot be computed (A9).',
    ),
    fields: { ...case_, draft: 'text' },
    terms: [{ id: 'APC-73.3', fromReceipt: true }],
  },
  term_extended: {
    citation: 'APC 76(3)',
    recipient: 'participant',
    recorded: false,
    fields: { ...case_, reason: 'text', newDueDate: 'date' },
    terms: [{ id: 'APC-76.3', due: 'newDueDate' }],
    sendWithin: 'APC-76.3_notice',
  },
  procedure_terminated: {
    citation: 'APC 70(3)',
    recipient: 'participant',
    recorded: true,
    why: l(
      'Шағым беру мерзімі адам шешімді білген күннен басталады (ӘРПК 92(1); A13: әдепкі – табыс етілген күн).',
      'Срок жалобы течёт со дня, когда лицу стало известно о решении (АППК 92(1); A13: по умолчанию – дата вручения).',
      'The complaint term runs from the day the person learned of the decision (APC 92(1); A13: by default the delivery date).',
    ),
    fields: { ...case_, ground: 'text', decidedOn: 'date' },
    terms: [{ id: 'APC-92.1', fromReceipt: true }],
    sendWithin: 'APC-70.3',
  },
  decision_on_case: {
    citation: 'APC 77(2), 81, 83(2)',
    recipient: 'participant',
    recorded: true,
    why: l(
      'Әкімшілік акт адамның назарына жеткізілген сәттен қолданысқа енгізіледі (ӘРПК 83(2)), ал шағым беру мерзімі сол күннен басталады (92(1), A13).',
      'Административный акт вводится в действие с момента доведения до сведения (АППК 83(2)), и с этого дня течёт срок жалобы (92(1), A13).',
      'The act takes effect when it is communicated (APC 83(2)) and the complaint term runs from that day (92(1), A13).',
    ),
    fields: { ...case_, decision: 'text', decidedOn: 'date', complainTo: 'text' },
    terms: [{ id: 'APC-92.1', fromReceipt: true }],
  },
  act_corrected: {
    citation: 'APC 82(5)',
    recipient: 'participant',
    recorded: false,
    fields: { ...case_, correctedOn: 'date' },
    sendWithin: 'APC-82.5',
  },
  simplified_answer: {
    citation: 'APC 89(2), 89(3)',
    recipient: 'participant',
    recorded: true,
    why: l(
      'Жауапқа шағым беру мерзімі адам жауапты білген күннен басталады (ӘРПК 92(1)).',
      'Срок жалобы на ответ течёт со дня, когда лицу стало о нём известно (АППК 92(1)).',
      'The complaint term against the answer runs from the day the person learned of it (APC 92(1)).',
    ),
    fields: { ...case_, answer: 'text', complainTo: 'text' },
    terms: [{ id: 'APC-92.1', fromReceipt: true }],
  },
  complaint_registered: {
    citation: 'APC 94(2), 99',
    recipient: 'participant',
    recorded: false,
    fields: { registrationNumber: 'text', reviewBody: 'text', dueDate: 'date' },
    terms: [{ id: 'APC-99', due: 'dueDate' }],
  },
  complaint_not_considered: {
    citation: 'APC 95(2), 95(3)',
    recipient: 'participant',
    recorded: false,
    fields: { registrationNumber: 'text', reviewBody: 'text', ground: 'text' },
    sendWithin: 'APC-95.2',
  },
  complaint_decided: {
    citation: 'APC 100(4), 101',
    recipient: 'participant',
    recorded: true,
    why: l(
      'Сотқа талап қоюдың бір айлық мерзімі шешім табыс етілген күннен басталады (ӘРПК 136(1); B7).',
      'Месячный срок иска течёт со дня вручения решения по жалобе (АППК 136(1); B7).',
      'The one-month court term runs from delivery of the complaint decision (APC 136(1); B7).',
    ),
    fields: { registrationNumber: 'text', reviewBody: 'text', outcome: 'text' },
    terms: [{ id: 'APC-136.1', fromReceipt: true }],
  },
  complaint_court_route: {
    citation: 'APC 91(6), 136(1)',
    recipient: 'participant',
    recorded: true,
    why: l(
      'Жоғары тұрған орган жоқ: актіге немесе әрекетке сотқа дау айтылады; талап қоюдың бір айлық мерзімі басталады (ӘРПК 91(6), 136(1)).',
      'Вышестоящего органа нет: акт или действие оспариваются в суде; течёт месячный срок иска (АППК 91(6), 136(1)).',
      'There is no superior body: the act or action is challenged in court, and the one-month claim term runs (APC 91(6), 136(1)).',
    ),
    fields: { ...case_ },
    terms: [{ id: 'APC-136.1_direct', fromReceipt: true }],
  },
  complaint_deemed_dismissed: {
    citation: 'APC 100(5), 136(6)',
    recipient: 'participant',
    recorded: false,
    fields: { registrationNumber: 'text', reviewBody: 'text', expiredOn: 'date', courtBy: 'date' },
    terms: [{ id: 'APC-136.6', due: 'courtBy' }],
  },
  deemed_refusal: {
    citation: 'APC 91(2), 92(1)',
    recipient: 'participant',
    recorded: false,
    fields: { ...case_, expiredOn: 'date', complainTo: 'text', complainBy: 'date' },
    terms: [{ id: 'APC-92.1', due: 'complainBy' }],
  },
  service_complaint_extended: {
    citation: 'LSS 25(4)',
    recipient: 'participant',
    recorded: false,
    writtenIfFiledOnPaper: true,
    fields: { ...case_, reason: 'text', newDueDate: 'date' },
    terms: [{ id: 'LSS-25.4_extension', due: 'newDueDate' }],
    sendWithin: 'LSS-25.4',
  },
  service_complaint_registered: {
    citation: 'LSS 25(2)',
    recipient: 'participant',
    recorded: false,
    fields: { ...case_, dueDate: 'date' },
  },
  service_complaint_decided: {
    citation: 'LSS 25(2), 5(2)(7)',
    recipient: 'participant',
    recorded: false,
    writtenIfFiledOnPaper: true,
    fields: { ...case_, outcome: 'text', reasons: 'text' },
  },
  service_complaint_routed: {
    citation: 'LSS 25(1); APC 91(4)',
    recipient: 'participant',
    recorded: false,
    writtenIfFiledOnPaper: true,
    fields: { ...case_, apcNumber: 'text' },
  },
  inspection_draft_certificate: {
    citation: 'LSS 27-2(5), 27-2(6)',
    recipient: 'participant',
    recorded: true,
    why: l(
      'Қарсылық білдірудің 2 жұмыс күні акт жобасын алған күннен басталады («Мемлекеттік көрсетілетін қызметтер туралы» Заң, 27-2(6)).',
      'Двухдневный срок возражений течёт со дня получения проекта акта (Закон «О государственных услугах», 27-2(6)).',
      'The 2-working-day objection window runs from receipt of the draft certificate (Law on State Services 27-2(6)).',
    ),
    fields: { ...case_, inspectedBody: 'text' },
    terms: [{ id: 'LSS-27-2.6', fromReceipt: true }],
  },
  // Inspections of the quality of public services (LSS 27-1 – 27-2): templates only. Tynda has no inspection flow
  // (the inspection record lives in the authorised body's system, LSS 27-1(2)); a body that runs inspections in
  // Tynda (I-05) sends these to the subject of control, an organisation notified at its location (APC 66(3)).
  inspection_notice: {
    citation: 'LSS 27-2(2), 27-2(3)',
    recipient: 'participant',
    recorded: true,
    why: l(
      'Тексерудің басталғаны туралы хабарламаның болмауы – өрескел бұзушылық, тексеру жарамсыз деп танылады (Заң, 27-4-бап).',
      'Отсутствие уведомления о начале проверки – грубое нарушение, проверка признаётся недействительной (Закон, статья 27-4).',
      'No notice of the start of an inspection is a gross violation that makes the inspection invalid (Law, Article 27-4).',
    ),
    fields: { inspectionNumber: 'text', bodyName: 'text', inspectors: 'list', experts: 'text', subjectName: 'text', subjectLocation: 'text', matter: 'text', startsOn: 'date', endsOn: 'date', period: 'text', kind: 'text', grounds: 'text', signatory: 'text' },
    sendWithin: 'LSS-27-2.2',
  },
  inspection_inspectors_changed: {
    citation: 'LSS 27-1(3)',
    recipient: 'participant',
    recorded: false,
    fields: { inspectionNumber: 'text', bodyName: 'text', subjectName: 'text', inspectors: 'list', decidedOn: 'date' },
    sendWithin: 'LSS-27-1.3_inspectors',
  },
  inspection_suspended: {
    citation: 'LSS 27-2(4)',
    recipient: 'participant',
    recorded: false,
    fields: { inspectionNumber: 'text', bodyName: 'text', subjectName: 'text', ground: 'text', suspendedOn: 'date' },
    sendWithin: 'LSS-27-2.4',
  },
  inspection_resumed: {
    citation: 'LSS 27-2(4)',
    recipient: 'participant',
    recorded: false,
    fields: { inspectionNumber: 'text', bodyName: 'text', subjectName: 'text', resumedOn: 'date', endsOn: 'date' },
    sendWithin: 'LSS-27-2.4_resumption',
  },
  inspection_certificate: {
    citation: 'LSS 27-2(7), 27-2(8), 27-2(9)',
    recipient: 'participant',
    recorded: true,
    why: l(
      'Ұсынымды қараудың 30 күнтізбелік күні оны алған күннен басталады (Заң, 27-2(9)).',
      'Тридцатидневный срок рассмотрения рекомендации течёт со дня её получения (Закон, 27-2(9)).',
      'The 30 calendar days to consider the recommendation run from its receipt (Law, 27-2(9)).',
    ),
    fields: { inspectionNumber: 'text', bodyName: 'text', subjectName: 'text', findings: 'text', recommendation: 'text' },
    terms: [{ id: 'LSS-27-2.9', fromReceipt: true }],
  },
  petition_rejected: {
    citation: 'APC 90-2(6)',
    recipient: 'participant',
    recorded: false,
    fields: { petitionNumber: 'text', reasons: 'list' },
  },
  petition_published: {
    citation: 'APC 90-2(7)',
    recipient: 'participant',
    recorded: false,
    fields: { petitionNumber: 'text', publishedOn: 'date' },
  },
  petition_sent: {
    citation: 'APC 90-4(1)',
    recipient: 'participant',
    recorded: false,
    fields: { petitionNumber: 'text', sentTo: 'text', sentOn: 'date' },
    sendWithin: 'APC-90-4.1',
  },
  petition_discussion: {
    citation: 'APC 90-5(2)(2)',
    recipient: 'participant',
    recorded: true,
    why: l(
      'Хабарлама талқылау басталғанға дейін кемінде 3 жұмыс күн бұрын жеткізілгені дәлелденуі керек (ӘРПК 90-5(2)(2)).',
      'Нужно доказать, что уведомление дошло не позднее чем за 3 рабочих дня до обсуждения (АППК 90-5(2)(2)).',
      'It must be provable that the notice arrived at least 3 working days before the discussion (APC 90-5(2)(2)).',
    ),
    fields: { petitionNumber: 'text', bodyName: 'text', discussionAt: 'datetime', place: 'text' },
    sendWithin: 'APC-90-5.2.2',
  },
  petition_returned: {
    citation: 'APC 90-3(5)',
    recipient: 'participant',
    recorded: false,
    fields: { petitionNumber: 'text', returnedOn: 'date', forwardedTo: 'text', forwardedAs: 'text' },
  },

  // Officials
  official_assignment: {
    citation: 'APC 37(3), 46(3); REG p.5(2)',
    recipient: 'official',
    recorded: false,
    fields: { registrationNumber: 'text', task: 'text', assignedBy: 'text', dueDate: 'date' },
  },
  official_due_soon: {
    citation: 'APC 38(6), 46(4)',
    recipient: 'official',
    recorded: false,
    fields: { registrationNumber: 'text', dueDate: 'date' },
  },
  official_overdue: {
    citation: 'APC 76(4), 91(2)',
    recipient: 'official',
    recorded: false,
    fields: { registrationNumber: 'text', dueDate: 'date' },
  },
  instruction_due_soon: {
    citation: 'APC 38(6), 46(4)',
    recipient: 'official',
    recorded: false,
    fields: { registrationNumber: 'text', dueDate: 'date', giver: 'text' },
  },
  instruction_overdue: {
    citation: 'REG p.9(1); APC 46(4)',
    recipient: 'official',
    recorded: false,
    fields: { registrationNumber: 'text', dueDate: 'date', giver: 'text' },
  },
  // APC 67(6): a recusal against the head of a body goes to the superior body, whose head or deputy decides it
  official_recusal_to_decide: {
    citation: 'APC 67(3), 67(6)',
    recipient: 'official',
    recorded: false,
    fields: { registrationNumber: 'text', bodyName: 'text', officialName: 'text', decideBy: 'date' },
    terms: [{ id: 'APC-67.3', due: 'decideBy' }],
  },
  kb_obligation_due_soon: {
    citation: 'Rules No. 111 p.11, p.13',
    recipient: 'official',
    recorded: false,
    fields: { procedure: 'text', task: 'text', dueDate: 'date' },
  },
  kb_obligation_overdue: {
    citation: 'Rules No. 111 p.11, p.13',
    recipient: 'official',
    recorded: false,
    fields: { procedure: 'text', task: 'text', dueDate: 'date' },
  },
  official_rework: {
    citation: 'REG p.5(5)',
    recipient: 'official',
    recorded: false,
    fields: { registrationNumber: 'text', returnedBy: 'text', comment: 'text' },
  },
  // Rules No. 111 Annex 4 step 1: the legal service's request for the Annex 3 table, and reminders before 10 June / 10 December (p.16)
  generalization_request: {
    citation: 'Rules No. 111 p.16; Annex 4 step 1',
    recipient: 'official',
    recorded: false,
    fields: { bodyName: 'text', subdivisionName: 'text', periodFrom: 'date', periodTo: 'date', dueDate: 'date' },
  },
  analytical_note_due: {
    citation: 'Standard Regulation No. 560 p.7(6)',
    recipient: 'official',
    recorded: false,
    fields: { bodyName: 'text', periodFrom: 'date', periodTo: 'date', dueDate: 'date' },
  },
  generalization_reminder: {
    citation: 'Rules No. 111 p.16',
    recipient: 'official',
    recorded: false,
    fields: { bodyName: 'text', subdivisionName: 'text', dueDate: 'date' },
  },
  official_complaint_decision_copy: {
    citation: 'APC 100(4)',
    recipient: 'official',
    recorded: false,
    fields: { registrationNumber: 'text', reviewBody: 'text', outcome: 'text' },
  },
} as const satisfies Record<string, NoticeSpec>;

export type NoticeType = keyof typeof CATALOGUE;
export const NOTICE_TYPES = Object.keys(CATALOGUE) as NoticeType[];

export function noticeSpec(type: NoticeType): NoticeSpec {
  return CATALOGUE[type];
}

export function isNoticeType(type: string): type is NoticeType {
  return Object.hasOwn(CATALOGUE, type);
}
