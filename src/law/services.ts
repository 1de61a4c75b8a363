/**
 * The Law "On State Services" (LSS, source 003) as data: the channels of Art. 18(2), the grounds for refusal of
 * Art. 19-1(2), who receives a complaint about a public service and which term of Art. 25(2) applies, who may
 * extend it (25(4), with the A-05 default), the outcomes of a complaint, and what the quality figures of
 * Art. 28–29 count. Requirements: rules-services-requirements.md §2.4–2.11, Part 6.
 * The time limits themselves are in terms.ts ('LSS-25.2', 'LSS-25.2_authorized_body', 'LSS-25.4', 'LSS-25.4_extension').
 */
import type { Localized } from './i18n.ts';
import type { Ground } from './requirements.ts';
import { TERMS } from './terms.ts';

const l = (kk: string, ru: string, en: string): Localized => ({ kk, ru, en });

/** Art. 18(2): where applications are accepted and results issued. */
export const SERVICE_CHANNELS = [
  { code: 'provider', citation: 'LSS 18(2)(1)', text: l('Көрсетілетін қызметті беруші', 'Услугодатель', 'The service provider') },
  { code: 'state_corporation', citation: 'LSS 18(2)(2)', text: l('«Азаматтарға арналған үкімет» мемлекеттік корпорациясы', 'Государственная корпорация «Правительство для граждан»', 'State Corporation “Government for Citizens”') },
  { code: 'partner', citation: 'LSS 18(2)(3)', text: l('Әріптес ұйым', 'Организация-партнёр', 'A partner organisation') },
  { code: 'egov_portal', citation: 'LSS 18(2)(4)', text: l('«Электрондық үкімет» веб-порталы', 'Веб-портал «электронного правительства»', 'The e-government web portal') },
  { code: 'stationary_device', citation: 'LSS 18(2)(5)', text: l('Абоненттік стационарлық құрылғы', 'Стационарное абонентское устройство', 'A stationary subscriber device') },
  { code: 'cellular_device', citation: 'LSS 18(2)(6)', text: l('Ұялы байланыстың абоненттік құрылғысы', 'Абонентское устройство сотовой связи', 'A cellular subscriber device') },
  { code: 'information_object', citation: 'LSS 18(2)(7)', text: l('Ақпараттандыру объектілері', 'Объекты информатизации', 'Information objects set by central bodies') },
] as const satisfies readonly Ground[];
export type ServiceChannel = (typeof SERVICE_CHANNELS)[number]['code'];
export const SERVICE_CHANNEL_CODES = SERVICE_CHANNELS.map((c) => c.code) as [ServiceChannel, ...ServiceChannel[]];

/** Art. 19-1(2): the grounds on which a provider refuses a service; (5): other laws may add grounds (a reference is then required). */
export const REFUSAL_GROUNDS: readonly Ground[] = [
  { code: 'unreliable_documents', citation: 'LSS 19-1(2)(1)', text: l('Құжаттардың және (немесе) олардағы деректердің анық еместігі анықталды', 'Установление недостоверности документов и (или) данных в них', 'The documents or the data in them are found unreliable') },
  { code: 'requirements_not_met', citation: 'LSS 19-1(2)(2)', text: l('Алушының немесе материалдардың нормативтік құқықтық актілердің талаптарына сәйкес келмеуі', 'Несоответствие услугополучателя или материалов требованиям нормативных правовых актов', 'The recipient or the materials do not meet the requirements of normative legal acts') },
  { code: 'negative_approval', citation: 'LSS 19-1(2)(3)', text: l('Уәкілетті органның теріс жауабы немесе сараптаманың теріс қорытындысы', 'Отрицательный ответ уполномоченного органа или отрицательное заключение экспертизы', 'A negative answer of the approving body or a negative expert conclusion') },
  { code: 'court_ban', citation: 'LSS 19-1(2)(4)', text: l('Қызметке тыйым салатын заңды күшіне енген сот шешімі', 'Вступившее в законную силу решение суда о запрете деятельности', 'A court decision in force banning the activity') },
  { code: 'special_right_deprived', citation: 'LSS 19-1(2)(5)', text: l('Арнаулы құқықтан айыру туралы заңды күшіне енген сот шешімі', 'Вступившее в законную силу решение суда о лишении специального права', 'A court decision in force depriving the recipient of a special right') },
  { code: 'no_consent', citation: 'LSS 19-1(2)(6)', text: l('Дербес деректерге қол жеткізуге келісімнің болмауы', 'Отсутствие согласия на доступ к персональным данным', 'No consent to access restricted personal data') },
  { code: 'other_law', citation: 'LSS 19-1(5)', reasonsRequired: true, text: l('Қазақстан Республикасының заңдарында белгіленген өзге негіздер', 'Иные основания, установленные законами Республики Казахстан', 'Other grounds set by the laws of Kazakhstan') },
];

/**
 * Art. 25(2): who receives a complaint about a public service. A central or local body, an akim, the provider or
 * the State Corporation considers it in 5 working days (¶1); the authorised body for assessment and control of the
 * quality of public services in 15 (¶2). Both run "from the date of its registration", not from receipt.
 */
export const COMPLAINT_ADDRESSEES = ['provider', 'state_corporation', 'authorized_body'] as const;
export type ComplaintAddressee = (typeof COMPLAINT_ADDRESSEES)[number];

export function complaintTermId(addressee: ComplaintAddressee): 'LSS-25.2' | 'LSS-25.2_authorized_body' {
  return addressee === 'authorized_body' ? 'LSS-25.2_authorized_body' : 'LSS-25.2';
}

/**
 * Art. 25(4) lists who may extend: the authorised body, central state bodies, local executive bodies and akims of
 * every level. It does not list the State Corporation or a provider that is not a state body: extension is closed
 * for them (A-05; a legal override would have to change this list). Body types as in src/modules/bodies/body-types.ts.
 */
export const EXTENDING_BODY_TYPES: readonly string[] = [
  'central_executive_body', 'ceb_department', 'leb_region', 'leb_city_republican', 'leb_capital', 'akim_apparatus',
  'leb_district', 'leb_town_regional', 'akim_city_district', 'akim_town_district', 'rural_akim',
];

export function mayExtend(addressee: ComplaintAddressee, bodyType: string): boolean {
  if (addressee === 'authorized_body') return true;
  if (addressee === 'state_corporation' || bodyType === 'state_corporation') return false;
  return EXTENDING_BODY_TYPES.includes(bodyType);
}

const term = (id: string) => TERMS.find((t) => t.id === id)!;

/** Art. 25(4)(1)–(2): the two grounds of an extension (the texts are those of the terms table). */
export const EXTENSION_GROUNDS: readonly Ground[] = [
  { code: 'additional_study', citation: 'LSS 25(4)(1)', text: term('LSS-25.2').extension!.grounds![0]! },
  { code: 'additional_information', citation: 'LSS 25(4)(2)', text: term('LSS-25.2').extension!.grounds![1]! },
];

/** At most this many working days beyond the original due date, in total (25(4); AT-04). */
export const EXTENSION_MAX_WORKING_DAYS: number = term('LSS-25.4_extension').amount!;

/** The decision on a complaint (Art. 5(2)(7), 25(2)); a refusal gives its reasons, a satisfied one the measures restoring the rights (5(2)(9)). */
export const SERVICE_COMPLAINT_OUTCOMES: readonly Ground[] = [
  { code: 'satisfied', citation: 'LSS 25(2), 5(2)(9)', text: l('Шағым қанағаттандырылды', 'Жалоба удовлетворена', 'The complaint is satisfied') },
  { code: 'refused', citation: 'LSS 25(2), 5(2)(7)', reasonsRequired: true, text: l('Шағымды қанағаттандырудан бас тартылды', 'В удовлетворении жалобы отказано', 'The complaint is refused') },
];

/** What a complaint is about: the quality of the service (LSS 25), or in truth an administrative act, which goes the APC way (LSS 25(1), APC 91). */
export const COMPLAINT_SUBJECTS = ['quality', 'administrative_act'] as const;

/**
 * Art. 28–29: ratings of 1–5 by recipients, once per service receipt (or per complaint). The method of the
 * authorised body (Art. 7(5)) is not in the sources, so these are Tynda's figures, not a legal number:
 * counts and shares are per 100 ratings, and the table is ordered by a damped average that pulls a service with few
 * ratings towards the average of all, so three fives do not top a service rated five hundred times.
 */
export const QUALITY_METHOD = {
  citation: 'LSS 28, 29',
  scale: { min: 1, max: 5 },
  /** a rating of this or more counts as satisfied */
  satisfiedFrom: 4,
  /** the damping weight: as many ratings of the overall average are added to each row's own */
  priorWeight: 10,
  /** rows with fewer ratings are shown but marked as not yet reliable */
  minRatings: 10,
  per: 100,
} as const;

/** Art. 1(2-1), 12(3): a public function meeting the criteria of a public service but missing from the register. */
export const HIDDEN_SERVICE_CITATION = 'LSS 1(2-1), 12(3)';
