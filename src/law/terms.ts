/**
 * Every legal time limit Tynda knows, one entry per limit. The law is the specification:
 * APC = Administrative Procedural and Process Code (Russian text, source 001); LSS = Law "On State Services"
 * (source 003); RULES = Rules No. 111 of 28.02.2025 (sources 000/002); REG = Standard Regulation No. 560 (source 004).
 * Requirements: shared/legal/apc-requirements.md §3.2, §7.3, §9 and rules-services-requirements.md §2.12, Part 6.
 */
import type { Localized } from './i18n.ts';
import type { Extension, Term } from './term.ts';

const l = (kk: string, ru: string, en: string): Localized => ({ kk, ru, en });

// Dates the provisions took effect (see the footnotes of the sources; "lower bound" where the source gives only the amending law's date)
const APC_START = '2021-07-01'; // APC 175(1)
const APC_PETITIONS = '2024-04-04'; // Chapter 12-1, Law of 02.10.2023 No. 31-VIII, six months after its publication
const APC_PROCUREMENT = '2025-01-01'; // Law of 01.07.2024 No. 107-VIII (notes at 143, 146, 168)
const APC_CASSATION_REFORM = '2025-07-01'; // Law of 21.11.2024 No. 136-VIII (notes at 169)
const LSS_START = '2013-04-15'; // Law No. 88-V (lower bound: in force 30 days after publication, Art. 31)
const LSS_STATE_CORPORATION = '2016-03-01'; // Law of 17.11.2015 No. 408-V
const LSS_PROCEDURE_ACTS = '2019-11-25'; // Law of 25.11.2019 No. 272-VI (lower bound)
const LSS_INSPECTIONS = '2024-04-06'; // Law of 06.04.2024 No. 71-VIII (lower bound: 60 days after publication)
const RULES_START = '2025-02-28'; // Resolution No. 111, p.2: from signing
const REG_MODEL_2022 = '2022-12-28'; // Resolution No. 1082 (lower bound)
const REG_RESOLUTION_2023 = '2023-03-15'; // Resolution No. 214 (lower bound)

const APPEAL_RECEIVED = l('Өтініштің түскен күні', 'День поступления обращения', 'Day the appeal is received');
const COMPLAINT_RECEIVED = l('Шағымның түскен күні', 'День поступления жалобы', 'Day the complaint is received');
const MOTION_FILED = l('Өтінішхат мәлімделген күн', 'День заявления ходатайства', 'Day the motion is filed');
const CLAIM_FILED = l('Талап қою сотқа берілген күн', 'День предъявления иска в суд', 'Day the claim is filed with the court');
const CASE_RECEIVED_BY_COURT = l('Істің сотқа түскен күні', 'День поступления дела в суд', 'Day the case reaches the court');
const DECISION_IN_FORCE = l(
  'Сот шешімі заңды күшіне енген күн',
  'День вступления решения суда в законную силу',
  'Day the court decision enters into legal force',
);
const PETITION_POSTED = l(
  'Петиция интернет-ресурста еркін қолжетімділікте орналастырылған күн',
  'Дата размещения петиции на интернет-ресурсе в свободном доступе',
  'Date the petition is posted in free access on the web resource',
);
const PETITION_REGISTERED = l('Петицияны орган тіркеген күн', 'День регистрации петиции органом', 'Day the body registers the petition');
const PROCEDURE_ACT_CHANGED = l(
  'Мемлекеттік қызмет көрсету тәртібін айқындайтын заңға тәуелді нормативтік құқықтық актіні бекіту немесе өзгерту күні',
  'День утверждения или изменения подзаконного акта, определяющего порядок оказания государственной услуги',
  'Day the by-law act on the service procedure is approved or changed',
);
const INSPECTION_START = l('Тексерудің басталған күні', 'День начала проверки', 'Day the inspection starts');
const EACH_QUARTER_YEAR = l('Жоспарлау кезеңі (тоқсан, жыл)', 'Плановый период (квартал, год)', 'The planning period (quarter, year)');
const ONGOING = l('Тұрақты негізде, мерзімі белгіленбеген', 'На постоянной основе, срок не установлен', 'On an ongoing basis, no period set');
const EACH_YEAR = l('Әр жыл', 'Каждый год', 'Each year');
const EACH_HALF_YEAR = l('Әр жарты жыл', 'Каждое полугодие', 'Each half-year');

const ESTABLISH_FACTS = l(
  'әкімшілік істі дұрыс қарау үшін маңызы бар нақты мән-жайларды анықтау қажеттігі',
  'необходимость установления фактических обстоятельств, имеющих значение для правильного рассмотрения административного дела',
  'the need to establish factual circumstances relevant to the correct consideration of the case',
);
const APC_76_3_EXTENSION: Extension = {
  by: ['head', 'deputy_head'],
  max: { amount: 2, unit: 'months', counted: 'from_start' },
  grounds: [ESTABLISH_FACTS],
  citation: 'APC 76(3)',
};
const COURT_COMPLEX_CASE = l('аса күрделі әкімшілік іс', 'административное дело особой сложности', 'a case of particular complexity');
const courtExtension = (citation: string): Extension => ({
  by: ['court'],
  max: { amount: 3, unit: 'months', counted: 'from_due' },
  grounds: [COURT_COMPLEX_CASE],
  citation,
});
const LSS_25_4_GROUNDS = [
  l(
    'шағым бойынша қосымша зерделеу немесе тексеру не жергілікті жерге барып тексеру жүргізу қажеттігі',
    'необходимость дополнительного изучения или проверки по жалобе либо проверки с выездом на место',
    'an additional study or verification of the complaint, or an on-site verification, is needed',
  ),
  l('қосымша ақпарат алу қажеттігі', 'необходимость получения дополнительной информации', 'additional information must be obtained'),
];

const CAVEAT_B2 = l(
  '2025 жылғы 1 шілдеден бастап кассациялық шағымдану қағидалары 2024 жылғы 21 қарашадағы № 136-VIII Заңымен өзгертілді; файлда тек бұрынғы мәтін бар. Мерзімді қолданыстағы мәтін бойынша тексеріңіз (B2).',
  'С 01.07.2025 правила кассационного обжалования изменены Законом от 21.11.2024 № 136-VIII; в файле только прежний текст. Проверьте срок по действующей редакции (B2).',
  'Cassation rules changed from 01.07.2025 (Law of 21.11.2024 No. 136-VIII); the source holds only the earlier text. Check the deadline against the current text (B2).',
);
const CAVEAT_B5 = l(
  'Кодексте «күн» деп қана айтылған, «жұмыс күні» емес; күнтізбелік күн ретінде есептеледі, заң қызметі растауы керек (B5).',
  'В Кодексе сказано «дней», без слова «рабочих»; считается в календарных днях, подлежит подтверждению юристами (B5).',
  'The Code says "days", not "working days"; counted as calendar days, to be confirmed by the legal department (B5).',
);
const CAVEAT_A7 = l(
  'Негізгі 15 жұмыс күндік мерзім өздігінен ұзартылмайды; қажет болса, 76-баптың 3-бөлігі бойынша ұзарту керек (A7).',
  'Основной 15-дневный срок автоматически не продлевается; при необходимости – продление по части 3 статьи 76 (A7).',
  'The 15-working-day term is not extended automatically; extend under 76(3) if the grounds exist (A7).',
);
const CAVEAT_A04 = l(
  'Заң «бір күн» күнтізбелік күн бе, жұмыс күні ме екенін айтпайды; әдепкі күнтізбелік күн, заң қызметі растауы керек (A-04).',
  'Закон не уточняет, календарный или рабочий это «один день»; по умолчанию календарный, подлежит подтверждению (A-04).',
  'The Law does not say whether "one day" is a calendar or a working day; default calendar day, to be confirmed (A-04).',
);
const CAVEAT_A28 = l(
  'Заң тексерудің басталған күні мерзімге кіре ме – айтпайды; бұл соңғы күнді бір жұмыс күніне өзгертеді (A-28, AT-14).',
  'Закон не говорит, входит ли день начала проверки в срок; от этого конечная дата сдвигается на один рабочий день (A-28, AT-14).',
  'The Law does not say whether the start day counts; the end date moves by one working day (A-28, AT-14).',
);
const CAVEAT_A29 = l(
  '«Жыл» күнтізбелік жыл ма, соңғы он екі ай ма – Заңда айтылмаған; әдепкі: кезеңділік үшін күнтізбелік жыл, кері кезең үшін он екі ай (A-29).',
  'Закон не уточняет, календарный год или последние двенадцать месяцев; по умолчанию календарный год для периодичности, двенадцать месяцев для ретроспективы (A-29).',
  'The Law does not say calendar year or twelve months; default: calendar year for frequency, rolling twelve months for look-backs (A-29).',
);
const CAVEAT_LOOK_BACK = l(
  'Бұл – жоспар бекітілген күннен кері есептелетін кезең, мерзім емес; жоспар нақты бекітілген күннен есептеледі (A-30).',
  'Это ретроспективный период, отсчитываемый назад от утверждения плана, а не срок; считается от фактической даты утверждения (A-30).',
  'A look-back window counted backwards from plan approval, not a deadline; use the actual approval date (A-30).',
);

export const TERMS: readonly Term[] = [
  // APC Section 1, Chapters 2–5: general provisions
  {
    id: 'APC-17', act: 'APC', citation: 'APC 17(1)',
    unit: 'no_fixed_term', amount: null, bound: 'exact', party: 'court',
    runsFrom: l('Іс сотқа түскен кезден (санмен белгіленбеген)', 'С поступления дела в суд (числом не установлен)', 'From the case reaching the court (no number set)'),
    description: l(
      'Әкімшілік сот ісін жүргізу, оның ішінде жекелеген процестік әрекеттер, ақылға қонымды мерзімде жүзеге асырылады',
      'Административное судопроизводство, включая отдельные процессуальные действия, осуществляется в разумный срок',
      'Administrative court proceedings, including each procedural step, are conducted within a reasonable time',
    ),
    effective: { from: APC_START },
    quote: 'осуществляется в разумный срок',
  },
  {
    id: 'APC-18.5', act: 'APC', citation: 'APC 18(5)',
    unit: 'working_days', amount: 3, bound: 'exact', party: 'court',
    runsFrom: l('Сот актісі түпкілікті дайындалған күн', 'День окончательного изготовления судебного акта', 'Day the court act is prepared in final form'),
    description: l(
      'Сот актілерін әкімшілік процестің тараптарына жіберу',
      'Направление судебных актов сторонам административного процесса',
      'The court sends its acts to the parties',
    ),
    effective: { from: APC_START },
    quote: 'в течение трех рабочих дней со дня окончательного изготовления',
  },
  {
    id: 'APC-20.1.4', act: 'APC', citation: 'APC 20(1)(4)',
    unit: 'no_fixed_term', amount: null, bound: 'min', party: 'body',
    runsFrom: l('Тыңдау күніне дейін', 'До дня заслушивания', 'Before the hearing'),
    description: l(
      'Қатысушыны тыңдаудың орны мен уақыты туралы алдын ала хабардар ету (нақты мерзім – 73-баптың 1-бөлігі)',
      'Заблаговременное уведомление участника о месте и времени заслушивания (конкретный срок – часть 1 статьи 73)',
      'Notify the participant in advance of the place and time of the hearing (the 3-working-day rule is 73(1))',
    ),
    effective: { from: APC_START },
    quote: 'заблаговременно уведомляют … о месте и времени проводимого заслушивания',
  },
  {
    id: 'APC-20.2', act: 'APC', citation: 'APC 20(2)',
    unit: 'no_fixed_term', amount: null, bound: 'exact', party: 'body',
    runsFrom: l('Құқықтық статистика органы белгілеген мерзімдер', 'Сроки, установленные органом правовой статистики', 'Periods set by the legal-statistics body'),
    description: l(
      'Өтініштер, хабарлар, үн қосулар, ұсыныстар, сауалдар және оларды қарау нәтижелері туралы құқықтық статистикалық ақпаратты ұсыну',
      'Представление правовой статистической информации об обращениях, сообщениях, откликах, предложениях, запросах и результатах их рассмотрения',
      'Report legal-statistics data on appeals, reports, feedback, proposals, requests and their outcomes',
    ),
    effective: { from: APC_START },
    quote: 'в сроки и объемах, которые установлены',
  },
  {
    id: 'APC-25.3', act: 'APC', citation: 'APC 25(3)',
    unit: 'working_days', amount: 10, bound: 'max', party: 'court',
    runsFrom: l('Әкімшілік іс бойынша шешім қабылданған күн', 'День принятия решения по административному делу', 'Day the decision on the case is adopted'),
    description: l('Судьяның ерекше пікірін жазбаша баяндауы', 'Изложение судьёй особого мнения', 'A judge sets out a dissenting opinion in writing'),
    effective: { from: APC_START },
    quote: 'в срок, не превышающий десяти рабочих дней со дня принятия решения',
  },
  {
    id: 'APC-29.3', act: 'APC', citation: 'APC 29(3)',
    unit: 'no_fixed_term', amount: null, bound: 'exact', party: 'court',
    runsFrom: l(
      'Іс сот отырысында талқылауға тағайындалған күн',
      'День назначения дела к разбирательству в судебном заседании',
      'Day the case is scheduled for trial',
    ),
    description: l(
      'Тиісті емес жауапкер ауыстырылғаннан кейін істі қарау мерзімі қайтадан есептеледі',
      'После замены ненадлежащего ответчика срок рассмотрения дела исчисляется заново',
      'After an improper defendant is replaced, the court term starts again',
    ),
    effective: { from: APC_START },
    quote: 'исчисляется со дня назначения административного дела к разбирательству в судебном заседании',
  },

  // APC Section 2, Chapters 6–7: internal administrative procedures of state bodies
  {
    id: 'APC-37.3', act: 'APC', citation: 'APC 37(3)',
    unit: 'immediately', amount: null, bound: 'exact', party: 'body',
    runsFrom: l(
      'Жеке қолданылатын құқықтық актіні қабылдау немесе алу',
      'Принятие или получение правового акта индивидуального применения',
      'Adoption or receipt of the individual legal act',
    ),
    description: l(
      'Актіде белгіленбеген орындау мерзімдері мен орындаушыларды айқындау және оларды тікелей орындаушылардың назарына жеткізу',
      'Установление не определённых в акте сроков исполнения и исполнителей и доведение их до непосредственных исполнителей',
      'Set the execution terms and executors the act lacks and tell the executors',
    ),
    effective: { from: APC_START },
    quote: 'незамедлительно доводятся до сведения непосредственных исполнителей',
  },
  {
    id: 'APC-38.5', act: 'APC', citation: 'APC 38(5)',
    unit: 'no_fixed_term', amount: null, bound: 'exact', party: 'body',
    runsFrom: l('Актіде белгіленген орындау мерзімі', 'Срок исполнения, установленный актом', 'The execution term set in the act'),
    description: l(
      'Жеке қолданылатын құқықтық актіде көзделген іс-шараларды орындау мерзімдерін ұзарту және бақылаудан алу',
      'Продление сроков исполнения мероприятий правового акта индивидуального применения и снятие с контроля',
      'Extend the execution of measures under an individual legal act; close control',
    ),
    extension: { by: ['head', 'deputy_head'], citation: 'APC 38(5)' },
    effective: { from: APC_START },
    quote: 'Снятие с контроля и продление сроков … осуществляются руководством',
  },
  {
    id: 'APC-38.6', act: 'APC', citation: 'APC 38(6)',
    unit: 'no_fixed_term', amount: null, bound: 'min', party: 'body',
    runsFrom: l('Орындау мерзімі өткенге дейін', 'До истечения срока исполнения', 'Before the execution term expires'),
    description: l(
      'Орындаушыға жазбаша еске салу жіберу (тәртібі мемлекеттік органның регламентінде)',
      'Направление исполнителю письменного напоминания (порядок – в регламенте органа)',
      'Send the executor a written reminder (details in the body’s regulations)',
    ),
    effective: { from: APC_START },
    quote: 'до истечения установленного … срока исполнения направляет исполнителю … письменное напоминание',
  },
  {
    id: 'APC-39.1', act: 'APC', citation: 'APC 39(1)',
    unit: 'no_fixed_term', amount: null, bound: 'exact', party: 'body',
    runsFrom: EACH_QUARTER_YEAR,
    description: l(
      'Тоқсанға, жылға және ұзақ мерзімді перспективаға жасалатын жұмыс жоспарлары',
      'Планы работы на квартал, год и долгосрочную перспективу',
      'Work plans for a quarter, a year and the long term',
    ),
    effective: { from: APC_START },
    quote: 'планами работы, составляемыми на квартал, год и долгосрочную перспективу',
  },
  {
    id: 'APC-43.3.1', act: 'APC', citation: 'APC 43(3)(1)',
    unit: 'no_fixed_term', amount: null, bound: 'exact', party: 'body',
    runsFrom: EACH_QUARTER_YEAR,
    description: l(
      'Алқалы мемлекеттік органның отырыстарын өткізу жоспары тоқсанға және жылға бекітіледі',
      'План проведения заседаний коллегиального органа на квартал и на год',
      'Meeting plan of a collegial state body for a quarter and a year',
    ),
    effective: { from: APC_START },
    quote: 'сроком соответственно на квартал и на год',
  },
  {
    id: 'APC-44.5', act: 'APC', citation: 'APC 44(5)',
    unit: 'months', amount: 1, bound: 'max', party: 'body',
    runsFrom: l('Құжаттың түскен күні (бапта тікелей айтылмаған)', 'День поступления документа (прямо не указан)', 'Day the document is received (implied)'),
    description: l(
      'Мемлекеттік органда қызметтік құжаттарды қарау (заңнамада өзгеше белгіленбесе)',
      'Рассмотрение служебных документов в государственном органе, если иное не установлено законодательством',
      'Consider official documents in a state body, unless legislation provides otherwise',
    ),
    caveat: l(
      'Мерзім тек қызметтік құжаттарға қолданылады; өтініштерге 76-бап қолданылады (A27). Басталу сәті Кодексте айтылмаған.',
      'Срок относится только к служебным документам; к обращениям применяется статья 76 (A27). Начало течения в Кодексе не указано.',
      'Applies to official documents only; appeals follow Art. 76 (A27). The Code does not state the start event.',
    ),
    effective: { from: APC_START },
    quote: 'не должен превышать один месяц, если иное не установлено',
  },
  {
    id: 'APC-46.4', act: 'APC', citation: 'APC 46(4)',
    unit: 'no_fixed_term', amount: null, bound: 'min', party: 'body',
    runsFrom: l('Тапсырманы орындау мерзімі өткенге дейін', 'До истечения срока исполнения поручения', 'Before the instruction falls due'),
    description: l(
      'Іс жүргізу қызметі бақылаудағы тапсырманың мерзімі өткенге дейін бөлімшеге еске салу жібереді',
      'Служба делопроизводства заблаговременно направляет напоминание о сроке контрольного поручения',
      'The records office reminds the unit in advance that a controlled instruction falls due',
    ),
    effective: { from: APC_START },
    quote: 'заблаговременно до истечения срока исполнения контрольного поручения направляет … напоминание',
  },
  {
    id: 'APC-46.5', act: 'APC', citation: 'APC 46(5)',
    unit: 'no_fixed_term', amount: null, bound: 'exact', party: 'body',
    runsFrom: l('Орындаушының жазбаша өтініші', 'Письменное обращение исполнителя', 'The executor’s written request'),
    description: l(
      'Тапсырманы орындаудың қосымша мерзімін тапсырма берген басшы белгілейді',
      'Дополнительный срок исполнения поручения устанавливает руководитель, давший поручение',
      'The head who gave the instruction sets an additional period for it',
    ),
    extension: { by: ['instruction_giver'], citation: 'APC 46(5)' },
    effective: { from: APC_START },
    quote: 'Дополнительный срок исполнения поручения устанавливается руководителем, давшим поручение',
  },

  // APC Section 2, Chapter 8: functions transferred to the competitive environment
  {
    id: 'APC-54.1', act: 'APC', citation: 'APC 54(1)',
    unit: 'working_days', amount: 5, bound: 'exact', party: 'body',
    runsFrom: l(
      'Мониторинг нәтижесінде сапасыз орындау анықталған күн (тікелей айтылмаған)',
      'Установление некачественного осуществления по итогам мониторинга (прямо не указано)',
      'Poor performance found by monitoring (implied)',
    ),
    description: l(
      'Бәсекелес ортаға берілген функцияның сапасыз орындалуы туралы уәкілетті органға және Ұлттық кәсіпкерлер палатасына хабарлау',
      'Уведомление уполномоченного органа и Национальной палаты предпринимателей о некачественном осуществлении функции',
      'Notify the public-administration authority and the National Chamber of Entrepreneurs of poor performance of a transferred function',
    ),
    effective: { from: APC_START },
    quote: 'в течение пяти рабочих дней уведомляют',
  },
  {
    id: 'APC-54.2', act: 'APC', citation: 'APC 54(2)',
    unit: 'working_days', amount: 10, bound: 'exact', party: 'body',
    runsFrom: l('Хабарламаны алған күн', 'День получения уведомления', 'Day the notice is received'),
    description: l(
      'Мемлекеттік басқару жүйесін дамыту саласындағы уәкілетті орган мәселені Комиссияның қарауына шығарады',
      'Уполномоченный орган в сфере развития системы государственного управления выносит вопрос на рассмотрение Комиссии',
      'The public-administration authority refers the question to the Commission',
    ),
    effective: { from: APC_START },
    quote: 'в течение десяти рабочих дней со дня получения уведомления',
  },
  {
    id: 'APC-60.1.7', act: 'APC', citation: 'APC 60(1)(7)',
    unit: 'working_days', amount: 10, bound: 'max', party: 'other',
    runsFrom: l('Мониторинг нәтижелерін алған күн', 'Дата получения результатов мониторинга', 'Date the monitoring results are received'),
    description: l(
      'Функцияларды орындаушы мониторинг нәтижелерімен келіспеу туралы жазбаша түсініктеме не іс-шаралар жоспарын ұсынады',
      'Исполнитель функций представляет пояснения о несогласии с результатами мониторинга либо план мероприятий',
      'The function performer submits written objections to the monitoring results or an action plan',
    ),
    effective: { from: APC_START },
    quote: 'не позднее десяти рабочих дней с даты получения результатов мониторинга',
  },
  {
    id: 'APC-61.3', act: 'APC', citation: 'APC 61(3)',
    unit: 'no_fixed_term', amount: null, bound: 'min', party: 'body',
    runsFrom: EACH_HALF_YEAR,
    description: l(
      'Комиссия қызметі туралы ақпаратты интернет-ресурста жарты жылда кемінде бір рет орналастыру және өзектендіру',
      'Размещение и актуализация информации о деятельности Комиссии не реже одного раза в полугодие',
      'Publish and update information on the Commission’s work at least once per half-year',
    ),
    effective: { from: APC_START },
    quote: 'не реже одного раза в полугодие',
  },

  // APC Section 3, Chapter 9: initiation, intake, registration, redirection, recusal, representation, termination
  {
    id: 'APC-62.2', act: 'APC', citation: 'APC 62(2)',
    unit: 'no_fixed_term', amount: null, bound: 'exact', party: 'other',
    runsFrom: l('Өтінішті қабылдау сәті', 'Момент приёма обращения', 'Moment the appeal is accepted'),
    description: l(
      'Өтініш негізіндегі әкімшілік рәсім өтініш қабылданған сәттен бастап қозғалған болып саналады',
      'Административная процедура считается возбуждённой с момента приёма обращения',
      'An appeal-initiated procedure counts as initiated at the moment of intake',
    ),
    effective: { from: APC_START },
    quote: 'считается возбужденной с момента приема обращения',
  },
  {
    id: 'APC-64.3', act: 'APC', citation: 'APC 64(3)',
    unit: 'same_or_next_working_day', amount: null, bound: 'exact', party: 'body',
    runsFrom: APPEAL_RECEIVED,
    description: l(
      'Өтінішті тіркеу: түскен күні, ал жұмыс емес күні түссе – келесі жақын жұмыс күні',
      'Регистрация обращения в день поступления, а при поступлении в нерабочий день – в ближайший следующий рабочий день',
      'Register the appeal on the day received; if received on a non-working day, on the next working day',
    ),
    effective: { from: APC_START },
    quote: 'регистрируется в день его поступления … в ближайший следующий за ним рабочий день',
  },
  {
    id: 'APC-64.6', act: 'APC', citation: 'APC 64(6)',
    unit: 'no_fixed_term', amount: null, bound: 'exact', party: 'participant',
    runsFrom: l('Өтініштің сәйкессіздігі туралы хабарлама', 'Указание заявителю на несоответствие обращения', 'The defect notice'),
    description: l(
      'Әкімшілік орган өтінішті талаптарға сәйкестендіру үшін ақылға қонымды мерзім белгілейді',
      'Разумный срок, устанавливаемый органом для приведения обращения в соответствие с требованиями',
      'Reasonable period the body sets for the applicant to cure a defective appeal',
    ),
    caveat: l(
      'Кодексте сан жоқ; түзету мерзімі негізгі 15 жұмыс күндік мерзімді тоқтатпайды (A6).',
      'Числа в Кодексе нет; срок на исправление не приостанавливает основной 15-дневный срок (A6).',
      'No number in the Code; the cure period does not stop the 15-working-day clock (A6).',
    ),
    effective: { from: APC_START },
    quote: 'устанавливают разумный срок для приведения его в соответствие',
  },
  {
    id: 'APC-64.7', act: 'APC', citation: 'APC 64(7)',
    unit: 'on_expiry', amount: null, bound: 'exact', party: 'body',
    runsFrom: l('Түзетуге берілген мерзімнің өткен күні', 'День истечения срока на исправление', 'Day the cure period expires'),
    description: l(
      'Белгіленген мерзімде талаптарға сәйкестендірілмеген өтінішті қайтару',
      'Возврат обращения, не приведённого в соответствие в установленный срок',
      'Return an appeal not cured within the set period',
    ),
    effective: { from: APC_START },
    quote: 'если заявитель не привел его в соответствие … в срок, установленный',
  },
  {
    id: 'APC-64.9', act: 'APC', citation: 'APC 64(9)',
    unit: 'no_fixed_term', amount: null, bound: 'max', party: 'participant',
    runsFrom: l('Іс бойынша шешім қабылданғанға дейін', 'До принятия решения по административному делу', 'Until the decision on the case'),
    description: l(
      'Өтініш беруші іс бойынша шешім қабылданғанға дейін жазбаша арыз негізінде өтінішін кері қайтарып ала алады',
      'Заявитель до принятия решения по делу может отозвать обращение письменным заявлением',
      'The applicant may withdraw the appeal in writing until the decision on the case',
    ),
    effective: { from: APC_START },
    quote: 'до принятия решения по административному делу может отозвать',
  },
  {
    id: 'APC-65.1', act: 'APC', citation: 'APC 65(1)',
    unit: 'working_days', amount: 3, bound: 'max', party: 'body',
    runsFrom: APPEAL_RECEIVED,
    description: l(
      'Қарауға жатпайтын өтінішті уәкілетті органға қайта жіберу және бір мезгілде қатысушыны хабардар ету',
      'Перенаправление обращения уполномоченному органу с одновременным уведомлением участника',
      'Redirect an appeal outside competence to the competent body, notifying the participant at the same time',
    ),
    effective: { from: APC_START },
    quote: 'в срок не позднее трех рабочих дней со дня его поступления перенаправляется',
  },
  {
    id: 'APC-65.2', act: 'APC', citation: 'APC 65(2)',
    unit: 'working_days', amount: 3, bound: 'max', party: 'body',
    runsFrom: APPEAL_RECEIVED,
    description: l(
      'Өтініштегі қарауға жатпайтын өтінішхаттарды, талаптарды уәкілетті органға қайта жіберу және қатысушыны хабардар ету',
      'Перенаправление ходатайств, требований обращения, не входящих в полномочия, с уведомлением участника',
      'Redirect the motions or demands outside competence (partial redirection), notifying the participant',
    ),
    effective: { from: APC_START },
    quote: 'в срок не позднее трех рабочих дней со дня поступления перенаправляются',
  },
  {
    id: 'APC-67.3', act: 'APC', citation: 'APC 67(3)',
    unit: 'working_days', amount: 3, bound: 'exact', party: 'body',
    runsFrom: l('Қарсылық (өздігінен бас тарту) мәлімделген күн', 'День заявления отвода (самоотвода)', 'Day the challenge is declared'),
    description: l(
      'Лауазымды адамға мәлімделген қарсылықты (өздігінен бас тартуды) шешу',
      'Разрешение отвода (самоотвода), заявленного должностному лицу',
      'Decide a challenge (or self-recusal) of the official',
    ),
    caveat: CAVEAT_A7,
    effective: { from: APC_START },
    quote: 'разрешается в течение трех рабочих дней со дня его заявления',
  },
  {
    id: 'APC-68.5', act: 'APC', citation: 'APC 68(5)',
    unit: 'working_days', amount: 3, bound: 'max', party: 'body',
    runsFrom: l('Өкілді шеттету күні', 'День отстранения представителя', 'Day the representative is removed'),
    description: l(
      'Өкіл шеттетілгенде әкімшілік рәсімді басқа өкілдің өкілеттігін ресімдеуге қажетті мерзімге кейінге қалдыру',
      'Отложение процедуры при отстранении представителя на срок оформления полномочий другого представителя',
      'Postpone the procedure when a representative is removed, for the time needed to appoint another',
    ),
    caveat: CAVEAT_A7,
    effective: { from: APC_START },
    quote: 'но не более трех рабочих дней',
  },
  {
    id: 'APC-70.3', act: 'APC', citation: 'APC 70(3)',
    unit: 'working_days', amount: 3, bound: 'exact', party: 'body',
    runsFrom: l('Тоқтату туралы шешім қабылданған күн', 'День принятия решения о прекращении', 'Day the termination decision is adopted'),
    description: l(
      'Әкімшілік рәсімнің тоқтатылғаны туралы қатысушыны хабардар ету',
      'Извещение участника о прекращении административной процедуры',
      'Notify the participant that the procedure was terminated',
    ),
    effective: { from: APC_START },
    quote: 'в течение трех рабочих дней со дня принятия решения',
  },

  // APC Section 3, Chapter 10: consideration of the case, hearing, access to materials, terms
  {
    id: 'APC-73.1', act: 'APC', citation: 'APC 73(1)',
    unit: 'working_days_before', amount: 3, bound: 'min', party: 'body',
    runsFrom: l('Әкімшілік актіні қабылдау күні', 'День принятия административного акта', 'Day the administrative act is adopted'),
    description: l(
      'Қатысушыға алдын ала шешім туралы хабарлау және өз ұстанымын білдіру мүмкіндігін беру (тыңдау)',
      'Уведомление участника о предварительном решении для выражения позиции (заслушивание)',
      'Notify the participant of the preliminary decision so they can state their position (hearing)',
    ),
    effective: { from: APC_START },
    quote: 'не позднее чем за три рабочих дня до принятия административного акта',
  },
  {
    id: 'APC-73.2.3', act: 'APC', citation: 'APC 73(2)(3)',
    unit: 'no_fixed_term', amount: null, bound: 'max', party: 'other',
    runsFrom: l('Заңнамада белгіленген рәсім мерзімі', 'Срок процедуры по законодательству', 'The procedure period set by law'),
    description: l(
      'Заңнамада рәсім үшін үш күннен кем мерзім белгіленсе, тыңдау жүргізілмеуі мүмкін',
      'Заслушивание может не проводиться, если законодательством установлен менее чем трёхдневный срок процедуры',
      'No hearing is needed where the law sets a procedure period shorter than three days',
    ),
    effective: { from: APC_START },
    quote: 'установлен менее чем трехдневный срок',
  },
  {
    id: 'APC-73.3', act: 'APC', citation: 'APC 73(3)',
    unit: 'working_days', amount: 2, bound: 'max', party: 'participant',
    runsFrom: l(
      'Қатысушының алдын ала шешімді алған күні',
      'День получения участником предварительного решения',
      'Day the participant receives the preliminary decision',
    ),
    description: l(
      'Қатысушы алдын ала шешімге қарсылығын ұсынады немесе айтады',
      'Представление или высказывание возражения к предварительному решению',
      'The participant submits or voices an objection to the preliminary decision',
    ),
    caveat: l(
      'Мерзім жіберілген күннен емес, алынған күннен басталады; алу күні белгісіз болса, актіні қабылдаудың ең ерте күнін есептеу мүмкін емес (A9).',
      'Срок течёт с получения, а не с отправки; без даты вручения нельзя вычислить самую раннюю дату принятия акта (A9).',
      'The window runs from receipt, not sending; without a delivery date the earliest lawful adoption date cannot be computed (A9).',
    ),
    effective: { from: APC_START },
    quote: 'в срок не позднее двух рабочих дней со дня его получения',
  },
  {
    id: 'APC-74.6', act: 'APC', citation: 'APC 74(6)',
    unit: 'working_days', amount: 3, bound: 'exact', party: 'participant',
    runsFrom: l('Хаттамамен танысқан күн', 'День ознакомления с протоколом', 'Day of familiarisation with the protocol'),
    description: l(
      'Тыңдау хаттамасына ескертпелер беру',
      'Представление замечаний на протокол заслушивания',
      'Submit remarks on the hearing protocol',
    ),
    effective: { from: APC_START },
    quote: 'в течение трех рабочих дней после ознакомления',
  },
  {
    id: 'APC-75.1', act: 'APC', citation: 'APC 75(1)',
    unit: 'working_days', amount: 3, bound: 'max', party: 'body',
    runsFrom: MOTION_FILED,
    description: l(
      'Қатысушыға әкімшілік іс материалдарымен танысу мүмкіндігін беру',
      'Предоставление участнику возможности ознакомления с материалами административного дела',
      'Give the participant access to the case materials',
    ),
    effective: { from: APC_START },
    quote: 'не позднее трех рабочих дней со дня заявления ходатайства',
  },
  {
    id: 'APC-76.1', act: 'APC', citation: 'APC 76(1)',
    unit: 'working_days', amount: 15, bound: 'exact', party: 'body',
    runsFrom: l(
      'Өтініштің түскен күні (рәсім қозғалған сәт)',
      'День поступления обращения (момент возбуждения процедуры)',
      'Day the appeal is received (initiation of the procedure)',
    ),
    description: l(
      'Өтініш негізінде қозғалған әкімшілік рәсімді жүзеге асыру және іс бойынша шешім қабылдау (заңдарда өзгеше көзделмесе)',
      'Осуществление административной процедуры, возбуждённой на основании обращения, и решение по делу (если иное не предусмотрено законами)',
      'Conduct an appeal-initiated procedure and decide the case (unless a law provides otherwise)',
    ),
    extension: APC_76_3_EXTENSION,
    caveat: l(
      'Жұмыс емес күні түскен өтініш үшін түскен күннен және тіркелген күннен есептеу бір жұмыс күніне ерекшеленеді; әдепкі – түскен күннен (A4).',
      'Для обращения, поступившего в нерабочий день, счёт от поступления и от регистрации расходится на один рабочий день; по умолчанию – от поступления (A4).',
      'For an appeal received on a non-working day, counting from receipt or from registration differs by one working day; default: receipt (A4).',
    ),
    effective: { from: APC_START },
    receiptBased: true,
    quote: 'пятнадцать рабочих дней со дня поступления обращения',
  },
  {
    id: 'APC-76.3', act: 'APC', citation: 'APC 76(3)',
    unit: 'months', amount: 2, bound: 'max', party: 'body',
    runsFrom: l(
      'Әкімшілік рәсім қозғалған күн (өтініштің түскен күні)',
      'День возбуждения процедуры (поступления обращения)',
      'Day the procedure was initiated (appeal received)',
    ),
    description: l(
      'Басшының немесе оның орынбасарының дәлелді шешімімен ұзартылған мерзім: ақылға қонымды, бірақ екі айдан аспайды',
      'Продление срока мотивированным решением руководителя или заместителя на разумный срок, но не более чем до двух месяцев',
      'Extension by reasoned decision of the head or a deputy: a reasonable period, at most up to two months',
    ),
    extension: APC_76_3_EXTENSION,
    caveat: l(
      '«Екі айға дейін» – рәсім қозғалғаннан бастап жалпы шек деп оқылады (әдепкі), қосымша екі ай емес; ұзарту бастапқы мерзім өткенге дейін шешілуге тиіс (A5).',
      '«Не более чем до двух месяцев» читается как общий предел от возбуждения (по умолчанию), а не ещё два месяца; продлевать нужно до истечения первоначального срока (A5).',
      '"Not more than up to two months" is read as a total cap from initiation (default), not two further months; extend before the original term expires (A5).',
    ),
    effective: { from: APC_START },
    receiptBased: true,
    quote: 'на разумный срок, но не более чем до двух месяцев',
  },
  {
    id: 'APC-76.3_notice', act: 'APC', citation: 'APC 76(3)',
    unit: 'working_days', amount: 3, bound: 'exact', party: 'body',
    runsFrom: l('Мерзім ұзартылған күн', 'День продления срока', 'Day the term is extended'),
    description: l(
      'Мерзімнің ұзартылғаны туралы қатысушыны хабардар ету',
      'Извещение участника о продлении срока',
      'Notify the participant of the extension',
    ),
    effective: { from: APC_START },
    quote: 'в течение трех рабочих дней со дня продления срока',
  },
  {
    id: 'APC-76.4', act: 'APC', citation: 'APC 76(4)',
    unit: 'no_fixed_term', amount: null, bound: 'exact', party: 'body',
    runsFrom: l('Мерзімді ұзарту', 'Продление срока', 'The extension'),
    description: l(
      'Мерзімді негізсіз ұзартқаны үшін шешім қабылдауға уәкілетті адам тәртіптік және өзге жауаптылықта болады',
      'Ответственность уполномоченного лица за необоснованное продление срока процедуры',
      'The decision-maker is liable for an unjustified extension',
    ),
    effective: { from: APC_START },
    quote: 'несет дисциплинарную и иную ответственность',
  },
  {
    id: 'APC-77.2', act: 'APC', citation: 'APC 77(2)',
    unit: 'no_fixed_term', amount: null, bound: 'exact', party: 'body',
    runsFrom: l('Істі қарау аяқталған кез', 'Окончание рассмотрения дела', 'End of consideration of the case'),
    description: l(
      'Іс бойынша жазбаша шешім шығарылып, қатысушыға жіберіледі',
      'Решение по делу выносится в письменной форме и направляется участнику',
      'The written decision on the case is issued and sent to the participant',
    ),
    effective: { from: APC_START },
    quote: 'выносится решение в письменной форме, которое направляется участнику',
  },

  // APC Section 3, Chapter 11: administrative act
  {
    id: 'APC-78.4', act: 'APC', citation: 'APC 78(4)',
    unit: 'working_days', amount: 1, bound: 'exact', party: 'body',
    runsFrom: MOTION_FILED,
    description: l(
      'Ауызша немесе өзге нысанда қабылданған актіні қатысушының өтінішхаты бойынша жазбаша ресімдеу',
      'Оформление устного или иного акта в письменной форме по ходатайству участника',
      'Put an oral or other act in writing at the participant’s motion',
    ),
    effective: { from: APC_START },
    quote: 'в течение одного рабочего дня со дня заявления такого ходатайства',
  },
  {
    id: 'APC-80.2.2', act: 'APC', citation: 'APC 80(2)(2)',
    unit: 'calendar_days', amount: 30, bound: 'exact', party: 'body',
    runsFrom: l(
      'Есепке алынатын актілердің біріншісі қабылданған күн',
      'Принятие первого из учитываемых актов',
      'Adoption of the first act counted',
    ),
    description: l(
      'Бір мәселе бойынша отыз күнтізбелік күн ішінде бестен астам бірдей акт қабылданса, әрқайсысының негіздемесі міндетті емес',
      'При принятии более пяти идентичных актов об одном предмете непрерывно в течение тридцати календарных дней обоснование не обязательно',
      'More than five identical acts on one subject within 30 continuous calendar days need no individual justification',
    ),
    caveat: l(
      'Кодекс отыз күн жылжымалы кезең бе, бірінші актіден бастап есептеле ме – айтпайды; әдепкі: алтыншы актімен аяқталатын үздіксіз 30 күн.',
      'Кодекс не говорит, скользящее ли это окно или период от первого акта; по умолчанию – непрерывные 30 дней, оканчивающиеся шестым актом.',
      'The Code does not say whether the 30 days are a rolling window or run from the first act; default: a continuous 30-day window ending with the sixth act.',
    ),
    effective: { from: APC_START },
    quote: 'более чем пять административных актов непрерывно в течение тридцати календарных дней',
  },
  {
    id: 'APC-80.3', act: 'APC', citation: 'APC 80(3)',
    unit: 'no_fixed_term', amount: null, bound: 'max', party: 'other',
    runsFrom: l('Әкімшілік актінің қолданылу мерзімі', 'Срок действия административного акта', 'The act’s period of validity'),
    description: l(
      'Әкімшілік актіге қосымшалардың қолданылу мерзімі актінің қолданылу мерзімінен аспайды',
      'Действие приложений не может превышать срок действия административного акта',
      'Annexes cannot outlast the administrative act',
    ),
    effective: { from: APC_START },
    quote: 'действие которых не может превышать срок действия административного акта',
  },
  {
    id: 'APC-82.3', act: 'APC', citation: 'APC 82(3)',
    unit: 'working_days', amount: 3, bound: 'exact', party: 'body',
    runsFrom: l('Өтінішхаттың түскен күні', 'День поступления заявления', 'Day the motion is received'),
    description: l(
      'Жазба қателерін және (немесе) арифметикалық қателерді түзету туралы өтінішхатты қарау',
      'Рассмотрение ходатайства об исправлении описок и (или) арифметических ошибок',
      'Decide a motion to correct clerical or arithmetic errors',
    ),
    effective: { from: APC_START },
    quote: 'в течение трех рабочих дней со дня поступления заявления',
  },
  {
    id: 'APC-82.5', act: 'APC', citation: 'APC 82(5)',
    unit: 'working_days', amount: 3, bound: 'exact', party: 'body',
    runsFrom: l('Әкімшілік акт түзетілген күн', 'День исправления административного акта', 'Day the act is corrected'),
    description: l(
      'Түзетілген әкімшілік актінің көшірмесін қатысушыға жіберу',
      'Направление копии исправленного акта участнику',
      'Send a copy of the corrected act to the participant',
    ),
    effective: { from: APC_START },
    quote: 'в течение трех рабочих дней со дня исправления',
  },
  {
    id: 'APC-83.1', act: 'APC', citation: 'APC 83(1)',
    unit: 'no_fixed_term', amount: null, bound: 'exact', party: 'other',
    runsFrom: l('Әкімшілік актіні қабылдау сәті', 'Момент принятия акта', 'Adoption of the act'),
    description: l(
      'Әкімшілік акт, егер онда кейінірек мерзім көрсетілмесе, қабылданған сәттен күшіне енеді',
      'Административный акт вступает в силу с момента принятия, если в нём не указан более поздний срок',
      'The act enters into force on adoption unless it states a later date',
    ),
    effective: { from: APC_START },
    quote: 'вступает в силу с момента принятия, если в нем не указан более поздний срок',
  },
  {
    id: 'APC-83.2', act: 'APC', citation: 'APC 83(2)',
    unit: 'no_fixed_term', amount: null, bound: 'exact', party: 'other',
    runsFrom: l('Актіні қатысушының назарына жеткізу (81-бап)', 'Доведение акта до сведения участника (статья 81)', 'Communication of the act (Art. 81)'),
    description: l(
      'Әкімшілік акт қатысушының назарына жеткізілген сәттен қолданысқа енгізіледі',
      'Административный акт вводится в действие с момента доведения до сведения участника',
      'The act takes effect when communicated to the participant',
    ),
    effective: { from: APC_START },
    quote: 'вводится в действие с момента доведения до сведения',
  },
  {
    id: 'APC-86.3', act: 'APC', citation: 'APC 86(3)',
    unit: 'working_days', amount: 5, bound: 'exact', party: 'other',
    runsFrom: l(
      'Актінің қолданысқа енгізілген, яғни назарына жеткізілген күні (әдепкі, A12)',
      'Введение акта в действие, т. е. доведение до сведения (по умолчанию, A12)',
      'The act taking effect, i.e. its communication (default, A12)',
    ),
    description: l(
      'Әкімшілік актіні орындау (заңдарда немесе актіде өзгеше белгіленбесе)',
      'Исполнение административного акта, если иное не установлено законами или актом',
      'Execute the administrative act, unless a law or the act sets otherwise',
    ),
    caveat: l(
      'Кодекс бес жұмыс күнінің басталу сәтін айтпайды: қабылдау, күшіне ену немесе қолданысқа енгізу; әдепкі – қолданысқа енгізу (A12).',
      'Кодекс не указывает начало пятидневного срока: принятие, вступление в силу или введение в действие; по умолчанию – введение в действие (A12).',
      'The Code does not say when the 5 working days start: adoption, entry into force or taking effect; default: taking effect (A12).',
    ),
    effective: { from: APC_START },
    quote: 'подлежит исполнению в течение пяти рабочих дней',
  },

  // APC Section 3, Chapter 12: simplified procedure and personal reception
  {
    id: 'APC-88.1.2', act: 'APC', citation: 'APC 88(1)(2)',
    unit: 'immediately', amount: null, bound: 'exact', party: 'body',
    runsFrom: l('Хабардың, ұсыныстың, үн қосудың, сауалдың түскен күні', 'День поступления сообщения, предложения, отклика, запроса', 'Day the submission is received'),
    description: l(
      'Қылмыстық құқық бұзушылықтар не қауіпсіздікке қатер туралы мәліметтері бар жасырын хабарды құзыретті мемлекеттік органға дереу жіберу',
      'Немедленное перенаправление анонимных обращений со сведениями о преступлениях или угрозе безопасности в компетентные органы',
      'Forward at once anonymous submissions that report crimes or security threats to the competent bodies',
    ),
    effective: { from: APC_START },
    quote: 'подлежат немедленному перенаправлению',
  },
  {
    id: 'APC-90.1', act: 'APC', citation: 'APC 90(1)',
    unit: 'no_fixed_term', amount: null, bound: 'min', party: 'body',
    runsFrom: l('Әр ай, қабылдау кестесі бойынша', 'Каждый месяц по графику приёма', 'Each month, per the reception schedule'),
    description: l(
      'Басшылар мен олардың орынбасарларының азаматтарды және заңды тұлғалардың өкілдерін жеке қабылдауы – айына кемінде бір рет',
      'Личный приём руководителями и их заместителями не реже одного раза в месяц по утверждённому графику',
      'Heads and deputies hold personal receptions at least once a month per the approved schedule',
    ),
    effective: { from: APC_START },
    quote: 'не реже одного раза в месяц согласно графику приема',
  },

  // APC Section 3, Chapter 12-1: petitions
  {
    id: 'APC-90-2.4.1_electronic', act: 'APC', citation: 'APC 90-2(4)(1)',
    unit: 'working_days', amount: 10, bound: 'exact', party: 'participant',
    runsFrom: l('Петицияны беру (тікелей айтылмаған)', 'Подача петиции (прямо не указано)', 'Submission of the petition (implied)'),
    description: l(
      'Петицияға кемінде елу азаматтың электрондық нысанда қосылуы',
      'Присоединение к петиции не менее пятидесяти граждан в электронной форме',
      'At least fifty citizens join the petition electronically',
    ),
    caveat: l(
      'Бастапқы қолдау мерзімінің басталу сәті Кодексте айтылмаған; әдепкі – петиция берілген күн (A18).',
      'Начало срока первичной поддержки в Кодексе не указано; по умолчанию – подача петиции (A18).',
      'The Code does not say when the initial support window starts; default: submission (A18).',
    ),
    effective: { from: APC_PETITIONS },
    quote: 'не менее пятидесяти граждан … в течение десяти рабочих дней в электронной форме',
  },
  {
    id: 'APC-90-2.4.1_written', act: 'APC', citation: 'APC 90-2(4)(1)',
    unit: 'working_days', amount: 20, bound: 'exact', party: 'participant',
    runsFrom: l('Петицияны беру (тікелей айтылмаған)', 'Подача петиции (прямо не указано)', 'Submission of the petition (implied)'),
    description: l(
      'Петицияға кемінде елу азаматтың жазбаша түрде қосылуы',
      'Присоединение к петиции не менее пятидесяти граждан в письменном виде',
      'At least fifty citizens join the petition in writing',
    ),
    caveat: l(
      'Бастапқы қолдау мерзімінің басталу сәті Кодексте айтылмаған; әдепкі – петиция берілген күн (A18).',
      'Начало срока первичной поддержки в Кодексе не указано; по умолчанию – подача петиции (A18).',
      'The Code does not say when the initial support window starts; default: submission (A18).',
    ),
    effective: { from: APC_PETITIONS },
    quote: 'в течение двадцати рабочих дней в письменном виде',
  },
  {
    id: 'APC-90-2.5', act: 'APC', citation: 'APC 90-2(5)',
    unit: 'working_days', amount: 20, bound: 'exact', party: 'body',
    runsFrom: l(
      'Петицияға кемінде елу азамат қосылған күн',
      'Дата присоединения к петиции не менее пятидесяти граждан',
      'Date at least fifty citizens have joined',
    ),
    description: l(
      'Мемлекет пен азаматтық қоғамның өзара іс-қимылы саласындағы уәкілетті орган петицияның шарттарға сәйкестігін тексереді',
      'Уполномоченный орган в сфере взаимодействия государства и гражданского общества проверяет петицию на соответствие условиям',
      'The petitions authority checks the petition against the conditions',
    ),
    effective: { from: APC_PETITIONS },
    quote: 'в течение двадцати рабочих дней с даты присоединения … не менее пятидесяти граждан',
  },
  {
    id: 'APC-90-2.8', act: 'APC', citation: 'APC 90-2(8)',
    unit: 'working_days', amount: 5, bound: 'exact', party: 'body',
    runsFrom: PETITION_POSTED,
    description: l(
      'Уәкілетті орган есепке қойылған бұқаралық ақпарат құралдарына петицияға қосылудың басталғаны туралы хабарлайды',
      'Информирование поставленных на учёт СМИ о начале присоединения к петиции',
      'Tell registered media that signing of the petition has started',
    ),
    effective: { from: APC_PETITIONS },
    quote: 'в течение пяти рабочих дней с даты размещения петиции',
  },
  {
    id: 'APC-90-3.2', act: 'APC', citation: 'APC 90-3(2)',
    unit: 'months', amount: 6, bound: 'exact', party: 'other',
    runsFrom: PETITION_POSTED,
    description: l(
      'Азаматтардың петицияға қосылу кезеңі',
      'Период присоединения граждан к петиции',
      'Citizens may join (sign) the petition',
    ),
    effective: { from: APC_PETITIONS },
    quote: 'в течение шести месяцев с момента размещения',
  },
  {
    id: 'APC-90-3.5', act: 'APC', citation: 'APC 90-3(5)',
    unit: 'on_expiry', amount: null, bound: 'exact', party: 'body',
    runsFrom: l('Алты айлық қосылу кезеңінің өткен күні', 'День истечения шести месяцев с размещения', 'Day the six-month signing window expires'),
    description: l(
      'Шекті мәнге жетпеген петицияны өтініш берушіге қайтару және оны хабар, үн қосу немесе ұсыныс ретінде құзыретіне қарай жіберу',
      'Возврат петиции, не достигшей порогового значения, и её направление по компетенции как сообщения, отклика или предложения',
      'Return a petition below the threshold and forward it as a report, feedback or proposal',
    ),
    effective: { from: APC_PETITIONS },
    quote: 'по истечении шести месяцев с момента размещения',
  },
  {
    id: 'APC-90-4.1', act: 'APC', citation: 'APC 90-4(1)',
    unit: 'working_days', amount: 3, bound: 'exact', party: 'body',
    runsFrom: l('Петицияны жіберу туралы шешім қабылданған сәт', 'Момент принятия решения о направлении петиции', 'Decision to send the petition'),
    description: l(
      'Петицияны қарауға уәкілетті органға жіберу, өтініш берушіні хабардар ету және ақпаратты интернет-ресурста орналастыру',
      'Направление петиции в компетентный орган, уведомление заявителя и размещение информации на интернет-ресурсе',
      'Send the petition to the competent body, notify the applicant and post the information',
    ),
    effective: { from: APC_PETITIONS },
    quote: 'в течение трех рабочих дней с момента принятия решения о направлении петиции',
  },
  {
    id: 'APC-90-5.1.1', act: 'APC', citation: 'APC 90-5(1)(1)',
    unit: 'working_days', amount: 40, bound: 'max', party: 'body',
    runsFrom: PETITION_REGISTERED,
    description: l(
      'Орталық мемлекеттік органның петицияны қарауы',
      'Рассмотрение петиции центральным государственным органом',
      'A central state body considers the petition',
    ),
    effective: { from: APC_PETITIONS },
    quote: 'не более сорока рабочих дней со дня регистрации',
  },
  {
    id: 'APC-90-5.1.2', act: 'APC', citation: 'APC 90-5(1)(2)',
    unit: 'working_days', amount: 20, bound: 'max', party: 'body',
    runsFrom: PETITION_REGISTERED,
    description: l(
      'Жергілікті өкілді және (немесе) атқарушы органның петицияны қарауы',
      'Рассмотрение петиции местным представительным и (или) исполнительным органом',
      'A local representative or executive body considers the petition',
    ),
    effective: { from: APC_PETITIONS },
    quote: 'не более двадцати рабочих дней со дня регистрации',
  },
  {
    id: 'APC-90-5.2.2', act: 'APC', citation: 'APC 90-5(2)(2)',
    unit: 'working_days_before', amount: 3, bound: 'min', party: 'body',
    runsFrom: l('Жария талқылаудың басталу күні', 'Начало публичного обсуждения', 'Start of the public discussion'),
    description: l(
      'Шешім жобасын жария талқылаудың күні мен орны туралы өтініш берушіні (өкілін) және мүдделі адамдарды шақыру және хабардар ету',
      'Приглашение и уведомление заявителя (представителя) и заинтересованных лиц о дате и месте публичного обсуждения проекта решения',
      'Invite and notify the applicant and interested persons of the public discussion of the draft decision',
    ),
    effective: { from: APC_PETITIONS },
    quote: 'за три рабочих дня до начала проведения',
  },
  {
    id: 'APC-90-6.3', act: 'APC', citation: 'APC 90-6(3)',
    unit: 'next_working_day', amount: null, bound: 'max', party: 'body',
    runsFrom: l('Шешім шығарылған күн', 'День вынесения решения', 'Day the decision is made'),
    description: l(
      'Петиция бойынша қабылданған шешімді интернет-ресурста орналастыру',
      'Размещение решения по петиции на интернет-ресурсе',
      'Post the petition decision on the web resource',
    ),
    effective: { from: APC_PETITIONS },
    quote: 'не позднее следующего рабочего дня со дня вынесения решения',
  },

  // APC Section 3, Chapters 13–15: complaints
  {
    id: 'APC-91.2', act: 'APC', citation: 'APC 91(2)',
    unit: 'on_expiry', amount: null, bound: 'exact', party: 'other',
    runsFrom: l('Кодексте белгіленген мерзімнің өткен күні', 'Дата истечения установленного Кодексом срока', 'Date the Code’s term expires'),
    description: l(
      'Әкімшілік орган мерзімінде акт қабылдамаса немесе әрекет жасамаса, ол бас тартты деп саналады',
      'Непринятие акта или несовершение действия в срок считается отказом',
      'No act or action within the Code’s term counts as a refusal (deemed refusal)',
    ),
    effective: { from: APC_START },
    quote: 'с даты истечения сроков считается, что … отказали',
  },
  {
    id: 'APC-91.4', act: 'APC', citation: 'APC 91(4) ¶2',
    unit: 'working_days', amount: 3, bound: 'max', party: 'body',
    runsFrom: COMPLAINT_RECEIVED,
    description: l(
      'Шағымды және әкімшілік істі шағымды қарайтын органға жіберу',
      'Направление жалобы и административного дела в орган, рассматривающий жалобу',
      'Forward the complaint and the case file to the review body',
    ),
    effective: { from: APC_START },
    quote: 'не позднее трех рабочих дней со дня поступления жалобы направляют ее и административное дело',
  },
  {
    id: 'APC-91.4_satisfy', act: 'APC', citation: 'APC 91(4) ¶3',
    unit: 'working_days', amount: 3, bound: 'exact', party: 'body',
    runsFrom: COMPLAINT_RECEIVED,
    description: l(
      'Шағымды жібермей, оның талаптарын толық қанағаттандыратын қолайлы акт қабылдау немесе әрекет жасау',
      'Вместо направления жалобы – принятие благоприятного акта, полностью удовлетворяющего её требования',
      'Instead of forwarding, adopt a favourable act that fully satisfies the complaint',
    ),
    effective: { from: APC_START },
    quote: 'если он в течение трех рабочих дней примет благоприятный административный акт',
  },
  {
    id: 'APC-92.1', act: 'APC', citation: 'APC 92(1)',
    unit: 'months', amount: 3, bound: 'max', party: 'participant',
    runsFrom: l(
      'Қатысушы актінің қабылданғанын немесе әрекеттің жасалғанын білген күн',
      'День, когда участнику стало известно об акте или действии',
      'Day the participant learned of the act or action',
    ),
    description: l(
      'Әкімшілік актіге, әкімшілік іс-әрекетке (әрекетсіздікке) шағым беру',
      'Подача жалобы на административный акт, административное действие (бездействие)',
      'File a complaint against an act or an action (inaction)',
    ),
    caveat: l(
      'Білген күннің дәлелдеу стандарты жоқ: әдепкі – актінің табыс етілген күні, әрекетсіздік үшін – мерзімнің өткен күні (A13); соңғы күн демалысқа түссе, келесі жұмыс күніне ауысады (A3).',
      'Стандарт доказывания даты осведомлённости не установлен: по умолчанию – дата вручения акта, для бездействия – дата истечения срока (A13); конец, выпавший на нерабочий день, переносится на следующий рабочий (A3).',
      'No proof standard for the day learned: default is the delivery date of the act, or the expiry date for inaction (A13); an end on a non-working day rolls to the next working day (A3).',
    ),
    effective: { from: APC_START },
    quote: 'не позднее трех месяцев со дня, когда участнику … стало известно',
  },
  {
    id: 'APC-92.2', act: 'APC', citation: 'APC 92(2)',
    unit: 'no_fixed_term', amount: null, bound: 'exact', party: 'participant',
    runsFrom: l('Шағым беру мерзімінің өткен күні', 'День истечения срока подачи жалобы', 'Day the complaint deadline expired'),
    description: l(
      'Дәлелді себеппен өткізіп алған шағым беру мерзімін шағымды қарайтын орган өтінішхат бойынша қалпына келтіре алады',
      'Восстановление пропущенного по уважительной причине срока подачи жалобы органом, рассматривающим жалобу',
      'The review body may restore, on motion, a complaint deadline missed for a valid reason',
    ),
    effective: { from: APC_START },
    quote: 'этот срок по ходатайству участника … может быть восстановлен органом, рассматривающим жалобу',
  },
  {
    id: 'APC-92.3', act: 'APC', citation: 'APC 92(3)',
    unit: 'no_fixed_term', amount: null, bound: 'exact', party: 'body',
    runsFrom: l('Шағым беру мерзімінің өткен күні', 'День истечения срока подачи жалобы', 'Day the complaint deadline expired'),
    description: l(
      'Шағым беру мерзімін өткізіп алу шағымды қабылдаудан бас тартуға негіз болмайды',
      'Пропуск срока не является основанием для отказа в принятии жалобы',
      'A missed deadline is no ground to refuse intake of a complaint',
    ),
    effective: { from: APC_START },
    quote: 'не является основанием для отказа в принятии жалобы',
  },
  {
    id: 'APC-94.1', act: 'APC', citation: 'APC 94(1)',
    unit: 'same_or_next_working_day', amount: null, bound: 'exact', party: 'body',
    runsFrom: COMPLAINT_RECEIVED,
    description: l(
      'Шағымды 64-баптың 3-бөлігі бойынша тіркеу: түскен күні не келесі жақын жұмыс күні',
      'Регистрация жалобы по правилам части 3 статьи 64: в день поступления либо в ближайший рабочий день',
      'Register a complaint under the rule of 64(3): the day received or the next working day',
    ),
    effective: { from: APC_START },
    quote: 'осуществляются в соответствии с положениями статьи 64',
  },
  {
    id: 'APC-95.2', act: 'APC', citation: 'APC 95(2)',
    unit: 'working_days', amount: 3, bound: 'exact', party: 'body',
    runsFrom: l(
      'Шағымды қараусыз қалдыру туралы шешім қабылданған күн',
      'День принятия решения об оставлении жалобы без рассмотрения',
      'Day of the decision to leave the complaint without consideration',
    ),
    description: l(
      'Шағымның қараусыз қалдырылғаны туралы қатысушыны хабардар ету',
      'Извещение участника об оставлении жалобы без рассмотрения',
      'Notify the participant that the complaint is left without consideration',
    ),
    effective: { from: APC_START },
    quote: 'извещается в течение трех рабочих дней со дня принятия … решения об оставлении жалобы без рассмотрения',
  },
  {
    id: 'APC-99', act: 'APC', citation: 'APC 99',
    unit: 'working_days', amount: 20, bound: 'exact', party: 'body',
    runsFrom: COMPLAINT_RECEIVED,
    description: l(
      'Шағымды қарау (Кодексте ұзарту көзделмеген)',
      'Рассмотрение жалобы (продление Кодексом не предусмотрено)',
      'Consider the complaint (the Code provides no extension)',
    ),
    caveat: l(
      'Шағым бастапқы органға беріледі, ол оны үш жұмыс күні ішінде жібереді; мерзім бастапқы органға түскен күннен (әдепкі, заңды күн) не шағымды қарайтын органға түскен күннен есептелуі мүмкін (A8).',
      'Жалоба подаётся в орган-источник, который пересылает её за три рабочих дня; срок может считаться от поступления в орган-источник (по умолчанию, юридическая дата) или в орган, рассматривающий жалобу (A8).',
      'The complaint is filed with the originating body, which forwards it within 3 working days; the term may run from receipt there (default, legal date) or at the review body (A8).',
    ),
    effective: { from: APC_START },
    quote: 'двадцать рабочих дней со дня поступления жалобы',
  },
  {
    id: 'APC-100.2', act: 'APC', citation: 'APC 100(2) ¶2',
    unit: 'working_days', amount: 5, bound: 'max', party: 'body',
    runsFrom: l('Шағым бойынша шешім шығарылған күн', 'День вынесения решения по жалобе', 'Day the complaint decision is made'),
    description: l(
      'Шағымды қарайтын орган шағымды бұзушылықтар мен ұсыныстарды көрсете отырып, актісі шағымданған органға жібереді',
      'Направление жалобы органу, чьи акт или действие обжалуются, с указанием нарушений и предложений',
      'The review body sends the case back to the originating body with the violations and proposals',
    ),
    effective: { from: APC_START },
    quote: 'в срок не позднее пяти рабочих дней со дня вынесения решения',
  },
  {
    id: 'APC-100.5', act: 'APC', citation: 'APC 100(5)',
    unit: 'on_expiry', amount: null, bound: 'exact', party: 'other',
    runsFrom: l('Шағымды қарау мерзімінің өткен күні', 'День истечения срока рассмотрения жалобы', 'Day the complaint term expires'),
    description: l(
      'Шағымды қарайтын орган мерзімінде шешім қабылдамаса, шағымды қанағаттандырудан бас тартты деп саналады',
      'Непринятие решения по жалобе в срок считается отказом в удовлетворении жалобы',
      'No complaint decision in time counts as dismissal of the complaint (deemed dismissal)',
    ),
    effective: { from: APC_START },
    quote: 'с даты истечения сроков считается, что орган … отказал в удовлетворении жалобы',
  },

  // APC Section 4, Chapters 16–23: court proceedings relevant to the body
  {
    id: 'APC-113.1', act: 'APC', citation: 'APC 113(1)',
    unit: 'next_working_day', amount: null, bound: 'max', party: 'court',
    runsFrom: l(
      'Ұйғарым шығарылған немесе сот талқылауының күні тағайындалған күн',
      'День вынесения определения или назначения даты разбирательства',
      'Day of the ruling or of setting the hearing date',
    ),
    description: l(
      'Сот процеске қатысушыларды істі қараудың уақыты мен орны туралы хабардар етеді',
      'Извещение участников процесса о времени и месте рассмотрения дела',
      'The court notifies participants of the time and place of the hearing',
    ),
    effective: { from: APC_START },
    quote: 'не позднее следующего рабочего дня',
  },
  {
    id: 'APC-118.5', act: 'APC', citation: 'APC 118(5)',
    unit: 'working_days', amount: 5, bound: 'max', party: 'court',
    runsFrom: l('Ұйғарымның қарар бөлігі жарияланған күн', 'День оглашения резолютивной части определения', 'Day the operative part of the ruling is announced'),
    description: l(
      'Түпкілікті нысандағы сот ұйғарымын дайындау',
      'Изготовление определения в окончательной форме',
      'The ruling is prepared in final form',
    ),
    effective: { from: APC_START },
    quote: 'в срок не позднее пяти рабочих дней после оглашения его резолютивной части',
  },
  {
    id: 'APC-127.5', act: 'APC', citation: 'APC 127(5)',
    unit: 'months', amount: 1, bound: 'max', party: 'body',
    runsFrom: l('Ақшалай өндіріп алу туралы сот актісі', 'Судебный акт о наложении денежного взыскания', 'The court act imposing the fine'),
    description: l(
      'Шешімді орындамағаны үшін елу АЕК ақшалай өндіріп алу салынғаннан кейін жауапкер шешімді сот белгілеген мерзімде орындайды',
      'После наложения взыскания в 50 МРП за неисполнение решение исполняется в срок, указанный судом (не более месяца)',
      'After a 50-MCI fine for non-execution, execute the decision within the court-set period (at most one month)',
    ),
    effective: { from: APC_START },
    quote: 'с указанием в этом же судебном акте срока, не превышающего одного месяца',
  },
  {
    id: 'APC-127.6', act: 'APC', citation: 'APC 127(6)',
    unit: 'working_days', amount: 5, bound: 'exact', party: 'body',
    runsFrom: l('Ұйғарым табыс етілген күн', 'День вручения определения', 'Day the ruling is delivered'),
    description: l('Ақшалай өндіріп алуды төлеу', 'Уплата денежного взыскания', 'Pay the court fine'),
    extension: { by: ['court'], max: { amount: 2, unit: 'months', counted: 'from_due' }, citation: 'APC 127(8)' },
    effective: { from: APC_START },
    quote: 'в течение пяти рабочих дней со дня вручения определения',
  },
  {
    id: 'APC-127.8', act: 'APC', citation: 'APC 127(8)',
    unit: 'months', amount: 2, bound: 'max', party: 'court',
    runsFrom: l('Ақшалай өндіріп алу салынған күн', 'Наложение денежного взыскания', 'Imposition of the fine'),
    description: l(
      'Сот ақшалай өндіріп алу туралы ұйғарымның орындалуын екі айға дейін кейінге қалдыра немесе бөліп төлеуге ұсына алады',
      'Отсрочка или рассрочка исполнения определения о взыскании на срок до двух месяцев',
      'The court may defer a fine or split it into instalments for up to two months',
    ),
    effective: { from: APC_START },
    quote: 'отсрочить или рассрочить исполнение определения на срок до двух месяцев',
  },
  {
    id: 'APC-136.1', act: 'APC', citation: 'APC 136(1)',
    unit: 'months', amount: 1, bound: 'exact', party: 'participant',
    runsFrom: l(
      'Шағымды қарайтын органның шешімі табыс етілген күн',
      'День вручения решения органа, рассматривающего жалобу',
      'Day the complaint decision is delivered',
    ),
    description: l(
      'Шағым бойынша шешімнен кейін дау айту немесе мәжбүрлеу туралы талап қою',
      'Иск об оспаривании или о принуждении после рассмотрения жалобы',
      'File a challenge or compulsion claim after the complaint decision',
    ),
    effective: { from: APC_START },
    quote: 'в течение месяца со дня вручения решения органа, рассматривающего жалобу',
  },
  {
    id: 'APC-136.1_direct', act: 'APC', citation: 'APC 136(1) ¶2',
    unit: 'months', amount: 1, bound: 'exact', party: 'participant',
    runsFrom: l(
      'Әкімшілік акт табыс етілген немесе назарына жеткізілген күн',
      'День вручения административного акта или доведения его до сведения',
      'Day the act is delivered or communicated',
    ),
    description: l(
      'Сотқа дейінгі тәртіп көзделмеген немесе шағымды қарайтын орган жоқ болса, дау айту немесе мәжбүрлеу туралы талап қою',
      'Иск, если досудебный порядок не предусмотрен или нет органа, рассматривающего жалобу',
      'Claim where there is no pre-trial route or no review body',
    ),
    effective: { from: APC_START },
    quote: 'в течение одного месяца со дня вручения административного акта',
  },
  {
    id: 'APC-136.2', act: 'APC', citation: 'APC 136(2)',
    unit: 'months', amount: 1, bound: 'exact', party: 'participant',
    runsFrom: l(
      'Адам әрекет туралы білген күн немесе әрекет жасау үшін белгіленген мерзім өткен күн',
      'День, когда лицу стало известно о действии, либо истечение срока на совершение действия',
      'Day the person learned of the action, or the legal period for the action expired',
    ),
    description: l('Әрекет жасау туралы талап қою', 'Иск о совершении действия', 'File a performance claim'),
    effective: { from: APC_START },
    quote: 'в течение месяца со дня, когда лицу стало известно … а также когда истек срок',
  },
  {
    id: 'APC-136.3', act: 'APC', citation: 'APC 136(3)',
    unit: 'years', amount: 5, bound: 'exact', party: 'participant',
    runsFrom: l('Тиісті құқықтық қатынас туындаған кез', 'Возникновение соответствующего правоотношения', 'The legal relationship arises'),
    description: l('Тану туралы талап қою', 'Иск о признании', 'File a declaratory claim'),
    effective: { from: APC_START },
    quote: 'в течение пяти лет',
  },
  {
    id: 'APC-136.3_unlawful', act: 'APC', citation: 'APC 136(3) ¶2',
    unit: 'months', amount: 3, bound: 'exact', party: 'participant',
    runsFrom: l(
      'Адам актінің өз құқықтарын бұзғанын білген күн',
      'День, когда лицу стало известно о нарушении актом его прав',
      'Day the person learned the act violated their rights',
    ),
    description: l(
      'Күшін жойған ауыртпалық түсіретін актіні заңсыз деп тану туралы талап',
      'Требование о признании незаконным обременяющего акта, не имеющего больше юридической силы',
      'Declare unlawful a burdensome act no longer in force',
    ),
    effective: { from: APC_START },
    quote: 'в течение трех месяцев',
  },
  {
    id: 'APC-136.4', act: 'APC', citation: 'APC 136(4)',
    unit: 'working_days', amount: 10, bound: 'exact', party: 'participant',
    runsFrom: l(
      'Әрекет жасалған күн не хабардар етілмеген тарап ол туралы білген күн',
      'День совершения действия либо день, когда не извещённому лицу стало о нём известно',
      'Day of the action, or the day an unnotified party learned of it',
    ),
    description: l(
      'Сот орындаушысының әрекетіне (әрекетсіздігіне) талап қою',
      'Иск на действия (бездействие) судебного исполнителя',
      'File a claim against a bailiff’s action (inaction)',
    ),
    effective: { from: APC_START },
    quote: 'в течение десяти рабочих дней',
  },
  {
    id: 'APC-136.5', act: 'APC', citation: 'APC 136(5)',
    unit: 'months', amount: 1, bound: 'exact', party: 'participant',
    runsFrom: l(
      'Адам актінің қабылданғанын білген немесе білуге тиіс болған күн',
      'День, когда лицо узнало или могло узнать о принятии акта',
      'Day the person learned or could have learned of the act',
    ),
    description: l(
      'Рәсімге қатыспаған, құқықтары актімен қозғалған адамның талап қоюы',
      'Иск лица, не участвовавшего в процедуре, чьи права затронуты актом',
      'Claim by a non-participant whose rights the act affects',
    ),
    effective: { from: APC_START },
    quote: 'в течение месяца со дня, когда лицо узнало или могло узнать о принятии административного акта',
  },
  {
    id: 'APC-136.5_longstop', act: 'APC', citation: 'APC 136(5)',
    unit: 'years', amount: 1, bound: 'max', party: 'participant',
    runsFrom: l('Әкімшілік акт қабылданған күн', 'День принятия административного акта', 'Day the act is adopted'),
    description: l(
      'Рәсімге қатыспаған адамның талап қоюының соңғы шегі',
      'Предельный срок иска лица, не участвовавшего в процедуре',
      'Long-stop for a claim by a non-participant',
    ),
    effective: { from: APC_START },
    quote: 'не позднее одного года со дня его принятия',
  },
  {
    id: 'APC-136.6', act: 'APC', citation: 'APC 136(6)',
    unit: 'months', amount: 1, bound: 'exact', party: 'participant',
    runsFrom: l(
      'Шағым бойынша шешім табыс етілген күн, шешім болмаса – шағымды қарау мерзімінің өткен күні',
      'Вручение решения по жалобе либо, если решения нет, истечение срока рассмотрения жалобы',
      'Delivery of the complaint decision or, without a decision, expiry of the review term',
    ),
    description: l(
      'Шағым берген адамның сотқа талап қоюы',
      'Обращение в суд лица, подавшего жалобу',
      'Claim by a person who filed a complaint',
    ),
    caveat: l(
      'Шешім болмаса, мерзім шағымды қарау мерзімі өткеннен басталады, ал оның басталуы A8-ге байланысты.',
      'Без решения срок начинается с истечения срока рассмотрения жалобы, начало которого зависит от A8.',
      'Without a decision the month starts at the expiry of the complaint term, whose start depends on A8.',
    ),
    effective: { from: APC_START },
    quote: 'в течение месяца с момента вручения решения по жалобе либо по истечении срока на рассмотрение жалобы',
  },
  {
    id: 'APC-136.7', act: 'APC', citation: 'APC 136(7)',
    unit: 'no_fixed_term', amount: null, bound: 'exact', party: 'court',
    runsFrom: l('Талап қою мерзімінің өткен күні', 'День истечения срока на подачу иска', 'Day the claim deadline expired'),
    description: l(
      'Дәлелді себеппен өткізіп алған талап қою мерзімін сот Азаматтық процестік кодекс бойынша қалпына келтіреді; дәлелсіз өткізу талап қоюды қайтаруға негіз',
      'Восстановление пропущенного срока на подачу иска по правилам ГПК; без уважительной причины иск возвращается',
      'The court may restore a missed claim deadline under CPC rules; without a valid reason the claim is returned',
    ),
    effective: { from: APC_START },
    quote: 'может быть восстановлен судом по правилам Гражданского процессуального кодекса',
  },
  {
    id: 'APC-138.4.1', act: 'APC', citation: 'APC 138(4)(1)',
    unit: 'working_days', amount: 10, bound: 'max', party: 'participant',
    runsFrom: l('Судья талабы табыс етілген күн', 'День вручения требования судьи', 'Day the judge’s requirement is delivered'),
    description: l(
      'Талап қоюшы талап арыздың кемшіліктерін судья белгілеген мерзімде түзетеді',
      'Исправление истцом недостатков иска в срок, установленный судьёй',
      'The plaintiff fixes claim defects within the judge-set period',
    ),
    effective: { from: APC_START },
    quote: 'как правило, не превышающий десяти рабочих дней',
  },
  {
    id: 'APC-138.5', act: 'APC', citation: 'APC 138(5)',
    unit: 'working_days', amount: 10, bound: 'max', party: 'body',
    runsFrom: l('Судьяның ұйғарымы (күнді судья белгілейді)', 'Определение судьи (дату устанавливает судья)', 'The judge’s ruling (the judge sets the date)'),
    description: l(
      'Жауапкер жазбаша пікірді, жоғары тұрған орган басшысының дәлелді ұстанымын және әкімшілік істі ұсынады',
      'Представление ответчиком отзыва, мотивированной позиции руководителя вышестоящего органа и административного дела',
      'The defendant files its written defence, the superior’s reasoned position and the case file',
    ),
    effective: { from: APC_START },
    quote: 'в срок, не превышающий десяти рабочих дней',
  },
  {
    id: 'APC-139.2', act: 'APC', citation: 'APC 139(2)',
    unit: 'working_days', amount: 5, bound: 'exact', party: 'court',
    runsFrom: l('Талап қоюдың сотқа түскен күні', 'День поступления иска', 'Day the claim is received'),
    description: l(
      'Талап қоюмен бірге түскен талап қоюды қамтамасыз ету туралы арызды қарау',
      'Рассмотрение заявления об обеспечении иска, поступившего одновременно с иском',
      'Decide an interim-measure application filed with the claim',
    ),
    effective: { from: APC_START },
    quote: 'рассматривается судьей в течение пяти рабочих дней со дня поступления иска',
  },
  {
    id: 'APC-139.2_later', act: 'APC', citation: 'APC 139(2) ¶2',
    unit: 'next_working_day', amount: null, bound: 'max', party: 'court',
    runsFrom: l('Арыздың сотқа түскен күні', 'День поступления заявления в суд', 'Day the application reaches the court'),
    description: l(
      'Бес күндік мерзім өткен соң түскен қамтамасыз ету туралы арызды шешу',
      'Разрешение заявления об обеспечении иска, поступившего после пятидневного срока',
      'Decide an interim-measure application filed later',
    ),
    effective: { from: APC_START },
    quote: 'не позднее следующего рабочего дня после его поступления в суд',
  },
  {
    id: 'APC-143.1_procurement', act: 'APC', citation: 'APC 143(1) ¶2',
    unit: 'working_days', amount: 20, bound: 'max', party: 'court',
    runsFrom: CLAIM_FILED,
    description: l(
      'Мемлекеттік сатып алуды тексеру нәтижелеріне және сот орындаушыларының әрекеттеріне дау айту істері бойынша алдын ала тыңдау',
      'Предварительное слушание по делам о закупках и о действиях судебных исполнителей',
      'Preliminary hearing in procurement-inspection and bailiff cases',
    ),
    effective: { from: APC_PROCUREMENT },
    quote: 'не позднее двадцати рабочих дней со дня предъявления иска в суд',
  },
  {
    id: 'APC-143.1_investor', act: 'APC', citation: 'APC 143(1) ¶3',
    unit: 'months', amount: 1, bound: 'max', party: 'court',
    runsFrom: CLAIM_FILED,
    description: l(
      'Инвесторлар дауы бойынша (102-баптың 3-бөлігі) алдын ала тыңдау',
      'Предварительное слушание по спорам инвесторов (часть 3 статьи 102)',
      'Preliminary hearing in investor disputes (102(3))',
    ),
    effective: { from: APC_START },
    quote: 'не позднее одного месяца со дня предъявления иска в суд',
  },
  {
    id: 'APC-146.1', act: 'APC', citation: 'APC 146(1)',
    unit: 'months', amount: 3, bound: 'max', party: 'court',
    runsFrom: CLAIM_FILED,
    description: l(
      'Бірінші сатыдағы сотта әкімшілік істі қарау және шешу',
      'Рассмотрение и разрешение административного дела судом первой инстанции',
      'First-instance trial of the case',
    ),
    extension: courtExtension('APC 146(1) ¶2'),
    effective: { from: APC_START },
    quote: 'не более трех месяцев со дня предъявления иска',
  },
  {
    id: 'APC-146.1_extension', act: 'APC', citation: 'APC 146(1) ¶2',
    unit: 'months', amount: 3, bound: 'max', party: 'court',
    runsFrom: l('Үш айлық мерзімнің өтетін күні', 'Истечение трёхмесячного срока', 'Expiry of the three-month term'),
    description: l(
      'Аса күрделі іс бойынша соттың дәлелді ұйғарымымен мерзімді ұзарту – үш айдан аспайды',
      'Продление срока по делам особой сложности мотивированным определением суда – не более чем на три месяца',
      'Extension by reasoned ruling in a complex case: at most three further months',
    ),
    effective: { from: APC_START },
    quote: 'может быть продлен мотивированным определением суда на разумный срок, но не более чем на три месяца',
  },
  {
    id: 'APC-146.2', act: 'APC', citation: 'APC 146(2)',
    unit: 'working_days', amount: 10, bound: 'exact', party: 'court',
    runsFrom: l('Іс сот талқылауына тағайындалған күн', 'День назначения дела к разбирательству', 'Day the case is scheduled for trial'),
    description: l(
      'Мемлекеттік сатып алу және сот орындаушылары істерін қарау және шешу',
      'Рассмотрение дел о закупках и о действиях судебного исполнителя',
      'Trial of procurement-inspection and bailiff cases',
    ),
    effective: { from: APC_PROCUREMENT },
    quote: 'в течение десяти рабочих дней со дня назначения его к разбирательству',
  },
  {
    id: 'APC-148.1', act: 'APC', citation: 'APC 148(1)',
    unit: 'months', amount: 3, bound: 'max', party: 'court',
    runsFrom: CLAIM_FILED,
    description: l(
      'Тараптардың келісімімен істі жазбаша талқылауда қарау',
      'Рассмотрение дела в письменном разбирательстве с согласия сторон',
      'Written procedure with the parties’ consent',
    ),
    extension: courtExtension('APC 148(1) ¶2'),
    effective: { from: APC_START },
    quote: 'не более чем до трех месяцев со дня предъявления иска',
  },
  {
    id: 'APC-148.1_extension', act: 'APC', citation: 'APC 148(1) ¶2',
    unit: 'months', amount: 3, bound: 'max', party: 'court',
    runsFrom: l('Үш айлық мерзімнің өтетін күні', 'Истечение трёхмесячного срока', 'Expiry of the three-month term'),
    description: l(
      'Аса күрделі іс бойынша жазбаша талқылау мерзімін ұзарту – үш айдан аспайды',
      'Продление срока письменного разбирательства по делам особой сложности – не более чем на три месяца',
      'Extension of the written procedure in a complex case: at most three further months',
    ),
    effective: { from: APC_START },
    quote: 'но не более чем на три месяца',
  },
  {
    id: 'APC-151.2', act: 'APC', citation: 'APC 151(2)',
    unit: 'working_days', amount: 10, bound: 'max', party: 'court',
    runsFrom: l('Ауызша талқылау аяқталған күн', 'День окончания устного разбирательства', 'Day the oral hearing ends'),
    description: l('Сот шешімін толық дайындау', 'Изготовление решения суда', 'The decision is prepared in full'),
    effective: { from: APC_START },
    quote: 'изготавливается не позднее десяти рабочих дней со дня окончания устного разбирательства',
  },
  {
    id: 'APC-151.2_exceptional', act: 'APC', citation: 'APC 151(2)',
    unit: 'months', amount: 1, bound: 'max', party: 'court',
    runsFrom: l('Ауызша талқылау аяқталған күн', 'День окончания устного разбирательства', 'Day the oral hearing ends'),
    description: l(
      'Ерекше жағдайларда, істің күрделілігін ескеріп, сот шешімін дайындау',
      'Изготовление решения в исключительных случаях с учётом сложности дела',
      'In exceptional, complex cases the decision is prepared within a month',
    ),
    effective: { from: APC_START },
    quote: 'не позднее одного месяца со дня окончания устного разбирательства',
  },
  {
    id: 'APC-153.3', act: 'APC', citation: 'APC 153(3)',
    unit: 'working_days', amount: 10, bound: 'max', party: 'participant',
    runsFrom: l('Қысқаша шешім табыс етілген күн', 'Момент вручения краткого решения', 'Delivery of the short decision'),
    description: l(
      'Қысқаша шешімнен кейін толық шешім дайындау туралы өтінішхат беру',
      'Ходатайство об изготовлении полного решения после краткого',
      'Request the full decision after a short decision',
    ),
    effective: { from: APC_START },
    quote: 'не позднее десяти рабочих дней с момента вручения краткого решения',
  },
  {
    id: 'APC-153.3_full', act: 'APC', citation: 'APC 153(3)',
    unit: 'working_days', amount: 10, bound: 'max', party: 'court',
    runsFrom: l('Өтінішхаттың түскен күні', 'Момент поступления ходатайства', 'Receipt of the request'),
    description: l('Толық шешімнің мәтінін дайындау', 'Изготовление текста полного решения', 'The court prepares the full decision'),
    effective: { from: APC_START },
    quote: 'не позднее десяти рабочих дней с момента поступления такого ходатайства',
  },

  // APC Section 4, Chapters 25–26: elections, referendums and jurors
  {
    id: 'APC-163.1', act: 'APC', citation: 'APC 163(1)',
    unit: 'calendar_days', amount: 5, bound: 'exact', party: 'court',
    runsFrom: l('Талап қоюдың сотқа түскен күні', 'День поступления иска', 'Day the claim is received'),
    description: l(
      'Сайлау немесе референдум кезеңінде және дауыс беруден кейінгі бір ай ішінде түскен талап қоюды қарау',
      'Рассмотрение иска, поступившего в период выборов, референдума или в течение месяца после голосования',
      'Decide a claim received during an election or referendum, or within a month after the vote',
    ),
    caveat: CAVEAT_B5,
    effective: { from: APC_START },
    quote: 'должен быть рассмотрен в пятидневный срок',
  },
  {
    id: 'APC-163.1_urgent', act: 'APC', citation: 'APC 163(1)',
    unit: 'immediately', amount: null, bound: 'exact', party: 'court',
    runsFrom: l('Талап қоюдың сотқа түскен күні', 'День поступления иска', 'Day the claim is received'),
    description: l(
      'Дауыс беруге бес күннен аз қалғанда, дауыс беру күні немесе қорытындылар жарияланғанға дейін түскен талап қоюды дереу қарау',
      'Немедленное рассмотрение иска, поступившего менее чем за пять дней до голосования, в день голосования или до объявления итогов',
      'A claim received in the last five days before the vote, on voting day or before results are announced is decided at once',
    ),
    effective: { from: APC_START },
    quote: 'немедленно',
  },
  {
    id: 'APC-164.2', act: 'APC', citation: 'APC 164(2)',
    unit: 'calendar_days', amount: 3, bound: 'exact', party: 'participant',
    runsFrom: l('Шешімнің көшірмесі табыс етілген күн', 'День вручения копии решения', 'Day a copy of the decision is delivered'),
    description: l(
      'Сайлау ісі бойынша бірінші сатыдағы сот шешіміне апелляциялық шағым беру (прокурордың өтінішхаты)',
      'Апелляционная жалоба (ходатайство прокурора) на решение по избирательному делу',
      'Appeal (or prosecutor’s motion) against a first-instance decision in an election case',
    ),
    caveat: CAVEAT_B5,
    effective: { from: APC_START },
    quote: 'в течение трех дней со дня вручения копии решения',
  },
  {
    id: 'APC-164.3', act: 'APC', citation: 'APC 164(3)',
    unit: 'calendar_days', amount: 3, bound: 'exact', party: 'participant',
    runsFrom: l('Шешімнің көшірмесі табыс етілген күн', 'День вручения копии решения', 'Day a copy of the decision is delivered'),
    description: l(
      'Орталық сайлау комиссиясы (референдум комиссиясы) істері бойынша сот шешіміне кассациялық шағым беру',
      'Кассационное обжалование решения по делам о решениях ЦИК (Центральной комиссии референдума)',
      'Cassation against a decision on Central Election (Referendum) Commission cases',
    ),
    caveat: CAVEAT_B5,
    effective: { from: APC_START },
    quote: 'в кассационном порядке в течение трех дней со дня вручения копии решения',
  },
  {
    id: 'APC-164.4', act: 'APC', citation: 'APC 164(4)',
    unit: 'calendar_days', amount: 3, bound: 'exact', party: 'court',
    runsFrom: l('Шағымның сотқа түскен күні', 'День поступления жалобы в суд', 'Day the appeal reaches the court'),
    description: l(
      'Сайлау істері бойынша апелляциялық және кассациялық шағымдарды қарау',
      'Рассмотрение апелляционных и кассационных жалоб по избирательным делам',
      'Decide appeals and cassation complaints in election cases',
    ),
    caveat: CAVEAT_B5,
    effective: { from: APC_START },
    quote: 'рассматриваются в трехдневный срок со дня поступления в суд',
  },
  {
    id: 'APC-164.4_urgent', act: 'APC', citation: 'APC 164(4)',
    unit: 'immediately', amount: null, bound: 'exact', party: 'court',
    runsFrom: l('Шағымның сотқа түскен күні', 'День поступления жалобы в суд', 'Day the appeal reaches the court'),
    description: l(
      'Дауыс беруге бес күннен аз қалғанда түскен шағымдарды дереу қарау',
      'Немедленное рассмотрение жалоб, поступивших менее чем за пять дней до голосования',
      'Appeals received in the last five days before the vote are decided at once',
    ),
    effective: { from: APC_START },
    quote: 'немедленно',
  },
  {
    id: 'APC-165.3', act: 'APC', citation: 'APC 165(3)',
    unit: 'working_days', amount: 7, bound: 'exact', party: 'participant',
    runsFrom: l(
      'Алқабилерге кандидаттар тізімімен танысу мерзімі аяқталған кез',
      'Окончание срока ознакомления со списком кандидатов в присяжные заседатели',
      'End of the public review of the juror-candidate list',
    ),
    description: l(
      'Алқабилерге кандидаттардың бірыңғай тізімі бойынша талап қою',
      'Иск по единому списку кандидатов в присяжные заседатели',
      'File a claim about the juror-candidate list',
    ),
    effective: { from: APC_START },
    quote: 'в течение семи рабочих дней с момента окончания срока ознакомления',
  },
  {
    id: 'APC-166.1', act: 'APC', citation: 'APC 166(1)',
    unit: 'working_days', amount: 2, bound: 'exact', party: 'court',
    runsFrom: l('Талап қоюдың сотқа түскен күні', 'День поступления иска', 'Day the claim is received'),
    description: l(
      'Алқабилер тізімі бойынша талап қоюды қарау',
      'Рассмотрение иска по списку присяжных заседателей',
      'Decide a juror-list claim',
    ),
    effective: { from: APC_START },
    quote: 'должен быть рассмотрен в течение двух рабочих дней',
  },
  {
    id: 'APC-166.1_urgent', act: 'APC', citation: 'APC 166(1)',
    unit: 'immediately', amount: null, bound: 'exact', party: 'court',
    runsFrom: l('Талап қоюдың сотқа түскен күні', 'День поступления иска', 'Day the claim is received'),
    description: l(
      'Мерзімнің соңғы күні түскен талап қоюды дереу қарау',
      'Немедленное рассмотрение иска, поступившего в последний день срока',
      'A juror-list claim received on the last day is decided at once',
    ),
    effective: { from: APC_START },
    quote: 'поступивший в день окончания этого срока, – немедленно',
  },

  // APC Section 4, Chapters 27–28: appeal, cassation and execution of court decisions
  {
    id: 'APC-168.2', act: 'APC', citation: 'APC 168(2)',
    unit: 'months', amount: 2, bound: 'exact', party: 'participant',
    runsFrom: l('Шешім түпкілікті нысанда шығарылған күн', 'День вынесения решения в окончательной форме', 'Day the decision is made in final form'),
    description: l(
      'Заңды күшіне енбеген сот шешіміне апелляциялық шағым беру',
      'Подача апелляционной жалобы на не вступившее в силу решение суда',
      'File an appeal against a first-instance decision not yet in force',
    ),
    effective: { from: APC_START },
    quote: 'в течение двух месяцев со дня вынесения решения в окончательной форме',
  },
  {
    id: 'APC-168.2_prosecutor', act: 'APC', citation: 'APC 168(2)',
    unit: 'months', amount: 2, bound: 'exact', party: 'other',
    runsFrom: l('Шешім түпкілікті нысанда шығарылған күн', 'День вынесения решения в окончательной форме', 'Day the decision is made in final form'),
    description: l(
      'Прокурордың апелляциялық өтінішхатын беруі (31-бапта көзделген істер)',
      'Апелляционное ходатайство прокурора (по делам статьи 31)',
      'Prosecutor’s appellate motion (cases under Art. 31)',
    ),
    effective: { from: APC_START },
    quote: 'Апелляционное ходатайство прокурора может быть подано в течение двух месяцев',
  },
  {
    id: 'APC-168.3', act: 'APC', citation: 'APC 168(3)',
    unit: 'working_days', amount: 10, bound: 'exact', party: 'participant',
    runsFrom: l('Ұйғарым түпкілікті нысанда дайындалған күн', 'День изготовления определения в окончательной форме', 'Day the ruling is prepared in final form'),
    description: l(
      'Бірінші сатыдағы сот ұйғарымына жеке шағым беру (прокурордың өтінішхаты)',
      'Частная жалоба, ходатайство прокурора на определение суда первой инстанции',
      'Private complaint (or prosecutor’s motion) against a first-instance ruling',
    ),
    effective: { from: APC_START },
    quote: 'в течение десяти рабочих дней со дня изготовления определения в окончательной форме',
  },
  {
    id: 'APC-168.4', act: 'APC', citation: 'APC 168(4)',
    unit: 'working_days', amount: 10, bound: 'exact', party: 'participant',
    runsFrom: l('Шешім шығарылған күн', 'День вынесения решения', 'Day the decision is made'),
    description: l(
      'Мемлекеттік сатып алу және сот орындаушылары істері бойынша апелляциялық шағым беру',
      'Апелляционное обжалование по делам о закупках и о действиях судебных исполнителей',
      'Appeal in procurement-inspection and bailiff cases',
    ),
    effective: { from: APC_PROCUREMENT },
    quote: 'могут быть поданы в течение десяти рабочих дней со дня вынесения решения',
  },
  {
    id: 'APC-168.8', act: 'APC', citation: 'APC 168(8)',
    unit: 'months', amount: 3, bound: 'max', party: 'court',
    runsFrom: CASE_RECEIVED_BY_COURT,
    description: l(
      'Апелляциялық сатыдағы сотта істі қарау және шешу',
      'Рассмотрение дела судом апелляционной инстанции',
      'Appellate consideration of the case',
    ),
    extension: courtExtension('APC 168(8) ¶2'),
    effective: { from: APC_START },
    quote: 'не более трех месяцев со дня его поступления в суд',
  },
  {
    id: 'APC-168.8_extension', act: 'APC', citation: 'APC 168(8) ¶2',
    unit: 'months', amount: 3, bound: 'max', party: 'court',
    runsFrom: l('Үш айлық мерзімнің өтетін күні', 'Истечение трёхмесячного срока', 'Expiry of the three-month term'),
    description: l(
      'Аса күрделі іс бойынша апелляциялық қарау мерзімін ұзарту – үш айдан аспайды',
      'Продление срока апелляционного рассмотрения по делам особой сложности – не более чем на три месяца',
      'Extension of appellate consideration in a complex case: at most three further months',
    ),
    effective: { from: APC_START },
    quote: 'но не более чем на три месяца',
  },
  {
    id: 'APC-168.8_procurement', act: 'APC', citation: 'APC 168(8) ¶5',
    unit: 'working_days', amount: 10, bound: 'exact', party: 'court',
    runsFrom: CASE_RECEIVED_BY_COURT,
    description: l(
      'Мемлекеттік сатып алу және сот орындаушылары істерін апелляциялық сатыда қарау',
      'Апелляционное рассмотрение дел о закупках и о действиях судебных исполнителей',
      'Appellate consideration of procurement-inspection and bailiff cases',
    ),
    effective: { from: APC_PROCUREMENT },
    quote: 'рассматривается в течение десяти рабочих дней со дня его поступления в суд',
  },
  {
    id: 'APC-168.9', act: 'APC', citation: 'APC 168(9)',
    unit: 'months', amount: 1, bound: 'max', party: 'participant',
    runsFrom: l('Қосымша мерзім беру туралы сот ұйғарымы', 'Определение суда о предоставлении дополнительного срока', 'The court’s ruling granting extra time'),
    description: l(
      'Сот қатысушыға құқықтық ұстанымын негіздеу үшін беретін қосымша мерзім',
      'Дополнительный срок для обоснования правовой позиции участника',
      'Extra time the court gives a party to substantiate its legal position',
    ),
    effective: { from: APC_START },
    quote: 'дополнительный срок, не превышающий одного месяца',
  },
  {
    id: 'APC-169.2', act: 'APC', citation: 'APC 169(2)',
    unit: 'months', amount: 1, bound: 'exact', party: 'participant',
    runsFrom: l(
      'Апелляциялық сатыдағы сот актісі түпкілікті нысанда табыс етілген күн',
      'День вручения судебного акта апелляционной инстанции в окончательной форме',
      'Day the appellate act in final form is delivered',
    ),
    description: l(
      'Апелляциялық сатыдағы сот актісіне кассациялық шағым беру',
      'Подача кассационной жалобы на акт апелляционной инстанции',
      'File a cassation complaint against the appellate act',
    ),
    caveat: CAVEAT_B2,
    effective: { from: APC_START },
    quote: 'в течение месяца со дня вручения судебного акта апелляционной инстанции',
  },
  {
    id: 'APC-169.2_prosecutor', act: 'APC', citation: 'APC 169(2) ¶2',
    unit: 'months', amount: 1, bound: 'exact', party: 'other',
    runsFrom: l('Шешім түпкілікті нысанда шығарылған күн', 'День вынесения решения в окончательной форме', 'Day the decision is made in final form'),
    description: l(
      'Прокурордың кассациялық өтінішхатын беруі (31-бапта көзделген істер)',
      'Кассационное ходатайство прокурора (по делам статьи 31)',
      'Prosecutor’s cassation motion (cases under Art. 31)',
    ),
    caveat: CAVEAT_B2,
    effective: { from: APC_START },
    quote: 'Кассационное ходатайство прокурора может быть подано в течение месяца',
  },
  {
    id: 'APC-169.3', act: 'APC', citation: 'APC 169(3)',
    unit: 'months', amount: 3, bound: 'exact', party: 'other',
    runsFrom: l('Сот актісі заңды күшіне енген күн', 'День вступления судебного акта в законную силу', 'Day the court act enters into force'),
    description: l(
      'Бас Прокурордың заңды күшіне енген сот актілеріне наразылық келтіруі',
      'Принесение Генеральным Прокурором протеста на вступившие в силу судебные акты',
      'Protest by the Prosecutor General against court acts in force',
    ),
    caveat: l(
      'Бұл бөлік 2025 жылғы 1 шілдеден бастап алып тасталды (B1, B2).',
      'Часть исключена с 01.07.2025 (B1, B2).',
      'This part is excluded from 01.07.2025 (B1, B2).',
    ),
    effective: { from: APC_START, to: APC_CASSATION_REFORM },
    quote: 'в течение трех месяцев со дня вступления в законную силу',
  },
  {
    id: 'APC-169.5', act: 'APC', citation: 'APC 169(5)',
    unit: 'months', amount: 6, bound: 'max', party: 'court',
    runsFrom: CASE_RECEIVED_BY_COURT,
    description: l(
      'Кассациялық сатыдағы сотта істі қарау және шешу',
      'Рассмотрение дела судом кассационной инстанции',
      'Cassation consideration of the case',
    ),
    caveat: CAVEAT_B2,
    effective: { from: APC_START },
    quote: 'не более шести месяцев со дня его поступления в суд',
  },
  {
    id: 'APC-169.5_motion', act: 'APC', citation: 'APC 169(5) ¶2',
    unit: 'months', amount: 6, bound: 'exact', party: 'court',
    runsFrom: l(
      'Өтінішхаттың, ал іс талап етілсе – істің түскен күні',
      'День поступления ходатайства, а при истребовании дела – дела',
      'Receipt of the motion, or of the case file if requested',
    ),
    description: l(
      'Сот актісін кассациялық тәртіппен қайта қарау туралы өтінішхатты қарау',
      'Рассмотрение ходатайства о пересмотре судебного акта в кассационном порядке',
      'Decide a motion for cassation review',
    ),
    caveat: l(
      'Бұл абзац 2025 жылғы 1 шілдеден бастап алып тасталды (B1, B2).',
      'Абзац исключён с 01.07.2025 (B1, B2).',
      'This paragraph is excluded from 01.07.2025 (B1, B2).',
    ),
    effective: { from: APC_START, to: APC_CASSATION_REFORM },
    quote: 'рассматривается в течение шести месяцев со дня его поступления',
  },
  {
    id: 'APC-171.1', act: 'APC', citation: 'APC 171(1)',
    unit: 'working_days', amount: 3, bound: 'exact', party: 'court',
    runsFrom: DECISION_IN_FORCE,
    description: l(
      'Заңды күшіне енген сот шешімін орындау үшін жауапкерге жіберу',
      'Направление вступившего в силу решения ответчику для исполнения',
      'The court sends the decision in force to the defendant for execution',
    ),
    effective: { from: APC_START },
    quote: 'в течение трех рабочих дней направляется судом для исполнения к ответчику',
  },
  {
    id: 'APC-171.2', act: 'APC', citation: 'APC 171(2)',
    unit: 'months', amount: 1, bound: 'exact', party: 'body',
    runsFrom: DECISION_IN_FORCE,
    description: l(
      'Жауапкер сот шешімін орындайды және бұл туралы сотқа хабарлайды',
      'Исполнение ответчиком решения суда с извещением суда',
      'The defendant executes the decision and notifies the court',
    ),
    effective: { from: APC_START },
    quote: 'в месячный срок со дня вступления его в законную силу, о чем он должен известить суд',
  },

  // APC Section 5, Chapter 29: final provisions
  {
    id: 'APC-175_suspension', act: 'APC', citation: 'APC 175(2-1)',
    unit: 'no_fixed_term', amount: null, bound: 'exact', party: 'other',
    runsFrom: l('Кодекстің қолданысқа енгізілген күні', 'Введение Кодекса в действие', 'Entry into force of the Code'),
    description: l(
      '4-баптың 1-бөлігі 12) және 16) тармақшаларының (бейнеөтініш) және 64-баптың 5-бөлігінің қолданылуы тоқтатыла тұрады; уақытша редакциялар қолданылады',
      'Приостановление подпунктов 12) и 16) части 1 статьи 4 и части 5 статьи 64 (видеообращение); действуют временные редакции',
      'Suspension of 4(1)(12), 4(1)(16) and 64(5) (video appeal); temporary wordings apply',
    ),
    caveat: l(
      'Тоқтата тұрудың 2026 жылғы 1 қаңтардан кейін ұзартылғаны файлдан көрінбейді; іске қоспас бұрын қолданыстағы мәтінді тексеру керек (A1).',
      'Из файла не видно, продлено ли приостановление после 01.01.2026; до запуска сверить с действующей редакцией (A1).',
      'The source cannot show whether the suspension was extended past 01.01.2026; check the current text before go-live (A1).',
    ),
    effective: { from: APC_START, to: '2026-01-01' },
    quote: 'Приостановить до 1 января 2026 года',
  },

  // LSS Chapter 2: competences (provider, central bodies, State Corporation)
  {
    id: 'LSS-5.2.5', act: 'LSS', citation: 'LSS 5(2)(5)',
    unit: 'calendar_days_before', amount: 1, bound: 'min', party: 'body',
    runsFrom: l('Мемлекеттік қызмет көрсету мерзімінің өтетін күні', 'Истечение срока оказания государственной услуги', 'Expiry of the service term'),
    description: l(
      'Көрсетілетін қызметті беруші қызмет нәтижесін Мемлекеттік корпорацияға жеткізеді (бір жұмыс күнінде көрсетілетін қызметтерден басқа)',
      'Доставка услугодателем результата услуги в Госкорпорацию (кроме услуг, оказываемых в течение одного рабочего дня)',
      'The provider delivers the service result to the State Corporation (not for one-working-day services)',
    ),
    caveat: CAVEAT_A04,
    effective: { from: LSS_STATE_CORPORATION },
    quote: 'no later than one day before the expiration of the period for the provision of public service',
  },
  {
    id: 'LSS-10.13', act: 'LSS', citation: 'LSS 10(13)',
    unit: 'working_days', amount: 3, bound: 'exact', party: 'body',
    runsFrom: PROCEDURE_ACT_CHANGED,
    description: l(
      'Орталық мемлекеттік орган Мемлекеттік корпорацияға мемлекеттік қызмет көрсету тәртібі және оның өзгерістері туралы ақпарат береді',
      'Центральный государственный орган сообщает Госкорпорации о порядке оказания услуги и его изменениях',
      'A central state body informs the State Corporation of the service procedure and its changes',
    ),
    effective: { from: LSS_STATE_CORPORATION },
    quote: 'within three working days, provide the State Corporation with information on the procedure for the provision of public services',
  },
  {
    id: 'LSS-11-1.4_annual', act: 'LSS', citation: 'LSS 11-1(4)(2-1)',
    unit: 'no_fixed_term', amount: null, bound: 'exact', party: 'other',
    runsFrom: EACH_YEAR,
    description: l(
      'Мемлекеттік корпорация Үкіметті өзі арқылы көрсетілетін мемлекеттік қызметтер жөніндегі жұмыстың жай-күйі туралы жыл сайын хабардар етеді',
      'Госкорпорация ежегодно информирует Правительство о состоянии работы по оказанию услуг через неё',
      'The State Corporation reports annually to the Government on services provided through it',
    ),
    effective: { from: LSS_STATE_CORPORATION },
    quote: 'annually informs the Government of the Republic of Kazakhstan',
  },

  // LSS Chapter 3: procedure acts and their public discussion
  {
    id: 'LSS-15.3', act: 'LSS', citation: 'LSS 15(3)',
    unit: 'working_days', amount: 10, bound: 'exact', party: 'other',
    runsFrom: l('Жоба жария талқылауға жарияланған күн', 'День публикации проекта для публичного обсуждения', 'Day the draft is published for discussion'),
    description: l(
      'Мемлекеттік қызмет көрсету тәртібін айқындайтын заңға тәуелді акт жобасын жария талқылау',
      'Публичное обсуждение проекта подзаконного акта, определяющего порядок оказания услуги',
      'Public discussion of a draft by-law act on a service procedure',
    ),
    effective: { from: LSS_PROCEDURE_ACTS },
    quote: 'is carried out within ten working days from the date of its publication for public discussion',
  },
  {
    id: 'LSS-15.4', act: 'LSS', citation: 'LSS 15(4)',
    unit: 'on_expiry', amount: null, bound: 'exact', party: 'other',
    runsFrom: l('Жария талқылау мерзімінің өткен күні', 'День истечения срока публичного обсуждения', 'Day the discussion period expires'),
    description: l(
      'Жария талқылау мерзімі өткеннен кейін түскен ескертулер мен ұсыныстар қаралмайды',
      'Замечания и предложения, поступившие после срока обсуждения, не рассматриваются',
      'Comments received after the discussion period are not considered',
    ),
    effective: { from: LSS_PROCEDURE_ACTS },
    quote: 'received after the expiration of the period specified in paragraph 3 of this article, are not subject to consideration',
  },

  // LSS Chapter 4: State Corporation, electronic services, reengineering, informing recipients
  {
    id: 'LSS-20.1', act: 'LSS', citation: 'LSS 20(1)',
    unit: 'no_fixed_term', amount: null, bound: 'exact', party: 'other',
    runsFrom: l('Мемлекеттік корпорацияның құжаттарды қабылдаған күні', 'День приёма документов Госкорпорацией', 'Day the State Corporation receives the documents'),
    description: l(
      'Есептеу қағидасы: құжаттар қағаз жүзінде жіберілсе, оларды қабылдаған күн қызмет көрсету мерзіміне кірмейді',
      'Правило исчисления: при бумажной передаче день приёма документов не входит в срок оказания услуги',
      'Counting rule: for paper transfers the day of receipt is not part of the service term',
    ),
    effective: { from: LSS_STATE_CORPORATION },
    quote: 'the day of receipt of applications and documents is not included in the period for provision of public service',
  },
  {
    id: 'LSS-21.5', act: 'LSS', citation: 'LSS 21(5)',
    unit: 'no_fixed_term', amount: null, bound: 'exact', party: 'body',
    runsFrom: ONGOING,
    description: l(
      'Мемлекеттік органдар өз ақпараттық жүйелеріндегі электрондық ақпараттық ресурстарды өзекті күйде ұстайды',
      'Государственные органы поддерживают электронные информационные ресурсы в актуальном состоянии',
      'State bodies keep the electronic information resources in their systems up to date',
    ),
    effective: { from: LSS_START },
    quote: 'on an ongoing basis to maintain the electronic information resources … in an up-to-date state',
  },
  {
    id: 'LSS-22', act: 'LSS', citation: 'LSS 22',
    unit: 'no_fixed_term', amount: null, bound: 'exact', party: 'body',
    runsFrom: ONGOING,
    description: l(
      'Мемлекеттік қызметтер көрсетуді реинжинирингтеу тұрақты негізде жүргізіледі',
      'Реинжиниринг оказания государственных услуг проводится на постоянной основе',
      'Reengineering of public services is carried out on an ongoing basis',
    ),
    effective: { from: LSS_PROCEDURE_ACTS },
    quote: 'The reengineering of provision of public services is carried out … on an ongoing basis',
  },
  {
    id: 'LSS-23.2', act: 'LSS', citation: 'LSS 23(2)',
    unit: 'working_days', amount: 3, bound: 'exact', party: 'body',
    runsFrom: PROCEDURE_ACT_CHANGED,
    description: l(
      'Мемлекеттік қызмет көрсету тәртібі туралы ақпаратты жаңарту және Бірыңғай байланыс орталығына жіберу',
      'Обновление информации о порядке оказания услуги и направление её в Единый контакт-центр',
      'Update the procedure information and send it to the Unified Contact Center',
    ),
    effective: { from: LSS_PROCEDURE_ACTS },
    quote: 'within three working days from the date of approval or change of the by-law regulatory legal act',
  },
  {
    id: 'LSS-23.3', act: 'LSS', citation: 'LSS 23(3)',
    unit: 'immediately', amount: null, bound: 'exact', party: 'body',
    runsFrom: l('Көрсетілетін қызметті алушының жүгінуі', 'Обращение услугополучателя', 'The service recipient applies'),
    description: l(
      'Көрсетілетін қызметті алушыға қызмет көрсету тәртібі туралы ақпаратты қажетті түсініктемелермен дереу беру',
      'Немедленное предоставление услугополучателю информации о порядке оказания услуги с разъяснениями',
      'Give the recipient information on the service procedure at once, with explanations',
    ),
    effective: { from: LSS_START },
    quote: 'are obliged to immediately provide information to service recipients',
  },
  {
    id: 'LSS-23.5', act: 'LSS', citation: 'LSS 23(5)',
    unit: 'no_fixed_term', amount: null, bound: 'exact', party: 'body',
    runsFrom: EACH_YEAR,
    description: l(
      'Мемлекеттік қызметтер көрсету жөніндегі қызмет туралы есепті жыл сайын «электрондық үкімет» веб-порталында, интернет-ресурстарда және БАҚ-та орналастыру',
      'Ежегодное размещение отчёта о деятельности по оказанию услуг на портале, интернет-ресурсах и в СМИ',
      'Publish an annual report on public-service activity on the e-government portal, websites and media',
    ),
    effective: { from: LSS_START },
    quote: 'shall annually place a report on activity of issues of rendering of the state services',
  },
  {
    id: 'LSS-23.6', act: 'LSS', citation: 'LSS 23(6)',
    unit: 'no_fixed_term', amount: null, bound: 'min', party: 'body',
    runsFrom: EACH_YEAR,
    description: l(
      'Мемлекеттік қызметтер көрсету саласындағы қызмет туралы есептерді жылына кемінде бір рет жария талқылау',
      'Публичное обсуждение отчётов о деятельности не реже одного раза в год',
      'Hold a public discussion of the activity reports at least once a year',
    ),
    effective: { from: LSS_START },
    quote: 'at least once a year hold public discussions of reports',
  },

  // LSS Chapter 4: complaints about public services (Art. 25)
  {
    id: 'LSS-25.2', act: 'LSS', citation: 'LSS 25(2) ¶1',
    unit: 'working_days', amount: 5, bound: 'exact', party: 'body',
    runsFrom: l('Шағым тіркелген күн', 'День регистрации жалобы', 'Day the complaint is registered'),
    description: l(
      'Орталық мемлекеттік органға, жергілікті атқарушы органға, әкімге, көрсетілетін қызметті берушіге немесе Мемлекеттік корпорацияға түскен шағымды қарау',
      'Рассмотрение жалобы услугополучателя, поступившей в центральный или местный орган, акиму, услугодателю или Госкорпорации',
      'Consider a recipient’s complaint received by a central or local body, an akim, the provider or the State Corporation',
    ),
    extension: {
      by: ['head', 'deputy_head'],
      max: { amount: 10, unit: 'working_days', counted: 'from_due' },
      grounds: LSS_25_4_GROUNDS,
      citation: 'LSS 25(4)',
    },
    caveat: l(
      '25-баптың 4-тармағы ұзартуды тек орталық және жергілікті органдарға, әкімдерге береді; көрсетілетін қызметті беруші мен Мемлекеттік корпорация үшін ұзарту әдепкі бойынша жабық (A-05). Мерзім ӘРПК 99-бабынан өзгеше тіркелген күннен есептеледі (A-07).',
      'Пункт 4 статьи 25 даёт право продления только центральным и местным органам и акимам; для услугодателя и Госкорпорации продление по умолчанию закрыто (A-05). Срок, в отличие от статьи 99 АППК, считается от регистрации (A-07).',
      'Art. 25(4) lets only central and local bodies and akims extend; for providers and the State Corporation extension is off by default (A-05). Unlike APC 99, the term runs from registration (A-07).',
    ),
    effective: { from: LSS_STATE_CORPORATION },
    quote: 'is subject to review within five working days from the date of its registration',
  },
  {
    id: 'LSS-25.2_authorized_body', act: 'LSS', citation: 'LSS 25(2) ¶2',
    unit: 'working_days', amount: 15, bound: 'exact', party: 'body',
    runsFrom: l('Шағым тіркелген күн', 'День регистрации жалобы', 'Day the complaint is registered'),
    description: l(
      'Мемлекеттік қызметтер көрсету сапасын бағалау және бақылау жөніндегі уәкілетті органға түскен шағымды қарау',
      'Рассмотрение жалобы уполномоченным органом по оценке и контролю за качеством оказания услуг',
      'The quality-control authority considers a complaint',
    ),
    extension: {
      by: ['authorized_body'],
      max: { amount: 10, unit: 'working_days', counted: 'from_due' },
      grounds: LSS_25_4_GROUNDS,
      citation: 'LSS 25(4)',
    },
    effective: { from: LSS_STATE_CORPORATION },
    quote: 'shall subject to consideration during fifteen business days from the date of its registration',
  },
  {
    id: 'LSS-25.4', act: 'LSS', citation: 'LSS 25(4) ¶2',
    unit: 'working_days', amount: 3, bound: 'exact', party: 'body',
    runsFrom: l('Мерзім ұзартылған күн', 'День продления срока', 'Day the term is extended'),
    description: l(
      'Шағымды қарау мерзімінің ұзартылғаны туралы себептерін көрсетіп, шағым берілген нысанда хабарлау',
      'Извещение услугополучателя о продлении срока с указанием причин в форме подачи жалобы',
      'Tell the complainant of the extension and its reasons, in the form the complaint was filed',
    ),
    effective: { from: LSS_STATE_CORPORATION },
    quote: 'with indication of reasons of extension during three business days from the date of extension of the term',
  },
  {
    id: 'LSS-25.4_extension', act: 'LSS', citation: 'LSS 25(4)',
    unit: 'working_days', amount: 10, bound: 'max', party: 'body',
    runsFrom: l('Шағымды қараудың бастапқы мерзімінің өтетін күні', 'Истечение первоначального срока рассмотрения жалобы', 'Expiry of the original complaint term'),
    description: l(
      'Шағымды қарау мерзімін қосымша зерделеу, тексеру немесе қосымша ақпарат алу қажеттігіне байланысты ұзарту',
      'Продление срока рассмотрения жалобы для дополнительного изучения, проверки или получения информации',
      'Extend the complaint term for further study, verification or information',
    ),
    effective: { from: LSS_STATE_CORPORATION },
    quote: 'shall be extended for not more than ten business days in cases of necessity',
  },

  // LSS Chapter 5: state control over quality, inspections (Arts. 27-1, 27-2)
  {
    id: 'LSS-27-1.3', act: 'LSS', citation: 'LSS 27-1(3)',
    unit: 'fixed_dates', amount: null, fixedDates: ['05-10', '12-10'], bound: 'max', party: 'body',
    runsFrom: l('Жоспарланатын жарты жыл', 'Планируемое полугодие', 'The half-year being planned'),
    description: l(
      'Уәкілетті орган жоспарлы тексерулердің жартыжылдық жоспарын алдыңғы жылдың 10 желтоқсанына және ағымдағы жылдың 10 мамырына дейін бекітеді',
      'Утверждение полугодового плана проверок до 10 декабря предыдущего года и до 10 мая текущего года',
      'The authority approves the semi-annual inspection plan by 10 December of the prior year and by 10 May',
    ),
    caveat: l(
      'Күн демалысқа түссе, Заңда ауыстыру қағидасы жоқ (мысалы, 2026 жылғы 10 мамыр – жексенбі); күн ауыстырылмайды, ертерек еске салу керек (A-03).',
      'Закон не переносит дату с нерабочего дня (например, 10.05.2026 – воскресенье); дата не сдвигается, напоминать заранее (A-03).',
      'The Law gives no shift rule for a date on a non-working day (10 May 2026 is a Sunday); keep the date and remind early (A-03).',
    ),
    effective: { from: LSS_INSPECTIONS },
    quote: 'by December 10 of the year preceding the year of the inspection and by May 10 of the current calendar year',
  },
  {
    id: 'LSS-27-1.3_inspectors', act: 'LSS', citation: 'LSS 27-1(3)',
    unit: 'working_days', amount: 1, bound: 'max', party: 'body',
    runsFrom: l('Шешім қабылданған күн', 'День принятия решения', 'Day of the decision'),
    description: l(
      'Тексерушілер құрамының өзгергені туралы тексеру субъектісін хабардар ету',
      'Уведомление субъекта контроля об изменении состава проверяющих',
      'Notify the inspected subject of a change of inspectors',
    ),
    effective: { from: LSS_INSPECTIONS },
    quote: 'no later than one working day from the date of adoption of such a decision',
  },
  {
    id: 'LSS-27-1.4_sixmonths', act: 'LSS', citation: 'LSS 27-1(4)',
    unit: 'no_fixed_term', amount: null, bound: 'exact', party: 'other',
    runsFrom: l('Жартыжылдық жоспарды бекіту күні (кері есептеледі)', 'Утверждение полугодового плана (отсчёт назад)', 'Approval of the semi-annual plan (counted backwards)'),
    description: l(
      'Жоспарлы тексеру өлшемшарттары (1), 2), 3), 5) тармақшалар): жоспар бекітілгенге дейінгі соңғы алты ай',
      'Критерии плановой проверки (подпункты 1), 2), 3), 5)): последние шесть месяцев до утверждения плана',
      'Scheduled-inspection criteria (1), (2), (3), (5): the last six months before plan approval',
    ),
    caveat: CAVEAT_LOOK_BACK,
    effective: { from: LSS_INSPECTIONS },
    quote: 'in the last six months preceding the approval of the semi-annual plan',
  },
  {
    id: 'LSS-27-1.4_year', act: 'LSS', citation: 'LSS 27-1(4)',
    unit: 'no_fixed_term', amount: null, bound: 'exact', party: 'other',
    runsFrom: l('Жартыжылдық жоспарды бекіту күні (кері есептеледі)', 'Утверждение полугодового плана (отсчёт назад)', 'Approval of the semi-annual plan (counted backwards)'),
    description: l(
      'Жоспарлы тексеру өлшемшарттары (4), 6) тармақшалар): соңғы бір жыл',
      'Критерии плановой проверки (подпункты 4), 6)): последний год',
      'Scheduled-inspection criteria (4), (6): the past year',
    ),
    caveat: CAVEAT_A29,
    effective: { from: LSS_INSPECTIONS },
    quote: 'during the last year … over the past year',
  },
  {
    id: 'LSS-27-1.4_threeyears', act: 'LSS', citation: 'LSS 27-1(4)',
    unit: 'no_fixed_term', amount: null, bound: 'exact', party: 'other',
    runsFrom: l('Жартыжылдық жоспарды бекіту күні (кері есептеледі)', 'Утверждение полугодового плана (отсчёт назад)', 'Approval of the semi-annual plan (counted backwards)'),
    description: l(
      'Жоспарлы тексеру өлшемшарты (7) тармақша): соңғы үш жылда жоспарлы тексеру жүргізілмеген',
      'Критерий плановой проверки (подпункт 7)): за последние три года плановой проверки не было',
      'Scheduled-inspection criterion (7): no scheduled inspection in the past three years',
    ),
    caveat: CAVEAT_LOOK_BACK,
    effective: { from: LSS_INSPECTIONS },
    quote: 'no scheduled inspection has been conducted in relation to them over the past three years',
  },
  {
    id: 'LSS-27-1.5', act: 'LSS', citation: 'LSS 27-1(5)',
    unit: 'no_fixed_term', amount: null, bound: 'max', party: 'body',
    runsFrom: EACH_YEAR,
    description: l(
      'Бір субъектіге жоспарлы тексеру жылына бір реттен жиі жүргізілмейді',
      'Плановая проверка одного субъекта – не чаще одного раза в год',
      'A scheduled inspection of one subject at most once a year',
    ),
    caveat: CAVEAT_A29,
    effective: { from: LSS_INSPECTIONS },
    quote: 'may not be conducted more than once a year',
  },
  {
    id: 'LSS-27-2.1', act: 'LSS', citation: 'LSS 27-2(1)',
    unit: 'working_days', amount: 20, bound: 'max', party: 'body',
    runsFrom: INSPECTION_START,
    description: l('Жоспарлы тексеру мерзімі', 'Срок плановой проверки', 'Duration of a scheduled inspection'),
    caveat: CAVEAT_A28,
    effective: { from: LSS_INSPECTIONS },
    quote: 'must not exceed twenty working days from the date of the start of the inspection',
  },
  {
    id: 'LSS-27-2.1_unscheduled', act: 'LSS', citation: 'LSS 27-2(1) ¶2',
    unit: 'working_days', amount: 10, bound: 'max', party: 'body',
    runsFrom: INSPECTION_START,
    description: l('Жоспардан тыс тексеру мерзімі', 'Срок внеплановой проверки', 'Duration of an unscheduled inspection'),
    caveat: CAVEAT_A28,
    effective: { from: LSS_INSPECTIONS },
    quote: 'must not exceed ten working days from the date of the start of the inspection',
  },
  {
    id: 'LSS-27-2.2', act: 'LSS', citation: 'LSS 27-2(2)',
    unit: 'working_days_before', amount: 3, bound: 'min', party: 'body',
    runsFrom: l('Тексерудің басталу күні', 'День начала проверки', 'Start day of the inspection'),
    description: l(
      'Жоспарлы тексерудің басталғаны туралы хабарламаны күнін көрсетіп жіберу',
      'Направление уведомления о начале плановой проверки с указанием даты',
      'Send the notice of a scheduled inspection, stating the date',
    ),
    effective: { from: LSS_INSPECTIONS },
    quote: 'at least three working days before it commences, indicating the date',
  },
  {
    id: 'LSS-27-2.2_unscheduled', act: 'LSS', citation: 'LSS 27-2(2)',
    unit: 'calendar_days_before', amount: 1, bound: 'min', party: 'body',
    runsFrom: l('Тексерудің басталу күні', 'День начала проверки', 'Start day of the inspection'),
    description: l(
      'Жоспардан тыс тексерудің басталғаны туралы хабарламаны жіберу',
      'Направление уведомления о начале внеплановой проверки',
      'Send the notice of an unscheduled inspection',
    ),
    caveat: CAVEAT_A04,
    effective: { from: LSS_INSPECTIONS },
    quote: 'at least one day before the commencement of an unscheduled inspection',
  },
  {
    id: 'LSS-27-2.4', act: 'LSS', citation: 'LSS 27-2(4)',
    unit: 'working_days', amount: 1, bound: 'max', party: 'body',
    runsFrom: l('Тоқтата тұру немесе қайта бастау туралы шешім күні', 'День решения о приостановлении или возобновлении', 'Day of the suspension or resumption decision'),
    description: l(
      'Тексеру мерзімдерін тоқтата тұру немесе қайта бастау туралы субъектіні хабардар ету',
      'Уведомление субъекта о приостановлении или возобновлении сроков проверки',
      'Notify the subject that the inspection is suspended or resumed',
    ),
    effective: { from: LSS_INSPECTIONS },
    quote: 'no later than one working day from the date of such decision',
  },
  {
    id: 'LSS-27-2.4_resumption', act: 'LSS', citation: 'LSS 27-2(4)',
    unit: 'no_fixed_term', amount: null, bound: 'exact', party: 'other',
    runsFrom: l('Тексеру қайта басталған күн', 'День возобновления проверки', 'Day the inspection resumes'),
    description: l(
      'Есептеу қағидасы: тоқтатыла тұрған тексеру мерзімі қайта басталған күннен бастап жалғасады',
      'Правило исчисления: срок проверки продолжается со дня её возобновления',
      'Counting rule: the inspection period continues from the day it resumes',
    ),
    effective: { from: LSS_INSPECTIONS },
    quote: 'The calculation of the inspection period shall continue from the day of its resumption.',
  },
  {
    id: 'LSS-27-2.5', act: 'LSS', citation: 'LSS 27-2(5)',
    unit: 'working_days_before', amount: 3, bound: 'min', party: 'body',
    runsFrom: l('Тексерудің аяқталу күні', 'День завершения проверки', 'Completion day of the inspection'),
    description: l(
      'Тексеру нәтижелері туралы акт жобасын жасап, субъектіге және шағымы тексеруге негіз болған адамдарға жіберу',
      'Составление и направление проекта акта о результатах проверки субъекту и заявителям',
      'Draw up and send the draft inspection certificate to the subject and the appellants',
    ),
    effective: { from: LSS_INSPECTIONS },
    quote: 'no later than three working days before the date of completion of the inspection',
  },
  {
    id: 'LSS-27-2.6', act: 'LSS', citation: 'LSS 27-2(6)',
    unit: 'working_days', amount: 2, bound: 'max', party: 'participant',
    runsFrom: l('Акт жобасын алған күн', 'День получения проекта акта', 'Day the draft certificate is received'),
    description: l(
      'Субъектінің және шағым иелерінің акт жобасына қарсылық беруі немесе айтуы',
      'Представление возражений на проект акта проверки субъектом и заявителями',
      'The subject and the appellants object to the draft certificate',
    ),
    effective: { from: LSS_INSPECTIONS },
    quote: 'no later than two working days from the date of its receipt',
  },
  {
    id: 'LSS-27-2.7', act: 'LSS', citation: 'LSS 27-2(7)',
    unit: 'no_fixed_term', amount: null, bound: 'exact', party: 'other',
    runsFrom: l('Тексеру актісі жіберілген күн', 'День направления акта проверки', 'Day the certificate is sent'),
    description: l(
      'Есептеу қағидасы: тексерудің аяқталған күні – акт субъектіге және құқықтық статистика органына жіберілген күн',
      'Правило: датой завершения проверки считается день направления акта субъекту и органу правовой статистики',
      'Counting rule: the inspection ends on the day the certificate is sent to the subject and the legal-statistics body',
    ),
    effective: { from: LSS_INSPECTIONS },
    quote: 'The date of completion of the inspection shall be considered to be the day on which a certificate of the inspection results is sent',
  },
  {
    id: 'LSS-27-2.9', act: 'LSS', citation: 'LSS 27-2(9)',
    unit: 'calendar_days', amount: 30, bound: 'exact', party: 'body',
    runsFrom: l('Ұсынымды алған күн (Заңда тікелей айтылмаған)', 'День получения рекомендации (прямо не указан)', 'Day the recommendation is received (implied)'),
    description: l(
      'Бұзушылықтарды жою туралы ұсынымды қарау және шаралар қабылдау',
      'Рассмотрение рекомендации об устранении нарушений с принятием мер',
      'Consider the recommendation to remedy violations and take measures',
    ),
    effective: { from: LSS_INSPECTIONS },
    quote: 'within thirty calendar days',
  },
  {
    id: 'LSS-27-2.10', act: 'LSS', citation: 'LSS 27-2(10)',
    unit: 'working_days', amount: 2, bound: 'exact', party: 'body',
    runsFrom: l('Ұсыным қаралған күн', 'День рассмотрения рекомендации', 'Day the recommendation is considered'),
    description: l(
      'Ұсынымды қарау нәтижелері туралы ақпаратты уәкілетті органға жіберу',
      'Направление уполномоченному органу информации о результатах рассмотрения рекомендации',
      'Report the outcome of the recommendation to the authority',
    ),
    effective: { from: LSS_INSPECTIONS },
    quote: 'within two working days from the date of its consideration',
  },

  // LSS Chapter 6: final provisions
  {
    id: 'LSS-31', act: 'LSS', citation: 'LSS 31',
    unit: 'calendar_days', amount: 30, bound: 'exact', party: 'other',
    runsFrom: l('Заңның алғашқы ресми жарияланған күні', 'День первого официального опубликования Закона', 'Day of the Law’s first official publication'),
    description: l(
      'Заң алғашқы ресми жарияланғаннан кейін отыз күнтізбелік күн өткен соң қолданысқа енгізіледі',
      'Закон вводится в действие по истечении тридцати календарных дней после первого официального опубликования',
      'The Law entered into force thirty calendar days after its first official publication',
    ),
    effective: { from: LSS_START },
    quote: 'This Law shall be enforced upon expiry of thirty calendar days after its first official publication.',
  },

  // RULES (No. 111 of 28.02.2025): target indicators, Knowledge Base, manuals, generalization
  {
    id: 'RULES-5.7', act: 'RULES', citation: 'RULES p.5(7)',
    unit: 'no_fixed_term', amount: null, bound: 'exact', party: 'body',
    runsFrom: EACH_YEAR,
    description: l(
      'Заңсыз деп танылған әкімшілік актілер мен іс-әрекеттердің үлесін жыл сайын төмендетуге бағытталған нысаналы индикаторларды айқындау',
      'Определение целевых индикаторов ежегодного снижения доли актов и действий, признанных незаконными судом',
      'Set target indicators for an annual reduction of acts and actions found unlawful by a court decision in force',
    ),
    effective: { from: RULES_START },
    quote: 'target indicators aimed at an annual reduction in the proportion of administrative acts and (or) actions recognized as illegal',
  },
  {
    id: 'RULES-11', act: 'RULES', citation: 'RULES p.11',
    unit: 'no_fixed_term', amount: null, bound: 'min', party: 'body',
    runsFrom: l('Әр тоқсан', 'Каждый квартал', 'Each quarter'),
    description: l(
      '«Білім базасын» толықтыруға жауапты бөлімше орналастырылған деректерді тоқсанына кемінде бір рет талдайды және заңнамаға сәйкестігін тексереді',
      'Подразделение, ответственное за «Базу знаний», не реже раза в квартал проверяет размещённые данные на соответствие законодательству',
      'The Knowledge Base unit checks the posted data against legislation at least once a quarter',
    ),
    caveat: l(
      'Қағидаларда күнтізбелік тоқсан ба, жылжымалы үш ай ма – айтылмаған; әдепкі күнтізбелік тоқсан (A-08).',
      'Правила не уточняют, календарный квартал или скользящие три месяца; по умолчанию календарный квартал (A-08).',
      'The Rules do not say calendar quarter or rolling three months; default calendar quarter (A-08).',
    ),
    effective: { from: RULES_START },
    quote: 'on a systematic basis (at least once a quarter)',
  },
  {
    id: 'RULES-13', act: 'RULES', citation: 'RULES p.13',
    unit: 'months', amount: 3, bound: 'exact', party: 'body',
    runsFrom: l(
      'Әкімшілік рәсімді жүзеге асыру тәртібі өзгерген күн',
      'Дата изменения порядка осуществления административной процедуры',
      'Date the procedure for the administrative procedure changes',
    ),
    description: l('Нұсқаулықты өзектілендіру', 'Актуализация руководства по осуществлению административной процедуры', 'Update the manual'),
    caveat: l(
      '«Өзгерген күн» – өзгертетін актінің қабылданған, жарияланған немесе күшіне енген күні ме, айтылмаған; әдепкі – күшіне енген күн (A-09).',
      'Не указано, что считать датой изменения: принятие, опубликование или вступление в силу изменяющего акта; по умолчанию – вступление в силу (A-09).',
      'The Rules do not say whether the change date is adoption, publication or entry into force of the amending act; default: entry into force (A-09).',
    ),
    effective: { from: RULES_START },
    quote: 'The guidelines must be updated within three months from the date of the change in the procedure for the implementation of the administrative procedure.',
  },
  {
    id: 'RULES-16', act: 'RULES', citation: 'RULES p.16',
    unit: 'fixed_dates', amount: null, fixedDates: ['06-10', '12-10'], bound: 'max', party: 'body',
    runsFrom: l('Есепті жарты жыл', 'Отчётное полугодие', 'The reporting half-year'),
    description: l(
      'Әділет министрлігіне әкімшілік практиканы жинақтап-қорыту туралы ақпаратты (3-қосымша) жартыжылдық негізде беру',
      'Представление в Министерство юстиции информации об обобщении административной практики (приложение 3) раз в полугодие',
      'Send the Ministry of Justice the semi-annual generalization of administrative practice (Annex 3)',
    ),
    caveat: l(
      'Есепті кезеңдердің шекаралары және «дейінгі мерзімде» күннің өзі кіре ме – айтылмаған (A-10); күн демалысқа түссе, ауыстыру қағидасы жоқ (A-03).',
      'Границы отчётных периодов и включительность даты не определены (A-10); правила переноса с нерабочего дня нет (A-03).',
      'Reporting-period boundaries and whether "by" is inclusive are not defined (A-10); no shift rule for a non-working day (A-03).',
    ),
    effective: { from: RULES_START },
    quote: 'on a semi-annual basis, by June 10 and December 10, annually',
  },
  {
    id: 'RULES-16_annex', act: 'RULES', citation: 'RULES p.16, Annex 4',
    unit: 'no_fixed_term', amount: null, bound: 'min', party: 'body',
    runsFrom: EACH_HALF_YEAR,
    description: l(
      'Әкімшілік практиканы жинақтап-қорыту жарты жылда кемінде бір рет жүргізіледі',
      'Обобщение административной практики проводится не реже одного раза в полугодие',
      'The generalization of administrative practice is carried out at least once every six months',
    ),
    effective: { from: RULES_START },
    quote: 'The summary is carried out at least once every six months',
  },

  // REG (Resolution No. 560 and the Standard Regulation on appeals-control departments)
  {
    id: 'REG-2', act: 'REG', citation: 'REG p.2 (Resolution No. 560)',
    unit: 'months', amount: 1, bound: 'exact', party: 'body',
    runsFrom: l('Қаулы қабылданған күн', 'День принятия постановления', 'Day the resolution is adopted'),
    description: l(
      'Облыстардың, республикалық маңызы бар қалалардың және астананың жергілікті атқарушы органдары бөлімдер туралы ережелерді Үлгілік ережеге сәйкес келтіреді',
      'Местные исполнительные органы приводят положения об отделах в соответствие с Типовым положением',
      'Local executive bodies bring their department regulations in line with the Standard Regulation',
    ),
    caveat: l(
      '«Осы қаулы қабылданғаннан кейін» – 2020 жылғы қаулы ма, 2023 жылғы № 214 өзгерту ме, анық емес; бір реттік міндет, мерзімі өткен.',
      'Неясно, о принятии какого постановления речь – 2020 года или изменяющего № 214 от 2023 года; разовая обязанность, срок истёк.',
      'Unclear whether "adoption of this resolution" is the 2020 resolution or amending No. 214 of 2023; a one-off duty, long expired.',
    ),
    effective: { from: REG_RESOLUTION_2023 },
    quote: 'within a month after the adoption of this resolution',
  },
  {
    id: 'REG-6.4', act: 'REG', citation: 'REG p.6(4)',
    unit: 'no_fixed_term', amount: null, bound: 'exact', party: 'body',
    runsFrom: l('Тұрақты, кезеңділігі белгіленбеген', 'Регулярно, периодичность не установлена', 'Regularly, no frequency set'),
    description: l(
      'Аудан (қала) әкімі, орынбасарлары және құрылымдық бөлімшелер басшыларының тұрақты көшпелі қабылдауларын ұйымдастыру',
      'Организация регулярных выездных приёмов акимом района (города), заместителями и руководителями подразделений',
      'Organise regular visiting receptions by the district (city) akim, deputies and unit heads',
    ),
    effective: { from: REG_MODEL_2022 },
    quote: 'organization of regular visiting receptions',
  },
  {
    id: 'REG-7.6', act: 'REG', citation: 'REG p.7(6)',
    unit: 'no_fixed_term', amount: null, bound: 'exact', party: 'body',
    runsFrom: EACH_HALF_YEAR,
    description: l(
      'Президент пен Президент Әкімшілігі тапсырмаларының орындалуы туралы әкімнің баяндамалары мен талдамалық жазбаларының жобаларын алты айда бір рет дайындау',
      'Подготовка раз в шесть месяцев проектов докладов и аналитических записок акима об исполнении поручений Президента и Администрации',
      'Prepare the akim’s draft reports and analytical notes on Presidential instructions once every six months',
    ),
    caveat: l(
      'Мерзімдер белгіленбеген; «алты айда бір рет» сөйлемдегі барлық құжаттарға қатысты болуы мүмкін (A-21).',
      'Даты не установлены; «раз в шесть месяцев» может относиться ко всем документам фразы (A-21).',
      'No due dates are set; "once every six months" may apply to all the documents in the sentence (A-21).',
    ),
    effective: { from: REG_MODEL_2022 },
    quote: 'once every six months',
  },
];
