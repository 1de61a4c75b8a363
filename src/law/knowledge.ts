/**
 * The Knowledge Base of Rules No. 111 (Government Resolution No. 111 of 28.02.2025; APC 15-1) as data: the
 * columns of the list of administrative procedures (Annex 1), the sixteen rows of a manual (Annex 2) and which of
 * them approval needs (p.9), the quarterly verification (p.11) and the three-month update (p.13). Labels in kk and
 * en are verbatim from RULES-KZ / RULES-EN (rules-services-requirements.md §1.3, §1.4); the seeds have no Russian
 * text, so the ru labels are ours. Pure: no I/O.
 */
import { addMonths, dayNumber, isoDate, type IsoDate } from './dates.ts';
import type { Language, Localized } from './i18n.ts';

export const LIST_CITATION = 'Rules No. 111 p.8';
/** p.8: "The list does not include administrative procedures for the provision of public services." (AT-26, A-18) */
export const PUBLIC_SERVICE_EXCLUSION_CITATION = 'Rules No. 111 p.8';
/** p.9: the manual's content (1)–(5) and its approval by the head of the administrative body */
export const MANUAL_APPROVAL_CITATION = 'Rules No. 111 p.9';
/** p.6, p.11 part 1: the approved manual is posted in the Knowledge Base */
export const PUBLICATION_CITATION = 'Rules No. 111 p.6, p.11';
/** p.11 part 2: "at least once a quarter"; A-08: the calendar quarter */
export const VERIFICATION_CITATION = 'Rules No. 111 p.11; A-08';
/** p.13 part 3: updated "within three months from the date of the change"; A-09: which date */
export const UPDATE_CITATION = 'Rules No. 111 p.13; A-09';
/** p.12: other structural divisions provide information on changes and additions to the manual */
export const PROPOSAL_CITATION = 'Rules No. 111 p.12';

/** p.13: the manual is updated within three (calendar) months of the change in the procedure. */
export const UPDATE_MONTHS = 3;
/** R-10 [design]: reminders 30 and 10 calendar days before the update is due (AT-24). */
export const UPDATE_REMINDER_DAYS = [30, 10] as const;
/** R-09 [design]: a reminder 10 days before the quarter closes without a verification. */
export const VERIFICATION_REMINDER_DAYS = [10] as const;
/** R-07 [design]: diagnosis looks at the appeals the body handled in the last twelve months. */
export const DIAGNOSIS_MONTHS = 12;

/** the three dates of a change of procedure; the due date runs by default from entry into force. */
export const CHANGE_BASES = ['entry_into_force', 'publication', 'adoption'] as const;
export type ChangeBasis = (typeof CHANGE_BASES)[number];

export function changeDate(dates: { adoptedOn?: IsoDate | null | undefined; publishedOn?: IsoDate | null | undefined; inForceOn?: IsoDate | null | undefined }, basis: ChangeBasis): IsoDate | undefined {
  return (basis === 'entry_into_force' ? dates.inForceOn : basis === 'publication' ? dates.publishedOn : dates.adoptedOn) ?? undefined;
}

/** p.13: change date + 3 calendar months, clamped to the month's end (AT-24: 2025-02-14 -> 2025-05-14). */
export function updateDue(changedOn: IsoDate): IsoDate {
  return isoDate(addMonths(dayNumber(changedOn), UPDATE_MONTHS).day);
}

/** the calendar quarter of a date, e.g. { period: '2025-Q4', start: '2025-10-01', end: '2025-12-31' }. */
export function quarterOf(date: IsoDate): { period: string; year: number; quarter: number; start: IsoDate; end: IsoDate } {
  const year = Number(date.slice(0, 4));
  const quarter = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
  const startMonth = (quarter - 1) * 3 + 1;
  const start = `${year}-${String(startMonth).padStart(2, '0')}-01`;
  const end = isoDate(addMonths(dayNumber(start), 3).day - 1);
  return { period: `${year}-Q${quarter}`, year, quarter, start, end };
}

/** The quarters from the one of `from` to the one of `to`, inclusive. */
export function quartersBetween(from: IsoDate, to: IsoDate): ReturnType<typeof quarterOf>[] {
  const out: ReturnType<typeof quarterOf>[] = [];
  for (let q = quarterOf(from); q.start <= to; q = quarterOf(isoDate(dayNumber(q.end) + 1))) out.push(q);
  return out;
}

/** Annex 1: the eight columns (there is no "No." column and no title row). */
export const ANNEX1_COLUMNS: { n: number; field: string; label: Localized }[] = [
  { n: 1, field: 'scope', label: { kk: 'Заңнама саласы', ru: 'Сфера законодательства', en: 'Scope of legislation' } },
  { n: 2, field: 'name', label: { kk: 'Әкімшілік рәсімнің атауы/әкімшілік рәсімнің тәртібі қайда регламенттелген', ru: 'Наименование административной процедуры/где регламентирован порядок административной процедуры', en: 'Name of the administrative procedure/where the administrative procedure is regulated' } },
  { n: 3, field: 'format', label: { kk: 'Әкімшілік рәсімді ұсыну форматы және әкімшілік рәсім өтетін ақпараттық жүйе (бар болса)', ru: 'Формат осуществления административной процедуры и информационная система, в которой она проходит (при наличии)', en: 'The format of the administrative procedure and the information system through which the administrative procedure is conducted (if available)' } },
  { n: 4, field: 'performer', label: { kk: 'Әкімшілік рәсімді жүзеге асыратын әкімшілік орган/ лауазымды тұлға', ru: 'Административный орган/должностное лицо, осуществляющее административную процедуру', en: 'The administrative body/official who carries out the administrative procedure' } },
  { n: 5, field: 'complaintBody', label: { kk: 'Шағымды қарайтын орган', ru: 'Орган, рассматривающий жалобу', en: 'The body reviewing the complaint' } },
  { n: 6, field: 'appealProcedure', label: { kk: 'Шешімге/іс-әрекетке шағым жасау тәртібі қалай жүзеге асырылады? Ұсынымдық немесе міндетті шешім', ru: 'Как осуществляется порядок обжалования решения/действия? Рекомендательное или обязательное решение', en: 'How is the procedure for appealing a decision/action implemented? Is the decision recommendatory or mandatory' } },
  { n: 7, field: 'appealTerms', label: { kk: 'Ықтимал шағым жасау мерзімі', ru: 'Сроки возможного обжалования', en: 'Terms of possible appeal' } },
  { n: 8, field: 'legalRefs', label: { kk: 'Заңға немесе өзге нормативтік құқықтық актіге нақты сілтеме', ru: 'Конкретная ссылка на закон или иной нормативный правовой акт', en: 'A specific reference to a law or other regulatory legal act' } },
];

/**
 * Annex 2: the rows of a manual. Row 12 is two sub-lists (A-15, D-07: EN "refusal of satisfaction", KZ "refusal
 * to consider"). `mandatory`: approval is blocked while the row is empty (p.9, R-03); `optional`: row 8 ("if
 * any") may stay empty or say "none"; `markable`: rows 15–16 may be "none" only when explicitly marked so.
 */
export type ManualRowRule = 'mandatory' | 'optional' | 'markable';
export const MANUAL_ROWS = [
  { key: 'r1', row: '1', rule: 'mandatory', label: { kk: 'Әкімшілік рәсімді жүзеге асыратын әкімшілік органның атауы, лауазымды тұлғаның Т.А.Ә.', ru: 'Наименование административного органа, Ф.И.О. должностного лица, осуществляющего административную процедуру', en: 'Name of the administrative body, full name of the official carrying out the administrative procedure' } },
  { key: 'r2', row: '2', rule: 'mandatory', label: { kk: 'Өтінішті қабылдау және (немесе) әкімшілік актіні шығару жөніндегі ақпараттық жүйе', ru: 'Информационная система приёма заявления и (или) выдачи административного акта', en: 'Information system for receiving an application and (or) issuing an administrative act' } },
  { key: 'r3', row: '3', rule: 'mandatory', label: { kk: 'Қарау нысаны', ru: 'Форма рассмотрения', en: 'Form of consideration' } },
  { key: 'r4', row: '4', rule: 'mandatory', label: { kk: 'Әкімшілік органның және ақпараттық жүйенің жұмыс кестесі', ru: 'График работы административного органа и информационной системы', en: 'Schedule of work of the administrative body and information system' } },
  { key: 'r5', row: '5', rule: 'mandatory', label: { kk: 'Әкімшілік рәсімді жүзеге асыруды реттейтін нормативтік құқықтық акт', ru: 'Нормативный правовой акт, регулирующий осуществление административной процедуры', en: 'A regulatory legal act regulating the implementation of an administrative procedure' } },
  { key: 'r6', row: '6', rule: 'mandatory', label: { kk: 'Қаралуы қажет құжаттардың тізбесі', ru: 'Перечень документов, необходимых для рассмотрения', en: 'List of documents required for consideration' } },
  { key: 'r7', row: '7', rule: 'mandatory', label: { kk: 'Қарау мерзімі', ru: 'Срок рассмотрения', en: 'Review period' } },
  { key: 'r8', row: '8', rule: 'optional', label: { kk: 'Мемлекеттік баж мөлшерлемесі (бар болса)', ru: 'Ставка государственной пошлины (при наличии)', en: 'State duty rate (if any)' } },
  { key: 'r9', row: '9', rule: 'mandatory', label: { kk: 'Қарау тәртібі', ru: 'Порядок рассмотрения', en: 'Review procedure' } },
  { key: 'r10', row: '10', rule: 'mandatory', label: { kk: 'Қарау нәтижесі', ru: 'Результат рассмотрения', en: 'Review result' } },
  { key: 'r11', row: '11', rule: 'mandatory', label: { kk: 'Қанағаттандыру үшін негіздер', ru: 'Основания для удовлетворения', en: 'Grounds for satisfaction' } },
  { key: 'r12Consider', row: '12', rule: 'mandatory', label: { kk: 'Қараудан бас тарту үшін негіздер', ru: 'Основания для отказа в рассмотрении', en: 'Grounds for refusal to consider' } },
  { key: 'r12Satisfy', row: '12', rule: 'mandatory', label: { kk: 'Қанағаттандырудан бас тарту үшін негіздер', ru: 'Основания для отказа в удовлетворении', en: 'Grounds for refusal of satisfaction' } },
  { key: 'r13', row: '13', rule: 'mandatory', label: { kk: 'Салалық заңдардың және өзге де НҚА ерекшеліктерін ескере отырып, шағым жасау тәртібі', ru: 'Порядок обжалования с учётом особенностей отраслевых законов и иных НПА', en: 'The appeal procedure, taking into account the specifics of industry laws and other regulations' } },
  { key: 'r14', row: '14', rule: 'mandatory', label: { kk: 'Әкімшілік рәсім шеңберінде қолданылатын ӘРПК талаптары', ru: 'Требования АППК, применяемые в рамках административной процедуры', en: 'The requirements of the APC applied in the framework of the administrative procedure' } },
  { key: 'r15', row: '15', rule: 'markable', label: { kk: 'Сот практикасына байланысты ерекшеліктер', ru: 'Особенности, связанные с судебной практикой', en: 'Features related to judicial practice' } },
  { key: 'r16', row: '16', rule: 'markable', label: { kk: 'Қозғалған мәселенің ерекшеліктерін ескергендегі өзге де талаптар', ru: 'Иные требования с учётом особенностей рассматриваемого вопроса', en: 'Other requirements, taking into account the specifics of the issue being addressed' } },
] as const satisfies readonly { key: string; row: string; rule: ManualRowRule; label: Localized }[];
export type ManualRowKey = (typeof MANUAL_ROWS)[number]['key'];
export const MANUAL_ROW_KEYS = MANUAL_ROWS.map((r) => r.key) as ManualRowKey[];
/** The rows that may be marked "none": 8 ("if any") and 15–16 (only explicitly, R-03). */
export const NONE_MARKABLE = ['r8', 'r15', 'r16'] as const;
export const MANUAL_TITLE: Localized = { kk: 'Әкімшілік рәсімді жүзеге асыру жөніндегі нұсқаулық', ru: 'Руководство по осуществлению административной процедуры', en: 'Guidelines for the implementation of the administrative procedure' };

export type ManualFields = Partial<Record<ManualRowKey, Partial<Record<Language, string>>>>;

const filled = (v: Partial<Record<Language, string>> | undefined) => !!v && Object.values(v).some((s) => typeof s === 'string' && s.trim() !== '');

/**
 * p.9, R-03, AT-23: the rows that block approval. A row is filled when any of its languages has text; row 12 needs
 * at least one of its two sub-lists; row 8 may be empty; rows 15–16 need text or an explicit "none" mark.
 */
export function missingRows(fields: ManualFields, none: readonly string[]): ManualRowKey[] {
  const missing: ManualRowKey[] = [];
  for (const r of MANUAL_ROWS) {
    if (r.key === 'r12Satisfy') continue;
    if (r.key === 'r12Consider') {
      if (!filled(fields.r12Consider) && !filled(fields.r12Satisfy)) missing.push(r.key);
      continue;
    }
    if (r.rule === 'optional' || (r.rule === 'markable' && none.includes(r.key))) continue;
    if (!filled(fields[r.key])) missing.push(r.key);
  }
  return missing;
}
