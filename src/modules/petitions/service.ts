/**
 * Petitions (APC Chapter 12-1): submission, pre-support by fifty citizens, the petitions authority's check and
 * publication, six months of signing, the threshold, sending to the competent body or the return, and then
 * consideration with its duties and the first head's decision. Each step is one transaction on the locked
 * petition row with a hash-chained case event and its outbox notices; what may happen is the lifecycle table
 * (src/law/lifecycles/petition.ts), and every refusal cites its article.
 *
 * Signing is the hot path and does not lock the petition row: see `sign`.
 */
import { randomInt } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { almatyToday, toAlmatyDay, isoDate } from '../../law/dates.ts';
import type { Language, Localized } from '../../law/i18n.ts';
import { transitionFor, type Actor } from '../../law/lifecycles/lifecycle.ts';
import { PETITION, type PetitionState } from '../../law/lifecycles/petition.ts';
import {
  BODY_TYPE_COMPETENCE,
  CONSIDERATION_TERM,
  DEFAULT_RETURN_AS,
  FORBIDDEN_SUBJECTS,
  PRE_SUPPORT_SIGNATURES,
  PRE_SUPPORT_TERM,
  REJECTION_GROUNDS,
  THRESHOLDS,
  dutiesFor,
  needsPopulation,
  petitionThreshold,
  type Competence,
  type PetitionLevel,
} from '../../law/petitions.ts';
import { translator } from '../../platform/i18n.ts';
import { Problem, refuse } from '../../platform/problems.ts';
import type { Schema } from '../../platform/schema.ts';
import type { AppealsService } from '../appeals/service.ts';
import { appendCaseEvent, caseEvents } from '../audit/case-events.ts';
import type { BodyRow, OrganisationService } from '../bodies/service.ts';
import type { CalendarService } from '../calendar/service.ts';
import { enqueueNotice, type NoticeInput } from '../notifications/service.ts';
import type { PetitionAction } from './contract.ts';
import { signatureCount, signatureCounts } from './queries.ts';

type Tx = Transaction<Schema>;
export type PetitionRow = Awaited<ReturnType<PetitionsService['find']>>;

export const CASE_TYPE = 'petition';

/**
 * Shards of the signature counter (migrations/040_petitions.sql). 16 rows spread the row locks of concurrent
 * signers so that no single row becomes the queue; the count is their sum.
 */
export const COUNTER_SHARDS = 16;

export interface ActingAs {
  actor: string;
  actors: readonly Actor[];
  officialId?: string | undefined;
  applicantId?: string | undefined;
}

export interface SubmitInput {
  bodyId: string;
  language: Language;
  title: string;
  content: string;
  proposals: string;
  applicant: { name: string; iin: string; residence: string; email: string };
  applicantId?: string | undefined;
  representative?: { name: string; authority: string } | undefined;
  channel: 'electronic' | 'written';
}

export interface Signer {
  iin: string;
  name: string;
  form: 'electronic' | 'written';
  applicantId?: string | undefined;
}

const nameIn = (name: unknown, lang: Language) => (name as Localized)[lang];
const OPEN_FOR_SIGNING: readonly string[] = ['submitted', 'pre_supported', 'published'];

function recipientOf(row: { id: string; applicant: unknown; applicant_id: string | null }): NoticeInput['recipient'] {
  const a = row.applicant as SubmitInput['applicant'];
  return {
    kind: 'participant',
    id: row.applicant_id ?? `petition:${row.id}`,
    online: row.applicant_id !== null,
    contacts: { email: a.email, postalAddress: a.residence },
  };
}

export class PetitionsService {
  constructor(
    readonly db: Kysely<Schema>,
    readonly calendar: CalendarService,
    readonly organisation: OrganisationService,
    readonly appeals: AppealsService,
    readonly now: () => Date = () => new Date(),
  ) {}

  today(): string {
    return almatyToday(this.now());
  }

  async find(id: string) {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new Problem(404, 'not_found');
    const row = await this.db.selectFrom('petition').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new Problem(404, 'not_found');
    return row;
  }

  count(id: string): Promise<number> {
    return signatureCount(this.db, id);
  }

  counts(ids: readonly string[]): Promise<Map<string, number>> {
    return signatureCounts(this.db, ids);
  }

  /** APC 90-1(2), 90-2(1)–(2): a citizen files a petition to a body that can consider one; the pre-support window opens. */
  async submit(input: SubmitInput, by: ActingAs) {
    const body = await this.organisation.body(input.bodyId, 'body.bodyId');
    const competence = BODY_TYPE_COMPETENCE[body.type];
    if (!competence) throw new Problem(422, 'petition_body_not_competent', {}, [{ field: 'body.bodyId', code: 'petition_body_not_competent' }], 'APC 90-1(1), 90-2(2)(2)');
    const now = this.now();
    const today = almatyToday(now);
    return this.db.transaction().execute(async (trx) => {
      const preSupportBy = (await this.calendar.compute(PRE_SUPPORT_TERM[input.channel], today, undefined, trx)).due;
      const seq = await sql<{ n: string }>`select nextval('petition_number_seq')::text as n`.execute(trx);
      const number = `P-${today.slice(0, 4)}-${seq.rows[0]!.n.padStart(6, '0')}`;
      const row = await trx
        .insertInto('petition')
        .values({
          number, body_id: body.id, competence: competence.competence, level: competence.level, state: 'submitted', channel: input.channel, language: input.language,
          title: input.title, content: input.content, proposals: input.proposals, applicant: JSON.stringify(input.applicant), applicant_id: input.applicantId ?? null,
          representative: input.representative ? JSON.stringify(input.representative) : null, submitted_at: now, submitted_on: today, pre_support_by: preSupportBy,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.calendar.store(trx, { type: CASE_TYPE, id: row.id }, PRE_SUPPORT_TERM[input.channel], today);
      const head = await appendCaseEvent(trx, { count: 0, hash: '' }, {
        caseType: CASE_TYPE, caseId: row.id, at: now, actor: by.actor, action: 'submit', citation: 'APC 90-1(2), 90-2(1), 90-2(2)', state: 'submitted',
        details: { number, channel: input.channel, bodyId: body.id, competence: competence.competence, level: competence.level, preSupportBy, citizenDeclared: true },
      });
      return trx.updateTable('petition').set({ event_count: head.count, last_event_hash: head.hash }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
    });
  }

  /**
   * APC 90-3(1)–(2), 90-2(4)(1): a citizen joins. One signature per IIN: the primary key (petition_id, iin)
   * refuses the second, whatever the concurrency. The accepted signature adds one to a random shard of the
   * counter in the same transaction, so the count is exactly the number of rows, and concurrent signers do not
   * queue on one row. The petition row is only read, not locked: a state change racing with a signature lets
   * at most that signature in, which is harmless, while a lock would make the petition the hot row.
   * Returns the count after the signature, or throws 409 `already_signed`.
   */
  async sign(petitionId: string, signer: Signer): Promise<{ count: number }> {
    const p = await this.find(petitionId);
    const today = this.today();
    if (!OPEN_FOR_SIGNING.includes(p.state)) throw new Problem(409, 'signing_closed', { state: p.state }, [], 'APC 90-3(2)');
    if (p.state === 'published' && p.signing_ends_on && today > p.signing_ends_on) throw new Problem(409, 'signing_closed', { state: p.state }, [], 'APC 90-3(2)');
    if (p.state === 'submitted' && today > p.pre_support_by) throw new Problem(409, 'pre_support_over', { by: p.pre_support_by }, [], 'APC 90-2(4)(1)');
    const inserted = await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('petition_signature')
        .values({ petition_id: p.id, iin: signer.iin, name: signer.name, form: signer.form, applicant_id: signer.applicantId ?? null, citizen_declared: true, consent: true, signed_at: this.now() })
        .onConflict((oc) => oc.columns(['petition_id', 'iin']).doNothing())
        .returning('iin')
        .executeTakeFirst();
      if (!row) return false;
      await sql`insert into petition_signature_count (petition_id, shard, n) values (${p.id}, ${randomInt(COUNTER_SHARDS)}, 1)
        on conflict (petition_id, shard) do update set n = petition_signature_count.n + 1`.execute(trx);
      return true;
    });
    if (!inserted) throw new Problem(409, 'already_signed', {}, [], 'APC 90-3(1)');
    const count = await this.count(p.id);
    // read after our own commit: the signer whose commit made it fifty sees fifty (at least), so the step is never missed
    if (p.state === 'submitted' && count >= PRE_SUPPORT_SIGNATURES) await this.markPreSupported(p.id);
    return { count };
  }

  /** APC 90-2(4)(1), 90-2(5): fifty citizens have joined; the authority's 20-working-day check runs from that date. */
  async markPreSupported(id: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('petition').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
      if (row.state !== 'submitted') return false;
      const count = await signatureCount(trx, id);
      if (count < PRE_SUPPORT_SIGNATURES) return false;
      const today = this.today();
      const checkBy = (await this.calendar.compute('APC-90-2.5', today, undefined, trx)).due;
      await this.calendar.store(trx, { type: CASE_TYPE, id }, 'APC-90-2.5', today);
      const head = await appendCaseEvent(trx, { count: row.event_count, hash: row.last_event_hash }, {
        caseType: CASE_TYPE, caseId: id, at: this.now(), actor: 'system', action: 'pre_supported', citation: 'APC 90-2(4)(1), 90-2(5)', state: 'pre_supported',
        details: { signatures: count, on: today, checkBy, inTime: today <= row.pre_support_by },
      });
      await trx.updateTable('petition').set({ state: 'pre_supported', pre_supported_on: today, check_by: checkBy, version: row.version + 1, event_count: head.count, last_event_hash: head.hash, updated_at: this.now() }).where('id', '=', id).execute();
      return true;
    });
  }

  /** A step of the lifecycle by `by` on the version they saw. */
  async act(id: string, version: number, input: PetitionAction, by: ActingAs) {
    const seen = await this.find(id);
    const body = await this.organisation.body(seen.body_id);
    const complaintBody = body.complaint_body_id ? await this.organisation.body(body.complaint_body_id) : undefined;
    const count = await this.count(id);
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('petition').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
      if (row.version !== version) throw new Problem(409, 'version_conflict', { current: row.version });
      const transition = transitionFor(PETITION, row.state as PetitionState, input.action);
      if (!transition) {
        const any = PETITION.transitions.find((t) => t.action === input.action);
        throw new Problem(409, 'illegal_transition', { action: input.action, state: row.state }, [], any?.citation);
      }
      if (!transition.actors.some((a) => by.actors.includes(a))) throw new Problem(403, 'not_your_step', { action: input.action }, [], transition.citation);
      const step = new Step(this, trx, row, body, complaintBody, by, transition.citation, transition.to ?? row.state, count);
      await step.run(input);
      return step.finish(input.action);
    });
  }

  /** The petition for those who handle it: data, duties, stored terms and the timeline. */
  async view(id: string) {
    const p = await this.find(id);
    const events = await caseEvents(this.db, CASE_TYPE, id);
    return { petition: p, timeline: events.map((e) => ({ seq: e.seq, at: new Date(e.at).toISOString(), actor: e.actor, action: e.action, citation: e.citation, state: e.state, details: e.details as Record<string, unknown> })) };
  }

  /**
   * APC 90-3(5): six months after posting, a petition below the threshold is returned and forwarded to the
   * competent body as a proposal (simplified procedure). Run daily; a second run returns nothing twice.
   */
  async returnExpired(today = this.today()): Promise<string[]> {
    const due = await this.db.selectFrom('petition').select(['id']).where('state', '=', 'published').where('signing_ends_on', '<', today).execute();
    const done: string[] = [];
    for (const { id } of due) {
      const p = await this.find(id);
      const count = await this.count(id);
      if (p.threshold !== null && count >= p.threshold) continue; // supported: the authority sends it (90-4(1))
      await this.act(id, p.version, { action: 'return' }, { actor: 'system', actors: ['system'] });
      done.push(id);
    }
    return done;
  }
}

/** One step in its transaction: guards, the patch, the event and the notices. */
class Step {
  private readonly patch: Record<string, unknown> = {};
  private details: Record<string, unknown> = {};
  private readonly notices: (() => Promise<unknown>)[] = [];

  constructor(
    private readonly svc: PetitionsService,
    private readonly trx: Tx,
    private readonly row: PetitionRow,
    private readonly body: BodyRow,
    private readonly complaintBody: BodyRow | undefined,
    private readonly by: ActingAs,
    private citation: string,
    private state: string,
    private readonly count: number,
  ) {}

  private get today() {
    return this.svc.today();
  }

  private get lang(): Language {
    return this.row.language;
  }

  private notify(type: NoticeInput['type'], data: Record<string, unknown>) {
    this.notices.push(() =>
      enqueueNotice(this.trx, { type, subject: { type: CASE_TYPE, id: this.row.id }, recipient: recipientOf(this.row), language: this.lang, createdBy: this.by.actor, data: { petitionNumber: this.row.number, ...data } as never }),
    );
  }

  private async due(term: string, from: string) {
    await this.svc.calendar.store(this.trx, { type: CASE_TYPE, id: this.row.id }, term, from);
    return (await this.svc.calendar.compute(term, from, undefined, this.trx)).due;
  }

  async run(input: PetitionAction): Promise<void> {
    const r = this.row;
    const t = translator(this.lang);
    switch (input.action) {
      case 'reject': {
        if (input.grounds.includes('forbidden_subject') && !input.forbiddenSubjects?.length) refuse(422, 'forbidden_subject_required', 'APC 90-2(3)', {}, 'body.forbiddenSubjects');
        const subjects = (input.forbiddenSubjects ?? []).map((c) => FORBIDDEN_SUBJECTS.find((s) => s.code === c)!);
        const grounds = input.grounds.map((g) => REJECTION_GROUNDS.find((x) => x.code === g)!);
        this.citation = ['APC 90-2(6)', ...grounds.map((g) => g.citation), ...subjects.map((s) => s.citation)].join(', ');
        this.patch.closed_at = this.svc.now();
        this.details = { grounds: input.grounds, forbiddenSubjects: input.forbiddenSubjects, reasons: input.reasons, late: r.check_by ? this.today > r.check_by : false };
        this.notify('petition_rejected', { reasons: [...subjects.map((s) => `${s.text[this.lang]} (${s.citation})`), ...grounds.map((g) => `${t(`petition.ground.${g.code}`)} (${g.citation})`), input.reasons] });
        return;
      }
      case 'publish': {
        const competence = r.competence as Competence;
        if (needsPopulation(competence) && !input.population) refuse(422, 'population_required', THRESHOLDS[competence].citation, {}, 'body.population');
        const threshold = petitionThreshold(competence, input.population)!;
        this.patch.published_on = this.today;
        this.patch.population = input.population ?? null;
        this.patch.threshold = threshold.votes;
        this.patch.media_by = await this.due('APC-90-2.8', this.today);
        this.patch.signing_ends_on = await this.due('APC-90-3.2', this.today);
        this.details = { publishedOn: this.today, threshold: threshold.votes, thresholdCitation: threshold.citation, population: input.population, mediaBy: this.patch.media_by, signingEndsOn: this.patch.signing_ends_on, late: r.check_by ? this.today > r.check_by : false };
        this.notify('petition_published', { publishedOn: this.today });
        return;
      }
      case 'inform_media':
        this.details = { informedOn: input.informedOn, outlets: input.outlets, late: r.media_by ? input.informedOn > r.media_by : false };
        return;
      case 'send': {
        if (r.threshold === null || this.count < r.threshold) refuse(409, 'threshold_not_reached', 'APC 90-3(4), 90-4(1)', { count: this.count, threshold: r.threshold ?? 0 });
        this.patch.sent_on = this.today;
        this.patch.send_by = await this.due('APC-90-4.1', this.today);
        this.details = { signatures: this.count, threshold: r.threshold, toBodyId: r.body_id, sendBy: this.patch.send_by };
        this.notify('petition_sent', { sentTo: nameIn(this.body.name, this.lang), sentOn: this.today });
        return;
      }
      case 'return': {
        if (!r.signing_ends_on || this.today <= r.signing_ends_on) refuse(409, 'signing_window_open', 'APC 90-3(2), 90-3(5)', { until: r.signing_ends_on ?? '-' });
        if (r.threshold !== null && this.count >= r.threshold) refuse(409, 'threshold_reached', 'APC 90-3(4), 90-4(1)');
        const as = input.as ?? DEFAULT_RETURN_AS;
        const a = r.applicant as SubmitInput['applicant'];
        // APC 90-3(5) ¶2: considered at the competent body as a report, feedback or proposal (Chapter 12)
        const appealId = await this.svc.appeals.insertAppeal(this.trx, this.body, {
          bodyId: this.body.id, type: as, channel: 'electronic', language: this.lang, summary: r.title.slice(0, 300),
          essence: `${r.content}\n\n${r.proposals}`, applicant: { kind: 'individual', name: a.name, iin: a.iin, postalAddress: a.residence, email: a.email },
          applicantId: r.applicant_id ?? undefined, signed: true, receivedAt: this.svc.now(),
        }, { actor: this.by.actor, actors: ['system'] });
        this.patch.returned_appeal_id = appealId;
        this.patch.closed_at = this.svc.now();
        this.details = { signatures: this.count, threshold: r.threshold, as, appealId, bodyId: this.body.id };
        this.notify('petition_returned', { returnedOn: this.today, forwardedTo: nameIn(this.body.name, this.lang), forwardedAs: t(`petition.return_as.${as}`) });
        return;
      }
      case 'register': {
        this.patch.registered_on = this.today;
        this.patch.due = await this.due(CONSIDERATION_TERM[r.level as PetitionLevel], this.today);
        this.details = { registeredOn: this.today, due: this.patch.due, level: r.level };
        return;
      }
      case 'start_review':
        return;
      case 'record_duty': {
        const duty = dutiesFor(r.level as PetitionLevel).find((d) => d.code === input.duty);
        if (!duty) refuse(422, 'duty_not_for_level', 'APC 90-5(2)', { duty: input.duty }, 'body.duty');
        if (input.outcome === 'waived' && !duty.waivable) refuse(422, 'duty_not_waivable', duty.citation, { duty: input.duty }, 'body.outcome');
        if (input.on > this.today) refuse(422, 'date_in_future', duty.citation, {}, 'body.on');
        const duties = { ...(r.duties as Record<string, unknown>) };
        duties[input.duty] = { ...(duties[input.duty] as object | undefined), outcome: input.outcome, on: input.on, note: input.note };
        this.patch.duties = JSON.stringify(duties);
        this.citation = duty.citation;
        this.details = { duty: input.duty, outcome: input.outcome, on: input.on, note: input.note };
        return;
      }
      case 'schedule_discussion': {
        const day = isoDate(toAlmatyDay(input.at)!);
        const noticeBy = (await this.svc.calendar.compute('APC-90-5.2.2', day, undefined, this.trx)).due;
        // 90-5(2)(2): invitations and notices at least 3 working days before the discussion
        if (this.today > noticeBy) refuse(409, 'discussion_notice_late', 'APC 90-5(2)(2)', { noticeBy }, 'body.at');
        const duties = { ...(r.duties as Record<string, unknown>) };
        duties.public_discussion = { ...(duties.public_discussion as object | undefined), scheduledAt: input.at, place: input.place, noticeBy, noticedOn: this.today };
        this.patch.duties = JSON.stringify(duties);
        this.details = { at: input.at, place: input.place, noticeBy, noticedOn: this.today };
        this.notify('petition_discussion', { bodyName: nameIn(this.body.name, this.lang), discussionAt: new Date(input.at).toISOString(), place: input.place });
        return;
      }
      case 'decide': {
        // 90-6(1): the first head; an acting head holds the head's position for its dates (Regulation p.19)
        const missing = dutiesFor(r.level as PetitionLevel).filter((d) => !(d.code in (r.duties as Record<string, unknown>)) || !(r.duties as Record<string, { outcome?: string }>)[d.code]!.outcome);
        if (missing.length) refuse(409, 'duties_missing', 'APC 90-5(2)', { duties: missing.map((d) => `${d.code} (${d.citation})`).join(', ') });
        if (input.language !== 'kk' && input.language !== this.lang) refuse(422, 'decision_language', 'APC 90-6(2)', {}, 'body.language');
        const appealTo = this.complaintBody ? nameIn(this.complaintBody.name, this.lang) : t('appeal.court');
        this.patch.decided_on = this.today;
        this.patch.decision = JSON.stringify({ decision: input.decision, reasons: input.reasons, language: input.language, decidedBy: this.by.officialId, appealTo });
        this.patch.publish_decision_by = await this.due('APC-90-6.3', this.today);
        this.details = { decision: input.decision, language: input.language, publishBy: this.patch.publish_decision_by, late: r.due ? this.today > r.due : false, appealTo, officialStatementRequired: true };
        return;
      }
      case 'publish_decision':
        this.patch.closed_at = this.svc.now();
        this.details = { publishedOn: this.today, late: r.publish_decision_by ? this.today > r.publish_decision_by : false };
        return;
      case 'official_statement':
        if (input.madeOn > this.today) refuse(422, 'date_in_future', 'APC 90-6(3)', {}, 'body.madeOn');
        this.details = { madeOn: input.madeOn, text: input.text };
        return;
    }
  }

  async finish(action: string) {
    const r = this.row;
    const at = this.svc.now();
    const head = await appendCaseEvent(this.trx, { count: r.event_count, hash: r.last_event_hash }, { caseType: CASE_TYPE, caseId: r.id, at, actor: this.by.actor, action, citation: this.citation, state: this.state, details: this.details });
    for (const n of this.notices) await n();
    return this.trx
      .updateTable('petition')
      .set({ ...(this.patch as object), state: this.state, version: r.version + 1, event_count: head.count, last_event_hash: head.hash, updated_at: at })
      .where('id', '=', r.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }
}
