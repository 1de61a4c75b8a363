/**
 * Integrations: Open311 GeoReport v2 over topics and appeals (with service discovery), webhook subscriptions
 * (their targets checked by targets.ts), and import of a paper register from CSV or XLSX. Appeals are only ever
 * written through the appeals module (insertAppeal), so an appeal that came from a 311 app or an old register is
 * registered like any other: number, ticket, terms, case events (and so webhooks), the notice to the applicant.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { parseIsoDate } from '../../law/dates.ts';
import type { Language, Localized } from '../../law/i18n.ts';
import { translator } from '../../platform/i18n.ts';
import { Problem, type FieldError } from '../../platform/problems.ts';
import type { Schema } from '../../platform/schema.ts';
import { bin, email, iin, phone } from '../bodies/contract.ts';
import type { BodyRow, OrganisationService } from '../bodies/service.ts';
import type { AppealsService, ApplicantInput, IntakeInput } from '../appeals/service.ts';
import { actorId, type Access, type Principal } from '../identity/service.ts';
import { audit } from '../audit/service.ts';
import { IMPORT_MAX_ROWS, XLSX_MAX_BYTES, XLSX_MAX_INFLATED, type ImportField, type Open311Create } from './contract.ts';
import { CsvError, parseCsv } from './csv.ts';
import { readXlsx, XlsxError, type TableRow } from './xlsx.ts';
import { checkTarget, STRICT_TARGETS, TargetRefused, type TargetPolicy } from './targets.ts';
import { expectedDatetime, GEOREPORT_V2, MAPPING_CHANGED, w3c, type DiscoveryView, type ServiceRequestView, type ServiceView } from './open311.ts';
import * as q from './queries.ts';
import type { WebhookEvent } from './webhooks.ts';

const nameIn = (name: unknown, lang: Language) => (name as Localized)[lang];

/** Open311 `attribute[TYPE]`: which kind of appeal a 311 request files (APC 4(1)); a report by default. */
export const OPEN311_TYPES = ['report', 'application'] as const;

export interface ImportInput {
  bodyId: string;
  /** the file: CSV text, or an XLSX workbook in base64 (exactly one) */
  csv?: string | undefined;
  xlsx?: string | undefined;
  mapping: Partial<Record<ImportField, string>>;
  defaults: { type: IntakeInput['type']; language: Language; channel: 'paper' | 'oral' | 'reception'; signed: boolean };
  dryRun: boolean;
}

export interface ImportRowError {
  row: number;
  /** the Tynda field of the mapping ('' for the file as a whole) */
  field: ImportField | '';
  column: string;
  code: string;
  message: string;
}

export class IntegrationsService {
  constructor(
    readonly db: Kysely<Schema>,
    readonly appeals: AppealsService,
    readonly organisation: OrganisationService,
    readonly access: Access,
    readonly now: () => Date = () => new Date(),
    /** where webhooks may point (targets.ts; TYNDA_WEBHOOK_ALLOW_HTTP / _PRIVATE) */
    readonly webhookTargets: TargetPolicy = STRICT_TARGETS,
  ) {}

  // ---------- Open311 GeoReport v2 ----------

  /**
   * Service discovery (http://wiki.open311.org/Service_Discovery): the one GeoReport v2 endpoint of this server.
   * The changeset moves when the mapping or the classifier of topics changes, so clients refresh their cached services.
   */
  async discovery(publicUrl: string, lang: Language): Promise<DiscoveryView> {
    const t = translator(lang);
    const classifier = await q.classifierChangedAt(this.db);
    const changeset = w3c(classifier && classifier > MAPPING_CHANGED ? classifier : MAPPING_CHANGED);
    return {
      changeset,
      contact: t('integrations.open311.discovery_contact'),
      key_service: t('integrations.open311.discovery_key_service', { url: `${publicUrl}/api/v1/tokens` }),
      endpoints: [{ specification: GEOREPORT_V2, url: `${publicUrl}/open311/v2`, changeset, type: 'production', formats: ['text/xml', 'application/json'] }],
    };
  }

  /** GET services: every leaf topic of the classifier, grouped under its parent. */
  async services(lang: Language): Promise<ServiceView[]> {
    const t = translator(lang);
    return (await q.topicsWithParent(this.db))
      .filter((x) => x.leaf)
      .map((x) => ({
        service_code: x.code,
        service_name: nameIn(x.name, lang),
        description: x.parent ? `${nameIn(x.parent.name, lang)}: ${nameIn(x.name, lang)}` : nameIn(x.name, lang),
        metadata: true,
        type: 'realtime' as const,
        keywords: [x.code, x.parent?.code].filter(Boolean).join(', '),
        group: x.parent ? nameIn(x.parent.name, lang) : t('integrations.open311.no_group'),
      }));
  }

  async topic(code: string) {
    const topic = (await q.topicsWithParent(this.db)).find((x) => x.code === code && x.leaf);
    if (!topic) throw new Problem(404, 'open311_service_not_found', { code });
    return topic;
  }

  /** GET services/{code}: the one attribute, the kind of appeal. */
  async serviceDefinition(code: string, lang: Language) {
    const topic = await this.topic(code);
    const t = translator(lang);
    return {
      service_code: topic.code,
      attributes: [
        {
          variable: true,
          code: 'TYPE',
          datatype: 'singlevaluelist',
          required: false,
          datatype_description: t('integrations.open311.type_hint'),
          order: 1,
          description: t('integrations.open311.type_question'),
          values: OPEN311_TYPES.map((v) => ({ key: v, name: t(`integrations.open311.type.${v}`) })),
        },
      ],
    };
  }

  /** The principal behind an Open311 `api_key` (an API token), else behind the request's own credential. */
  async principalOf(apiKey: string | undefined, fallback: () => Promise<Principal | undefined>): Promise<Principal> {
    const p = apiKey ? await this.access.identity.authenticate(apiKey) : await fallback();
    if (!p) throw new Problem(403, 'open311_api_key');
    return p;
  }

  /**
   * The body a request goes to: the `jurisdiction_id` (a body code) if given; else a body of the topic's competent
   * type in which the caller registers appeals, if exactly one; else the caller's own body (it redirects under
   * APC 65 if the matter is another body's).
   */
  private async bodyFor(principal: Principal, topicBodyType: string | null, jurisdiction: string | undefined): Promise<BodyRow> {
    if (jurisdiction) {
      const b = await this.organisation.bodyByCode(jurisdiction);
      if (!b) throw new Problem(404, 'open311_jurisdiction_unknown', { code: jurisdiction });
      return b;
    }
    if (topicBodyType) {
      const candidates = [];
      for (const b of await this.organisation.bodies({ type: topicBodyType })) if (await this.access.allows(principal, 'appeal.register', { bodyId: b.id })) candidates.push(b);
      if (candidates.length === 1) return candidates[0]!;
    }
    if (principal.kind !== 'official') throw new Problem(403, 'forbidden', { permission: 'appeal.register' });
    return this.organisation.body(principal.bodyId);
  }

  /** POST requests: files an electronic appeal (APC 64(4)) with the location kept beside it; idempotent by key. */
  async file(principal: Principal, input: Open311Create, lang: Language, idempotencyKey: string | undefined) {
    if (principal.kind !== 'official' || !principal.tokenId) throw new Problem(403, 'open311_api_key');
    const topic = await this.topic(input.service_code);
    const type = input.attributes.TYPE ?? 'report';
    if (!(OPEN311_TYPES as readonly string[]).includes(type)) throw new Problem(400, 'validation', {}, [{ field: 'attribute[TYPE]', code: 'invalid_value' }]);
    const body = await this.bodyFor(principal, topic.bodyType, input.jurisdiction_id);
    if (!(await this.access.allows(principal, 'appeal.register', { bodyId: body.id }))) throw new Problem(403, 'forbidden', { permission: 'appeal.register' });
    if (idempotencyKey) {
      const before = await q.open311ByKey(this.db, principal.tokenId, idempotencyKey);
      if (before) return { ticket: await this.appeals.ticket(before.appeal_id), accountId: input.account_id ?? null, repeated: true };
    }
    const t = translator(lang);
    const where = [
      input.address_string && `${t('integrations.open311.address')}: ${input.address_string}`,
      input.lat !== undefined && input.long !== undefined && `${t('integrations.open311.coordinates')}: ${input.lat}, ${input.long}`,
      input.media_url && `${t('integrations.open311.media')}: ${input.media_url}`,
    ].filter(Boolean);
    const name = [input.last_name, input.first_name].filter(Boolean).join(' ');
    const applicant: ApplicantInput = { kind: 'individual', ...(name ? { name } : {}), ...(input.email ? { email: input.email } : {}), ...(input.phone ? { phone: input.phone } : {}) };
    const intake: IntakeInput = {
      bodyId: body.id, type: type as IntakeInput['type'], channel: 'electronic', language: lang, topicId: topic.id,
      summary: input.description?.replace(/\s+/g, ' ').slice(0, 300) || nameIn(topic.name, lang),
      essence: [input.description ?? '', ...where].filter(Boolean).join('\n'), applicant, anonymous: !name && !input.email && !input.phone,
      signed: false, receivedAt: this.now(),
    };
    const actor = actorId(principal);
    let id: string;
    try {
      id = await this.db.transaction().execute(async (trx) => {
        const appealId = await this.appeals.insertAppeal(trx, body, intake, { actor, actors: ['system'], officialId: principal.id });
        await trx
          .insertInto('open311_request')
          .values({
            appeal_id: appealId, service_code: topic.code, lat: input.lat ?? null, long: input.long ?? null, address_string: input.address_string ?? null, address_id: input.address_id ?? null,
            media_url: input.media_url ?? null, device_id: input.device_id ?? null, account_id: input.account_id ?? null, token_id: principal.tokenId!, idempotency_key: idempotencyKey ?? null,
          })
          .execute();
        return appealId;
      });
    } catch (error) {
      // the same key raced in twice: the first one won
      const first = idempotencyKey && /open311_request_idempotency/.test(String((error as Error).message)) ? await q.open311ByKey(this.db, principal.tokenId, idempotencyKey) : undefined;
      if (!first) throw error;
      id = first.appeal_id;
    }
    return { ticket: await this.appeals.ticket(id), accountId: input.account_id ?? null, repeated: false };
  }

  /** The service notice of a filed request: its number and the term of the answer. */
  serviceNotice(ticket: { number: string; due: string }, lang: Language): string {
    return translator(lang)('integrations.open311.notice', { number: ticket.number, due: ticket.due });
  }

  /** The bodies whose appeals the principal reads as a whole (body, subordinate or all scope; never "own" ones). */
  async readableBodies(principal: Principal): Promise<'all' | string[]> {
    const all = await this.organisation.bodies();
    const ids: string[] = [];
    for (const b of all) if (await this.access.allows(principal, 'appeal.read', { bodyId: b.id })) ids.push(b.id);
    return ids.length === all.length ? 'all' : ids;
  }

  /** GET requests: appeals with a topic, newest first; by default those received in the last 90 days, at most 1000. */
  async requests(principal: Principal, f: { ids?: string[] | undefined; serviceCodes?: string[] | undefined; status?: ('open' | 'closed')[] | undefined; from?: string | undefined; to?: string | undefined }, lang: Language): Promise<ServiceRequestView[]> {
    const bodyIds = await this.readableBodies(principal);
    const to = f.to ? new Date(f.to) : undefined;
    const from = f.from ? new Date(f.from) : f.ids?.length ? undefined : new Date((to ?? this.now()).getTime() - 90 * 86_400_000);
    const rows = await q.serviceRequests(this.db, { bodyIds, ids: f.ids, serviceCodes: f.serviceCodes, status: f.status, from, to, limit: 1000 });
    const t = translator(lang);
    return rows.map((r) => {
      const closed = r.closed_at !== null || r.decided_at !== null;
      return {
        service_request_id: r.number,
        status: closed ? 'closed' : 'open',
        status_notes: r.deemed_refused_on ? t('integrations.open311.deemed_refusal', { date: r.deemed_refused_on }) : closed ? t('integrations.open311.closed', { state: r.state }) : null,
        service_name: nameIn(r.service_name, lang),
        service_code: r.service_code,
        description: r.summary,
        agency_responsible: nameIn(r.body_name, lang),
        service_notice: null,
        requested_datetime: w3c(r.received_at),
        updated_datetime: w3c(r.updated_at),
        expected_datetime: closed ? null : expectedDatetime(r.due),
        address: r.address_string,
        address_id: r.address_id,
        zipcode: null,
        lat: r.lat,
        long: r.long,
        media_url: r.media_url,
      };
    });
  }

  // ---------- webhooks ----------

  /** A subscription, limited to the bodies where the subscriber may manage integrations. */
  async subscribe(principal: Principal, input: { url: string; secret: string; events: WebhookEvent[]; bodyId?: string | undefined; includeSubordinate: boolean }) {
    try {
      await checkTarget(input.url, this.webhookTargets);
    } catch (error) {
      if (!(error instanceof TargetRefused)) throw error;
      throw new Problem(400, 'validation', {}, [{ field: 'body.url', code: error.reason, ...(error.address ? { params: { address: error.address } } : {}) }]);
    }
    let bodyIds: string[] | null;
    if (input.bodyId) {
      await this.organisation.body(input.bodyId, 'body.bodyId');
      const wanted = input.includeSubordinate ? await this.organisation.bodySubtree(input.bodyId) : [input.bodyId];
      bodyIds = [];
      for (const id of wanted) if (await this.access.allows(principal, 'integrations.manage', { bodyId: id })) bodyIds.push(id);
      if (!bodyIds.includes(input.bodyId)) throw new Problem(403, 'forbidden', { permission: 'integrations.manage' });
    } else {
      const reach = await this.access.bodiesFor(principal, 'integrations.manage');
      if (reach !== 'all' && reach.length === 0) throw new Problem(403, 'forbidden', { permission: 'integrations.manage' });
      bodyIds = reach === 'all' ? null : reach;
    }
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('webhook_subscription')
        .values({ url: input.url, secret: input.secret, events: input.events, body_ids: bodyIds, created_by: actorId(principal) })
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit(trx, { actor: actorId(principal), action: 'integrations.webhook_subscribed', subjectType: 'webhook_subscription', subjectId: row.id, details: { events: input.events, bodies: bodyIds } });
      return row;
    });
  }

  /** Subscriptions the principal may see: their own, or every one for a holder of integrations.manage everywhere. */
  async subscriptions(principal: Principal) {
    const everywhere = (await this.access.bodiesFor(principal, 'integrations.manage')) === 'all';
    return q.subscriptions(this.db, everywhere ? undefined : actorId(principal));
  }

  async subscription(principal: Principal, id: string) {
    const row = await q.subscription(this.db, id);
    if (!row) throw new Problem(404, 'not_found');
    const everywhere = (await this.access.bodiesFor(principal, 'integrations.manage')) === 'all';
    if (!everywhere && row.created_by !== actorId(principal)) throw new Problem(404, 'not_found');
    return row;
  }

  async unsubscribe(principal: Principal, id: string) {
    const row = await this.subscription(principal, id);
    if (!row.active) return row;
    return this.db.transaction().execute(async (trx) => {
      const done = await trx.updateTable('webhook_subscription').set({ active: false, revoked_at: this.now() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      await audit(trx, { actor: actorId(principal), action: 'integrations.webhook_revoked', subjectType: 'webhook_subscription', subjectId: id });
      return done;
    });
  }

  // ---------- import of a paper register ----------

  /**
   * Checks every row of the file against the mapping and, unless it is a dry run, registers every row as a paper
   * appeal with its real receipt time, in one transaction: one bad row and nothing is written (422).
   */
  async importRegister(principal: Principal, input: ImportInput, lang: Language) {
    if (principal.kind !== 'official') throw new Problem(403, 'forbidden', { permission: 'appeal.register' });
    const body = await this.organisation.body(input.bodyId, 'body.bodyId');
    const t = translator(lang);
    const message = (code: string, params: Record<string, string | number> = {}) => t(`field.${code}`, { defaultValue: t('field.invalid'), ...params });
    const [header, ...rows] = await readTable(input);
    const errors: ImportRowError[] = [];
    const columns = new Map((header?.cells ?? []).map((c, i) => [c.trim(), i]));
    for (const [field, column] of Object.entries(input.mapping)) {
      if (!columns.has(column.trim())) errors.push({ row: 1, field: field as ImportField, column, code: 'column_missing', message: message('column_missing', { field }) });
    }
    if (!header || rows.length === 0) errors.push({ row: 1, field: '', column: '', code: 'import_empty', message: message('import_empty') });
    const topics = new Map((await q.topicsWithParent(this.db)).map((x) => [x.code, x.id]));
    const now = this.now();
    const inputs: { row: number; intake: IntakeInput }[] = [];
    if (errors.length === 0) {
      for (const r of rows) {
        const cell = (f: ImportField) => {
          const column = input.mapping[f];
          if (column === undefined) return undefined;
          const i = columns.get(column.trim())!;
          const v = r.cells[i]?.trim();
          if (v === '' || v === undefined) return undefined;
          // a sheet that stored an IIN or BIN as a number dropped its leading zeros
          return (f === 'iin' || f === 'bin') && r.numeric?.[i] && /^\d{1,11}$/.test(v) ? v.padStart(12, '0') : v;
        };
        const bad = (f: ImportField, code: string) => errors.push({ row: r.line, field: f, column: input.mapping[f]!, code, message: message(code) });
        const before = errors.length;
        const received = parseWhen(cell('receivedAt'));
        if (!cell('receivedAt')) bad('receivedAt', 'required');
        else if (!received) bad('receivedAt', 'invalid_date');
        else if (received.getTime() > now.getTime()) bad('receivedAt', 'date_in_future');
        const essence = cell('essence');
        if (!essence) bad('essence', 'required');
        else if (essence.length > 20_000) bad('essence', 'too_big');
        const type = cell('type') ?? input.defaults.type;
        if (!['application', 'proposal', 'feedback', 'request', 'report'].includes(type)) bad('type', 'invalid_value');
        const language = cell('language') ?? input.defaults.language;
        if (!['kk', 'ru', 'en'].includes(language)) bad('language', 'invalid_value');
        const topicCode = cell('topic');
        if (topicCode && !topics.has(topicCode)) bad('topic', 'unknown_reference');
        const kind = cell('applicantKind') ?? 'individual';
        if (kind !== 'individual' && kind !== 'legal_entity') bad('applicantKind', 'invalid_value');
        const check = (f: ImportField, schema: z.ZodType) => {
          const v = cell(f);
          if (v === undefined) return undefined;
          const parsed = schema.safeParse(v);
          if (parsed.success) return parsed.data as string;
          bad(f, parsed.error.issues[0]?.message && /^invalid_/.test(parsed.error.issues[0].message) ? parsed.error.issues[0].message : 'invalid');
          return undefined;
        };
        const applicant: ApplicantInput = { kind: kind as ApplicantInput['kind'] };
        const name = cell('applicantName');
        if (name && name.length > 300) bad('applicantName', 'too_big');
        else if (name) applicant.name = name;
        const address = cell('postalAddress');
        if (address && address.length > 500) bad('postalAddress', 'too_big');
        else if (address) applicant.postalAddress = address;
        const id = check('iin', iin);
        if (id) applicant.iin = id;
        const b = check('bin', bin);
        if (b) applicant.bin = b;
        const e = check('email', email);
        if (e) applicant.email = e;
        const p = check('phone', phone);
        if (p) applicant.phone = p;
        const signedText = cell('signed')?.toLowerCase();
        const signed = signedText === undefined ? input.defaults.signed : YES.includes(signedText) ? true : NO.includes(signedText) ? false : undefined;
        if (signed === undefined) bad('signed', 'invalid_value');
        const filedOn = cell('filedOn');
        const filed = filedOn ? parseWhen(filedOn) : undefined;
        if (filedOn && !filed) bad('filedOn', 'invalid_date');
        const summary = cell('summary');
        if (summary && summary.length > 300) bad('summary', 'too_big');
        const external = cell('externalNumber');
        if (errors.length > before) continue;
        inputs.push({
          row: r.line,
          intake: {
            bodyId: body.id, type: type as IntakeInput['type'], channel: input.defaults.channel, language: language as Language, topicId: topicCode ? topics.get(topicCode) : undefined,
            summary: [summary, external && `(${t('integrations.import.external_number')} ${external})`].filter(Boolean).join(' ').slice(0, 300) || undefined,
            essence: essence!, applicant, signed: signed!, receivedAt: received!, filedOn: filed ? almatyDate(filed) : undefined,
          },
        });
      }
    }
    const report = { dryRun: input.dryRun, rows: rows.length, valid: inputs.length, errors, registered: [] as { row: number; id: string; number: string; receivedAt: string; registeredOn: string; due: string }[] };
    if (input.dryRun) return report;
    if (errors.length) {
      throw new Problem(422, 'import_has_errors', { count: errors.length }, errors.map((x): FieldError => ({ field: `row.${x.row}.${x.column}`, code: x.code })));
    }
    const official = await this.organisation.official(principal.id);
    const [position] = await this.organisation.positionTitles(principal.id);
    const by = { actor: actorId(principal), actors: ['clerk'] as const, officialId: principal.id };
    const ids = await this.db.transaction().execute(async (trx) => {
      const out: { row: number; id: string }[] = [];
      for (const { row, intake } of inputs) {
        out.push({ row, id: await this.appeals.insertAppeal(trx, body, intake, by, { id: principal.id, name: official.full_name, position: position?.[intake.language] ?? '—' }) });
      }
      await audit(trx, { actor: actorId(principal), action: 'integrations.register_imported', subjectType: 'body', subjectId: body.id, details: { rows: out.length } });
      return out;
    });
    for (const { row, id } of ids) {
      const ticket = await this.appeals.ticket(id);
      report.registered.push({ row, id, number: ticket.number, receivedAt: ticket.receivedAt, registeredOn: ticket.registeredOn, due: ticket.due });
    }
    return report;
  }
}

/** The rows of the file sent, CSV or XLSX, as one table; a file that cannot be read or is too large is refused. */
async function readTable(input: ImportInput): Promise<TableRow[]> {
  const field = input.xlsx !== undefined ? 'body.xlsx' : 'body.csv';
  const tooLarge = () => new Problem(413, 'import_too_large', { max: IMPORT_MAX_ROWS }, [{ field, code: 'import_too_large', params: { max: IMPORT_MAX_ROWS } }]);
  let table: TableRow[];
  if (input.xlsx !== undefined) {
    const file = Buffer.from(input.xlsx, 'base64');
    if (file.length > XLSX_MAX_BYTES) throw tooLarge();
    try {
      table = await readXlsx(file, { maxBytes: XLSX_MAX_INFLATED, maxRows: IMPORT_MAX_ROWS + 1 });
    } catch (error) {
      if (!(error instanceof XlsxError)) throw error;
      if (error.reason === 'too_large') throw tooLarge();
      throw new Problem(400, 'import_xlsx_malformed', {}, [{ field, code: 'xlsx_malformed' }]);
    }
  } else {
    try {
      table = parseCsv(input.csv ?? '');
    } catch (error) {
      if (error instanceof CsvError) throw new Problem(400, 'import_csv_malformed', { line: error.line }, [{ field, code: 'csv_malformed', params: { line: error.line } }]);
      throw error;
    }
  }
  if (table.length > IMPORT_MAX_ROWS + 1) throw tooLarge();
  return table;
}

const YES = ['1', 'true', 'yes', 'y', 'да', 'д', 'иә', 'ия', '+'];
const NO = ['0', 'false', 'no', 'n', 'нет', 'н', 'жоқ', '-'];

/**
 * A receipt time as registers write it, in Kazakhstan's time (UTC+5): 2025-03-22, 2025-03-22 10:30,
 * 22.03.2025, 22.03.2025 10:30, or an ISO timestamp with its own offset.
 */
export function parseWhen(text: string | undefined): Date | undefined {
  if (!text) return undefined;
  const v = text.trim();
  if (/T.*(Z|[+-]\d\d:?\d\d)$/.test(v)) {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2}))?$/.exec(v);
  let parts: [string, string, string, string | undefined, string | undefined] | undefined;
  if (m) parts = [m[1]!, m[2]!, m[3]!, m[4], m[5]];
  else {
    m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(v);
    if (m) parts = [m[3]!, m[2]!.padStart(2, '0'), m[1]!.padStart(2, '0'), m[4], m[5]];
  }
  if (!parts) return undefined;
  const [y, mo, d, h = '0', mi = '0'] = parts;
  const date = `${y}-${mo}-${d}`;
  if (parseIsoDate(date) === undefined || Number(h) > 23 || Number(mi) > 59) return undefined;
  return new Date(`${date}T${h.padStart(2, '0')}:${mi.padStart(2, '0')}:00+05:00`);
}

const almatyDate = (d: Date) => new Date(d.getTime() + 5 * 3_600_000).toISOString().slice(0, 10);
