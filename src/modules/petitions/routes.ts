/** HTTP face of petitions: /api/v1/petitions. The page, the count and the list are public (no sign-in). */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Language, Localized } from '../../law/i18n.ts';
import { actionsIn, type Actor } from '../../law/lifecycles/lifecycle.ts';
import { PETITION, type PetitionState } from '../../law/lifecycles/petition.ts';
import type { App } from '../../platform/http.ts';
import { Problem } from '../../platform/problems.ts';
import { signatureBytes, type SignaturePort } from '../../platform/signature.ts';
import type { OrganisationService } from '../bodies/service.ts';
import { Access, isValidIin, type Action, type IdentityService, type Principal, type Role } from '../identity/service.ts';
import { actionBody, actionEnvelope, caseResponse, countResponse, listQuery, listResponse, petitionSigningContent, publicPetition, signBody, signingContentResponse, signResponse, submitBody } from './contract.ts';
import { listPetitions } from './queries.ts';
import { PRE_SUPPORT_SIGNATURES } from '../../law/petitions.ts';
import type { ActingAs, PetitionRow, PetitionsService } from './service.ts';

export interface PetitionRoutesOptions {
  petitions: PetitionsService;
  access: Access;
  identity: IdentityService;
  organisation: OrganisationService;
  /** the e-signature port (platform/signature.ts): electronic joining is certified by EDS (APC 90-3(1)) */
  signatures?: SignaturePort | undefined;
}

const problem = z.object({ type: z.string(), title: z.string(), status: z.number(), code: z.string() }).passthrough();
const idParam = z.strictObject({ id: z.uuid() });

/** Who a role acts as in the petition lifecycle, under the permission that lets it act at all. */
const ROLE_ACTORS: Partial<Record<Role, readonly Actor[]>> = {
  petitions_authority: ['petitions_authority'],
  registrar: ['clerk'],
  deputy_head: ['deputy_head', 'official'],
  body_head: ['head', 'official'],
};

const targetOf = (p: PetitionRow) => ({ bodyId: p.body_id, ownerIds: p.applicant_id ? [p.applicant_id] : [] });

export function petitionRoutes(app: App, { petitions, access, identity, organisation, signatures }: PetitionRoutesOptions) {
  async function actingAs(request: FastifyRequest, principal: Principal, p: PetitionRow): Promise<ActingAs> {
    const actors = new Set<Actor>();
    for (const action of ['petition.moderate', 'petition.manage'] as Action[]) {
      for (const g of await access.allowingGrants(principal, action, targetOf(p))) for (const a of ROLE_ACTORS[g.role] ?? []) actors.add(a);
    }
    return { actor: access.actorOf(request), actors: [...actors], ...(principal.kind === 'official' ? { officialId: principal.id } : { applicantId: principal.id }) };
  }

  async function publicView(p: PetitionRow, lang: Language, count?: number) {
    const body = await organisation.body(p.body_id);
    const n = count ?? (await petitions.count(p.id));
    const today = petitions.today();
    const signingOpen = (p.state === 'submitted' && today <= p.pre_support_by) || p.state === 'pre_supported' || (p.state === 'published' && !!p.signing_ends_on && today <= p.signing_ends_on);
    return {
      id: p.id, number: p.number, bodyId: p.body_id, bodyName: (body.name as Localized)[lang], competence: p.competence, level: p.level, state: p.state, language: p.language,
      title: p.title, content: p.content, proposals: p.proposals, submittedOn: p.submitted_on, preSupportBy: p.pre_support_by, publishedOn: p.published_on, signingEndsOn: p.signing_ends_on,
      threshold: p.threshold, count: n, thresholdReached: p.threshold !== null && n >= p.threshold, signingOpen, sentOn: p.sent_on, registeredOn: p.registered_on, due: p.due,
      // the decision is public once posted (90-6(3)); until then nothing of it is
      decision: p.state === 'decision_published' ? (p.decision as Record<string, unknown>) : null,
      decidedOn: p.state === 'decision_published' ? p.decided_on : null,
      version: p.version,
    };
  }

  /** A rejected petition was never posted (90-2(6)): its page does not exist for the public. */
  async function publicPetitionRow(id: string) {
    const p = await petitions.find(id);
    if (p.state === 'rejected') throw new Problem(404, 'not_found');
    return p;
  }

  app.post('/api/v1/petitions', {
    schema: {
      tags: ['petitions'],
      summary: 'File a petition (APC 90-1(2), 90-2(1)–(2)): a citizen from the cabinet, or the petitions authority from the written form',
      body: submitBody,
      response: { 201: caseResponse, 400: problem, 401: problem, 403: problem, 422: problem },
    },
  }, async (request, reply) => {
    const b = request.body;
    const principal = await access.authenticated(request);
    let applicantId: string | undefined;
    if (b.channel === 'written') await access.require(request, 'petition.moderate');
    else {
      if (principal.kind !== 'applicant') throw new Problem(403, 'forbidden', { permission: 'petition.file' });
      await access.require(request, 'petition.file', { ownerIds: [principal.id] });
      applicantId = principal.id;
      // 90-2(2)(1): the IIN is that of the person filing; a cabinet with an IIN must file under it
      const profile = await identity.applicant(principal.id);
      if (profile.iin && profile.iin !== b.applicant.iin) throw new Problem(422, 'iin_not_yours', {}, [{ field: 'body.applicant.iin', code: 'iin_not_yours' }], 'APC 90-2(2)(1)');
    }
    const by: ActingAs = { actor: access.actorOf(request), actors: b.channel === 'written' ? ['petitions_authority'] : ['applicant'], applicantId };
    const row = await petitions.submit({ ...b, applicantId }, by);
    reply.code(201);
    return caseView(row, request.lang, by.actors);
  });

  app.get('/api/v1/petitions', {
    schema: { tags: ['petitions'], summary: 'Public list of posted petitions with their live counts (no sign-in)', querystring: listQuery, response: { 200: listResponse } },
  }, async (request) => {
    // the petitions authority also lists those awaiting its check (APC 90-2(5)); a stale session cookie still gets the public list
    const principal = await access.principal(request).catch(() => undefined);
    const moderator = !!principal && (await access.allows(principal, 'petition.moderate'));
    const rows = await listPetitions(petitions.db, request.query, moderator);
    const counts = await petitions.counts(rows.map((r) => r.id));
    const items = [];
    for (const r of rows) items.push(await publicView(r, request.lang, counts.get(r.id) ?? 0));
    return { items, page: request.query.page, pageSize: request.query.pageSize };
  });

  app.get('/api/v1/petitions/:id', {
    schema: { tags: ['petitions'], summary: 'The public page of a petition with its live signature count (no sign-in)', params: idParam, response: { 200: publicPetition, 404: problem } },
  }, async (request) => publicView(await publicPetitionRow(request.params.id), request.lang));

  app.get('/api/v1/petitions/:id/count', {
    schema: { tags: ['petitions'], summary: 'The live signature count only (for polling; no sign-in)', params: idParam, response: { 200: countResponse, 404: problem } },
  }, async (request) => {
    const p = await publicPetitionRow(request.params.id);
    const count = await petitions.count(p.id);
    return { id: p.id, count, threshold: p.threshold, thresholdReached: p.threshold !== null && count >= p.threshold, preSupport: PRE_SUPPORT_SIGNATURES };
  });

  app.get('/api/v1/petitions/:id/signing-content', {
    schema: { tags: ['petitions'], summary: 'The text a citizen signs with the EDS to join the petition (APC 90-3(1); no sign-in)', params: idParam, response: { 200: signingContentResponse, 404: problem } },
  }, async (request) => {
    const p = await publicPetitionRow(request.params.id);
    return { id: p.id, content: petitionSigningContent(p.id) };
  });

  app.post('/api/v1/petitions/:id/signatures', {
    schema: {
      tags: ['petitions'],
      summary: 'Join (sign) a petition: once per IIN, citizens only, identified by EDS or in writing, with consent to processing of personal data (APC 90-3(1)–(2))',
      description:
        'Electronic form: `signature` is a detached CMS signature of the citizen over the UTF-8 text of `GET …/signing-content`; the signature port verifies it ' +
        '(chain, validity, revocation) and the IIN and name are taken from the certificate (serialNumber "IIN…"), never from the request. Without a valid EDS ' +
        'the signature is refused (422 eds_required / signature_invalid). A signed-in applicant is linked to the signature when the certificate IIN is the profile IIN. ' +
        'The petitions authority enters written signatures with `form: written`, `iin` and `name`. A second signature with the same IIN is refused (409 already_signed); there is no withdrawal.',
      params: idParam,
      body: signBody,
      response: { 201: signResponse, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem },
    },
  }, async (request, reply) => {
    const p = await publicPetitionRow(request.params.id);
    const b = request.body;
    const principal = Access.credential(request) ? await access.authenticated(request) : undefined;
    let signer: { iin: string; name: string; form: 'electronic' | 'written'; applicantId?: string };
    if (b.form === 'written') {
      await access.require(request, 'petition.moderate');
      if (!b.iin || !b.name) throw new Problem(400, 'validation', {}, [{ field: b.iin ? 'body.name' : 'body.iin', code: 'required' }]);
      signer = { iin: b.iin, name: b.name, form: 'written' };
    } else {
      // APC 90-3(1): electronically, a citizen is identified by the EDS; an IIN typed into a form identifies nobody
      if (!b.signature) throw new Problem(422, 'eds_required', {}, [{ field: 'body.signature', code: 'required' }], 'APC 90-3(1)');
      if (!signatures) throw new Problem(501, 'not_configured');
      const v = await signatures.verify(Buffer.from(petitionSigningContent(p.id), 'utf8'), signatureBytes(b.signature.value), petitions.now());
      if (!v.valid) throw new Problem(422, 'signature_invalid', { reason: v.reason }, [{ field: 'body.signature', code: `signature_${v.reason}` }], 'APC 90-3(1)');
      const iin = v.signer?.iin;
      if (!iin || !isValidIin(iin)) throw new Problem(422, 'certificate_without_iin', {}, [{ field: 'body.signature', code: 'certificate_without_iin' }], 'APC 90-3(1)');
      if (b.iin && b.iin !== iin) throw new Problem(422, 'iin_not_yours', {}, [{ field: 'body.iin', code: 'iin_not_yours' }], 'APC 90-3(1)');
      let applicantId: string | undefined;
      if (principal?.kind === 'applicant') {
        const profile = await identity.applicant(principal.id);
        if (profile.iin && profile.iin !== iin) throw new Problem(422, 'iin_not_yours', {}, [{ field: 'body.signature', code: 'iin_not_yours' }], 'APC 90-3(1)');
        if (profile.iin === iin) applicantId = principal.id;
      }
      signer = { iin, name: v.signer?.commonName ?? '—', form: 'electronic', ...(applicantId ? { applicantId } : {}) };
    }
    const { count } = await petitions.sign(p.id, signer);
    reply.code(201);
    return { accepted: true as const, count };
  });

  app.get('/api/v1/petitions/:id/case', {
    schema: { tags: ['petitions'], summary: 'The petition for those who handle it: applicant, duties, terms, timeline (hash-chained events)', params: idParam, response: { 200: caseResponse, 401: problem, 403: problem, 404: problem } },
  }, async (request) => {
    const p = await petitions.find(request.params.id);
    const principal = await access.authenticated(request);
    const by = await actingAs(request, principal, p);
    if (by.actors.length === 0 && principal.id !== p.applicant_id) throw new Problem(403, 'forbidden', { permission: 'petition.manage' });
    const view = await petitions.view(p.id);
    return { ...(await caseView(view.petition, request.lang, by.actors)), timeline: view.timeline };
  });

  app.post('/api/v1/petitions/:id/actions', {
    schema: {
      tags: ['petitions'],
      summary: 'Take a step of the petition procedure; refusals cite their article',
      description: 'Petitions authority: reject, publish, inform_media, send, return. Competent body: register, start_review, record_duty, schedule_discussion, decide (first head only, 90-6(1)), publish_decision, official_statement.',
      params: idParam,
      body: z.intersection(actionEnvelope, actionBody),
      response: { 200: caseResponse, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem },
    },
  }, async (request) => {
    const p = await petitions.find(request.params.id);
    const { version, ...input } = request.body;
    const principal = await access.authenticated(request);
    const by = await actingAs(request, principal, p);
    if (by.actors.length === 0) throw new Problem(403, 'forbidden', { permission: 'petition.manage' });
    const row = await petitions.act(p.id, version, input, by);
    return caseView(row, request.lang, by.actors);
  });

  /** The petition for those who handle it, with the steps open to `actors` now (the applicant's own view has none). */
  async function caseView(p: PetitionRow, lang: Language, actors: readonly Actor[]) {
    return {
      ...(await publicView(p, lang)),
      decision: p.decision as Record<string, unknown> | null,
      decidedOn: p.decided_on,
      applicant: p.applicant as Record<string, unknown>,
      duties: p.duties as Record<string, unknown>,
      checkBy: p.check_by,
      mediaBy: p.media_by,
      sendBy: p.send_by,
      publishDecisionBy: p.publish_decision_by,
      returnedAppealId: p.returned_appeal_id,
      actions: actionsIn(PETITION, p.state as PetitionState, actors).map((t) => ({ action: t.action, citation: t.citation })),
      timeline: [] as { seq: number; at: string; actor: string; action: string; citation: string | null; state: string | null; details: Record<string, unknown> }[],
    };
  }
}

