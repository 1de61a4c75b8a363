/**
 * Public services under the Law "On State Services" (LSS): the register (Art. 12), complaints about the quality of a
 * service (Art. 25), ratings by recipients and the figures per service and provider (Art. 28–29), and hidden public
 * services noticed in appeals (Art. 1(2-1), 12(3)). Complaints follow the pattern of the other case modules: one
 * transaction per step with the row lock and version check, stored deadlines with their explanation, hash-chained
 * case events ('service_complaint') and notices through the outbox; the lifecycle table
 * (src/law/lifecycles/service-complaint.ts) says what may happen. A complaint that is really against an
 * administrative act becomes an APC complaint through the complaints module's service (LSS 25(1); APC 91).
 */
import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Kysely, Transaction } from 'kysely';
import { computeDeadline, type Step as DeadlineStep } from '../../law/deadlines.ts';
import { almatyToday, isoDate, toAlmatyDay } from '../../law/dates.ts';
import type { Language, Localized } from '../../law/i18n.ts';
import { SERVICE_COMPLAINT, type ServiceComplaintState } from '../../law/lifecycles/service-complaint.ts';
import { actionsIn, transitionFor, type Actor } from '../../law/lifecycles/lifecycle.ts';
import { groundByCode } from '../../law/requirements.ts';
import {
  EXTENSION_GROUNDS,
  EXTENSION_MAX_WORKING_DAYS,
  HIDDEN_SERVICE_CITATION,
  QUALITY_METHOD,
  SERVICE_COMPLAINT_OUTCOMES,
  complaintTermId,
  mayExtend,
  type ComplaintAddressee,
} from '../../law/services.ts';
import { translator } from '../../platform/i18n.ts';
import { Problem, refuse, type FieldError } from '../../platform/problems.ts';
import type { Localized as DbLocalized, Schema } from '../../platform/schema.ts';
import type { ActingAs, AppealsService } from '../appeals/service.ts';
import { appendCaseEvent, caseEvents } from '../audit/case-events.ts';
import { audit } from '../audit/service.ts';
import { formatRegistrationNumber, type BodyRow, type BodyType, type OrganisationService } from '../bodies/service.ts';
import { findTerm, type CalendarService } from '../calendar/service.ts';
import type { ComplaintsService } from '../complaints/service.ts';
import { enqueueNotice, type NoticeInput } from '../notifications/service.ts';
import * as q from './queries.ts';

type Tx = Transaction<Schema>;
export const SERVICE_COMPLAINT_CASE = q.SERVICE_COMPLAINT_CASE;
export const REGISTER_FILE = fileURLToPath(new URL('../../../data/services/register.json', import.meta.url));
export type ServiceRow = NonNullable<Awaited<ReturnType<typeof q.serviceByCode>>>;
export type ServiceComplaintRow = NonNullable<Awaited<ReturnType<typeof q.complaint>>>;

export interface ServiceInput {
  code: string;
  name: Localized;
  providers: { bodyTypes?: string[] | undefined; bodyIds?: string[] | undefined };
  providerNote?: Localized | undefined;
  channels: string[];
  term: { amount: number; unit: string; note?: Localized | undefined };
  documents: { kk: string; ru: string; en: string; fromIs: boolean }[];
  fee: { free: boolean; mci?: number | undefined; note?: Localized | undefined };
  refusalGrounds: string[];
  refusalOther?: Localized[] | undefined;
  procedureAct: { title: Localized; number: string; date: string };
  result?: Localized | undefined;
  proactive: boolean;
  sociallySignificant: boolean;
  active?: boolean | undefined;
}

export interface ComplainantInput {
  kind: 'individual' | 'legal_entity';
  name: string;
  iin?: string | undefined;
  bin?: string | undefined;
  postalAddress?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
}

export interface ServiceComplaintIntake {
  serviceCode: string;
  addressee: ComplaintAddressee;
  bodyId?: string | undefined;
  providerBodyId?: string | undefined;
  subject: 'quality' | 'administrative_act';
  receiptRef?: string | undefined;
  appealId?: string | undefined;
  essence: string;
  demands?: string | undefined;
  complainant: ComplainantInput;
  language: Language;
  channel: 'paper' | 'electronic';
  applicantId?: string | undefined;
  receivedAt: Date;
}

export type ServiceComplaintAction =
  | { action: 'extend'; ground: string; days: number; reasons: string }
  | { action: 'decide'; outcome: string; reasons: string; measures?: string | undefined }
  | { action: 'route_to_apc'; challengedSummary: string; learnedOn?: string | undefined; actId?: string | undefined }
  | { action: 'withdraw' };

interface RegisterFile {
  authorities?: { quality?: { code: string; type: BodyType; name: Localized; registrationNumberFormat?: string } };
  services: (Omit<ServiceInput, 'providers'> & { providers: { bodyTypes?: string[]; bodies?: string[] }; refusalOther?: Localized[] })[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const invalid = (errors: FieldError[]) => new Problem(400, 'validation', {}, errors);
const nameIn = (name: unknown, lang: Language) => (name as Localized)[lang];
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

function searchText(input: { code: string; name: Localized }): string {
  return [input.code, input.name.kk, input.name.ru, input.name.en].join(' ').toLowerCase();
}

function recipientOf(row: { id: string; complainant: unknown; applicant_id: string | null; channel: string }): NoticeInput['recipient'] {
  const c = row.complainant as ComplainantInput;
  return {
    kind: 'participant',
    id: row.applicant_id ?? `service_complaint:${row.id}`,
    online: row.applicant_id !== null && row.channel === 'electronic',
    contacts: { ...(c.email ? { email: c.email } : {}), ...(c.phone ? { phone: c.phone.replace(/[^\d+]/g, '') } : {}), ...(c.postalAddress ? { postalAddress: c.postalAddress } : {}) },
  };
}

export class ServicesService {
  constructor(
    readonly db: Kysely<Schema>,
    readonly calendar: CalendarService,
    readonly organisation: OrganisationService,
    readonly appeals: AppealsService,
    readonly complaints: ComplaintsService,
    readonly now: () => Date = () => new Date(),
  ) {
    // a recompute after a calendar change moves the term in force with its stored deadline (unless extended)
    calendar.onDeadlinesMoved(async (trx, moved) => {
      for (const m of moved) {
        if (m.subjectType !== SERVICE_COMPLAINT_CASE || !m.term.startsWith('LSS-25.2')) continue;
        await trx.updateTable('service_complaint').set({ due: m.newDue, original_due: m.newDue }).where('id', '=', m.subjectId).where('extended_days', '=', 0).where('closed_at', 'is', null).execute();
      }
    });
  }

  today(): string {
    return almatyToday(this.now());
  }

  // ---------------------------------------------------------------- the register (Art. 12)

  async find(code: string): Promise<ServiceRow> {
    const row = /^\d{1,20}$/.test(code) ? await q.serviceByCode(this.db, code) : undefined;
    if (!row) throw new Problem(404, 'not_found');
    return row;
  }

  search(filter: { q?: string | undefined; channel?: string | undefined; page: number }) {
    return q.searchServices(this.db, { ...filter, activeOnly: true });
  }

  /** Bodies named as providers of these services, for the views. */
  async providerBodies(rows: readonly ServiceRow[]): Promise<Map<string, BodyRow>> {
    const ids = [...new Set(rows.flatMap((r) => r.provider_body_ids))];
    if (!ids.length) return new Map();
    return new Map((await this.organisation.bodies({ ids })).map((b) => [b.id, b]));
  }

  /** Does `body` provide the service: by its type, or named? */
  provides(service: ServiceRow, body: BodyRow): boolean {
    return service.provider_body_types.includes(body.type) || service.provider_body_ids.includes(body.id);
  }

  private async checkService(input: ServiceInput, db: q.Db = this.db): Promise<string[]> {
    const errors: FieldError[] = [];
    const types = input.providers.bodyTypes ?? [];
    const ids = [...new Set(input.providers.bodyIds ?? [])];
    if (!types.length && !ids.length) errors.push({ field: 'body.providers', code: 'required' });
    if (ids.length) {
      const found = new Set((await db.selectFrom('body').select('id').where('id', 'in', ids).execute()).map((b) => b.id));
      ids.forEach((id, i) => { if (!found.has(id)) errors.push({ field: `body.providers.bodyIds.${i}`, code: 'unknown_reference' }); });
    }
    // LSS 24(1)-(2), 14(3-1)(g): a paid service states its fee; a free one has none
    if (!input.fee.free && input.fee.mci === undefined) errors.push({ field: 'body.fee.mci', code: 'required' });
    if (input.fee.free && input.fee.mci !== undefined) errors.push({ field: 'body.fee.mci', code: 'fee_on_free_service' });
    // LSS 19-1(5): other grounds only as set by a law, named
    if (input.refusalGrounds.includes('other_law') && !(input.refusalOther ?? []).length) errors.push({ field: 'body.refusalOther', code: 'required' });
    if (new Set(input.channels).size !== input.channels.length) errors.push({ field: 'body.channels', code: 'duplicate_value' });
    if (errors.length) throw invalid(errors);
    return ids;
  }

  private values(input: ServiceInput, ids: string[]) {
    return {
      name: JSON.stringify(input.name),
      provider_body_types: input.providers.bodyTypes ?? [],
      provider_body_ids: ids,
      provider_note: input.providerNote ? JSON.stringify(input.providerNote) : null,
      channels: input.channels,
      term: JSON.stringify(input.term),
      documents: JSON.stringify(input.documents),
      fee: JSON.stringify(input.fee),
      refusal_grounds: input.refusalGrounds,
      refusal_other: JSON.stringify(input.refusalOther ?? []),
      procedure_act: JSON.stringify(input.procedureAct),
      result: input.result ? JSON.stringify(input.result) : null,
      proactive: input.proactive,
      socially_significant: input.sociallySignificant,
      active: input.active ?? true,
      search_text: searchText(input),
    };
  }

  async createService(input: ServiceInput, actor: string): Promise<ServiceRow> {
    return this.db.transaction().execute(async (trx) => {
      const ids = await this.checkService(input, trx);
      if (await q.serviceByCode(trx, input.code)) throw new Problem(409, 'duplicate', {}, [{ field: 'body.code', code: 'duplicate_value' }]);
      const row = await trx.insertInto('public_service').values({ code: input.code, ...this.values(input, ids) }).returningAll().executeTakeFirstOrThrow();
      await audit(trx, { actor, action: 'services.created', subjectType: 'public_service', subjectId: input.code, details: { citation: 'LSS 12' } });
      return row;
    });
  }

  async updateService(code: string, input: ServiceInput, actor: string): Promise<ServiceRow> {
    if (input.code !== code) throw invalid([{ field: 'body.code', code: 'invalid' }]);
    return this.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('public_service').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
      if (!before) throw new Problem(404, 'not_found');
      const ids = await this.checkService(input, trx);
      const row = await trx.updateTable('public_service').set({ ...this.values(input, ids), version: before.version + 1, updated_at: new Date() }).where('code', '=', code).returningAll().executeTakeFirstOrThrow();
      await audit(trx, { actor, action: 'services.changed', subjectType: 'public_service', subjectId: code, details: { citation: 'LSS 12', version: row.version } });
      return row;
    });
  }

  /**
   * Loads data/services/register.json into an empty register (the demo): the authorised body for quality
   * assessment is added to the organisation if missing, providers named by body code are resolved. Returns the
   * number of services loaded (0 when the register already has any).
   */
  async seedRegister(file = REGISTER_FILE, actor = 'system:demo'): Promise<number> {
    const data = JSON.parse(await fs.readFile(file, 'utf8')) as RegisterFile;
    return this.db.transaction().execute(async (trx) => {
      await q.lockRegisterSeed(trx);
      if ((await q.countServices(trx)) > 0) return 0;
      const quality = data.authorities?.quality;
      if (quality && !(await q.authority(trx, 'quality'))) {
        const existing = await trx.selectFrom('body').selectAll().where('code', '=', quality.code).executeTakeFirst();
        const body = existing ?? (await this.organisation.createBody({ code: quality.code, type: quality.type, name: quality.name, registrationNumberFormat: quality.registrationNumberFormat }, actor, trx));
        await q.setAuthority(trx, 'quality', body.id);
      }
      const codes = [...new Set(data.services.flatMap((s) => s.providers.bodies ?? []))];
      const byCode = new Map(codes.length ? (await trx.selectFrom('body').select(['id', 'code']).where('code', 'in', codes).execute()).map((b) => [b.code, b.id]) : []);
      for (const s of data.services) {
        const ids = (s.providers.bodies ?? []).map((c) => byCode.get(c)).filter((x): x is string => !!x);
        const input: ServiceInput = { ...s, providers: { bodyTypes: s.providers.bodyTypes ?? [], bodyIds: ids } };
        await trx.insertInto('public_service').values({ code: s.code, ...this.values(input, ids) }).execute();
      }
      await audit(trx, { actor, action: 'services.seeded', subjectType: 'public_service', subjectId: 'register', details: { services: data.services.length } });
      return data.services.length;
    });
  }

  /** The authorised body for assessment and control of quality (LSS 1(14)), if one is designated. */
  async qualityAuthority(): Promise<BodyRow | undefined> {
    const a = await q.authority(this.db, 'quality');
    return a ? this.organisation.body(a.body_id) : undefined;
  }

  async designateAuthority(role: 'quality' | 'register', bodyId: string, actor: string) {
    await this.organisation.body(bodyId, 'body.bodyId');
    await this.db.transaction().execute(async (trx) => {
      await q.setAuthority(trx, role, bodyId);
      await audit(trx, { actor, action: 'services.authority_designated', subjectType: 'public_service_authority', subjectId: role, details: { bodyId } });
    });
  }

  // ---------------------------------------------------------------- complaints (Art. 25)

  async findComplaint(id: string): Promise<ServiceComplaintRow> {
    const row = UUID.test(id) ? await q.complaint(this.db, id) : undefined;
    if (!row) throw new Problem(404, 'not_found');
    return row;
  }

  /** The body the complaint goes to and the provider it is about (LSS 25(2)); refuses what the law does not allow. */
  private async receiver(service: ServiceRow, input: ServiceComplaintIntake): Promise<{ body: BodyRow; providerId: string | null }> {
    const bodyOr400 = async (id: string, field: string) => {
      const found = (await this.organisation.bodies({ ids: [id] }))[0];
      if (!found) throw invalid([{ field, code: 'unknown_reference' }]);
      return found;
    };
    const provider = input.providerBodyId ? await bodyOr400(input.providerBodyId, 'body.providerBodyId') : undefined;
    if (provider && !this.provides(service, provider)) throw new Problem(422, 'not_a_provider', {}, [{ field: 'body.providerBodyId', code: 'not_a_provider' }], 'LSS 25(2)');
    switch (input.addressee) {
      case 'provider': {
        if (!input.bodyId) throw invalid([{ field: 'body.bodyId', code: 'required' }]);
        const body = await bodyOr400(input.bodyId, 'body.bodyId');
        if (!this.provides(service, body)) throw new Problem(422, 'not_a_provider', {}, [{ field: 'body.bodyId', code: 'not_a_provider' }], 'LSS 25(2)');
        if (provider && provider.id !== body.id) throw invalid([{ field: 'body.providerBodyId', code: 'invalid' }]);
        return { body, providerId: body.id };
      }
      case 'state_corporation': {
        const body = input.bodyId ? await bodyOr400(input.bodyId, 'body.bodyId') : (await this.organisation.bodies({ type: 'state_corporation' }))[0];
        if (!body || body.type !== 'state_corporation') throw new Problem(422, 'not_state_corporation', {}, [{ field: 'body.bodyId', code: 'not_state_corporation' }], 'LSS 25(2)');
        // "the State Corporation, directly providing public services": the service goes through it, or it provides it
        if (!service.channels.includes('state_corporation') && !this.provides(service, body)) throw new Problem(422, 'not_via_state_corporation', {}, [{ field: 'body.addressee', code: 'not_via_state_corporation' }], 'LSS 25(2)');
        return { body, providerId: provider?.id ?? (this.provides(service, body) ? body.id : null) };
      }
      case 'authorized_body': {
        const body = await this.qualityAuthority();
        if (!body) throw new Problem(409, 'no_quality_authority', {}, [], 'LSS 25(2)');
        if (input.bodyId && input.bodyId !== body.id) throw new Problem(422, 'not_quality_authority', {}, [{ field: 'body.bodyId', code: 'not_quality_authority' }], 'LSS 25(2)');
        return { body, providerId: provider?.id ?? null };
      }
    }
  }

  /**
   * Registration at the receiving body: the term of 25(2) runs from the registration date, 5 working days,
   * or 15 at the authorised body. A complaint on paper is answered in writing (25(4)), so its postal address is needed.
   */
  async fileComplaint(input: ServiceComplaintIntake, by: ActingAs): Promise<string> {
    const service = await q.serviceByCode(this.db, input.serviceCode);
    if (!service) throw invalid([{ field: 'body.serviceCode', code: 'unknown_reference' }]);
    if (input.channel === 'paper' && !input.complainant.postalAddress?.trim()) throw invalid([{ field: 'body.complainant.postalAddress', code: 'required' }]);
    if (input.receivedAt.getTime() > this.now().getTime()) throw invalid([{ field: 'body.receivedAt', code: 'date_in_future' }]);
    if (input.appealId) await this.appeals.find(input.appealId).catch(() => { throw invalid([{ field: 'body.appealId', code: 'unknown_reference' }]); });
    const { body, providerId } = await this.receiver(service, input);
    const receivedOn = isoDate(toAlmatyDay(input.receivedAt.toISOString())!);
    const registeredOn = this.today();
    const termId = complaintTermId(input.addressee);
    const id = await this.db.transaction().execute(async (trx) => {
      const seq = await q.nextRegistrationSeq(trx, body.id, Number(registeredOn.slice(0, 4)));
      const number = formatRegistrationNumber(body.registration_number_format, { code: body.code, date: registeredOn, seq });
      const placeholder = await trx
        .insertInto('service_complaint')
        .values({
          number, service_code: service.code, addressee: input.addressee, body_id: body.id, provider_body_id: providerId, state: 'registered', language: input.language,
          channel: input.channel, complainant: JSON.stringify(input.complainant), applicant_id: input.applicantId ?? null, subject: input.subject, receipt_ref: input.receiptRef ?? null,
          appeal_id: input.appealId ?? null, essence: input.essence, demands: input.demands ?? null, received_at: input.receivedAt, received_on: receivedOn, registered_on: registeredOn,
          term_id: termId, original_due: registeredOn, due: registeredOn,
        })
        .returning(['id'])
        .executeTakeFirstOrThrow();
      const due = await this.calendar.store(trx, { type: SERVICE_COMPLAINT_CASE, id: placeholder.id }, termId, registeredOn);
      const head = await appendCaseEvent(trx, { count: 0, hash: '' }, {
        caseType: SERVICE_COMPLAINT_CASE, caseId: placeholder.id, at: this.now(), actor: by.actor, action: 'registered', citation: due.citation, state: 'registered',
        details: { number, serviceCode: service.code, addressee: input.addressee, bodyId: body.id, providerBodyId: providerId, subject: input.subject, receivedOn, registeredOn, term: termId, due: due.due, extensionOpen: mayExtend(input.addressee, body.type) },
      });
      await trx.updateTable('service_complaint').set({ original_due: due.due, due: due.due, event_count: head.count, last_event_hash: head.hash }).where('id', '=', placeholder.id).execute();
      await enqueueNotice(trx, {
        type: 'service_complaint_registered', subject: { type: SERVICE_COMPLAINT_CASE, id: placeholder.id }, createdBy: by.actor, language: input.language,
        recipient: recipientOf({ id: placeholder.id, complainant: input.complainant, applicant_id: input.applicantId ?? null, channel: input.channel }),
        data: { registrationNumber: number, bodyName: nameIn(body.name, input.language), dueDate: due.due },
      });
      return placeholder.id;
    });
    return id;
  }

  /** The step `input.action` on a complaint, by `by`, decided on `version`. */
  async act(id: string, version: number, input: ServiceComplaintAction, by: ActingAs): Promise<void> {
    const seen = await this.findComplaint(id);
    const check = (row: ServiceComplaintRow) => {
      if (row.version !== version) throw new Problem(409, 'version_conflict', { current: row.version });
      const transition = transitionFor(SERVICE_COMPLAINT, row.state as ServiceComplaintState, input.action);
      if (!transition) {
        const any = SERVICE_COMPLAINT.transitions.find((t) => t.action === input.action);
        throw new Problem(409, 'illegal_transition', { action: input.action, state: row.state }, [], any?.citation);
      }
      if (!transition.actors.some((a) => by.actors.includes(a))) throw new Problem(403, 'not_your_step', { action: input.action }, [], transition.citation);
      return transition;
    };
    check(seen);
    const body = await this.organisation.body(seen.body_id);
    // LSS 25(1); APC 91: the APC complaint is filed first (the complaints module's own transaction), then this one closes
    let apc: { id: string; number: string } | undefined;
    if (input.action === 'route_to_apc') {
      const c = seen.complainant as ComplainantInput;
      const view = await this.complaints.intake(
        {
          ...(seen.appeal_id ? { appealId: seen.appeal_id } : { bodyId: seen.provider_body_id ?? seen.body_id }),
          actId: input.actId, challengedKind: 'act', challengedSummary: input.challengedSummary, circumstances: seen.essence, demands: seen.demands ?? undefined,
          complainant: { kind: c.kind, name: c.name, iin: c.iin, bin: c.bin, postalAddress: c.postalAddress, email: c.email, phone: c.phone },
          applicantId: seen.applicant_id ?? undefined, channel: seen.channel, language: seen.language, signed: seen.channel === 'paper', filedOn: seen.received_on,
          learnedOn: input.learnedOn, receivedAt: new Date(seen.received_at),
        },
        { actor: by.actor, actors: ['clerk'], officialId: by.officialId },
      );
      apc = { id: view.complaint.id, number: view.complaint.number };
    }
    await this.db.transaction().execute(async (trx) => {
      const row = await q.lockComplaint(trx, id);
      if (!row) throw new Problem(404, 'not_found');
      const transition = check(row);
      const step = new Step(this, trx, row, by, body, transition.to ?? row.state, transition.citation, input.action);
      await step.run(input, apc);
      await step.finish();
    });
  }

  /** The complaint: data, how its due date was counted, timeline, stored terms, and the actions open to these actors. */
  async view(id: string, actors: readonly Actor[], lang: Language) {
    const c = await this.findComplaint(id);
    const [events, deadlines, service] = await Promise.all([caseEvents(this.db, SERVICE_COMPLAINT_CASE, id), q.storedDeadlines(this.db, id), q.serviceByCode(this.db, c.service_code)]);
    const main = deadlines.find((d) => d.term_id === c.term_id);
    const lastExtension = events.filter((e) => e.action === 'extend').at(-1)?.details as { explanation?: DeadlineStep[] } | undefined;
    const steps: DeadlineStep[] = (lastExtension?.explanation ?? (main?.explanation as DeadlineStep[] | undefined)) ?? [];
    return {
      complaint: c,
      serviceName: service ? nameIn(service.name, lang) : c.service_code,
      overdue: this.isOverdue(c),
      dueExplanation: steps,
      dueTerm: lastExtension ? findTerm('LSS-25.4_extension') : findTerm(c.term_id),
      timeline: events.map((e) => ({ seq: e.seq, at: new Date(e.at).toISOString(), actor: e.actor, action: e.action, citation: e.citation, state: e.state, details: e.details as Record<string, unknown> })),
      deadlines: deadlines.map((d) => ({ term: d.term_id, from: d.from_date, due: d.due, open: d.open })),
      actions: actionsIn(SERVICE_COMPLAINT, c.state as ServiceComplaintState, actors).map((t) => ({ action: t.action, citation: t.citation })),
    };
  }

  /** Registered, and the due date has passed: visible as overdue (the term of 25(2), as extended under 25(4)). */
  isOverdue(c: { state: string; due: string; closed_at: unknown }): boolean {
    return c.state === 'registered' && !c.closed_at && this.today() > c.due;
  }

  listComplaints(filter: { bodyIds: 'all' | string[]; ownerId?: string | undefined; overdue?: boolean; state?: string | undefined }) {
    return q.listComplaints(this.db, { bodyIds: filter.bodyIds, ownerId: filter.ownerId, state: filter.state, ...(filter.overdue ? { overdueOn: this.today() } : {}) });
  }

  async serviceNames(codes: readonly string[]): Promise<Map<string, Localized>> {
    const unique = [...new Set(codes)];
    if (!unique.length) return new Map();
    const rows = await this.db.selectFrom('public_service').select(['code', 'name']).where('code', 'in', unique).execute();
    return new Map(rows.map((r) => [r.code, r.name as DbLocalized]));
  }

  // ---------------------------------------------------------------- quality (Art. 28–29)

  /** A recipient rates a service once per receipt (or per own complaint about it). */
  async rate(code: string, applicantId: string, input: { providerBodyId: string; score: number; comment?: string | undefined; receiptRef?: string | undefined; complaintId?: string | undefined }) {
    const service = await this.find(code);
    if (!input.receiptRef === !input.complaintId) throw invalid([{ field: 'body.receiptRef', code: input.receiptRef ? 'invalid' : 'required' }]);
    const provider = (await this.organisation.bodies({ ids: [input.providerBodyId] }))[0];
    if (!provider) throw invalid([{ field: 'body.providerBodyId', code: 'unknown_reference' }]);
    if (!this.provides(service, provider)) throw new Problem(422, 'not_a_provider', {}, [{ field: 'body.providerBodyId', code: 'not_a_provider' }], 'LSS 28');
    if (input.complaintId) {
      const c = UUID.test(input.complaintId) ? await q.complaint(this.db, input.complaintId) : undefined;
      if (!c || c.applicant_id !== applicantId || c.service_code !== code) throw invalid([{ field: 'body.complaintId', code: 'unknown_reference' }]);
    }
    const receiptKey = input.receiptRef ? `receipt:${input.receiptRef}` : `complaint:${input.complaintId}`;
    if (await q.ratingExists(this.db, applicantId, code, receiptKey)) throw new Problem(409, 'already_rated', {}, [], QUALITY_METHOD.citation);
    try {
      return await this.db
        .insertInto('service_rating')
        .values({ service_code: code, provider_body_id: provider.id, applicant_id: applicantId, receipt_ref: input.receiptRef ?? null, complaint_id: input.complaintId ?? null, receipt_key: receiptKey, score: input.score, comment: input.comment ?? null })
        .returningAll()
        .executeTakeFirstOrThrow();
    } catch (e) {
      if ((e as { code?: string }).code === '23505') throw new Problem(409, 'already_rated', {}, [], QUALITY_METHOD.citation);
      throw e;
    }
  }

  /**
   * Figures per service or per provider: ratings and complaints counted, shares per 100 ratings, and the table
   * ordered by the damped average (QUALITY_METHOD), so a handful of ratings cannot top it.
   */
  async quality(by: 'service' | 'provider', lang: Language, serviceCode?: string) {
    const [ratings, complaints] = await q.qualityCounts(this.db, by, serviceCode);
    const m = QUALITY_METHOD;
    const totalN = ratings.reduce((s, r) => s + Number(r.n), 0);
    const totalSum = ratings.reduce((s, r) => s + Number(r.total), 0);
    const overall = totalN ? totalSum / totalN : null;
    const keys = new Set([...ratings.map((r) => r.key), ...complaints.map((c) => c.key)]);
    const complaintsBy = new Map(complaints.map((c) => [c.key, Number(c.n)]));
    const ratingsBy = new Map(ratings.map((r) => [r.key, r]));
    const names = by === 'service' ? await this.serviceNames([...keys]) : new Map((await this.organisation.bodies({ ids: [...keys] })).map((b) => [b.id, b.name as Localized]));
    const rows = [...keys].map((key) => {
      const r = ratingsBy.get(key);
      const n = r ? Number(r.n) : 0;
      const total = r ? Number(r.total) : 0;
      const distribution = r ? [r.s1, r.s2, r.s3, r.s4, r.s5].map(Number) : [0, 0, 0, 0, 0];
      const satisfied = distribution.slice(m.satisfiedFrom - 1).reduce((s, x) => s + x, 0);
      const dissatisfied = distribution[0]! + distribution[1]!;
      const complaintCount = complaintsBy.get(key) ?? 0;
      return {
        serviceCode: by === 'service' ? key : (serviceCode ?? null),
        serviceName: by === 'service' ? (names.get(key)?.[lang] ?? null) : null,
        providerBodyId: by === 'provider' ? key : null,
        providerName: by === 'provider' ? (names.get(key)?.[lang] ?? null) : null,
        ratings: n,
        average: n ? round(total / n, 2) : null,
        damped: n && overall !== null ? round((m.priorWeight * overall + total) / (m.priorWeight + n), 2) : null,
        satisfiedPer100: n ? round((satisfied * m.per) / n, 1) : null,
        dissatisfiedPer100: n ? round((dissatisfied * m.per) / n, 1) : null,
        complaints: complaintCount,
        complaintsPer100Ratings: n ? round((complaintCount * m.per) / n, 1) : null,
        distribution,
        reliable: n >= m.minRatings,
      };
    });
    rows.sort((a, b) => (b.damped ?? -1) - (a.damped ?? -1) || b.ratings - a.ratings || String(a.serviceCode ?? a.providerBodyId).localeCompare(String(b.serviceCode ?? b.providerBodyId)));
    return { by, citation: m.citation, method: { priorWeight: m.priorWeight, minRatings: m.minRatings, satisfiedFrom: m.satisfiedFrom, per: m.per, overallAverage: overall === null ? null : round(overall, 2) }, rows };
  }

  // ---------------------------------------------------------------- hidden public services (Art. 1(2-1), 12(3))

  async flagHidden(input: { appealId: string; functionName: string; reason: string }, actor: string) {
    const appeal = await this.appeals.find(input.appealId);
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.insertInto('hidden_service_flag').values({ appeal_id: appeal.id, body_id: appeal.body_id, function_name: input.functionName, reason: input.reason, flagged_by: actor }).returningAll().executeTakeFirstOrThrow();
      await audit(trx, { actor, action: 'services.hidden_flagged', subjectType: 'hidden_service_flag', subjectId: row.id, details: { appealId: appeal.id, citation: HIDDEN_SERVICE_CITATION } });
      return row;
    });
  }

  hiddenFlags() {
    return q.hiddenFlags(this.db);
  }
}

/** One lifecycle step of a service complaint, in its transaction. */
class Step {
  private readonly patch: Partial<Record<keyof ServiceComplaintRow, unknown>> = {};
  private details: Record<string, unknown> = {};
  private readonly notices: (() => Promise<unknown>)[] = [];

  constructor(
    private readonly svc: ServicesService,
    private readonly trx: Tx,
    private readonly row: ServiceComplaintRow,
    private readonly by: ActingAs,
    private readonly body: BodyRow,
    private readonly state: string,
    private citation: string,
    private readonly action: string,
  ) {}

  private get lang() {
    return this.row.language;
  }

  private notify(type: NoticeInput['type'], data: Record<string, unknown>) {
    this.notices.push(() =>
      enqueueNotice(this.trx, {
        type, subject: { type: SERVICE_COMPLAINT_CASE, id: this.row.id }, recipient: recipientOf(this.row), language: this.lang, createdBy: this.by.actor,
        data: { registrationNumber: this.row.number, bodyName: nameIn(this.body.name, this.lang), ...data } as never,
      }),
    );
  }

  async run(input: ServiceComplaintAction, apc?: { id: string; number: string }): Promise<void> {
    const r = this.row;
    const today = this.svc.today();
    switch (input.action) {
      case 'extend': {
        // 25(4) names the authorised body, central and local bodies and akims; not the State Corporation or a non-state provider
        if (!mayExtend(r.addressee as ComplaintAddressee, this.body.type)) refuse(409, 'extension_not_allowed', 'LSS 25(4)');
        const ground = groundByCode(EXTENSION_GROUNDS, input.ground)!;
        const total = r.extended_days + input.days;
        if (total > EXTENSION_MAX_WORKING_DAYS) refuse(422, 'extension_too_long', 'LSS 25(4)', { max: EXTENSION_MAX_WORKING_DAYS, remaining: EXTENSION_MAX_WORKING_DAYS - r.extended_days }, 'body.days');
        if (today > r.due) refuse(409, 'service_term_expired', 'LSS 25(4)', { due: r.due });
        // the new due date: `total` working days after the original one, counted and explained like every term
        const { calendar } = await this.svc.calendar.current(this.trx);
        const extended = computeDeadline({ ...findTerm('LSS-25.4_extension'), amount: total }, r.original_due, calendar, this.svc.calendar.conventions());
        const notice = await this.svc.calendar.store(this.trx, { type: SERVICE_COMPLAINT_CASE, id: r.id }, 'LSS-25.4', today);
        this.citation = ground.citation;
        this.patch.due = extended.due;
        this.patch.extended_days = total;
        this.details = { ground: ground.code, days: input.days, totalDays: total, reasons: input.reasons, from: r.due, newDue: extended.due, explanation: extended.explanation, noticeBy: notice.due, extendedBy: this.by.officialId ?? null };
        this.notify('service_complaint_extended', { reason: `${ground.text[this.lang]}: ${input.reasons}`, newDueDate: extended.due });
        return;
      }
      case 'decide': {
        const outcome = groundByCode(SERVICE_COMPLAINT_OUTCOMES, input.outcome)!;
        if (outcome.code === 'satisfied' && !input.measures?.trim()) refuse(422, 'measures_required', 'LSS 5(2)(9)', {}, 'body.measures');
        this.citation = `${outcome.citation}; ${this.citation}`;
        this.patch.decision = JSON.stringify({ outcome: outcome.code, citation: outcome.citation, reasons: input.reasons, measures: input.measures ?? null, decidedOn: today, due: r.due, late: today > r.due, decidedBy: this.by.officialId ?? null });
        this.patch.decided_on = today;
        this.patch.closed_at = this.svc.now();
        this.details = { outcome: outcome.code, reasons: input.reasons, measures: input.measures, due: r.due, late: today > r.due };
        this.notify('service_complaint_decided', { outcome: outcome.text[this.lang], reasons: input.reasons });
        return;
      }
      case 'route_to_apc': {
        this.patch.apc_complaint_id = apc!.id;
        this.patch.closed_at = this.svc.now();
        this.patch.decision = JSON.stringify({ outcome: 'routed_to_apc', citation: this.citation, apcComplaintId: apc!.id, apcNumber: apc!.number, decidedOn: today });
        this.details = { apcComplaintId: apc!.id, apcNumber: apc!.number, challengedSummary: input.challengedSummary };
        this.notify('service_complaint_routed', { apcNumber: apc!.number });
        return;
      }
      case 'withdraw': {
        if (this.by.actors.includes('applicant') && !this.by.actors.includes('clerk') && this.by.applicantId !== r.applicant_id) refuse(403, 'not_the_applicant', this.citation);
        this.patch.closed_at = this.svc.now();
        this.details = { withdrawnOn: today };
        return;
      }
    }
  }

  async finish() {
    const r = this.row;
    const at = this.svc.now();
    const head = await appendCaseEvent(this.trx, { count: r.event_count, hash: r.last_event_hash }, {
      caseType: SERVICE_COMPLAINT_CASE, caseId: r.id, at, actor: this.by.actor, action: this.action, citation: this.citation, state: this.state, details: this.details,
    });
    for (const n of this.notices) await n();
    await this.trx
      .updateTable('service_complaint')
      .set({ ...(this.patch as object), state: this.state, version: r.version + 1, event_count: head.count, last_event_hash: head.hash, updated_at: at })
      .where('id', '=', r.id)
      .execute();
  }
}

/** The message of a complaint's last step, in the request language: the route to the APC path says so. */
export function stepMessage(c: ServiceComplaintRow, lang: Language): string | null {
  const t = translator(lang);
  const d = c.decision as { outcome?: string; apcNumber?: string } | null;
  if (c.state === 'routed_to_apc' && d?.apcNumber) return t('service.routed_to_apc', { number: d.apcNumber });
  if (c.state === 'registered' && c.subject === 'administrative_act') return t('service.act_hint');
  return null;
}

