/**
 * What the law requires of an administrative act (APC Chapter 11): the content of a written act (80(1)), when
 * the justification may be left out (80(2)), the forms of acts (78), and the closed lists of revocation grounds
 * (84(6), 85(3)–(4)). Each item carries its citation and its text in kk, ru, en; the acts module stores codes.
 */
import type { Localized } from './i18n.ts';

const l = (kk: string, ru: string, en: string): Localized => ({ kk, ru, en });

/** APC 78: the forms of an act. An appeal-initiated procedure ends only in a written act (78(2)). */
export const ACT_FORMS = {
  written_electronic: { citation: 'APC 78(1)', written: true, text: l('Жазбаша (электрондық) нысан', 'Письменная (электронная) форма', 'Written (electronic) form') },
  written_paper: { citation: 'APC 78(1)', written: true, text: l('Жазбаша (қағаз) нысан', 'Письменная (бумажная) форма', 'Written (paper) form') },
  oral: { citation: 'APC 78(3)', written: false, text: l('Ауызша нысан', 'Устная форма', 'Oral form') },
  other: { citation: 'APC 78(3)', written: false, text: l('Өзге нысан', 'Иная форма', 'Other form') },
} as const;
export type ActForm = keyof typeof ACT_FORMS;

/** APC 78(3): an oral or other act only where one of these holds. */
export const ORAL_FORM_GROUNDS = [
  { code: 'protection', citation: 'APC 78(3)(1)', text: l('Азаматтардың, заңды тұлғалардың құқықтарын, қоғамдық немесе мемлекеттік мүдделерді қорғау талап етіледі', 'Требуется защита прав, свобод граждан и юридических лиц, общественных или государственных интересов', 'Protection of rights or of public or state interests requires it') },
  { code: 'other_law', citation: 'APC 78(3)(2)', text: l('Заңдарда көзделген өзге жағдайлар', 'Иные случаи, предусмотренные законами', 'Other cases provided by law') },
] as const;

/** Kinds of act a standard form is made for (Rules No. 111 p.5(3), p.7; apc-requirements §2.12, §2.15, §2.19). */
export const ACT_KINDS = {
  satisfaction: { citation: 'APC 77(1)(1)', outcome: 'satisfied', favourable: true, text: l('Өтінішті қанағаттандыру туралы акт', 'Акт об удовлетворении заявления', 'Act satisfying an application') },
  refusal: { citation: 'APC 77(1)(1)', outcome: 'refused', favourable: false, text: l('Өтінішті қанағаттандырудан бас тарту туралы акт', 'Акт об отказе в удовлетворении заявления', 'Act refusing an application') },
  termination: { citation: 'APC 77(1)(2), 70', outcome: 'terminated', favourable: false, text: l('Әкімшілік рәсімді тоқтату туралы шешім', 'Решение о прекращении административной процедуры', 'Decision terminating the procedure') },
  simplified_answer: { citation: 'APC 89', outcome: 'answer', favourable: true, text: l('Оңайлатылған рәсімдегі жауап', 'Ответ в упрощённой процедуре', 'Answer in the simplified procedure') },
  complaint_decision: { citation: 'APC 100, 101', outcome: 'complaint_decided', favourable: false, text: l('Шағым бойынша шешім', 'Решение по жалобе', 'Decision on a complaint') },
} as const;
export type ActKind = keyof typeof ACT_KINDS;

export interface ActContentItem {
  code: string;
  citation: string;
  text: Localized;
}

/**
 * APC 80(1): what a written act states. The signature (80(1)(5)) is the signing itself; the others are checked
 * before it. `appeal_explanation` is [NOT IN CODE] for every act: the Code asks for it in a simplified answer
 * (89(2)) and, where no superior body exists, for the court route (91(6)); Tynda asks it of every act, because
 * the complaint term (92(1)) runs from the act.
 */
export const ACT_CONTENT: readonly ActContentItem[] = [
  { code: 'body_name', citation: 'APC 80(1)(1)', text: l('Әкімшілік органның атауы', 'Наименование административного органа', 'Name of the administrative body') },
  { code: 'official', citation: 'APC 80(1)(1)', text: l('Актіні қабылдаған лауазымды адамның тегі мен аты-жөнінің бас әріптері', 'Фамилия и инициалы должностного лица, принявшего акт', 'Surname and initials of the official adopting the act') },
  { code: 'adopted_on', citation: 'APC 80(1)(2)', text: l('Әкімшілік актіні қабылдау күні', 'Дата принятия административного акта', 'Date of adoption of the act') },
  { code: 'addressee', citation: 'APC 80(1)(3)', text: l('Өтініш беруші туралы мәліметтер: жеке тұлғаның тегі, аты, әкесінің аты; заңды тұлғаның атауы және ұйымдық-құқықтық нысаны', 'Сведения о заявителе: фамилия, имя, отчество физического лица; наименование и организационно-правовая форма юридического лица', 'The applicant: full name of a person; name and legal form of a legal entity') },
  { code: 'operative', citation: 'APC 80(1)(4)', text: l('Акт қабылданған кезде шешілетін мәселелердің сипаттамасы', 'Описание вопросов, разрешаемых при принятии акта', 'The issues the act resolves') },
  { code: 'justification', citation: 'APC 80(1)(4)', text: l('Әкімшілік актінің негіздемесі (құқықтық негізімен)', 'Обоснование административного акта (с правовым основанием)', 'The justification of the act, with its legal basis') },
  { code: 'no_hearing_reasons', citation: 'APC 73(2)', text: l('Тыңдау неге өткізілмегенінің себептері (73-баптың 2-тармағының 4) тармақшасы)', 'Причины, по которым заслушивание не проводилось (подпункт 4) пункта 2 статьи 73)', 'Why no hearing was held (Art. 73(2)(4))') },
  { code: 'appeal_explanation', citation: 'APC 91(6), 92(1), 89(2)', text: l('Шағым жасау құқығы мен мерзімін түсіндіру', 'Разъяснение права и срока обжалования', 'The right to complain and its term') },
  { code: 'signature', citation: 'APC 80(1)(5)', text: l('Лауазымды адамның қолы', 'Подпись должностного лица', 'Signature of the official') },
];

/** APC 80(2): the justification may be left out. */
export const JUSTIFICATION_EXEMPTIONS = [
  { code: 'favourable_no_third_party', citation: 'APC 80(2)(1)', text: l('Басқа адамдардың құқықтарын қозғамайтын қолайлы акт', 'Благоприятный акт, не затрагивающий права других лиц', 'A favourable act that does not affect the rights of others') },
  { code: 'identical_acts', citation: 'APC 80(2)(2)', text: l('Бір мәселе бойынша отыз күнтізбелік күн ішінде үздіксіз бестен астам бірдей акт', 'Более пяти идентичных актов об одном предмете непрерывно в течение тридцати календарных дней', 'More than five identical acts on one subject within 30 continuous calendar days') },
  { code: 'published', citation: 'APC 80(2)(2)', text: l('Актілер бұқаралық ақпарат құралдарында, интернет-ресурстарда жарияланады', 'Акты опубликовываются в СМИ, включая интернет-ресурсы', 'The acts are published in the media, including online') },
  { code: 'other_law', citation: 'APC 80(2)(3)', text: l('Заңдарда көзделген өзге жағдайлар', 'Иные случаи, предусмотренные законами', 'Other cases provided by law') },
] as const;
export type JustificationExemption = (typeof JUSTIFICATION_EXEMPTIONS)[number]['code'];

/** APC 80(2)(2): "более чем пять" acts "непрерывно в течение тридцати календарных дней". */
export const IDENTICAL_ACTS = { moreThan: 5, calendarDays: 30, term: 'APC-80.2.2', citation: 'APC 80(2)(2)' } as const;

/**
 * APC 80(2)(2): does the act about to be signed come after more than five identical acts on the same subject
 * in the continuous 30 calendar days ending with it? `earlier` are the adoption days (YYYY-MM-DD) of the signed
 * acts of the same standard form and subject; the window is the 30 days ending on `on` (the term's caveat: the
 * Code does not say whether the window slides; Tynda takes the continuous 30 days ending with this act).
 */
export function identicalActsExemptionApplies(earlier: readonly string[], on: string): boolean {
  const end = Date.parse(`${on}T00:00:00Z`);
  const start = end - (IDENTICAL_ACTS.calendarDays - 1) * 86_400_000;
  const within = earlier.filter((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return t >= start && t <= end;
  });
  // this act is the (n+1)-th: the exemption applies from the 6th act on (scenario 52)
  return within.length + 1 > IDENTICAL_ACTS.moreThan;
}

export interface ActContent {
  bodyName?: string | null;
  official?: string | null;
  adoptedOn?: string | null;
  addressee?: { kind: 'individual' | 'legal_entity'; name?: string | null; legalForm?: string | null } | null;
  operative?: string | null;
  justification?: string | null;
  legalBasis?: string | null;
  justificationExemption?: string | null;
  /** the hearing was skipped under 73(2)(4): the reasons must be in the act */
  hearingExemption?: string | null;
  noHearingReasons?: string | null;
  appealExplanation?: string | null;
  signed?: boolean;
}

const blank = (v: string | null | undefined) => v === undefined || v === null || v.trim() === '';

/**
 * The items of APC 80 a written act lacks (empty when it is complete). `signed: false` leaves out the signature:
 * it is what signing adds, so checking before signing asks for everything else.
 */
export function missingActContent(a: ActContent, options: { beforeSigning?: boolean } = {}): ActContentItem[] {
  const missing = new Set<string>();
  if (blank(a.bodyName)) missing.add('body_name');
  if (blank(a.official)) missing.add('official');
  if (blank(a.adoptedOn)) missing.add('adopted_on');
  if (!a.addressee || blank(a.addressee.name) || (a.addressee.kind === 'legal_entity' && blank(a.addressee.legalForm))) missing.add('addressee');
  if (blank(a.operative)) missing.add('operative');
  if (!a.justificationExemption && (blank(a.justification) || blank(a.legalBasis))) missing.add('justification');
  if (a.hearingExemption === 'urgent_protection' && blank(a.noHearingReasons)) missing.add('no_hearing_reasons');
  if (blank(a.appealExplanation)) missing.add('appeal_explanation');
  if (!options.beforeSigning && !a.signed) missing.add('signature');
  return ACT_CONTENT.filter((i) => missing.has(i.code));
}

/** APC 84(6): the only grounds on which an unlawful favourable act is revoked (84(7)). */
export const UNLAWFUL_FAVOURABLE_GROUNDS = [
  { code: 'unconstitutional_basis', citation: 'APC 84(6)(1)', text: l('Акт негізделген құқықтық акт конституциялық емес деп танылды', 'Правовой акт, на основании которого вынесен акт, признан неконституционным', 'The legal act it was based on was found unconstitutional') },
  { code: 'false_information', citation: 'APC 84(6)(2)', text: l('Қатысушы ұсынған құжаттың не мәліметтің көрінеу жалғандығы анықталды', 'Установлена заведомая недостоверность документа либо сведений участника', 'Knowingly false documents or information of the participant') },
  { code: 'unlawful_conduct', citation: 'APC 84(6)(3)', text: l('Акт қатысушының заңды күшіне енген үкіммен не қаулымен анықталған құқыққа қайшы әрекеттерінің нәтижесінде қабылданды', 'Акт принят в результате противоправных действий участника, установленных вступившим в силу приговором или постановлением', 'Adopted as a result of the participant’s unlawful acts established by a decision in force') },
  { code: 'public_interest', citation: 'APC 84(6)(4)', text: l('Акт мемлекеттік немесе қоғамдық мүдделерді, мемлекет қауіпсіздігін қозғайды не ауыр қайтымсыз салдарға әкелуі мүмкін', 'Акт затрагивает государственные или общественные интересы, безопасность государства либо может привести к тяжким необратимым последствиям', 'It affects state or public interests or security, or may lead to grave irreversible consequences') },
] as const;

/** APC 85(3)–(4): when a lawful act may be revoked. */
export const LAWFUL_REVOCATION_GROUNDS = [
  { code: 'burdensome_not_prohibited', citation: 'APC 85(3)', favourable: false, text: l('Ауыртпалық салатын актінің күшін жою заңмен тыйым салынбаған', 'Отмена обременяющего акта не запрещена законом', 'Revoking the burdensome act is not forbidden by law') },
  { code: 'law_and_act_allow', citation: 'APC 85(4)(1)', favourable: true, text: l('Күшін жою мүмкіндігі заңда да, актіде де көзделген', 'Возможность отмены предусмотрена законами и самим актом', 'Both the law and the act provide for revocation') },
  { code: 'condition_unmet', citation: 'APC 85(4)(2)', favourable: true, text: l('Акт шартпен қабылданған, шарт орындалмаған не тиісінше орындалмаған', 'Акт принят с условием, и оно не исполнено либо исполнено ненадлежащим способом', 'The act was adopted with a condition that was not met, or not properly') },
] as const;
