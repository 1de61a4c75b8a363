/**
 * Report runs: a long report (a generalization report, the Annex 3 table, an analytical note) is generated as a
 * job with progress, and its file is downloaded later. A run is a row (report_run) committed before the 202 is
 * answered; a pg-boss job executes it when jobs are on, else it runs in-process right after the response. A run
 * holds a lease while it works: a run interrupted by a crash (its lease expired) is claimed again by the sweep,
 * so nothing acknowledged is lost. Files go to the file store (file_blob) by their SHA-256.
 *
 * Modules add their reports with `register(generator)`; the generator's permission is checked for the run's body
 * when it is requested, and again (besides the requester) when the file is read.
 */
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import { z } from 'zod';
import { LANGUAGES, type Language } from '../../law/i18n.ts';
import { attachmentDisposition, putBlob } from '../../platform/files.ts';
import type { App } from '../../platform/http.ts';
import type { Jobs } from '../../platform/jobs.ts';
import { Problem, type FieldError } from '../../platform/problems.ts';
import type { Schema } from '../../platform/schema.ts';
import type { Action } from '../identity/policy.ts';
import type { Access } from '../identity/service.ts';

export interface ReportFile { filename: string; contentType: string; bytes: Uint8Array }
export interface ReportGenerator<P extends { bodyId: string } = { bodyId: string }> {
  kind: string;                       // 'generalization_report' | 'annex3' | 'analytical_note' | ...
  permission: Action;                 // checked (access.require) for params.bodyId when the run is requested
  params: z.ZodType<P>;
  generate(input: { params: P; lang: 'kk' | 'ru' | 'en'; progress: (fraction: number) => Promise<void> }): Promise<ReportFile>;
}

export const REPORT_RUN_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type ReportRunState = (typeof REPORT_RUN_STATES)[number];

/** How long a claimed run may go without reporting progress before the sweep takes it as interrupted. Not a legal number. */
const LEASE_SECONDS = 600;
/** A run interrupted this many times is failed rather than tried again (a generator that kills the process). */
const MAX_ATTEMPTS = 3;
export const REPORT_RUNS_QUEUE = 'report-runs';

type RunRow = Awaited<ReturnType<ReportRuns['row']>>;

export class ReportRuns {
  private readonly generators = new Map<string, ReportGenerator<any>>();
  private jobs: Jobs | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;

  constructor(readonly db: Kysely<Schema>, readonly log: Logger) {}

  register(generator: ReportGenerator<any>): void {
    if (this.generators.has(generator.kind)) throw new Error(`report kind ${generator.kind} registered twice`);
    this.generators.set(generator.kind, generator);
  }

  kinds(): string[] {
    return [...this.generators.keys()];
  }

  generator(kind: string): ReportGenerator<any> {
    const g = this.generators.get(kind);
    if (!g) throw new Problem(400, 'validation', {}, [{ field: 'body.kind', code: 'unknown_report_kind' }]);
    return g;
  }

  /** Jobs on: runs are executed by the 'report-runs' queue (and its minute sweep picks up interrupted ones). */
  async useJobs(jobs: Jobs): Promise<void> {
    this.jobs = jobs;
    await jobs.define<{ id?: string }>(REPORT_RUNS_QUEUE, async (data) => {
      if (data.id) await this.execute(data.id);
      else await this.sweep();
    }, { cron: '* * * * *' });
  }

  /** Checks the request's params, records the run and has it executed. The caller has checked the permission. */
  async start(input: { kind: string; params: unknown; lang: Language; requestedBy: string }): Promise<{ id: string; bodyId: string }> {
    const g = this.generator(input.kind);
    const params = parseParams(g, input.params);
    const row = await this.db.transaction().execute((trx) =>
      trx.insertInto('report_run').values({
        kind: g.kind, params: JSON.stringify(params), lang: input.lang, body_id: params.bodyId, requested_by: input.requestedBy, state: 'queued',
      }).returning(['id']).executeTakeFirstOrThrow());
    if (this.jobs) await this.jobs.send(REPORT_RUNS_QUEUE, { id: row.id });
    else this.inProcess(row.id);
    return { id: row.id, bodyId: params.bodyId };
  }

  /** Jobs off (tests, a single process): run after the response; `close()` waits for it. */
  private inProcess(id: string) {
    const p = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => (this.closed ? undefined : this.execute(id)))
      .catch((error: unknown) => this.log.error({ err: error, run: id }, 'report run failed to execute'))
      .finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
  }

  /** Runs queued, or claimed and abandoned (lease expired): on start-up without jobs, and every minute with them. */
  async sweep(): Promise<number> {
    const due = await this.db.selectFrom('report_run').select('id')
      .where((eb) => eb.or([eb('state', '=', 'queued'), eb.and([eb('state', '=', 'running'), eb('lease_until', '<', sql<Date>`now()`)])]))
      .orderBy('created_at').limit(20).execute();
    for (const r of due) await this.execute(r.id);
    return due.length;
  }

  /** Resumes interrupted runs without jobs (in-process). */
  recover(): void {
    if (this.jobs) return;
    const p = this.sweep().then(() => undefined, (error: unknown) => this.log.error({ err: error }, 'report runs recovery failed')).finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
  }

  /** Claims the run (one executor at a time, through the lease) and generates its file. */
  async execute(id: string): Promise<void> {
    const claimed = await sql<{ id: string; attempts: number }>`
      update report_run set state = 'running', attempts = attempts + 1, progress = 0,
        lease_until = now() + make_interval(secs => ${LEASE_SECONDS}), started_at = coalesce(started_at, now())
      where id = (select id from report_run where id = ${id}
                  and (state = 'queued' or (state = 'running' and lease_until < now())) for update skip locked)
      returning id, attempts`.execute(this.db);
    const run = claimed.rows[0];
    if (!run) return; // done, failed, or another executor holds it
    const row = await this.row(id);
    if (run.attempts > MAX_ATTEMPTS) return this.fail(id, 'interrupted');
    const g = this.generators.get(row.kind);
    if (!g) return this.fail(id, 'unknown_report_kind');
    try {
      const file = await g.generate({
        params: row.params as { bodyId: string },
        lang: row.lang as Language,
        progress: async (fraction) => {
          const f = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
          await sql`update report_run set progress = ${f}, lease_until = now() + make_interval(secs => ${LEASE_SECONDS}) where id = ${id} and state = 'running'`.execute(this.db);
        },
      });
      await this.db.transaction().execute(async (trx) => {
        const sha256 = await putBlob(trx, Buffer.from(file.bytes), file.contentType);
        await trx.updateTable('report_run').set({
          state: 'done', progress: 1, filename: file.filename, content_type: file.contentType, file_sha256: sha256, finished_at: new Date(), lease_until: null,
        }).where('id', '=', id).execute();
      });
    } catch (error) {
      const reason = error instanceof Problem ? error.code : error instanceof Error ? error.message : String(error);
      this.log.warn({ err: error, run: id, kind: row.kind }, 'report run failed');
      await this.fail(id, reason.slice(0, 500));
    }
  }

  private async fail(id: string, reason: string) {
    await this.db.updateTable('report_run').set({ state: 'failed', error: reason, finished_at: new Date(), lease_until: null }).where('id', '=', id).execute();
  }

  async row(id: string) {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new Problem(404, 'not_found');
    const row = await this.db.selectFrom('report_run').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new Problem(404, 'not_found');
    return row;
  }

  async mine(requestedBy: string, limit = 50) {
    return this.db.selectFrom('report_run').selectAll().where('requested_by', '=', requestedBy).orderBy('created_at', 'desc').limit(limit).execute();
  }

  async file(row: RunRow): Promise<ReportFile> {
    if (row.state !== 'done' || !row.file_sha256) throw new Problem(409, 'report_not_ready', { state: row.state });
    const blob = await this.db.selectFrom('file_blob').select(['content']).where('sha256', '=', row.file_sha256).executeTakeFirstOrThrow();
    return { filename: row.filename ?? 'report', contentType: row.content_type ?? 'application/octet-stream', bytes: blob.content };
  }

  /** Waits for in-process runs (the app is closing). */
  async close(): Promise<void> {
    this.closed = true;
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }
}

function parseParams(g: ReportGenerator<any>, params: unknown): { bodyId: string } {
  const parsed = g.params.safeParse(params);
  if (parsed.success) return parsed.data as { bodyId: string };
  const errors: FieldError[] = parsed.error.issues.map((i) => ({
    field: ['body', 'params', ...i.path.map(String)].join('.'),
    code: i.code === 'invalid_type' && i.input === undefined ? 'required' : i.code === 'custom' ? i.message : i.code,
  }));
  throw new Problem(400, 'validation', {}, errors);
}

export function runView(r: RunRow) {
  return {
    id: r.id,
    kind: r.kind,
    state: r.state as ReportRunState,
    progress: Number(r.progress),
    ...(r.error ? { error: r.error } : {}),
    ...(r.filename ? { filename: r.filename } : {}),
    createdAt: new Date(r.created_at).toISOString(),
    ...(r.finished_at ? { finishedAt: new Date(r.finished_at).toISOString() } : {}),
  };
}

const problem = z.object({ type: z.string(), title: z.string(), status: z.number(), code: z.string() }).passthrough();
const runResponse = z.object({
  id: z.uuid(),
  kind: z.string(),
  state: z.enum(REPORT_RUN_STATES),
  progress: z.number().min(0).max(1),
  error: z.string().optional().describe('why a failed run failed (a problem code or the error message)'),
  filename: z.string().optional(),
  createdAt: z.string(),
  finishedAt: z.string().optional(),
});
const startBody = z.strictObject({
  kind: z.string().min(1).max(64).describe('the report: generalization_report_docx, generalization_report_pdf, annex3_xlsx, ...'),
  params: z.record(z.string(), z.unknown()).describe("the report's parameters; bodyId always"),
  lang: z.enum(LANGUAGES).optional().describe("the document's language; default the request's"),
});
const idParam = z.strictObject({ id: z.uuid() });

export function reportRunRoutes(app: App, { runs, access }: { runs: ReportRuns; access: Access }) {
  /** The requester, or anyone with the report's permission on its body. */
  const requireRun = async (request: FastifyRequest, id: string) => {
    const principal = await access.authenticated(request);
    const row = await runs.row(id);
    if (row.requested_by === access.actorOf(request)) return row;
    const g = runs.generator(row.kind);
    if (!(await access.allows(principal, g.permission, { bodyId: row.body_id }))) throw new Problem(404, 'not_found');
    return row;
  };

  app.post('/api/v1/report-runs', {
    schema: {
      tags: ['reports'],
      summary: 'Start a report run (a job): 202 with its id; poll it for progress, then download its file',
      body: startBody,
      response: { 202: z.object({ id: z.uuid() }), 400: problem, 401: problem, 403: problem },
    },
  }, async (request, reply) => {
    const b = request.body;
    const g = runs.generator(b.kind);
    const bodyId = (b.params as { bodyId?: unknown }).bodyId;
    if (typeof bodyId !== 'string' || !/^[0-9a-f-]{36}$/i.test(bodyId)) throw new Problem(400, 'validation', {}, [{ field: 'body.params.bodyId', code: 'required' }]);
    await access.require(request, g.permission, { bodyId });
    const run = await runs.start({ kind: b.kind, params: b.params, lang: b.lang ?? request.lang ?? 'kk', requestedBy: access.actorOf(request) });
    reply.code(202);
    return { id: run.id };
  });

  app.get('/api/v1/report-runs', {
    schema: { tags: ['reports'], summary: 'My report runs, newest first', response: { 200: z.object({ items: z.array(runResponse) }), 401: problem } },
  }, async (request) => {
    await access.authenticated(request);
    return { items: (await runs.mine(access.actorOf(request))).map(runView) };
  });

  app.get('/api/v1/report-runs/:id', {
    schema: { tags: ['reports'], summary: 'A report run: state (queued, running, done, failed), progress 0–1, the reason of a failure', params: idParam, response: { 200: runResponse, 401: problem, 404: problem } },
  }, async (request) => runView(await requireRun(request, request.params.id)));

  app.get('/api/v1/report-runs/:id/file', {
    schema: { tags: ['reports'], summary: "The run's file (XLSX, DOCX, PDF) as an attachment", params: idParam, response: { 200: z.any(), 401: problem, 404: problem, 409: problem } },
  }, async (request, reply) => {
    const row = await requireRun(request, request.params.id);
    const f = await runs.file(row);
    return reply.type(f.contentType).header('content-disposition', attachmentDisposition(f.filename)).header('cache-control', 'private, no-store').send(Buffer.from(f.bytes));
  });
}
