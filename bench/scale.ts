/**
 * Scale: the workspace lists, the inbox counters and the monitoring dashboards as history grows. A generator
 * writes appeals with their case events and stored deadlines through COPY (server-side files in the throwaway
 * cluster): first the open backlog, then the decided history, newest first, so the data at each size is "today's
 * backlog and the most recent decided appeals of a country filing two million a year". At each size the same
 * queries the API runs are timed on random people, bodies and regions, calling the modules' own query functions:
 * my cases (an executor), overdue and due soon for a body (its head), the counters of a body head and of a
 * region's monitoring department (src/modules/appeals/queries.ts: listAppeals, counters), and the monitoring
 * dashboard (src/modules/monitoring/queries.ts: figures, totals and groups as MonitoringService.dashboard asks
 * them) of a region by body and of one body by executor, for the current month and the last 12 months.
 * Budget (DESIGN.md): p95 at 5 million at most 2x p95 at 50 thousand.
 *
 * Env: BENCH_SCALE_SIZES (ascending, default "50000,250000,1000000"), BENCH_SCALE_TARGET (default 5000000; if
 * the largest measured size is smaller, p95 at the target is extrapolated from the measured curve and labelled
 * so), BENCH_RUNS (default 3), BENCH_SAMPLES (queries per run and kind, default 200), BENCH_SCALE_LIMIT_SECONDS
 * (default 1800). Prints one JSON line.
 *
 * The model (fixed across sizes: a country does not grow bodies or its backlog with history): 3,000 bodies in 20
 * regions of 15 districts, 10 executors each; an open backlog of 30,000 appeals (10 a body) received over the
 * 21-day main term (15 working days), of which 1 in 10 is past its term by up to 60 days (half of those deemed
 * refused, APC 91(2)), so "due soon" and "overdue" are populated at every size; then the decided history, 5,480
 * appeals a day, each decided within 14 days; 30% come from a cabinet (500,000 applicants), 5% have a
 * co-executor. Territories and bodies are real rows (the dashboards join the body); officials and applicants are
 * ids only (foreign-key checks are off during the load; the measured queries never join them).
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { almatyToday, dayNumber, isoDate } from '../src/law/dates.ts';
import { counters, listAppeals, type ListFilter, type ReadScope } from '../src/modules/appeals/queries.ts';
import { figures, type Filter } from '../src/modules/monitoring/queries.ts';
import { openDatabase } from '../src/platform/db.ts';
import { migrate } from '../src/platform/migrations.ts';
import { benchPostgres, machine, median, percentile, round } from './support/common.ts';

const sizes = (process.env.BENCH_SCALE_SIZES ?? '50000,250000,1000000').split(',').map(Number);
const target = Number(process.env.BENCH_SCALE_TARGET ?? 5_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const samples = Number(process.env.BENCH_SAMPLES ?? 200);
const BODIES = 3000, REGIONS = 20, DISTRICTS = 300, EXECUTORS_PER_BODY = 10, PER_DAY = 5480, TERM_DAYS = 21, APPLICANTS = 500_000;
// the open backlog: 10 cases a body, 1 in 10 past its term by up to 60 days (a fixed small overdue backlog)
const OPEN_BACKLOG = 30_000, OVERDUE_SHARE = 0.1, OVERDUE_DAYS = 60;

const pg = await benchPostgres(Number(process.env.BENCH_SCALE_LIMIT_SECONDS ?? 1800), { shared_buffers: '1GB', maintenance_work_mem: '512MB', max_wal_size: '8GB', checkpoint_timeout: '30min', synchronous_commit: 'off' });
const database = await openDatabase({ databaseUrl: pg.url, poolSize: 4 });
await migrate(database.pool);

// deterministic ids: body b, executor (b, k), applicant a; a small PRNG keeps every run the same data
const uuidOf = (kind: number, n: number) => `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const bodyId = (b: number) => uuidOf(1, b);
const executorId = (b: number, k: number) => uuidOf(2, b * EXECUTORS_PER_BODY + k);
const applicantId = (a: number) => uuidOf(3, a);
// (mulberry32: the earlier LCG multiplied past 2^53 in doubles and lost its low bits; at 350 thousand appeals one
// body in six had none, so many measured bodies were empty)
let seed = 42;
const rnd = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (n: number) => Math.floor(rnd() * n);

const today = almatyToday(new Date());
const todayN = dayNumber(today);
const chunkRows = 100_000;
const copyDir = path.join(pg.dir, 'copy');
fs.mkdirSync(copyDir, { mode: 0o755 });
if (pg.asRoot) fs.chownSync(copyDir, ...(() => { const s = fs.statSync(pg.dir); return [s.uid, s.gid] as [number, number]; })());

const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
const applicantJson = esc(JSON.stringify({ kind: 'individual', name: 'Иванов Иван Иванович', postalAddress: 'Байзакский район, ул. Абая, 10', email: 'ivanov@example.kz' }));
const essence = 'Прошу отремонтировать крышу дома по ул. Абая, 10: протекает в трёх квартирах третий месяц, управляющая компания не отвечает.';
const explanation = esc(JSON.stringify([{ step: 'start', date: '' }, { step: 'count', days: 15, unit: 'working_days' }, { step: 'due', citation: 'APC 76(1)' }]));
const appealCols = 'id, number, body_id, type, procedure, state, channel, language, summary, essence, applicant, applicant_id, signed, received_at, received_on, registered_on, accepted_by_name, accepted_by_position, executor_id, co_executor_ids, due, extension_cap, deemed_refused_on, decided_at, closed_at, event_count, last_event_hash';
const eventCols = 'case_type, case_id, seq, at, actor, action, citation, state, details, prev_hash, hash';
const deadlineCols = 'subject_type, subject_id, term_id, from_date, due, explanation, warnings, conventions, calendar_revision, open';

// the dashboards join the body (its district): 20 regions of 15 districts, body b in district b mod 300 (region b mod 20)
const territoryId = (t: number) => uuidOf(5, t);
const names = (s: string) => JSON.stringify({ kk: s, ru: s, en: s });
for (let t = 0; t < REGIONS + DISTRICTS; t++) {
  const region = t < REGIONS;
  await database.pool.query(`insert into territory (id, code, kind, parent_id, name) values ($1, $2, $3, $4, $5)`,
    [territoryId(t), `BENCH-${t}`, region ? 'region' : 'district', region ? null : territoryId((t - REGIONS) % REGIONS), names(`T${t}`)]);
}
await database.pool.query(`insert into body (id, code, type, name, territory_id, subject_to_rules_111, registration_number_format)
  select ('00000001-0000-4000-8000-' || lpad(to_hex(b), 12, '0'))::uuid, 'BENCH-' || b, 'akimat', $1::jsonb,
         ('00000005-0000-4000-8000-' || lpad(to_hex(${REGIONS} + b % ${DISTRICTS}), 12, '0'))::uuid, true, '{seq}'
  from generate_series(0, ${BODIES - 1}) b`, [names('Body')]);

let written = 0;
async function load(upTo: number) {
  const started = performance.now();
  while (written < upTo) {
    const n = Math.min(chunkRows, upTo - written);
    const a: string[] = [], e: string[] = [], d: string[] = [];
    for (let j = 0; j < n; j++) {
      const i = written + j;
      // the open backlog first (the same at every size), then the decided history, newest first
      const backlog = i < OPEN_BACKLOG;
      const overdueCase = backlog && rnd() < OVERDUE_SHARE;
      const age = !backlog ? Math.floor((i - OPEN_BACKLOG) / PER_DAY) : overdueCase ? TERM_DAYS + 1 + int(OVERDUE_DAYS) : int(TERM_DAYS + 1);
      const received = todayN - age;
      const receivedOn = isoDate(received);
      const due = isoDate(received + TERM_DAYS);
      const b = int(BODIES);
      const decided = !backlog;
      const overdue = overdueCase;
      const assigned = age >= 1;
      const state = decided ? 'closed' : assigned ? 'in_review' : 'registered';
      const exec = assigned ? executorId(b, int(EXECUTORS_PER_BODY)) : '\\N';
      const co = assigned && rnd() < 0.05 ? `{${executorId(b, int(EXECUTORS_PER_BODY))}}` : '{}';
      const app = rnd() < 0.3 ? applicantId(int(APPLICANTS)) : '\\N';
      const at = `${receivedOn} 10:00:00+05`;
      const closedAt = decided ? `${isoDate(received + Math.min(age, 14))} 16:00:00+05` : '\\N';
      const id = randomUUID();
      a.push([id, `B${b}-${receivedOn.slice(0, 4)}/${i}`, bodyId(b), 'application', 'appeal', state, 'paper', 'ru', 'Ремонт крыши', essence, applicantJson, app, 't', at, receivedOn, receivedOn, 'Регистратор', 'Главный специалист', exec, co, due, isoDate(received + 60), overdue && rnd() < 0.5 ? isoDate(received + TERM_DAYS + 1) : '\\N', closedAt, closedAt, decided ? 2 : 1, 'h'.repeat(64)].join('\t'));
      e.push(['appeal', id, 1, at, 'official:x', 'registered', 'APC 62(2), 64(2), 64(3)', 'registered', '{"channel":"paper"}', '', 'h'.repeat(64)].join('\t'));
      if (decided) e.push(['appeal', id, 2, closedAt, 'official:x', 'decided', 'APC 84', 'closed', '{}', 'h'.repeat(64), 'h'.repeat(64)].join('\t'));
      d.push(['appeal', id, 'APC-76.1', receivedOn, due, explanation, '[]', '{}', 1, decided ? 'f' : 't'].join('\t'));
    }
    for (const [table, cols, lines] of [['appeal', appealCols, a], ['case_event', eventCols, e], ['deadline', deadlineCols, d]] as const) {
      const file = path.join(copyDir, `${table}.tsv`);
      fs.writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o644 });
      const client = await database.pool.connect();
      try {
        await client.query(`set session_replication_role = replica`);
        await client.query(`copy ${table} (${cols}) from '${file}'`);
      } finally {
        await client.query('reset session_replication_role');
        client.release();
      }
      fs.rmSync(file);
    }
    written += n;
  }
  await database.pool.query('vacuum analyze appeal');
  await database.pool.query('vacuum analyze case_event');
  await database.pool.query('vacuum analyze deadline');
  return (performance.now() - started) / 1000;
}

const soon = isoDate(todayN + 5); // 3 working days ahead, roughly; the API computes it from the calendar
const page = (view: ListFilter['view']): ListFilter => ({ view, page: 1, pageSize: 20 });
const regionBodies = (r: number) => Array.from({ length: BODIES / REGIONS }, (_, k) => bodyId(k * REGIONS + r));
// the monitoring dashboard of a region's department (MonitoringService.dashboard): totals and groups at once
const monthStart = `${today.slice(0, 7)}-01`, yearAgo = isoDate(todayN - 364);
const dashboard = (f: Filter, by: 'body' | 'executor') => Promise.all([figures(database.db, f, { today, soon }), figures(database.db, f, { today, soon }, by)]);
const queries: Record<string, () => Promise<unknown>> = {
  my_cases: () => { const b = int(BODIES); const me = executorId(b, int(EXECUTORS_PER_BODY)); return listAppeals(database.db, { all: false, bodies: [], subdivisions: [], ownerId: me }, page('mine'), today, soon); },
  overdue_for_body: () => { const b = int(BODIES); return listAppeals(database.db, { all: false, bodies: [bodyId(b)], subdivisions: [], ownerId: executorId(b, 0) }, page('overdue'), today, soon); },
  due_soon_for_body: () => { const b = int(BODIES); return listAppeals(database.db, { all: false, bodies: [bodyId(b)], subdivisions: [], ownerId: executorId(b, 0) }, page('due_soon'), today, soon); },
  counters_body: () => { const b = int(BODIES); return counters(database.db, { all: false, bodies: [bodyId(b)], subdivisions: [], ownerId: executorId(b, 1) }, today, soon); },
  dashboard_region_month: () => dashboard({ bodies: regionBodies(int(REGIONS)), from: monthStart, to: today }, 'body'),
  dashboard_region_12_months: () => dashboard({ bodies: regionBodies(int(REGIONS)), from: yearAgo, to: today }, 'body'),
  dashboard_body_month: () => { const b = int(BODIES); return dashboard({ bodies: regionBodies(b % REGIONS), bodyId: bodyId(b), from: monthStart, to: today }, 'executor'); },
  dashboard_body_12_months: () => { const b = int(BODIES); return dashboard({ bodies: regionBodies(b % REGIONS), bodyId: bodyId(b), from: yearAgo, to: today }, 'executor'); },
  counters_region: () => { const r = int(REGIONS); const scope: ReadScope = { all: false, bodies: regionBodies(r), subdivisions: [], ownerId: uuidOf(4, r) }; return counters(database.db, scope, today, soon); },
};

async function measure() {
  const out: Record<string, { p50: number; p95: number }> = {};
  for (const [name, q] of Object.entries(queries)) {
    for (let w = 0; w < 20; w++) await q();
    const p50s: number[] = [], p95s: number[] = [];
    for (let r = 0; r < runs; r++) {
      const times: number[] = [];
      for (let s = 0; s < samples; s++) {
        const t = performance.now();
        await q();
        times.push(performance.now() - t);
      }
      p50s.push(percentile(times, 50));
      p95s.push(percentile(times, 95));
    }
    out[name] = { p50: round(median(p50s), 3), p95: round(median(p95s), 3) };
  }
  return out;
}

const measured: { size: number; load_s: number; queries: Record<string, { p50: number; p95: number }> }[] = [];
for (const size of sizes) {
  const load_s = await load(size);
  measured.push({ size, load_s: round(load_s, 1), queries: await measure() });
}
const counts = (await database.pool.query<{ appeals: number; events: number; deadlines: number; open: number }>(
  `select (select count(*) from appeal)::int as appeals, (select count(*) from case_event)::int as events, (select count(*) from deadline)::int as deadlines,
          (select count(*) from appeal where open)::int as open`)).rows[0]!;

// the figures per query: p95 at the smallest size, at the largest measured, and at the target (measured, or
// extrapolated linearly in n through the measured points by least squares: a cost that grows with history
// grows at most linearly in it, so this is the pessimistic reading of the curve)
const first = measured[0]!, last = measured.at(-1)!;
const result: Record<string, unknown> = { bench: 'scale', runs, samples_per_run: samples, sizes_measured: sizes, target, today };
let budgetMet = true;
for (const name of Object.keys(queries)) {
  const xs = measured.map((m) => m.size), ys = measured.map((m) => m.queries[name]!.p95);
  const mx = xs.reduce((s, x) => s + x, 0) / xs.length, my = ys.reduce((s, y) => s + y, 0) / ys.length;
  const slope = xs.length > 1 ? xs.reduce((s, x, k) => s + (x - mx) * (ys[k]! - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0) : 0;
  const atTarget = last.size >= target ? last.queries[name]!.p95 : Math.max(last.queries[name]!.p95, my + slope * (target - mx));
  const ratio = atTarget / first.queries[name]!.p95;
  if (ratio > 2) budgetMet = false;
  result[name] = {
    p50_ms: Object.fromEntries(measured.map((m) => [m.size, m.queries[name]!.p50])),
    p95_ms: Object.fromEntries(measured.map((m) => [m.size, m.queries[name]!.p95])),
    [last.size >= target ? `p95_ms_at_${target}_measured` : `p95_ms_at_${target}_extrapolated`]: round(atTarget, 3),
    ratio_p95_target_vs_first: round(ratio, 2),
    ratio_p95_largest_measured_vs_first: round(last.queries[name]!.p95 / first.queries[name]!.p95, 2),
  };
}
result.load_seconds = Object.fromEntries(measured.map((m) => [m.size, m.load_s]));
result.load_rows_per_s = round((counts.appeals + counts.events + counts.deadlines) / measured.reduce((s, m) => s + m.load_s, 0), 0);
result.rows = counts;
result.target_measured = last.size >= target;
result.budget = 'p95 at 5 million <= 2x p95 at 50 thousand (DESIGN.md Budgets)';
result.budget_met = budgetMet;
Object.assign(result, machine());
console.log(JSON.stringify(result));
await database.close();
process.exit(0);
