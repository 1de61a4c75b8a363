/**
 * Assembles Tynda: database (migrated, reference data seeded), HTTP server with every module's routes, and the
 * job system. `npm start` and the tests build the same thing through `createApp`.
 */
import { createRequire } from 'node:module';
import type { Logger } from 'pino';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bodiesRoutes } from './modules/bodies/routes.ts';
import { OrganisationService } from './modules/bodies/service.ts';
import { CalendarService } from './modules/calendar/service.ts';
import { calendarRoutes } from './modules/calendar/routes.ts';
import { calendarWatch } from './modules/calendar/watch.ts';
import { demoAccounts, seedDemo, type DemoAccount } from './modules/identity/demo.ts';
import { identityRoutes } from './modules/identity/routes.ts';
import { Access, DirectoryOtpSender, IdentityService, OidcClient, SESSION_COOKIE, type OtpSender } from './modules/identity/service.ts';
import { actRoutes } from './modules/acts/routes.ts';
import { ActsService } from './modules/acts/service.ts';
import { appealRoutes } from './modules/appeals/routes.ts';
import { AppealsService, REMINDER_WORKING_DAYS } from './modules/appeals/service.ts';
import { complaintRoutes } from './modules/complaints/routes.ts';
import { ComplaintsService, type ActEffects } from './modules/complaints/service.ts';
import { serviceRoutes } from './modules/services/routes.ts';
import { ServicesService } from './modules/services/service.ts';
import { courtRoutes } from './modules/court/routes.ts';
import { CourtService } from './modules/court/service.ts';
import { instructionRoutes } from './modules/instructions/routes.ts';
import { knowledgeRoutes } from './modules/knowledge/routes.ts';
import { KnowledgeService } from './modules/knowledge/service.ts';
import { uniformityRoutes } from './modules/uniformity/routes.ts';
import { UniformityService } from './modules/uniformity/service.ts';
import { integrationRoutes } from './modules/integrations/routes.ts';
import { IntegrationsService } from './modules/integrations/service.ts';
import { WebhookWorker, webhookOutbox } from './modules/integrations/webhooks.ts';
import { CalendarFeeds } from './modules/integrations/feeds.ts';
import { onCaseEvent } from './modules/audit/case-events.ts';
import { InstructionsService } from './modules/instructions/service.ts';
import { INSTRUCTION_REMINDER_WORKING_DAYS } from './law/instructions.ts';
import { notificationRoutes } from './modules/notifications/routes.ts';
import { privacyRoutes } from './modules/privacy/routes.ts';
import { petitionRoutes } from './modules/petitions/routes.ts';
import { PetitionsService } from './modules/petitions/service.ts';
import { receptionRoutes } from './modules/receptions/routes.ts';
import { ReceptionsService } from './modules/receptions/service.ts';
import { NotificationService } from './modules/notifications/service.ts';
import { TransportOtpSender, emailTransport, smsTransport } from './modules/notifications/transports.ts';
import { NoticeWorker } from './modules/notifications/worker.ts';
import { ReportRuns, reportRunRoutes } from './modules/reports/runs.ts';
import { GeneralizationService } from './modules/reports/service.ts';
import { generalizationRoutes } from './modules/reports/routes.ts';
import { generalizationGenerators } from './modules/reports/exports.ts';
import { MonitoringService } from './modules/monitoring/service.ts';
import { monitoringRoutes } from './modules/monitoring/routes.ts';
import { analyticalNoteGenerator } from './modules/monitoring/note.ts';
import type { Config } from './platform/config.ts';
import { openDatabase, type Database } from './platform/db.ts';
import { createHttpServer, type App } from './platform/http.ts';
import { startJobs, type Jobs } from './platform/jobs.ts';
import { createLogger } from './platform/logging.ts';
import { migrate } from './platform/migrations.ts';
import { Problem } from './platform/problems.ts';
import { readCookie } from './platform/security.ts';
import { CmsSignatureVerifier, SignatureRouter } from './platform/signature.ts';
import { serveWeb } from './platform/web.ts';

export const VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

export interface Tynda {
  config: Config;
  database: Database;
  server: App;
  calendar: CalendarService;
  organisation: OrganisationService;
  identity: IdentityService;
  access: Access;
  /** the demo accounts whose generated passwords are still unchanged (printed at start) */
  demoAccounts(): Promise<DemoAccount[]>;
  notifications: NotificationService;
  appeals: AppealsService;
  petitions: PetitionsService;
  receptions: ReceptionsService;
  instructions: InstructionsService;
  knowledge: KnowledgeService;
  uniformity: UniformityService;
  complaints: ComplaintsService;
  services: ServicesService;
  court: CourtService;
  acts: ActsService;
  integrations: IntegrationsService;
  /** long reports as jobs with progress and a download (modules add theirs with `reportRuns.register`) */
  reportRuns: ReportRuns;
  generalization: GeneralizationService;
  monitoring: MonitoringService;
  jobs: Jobs | undefined;
  log: Logger;
  close(): Promise<void>;
}

export interface AppOptions {
  logger?: Logger;
  /** an already open database (tests share one per file) */
  database?: Database;
  /** where applicants' one-time codes go; default: files in TYNDA_DATA_DIR/outbox when the demo is on, else none (501) */
  otpSender?: OtpSender;
  /** the clock of the legal procedure (tests move it through a case's terms) */
  clock?: () => Date;
  /** the built browser application; default dist/web (absent: the API alone is served) */
  webDir?: string;
}

export async function createApp(config: Config, options: AppOptions = {}): Promise<Tynda> {
  const log = options.logger ?? createLogger(config.logLevel);
  const database = options.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  await migrate(database.pool);
  const calendar = new CalendarService(database.db, config.conventions);
  const seeded = await calendar.seed();
  if (seeded.length) log.info({ years: seeded }, 'production calendar seeded from data/calendar/kz.json');

  // organisation, identity and access: who is who and who may do what (policy in modules/identity/policy.ts)
  const organisation = new OrganisationService(database.db);
  // e-mail and SMS: notices (the outbox worker below) and one-time sign-in codes; the demo writes codes to files
  const transports = { email: config.smtp && emailTransport(config.smtp), sms: config.sms && smsTransport(config.sms) };
  const demoOutbox = config.demo ? new DirectoryOtpSender(path.join(config.dataDir, 'outbox')) : undefined;
  // the e-signature port (CMS; the trust store of TYNDA_TRUST_DIR): signed appeals, acts, petitions, certificate sign-in
  const signatures = new SignatureRouter(new CmsSignatureVerifier(config.trustDir));
  const identity = new IdentityService(database.db, organisation, {
    otpSender: options.otpSender ?? (transports.email || transports.sms ? new TransportOtpSender(transports, demoOutbox) : demoOutbox),
    oidc: config.oidc && new OidcClient(config.oidc, log),
    // applicants' certificate sign-in needs a trust store; without TYNDA_TRUST_DIR it answers 501
    signatures: config.trustDir ? signatures : undefined,
  });
  const access = new Access(identity, organisation);
  if (config.demo && (await organisation.isEmpty())) {
    const accounts = await seedDemo(database.db, organisation);
    if (accounts.length) log.info({ officials: accounts.length }, 'demo organisation loaded into the empty database');
  }

  const server = await createHttpServer({ logger: log, version: VERSION, rateLimits: config.rateLimits, trustProxy: config.trustProxy });
  server.get('/api/health', {
    schema: {
      tags: ['system'],
      summary: 'Liveness and the database engine in use',
      response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string() }) },
    },
  }, async () => {
    await database.pool.query('select 1');
    return { status: 'ok' as const, db: database.engine, version: VERSION };
  });
  calendarRoutes(server, {
    calendar,
    actorOf: (request) => access.actorOf(request),
    canManageCalendar: async (request) => void (await access.require(request, 'calendar.manage')),
  });
  bodiesRoutes(server, { organisation, access, identity });
  identityRoutes(server, { identity, access, organisation });

  // notifications (APC 66, 81): cabinet, notice history, registered letters; the identity module supplies the guards
  const notifications = new NotificationService(database.db, calendar);

  // the appeal procedure (APC Chapters 9, 10, 12)
  const appeals = new AppealsService(database.db, calendar, organisation, (subject) => notifications.noticeHistory(subject), options.clock);
  // administrative acts (APC Chapter 11): standard forms, Art. 80 checks, e-signature (the trust store of
  // TYNDA_TRUST_DIR, `signatures` above), PDFs and the public check; signing an act is its adoption on the case
  const acts = new ActsService(database.db, calendar, organisation, appeals, signatures, config.publicUrl, options.clock);
  await acts.seedTemplates();
  // complaints (APC Chapters 13–15) and court cases (Section 4): filing suspends the act's execution (96), a
  // decision or a court act in force cancels it (100(1), 155(3)), through the acts module
  const actEffects: ActEffects = acts.effects();
  const complaints = new ComplaintsService(database.db, calendar, organisation, appeals, actEffects, options.clock);
  // a complaint decision (APC 100–101) is signed as an act; signing it takes the decision on the complaint
  acts.useComplaints(complaints);
  const court = new CourtService(database.db, calendar, organisation, complaints, actEffects, options.clock);
  appealRoutes(server, { appeals, access, identity, organisation, calendar, signatures, related: (appealId) => relatedOf(complaints, court, appealId, acts) });
  actRoutes(server, { acts, appeals, access, organisation });
  // a person's own data: export and erasure of the cabinet (docs/security.md)
  privacyRoutes(server, { identity, access, appeals, notifications });
  complaintRoutes(server, { complaints, access, organisation });
  courtRoutes(server, { court, access });
  // public services (Law "On State Services"): the register (12), complaints about a service (25), ratings (28–29);
  // a complaint really against an administrative act goes on as an APC complaint through the complaints module
  const services = new ServicesService(database.db, calendar, organisation, appeals, complaints, options.clock);
  if (config.demo) {
    const loaded = await services.seedRegister();
    if (loaded) log.info({ services: loaded }, 'demo register of public services loaded (data/services/register.json)');
  }
  serviceRoutes(server, { services, access });
  // petitions (APC Chapter 12-1), personal receptions (APC 90) and control of instructions (APC 46; REG p.9)
  const petitions = new PetitionsService(database.db, calendar, organisation, appeals, options.clock);
  petitionRoutes(server, { petitions, access, identity, organisation, signatures });
  const instructions = new InstructionsService(database.db, calendar, organisation, options.clock);
  instructionRoutes(server, { instructions, access });
  // the Knowledge Base (Rules No. 111 p.6–13): the list of procedures, manuals and their versions, obligations, search
  const knowledge = new KnowledgeService(database.db, organisation, options.clock);
  knowledgeRoutes(server, { knowledge, access });
  // uniformity of practice (APC 15-1(4); Rules No. 111 p.5(4), Annex 4): divergent decisions in similar cases of a
  // procedure, court signals, repeat appeals; a region's run goes to the job 'uniformity-analyse'
  const uniformity = new UniformityService(database.db, organisation, { clock: options.clock, manualInForce: (id, on) => knowledge.manualInForce(id, on) });
  uniformityRoutes(server, { uniformity, access, enqueue: async (runId) => !!jobs && !!(await jobs.send('uniformity-analyse', { runId })) });
  const receptions = new ReceptionsService(database.db, organisation, appeals, instructions, complaints, options.clock);
  receptionRoutes(server, { receptions, access, identity, organisation });
  // integrations (docs/integrations.md): Open311, webhooks (their outbox is written with each case event), CSV export and import
  onCaseEvent(webhookOutbox);
  const integrations = new IntegrationsService(database.db, appeals, organisation, access, options.clock, config.webhooks);
  const feeds = new CalendarFeeds(database.db, appeals, organisation, receptions, options.clock);
  integrationRoutes(server, { integrations, appeals, access, organisation, calendar, feeds, complaints, petitions, publicUrl: config.publicUrl });
  notificationRoutes(server, {
    notifications,
    actorOf: (request) => access.actorOf(request),
    // a cabinet is its owner's: the applicant signed in, or an official who may see applicants' data of that case
    canReadCabinet: async (request, recipientId) => {
      const principal = await access.authenticated(request);
      if (principal.kind === 'applicant' && principal.id === recipientId) return;
      const caseId = recipientId.startsWith('appeal:') ? recipientId.slice('appeal:'.length) : recipientId === principal.id ? undefined : null;
      if (caseId === undefined) return; // an official's own notices
      if (caseId === null) throw new Problem(403, 'forbidden', { permission: 'applicants.read_personal' });
      const a = await appeals.find(caseId);
      await access.require(request, 'applicants.read_personal', { bodyId: a.body_id });
    },
    canManageNotices: async (request, subject) => {
      if (subject?.type === 'appeal') {
        const a = await appeals.find(subject.id);
        await access.require(request, 'appeal.read', { bodyId: a.body_id, ownerIds: [a.executor_id, ...a.co_executor_ids].filter((x): x is string => !!x) });
        return;
      }
      // printing and tracking registered letters is the records office's work (APC 66(2))
      const principal = await access.authenticated(request);
      if ((await access.bodiesFor(principal, 'appeal.register')).length === 0) throw new Problem(403, 'forbidden', { permission: 'appeal.register' });
    },
  });
  // report runs (docs/reports.md): long report generation as a job with progress; the file is downloaded later
  const reportRuns = new ReportRuns(database.db, log);
  reportRunRoutes(server, { runs: reportRuns, access });
  // the semi-annual generalization of practice (Rules No. 111 p.16, Annexes 3–4), its documents and target indicators (p.5(7))
  const generalization = new GeneralizationService(database.db, calendar, organisation, court, options.clock);
  generalizationRoutes(server, { generalization, access });
  for (const g of generalizationGenerators(generalization, court, organisation)) reportRuns.register(g);
  // monitoring of appeals by the appeals-monitoring department (REG p.5(3)–(5), 7(1)–(2), 7(6)): dashboards, problem cards, the analytical note
  const monitoring = new MonitoringService(database.db, organisation, calendar, options.clock);
  monitoringRoutes(server, { monitoring, access });
  reportRuns.register(analyticalNoteGenerator(monitoring));
  // the browser application (src/web, built into dist/web): pages for every path outside /api/ and /verify/
  const ask = async (request: FastifyRequest, url: string, lang: string) => {
    const answer = await server.inject({ method: 'GET', url, headers: { ...(request.headers.cookie ? { cookie: request.headers.cookie } : {}), 'accept-language': lang } });
    return answer.statusCode === 200 ? (answer.json() as unknown) : undefined;
  };
  await serveWeb(server, options.webDir ?? fileURLToPath(new URL('../dist/web', import.meta.url)), {
    // the very answers of the API, for the session cookie of the page's request (none: a visitor)
    whoIs: async (request, lang) => (readCookie(request.headers.cookie, SESSION_COOKIE) ? ((await ask(request, '/api/v1/auth/me', lang)) ?? null) : null),
    ask,
  });
  await server.ready();

  let jobs: Jobs | undefined;
  if (config.jobs) {
    jobs = await startJobs(database, log);
    await jobs.define('calendar-watch', async () => void (await calendarWatch(calendar, log, new Date())), { cron: '0 9 * * *' });
    // the notice outbox, swept every minute on every node: leases and SKIP LOCKED keep each delivery to one sender
    const noticeWorker = new NoticeWorker(database.db, transports, log);
    await jobs.define('notices-deliver', async () => void (await noticeWorker.runOnce()), { cron: '* * * * *' });
    // the webhook outbox, swept every minute: retries with backoff, each delivery to one sender (lease, SKIP LOCKED)
    const webhookWorker = new WebhookWorker(database.db, log, config.webhooks, `Tynda-Webhooks/${VERSION}`);
    await jobs.define('webhooks-deliver', async () => void (await webhookWorker.runOnce()), { cron: '* * * * *' });
    // APC 91(2): deemed refusals recorded on the day after expiry; reminders 3 and 1 working days before (A28)
    await jobs.define('appeals-deemed-refusal', async () => void (await appeals.recordDeemedRefusals()), { cron: '5 0 * * *' });
    // APC 68(5): a postponement for a removed representative lasts at most 3 working days; the case resumes after it
    await jobs.define('appeals-resume-postponed', async () => void (await appeals.resumePostponed()), { cron: '7 0 * * *' });
    // APC 100(5): deemed dismissals recorded on the day after the review term expires (A8: counted from the origin)
    await jobs.define('complaints-deemed-dismissal', async () => void (await complaints.recordDeemedDismissals()), { cron: '10 0 * * *' });
    // APC 83(1): acts whose stated date of entry into force has come
    await jobs.define('acts-enter-into-force', async () => void (await acts.enterIntoForce()), { cron: '15 0 * * *' });
    await jobs.define('appeals-due-soon', async () => {
      for (const days of REMINDER_WORKING_DAYS) await appeals.remindDueSoon(days);
    }, { cron: '0 8 * * *' });
    // APC 90-3(5): six months after posting, a petition below the threshold is returned and forwarded as a proposal
    await jobs.define('petitions-return', async () => void (await petitions.returnExpired()), { cron: '10 0 * * *' });
    // APC 38(6), 46(4): reminders before an instruction falls due; REG p.9(1): overdue ones escalated the day after
    await jobs.define('instructions-due-soon', async () => {
      for (const days of INSTRUCTION_REMINDER_WORKING_DAYS) await instructions.remindDueSoon(days);
    }, { cron: '5 8 * * *' });
    await reportRuns.useJobs(jobs);
    // Rules No. 111 p.16: campaigns overdue the day after 10 June / 10 December; late subdivisions reminded (AT-27)
    await jobs.define('generalization-watch', async () => void (await generalization.dailyWatch()), { cron: '20 0 * * *' });
    await jobs.define('instructions-overdue', async () => void (await instructions.markOverdue()), { cron: '15 0 * * *' });
    // Rules No. 111 p.11, p.13: the quarter's verification rows, reminders before Knowledge Base obligations fall due, overdue notices
    await jobs.define<{ runId: string }>('uniformity-analyse', async ({ runId }) => void (await uniformity.execute(runId)));
    await jobs.define('knowledge-obligations', async () => void (await knowledge.remind()), { cron: '20 8 * * *' });
    // REG p.7(6), §6 A-21: the monitoring department is reminded once per half-year that the analytical note is due
    await jobs.define('analytical-note-reminder', async () => void (await monitoring.remindAnalyticalNote()), { cron: '25 8 * * *' });
  }

  // without jobs, runs interrupted by a stop are taken up again in this process
  if (!jobs) reportRuns.recover();

  return {
    config,
    database,
    server,
    calendar,
    organisation,
    identity,
    access,
    demoAccounts: () => demoAccounts(database.db),
    notifications,
    appeals,
    petitions,
    receptions,
    instructions,
    knowledge,
    uniformity,
    complaints,
    services,
    court,
    acts,
    integrations,
    reportRuns,
    generalization,
    monitoring,
    jobs,
    log,
    async close() {
      await server.close();
      await reportRuns.close();
      await jobs?.stop();
      if (!options.database) await database.close();
    },
  };
}

/** The story of an appeal beyond its own chain: complaints against it (or opened by their return) and court cases. */
async function relatedOf(complaints: ComplaintsService, court: CourtService, appealId: string, acts: ActsService) {
  const cs = await complaints.forAppeal(appealId);
  const courtCases = await court.forAppeal(appealId, cs.map((c) => c.id));
  // appeal -> act -> complaint -> court: the case's acts, then each complaint's decision act (APC 101)
  const actRows = [...(await acts.forAppeal(appealId)), ...(await Promise.all(cs.map((c) => acts.forComplaint(c.id)))).flat()];
  const decisionAct = (id: string) => actRows.filter((a) => a.complaint_id === id && a.state !== 'draft').at(-1)?.id ?? null;
  return {
    acts: actRows.map((a) => ({ id: a.id, number: a.number, kind: a.kind, state: a.state, adoptedOn: a.adopted_on, complaintId: a.complaint_id, ceaseCause: a.cease_cause })),
    complaints: cs.map((c) => ({
      actId: c.act_id, decisionActId: decisionAct(c.id),
      id: c.id, number: c.number, relation: c.appeal_id === appealId ? 'challenges' : 'opened_by_return', state: c.state, receivedOn: c.received_on, due: c.due,
      decision: (c.decision as { decision?: string } | null)?.decision ?? null, decidedOn: c.decided_on, deemedDismissedOn: c.deemed_dismissed_on, newAppealId: c.new_appeal_id,
    })),
    courtCases: courtCases.map((k) => ({
      id: k.id, complaintId: k.complaint_id, actId: k.act_id, court: k.court, caseNumber: k.case_number, claimType: k.claim_type, claimFiledOn: k.claim_filed_on, status: k.status, instance: k.instance,
      enteredIntoForceOn: k.entered_into_force_on, foundUnlawful: k.found_unlawful, actCancelled: k.act_cancelled,
    })),
  };
}
