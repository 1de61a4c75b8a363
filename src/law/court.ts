/**
 * Court cases as a body's legal service tracks them (APC Section 4; apc-requirements §7): claim types (132–135),
 * outcomes (155(4), 156–160), return grounds (138(2)), instances and entry into force (161, 168(10)), and the
 * Annex 3 table of Rules No. 111 (13 columns) with the validations of AT-28. Pure data and rules.
 */
import type { Localized } from './i18n.ts';
import type { Ground } from './requirements.ts';

/** APC 132–135: claim types, each with the term for filing it (136) and the decision the court can give (156–159). */
export const CLAIM_TYPES: readonly (Ground & { term: string; decision: string })[] = [
  { code: 'challenge', citation: 'APC 132', term: 'APC-136.1', decision: 'APC 156', text: { kk: 'Дау айту туралы талап (ауыртпалық түсіретін актінің күшін жою)', ru: 'Иск об оспаривании (отмена обременяющего акта)', en: 'Challenge claim (cancel a burdensome act)' } },
  { code: 'compulsion', citation: 'APC 133', term: 'APC-136.1', decision: 'APC 157', text: { kk: 'Мәжбүрлеу туралы талап (қолайлы актіні қабылдау)', ru: 'Иск о принуждении (принятие благоприятного акта)', en: 'Compulsion claim (adopt a favourable act)' } },
  { code: 'performance', citation: 'APC 134', term: 'APC-136.2', decision: 'APC 158', text: { kk: 'Әрекет жасау туралы талап', ru: 'Иск о совершении действия', en: 'Performance claim (take or refrain from an action)' } },
  { code: 'declaratory', citation: 'APC 135', term: 'APC-136.3', decision: 'APC 159', text: { kk: 'Тану туралы талап', ru: 'Иск о признании', en: 'Declaratory claim' } },
];
export type ClaimType = 'challenge' | 'compulsion' | 'performance' | 'declaratory';

/** Where the claim deadline runs from (136): the complaint decision, the deemed dismissal, or the act itself (direct access, 91(5)). */
export const CLAIM_BASES = ['complaint_decision', 'deemed_dismissal', 'direct'] as const;
export type ClaimBasis = (typeof CLAIM_BASES)[number];

/** The term of 136 for a claim, by its type and basis. */
export function claimTerm(type: ClaimType, basis: ClaimBasis): string {
  if (basis === 'deemed_dismissal') return 'APC-136.6';
  if (type === 'performance') return 'APC-136.2';
  if (type === 'declaratory') return 'APC-136.3';
  return basis === 'direct' ? 'APC-136.1_direct' : 'APC-136.1';
}

/** What a court act at an instance decided: merits (155(4), 156–160) and non-merits endings (138(2), 120(6), 142(2)). */
export const COURT_OUTCOMES: readonly (Ground & { unlawful?: boolean; ends?: boolean })[] = [
  { code: 'claim_refused', citation: 'APC 155(4)', text: { kk: 'Талап қанағаттандырусыз қалдырылды (әрекет заңды)', ru: 'В иске отказано (действие, решение правомерны)', en: 'Claim refused (the act or action was lawful)' } },
  { code: 'act_cancelled', citation: 'APC 156', unlawful: true, text: { kk: 'Әкімшілік актінің күші толық жойылды', ru: 'Административный акт отменён полностью', en: 'The act is cancelled in full' } },
  { code: 'act_cancelled_in_part', citation: 'APC 156', unlawful: true, text: { kk: 'Әкімшілік актінің күші ішінара жойылды', ru: 'Административный акт отменён частично', en: 'The act is cancelled in part' } },
  { code: 'act_ordered', citation: 'APC 157', unlawful: true, text: { kk: 'Жауапкерге актіні қабылдау міндеттелді', ru: 'Ответчик обязан принять акт', en: 'The defendant is ordered to adopt the act' } },
  { code: 'action_ordered', citation: 'APC 158', unlawful: true, text: { kk: 'Жауапкерге әрекет жасау міндеттелді немесе әрекет заңсыз деп танылды', ru: 'Ответчик обязан совершить действие либо действие признано незаконным', en: 'The defendant is ordered to act, or the action is declared unlawful' } },
  { code: 'declared_unlawful', citation: 'APC 159', unlawful: true, text: { kk: 'Күшін жойған ауыртпалық түсіретін акт заңсыз деп танылды', ru: 'Утративший силу обременяющий акт признан незаконным', en: 'A burdensome act no longer in force is declared unlawful' } },
  { code: 'relationship_declared', citation: 'APC 159', text: { kk: 'Құқықтық қатынастың бар не жоқ екені танылды', ru: 'Признано наличие или отсутствие правоотношения', en: 'The legal relationship is declared to exist or not' } },
  { code: 'damages_awarded', citation: 'APC 160', unlawful: true, text: { kk: 'Залал өндірілді', ru: 'Взысканы убытки', en: 'Damages awarded' } },
  { code: 'claim_returned', citation: 'APC 138(2)', ends: true, text: { kk: 'Талап қайтарылды', ru: 'Иск возвращён', en: 'The claim is returned' } },
  { code: 'settled', citation: 'APC 120(6)', ends: true, text: { kk: 'Татуласу келісімі бекітілді', ru: 'Утверждено соглашение о примирении', en: 'A settlement is approved' } },
  { code: 'claim_withdrawn', citation: 'APC 142(2)', ends: true, text: { kk: 'Талаптан бас тартылды', ru: 'Отказ от иска', en: 'The claim is withdrawn' } },
];

/** Annex 3 column 7–9: how the instance ended for the state body (A-12: "partly" is a category of its own). */
export const RESULTS_FOR_BODY = ['for_body', 'against_body', 'partly', 'other'] as const;
export type ResultForBody = (typeof RESULTS_FOR_BODY)[number];

/** APC 138(2): grounds for returning a claim; re-filing is barred for 3, 5, 9, 11, 12, 13, 14, 15, 17 (138(3)). */
const RETURN_TEXTS: [number, string, string, string][] = [
  [1, 'Дауды сотқа дейін реттеу тәртібі сақталмаған', 'Не соблюдён порядок досудебного урегулирования спора', 'Pre-trial procedure not followed'],
  [2, 'Талап 131-баптың 2-бөлігіне сәйкес келмейді және кемшіліктерді жою мүмкін емес', 'Иск не соответствует части второй статьи 131, недостатки неустранимы', 'The claim fails 131(2) and cannot be fixed'],
  [3, 'Арызды әрекетке қабілетсіз адам берген', 'Заявление подано недееспособным лицом', 'Filed by a person lacking capacity'],
  [4, 'Арызға өкілеттігі жоқ адам қол қойған', 'Заявление подписано лицом без полномочий', 'Signed by a person without authority'],
  [5, 'Сол тараптар арасында сол мәні және негіздері бойынша іс сотта жатыр', 'В производстве суда имеется дело между теми же сторонами о том же предмете', 'The same dispute is pending in a court'],
  [6, 'Талапкер талапты кері қайтарып алды', 'Истцом отозван иск', 'The plaintiff withdrew the claim'],
  [7, 'Талапкер екінші шақыру бойынша келмеді', 'Истец не явился по вторичному вызову', 'The plaintiff failed to appear twice'],
  [8, 'Мүддесі үшін іс қозғалған адам талапты қолдамады', 'Лицо, в интересах которого возбуждено дело, не поддержало требование', 'The person in whose interest the case was brought did not support it'],
  [9, 'Тараптар татуласу, медиация немесе партисипативтік рәсім туралы келісім жасасты, сот бекітті', 'Стороны заключили соглашение о примирении, медиации или партисипативной процедуре, утверждённое судом', 'A settlement, mediation or participatory agreement was approved'],
  [10, 'Мемлекеттік баж төленбеген немесе толық төленбеген', 'Не уплачена или не доплачена государственная пошлина', 'State fee not paid in full'],
  [11, 'Іс әкімшілік сот ісін жүргізу тәртібімен қаралмайды', 'Дело не подлежит рассмотрению в порядке административного судопроизводства', 'Not an administrative case'],
  [12, 'Сол дау бойынша заңды күшіне енген сот шешімі бар', 'Имеется вступившее в силу решение суда по тому же спору', 'Res judicata'],
  [13, 'Азамат қайтыс болғаннан кейін құқықтық қатынас құқық мирасқорлығына жол бермейді', 'После смерти гражданина правоотношение не допускает правопреемства', 'No succession after the death of a party'],
  [14, 'Тарап болып табылатын ұйым құқықтық мирасқорсыз таратылды', 'Организация-сторона ликвидирована без правопреемников', 'A party organisation was liquidated without successors'],
  [15, 'Талап қою мерзімі дәлелсіз себеппен өткізілді немесе қалпына келтіруден бас тартылды', 'Пропущен срок на подачу иска без уважительной причины или отказано в его восстановлении', 'The claim deadline was missed without valid reason'],
  [16, 'Тараптар дауды арбитражға беру туралы келісім жасасты', 'Стороны заключили соглашение о передаче спора в арбитраж', 'An arbitration agreement exists'],
  [17, 'Іс осы сотқа соттылығы жоқ', 'Дело не подсудно данному суду', 'Not within this court\'s jurisdiction'],
];
const REFILING_BARRED = new Set([3, 5, 9, 11, 12, 13, 14, 15, 17]);
export const RETURN_GROUNDS: readonly (Ground & { refilingBarred: boolean })[] = RETURN_TEXTS.map(([n, kk, ru, en]) => ({
  code: `138.2.${n}`,
  citation: `APC 138(2)(${n})`,
  refilingBarred: REFILING_BARRED.has(n),
  text: { kk, ru, en },
}));

export const INSTANCES = ['first', 'appeal', 'cassation'] as const;
export type Instance = (typeof INSTANCES)[number];

export interface InstanceRecord {
  caseNumber?: string | null | undefined;
  decidedOn?: string | null | undefined;
  /** the decision in final form (151(2)); the appeal window of 168(2) runs from it */
  finalFormOn?: string | null | undefined;
  /** delivery to the body (B7): the cassation window of 169(2) runs from delivery of the appellate act */
  deliveredOn?: string | null | undefined;
  outcome?: string | null | undefined;
  result?: ResultForBody | null | undefined;
  reasoning?: string | null | undefined;
  operative?: string | null | undefined;
  appealed?: boolean | null | undefined;
  /** Annex 3 c.7–8: the body's arguments of disagreement, when it appealed */
  disagreement?: string | null | undefined;
}

/** The court act that decides the case now: the highest instance that has decided. */
export function finalInstance(r: { firstInstance?: InstanceRecord | null; appeal?: InstanceRecord | null; cassation?: InstanceRecord | null }): { instance: Instance; record: InstanceRecord } | undefined {
  for (const [instance, record] of [['cassation', r.cassation], ['appeal', r.appeal], ['first', r.firstInstance]] as const) {
    if (record?.outcome) return { instance, record };
  }
  return undefined;
}

/** Was the act or action found unlawful by the court act that decides the case (Rules No. 111 p.5(7))? */
export function foundUnlawful(r: Parameters<typeof finalInstance>[0]): boolean {
  const f = finalInstance(r);
  return !!f && !!COURT_OUTCOMES.find((o) => o.code === f.record.outcome)?.unlawful;
}

export interface Annex3Check {
  status: 'pending' | 'in_force';
  instance?: Instance | null | undefined;
  firstInstance?: InstanceRecord | null | undefined;
  appeal?: InstanceRecord | null | undefined;
  cassation?: InstanceRecord | null | undefined;
  actCancelled: boolean;
  cancellationReasons?: string | null | undefined;
  enteredIntoForceOn?: string | null | undefined;
}

/**
 * AT-28: what a court-case record needs before it is saved, as field errors (Rules No. 111 Annex 3 c.3, c.7–9, c.10):
 * a pending case names its instance; a decided instance has its case number and date; an act cancelled by a
 * decision in force has the reasons for the cancellation.
 */
export function annex3Problems(r: Annex3Check): { field: string; code: string }[] {
  const out: { field: string; code: string }[] = [];
  if (r.status === 'pending' && !r.instance) out.push({ field: 'body.instance', code: 'instance_required' });
  if (r.status === 'in_force' && !r.enteredIntoForceOn) out.push({ field: 'body.enteredIntoForceOn', code: 'entry_into_force_date_required' });
  for (const [key, rec] of [['firstInstance', r.firstInstance], ['appeal', r.appeal], ['cassation', r.cassation]] as const) {
    if (!rec) continue;
    if (!rec.caseNumber?.trim()) out.push({ field: `body.${key}.caseNumber`, code: 'case_number_required' });
    if (!rec.decidedOn) out.push({ field: `body.${key}.decidedOn`, code: 'decision_date_required' });
  }
  if (r.status === 'in_force' && r.actCancelled && !r.cancellationReasons?.trim()) out.push({ field: 'body.cancellationReasons', code: 'cancellation_reasons_required' });
  return out;
}

/**
 * Rules No. 111, Annex 3: the 13 columns. Kazakh and English are verbatim from RULES-KZ / RULES-EN (§1.5; the
 * English keeps its defects, "hearing" and "CPC", as the source has them, with the corrected label beside it). The
 * Rules have no Russian text: the Russian headings are our translation of the Kazakh.
 */
export const ANNEX3_COLUMNS: readonly { n: number; kk: string; ru: string; en: string; enCorrected?: string }[] = [
  { n: 1, kk: 'Р/с №', ru: '№ п/п', en: 'No' },
  { n: 2, kk: 'МО', ru: 'ГО (государственный орган)', en: 'SB', enCorrected: 'State body' },
  { n: 3, kk: 'Істің мәртебесі *сот шешімі заңды күшіне енді; қаралуда (саты);', ru: 'Статус дела *решение суда вступило в законную силу; на рассмотрении (инстанция);', en: 'Case status * the court\'s decision has entered into legal force; pending (the act instance);', enCorrected: 'Case status * the court\'s decision has entered into legal force; pending (state the instance);' },
  { n: 4, kk: 'Қабылданған әкімшілік акт *актінің атауын, оның мазмұнын (бұл акті нені көздейді) және оның қабылданған күнін жазу қажет', ru: 'Принятый административный акт *необходимо указать наименование акта, его содержание (что предусматривает акт) и дату его принятия', en: 'Adopted administrative act *it is necessary to state the name of the act, its content (which the act provides for) and the date of its adoption' },
  { n: 5, kk: 'Сотқа дейінгі қарау болды/болған жоқ. Егер болса, кім жүргізді, ӘРПК 100-бабы бойынша қандай акт шығарылды * шағым не себептен қанағаттандырылмағанын жазу қажет', ru: 'Досудебное рассмотрение было/не было. Если было, кем проведено, какой акт вынесен по статье 100 АППК *необходимо указать, почему жалоба не удовлетворена', en: 'There was/was not a pre-trial hearing. If it was, by whom it was carried out, which act was issued under Article 100 of the CPC * it is necessary to state why the complaint was not satisfied.', enCorrected: 'There was/was not a pre-trial review. If it was, by whom it was carried out, which act was issued under Article 100 of the APC * it is necessary to state why the complaint was not satisfied.' },
  { n: 6, kk: 'Сот талқылауының себептері * ТАӘ не ұйымның атауын көрсете отырып, талапкердің талаптарын және оның дәлелдерін жазу қажет', ru: 'Причины судебного разбирательства *необходимо указать требования истца и его доводы с указанием ФИО или наименования организации', en: 'Reasons for the trial* it is necessary to state the plaintiff\'s claims and his arguments, indicating the full name or the name of the organization' },
  { n: 7, kk: 'Бірінші сатыдағы соттың шешімі (істің нөмірі және шығарылған күні) *сот қандай шешім қабылдағанын және оның мазмұнын (қысқаша уәждеу және қарар бөлігі) жазу қажет. Шағым жасалған жағдайда – мемлекеттік органның келіспеу туралы дәлелдерін жазу қажет', ru: 'Решение суда первой инстанции (номер дела и дата вынесения) *необходимо указать, какое решение принял суд, и его содержание (кратко мотивировочная и резолютивная части). В случае обжалования – доводы государственного органа о несогласии', en: 'The decision of the court of first instance (case number and date of decision) * it is necessary to state which decision the court made and its contents (in brief, the motivational and operative part). If it is appealed, it is necessary to state the arguments of the state agency about the disagreement.' },
  { n: 8, kk: 'Апелляциялық сатыдағы соттың шешімі (істің нөмірі және шығарылған күні) *сот қандай шешім қабылдағанын және оның мазмұнын (қысқаша уәждеу және қарар бөлігі) жазу қажет. Шағым жасалған жағдайда – мемлекеттік органның келіспеу туралы дәлелдерін жазу қажет', ru: 'Решение суда апелляционной инстанции (номер дела и дата вынесения) *необходимо указать, какое решение принял суд, и его содержание (кратко мотивировочная и резолютивная части). В случае обжалования – доводы государственного органа о несогласии', en: 'The decision of the court of appeal (case number and date of decision) * it is necessary to state which decision the court made and its contents (in brief, the reasoning and the operative part). If it is appealed, it is necessary to state the arguments of the state agency about the disagreement.' },
  { n: 9, kk: 'Кассациялық сатыдағы соттың шешімі (істің нөмірі және шығарылған күні) *сот қандай шешім қабылдағанын және оның мазмұнын (қысқаша уәждеу және қарар бөлігі) жазу қажет', ru: 'Решение суда кассационной инстанции (номер дела и дата вынесения) *необходимо указать, какое решение принял суд, и его содержание (кратко мотивировочная и резолютивная части)', en: 'The decision of the court of cassation (case number and date of decision) * it is necessary to state which decision the court made and its contents (in brief, the motivational and operative part)' },
  { n: 10, kk: 'Әкімшілік актінің күшін жою себептері (заңды күшіне енген сот шешімі бойынша) * әкімшілік актінің не себептен күші жойылғанын, соттың негізгі дәлелдерін жазу қажет', ru: 'Причины отмены административного акта (по вступившему в законную силу решению суда) *необходимо указать, в связи с чем отменён административный акт, основные доводы суда', en: 'Reasons for the cancellation of an administrative act (by a court decision that has entered into legal force) *it is necessary to state in connection with what the administrative act was canceled, the main arguments of the court' },
  { n: 11, kk: 'Сот шешімінен кейін осыған ұқсас жағдайлар бойынша профилактикалық шаралар қабылданды ма *осыған ұқсас істердің бар-жоғын және алдын алу шаралары қабылданған-қабылданбағанын талдау қажет', ru: 'Приняты ли после решения суда профилактические меры по аналогичным случаям *необходимо проанализировать, есть ли аналогичные дела и приняты ли меры профилактики', en: 'Have preventive measures been taken in similar cases after the court\'s decision* it is necessary to analyze whether there are similar cases and whether preventive measures are being taken' },
  { n: 12, kk: 'Заңсыз әкімшілік актіні қабылдауға ықпал еткен себептер мен жағдайларды жою жөніндегі шаралар қабылданды ма *мысалы, болашақта осыған ұқсас жағдайларға жол бермеу үшін стандарттарға, нұсқаулықтарға және т.с.с. өзгерістер енгізілді не құқық қолдану практикасы қайта қаралды', ru: 'Приняты ли меры по устранению причин и условий, способствовавших принятию незаконного административного акта *например, внесены изменения в стандарты, инструкции и т.п. либо пересмотрена правоприменительная практика', en: 'Have measures been taken to eliminate the causes and conditions that contributed to the adoption of an illegal administrative act * for example, changes have been made to standards, instructions, etc., to prevent similar cases in the future, or law enforcement practice has been revised' },
  { n: 13, kk: 'Сотта қарау шеңберіндегі жеке ұйғарымдар (бар болса): оларды орындау бойынша МО нені қабылдады *жеке ұйғарымның мазмұнын, ол нені көздейтінін және орындалған-орындалмағанын жазу қажет. Шағым берілген жағдайда – мемлекеттік органның келіспеу туралы дәлелдерін жазу қажет', ru: 'Частные определения в рамках судебного рассмотрения (при наличии): что принято ГО для их исполнения *необходимо указать содержание частного определения, что оно предусматривает и исполнено ли оно. В случае обжалования – доводы государственного органа о несогласии', en: 'Private definitions in the framework of judicial review (if any): what is accepted by the SB for their execution * it is necessary to state the content of the private definition, what it provides for and whether it has been executed. If a complaint is filed, it is necessary to state the arguments of the state agency about the disagreement.', enCorrected: 'Private rulings in the framework of judicial review (if any): what the SB has done to execute them * it is necessary to state the content of the private ruling, what it provides for and whether it has been executed. If a complaint is filed, it is necessary to state the arguments of the state agency about the disagreement.' },
];

/** Words the Annex 3 cells are written with, per language. */
export const ANNEX3_WORDS: Record<string, Localized> = {
  in_force: { kk: 'Сот шешімі заңды күшіне енді', ru: 'Решение суда вступило в законную силу', en: 'The court\'s decision has entered into legal force' },
  pending: { kk: 'Қаралуда', ru: 'На рассмотрении', en: 'Pending' },
  first: { kk: 'бірінші саты', ru: 'первая инстанция', en: 'first instance' },
  appeal: { kk: 'апелляциялық саты', ru: 'апелляционная инстанция', en: 'appeal' },
  cassation: { kk: 'кассациялық саты', ru: 'кассационная инстанция', en: 'cassation' },
  pretrial_yes: { kk: 'Болды', ru: 'Было', en: 'There was' },
  pretrial_no: { kk: 'Болған жоқ', ru: 'Не было', en: 'There was not' },
  deemed_dismissed: { kk: 'Мерзімде шешім шығарылмады: шағым қанағаттандырусыз қалдырылды деп саналады (ӘРПК 100(5))', ru: 'Решение в срок не принято: считается отказ в удовлетворении жалобы (АППК 100(5))', en: 'No decision in time: the complaint is deemed dismissed (APC 100(5))' },
  yes: { kk: 'Иә', ru: 'Да', en: 'Yes' },
  no: { kk: 'Жоқ', ru: 'Нет', en: 'No' },
  executed: { kk: 'орындалды', ru: 'исполнено', en: 'executed' },
  not_executed: { kk: 'орындалған жоқ', ru: 'не исполнено', en: 'not executed' },
  for_body: { kk: 'МО пайдасына', ru: 'в пользу ГО', en: 'for the SB' },
  against_body: { kk: 'МО-ға қарсы', ru: 'против ГО', en: 'against the SB' },
  partly: { kk: 'ішінара', ru: 'частично', en: 'partly' },
  other: { kk: 'өзге', ru: 'иное', en: 'other' },
  disagreement: { kk: 'Келіспеу дәлелдері', ru: 'Доводы о несогласии', en: 'Arguments of disagreement' },
};
