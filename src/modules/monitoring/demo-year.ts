/**
 * The demo year for the monitoring dashboards (`tynda seed --demo-year`): fills the demo organisation's Karaganda
 * akimat (its apparatus, two district akimats and a rural akim) with appeals from 1 January of last year to
 * yesterday, so that every half-year has its same half a year before. The model:
 *   seasonality   heating in the cold months, roads, water and land in spring and summer, kindergartens before September
 *   districts     each body has its own mix of topics; a water-supply problem concentrated in Bukhar-Zhyrau District in
 *                 the latest finished half-year (the AT-36 story: many appeals of one district on one topic)
 *   channels      mostly electronic, then paper, receptions, oral, a few by videoconference; fewer at weekends
 *   discipline    the Abai District akimat is chronically late (answers after the term, extensions, deemed refusals);
 *                 the others mostly keep the 15 working days of APC 76(1)
 *   control       a share of appeals is taken under control by the monitoring department, and some answers are
 *                 returned for rework (REG p.5(4)–(5)), more often in the late body
 *   cards         the content analysis of the latest finished half-year is run, so the problem's card is there
 * Rows are written in bulk (a JSON array per statement) with their hash-chained case events (the dashboards read
 * `take_under_control` and `return_for_rework` there), and `tynda audit verify` holds the chains. A seeded PRNG
 * makes every run the same data. Not a bench: bench/scale.ts keeps its own COPY-based generator for a bare cluster
 * of id-only bodies; this one needs the real organisation and runs on PGlite.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { dayNumber, isoDate, weekday } from '../../law/dates.ts';
import type { WorkingCalendar } from '../../law/calendar.ts';
import type { Schema } from '../../platform/schema.ts';
import { eventHash } from '../audit/case-events.ts';
import { formCards } from './cards.ts';

export interface DemoEvent {
  on: string;
  action: string;
  state: string;
  citation: string;
  details?: Record<string, unknown>;
  actor?: string;
}

/** One appeal as the generator (and the monitoring tests' fixtures) write it. */
export interface DemoAppeal {
  number: string;
  bodyId: string;
  topicId: string | null;
  channel: string;
  summary: string;
  receivedOn: string;
  due: string;
  extensionCap?: string;
  state: string;
  executorId?: string | null;
  extended?: boolean;
  deemedRefusedOn?: string | null;
  decidedOn?: string | null;
  events: DemoEvent[];
}

// 10:00 in Almaty (UTC+5) on a day: the hour every generated event carries, in order within the day
const at = (day: string, minute = 0) => new Date(`${day}T05:${String(minute).padStart(2, '0')}:00Z`);

/** Writes appeals with their case-event chains, 1,000 rows a statement. Returns the ids in order. */
export async function writeAppeals(db: Kysely<Schema>, appeals: readonly DemoAppeal[]): Promise<string[]> {
  const ids: string[] = [];
  const applicant = { kind: 'individual', name: 'Демо Заявитель', postalAddress: 'Карагандинская область' };
  for (let i = 0; i < appeals.length; i += 1000) {
    const rows: Record<string, unknown>[] = [];
    const events: Record<string, unknown>[] = [];
    for (const a of appeals.slice(i, i + 1000)) {
      const id = randomUUID();
      ids.push(id);
      let prev = '';
      a.events.forEach((e, k) => {
        const ev = { caseType: 'appeal', caseId: id, seq: k + 1, at: at(e.on, k).toISOString(), actor: e.actor ?? 'system:demo-year', action: e.action, citation: e.citation, state: e.state, details: e.details ?? {} };
        const hash = eventHash(prev, ev);
        events.push({ case_type: 'appeal', case_id: id, seq: ev.seq, at: ev.at, actor: ev.actor, action: ev.action, citation: ev.citation, state: ev.state, details: ev.details, prev_hash: prev, hash });
        prev = hash;
      });
      const decidedAt = a.decidedOn ? at(a.decidedOn, 30).toISOString() : null;
      rows.push({
        id, number: a.number, body_id: a.bodyId, type: 'application', procedure: 'appeal', state: a.state, channel: a.channel, language: 'ru', topic_id: a.topicId,
        summary: a.summary, essence: a.summary, applicant, signed: a.channel === 'electronic', received_at: at(a.receivedOn).toISOString(), received_on: a.receivedOn,
        registered_on: a.receivedOn, accepted_by_name: 'Регистратор', accepted_by_position: 'Главный специалист', executor_id: a.executorId ?? null, due: a.due,
        extension_cap: a.extensionCap ?? a.due, extended: a.extended ?? false, deemed_refused_on: a.deemedRefusedOn ?? null, decided_at: decidedAt, closed_at: decidedAt,
        event_count: a.events.length, last_event_hash: prev, created_at: at(a.receivedOn).toISOString(), updated_at: (decidedAt ?? at(a.receivedOn).toISOString()),
      });
    }
    const cols = sql.raw('id, number, body_id, type, procedure, state, channel, language, topic_id, summary, essence, applicant, signed, received_at, received_on, registered_on, accepted_by_name, accepted_by_position, executor_id, due, extension_cap, extended, deemed_refused_on, decided_at, closed_at, event_count, last_event_hash, created_at, updated_at');
    await sql`insert into appeal (${cols}) select ${cols} from json_populate_recordset(null::appeal, ${JSON.stringify(rows)}::json)`.execute(db);
    const ecols = sql.raw('case_type, case_id, seq, at, actor, action, citation, state, details, prev_hash, hash');
    for (let j = 0; j < events.length; j += 5000) {
      await sql`insert into case_event (${ecols}) select ${ecols} from json_populate_recordset(null::case_event, ${JSON.stringify(events.slice(j, j + 5000))}::json)`.execute(db);
    }
  }
  return ids;
}

// ---- the model ----

const TOPIC_SUMMARY: Record<string, string> = {
  'HOUSING.HEAT': 'Нет отопления в доме', 'HOUSING.WATER': 'Перебои с водоснабжением', 'HOUSING.QUEUE': 'Очередь на жильё',
  'ROADS.REPAIR': 'Ремонт дороги', 'ROADS.TRANSIT': 'Работа общественного транспорта', 'SOCIAL.BENEFITS': 'Назначение пособия',
  'SOCIAL.DISABILITY': 'Помощь лицу с инвалидностью', 'EDUCATION.KINDERGARTEN': 'Место в детском саду', 'EDUCATION.SCHOOLS': 'Вопросы школы',
  'LAND.PLOT': 'Земельный участок', 'JUSTICE.PROPERTY': 'Регистрация недвижимости', 'JUSTICE.LEGAL_AID': 'Юридическая помощь',
  'SERVICES.QUALITY': 'Качество государственной услуги', 'OTHER.OTHER': 'Иной вопрос',
};

/** month (1–12) → multiplier of a topic's base weight */
function season(topic: string, month: number): number {
  const cold = month >= 10 || month <= 3;
  switch (topic) {
    case 'HOUSING.HEAT': return cold ? 3.5 : 0.25;
    case 'HOUSING.WATER': return month >= 4 && month <= 8 ? 1.8 : 0.8;
    case 'ROADS.REPAIR': return month >= 4 && month <= 9 ? 2.2 : 0.5;
    case 'LAND.PLOT': return month >= 4 && month <= 6 ? 1.6 : 0.8;
    case 'EDUCATION.KINDERGARTEN': return month >= 7 && month <= 9 ? 2.5 : 0.7;
    default: return 1;
  }
}

/** each body's share of the appeals, its own topic weights, and its discipline */
const BODIES: Record<string, { share: number; topics: Record<string, number>; late: number; extend: number; deemed: number; rework: number }> = {
  'KRG-APP': { share: 0.16, topics: { 'SOCIAL.BENEFITS': 3, 'JUSTICE.LEGAL_AID': 2, 'SERVICES.QUALITY': 3, 'ROADS.TRANSIT': 2, 'HOUSING.QUEUE': 2, 'OTHER.OTHER': 2 }, late: 0.03, extend: 0.04, deemed: 0.002, rework: 0.15 },
  'KRG-BZH': { share: 0.42, topics: { 'HOUSING.HEAT': 3, 'HOUSING.WATER': 2, 'ROADS.REPAIR': 2, 'LAND.PLOT': 3, 'EDUCATION.KINDERGARTEN': 1, 'SOCIAL.BENEFITS': 1, 'OTHER.OTHER': 1 }, late: 0.06, extend: 0.05, deemed: 0.004, rework: 0.2 },
  'KRG-ABA': { share: 0.38, topics: { 'HOUSING.HEAT': 4, 'HOUSING.WATER': 1, 'ROADS.REPAIR': 3, 'SOCIAL.DISABILITY': 2, 'EDUCATION.SCHOOLS': 2, 'EDUCATION.KINDERGARTEN': 1, 'OTHER.OTHER': 1 }, late: 0.28, extend: 0.14, deemed: 0.03, rework: 0.5 },
  'KRG-BZH-BOT': { share: 0.04, topics: { 'HOUSING.HEAT': 2, 'ROADS.REPAIR': 2, 'LAND.PLOT': 1, 'OTHER.OTHER': 1 }, late: 0.1, extend: 0.05, deemed: 0.01, rework: 0.3 },
};
const CHANNELS: [string, number][] = [['electronic', 0.55], ['paper', 0.25], ['reception', 0.1], ['oral', 0.08], ['videoconference', 0.02]];
const EXECUTOR_NAMES = ['Ахметова Динара Сериковна', 'Жуманов Арман Болатович', 'Ким Виктория Олеговна', 'Сапаров Нурлан Ерланович', 'Исаева Гульнар Маратовна', 'Петров Сергей Иванович'];

export interface DemoYearOptions {
  /** today (the data ends yesterday) */
  today: string;
  calendar: WorkingCalendar;
  /** appeals a year, about (default 24,000) */
  perYear?: number;
  seed?: number;
}

export interface DemoYearResult {
  appeals: number;
  events: number;
  /** cards of problem issues formed for the latest finished half-year */
  cards: number;
  from: string;
  to: string;
  problem: { body: string; topic: string; from: string; to: string };
}

/** Fills the demo organisation with the demo year; refuses a second time (DEMO- numbers present) and without the organisation. */
export async function seedDemoYear(db: Kysely<Schema>, o: DemoYearOptions): Promise<DemoYearResult> {
  if (await db.selectFrom('appeal').select('id').where('number', 'like', 'DEMO-%').limit(1).executeTakeFirst()) throw new Error('the demo year is already loaded');
  const bodies = new Map((await db.selectFrom('body').select(['id', 'code']).where('code', 'in', Object.keys(BODIES)).execute()).map((b) => [b.code, b.id]));
  if (bodies.size !== Object.keys(BODIES).length) throw new Error('the demo organisation is not loaded (tynda seed --demo first)');
  const topics = new Map((await db.selectFrom('topic').select(['id', 'code']).execute()).map((t) => [t.code, t.id]));
  const monitoringOfficial = await db.selectFrom('official_account').select('official_id').where('login', '=', 'krg.monitoring').executeTakeFirst();

  // executors: the body's officials, topped up with demo executors (no accounts) to at least four a body
  const executors = new Map<string, string[]>();
  for (const [code, id] of bodies) {
    const have = (await db.selectFrom('official').select('id').where('body_id', '=', id).execute()).map((r) => r.id);
    for (let k = have.length; k < 4; k++) {
      const row = await db.insertInto('official').values({ body_id: id, full_name: EXECUTOR_NAMES[(k + code.length) % EXECUTOR_NAMES.length]!, created_at: new Date() }).returning('id').executeTakeFirstOrThrow();
      have.push(row.id);
    }
    executors.set(code, have);
  }

  let seed = o.seed ?? 20_260_101;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff);
  const pick = <T>(xs: [T, number][]): T => {
    let r = rnd() * xs.reduce((s, [, w]) => s + w, 0);
    for (const [x, w] of xs) if ((r -= w) <= 0) return x;
    return xs.at(-1)![0];
  };

  const cal = o.calendar;
  const todayN = dayNumber(o.today);
  const year = Number(o.today.slice(0, 4));
  const from = `${year - 1}-01-01`;
  const to = isoDate(todayN - 1);
  // the latest finished half-year: the AT-36 water problem of Bukhar-Zhyrau District
  const month = Number(o.today.slice(5, 7));
  const problem = month >= 7 ? { from: `${year}-01-01`, to: `${year}-06-30` } : { from: `${year - 1}-07-01`, to: `${year - 1}-12-31` };
  const perDay = (o.perYear ?? 24_000) / 365;
  const wd = (d: number, n: number) => cal.addWorkingDays(cal.isWorkingDay(d) ? d : cal.addWorkingDays(d, 1), n);

  const out: DemoAppeal[] = [];
  let events = 0;
  const counters = new Map<string, number>();
  for (let d = dayNumber(from); d < todayN; d++) {
    const day = isoDate(d);
    const m = Number(day.slice(5, 7));
    const weekend = weekday(d) === 'sat' || weekday(d) === 'sun';
    const expected = perDay * (weekend ? 0.25 : 1.28) * (m >= 10 || m <= 3 ? 1.1 : 0.9);
    const n = Math.floor(expected + rnd());
    for (let i = 0; i < n; i++) {
      const code = pick(Object.entries(BODIES).map(([c, b]) => [c, b.share] as [string, number]));
      const b = BODIES[code]!;
      const inProblem = code === 'KRG-BZH' && day >= problem.from && day <= problem.to;
      const topic = pick(Object.entries(b.topics).map(([t, w]) => [t, w * season(t, m) * (inProblem && t === 'HOUSING.WATER' ? 6 : 1)] as [string, number]));
      const channel = weekend ? 'electronic' : pick(CHANNELS);
      const registered = wd(d, 0);
      const term = wd(registered, 15);
      const cap = wd(term, 15);
      const executor = executors.get(code)![Math.floor(rnd() * executors.get(code)!.length)]!;
      // an extension is recorded 3 working days before the first term; one not yet due to be recorded has not happened
      const extendOn = wd(term, -3);
      const extended = rnd() < b.extend && extendOn < todayN;
      const due = extended ? cap : term;
      const late = rnd() < b.late;
      // never answered: stays open past its term
      const deemed = rnd() < b.deemed;
      const decideN = deemed ? null : late ? wd(due, 1 + Math.floor(rnd() * 8)) : wd(registered, 3 + Math.floor(rnd() * ((extended ? 25 : 12) - 2)));
      const decided = decideN !== null && decideN < todayN ? isoDate(decideN) : null;
      const seq = (counters.get(`${code}${day.slice(0, 4)}`) ?? 0) + 1;
      counters.set(`${code}${day.slice(0, 4)}`, seq);
      const ev: DemoEvent[] = [{ on: day, action: 'registered', state: 'registered', citation: 'APC 62(2), 64(2), 64(3)', details: { channel } }];
      const assignOn = wd(registered, 1);
      const assigned = assignOn < todayN;
      if (assigned) ev.push({ on: isoDate(assignOn), action: 'assign', state: 'in_review', citation: 'APC 44(2)', details: { executorId: executor } });
      if (extended) ev.push({ on: isoDate(extendOn), action: 'extend', state: 'in_review', citation: 'APC 76(3)', details: { newDue: isoDate(cap) } });
      const controlled = assigned && rnd() < 0.06 && wd(registered, 2) < todayN;
      if (controlled) {
        ev.push({ on: isoDate(wd(registered, 2)), action: 'take_under_control', state: 'in_review', citation: 'REG p.5(4)', actor: monitoringOfficial ? `official:${monitoringOfficial.official_id}` : 'system:demo-year' });
        const returns = rnd() < b.rework ? (rnd() < 0.3 ? 2 : 1) : 0;
        for (let k = 0; k < returns; k++) {
          const on = wd(registered, 6 + 3 * k);
          if (on >= todayN || (decideN !== null && on >= decideN)) break;
          ev.push({ on: isoDate(on), action: 'return_for_rework', state: 'in_review', citation: 'REG p.5(5)', details: { reasons: 'Ответ не раскрывает все поставленные вопросы' } });
        }
      }
      // open past the term: the legal fact of APC 91(2), recorded the next day as the daily job does, even if an
      // answer comes later
      let deemedOn: string | null = null;
      if (due < todayN && (decideN === null || decideN > due)) {
        deemedOn = isoDate(due);
        ev.push({ on: isoDate(due + 1), action: 'deemed_refusal', state: 'in_review', citation: 'APC 91(2)', details: { expiredOn: isoDate(due) } });
      }
      if (decided) {
        ev.push({ on: decided, action: 'adopt_act', state: 'decided', citation: 'APC 79' });
        ev.push({ on: decided, action: 'close', state: 'closed', citation: 'APC 84' });
      }
      ev.sort((x, y) => (x.on < y.on ? -1 : x.on > y.on ? 1 : 0));
      events += ev.length;
      out.push({
        number: `DEMO-${code}-${day.slice(0, 4)}/${seq}`, bodyId: bodies.get(code)!, topicId: topics.get(topic) ?? null, channel, summary: TOPIC_SUMMARY[topic] ?? topic,
        receivedOn: day, due: isoDate(due), extensionCap: isoDate(cap), state: decided ? 'closed' : assigned ? 'in_review' : 'registered', executorId: assigned ? executor : null,
        extended, deemedRefusedOn: deemedOn, decidedOn: decided, events: ev,
      });
    }
  }
  await writeAppeals(db, out);
  // the content analysis of the latest finished half-year, as the department would run it: the problem's card
  const cards = await formCards(db, [...bodies.values()], problem.from, problem.to, 'system:demo-year', at(o.today));
  return { appeals: out.length, events, cards: cards.length, from, to, problem: { body: 'KRG-BZH', topic: 'HOUSING.WATER', ...problem } };
}
