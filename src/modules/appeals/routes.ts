/** HTTP face of the appeal procedure: /api/v1/appeals. */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { dayNumber, isoDate } from '../../law/dates.ts';
import type { Language } from '../../law/i18n.ts';
import type { App } from '../../platform/http.ts';
import { attachmentDisposition, sniffMediaType } from '../../platform/files.ts';
import { Problem } from '../../platform/problems.ts';
import { appealSigningContent, signatureBytes, type SignaturePort } from '../../platform/signature.ts';
import type { OrganisationService } from '../bodies/service.ts';
import type { CalendarService } from '../calendar/service.ts';
import { POLICY, type Action, type Role } from '../identity/policy.ts';
import { forbidden, maskEmail, maskIdNumber, maskPhone, type Access, type IdentityService, type Principal } from '../identity/service.ts';
import { APPEAL_CONTENT, HEARING_EXEMPTIONS, RECUSAL_GROUNDS, SIMPLIFIED_TERMINATION_GROUNDS, TERMINATION_GROUNDS } from '../../law/requirements.ts';
import { STEP_PERMISSIONS, actorsOf } from './actors.ts';
import { actionBody, actionEnvelope, appealResponse, caseResponse, fileBody, listQuery, listResponse, registerBody, ticketResponse } from './contract.ts';
import { bodyLoad, counters, listAppeals, type ReadScope } from './queries.ts';
import type { ActingAs, AppealsService, ApplicantInput } from './service.ts';

export interface AppealRoutesOptions {
  appeals: AppealsService;
  access: Access;
  identity: IdentityService;
  organisation: OrganisationService;
  calendar: CalendarService;
  /** the e-signature port (platform/signature.ts) that checks the signature of an electronic appeal */
  signatures?: SignaturePort;
  /** complaints and court cases of this appeal, each from its own module and chain (the case page tells one story) */
  related?: (appealId: string) => Promise<RelatedCases>;
}

export interface RelatedCases {
  complaints: { id: string; number: string; relation: string; state: string; receivedOn: string; due: string; decision: string | null; decidedOn: string | null; deemedDismissedOn: string | null; newAppealId: string | null }[];
  courtCases: { id: string; complaintId: string | null; court: string; caseNumber: string | null; claimType: string; claimFiledOn: string; status: string; instance: string | null; enteredIntoForceOn: string | null; foundUnlawful: boolean; actCancelled: boolean }[];
}

const fileView = z.object({ id: z.string(), name: z.string(), mediaType: z.string(), size: z.number(), addedBy: z.string(), addedAt: z.string() });
const problem = z.object({ type: z.string(), title: z.string(), status: z.number(), code: z.string() }).passthrough();
const idParam = z.strictObject({ id: z.uuid() });
const isoDateParam = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid_date');

type AppealRow = Awaited<ReturnType<AppealsService['find']>>;
const targetOf = (a: AppealRow) => ({
  bodyId: a.body_id,
  ...(a.subdivision_id ? { subdivisionId: a.subdivision_id } : {}),
  ownerIds: [a.applicant_id, a.executor_id, ...a.co_executor_ids].filter((x): x is string => !!x),
});

export function appealRoutes(app: App, { appeals, access, identity, organisation, calendar, related, signatures }: AppealRoutesOptions) {
  /** The actors of the law this person is on this case, under any of the permissions a step accepts. */
  async function actingAs(request: FastifyRequest, principal: Principal, a: AppealRow, permissions: readonly Action[]): Promise<ActingAs> {
    const roles = new Set<Role>();
    for (const p of permissions) for (const g of await access.allowingGrants(principal, p, targetOf(a))) roles.add(g.role);
    return {
      actor: access.actorOf(request),
      actors: actorsOf(roles),
      ...(principal.kind === 'official' ? { officialId: principal.id } : { applicantId: principal.id }),
    };
  }

  /**
   * Who may read the case: `appeal.read` in its scope, or (APC 67(6)) the head or deputy of the superior body a
   * recusal of this body's head was sent to: that person sees this one case (masked applicant data), nothing more.
   */
  async function readCase(request: FastifyRequest, a: AppealRow): Promise<Principal> {
    const principal = await access.authenticated(request);
    if (await access.allows(principal, 'appeal.read', targetOf(a))) return principal;
    if (principal.kind === 'official' && (await access.allows(principal, 'appeal.decide_recusal', targetOf(a))) && (await appeals.decidesRecusalOf(a.id, principal.id))) return principal;
    throw forbidden('appeal.read');
  }

  async function readScope(principal: Principal): Promise<ReadScope> {
    const scope: ReadScope = { all: false, bodies: [], subdivisions: [], ownerId: principal.id };
    for (const g of principal.grants) {
      const s = POLICY[g.role]['appeal.read'];
      if (s === 'all') scope.all = true;
      else if (s === 'subordinate' && g.subtreeRoot) scope.bodies.push(...(await organisation.bodySubtree(g.subtreeRoot)));
      else if (s === 'body' && g.bodyId) scope.bodies.push(g.bodyId);
      else if (s === 'subdivision' && g.subdivisionId) scope.subdivisions.push(g.subdivisionId);
    }
    return scope;
  }

  // reference data for the forms of the procedure (the officials' workspace): the closed lists of grounds, in the request's language
  const groundList = z.array(z.object({ code: z.string(), citation: z.string(), text: z.string() }));
  app.get('/api/v1/appeal-grounds', {
    schema: {
      tags: ['appeals'],
      summary: 'The closed lists of grounds: hearing exemptions (APC 73(2)), termination (70(1), 88(1)), recusal (67(1)), content of an appeal (63)',
      response: { 200: z.object({ hearingExemptions: groundList, terminationGrounds: groundList, simplifiedTerminationGrounds: groundList, recusalGrounds: groundList, appealContent: groundList }) },
    },
  }, async (request) => {
    const view = (list: readonly { code: string; citation: string; text: Record<Language, string> }[]) => list.map((g) => ({ code: g.code, citation: g.citation, text: g.text[request.lang] }));
    return {
      hearingExemptions: view(HEARING_EXEMPTIONS),
      terminationGrounds: view(TERMINATION_GROUNDS),
      simplifiedTerminationGrounds: view(SIMPLIFIED_TERMINATION_GROUNDS),
      recusalGrounds: view(RECUSAL_GROUNDS),
      appealContent: view(APPEAL_CONTENT),
    };
  });

  app.post('/api/v1/appeals', {
    schema: {
      tags: ['appeals'],
      summary: 'File an appeal electronically from the cabinet (APC 64(4)); returns the registration ticket (64(2))',
      description: 'An `Idempotency-Key` header makes a resubmission return the first ticket instead of a second appeal.',
      headers: z.object({ 'idempotency-key': z.string().min(8).max(100).optional() }).passthrough(),
      body: fileBody,
      response: { 201: ticketResponse, 200: ticketResponse, 400: problem, 401: problem, 403: problem },
    },
  }, async (request, reply) => {
    const principal = await access.filingApplicant(request);
    const key = request.headers['idempotency-key'] as string | undefined;
    const before = key ? await appeals.db.selectFrom('appeal').select('id').where('applicant_id', '=', principal.id).where('idempotency_key', '=', key).executeTakeFirst() : undefined;
    const b = request.body;
    // APC 64(4), 45(7): the e-signature is checked over the canonical JSON of the filing; an invalid one never
    // blocks intake (64(1)): the appeal is registered unsigned and flagged for a defect notice (64(6); AT-32)
    const verification = b.signature && signatures ? await signatures.verify(Buffer.from(appealSigningContent(b), 'utf8'), signatureBytes(b.signature.value), appeals.now()) : undefined;
    const ticket = await appeals.intake(
      {
        ...b, channel: 'electronic', applicant: b.applicant as ApplicantInput, applicantId: principal.id, signed: verification ? verification.valid : false,
        signature: b.signature, signatureVerification: verification, receivedAt: appeals.now(), idempotencyKey: key,
      },
      { actor: access.actorOf(request), actors: ['applicant'], applicantId: principal.id },
    );
    reply.code(before ? 200 : 201);
    return ticket;
  });

  app.post('/api/v1/appeals/register', {
    schema: {
      tags: ['appeals'],
      summary: 'Register a paper, oral or reception appeal with its real receipt time (APC 63(1), 64(2)–(3)); intake is never refused (64(1))',
      body: registerBody,
      response: { 201: ticketResponse, 400: problem, 401: problem, 403: problem },
    },
  }, async (request, reply) => {
    const b = request.body;
    const principal = await access.require(request, 'appeal.register', { bodyId: b.bodyId });
    const official = await access.signatory(principal);
    const ticket = await appeals.intake(
      { ...b, applicant: b.applicant as ApplicantInput, receivedAt: new Date(b.receivedAt) },
      { actor: access.actorOf(request), actors: ['clerk'], officialId: principal.id },
      { id: principal.id, name: official.name, position: official.titles[0]?.[b.language] ?? '—' },
    );
    reply.code(201);
    return ticket;
  });

  app.get('/api/v1/appeals', {
    schema: {
      tags: ['appeals'],
      summary: 'Worklists: mine, my subdivision, my body, due soon (3 working days), overdue; with filters and paging',
      querystring: listQuery,
      response: { 200: listResponse, 401: problem },
    },
  }, async (request) => {
    const principal = await access.authenticated(request);
    const scope = await readScope(principal);
    const today = appeals.today();
    const { calendar: cal } = await calendar.current();
    const soon = isoDate(cal.addWorkingDays(dayNumber(today), 3));
    const [page, count] = await Promise.all([listAppeals(appeals.db, scope, request.query, today, soon), counters(appeals.db, scope, today, soon)]);
    return { ...page, page: request.query.page, pageSize: request.query.pageSize, counters: count };
  });

  app.get('/api/v1/appeals/load', {
    schema: {
      tags: ['appeals'],
      summary: "The head's view of a body: per executor, open cases, due soon, overdue, under control, and answers returned for rework (REG p.5(5)) in a period",
      querystring: z.strictObject({ bodyId: z.uuid(), from: isoDateParam.optional(), to: isoDateParam.optional() }),
      response: {
        200: z.object({
          bodyId: z.string(),
          executors: z.array(z.object({ executorId: z.string().nullable(), open: z.number(), dueSoon: z.number(), overdue: z.number(), underControl: z.number(), awaitingRework: z.number(), returns: z.number().describe('Returns for rework of this executor\'s answers in the period'), returnedCases: z.number() })),
        }),
        401: problem, 403: problem,
      },
    },
  }, async (request) => {
    const { bodyId, from, to } = request.query;
    const principal = await access.authenticated(request);
    if (!(await access.allows(principal, 'reports.read', { bodyId })) && !(await access.allows(principal, 'appeal.read', { bodyId }))) throw forbidden('reports.read');
    const today = appeals.today();
    const { calendar: cal } = await calendar.current();
    const soon = isoDate(cal.addWorkingDays(dayNumber(today), 3));
    return { bodyId, executors: await bodyLoad(appeals.db, bodyId, today, soon, { from, to }) };
  });

  app.get('/api/v1/appeals/:id', {
    schema: {
      tags: ['appeals'],
      summary: 'The case: data, timeline (hash-chained events), terms with their explanation, and the actions open to you now',
      params: idParam,
      response: { 200: caseResponse, 401: problem, 403: problem, 404: problem },
    },
  }, async (request) => {
    const a = await appeals.find(request.params.id);
    const principal = await readCase(request, a);
    const permissions = [...new Set(Object.values(STEP_PERMISSIONS).flat())];
    const by = await actingAs(request, principal, a, permissions);
    const view = await appeals.view(a.id, by.actors);
    // the actions this person may take: the lifecycle's, narrowed by their permission for each step
    const allowed = [];
    for (const act of view.actions) {
      const who = await actingAs(request, principal, a, STEP_PERMISSIONS[act.action] ?? []);
      if (who.actors.length) allowed.push(act);
    }
    const personal = await access.allows(principal, 'applicants.read_personal', targetOf(a));
    const applicant = a.applicant as ApplicantInput;
    if (personal) await identity.personalDataViewed(principal, 'appeal', [a.id], ['applicant']);
    const parties = (view.appeal.parties as Record<string, unknown>[]).map((p) => (personal ? p : { ...p, ...maskApplicant({ ...(p as unknown as ApplicantInput), kind: 'individual' }), kind: p.kind }));
    return {
      ...publicView(view.appeal),
      parties,
      applicant: personal ? applicant : maskApplicant(applicant),
      possibleRepeats: view.possibleRepeats,
      preliminaryDecisionBy: view.preliminaryDecisionBy,
      hearing: view.hearing,
      notices: view.notices,
      timeline: view.timeline,
      deadlines: view.deadlines,
      actions: allowed,
      control: view.control,
      // APC 67(6), 67(8): the superior body's head names the official who takes over; they see only these names
      ...(allowed.some((x) => x.action === 'decide_recusal')
        ? { recusalCandidates: (await organisation.officials({ bodyId: a.body_id })).filter((o) => o.active).map((o) => ({ id: o.id, fullName: o.full_name })) }
        : {}),
      ...(related ? { related: await related(a.id) } : {}),
    };
  });

  app.get('/api/v1/appeals/:id/ticket', {
    schema: { tags: ['appeals'], summary: 'The registration ticket (APC 64(2))', params: idParam, response: { 200: ticketResponse, 401: problem, 403: problem, 404: problem } },
  }, async (request) => {
    const a = await appeals.find(request.params.id);
    await access.require(request, 'appeal.read', targetOf(a));
    return appeals.ticket(a.id);
  });

  app.post('/api/v1/appeals/:id/files', {
    schema: {
      tags: ['appeals'],
      summary: 'Add scans or attachments to the case file (multipart/form-data; PDF, PNG, JPEG, TIFF; APC 69(1))',
      consumes: ['multipart/form-data'],
      params: idParam,
      response: { 201: z.object({ files: z.array(fileView) }), 400: problem, 401: problem, 403: problem, 404: problem, 413: problem, 415: problem },
    },
  }, async (request, reply) => {
    const a = await appeals.find(request.params.id);
    const principal = await access.authenticated(request);
    const by = await actingAs(request, principal, a, ['appeal.register', 'appeal.decide', 'appeal.file']);
    if (by.actors.length === 0) throw new Problem(403, 'forbidden', { permission: 'appeal.register' });
    if (!request.isMultipart()) throw new Problem(415, 'unsupported_media_type');
    const files = [];
    for await (const part of request.files()) {
      const bytes = await part.toBuffer();
      const mediaType = sniffMediaType(bytes);
      if (!mediaType) throw new Problem(415, 'unsupported_file_type', {}, [{ field: `files.${part.fieldname}`, code: 'unsupported_file_type' }]);
      files.push({ name: part.filename.slice(0, 200) || 'file', bytes, mediaType });
    }
    if (files.length === 0) throw new Problem(400, 'validation', {}, [{ field: 'files', code: 'required' }]);
    reply.code(201);
    return { files: (await appeals.addFiles(a.id, files, by)).map(({ sha256: _, ...f }) => ({ ...f, addedBy: by.actor, addedAt: appeals.now().toISOString() })) };
  });

  app.get('/api/v1/appeals/:id/files', {
    schema: { tags: ['appeals'], summary: 'The files of the case', params: idParam, response: { 200: z.object({ files: z.array(fileView) }), 401: problem, 403: problem, 404: problem } },
  }, async (request) => {
    const a = await appeals.find(request.params.id);
    await readCase(request, a);
    return { files: (await appeals.files(a.id)).map(({ sha256: _, ...f }) => f) };
  });

  app.get('/api/v1/appeals/:id/files/:fileId', {
    schema: { tags: ['appeals'], summary: 'Download one file of the case (as an attachment, never rendered inline)', params: z.strictObject({ id: z.uuid(), fileId: z.uuid() }), produces: ['application/octet-stream'], response: { 200: z.any(), 401: problem, 403: problem, 404: problem } },
  }, async (request, reply) => {
    const a = await appeals.find(request.params.id);
    await readCase(request, a);
    const f = await appeals.file(a.id, request.params.fileId);
    return reply
      .type(f.mediaType)
      .header('content-disposition', attachmentDisposition(f.name))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(f.content);
  });

  app.post('/api/v1/appeals/:id/actions', {
    schema: {
      tags: ['appeals'],
      summary: 'Take a step of the procedure; refusals cite their article',
      description: 'The body names the `action` and the case `version` it was decided on. Actions: ' + Object.keys(STEP_PERMISSIONS).join(', '),
      params: idParam,
      body: z.intersection(actionEnvelope, actionBody),
      response: { 200: appealResponse, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem },
    },
  }, async (request) => {
    const a = await appeals.find(request.params.id);
    const { version, ...input } = request.body;
    const permissions = STEP_PERMISSIONS[input.action]!;
    const principal = await access.authenticated(request);
    const by = await actingAs(request, principal, a, permissions);
    if (by.actors.length === 0) {
      const readable = await access.allows(principal, 'appeal.read', targetOf(a));
      throw new Problem(readable ? 403 : 404, readable ? 'forbidden' : 'not_found', { permission: permissions[0]! });
    }
    const updated = await appeals.act(a.id, version, input, by);
    return publicView(updated);
  });
}

function publicView(a: AppealRow) {
  return {
    id: a.id,
    number: a.number,
    bodyId: a.body_id,
    type: a.type,
    procedure: a.procedure,
    state: a.state,
    channel: a.channel,
    language: a.language as Language,
    topicId: a.topic_id,
    summary: a.summary,
    essence: a.essence,
    anonymous: a.anonymous,
    signed: a.signed,
    receivedAt: new Date(a.received_at).toISOString(),
    receivedOn: a.received_on,
    registeredOn: a.registered_on,
    acceptedBy: a.accepted_by_name,
    subdivisionId: a.subdivision_id,
    executorId: a.executor_id,
    coExecutorIds: a.co_executor_ids,
    due: a.due,
    extensionCap: a.extension_cap,
    extended: a.extended,
    preliminaryReceivedOn: a.preliminary_received_on,
    hearingExemption: a.hearing_exemption,
    deemedRefusedOn: a.deemed_refused_on,
    decidedAt: a.decided_at ? new Date(a.decided_at).toISOString() : null,
    decision: a.decision,
    closedAt: a.closed_at ? new Date(a.closed_at).toISOString() : null,
    parties: a.parties as Record<string, unknown>[],
    redirectedFrom: a.redirected_from,
    parentId: a.parent_id,
    repeatOf: a.repeat_of,
    controlStatus: a.control_status,
    reworkCount: a.rework_count,
    version: a.version,
  };
}

function maskApplicant(a: ApplicantInput): ApplicantInput {
  return {
    kind: a.kind,
    ...(a.name ? { name: a.name } : {}),
    ...(a.iin ? { iin: maskIdNumber(a.iin) } : {}),
    ...(a.bin ? { bin: a.bin } : {}),
    ...(a.postalAddress ? { postalAddress: '***' } : {}),
    ...(a.email ? { email: maskEmail(a.email) } : {}),
    ...(a.phone ? { phone: maskPhone(a.phone) } : {}),
  };
}
