/**
 * The uniformity analysis (APC 15-1(4)) at the size of a region: generated decided cases with planted divergences
 * (src/modules/uniformity/generate.ts) through the engine in memory at 100 000 and 1 000 000 cases, and the whole
 * database path (read the cases page by page, analyse, keep the divergences) at 100 000 cases on PGlite. Prints
 * one JSON line: times, memory, the growth ratio from 100 thousand to 1 million, and how many found pairs hold a
 * planted case of the same issue (precision). Env: BENCH_SIZES=100000,1000000 BENCH_DB_CASES=100000 (0: skip).
 */
import { findDivergences, type DecidedCase } from '../src/modules/uniformity/engine.ts';
import { generateCases, type GeneratedCase } from '../src/modules/uniformity/generate.ts';
import { normsOfAct } from '../src/modules/uniformity/norms.ts';
import { machine, round } from './support/common.ts';

setTimeout(() => {
  console.error('benchmark exceeded its 1200 s limit; stopping');
  process.exit(124);
}, 1_200_000).unref();

const SIZES = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
const DB_CASES = Number(process.env.BENCH_DB_CASES ?? 100_000);
// a region: 40 procedures, 250 sets of facts each, 3 % of cases decided against their facts' usual outcome
const shape = (cases: number) => ({ cases, procedures: 40, issuesPerProcedure: 250, divergenceRate: 0.03, regions: 1, bodiesPerRegion: 20, executorsPerBody: 8, seed: 42 });
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

function inMemory(size: number) {
  const t0 = performance.now();
  const cases: GeneratedCase[] = [...generateCases(shape(size))];
  const generateMs = performance.now() - t0;
  global.gc?.();
  const before = process.memoryUsage();
  const t1 = performance.now();
  // the service's path: norms parsed out of the act's legal basis (distinct bases once), then the engine
  const input: DecidedCase[] = cases.map((c) => ({ ...c, norms: normsOfAct(c.legalBasis, c.text) }));
  const result = findDivergences(input);
  const analyseMs = performance.now() - t1;
  const after = process.memoryUsage();
  const byId = new Map(cases.map((c) => [c.id, c]));
  const correct = result.pairs.filter((p) => {
    const a = byId.get(p.a)!;
    const b = byId.get(p.b)!;
    return a.issue === b.issue && (a.planted || b.planted);
  }).length;
  const plantedIssues = new Set(cases.filter((c) => c.planted).map((c) => c.issue));
  const foundIssues = new Set(result.pairs.map((p) => byId.get(p.a)!.issue));
  return {
    cases: size,
    generateMs: Math.round(generateMs),
    analyseMs: Math.round(analyseMs),
    casesPerSecond: Math.round(size / (analyseMs / 1000)),
    rssMB: mb(after.rss),
    heapDeltaMB: mb(after.heapUsed - before.heapUsed),
    externalMB: mb(after.external + after.arrayBuffers),
    groups: result.groups,
    comparisons: result.comparisons,
    divergences: result.pairs.length,
    precision: result.pairs.length ? round(correct / result.pairs.length, 4) : null,
    plantedIssuesFound: round(foundIssues.size / plantedIssues.size, 4),
  };
}

async function databasePath(size: number) {
  const { testApp } = await import('../test/support/app.ts');
  const app = await testApp('pglite');
  try {
    const db = app.database.db;
    const body = (await db.selectFrom('body').select('id').where('code', '=', 'KRG-BZH').executeTakeFirstOrThrow()).id;
    const procedures = new Map<string, string>();
    const t0 = performance.now();
    let n = 0;
    const batch: { appeal: Record<string, unknown>; act: Record<string, unknown> }[] = [];
    const flush = async () => {
      if (!batch.length) return;
      const appeals = await db.insertInto('appeal').values(batch.map((b) => b.appeal) as never).returning('id').execute();
      await db.insertInto('act').values(batch.map((b, i) => ({ ...b.act, appeal_id: appeals[i]!.id })) as never).execute();
      batch.length = 0;
    };
    for (const c of generateCases(shape(size))) {
      let procedure = procedures.get(c.procedureId);
      if (!procedure) {
        procedure = (await db.insertInto('admin_procedure').values({
          body_id: body, code: c.procedureId, scope: '—', name: JSON.stringify({ kk: c.procedureId, ru: c.procedureId, en: c.procedureId }), regulated_by: '—', format: 'paper',
          performer: '—', complaint_body: '—', appeal_procedure: '—', appeal_terms: '—', legal_refs: '—', created_by: 'bench',
        }).returning('id').executeTakeFirstOrThrow()).id;
        procedures.set(c.procedureId, procedure);
      }
      n++;
      batch.push({
        appeal: {
          number: `B-${n}`, body_id: body, type: 'application', procedure: 'appeal', state: 'closed', channel: 'paper', language: 'ru', summary: '—', essence: c.text,
          applicant: '{"kind":"individual","name":"—"}', signed: true, received_at: '2025-03-03T03:00:00Z', received_on: '2025-03-03', registered_on: '2025-03-03',
          accepted_by_name: '—', accepted_by_position: '—', due: '2025-03-03', extension_cap: '2025-03-03', admin_procedure_id: procedure, decided_at: '2025-03-03T06:00:00Z',
          decision: JSON.stringify({ kind: 'act', outcome: c.outcome }),
        },
        act: {
          number: `BA-${n}`, body_id: body, kind: c.outcome === 'refused' ? 'refusal' : 'satisfaction', outcome: c.outcome, favourable: c.outcome !== 'refused', form: 'written_electronic',
          language: 'ru', state: 'in_force', adopted_on: '2025-03-03', content: JSON.stringify({ outcome: c.outcome, justification: '', legalBasis: c.legalBasis }),
        },
      });
      if (batch.length === 500) await flush();
    }
    await flush();
    const loadMs = performance.now() - t0;
    const t1 = performance.now();
    const run = await app.uniformity.start(body, 'bench', false);
    const done = await app.uniformity.execute(run.id);
    const runMs = performance.now() - t1;
    // a second run over the same data: every divergence is updated in place (reviews are kept)
    const t2 = performance.now();
    await app.uniformity.execute((await app.uniformity.start(body, 'bench', false)).id);
    const rerunMs = performance.now() - t2;
    return { engine: 'pglite', cases: size, loadMs: Math.round(loadMs), runMs: Math.round(runMs), rerunMs: Math.round(rerunMs), counts: done.counts, rssMB: mb(process.memoryUsage().rss) };
  } finally {
    await app.close();
  }
}

const memory = SIZES.map(inMemory);
const first = memory[0]!;
const last = memory.at(-1)!;
const db = DB_CASES > 0 ? await databasePath(DB_CASES) : null;
console.log(JSON.stringify({
  bench: 'uniformity',
  machine: machine(),
  inMemory: memory,
  growth: memory.length > 1 ? { cases: round(last.cases / first.cases, 1), time: round(last.analyseMs / first.analyseMs, 2) } : null,
  database: db,
}));
process.exit(0);
