/**
 * The closed lists of the complaint procedure (APC Chapters 13–15): what a complaint states (93(2)), when it is left
 * without consideration (95(1)), the exceptions to the suspension of execution (96), the decisions the review body
 * may take (100(1)) and their grounds (100(3)), and the comparison a reviewer declares for "cancel and adopt a new
 * act" (98(6): no worsening of the complainant's position). Each item carries its citation and kk/ru/en text.
 */
import type { Localized } from './i18n.ts';
import type { ContentItem, Ground } from './requirements.ts';

/** What is challenged (91(1), 91(2)): an act, an action, inaction, or a deemed refusal (inaction by law). */
export const CHALLENGED_KINDS = ['act', 'action', 'inaction', 'deemed_refusal'] as const;
export type ChallengedKind = (typeof CHALLENGED_KINDS)[number];

/** APC 93(2): the content of a complaint. IIN/BIN and the actual address are listed without "if any" (A16): a missing one is reported, never a refusal. */
export const COMPLAINT_CONTENT: readonly ContentItem[] = [
  { code: 'review_body', citation: 'APC 93(2)(1)', text: { kk: 'Шағымды қарайтын органның атауы', ru: 'Наименование органа, рассматривающего жалобу', en: 'The complaint review body' } },
  { code: 'complainant_name', citation: 'APC 93(2)(2)', text: { kk: 'Жеке тұлғаның тегі, аты, әкесінің аты немесе заңды тұлғаның атауы', ru: 'Фамилия, имя, отчество физического лица либо наименование юридического лица', en: 'Surname, first name and patronymic, or the name of the legal entity' } },
  { code: 'id_number', citation: 'APC 93(2)(2)', text: { kk: 'Жеке сәйкестендіру нөмірі немесе бизнес-сәйкестендіру нөмірі', ru: 'Индивидуальный или бизнес-идентификационный номер', en: 'Individual or business identification number (IIN/BIN)' } },
  { code: 'postal_address', citation: 'APC 93(2)(2)', text: { kk: 'Пошталық мекенжай', ru: 'Почтовый адрес', en: 'Postal address' } },
  { code: 'actual_address', citation: 'APC 93(2)(3)', text: { kk: 'Жеке тұлғаның нақты тұратын мекенжайы немесе заңды тұлғаның орналасқан жері', ru: 'Адрес фактического проживания физического лица или места нахождения юридического лица', en: 'Actual residence of the person, or location of the legal entity' } },
  { code: 'challenged_body', citation: 'APC 93(2)(4)', text: { kk: 'Актісі, әрекеті (әрекетсіздігі) шағымданатын органның, лауазымды адамның атауы', ru: 'Наименование органа, должностного лица, чьи акт, действие (бездействие) оспариваются', en: 'The body or official whose act or action (inaction) is challenged' } },
  { code: 'circumstances', citation: 'APC 93(2)(5)', text: { kk: 'Талаптар негізделген мән-жайлар және дәлелдемелер', ru: 'Обстоятельства, на которых основаны требования, и доказательства', en: 'The circumstances the demands rest on, and the evidence' } },
  { code: 'filed_on', citation: 'APC 93(2)(6)', text: { kk: 'Шағым берілген күн', ru: 'Дата подачи жалобы', en: 'The date of filing' } },
  { code: 'signature', citation: 'APC 93(2)(7)', text: { kk: 'Қатысушының қолы', ru: 'Подпись участника', en: 'Signature of the participant' } },
  { code: 'attachments', citation: 'APC 93(2)(8)', text: { kk: 'Шағымға қоса берілетін құжаттардың тізбесі', ru: 'Перечень прилагаемых документов', en: 'List of attached documents' } },
];

export interface ComplaintContent {
  reviewBody: string | null;
  complainant: { kind: 'individual' | 'legal_entity'; name?: string | null; iin?: string | null; bin?: string | null; postalAddress?: string | null; actualAddress?: string | null };
  challengedBody: string | null;
  circumstances: string | null;
  filedOn: string | null;
  signed: boolean;
  /** the list of attachments; an empty list is a statement that nothing is attached, `null` that the list is missing */
  attachments: readonly string[] | null;
}

const blank = (v: string | null | undefined) => v === undefined || v === null || v.trim() === '';

/** The items of APC 93(2) a complaint lacks: the content of a defect notice (94(1) -> 64(6)); never a refusal of intake. */
export function missingComplaintContent(c: ComplaintContent): ContentItem[] {
  const missing = new Set<string>();
  if (blank(c.reviewBody)) missing.add('review_body');
  if (blank(c.complainant.name)) missing.add('complainant_name');
  if (blank(c.complainant.kind === 'legal_entity' ? c.complainant.bin : c.complainant.iin)) missing.add('id_number');
  if (blank(c.complainant.postalAddress)) missing.add('postal_address');
  if (blank(c.complainant.actualAddress)) missing.add('actual_address');
  if (blank(c.challengedBody)) missing.add('challenged_body');
  if (blank(c.circumstances)) missing.add('circumstances');
  if (blank(c.filedOn)) missing.add('filed_on');
  if (!c.signed) missing.add('signature');
  if (c.attachments === null) missing.add('attachments');
  return COMPLAINT_CONTENT.filter((i) => missing.has(i.code));
}

/** APC 95(1): the review body leaves a complaint without consideration on any of these (and only these). */
export const NOT_CONSIDERED_GROUNDS: readonly Ground[] = [
  { code: 'already_decided', citation: 'APC 95(1)(1)', text: { kk: 'Шағымды қарайтын органның сол қатысушыға қатысты сол мәні және сол негіздер бойынша шешімі бар', ru: 'Имеется решение органа, рассматривающего жалобу, в отношении участника о том же предмете и по тем же основаниям', en: 'The review body has decided a complaint of this participant on the same subject and grounds' } },
  { code: 'court_act_in_force', citation: 'APC 95(1)(2)', text: { kk: 'Сол тұлғаға қатысты сол мәні және сол негіздер бойынша заңды күшіне енген сот актісі бар', ru: 'Имеется вступивший в законную силу судебный акт в отношении того же лица, о том же предмете и по тем же основаниям', en: 'A court act in force concerns the same person, subject and grounds' } },
  { code: 'returned', citation: 'APC 95(1)(3)', text: { kk: 'Шағымды қарайтын орган шағымды қайтарды', ru: 'Жалоба возвращена органом, рассматривающим жалобу', en: 'The review body returned the complaint' } },
  { code: 'withdrawn', citation: 'APC 95(1)(4)', text: { kk: 'Шағымды қарайтын орган өтініш берушінің шағымды кері қайтарып алуын қабылдады', ru: 'Органом, рассматривающим жалобу, принят отзыв жалобы заявителем', en: 'The review body accepted the complainant\'s withdrawal' } },
];

/** APC 96: filing suspends execution of the act or action, except in these cases (recorded with reasons and who invoked them, A15). */
export const SUSPENSION_EXCEPTIONS: readonly Ground[] = [
  { code: 'protection_of_rights', citation: 'APC 96(1)', reasonsRequired: true, text: { kk: 'Азаматтар мен заңды тұлғалардың құқықтарын, қоғамдық немесе мемлекеттік мүдделерді қорғау қажеттілігі', ru: 'Необходимость защиты прав граждан и юридических лиц, общественных или государственных интересов', en: 'Protection of the rights of persons, or of public or state interests' } },
  { code: 'financial_regulator', citation: 'APC 96(2)', text: { kk: 'Қаржы нарығын реттеу органының немесе Ұлттық Банктің лицензияны тоқтата тұру немесе айыру туралы актісі', ru: 'Акт уполномоченного органа по регулированию финансового рынка или Национального Банка о приостановлении или лишении лицензии', en: 'An act of the financial-market regulator or the National Bank suspending or revoking a licence' } },
  { code: 'other_law', citation: 'APC 96(3)', reasonsRequired: true, text: { kk: 'Қазақстан Республикасының заңдарында көзделген өзге жағдайлар', ru: 'Иные случаи, предусмотренные законами Республики Казахстан', en: 'Other cases provided by the laws of Kazakhstan' } },
];

/** APC 100(1): the decisions on a complaint. (1)–(3) only within the review body's competence (100(2)). */
export const COMPLAINT_DECISIONS: readonly (Ground & { cancelsAct?: boolean; needsCompetence?: boolean; needsGrounds?: boolean })[] = [
  { code: 'cancel_act', citation: 'APC 100(1)(1)', cancelsAct: true, needsCompetence: true, needsGrounds: true, text: { kk: 'Әкімшілік актінің күшін жою', ru: 'Отмена административного акта', en: 'Cancel the administrative act' } },
  { code: 'cancel_and_new_act', citation: 'APC 100(1)(2)', cancelsAct: true, needsCompetence: true, needsGrounds: true, text: { kk: 'Әкімшілік актінің күшін жою және жаңа әкімшілік акт қабылдау', ru: 'Отмена административного акта и принятие нового административного акта', en: 'Cancel the act and adopt a new act' } },
  { code: 'take_action', citation: 'APC 100(1)(3)', needsCompetence: true, needsGrounds: true, text: { kk: 'Әкімшілік әрекет жасау', ru: 'Совершение административного действия', en: 'Take the administrative action' } },
  { code: 'dismiss', citation: 'APC 100(1)(4)', reasonsRequired: true, text: { kk: 'Шағымды қанағаттандырусыз қалдыру', ru: 'Оставление жалобы без удовлетворения', en: 'Dismiss the complaint' } },
  { code: 'return_for_new_procedure', citation: 'APC 100(1)(5)', needsGrounds: true, text: { kk: 'Әкімшілік істі бұзушылықтар мен оларды жою жөніндегі ұсыныстарды көрсете отырып, рәсімді жүзеге асыру үшін органға жіберу', ru: 'Направление административного дела в орган для осуществления процедуры с указанием нарушений и предложений по их устранению', en: 'Send the case back to the body for a new procedure, with the violations and proposals to fix them' } },
  { code: 'leave_without_consideration', citation: 'APC 100(1)(6)', text: { kk: 'Шағымды қараусыз қалдыру', ru: 'Оставление жалобы без рассмотрения', en: 'Leave the complaint without consideration' } },
];
export type ComplaintDecision = 'cancel_act' | 'cancel_and_new_act' | 'take_action' | 'dismiss' | 'return_for_new_procedure' | 'leave_without_consideration';

/** APC 100(3): the grounds for decisions (1), (2), (3) and (5). */
export const DECISION_GROUNDS: readonly Ground[] = [
  { code: 'circumstances_misjudged', citation: 'APC 100(3)', text: { kk: 'Іс үшін маңызы бар мән-жайлардың ауқымын дұрыс анықтамау және анықтамау', ru: 'Неправильное определение и выяснение круга обстоятельств, имеющих значение для дела', en: 'The relevant circumstances were wrongly defined or established' } },
  { code: 'content_contradicts_file', citation: 'APC 100(3)', text: { kk: 'Акт, әрекет (әрекетсіздік) мазмұнының әкімшілік іс материалдарына сәйкес келмеуі', ru: 'Несоответствие содержания акта, действия (бездействия) материалам административного дела', en: 'The act or action does not match the case file' } },
  { code: 'law_violated', citation: 'APC 100(3)', text: { kk: 'Қазақстан Республикасының заңнамасын бұзу немесе дұрыс қолданбау', ru: 'Нарушение или неправильное применение законодательства Республики Казахстан', en: 'The law was breached or misapplied' } },
];

/**
 * APC 98(6): "обращение жалобы во вред заявителю не допускается". For "cancel and adopt a new act" the reviewer
 * declares how the new act compares with the cancelled one for the complainant; `worse` is refused.
 */
export const COMPARISONS = ['better', 'same', 'worse'] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** Whom the review body hears (98(3) -> 73): the official whose act is challenged, and the participant. */
export const HEARD_PARTIES = ['official', 'complainant'] as const;

export const RIGHTS_EXPLAINED: Localized = {
  kk: 'Қатысушыға шағымды қарау кезіндегі құқықтары мен міндеттері түсіндірілді (ӘРПК 94(2))',
  ru: 'Участнику разъяснены права и обязанности при рассмотрении жалобы (АППК 94(2))',
  en: 'The participant was told their rights and duties in the complaint review (APC 94(2))',
};

/**
 * APC 101(1): what the written decision on a complaint states, checked before the reviewer signs it as an act
 * (the signature is the decision's adoption). The decision type of 100(1) and the explanation of the court route
 * (100(6), 136(1)) are asked as well: the first is what the decision is, the second starts the claim term.
 */
export const COMPLAINT_DECISION_CONTENT: readonly ContentItem[] = [
  { code: 'decided_on', citation: 'APC 101(1)(1)', text: { kk: 'Шешім қабылданған күн', ru: 'Дата принятия решения', en: 'The date of the decision' } },
  { code: 'review_body', citation: 'APC 101(1)(2)', text: { kk: 'Шағымды қарайтын органның атауы', ru: 'Наименование органа, рассматривающего жалобу', en: 'The complaint review body' } },
  { code: 'complainant', citation: 'APC 101(1)(3)', text: { kk: 'Шағым берушінің тегі, аты, әкесінің аты және ЖСН-і; заңды тұлғаның атауы, ұйымдық-құқықтық нысаны және БСН-і', ru: 'Фамилия, имя, отчество и ИИН заявителя; наименование, организационно-правовая форма и БИН юридического лица', en: 'The complainant: full name and IIN; or name, legal form and BIN of a legal entity' } },
  { code: 'challenged', citation: 'APC 101(1)(4)', text: { kk: 'Шағымданған акт, әрекет (әрекетсіздік) туралы қысқаша мазмұн', ru: 'Краткое содержание обжалуемого акта, действия (бездействия)', en: 'A short summary of the challenged act or action (inaction)' } },
  { code: 'essence', citation: 'APC 101(1)(5)', text: { kk: 'Шағымның мәні', ru: 'Суть жалобы', en: 'The essence of the complaint' } },
  { code: 'justification', citation: 'APC 101(1)(6)', text: { kk: 'Қолданылған құқық нормаларына сілтеме жасалған шешімнің негіздемесі', ru: 'Обоснование решения со ссылками на применённые нормы права', en: 'The justification, with references to the legal norms applied' } },
  { code: 'decision', citation: 'APC 100(1)', text: { kk: 'Шағым бойынша шешімнің түрі', ru: 'Вид решения по жалобе', en: 'Which decision of Art. 100(1) is taken' } },
  { code: 'court_explanation', citation: 'APC 100(6), 136(1)', text: { kk: 'Шешімге сотқа шағымдану құқығы мен мерзімін түсіндіру', ru: 'Разъяснение права и срока обжалования решения в суд', en: 'The right and the term to challenge the decision in court' } },
  { code: 'signature', citation: 'APC 101(1)', text: { kk: 'Лауазымды адамның қолы', ru: 'Подпись должностного лица', en: 'Signature of the official' } },
];

export interface ComplaintDecisionContent {
  decidedOn: string | null;
  reviewBody: string | null;
  complainant: { kind: 'individual' | 'legal_entity'; name?: string | null; iin?: string | null; bin?: string | null; legalForm?: string | null } | null;
  challenged: string | null;
  essence: string | null;
  justification: string | null;
  norms: string | null;
  decision: string | null;
  courtExplanation: string | null;
  signed: boolean;
}

/** The items of APC 101(1) (and 100(1), 100(6)) a complaint decision lacks; `beforeSigning` leaves out the signature. */
export function missingComplaintDecisionContent(d: ComplaintDecisionContent, options: { beforeSigning?: boolean } = {}): ContentItem[] {
  const missing = new Set<string>();
  if (blank(d.decidedOn)) missing.add('decided_on');
  if (blank(d.reviewBody)) missing.add('review_body');
  const c = d.complainant;
  if (!c || blank(c.name) || (c.kind === 'legal_entity' ? blank(c.bin) || blank(c.legalForm) : blank(c.iin))) missing.add('complainant');
  if (blank(d.challenged)) missing.add('challenged');
  if (blank(d.essence)) missing.add('essence');
  if (blank(d.justification) || blank(d.norms)) missing.add('justification');
  if (!COMPLAINT_DECISIONS.some((x) => x.code === d.decision)) missing.add('decision');
  if (blank(d.courtExplanation)) missing.add('court_explanation');
  if (!options.beforeSigning && !d.signed) missing.add('signature');
  return COMPLAINT_DECISION_CONTENT.filter((i) => missing.has(i.code));
}
