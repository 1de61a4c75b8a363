/** HTTP face of administrative acts: /api/v1/acts, /api/v1/act-templates, the PDFs, and the public check /verify/{id}. */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Language, Localized } from '../../law/i18n.ts';
import type { App } from '../../platform/http.ts';
import { translator } from '../../platform/i18n.ts';
import { Problem } from '../../platform/problems.ts';
import { actorsOf, type ActingAs, type AppealsService } from '../appeals/service.ts';
import type { OrganisationService } from '../bodies/service.ts';
import type { Access, Action, Principal } from '../identity/service.ts';
import { POLICY } from '../identity/service.ts';
import {
  actResponse, ceaseBody, communicateBody, correctionBody, draftBody, editBody, executeBody, listQuery, oralBody, revokeBody, signBody, signingContentResponse, templateBody, templateResponse, verifyResponse, writtenFormBody,
} from './contract.ts';
import { actPdf, ticketPdf } from './render.ts';
import type { ActRow, ActsService, Signer } from './service.ts';

export interface ActRoutesOptions {
  acts: ActsService;
  appeals: AppealsService;
  access: Access;
  organisation: OrganisationService;
}

const problem = z.object({ type: z.string(), title: z.string(), status: z.number(), code: z.string() }).passthrough();
const idParam = z.strictObject({ id: z.uuid() });
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem };

export function actRoutes(app: App, { acts, appeals, access, organisation }: ActRoutesOptions) {
  async function targetOf(row: ActRow) {
    if (row.complaint_id && acts.complaints) {
      // a complaint decision: the review body's act; the complainant may read it
      const c = await acts.complaints.find(row.complaint_id);
      return { bodyId: row.body_id, ownerIds: [c.applicant_id].filter((x): x is string => !!x) };
    }
    if (!row.appeal_id) return { bodyId: row.body_id };
    const a = await appeals.find(row.appeal_id);
    return { bodyId: a.body_id, ...(a.subdivision_id ? { subdivisionId: a.subdivision_id } : {}), ownerIds: [a.applicant_id, a.executor_id, ...a.co_executor_ids].filter((x): x is string => !!x) };
  }

  /** The actors of the law the person is on this act, under any of the permissions. */
  async function actingAs(request: FastifyRequest, row: ActRow, permissions: readonly Action[]): Promise<ActingAs & { principal: Principal }> {
    const principal = await access.authenticated(request);
    const target = await targetOf(row);
    // a complaint decision (APC 100–101) is the review body's: whoever may review complaints there drafts and signs it
    if (row.complaint_id) {
      if (!(await access.allows(principal, 'complaint.review', target))) {
        const readable = await access.allows(principal, 'appeal.read', target);
        throw new Problem(readable ? 403 : 404, readable ? 'forbidden' : 'not_found', { permission: 'complaint.review' });
      }
      return { principal, actor: access.actorOf(request), actors: ['reviewer'], ...(principal.kind === 'official' ? { officialId: principal.id } : { applicantId: principal.id }) };
    }
    const roles = new Set<Parameters<typeof actorsOf>[0] extends Iterable<infer R> ? R : never>();
    for (const p of permissions) for (const g of await access.allowingGrants(principal, p, target)) roles.add(g.role);
    if (roles.size === 0) {
      const readable = await access.allows(principal, 'appeal.read', target);
      throw new Problem(readable ? 403 : 404, readable ? 'forbidden' : 'not_found', { permission: permissions[0]! });
    }
    return { principal, actor: access.actorOf(request), actors: actorsOf(roles), ...(principal.kind === 'official' ? { officialId: principal.id } : { applicantId: principal.id }) };
  }

  /** Reading an act: `appeal.read` on its case; a complaint decision also by whoever reviews complaints at its body. */
  async function requireRead(request: FastifyRequest, row: ActRow) {
    const target = await targetOf(row);
    if (row.complaint_id && (await access.allows(await access.authenticated(request), 'complaint.review', { bodyId: row.body_id }))) return;
    await access.require(request, 'appeal.read', target);
  }

  async function signerOf(principal: Principal, bodyId: string): Promise<Signer> {
    if (principal.kind !== 'official') throw new Problem(403, 'forbidden', { permission: 'appeal.sign' });
    const o = await access.signatory(principal);
    void bodyId;
    return { officialId: o.id, name: o.name, iin: o.iin, position: o.titles[0] ?? null };
  }

  async function view(row: ActRow, lang: Language) {
    const missing = row.state === 'draft' ? await acts.missing(row) : [];
    return {
      id: row.id, number: row.number, bodyId: row.body_id, appealId: row.appeal_id, complaintId: row.complaint_id,
      template: row.template_id ? { id: row.template_id, code: row.template_code!, version: row.template_version! } : null, manualVersion: row.manual_version,
      kind: row.kind, outcome: row.outcome, favourable: row.favourable, form: row.form, language: row.language, state: row.state,
      content: row.content as Record<string, unknown>, contentVersion: row.content_version, pending: (row.pending as Record<string, unknown> | null) ?? null,
      missing: missing.map((m) => ({ code: m.code, citation: m.citation, text: m.text[lang] })),
      signer: row.signed_at && row.signer_name ? { name: row.signer_name, position: row.signer_position, signedAt: new Date(row.signed_at).toISOString() } : null,
      adoptedOn: row.adopted_on, inForceOn: row.in_force_on, communicatedOn: row.communicated_on, executionDue: row.execution_due, executedOn: row.executed_on,
      ceasedOn: row.ceased_on, ceaseCause: row.cease_cause, revocation: (row.revocation as Record<string, unknown> | null) ?? null, writtenFormDue: row.written_form_due,
      verifyUrl: acts.verifyUrl(row.id), version: row.version,
    };
  }

  const templateView = (t: Awaited<ReturnType<ActsService['template']>>) => ({
    id: t.id, bodyId: t.body_id, code: t.code, version: t.version, kind: t.kind, procedure: t.procedure, title: t.title as Localized, sections: t.sections as Record<string, Localized>,
    formPrescribedByLaw: t.form_prescribed_by_law, prescribedRef: t.prescribed_ref, manualVersion: t.manual_version, state: t.state, approvedAt: t.approved_at ? new Date(t.approved_at).toISOString() : null,
  });

  // ---------- standard forms ----------
  app.get('/api/v1/act-templates', {
    schema: { tags: ['acts'], summary: 'Standard forms of acts you may use: shared ones and your bodies\' (Rules No. 111 p.5(3), p.7)', response: { 200: z.object({ items: z.array(templateResponse) }), 401: problem } },
  }, async (request) => {
    const principal = await access.authenticated(request);
    const bodies = await access.bodiesFor(principal, 'kb.read');
    const ids = bodies === 'all' ? (await acts.db.selectFrom('body').select('id').execute()).map((b) => b.id) : bodies;
    return { items: (await acts.templates(ids)).map(templateView) };
  });

  app.post('/api/v1/act-templates', {
    schema: { tags: ['acts'], summary: 'A new version of a body\'s standard form, a draft until the head approves it', body: templateBody, response: { 201: templateResponse, ...errors } },
  }, async (request, reply) => {
    await access.require(request, 'kb.edit', { bodyId: request.body.bodyId });
    const t = await acts.createTemplate(request.body, access.actorOf(request));
    reply.code(201);
    return templateView(t);
  });

  app.post('/api/v1/act-templates/:id/approve', {
    schema: { tags: ['acts'], summary: 'The head approves a standard form (Rules No. 111 p.5(3)); the previous version is retired', params: idParam, response: { 200: templateResponse, ...errors } },
  }, async (request) => {
    const t = await acts.template(request.params.id);
    if (!t.body_id) throw new Problem(403, 'forbidden', { permission: 'act_template.approve' });
    const principal = await access.require(request, 'act_template.approve', { bodyId: t.body_id });
    return templateView(await acts.approveTemplate(t.id, principal.id));
  });

  // ---------- acts ----------
  app.post('/api/v1/acts', {
    schema: { tags: ['acts'], summary: 'Draft an act on a case from an approved standard form; the answer lists what APC 80 still needs', body: draftBody, response: { 201: actResponse, ...errors } },
  }, async (request, reply) => {
    if (request.body.complaintId) {
      if (request.body.appealId) throw new Problem(422, 'validation', {}, [{ field: 'body.appealId', code: 'one_of_appeal_or_complaint' }]);
      const c = await acts.complaints!.find(request.body.complaintId);
      const principal = await access.authenticated(request);
      if (!c.review_body_id || !(await access.allows(principal, 'complaint.review', { bodyId: c.review_body_id }))) throw new Problem(403, 'forbidden', { permission: 'complaint.review' });
      const id = await acts.draft(request.body, { actor: access.actorOf(request), actors: ['reviewer'], officialId: principal.id });
      reply.code(201);
      return view(await acts.find(id), request.lang);
    }
    if (!request.body.appealId) throw new Problem(422, 'validation', {}, [{ field: 'body.appealId', code: 'required' }]);
    const a = await appeals.find(request.body.appealId);
    const target = { bodyId: a.body_id, ...(a.subdivision_id ? { subdivisionId: a.subdivision_id } : {}), ownerIds: [a.executor_id, ...a.co_executor_ids].filter((x): x is string => !!x) };
    const principal = await access.authenticated(request);
    if (!(await access.allows(principal, 'appeal.decide', target)) && !(await access.allows(principal, 'appeal.sign', target))) throw new Problem(403, 'forbidden', { permission: 'appeal.decide' });
    const id = await acts.draft(request.body, { actor: access.actorOf(request), actors: ['official'], officialId: principal.id });
    reply.code(201);
    return view(await acts.find(id), request.lang);
  });

  app.post('/api/v1/acts/oral', {
    schema: { tags: ['acts'], summary: 'Record an oral (or other-form) act outside an appeal-initiated procedure (APC 78(2)–(3), 81(3))', body: oralBody, response: { 201: actResponse, ...errors } },
  }, async (request, reply) => {
    const principal = await access.authenticated(request);
    const target = { bodyId: request.body.bodyId };
    if (!(await access.allows(principal, 'appeal.decide', target)) && !(await access.allows(principal, 'appeal.sign', target))) throw new Problem(403, 'forbidden', { permission: 'appeal.decide' });
    const id = await acts.recordOral(request.body, { actor: access.actorOf(request), actors: ['official'], officialId: principal.id });
    reply.code(201);
    return view(await acts.find(id), request.lang);
  });

  app.get('/api/v1/acts', {
    schema: { tags: ['acts'], summary: 'Execution control (APC 86(3)): acts due within 3 working days or overdue; or all acts of a case', querystring: listQuery, response: { 200: z.object({ items: z.array(actResponse) }), 401: problem } },
  }, async (request) => {
    const principal = await access.authenticated(request);
    const all = principal.grants.some((g) => POLICY[g.role]['appeal.read'] === 'all');
    let bodies: string[] | 'all' = all ? 'all' : await access.bodiesFor(principal, 'appeal.read');
    if (request.query.bodyId) bodies = bodies === 'all' || bodies.includes(request.query.bodyId) ? [request.query.bodyId] : [];
    if (request.query.appealId) {
      const a = await appeals.find(request.query.appealId);
      await access.require(request, 'appeal.read', { bodyId: a.body_id, ownerIds: [a.applicant_id, a.executor_id, ...a.co_executor_ids].filter((x): x is string => !!x) });
      bodies = 'all';
    }
    const rows = await acts.executionList(bodies, request.query.view, request.query.appealId);
    return { items: await Promise.all(rows.map((r) => view(r, request.lang))) };
  });

  app.get('/api/v1/acts/:id', {
    schema: { tags: ['acts'], summary: 'The act, its state, content and what APC 80 still needs', params: idParam, response: { 200: actResponse, ...errors } },
  }, async (request) => {
    const row = await acts.find(request.params.id);
    await requireRead(request, row);
    return view(row, request.lang);
  });

  app.patch('/api/v1/acts/:id', {
    schema: { tags: ['acts'], summary: 'Edit a draft act', params: idParam, body: editBody, response: { 200: actResponse, ...errors } },
  }, async (request) => {
    const row = await acts.find(request.params.id);
    const by = await actingAs(request, row, ['appeal.decide', 'appeal.sign']);
    return view(await acts.edit(row.id, request.body.version, request.body.content, by), request.lang);
  });

  app.get('/api/v1/acts/:id/signing-content', {
    schema: { tags: ['acts'], summary: 'The exact text you sign: the canonical JSON of the act as adopted today by you (docs/acts.md)', params: idParam, response: { 200: signingContentResponse, ...errors } },
  }, async (request) => {
    const row = await acts.find(request.params.id);
    const by = await actingAs(request, row, ['appeal.sign']);
    const s = await acts.signingContent(row.id, await signerOf(by.principal, row.body_id));
    return { canonical: s.canonical, sha256: s.sha256, adoptedOn: s.adoptedOn, version: row.version };
  });

  app.post('/api/v1/acts/:id/sign', {
    schema: {
      tags: ['acts'],
      summary: 'Sign the act with an e-signature: this is its adoption on the case (APC 77(1), 80(1)(5), 83(1)); also signs a correction (82(4)) or the written form of an oral act (78(4))',
      params: idParam, body: signBody, response: { 200: actResponse, ...errors },
    },
  }, async (request) => {
    const row = await acts.find(request.params.id);
    const by = await actingAs(request, row, ['appeal.sign']);
    const signed = await acts.sign(row.id, request.body.version, request.body.signature, await signerOf(by.principal, row.body_id), by);
    return view(signed, request.lang);
  });

  const stepRoute = <B extends z.ZodType>(pathSuffix: string, summary: string, body: B, permissions: Action[], run: (row: ActRow, body: z.infer<B>, by: ActingAs) => Promise<ActRow>) =>
    app.post(`/api/v1/acts/:id/${pathSuffix}`, { schema: { tags: ['acts'], summary, params: idParam, body, response: { 200: actResponse, ...errors } } }, async (request) => {
      const row = await acts.find((request.params as { id: string }).id);
      const by = await actingAs(request, row, permissions);
      return view(await run(row, request.body as z.infer<B>, by), request.lang);
    });

  stepRoute('communicate', 'The act was communicated (APC 81): it takes effect (83(2)) and the 5 working days of execution run (86(3))', communicateBody, ['appeal.decide', 'appeal.sign', 'appeal.register'], (r, b, by) => acts.communicate(r.id, b.version, b.communicatedOn, b.method, by));
  stepRoute('execute', 'The act was executed (APC 86); the case closes (83(3))', executeBody, ['appeal.decide', 'appeal.sign'], (r, b, by) => acts.execute(r.id, b.version, b.executedOn, b.note, by));
  stepRoute('corrections', 'Propose a correction of clerical or arithmetic errors (APC 82); it takes effect when signed', correctionBody, ['appeal.decide', 'appeal.sign'], (r, b, by) => acts.correct(r.id, b.version, b, by));
  stepRoute('written-form', 'A motion to put an oral act in writing: due within 1 working day (APC 78(4))', writtenFormBody, ['appeal.decide', 'appeal.sign', 'appeal.register'], (r, b, by) => acts.requestWrittenForm(r.id, b.version, b.motionOn, b.content, by));
  stepRoute('revoke', 'Revoke the act as unlawful (APC 84) or lawful (85), in full or in part', revokeBody, ['appeal.sign'], (r, b, by) => acts.revoke(r.id, b.version, b, by));
  stepRoute('cease', 'The act ended on an event it provides for or on expiry (APC 83(3))', ceaseBody, ['appeal.decide', 'appeal.sign'], (r, b, by) => acts.cease(r.id, b.version, b.ceasedOn, b.cause, by));

  // ---------- documents ----------
  const pdfQuery = z.strictObject({ lang: z.enum(['kk', 'ru', 'en', 'both']).optional().describe('Default: the language of the appeal') });
  app.get('/api/v1/acts/:id.pdf', {
    schema: { tags: ['acts'], summary: 'The act as a PDF, with its QR check', params: idParam, querystring: pdfQuery, produces: ['application/pdf'], response: { 200: z.any(), ...errors } },
  }, async (request, reply) => {
    const row = await acts.find(request.params.id);
    await requireRead(request, row);
    const body = await organisation.body(row.body_id);
    const appeal = row.appeal_id ? await appeals.find(row.appeal_id) : undefined;
    const template = row.template_id ? await acts.template(row.template_id) : undefined;
    const version = row.signed_at ? await acts.db.selectFrom('act_version').select(['sha256']).where('act_id', '=', row.id).orderBy('version', 'desc').executeTakeFirst() : undefined;
    const c = row.content as Record<string, string | undefined> & { addressee?: { name?: string; legalForm?: string } };
    const title = template ? (template.title as Localized) : ({ kk: translator('kk')(`act.kind.${row.kind}`), ru: translator('ru')(`act.kind.${row.kind}`), en: translator('en')(`act.kind.${row.kind}`) } as Localized);
    const buf = await actPdf({
      number: row.number, bodyName: body.name as Localized, title, adoptedOn: row.adopted_on, inForceOn: row.in_force_on,
      official: row.signer_name ? { name: row.signer_name, position: row.signer_position ?? '' } : null,
      addressee: [c.addressee?.name, c.addressee?.legalForm].filter(Boolean).join(', ') || '—', operative: c.operative ?? '', justification: c.justification ?? '', legalBasis: c.legalBasis ?? '',
      appealExplanation: c.appealExplanation ?? '', noHearingReasons: c.noHearingReasons ?? null, appealNumber: appeal?.number ?? null, contentVersion: row.content_version,
      signed: row.signed_at && version ? { at: new Date(row.signed_at).toISOString(), signer: row.signer_name ?? '', sha256: version.sha256 } : null, verifyUrl: acts.verifyUrl(row.id), state: row.state,
    }, request.query.lang ?? row.language);
    return reply.type('application/pdf').header('content-disposition', `inline; filename="act-${row.number}.pdf"`).header('cache-control', 'private, no-store').send(buf);
  });

  app.get('/api/v1/appeals/:id/ticket.pdf', {
    schema: { tags: ['appeals'], summary: 'The registration ticket as a PDF (APC 64(2)), in the language of the appeal', params: idParam, produces: ['application/pdf'], response: { 200: z.any(), ...errors } },
  }, async (request, reply) => {
    const a = await appeals.find(request.params.id);
    await access.require(request, 'appeal.read', { bodyId: a.body_id, ...(a.subdivision_id ? { subdivisionId: a.subdivision_id } : {}), ownerIds: [a.applicant_id, a.executor_id, ...a.co_executor_ids].filter((x): x is string => !!x) });
    const t = await appeals.ticket(a.id);
    const buf = await ticketPdf({ number: t.number, bodyName: t.bodyName, receivedAt: t.receivedAt, registeredOn: t.registeredOn, acceptedBy: t.acceptedBy, acceptedByPosition: t.acceptedByPosition, due: t.due, language: t.language });
    return reply.type('application/pdf').header('content-disposition', `inline; filename="ticket-${t.number}.pdf"`).header('cache-control', 'private, no-store').send(buf);
  });

  // ---------- the public check ----------
  app.get('/api/v1/verify/:id', {
    schema: { tags: ['acts'], summary: 'Public check of an act: number, body, date, signer, and whether the text and signature still match (no sign-in)', params: idParam, response: { 200: verifyResponse, 404: problem } },
  }, async (request) => {
    const { language: _, ...v } = await acts.verifyPublic(request.params.id);
    return v;
  });

  app.get('/verify/:id', { schema: { hide: true, params: idParam } }, async (request, reply) => {
    const v = await acts.verifyPublic(request.params.id);
    const t = translator(request.lang);
    const esc = (s: string | null) => (s ?? '—').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
    const ok = v.hashMatch && v.signatureValid;
    const rows: [string, string | null][] = [
      [t('verify.number'), v.number], [t('verify.body'), v.body], [t('verify.title'), v.title], [t('verify.adopted_on'), v.adoptedOn], [t('verify.signer'), v.signer],
      [t('verify.signed_at'), v.signedAt], [t('verify.state'), t(`act.state.${v.state}`)], [t('verify.version'), String(v.contentVersion)], ['SHA-256', v.sha256],
    ];
    const html = `<!doctype html><html lang="${request.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(t('verify.page_title'))} ${esc(v.number)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#111}h1{font-size:1.4rem}.ok{color:#0a6b2b}.bad{color:#a11}th{text-align:left;padding-right:1rem;vertical-align:top;color:#444;font-weight:normal}td{word-break:break-all}</style></head>
<body><h1>${esc(t('verify.page_title'))}</h1><p class="${ok ? 'ok' : 'bad'}"><strong>${esc(ok ? t('verify.valid') : t('verify.invalid'))}</strong> (${esc(v.reason)})</p>
<table>${rows.map(([k, val]) => `<tr><th>${esc(k)}</th><td>${esc(val)}</td></tr>`).join('')}</table></body></html>`;
    return reply.type('text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'").send(html);
  });
}
