/**
 * Petitions (APC Chapter 12-1, Arts. 90-1 – 90-6) as data: who may file and sign, the subjects a petition may not
 * have, the pre-support and the threshold of support by the level of the competent body, the consideration term
 * by level, and the duties of the competent body during consideration. Time limits are in terms.ts
 * (APC-90-2.*, 90-3.*, 90-4.1, 90-5.*, 90-6.3). Source: apc-requirements.md §2.17, §4.5; the Russian text of the
 * Code (sources/001), Arts. 90-1 – 90-6.
 */
import type { Localized } from './i18n.ts';

const l = (kk: string, ru: string, en: string): Localized => ({ kk, ru, en });

/** APC 90-1(2), 90-3(1): the applicant and every signer is a citizen of the Republic of Kazakhstan. */
export const PETITION_CITIZENS_ONLY = { citation: 'APC 90-1(2), 90-3(1)' } as const;

/** APC 90-2(4)(1): at least fifty citizens must join before the petition can be posted. */
export const PRE_SUPPORT_SIGNATURES = 50;
export const PRE_SUPPORT_CITATION = 'APC 90-2(4)(1)';

/** The term of the pre-support window by the form in which the petition was filed (APC 90-2(4)(1); A18: from submission). */
export const PRE_SUPPORT_TERM = { electronic: 'APC-90-2.4.1_electronic', written: 'APC-90-2.4.1_written' } as const;

/** APC 90-2(3): a petition may not have these subjects (closed list, in the order of the Code). */
export const FORBIDDEN_SUBJECTS = [
  { code: 'rights_violation', citation: 'APC 90-2(3)(1)', text: l('Адам мен азаматтың құқықтары мен бостандықтарын бұзуға әкеп соғуы мүмкін мәселелер', 'Вопросы, которые могут повлечь нарушение прав и свобод человека и гражданина', 'Questions that may lead to a violation of human and civil rights and freedoms') },
  { code: 'constitutional_order', citation: 'APC 90-2(3)(2)', text: l('Конституциялық құрылысқа, қоғамдық тәртіпке, халықтың денсаулығы мен имандылығына қол сұғу', 'Посягательство на конституционный строй, общественный порядок, здоровье и нравственность населения', 'Encroachment on the constitutional order, public order, health or morals') },
  { code: 'state_status', citation: 'APC 90-2(3)(3)', text: l('Мемлекеттің мәртебесін, унитарлығын, аумақтық тұтастығын, басқару нысанын өзгерту', 'Изменение статуса, унитарности, территориальной целостности Республики, формы правления', 'Change of the status, unitary structure, territorial integrity or form of government of the Republic') },
  { code: 'territorial_structure', citation: 'APC 90-2(3)(4)', text: l('Әкімшілік-аумақтық құрылыс және Мемлекеттік шекара', 'Административно-территориальное устройство и Государственная граница', 'Administrative-territorial structure and the State Border') },
  { code: 'investigation_justice', citation: 'APC 90-2(3)(5)', text: l('Сотқа дейінгі тергеп-тексеру және сот төрелігі', 'Досудебное расследование и осуществление правосудия', 'Pre-trial investigation and the administration of justice') },
  { code: 'prosecutorial_supervision', citation: 'APC 90-2(3)(6)', text: l('Прокуратураның заңдылықтың сақталуын жоғары қадағалауы', 'Высший надзор прокуратуры за соблюдением законности', "The prosecutor's office's supreme supervision of legality") },
  { code: 'intelligence_law_enforcement', citation: 'APC 90-2(3)(7)', text: l('Барлау, қарсы барлау, жедел-іздестіру, құқық қорғау қызметі, күзетілетін адамдардың қауіпсіздігі', 'Разведка, контрразведка, оперативно-розыскная и правоохранительная деятельность, охрана', 'Intelligence, counter-intelligence, operational-search and law-enforcement activity, protection') },
  { code: 'procedural_legislation', citation: 'APC 90-2(3)(8)', text: l('Қылмыстық-атқару, процестік заңнама (осы Кодексті қоса алғанда) және әкімшілік құқық бұзушылықтар туралы заңнама', 'Уголовно-исполнительное, процессуальное законодательство (включая этот Кодекс) и законодательство об административных правонарушениях', 'Penal, procedural legislation (this Code included) and legislation on administrative offences') },
  { code: 'defence_security', citation: 'APC 90-2(3)(9)', text: l('Қорғаныс, ұлттық қауіпсіздік және қоғамдық тәртіпті сақтау', 'Оборона, национальная безопасность и охрана общественного порядка', 'Defence, national security and protection of public order') },
  { code: 'amnesty_pardon', citation: 'APC 90-2(3)(10)', text: l('Рақымшылық және кешірім жасау', 'Амнистия и помилование', 'Amnesty and pardon') },
  { code: 'appointments', citation: 'APC 90-2(3)(11)', text: l('Президенттің, Парламент Палаталарының және Үкіметтің қарауындағы лауазымға тағайындау, сайлау және босату', 'Назначение, избрание и освобождение лиц, относящихся к ведению Президента, Палат Парламента и Правительства', 'Appointment, election and dismissal of persons within the powers of the President, Parliament and Government') },
  { code: 'international_treaties', citation: 'APC 90-2(3)(12)', text: l('Халықаралық шарттардан туындайтын міндеттемелерді орындау', 'Выполнение обязательств по международным договорам', 'Fulfilment of obligations under international treaties') },
  { code: 'elections_referendum', citation: 'APC 90-2(3)(13)', text: l('Сайлау және республикалық референдум туралы заңнамамен реттелетін мәселелер', 'Вопросы, регулируемые законодательством о выборах и республиканском референдуме', 'Matters regulated by legislation on elections and the republican referendum') },
  { code: 'state_symbols', citation: 'APC 90-2(3)(14)', text: l('Мемлекеттік рәміздер', 'Государственные символы', 'State symbols') },
  { code: 'state_language', citation: 'APC 90-2(3)(15)', text: l('Мемлекеттік тілдің мәртебесі', 'Статус государственного языка', 'Status of the state language') },
  { code: 'competence_of_bodies', citation: 'APC 90-2(3)(16)', text: l('Мемлекеттік органдардың құзыретін, өкілеттіктерін, функциялары мен міндеттерін өзгерту', 'Изменение компетенции, полномочий, функций и задач государственных органов', 'Changes to the competence, powers, functions and tasks of state bodies') },
  { code: 'emergency_decisions', citation: 'APC 90-2(3)(17)', text: l('Төтенше жағдай режимі шеңберінде қабылданған шешімдерді жою немесе өзгерту', 'Отмена и изменение решений, принятых в рамках режимов чрезвычайного положения и (или) чрезвычайной ситуации', 'Cancellation or change of decisions taken under a state of emergency or an emergency situation') },
] as const;
export type ForbiddenSubject = (typeof FORBIDDEN_SUBJECTS)[number]['code'];
export const FORBIDDEN_SUBJECT_CODES = FORBIDDEN_SUBJECTS.map((s) => s.code) as [ForbiddenSubject, ...ForbiddenSubject[]];

/** APC 90-2(4), 90-2(6): the conditions for posting; a rejection names the ones not met. */
export const REJECTION_GROUNDS = [
  { code: 'no_pre_support', citation: 'APC 90-2(4)(1)' },
  { code: 'content_incomplete', citation: 'APC 90-2(4)(2), 90-2(2)' },
  { code: 'forbidden_subject', citation: 'APC 90-2(4)(2), 90-2(3)' },
  { code: 'same_subject_pending', citation: 'APC 90-2(4)(3)' },
] as const;
export type RejectionGround = (typeof REJECTION_GROUNDS)[number]['code'];
export const REJECTION_GROUND_CODES = REJECTION_GROUNDS.map((g) => g.code) as [RejectionGround, ...RejectionGround[]];

/**
 * APC 90-3(4): the competence a petition falls under decides its threshold. The Code names the Government, local
 * representative bodies (maslikhats) and local executive bodies (akimats) of two tiers.
 */
export const COMPETENCES = ['government', 'regional_representative', 'regional_executive', 'district_representative', 'district_executive'] as const;
export type Competence = (typeof COMPETENCES)[number];

type ThresholdRule =
  | { kind: 'fixed'; votes: number }
  | { kind: 'percent'; percent: number }
  /** a fixed number where the unit has more than `above` inhabitants, else a percent of them */
  | { kind: 'fixed_above_else_percent'; votes: number; above: number; percent: number };

export const THRESHOLDS: Record<Competence, { rule: ThresholdRule; citation: string }> = {
  government: { rule: { kind: 'fixed', votes: 50_000 }, citation: 'APC 90-3(4) ¶2' },
  regional_representative: { rule: { kind: 'percent', percent: 2 }, citation: 'APC 90-3(4) ¶3' },
  regional_executive: { rule: { kind: 'percent', percent: 1 }, citation: 'APC 90-3(4) ¶4' },
  district_representative: { rule: { kind: 'fixed_above_else_percent', votes: 5_000, above: 50_000, percent: 10 }, citation: 'APC 90-3(4) ¶5' },
  district_executive: { rule: { kind: 'fixed_above_else_percent', votes: 2_500, above: 50_000, percent: 5 }, citation: 'APC 90-3(4) ¶6' },
};

/** "не менее N процентов голосов от численности населения": the smallest whole number of votes that is at least N %. */
const percentOf = (population: number, percent: number) => Math.ceil((population * percent) / 100);

/**
 * The number of signatures that makes a petition supported (APC 90-3(4)). Percent rules need the population of
 * the administrative-territorial unit; the Code does not name its source (apc-requirements §2.17 [NOT IN CODE]),
 * so the petitions authority states it when it posts the petition. Returns undefined when it is needed and missing.
 */
export function petitionThreshold(competence: Competence, population?: number | null): { votes: number; citation: string } | undefined {
  const { rule, citation } = THRESHOLDS[competence];
  switch (rule.kind) {
    case 'fixed':
      return { votes: rule.votes, citation };
    case 'percent':
      return population ? { votes: percentOf(population, rule.percent), citation } : undefined;
    case 'fixed_above_else_percent':
      if (!population) return undefined;
      return { votes: population > rule.above ? rule.votes : percentOf(population, rule.percent), citation };
  }
}

export function needsPopulation(competence: Competence): boolean {
  return THRESHOLDS[competence].rule.kind !== 'fixed';
}

/** Central state bodies consider a petition in 40 working days, local bodies in 20 (APC 90-5(1)). */
export type PetitionLevel = 'central' | 'local';
export const CONSIDERATION_TERM: Record<PetitionLevel, string> = { central: 'APC-90-5.1.1', local: 'APC-90-5.1.2' };

/**
 * The competence and level of an executive body by its type (src/modules/bodies/body-types.ts). A central state
 * body's petition is taken as a question of the Government's competence (50 000 votes): 90-3(4) speaks of the
 * Government, 90-5(1)(1) of central state bodies (see the report: the Code does not join the two explicitly).
 */
export const BODY_TYPE_COMPETENCE: Record<string, { competence: Competence; level: PetitionLevel }> = {
  central_executive_body: { competence: 'government', level: 'central' },
  ceb_department: { competence: 'government', level: 'central' },
  leb_region: { competence: 'regional_executive', level: 'local' },
  leb_city_republican: { competence: 'regional_executive', level: 'local' },
  leb_capital: { competence: 'regional_executive', level: 'local' },
  leb_district: { competence: 'district_executive', level: 'local' },
  leb_town_regional: { competence: 'district_executive', level: 'local' },
  akim_city_district: { competence: 'district_executive', level: 'local' },
  akim_town_district: { competence: 'district_executive', level: 'local' },
  rural_akim: { competence: 'district_executive', level: 'local' },
};

/**
 * APC 90-5(2): what the competent body must do while it considers a petition. All bodies: 1)–3); central bodies
 * also 4)–5). `waivable`: the Code itself names the exception (a site visit is not needed when the facts need no check).
 */
export const CONSIDERATION_DUTIES = [
  { code: 'site_visit', citation: 'APC 90-5(2)(1)', levels: ['central', 'local'], waivable: true },
  { code: 'public_discussion', citation: 'APC 90-5(2)(2)', levels: ['central', 'local'], waivable: false },
  { code: 'working_group', citation: 'APC 90-5(2)(3)', levels: ['central', 'local'], waivable: false },
  { code: 'comments_analysis', citation: 'APC 90-5(2)(4)', levels: ['central'], waivable: false },
  // "в случае, если предмет петиции требует внесения изменений в законодательство"
  { code: 'comparative_analysis', citation: 'APC 90-5(2)(5)', levels: ['central'], waivable: true },
] as const;
export type ConsiderationDuty = (typeof CONSIDERATION_DUTIES)[number]['code'];
export const CONSIDERATION_DUTY_CODES = CONSIDERATION_DUTIES.map((d) => d.code) as [ConsiderationDuty, ...ConsiderationDuty[]];

export function dutiesFor(level: PetitionLevel) {
  return CONSIDERATION_DUTIES.filter((d) => (d.levels as readonly string[]).includes(level));
}

/** APC 90-6(1): the two decisions; taken by the first head of the central or local executive body (or the chair of a maslikhat). */
export const PETITION_DECISIONS = ['satisfied', 'partly_satisfied', 'refused'] as const;
export type PetitionDecision = (typeof PETITION_DECISIONS)[number];

/** APC 90-3(5): a petition below the threshold goes to the competent body as one of these (simplified procedure, Ch. 12). */
export const RETURN_AS = ['report', 'feedback', 'proposal'] as const;
export type ReturnAs = (typeof RETURN_AS)[number];
/** When nobody chose: a petition states "доводы и предложения" (90-2(2)(4)), so it is forwarded as a proposal. */
export const DEFAULT_RETURN_AS: ReturnAs = 'proposal';
