/**
 * What the law requires of an appeal's content, and the closed lists of grounds the procedure uses: hearing
 * exemptions (APC 73(2)), termination grounds (70(1), 88(1)), recusal grounds (67(1)). Each item carries its
 * citation and its text in kk, ru, en; the appeals module stores the codes.
 */
import type { Localized } from './i18n.ts';

/** Kinds of appeal (APC 4(1)(16) and Chapter 12) and the procedure each follows (A2, A10). */
export const APPEAL_TYPES = {
  application: { procedure: 'appeal', citation: 'APC 4(1)(16)' },
  proposal: { procedure: 'simplified', citation: 'APC 87(1)' },
  feedback: { procedure: 'simplified', citation: 'APC 87(1)' },
  request: { procedure: 'simplified', citation: 'APC 87(1)' },
  report: { procedure: 'simplified', citation: 'APC 87(1)' },
} as const;
export type AppealType = keyof typeof APPEAL_TYPES;

/** Channels of intake (APC 63(1), 64(4); Standard Regulation p.5(1)); a video appeal is suspended (A1). */
export const CHANNELS = ['paper', 'electronic', 'oral', 'reception', 'videoconference'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface AppealContent {
  applicant: {
    kind: 'individual' | 'legal_entity';
    /** surname, first name and patronymic of a person; name of a legal entity */
    name?: string | null;
    postalAddress?: string | null;
  };
  addressee?: string | null;
  essence?: string | null;
  filedOn?: string | null;
  signed: boolean;
  /** APC 63(3): proof of payment where the law makes the procedure paid */
  paymentProof?: boolean | null;
  paid?: boolean;
}

export interface ContentItem {
  code: string;
  citation: string;
  text: Localized;
}

/**
 * APC 63(2): what a written appeal or the protocol of an oral one states. IIN and BIN are "при его наличии"
 * and are never required (63(2)(1); 14); phone and e-mail are not in the Code and never block intake.
 */
export const APPEAL_CONTENT: readonly ContentItem[] = [
  { code: 'applicant_name', citation: 'APC 63(2)(1)', text: { kk: 'Жеке тұлғаның тегі, аты, әкесінің аты немесе заңды тұлғаның атауы', ru: 'Фамилия, имя, отчество физического лица либо наименование юридического лица', en: 'Surname, first name and patronymic of the person, or the name of the legal entity' } },
  { code: 'postal_address', citation: 'APC 63(2)(1)', text: { kk: 'Пошталық мекенжай', ru: 'Почтовый адрес', en: 'Postal address' } },
  { code: 'addressee', citation: 'APC 63(2)(2)', text: { kk: 'Өтініш берілетін әкімшілік органның, лауазымды адамның атауы', ru: 'Наименование административного органа, должностного лица, которым подаётся обращение', en: 'The administrative body or official the appeal is addressed to' } },
  { code: 'essence', citation: 'APC 63(2)(3)', text: { kk: 'Өтініштің мәні', ru: 'Суть обращения', en: 'The essence of the appeal' } },
  { code: 'filed_on', citation: 'APC 63(2)(4)', text: { kk: 'Өтініш берілген күн', ru: 'Дата подачи обращения', en: 'The date of filing' } },
  { code: 'signature', citation: 'APC 63(2)(5)', text: { kk: 'Өтініш берушінің немесе оның өкілінің қолы', ru: 'Подпись заявителя или его представителя', en: 'Signature of the applicant or the representative' } },
  { code: 'payment_proof', citation: 'APC 63(3)', text: { kk: 'Төлемді растайтын құжат (ақылы рәсім үшін)', ru: 'Документ, подтверждающий оплату (для платной процедуры)', en: 'Proof of payment (for a paid procedure)' } },
];

const blank = (v: string | null | undefined) => v === undefined || v === null || v.trim() === '';

/** The items of APC 63 an appeal lacks: the content of a defect notice (64(6)). Empty when it is complete. */
export function missingContent(a: AppealContent): ContentItem[] {
  const missing = new Set<string>();
  if (blank(a.applicant.name)) missing.add('applicant_name');
  if (blank(a.applicant.postalAddress)) missing.add('postal_address');
  if (blank(a.addressee)) missing.add('addressee');
  if (blank(a.essence)) missing.add('essence');
  if (blank(a.filedOn)) missing.add('filed_on');
  if (!a.signed) missing.add('signature');
  if (a.paid && !a.paymentProof) missing.add('payment_proof');
  return APPEAL_CONTENT.filter((i) => missing.has(i.code));
}

export interface Ground {
  code: string;
  citation: string;
  text: Localized;
  /** the act must state why (73(2) last paragraph) */
  reasonsRequired?: boolean;
}

/** APC 73(2): when the hearing before the act may be skipped. */
export const HEARING_EXEMPTIONS: readonly Ground[] = [
  { code: 'favourable_no_third_party', citation: 'APC 73(2)(1)', text: { kk: 'Басқа адамдардың құқықтарын қозғамайтын қолайлы әкімшілік акт қабылданады', ru: 'Принимается благоприятный административный акт, не затрагивающий права других лиц', en: 'A favourable act that does not affect the rights of others' } },
  { code: 'enforcement', citation: 'APC 73(2)(2)', text: { kk: 'Атқарушылық іс жүргізу жүзеге асырылады', ru: 'Осуществляется исполнительное производство', en: 'Enforcement proceedings' } },
  { code: 'term_under_three_days', citation: 'APC 73(2)(3)', text: { kk: 'Заңнамада рәсім үшін үш күннен кем мерзім белгіленген', ru: 'Законодательством установлен менее чем трёхдневный срок', en: 'The law sets a term of less than three days for the procedure' } },
  { code: 'urgent_protection', citation: 'APC 73(2)(4)', reasonsRequired: true, text: { kk: 'Құқықтарды, қоғамдық немесе мемлекеттік мүдделерді қорғау үшін актіні дереу қабылдау талап етіледі', ru: 'Требуется незамедлительное принятие акта для защиты прав, общественных или государственных интересов', en: 'The act must be adopted at once to protect rights or public or state interests' } },
  { code: 'participant_motion', citation: 'APC 73(2)(5)', text: { kk: 'Бұл туралы қатысушы өтінішхат береді', ru: 'Об этом ходатайствует участник', en: 'The participant asks for it' } },
  { code: 'simplified_procedure', citation: 'APC 73(2)(6)', text: { kk: 'Оңайлатылған әкімшілік рәсім жүзеге асырылады', ru: 'Осуществляется упрощённая административная процедура', en: 'A simplified procedure' } },
  { code: 'automated_no_discretion', citation: 'APC 73(2)(7)', text: { kk: 'Шешім әкімшілік қалауынсыз автоматтандырылған процесте қабылданады', ru: 'Решение принимается в автоматизированном процессе без административного усмотрения', en: 'An automated decision without administrative discretion' } },
];

/** APC 70(1): an appeal-initiated procedure must be terminated on any of these. */
export const TERMINATION_GROUNDS: readonly Ground[] = [
  { code: 'same_decision_exists', citation: 'APC 70(1)(1)', text: { kk: 'Сол мәселе бойынша және сол негіздер бойынша органның шешімі бар', ru: 'Имеется решение органа о том же предмете и по тем же основаниям', en: 'The body has decided the same subject on the same grounds' } },
  { code: 'court_act_exists', citation: 'APC 70(1)(2)', text: { kk: 'Сол мәселе бойынша заңды күшіне енген сот актісі бар', ru: 'Имеется вступивший в силу судебный акт о том же предмете и по тем же основаниям', en: 'A court act in force on the same subject and grounds' } },
  { code: 'returned', citation: 'APC 70(1)(3)', text: { kk: 'Өтініш қайтарылды', ru: 'Обращение возвращено', en: 'The appeal was returned' } },
  { code: 'withdrawn', citation: 'APC 70(1)(4)', text: { kk: 'Өтініш берушінің өтінішті кері қайтарып алуы қабылданды', ru: 'Принят отзыв обращения заявителем', en: 'The applicant\'s withdrawal was accepted' } },
  { code: 'other_law', citation: 'APC 70(1)(5)', text: { kk: 'Заңдарда көзделген өзге негіздер', ru: 'Иные основания, предусмотренные законами', en: 'Other grounds provided by law' } },
];

/** APC 88(1): the simplified procedure is terminated on any of these, by the head or a deputy only (88(2)). */
export const SIMPLIFIED_TERMINATION_GROUNDS: readonly Ground[] = [
  { code: 'repeat_without_new_arguments', citation: 'APC 88(1)(1)', text: { kk: 'Қайталама өтініште жаңа дәлелдер жоқ, бұрын жауап берілген', ru: 'В повторном обращении нет новых доводов, ответы давались', en: 'A repeat without new arguments, already answered' } },
  { code: 'author_unknown', citation: 'APC 88(1)(2)', text: { kk: 'Авторлықты анықтау мүмкін емес, қолы немесе пошталық мекенжайы жоқ', ru: 'Невозможно установить авторство, отсутствуют подпись или почтовый адрес', en: 'The author cannot be identified, or there is no signature or postal address' } },
  { code: 'no_essence', citation: 'APC 88(1)(3)', text: { kk: 'Мәселенің мәні баяндалмаған', ru: 'Не изложена суть вопроса', en: 'The essence of the matter is not stated' } },
];

/** APC 67(1): an official may not handle the case. */
export const RECUSAL_GROUNDS: readonly Ground[] = [
  { code: 'was_participant', citation: 'APC 67(1)(1)', text: { kk: 'Осы рәсімге қатысушы немесе оның өкілі ретінде қатысқан', ru: 'Участвовал в процедуре как участник или его представитель', en: 'Took part as a participant or representative' } },
  { code: 'relative', citation: 'APC 67(1)(2)', text: { kk: 'Қатысушының жақын туысы, жұбайы немесе жекжаты', ru: 'Близкий родственник, супруг или свойственник участника', en: 'A close relative, spouse or in-law of a participant' } },
  { code: 'dependence', citation: 'APC 67(1)(3)', text: { kk: 'Қатысушыға қызметтік немесе өзге тәуелділікте', ru: 'В служебной или иной зависимости от участника', en: 'In service or other dependence on a participant' } },
  { code: 'interest', citation: 'APC 67(1)(4)', text: { kk: 'Істің нәтижесіне мүдделі немесе бейтараптығына күмән бар', ru: 'Заинтересован в исходе дела или есть сомнения в беспристрастности', en: 'An interest in the outcome, or doubt about impartiality' } },
];

export function groundByCode(list: readonly Ground[], code: string): Ground | undefined {
  return list.find((g) => g.code === code);
}
