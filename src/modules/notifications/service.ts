/**
 * Notifications with proof of delivery (APC 66, 81). Other modules call `enqueueNotice` inside the transaction
 * that changes a case: the notice, its text and its deliveries are written with the change or not at all (the
 * outbox). The worker (worker.ts) sends e-mail and SMS; the cabinet has the notice at once; a clerk prints the
 * registered letter and enters what the post office reports. `noticeHistory` says when the person was told what
 * and from which date the terms that run from receipt start.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { almatyToday } from '../../law/dates.ts';
import type { Language } from '../../law/i18n.ts';
import { TERMS } from '../../law/terms.ts';
import { Problem } from '../../platform/problems.ts';
import type { Schema } from '../../platform/schema.ts';
import type { CalendarService } from '../calendar/service.ts';
import { CATALOGUE, isNoticeType, type Channel, type NoticeSpec, type NoticeType } from './catalogue.ts';
import { chooseChannels, type Recipient } from './channels.ts';
import * as q from './queries.ts';
import { checkData, escapeHtml, formatDate, fullText, localCitation, renderNotice, requireText, type NoticeData } from './render.ts';

export type { Recipient } from './channels.ts';
export type { NoticeType } from './catalogue.ts';

/** A participant as a recipient: the cabinet when they have one, the contacts they gave, the channels they asked for. */
export function participantRecipient(id: string, online: boolean, person: { email?: string | undefined; phone?: string | undefined; postalAddress?: string | undefined; notifyBy?: Recipient['preferred'] }): Recipient {
  return {
    kind: 'participant',
    id,
    online,
    contacts: { ...(person.email ? { email: person.email } : {}), ...(person.phone ? { phone: person.phone.replace(/[^\d+]/g, '') } : {}), ...(person.postalAddress ? { postalAddress: person.postalAddress } : {}) },
    ...(person.notifyBy?.length ? { preferred: person.notifyBy } : {}),
  };
}

export interface NoticeInput {
  /** fix the id to make the caller's own retries idempotent; a second notice with the same id is not written */
  id?: string;
  type: NoticeType;
  /** the case the notice belongs to: { type: 'appeal', id: '...' } */
  subject: { type: string; id: string };
  recipient: Recipient;
  /** the language of the appeal (APC 22(2)(9)); for an official, the language of the workspace */
  language: Language;
  data: NoticeData;
  /** who caused the notice (user id or 'system') */
  createdBy: string;
}

export interface Enqueued {
  id: string;
  /** false when a notice with this id was written before (nothing new was written) */
  created: boolean;
  deliveries: { id: number; channel: Channel; status: string }[];
}

/**
 * Writes a notice and its deliveries in the caller's transaction. Refuses (Problem, so the caller's change rolls
 * back) when the data does not fit the catalogue or when a notice whose receipt must be recorded cannot reach
 * the person through a channel that records it.
 */
export async function enqueueNotice(trx: Transaction<Schema> | Kysely<Schema>, input: NoticeInput): Promise<Enqueued> {
  // the notice and its deliveries are one write even when the caller has no transaction of its own
  if (!trx.isTransaction) return trx.transaction().execute((t) => enqueueNotice(t, input));
  if (!isNoticeType(input.type)) throw new Error(`unknown notice type ${String(input.type)}`);
  const spec: NoticeSpec = CATALOGUE[input.type];
  if (spec.recipient !== input.recipient.kind) throw new Error(`notice ${input.type} is for a ${spec.recipient}, not a ${input.recipient.kind}`);
  const errors = checkData(input.type, input.data);
  if (errors.length) throw new Problem(400, 'notice_data_invalid', { type: input.type, fields: errors.map((e) => e.field.slice(5)).join(', ') }, errors);
  const channels = chooseChannels(spec, input.recipient);
  const text = renderNotice(input.type, input.language, input.data);
  const id = input.id ?? randomUUID();
  const created = await q.insertNotice(trx, {
    id,
    type: input.type,
    subjectType: input.subject.type,
    subjectId: input.subject.id,
    recipientKind: input.recipient.kind,
    recipientId: input.recipient.id,
    language: input.language,
    citation: spec.citation,
    recorded: spec.recorded,
    data: input.data,
    title: text.title,
    body: text.body,
    sms: text.sms,
    createdBy: input.createdBy,
  });
  if (!created) return { id, created, deliveries: [] };
  const deliveries = [];
  for (const c of channels) deliveries.push(await q.insertDelivery(trx, id, c.channel, c.address, input.createdBy));
  return { id, created, deliveries };
}

const TERM_BY_ID = new Map(TERMS.map((t) => [t.id, t]));
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

type DeliveryRow = Awaited<ReturnType<typeof q.deliveriesOf>>[number];

/** The civil date the person received the notice: the first proven receipt on a channel that records it. */
function receivedOn(deliveries: DeliveryRow[]): string | null {
  const dates = deliveries.map((d) => d.received_on).filter((d): d is string => d !== null).sort();
  return dates[0] ?? null;
}

function deliveryView(d: DeliveryRow) {
  return {
    id: d.id,
    channel: d.channel,
    address: d.address,
    status: d.status,
    attempts: d.attempts,
    queuedAt: iso(d.queued_at)!,
    sentAt: iso(d.sent_at),
    deliveredAt: iso(d.delivered_at),
    readAt: iso(d.read_at),
    failedAt: iso(d.failed_at),
    receivedOn: d.received_on,
    reference: d.provider_ref,
    refused: d.refused,
    lastError: d.last_error,
  };
}

export class NotificationService {
  constructor(
    private readonly db: Kysely<Schema>,
    private readonly calendar: CalendarService,
  ) {}

  /**
   * The terms a notice speaks of, with their dates: a date the caller computed, or, for a term that runs from
   * receipt of the notice (APC 73(3), 92(1), 136(1)), the date computed from the receipt once it is recorded.
   */
  private async terms(type: string, data: unknown, received: string | null) {
    if (!isNoticeType(type)) return [];
    const out = [];
    const spec: NoticeSpec = CATALOGUE[type];
    for (const term of spec.terms ?? []) {
      const citation = TERM_BY_ID.get(term.id)?.citation ?? term.id;
      if ('due' in term) out.push({ id: term.id, citation, from: null, due: String((data as Record<string, unknown>)[term.due]) });
      else out.push({ id: term.id, citation, from: received, due: received ? await this.dueOrNull(term.id, received) : null });
    }
    return out;
  }

  /** A date outside the kept calendar years leaves the due date open rather than failing the whole history. */
  private async dueOrNull(termId: string, from: string): Promise<string | null> {
    try {
      return (await this.calendar.compute(termId, from)).due;
    } catch (error) {
      if (error instanceof Problem) return null;
      throw error;
    }
  }

  /** When the person was told what, about one case. `notifiedAt`: first sent or placed; `receivedOn`: proven receipt. */
  async noticeHistory(subject: { type: string; id: string }) {
    const notices = await q.noticesOfSubject(this.db, subject.type, subject.id);
    const deliveries = await q.deliveriesOf(this.db, notices.map((n) => n.id));
    const out = [];
    for (const n of notices) {
      const own = deliveries.filter((d) => d.notice_id === n.id);
      const moments = own.flatMap((d) => [d.sent_at, d.delivered_at]).filter((x): x is Date => x !== null).map((x) => new Date(x).toISOString()).sort();
      const received = receivedOn(own);
      out.push({
        id: n.id,
        type: n.type,
        citation: n.citation,
        recorded: n.recorded,
        recipient: { kind: n.recipient_kind, id: n.recipient_id },
        language: n.language,
        title: n.title,
        createdAt: iso(n.created_at)!,
        notifiedAt: moments[0] ?? null,
        receivedOn: received,
        terms: await this.terms(n.type, n.data, received),
        deliveries: own.map(deliveryView),
      });
    }
    return out;
  }

  /** The person's cabinet: notices newest first, with the terms that run from their receipt. */
  async cabinet(recipientId: string, filter: { unreadOnly?: boolean; noticeId?: string } = {}) {
    const rows = await q.noticesOfRecipient(this.db, recipientId, filter);
    const out = [];
    for (const r of rows) {
      out.push({
        id: r.id,
        type: r.type,
        subject: { type: r.subject_type, id: r.subject_id },
        language: r.language,
        citation: r.citation,
        title: r.title,
        body: r.body,
        status: r.status,
        deliveredAt: iso(r.delivered_at)!,
        readAt: iso(r.read_at),
        receivedOn: r.received_on,
        terms: await this.terms(r.type, r.data, r.received_on),
      });
    }
    return out;
  }

  /** The person opens a notice in the cabinet: the first opening is recorded as its receipt. */
  async markRead(recipientId: string, noticeId: string, actor: string) {
    if (!(await q.markCabinetRead(this.db, recipientId, noticeId, actor))) throw new Problem(404, 'notice_not_found');
    return (await this.cabinet(recipientId, { noticeId }))[0]!;
  }

  /** Registered letters waiting to be printed ('queued'), on their way ('sent'), delivered or refused. */
  async postQueue(status: 'queued' | 'sent' | 'delivered' | 'failed') {
    const rows = await q.postDeliveries(this.db, status);
    return rows.map((r) => ({
      deliveryId: r.id,
      noticeId: r.notice_id,
      type: r.type,
      subject: { type: r.subject_type, id: r.subject_id },
      language: r.language,
      status: r.status,
      queuedAt: iso(r.queued_at)!,
      sentAt: iso(r.sent_at),
      trackingNumber: r.provider_ref,
    }));
  }

  /** The clerk enters the tracking number and dispatch date, then the date on the acknowledgement of delivery. */
  async recordPost(deliveryId: number, record: q.PostRecord, actor: string, now = new Date()) {
    const current = await q.delivery(this.db, deliveryId);
    if (!current) throw new Problem(404, 'delivery_not_found');
    if (current.channel !== 'post') throw new Problem(409, 'not_a_post_delivery');
    const today = almatyToday(now);
    const sentOn = record.sentOn ?? (current.sent_at ? almatyToday(new Date(current.sent_at)) : today);
    const errors = [
      ...(sentOn > today ? [{ field: 'body.sentOn', code: 'invalid_date' }] : []),
      ...(record.deliveredOn !== undefined && (record.deliveredOn < sentOn || record.deliveredOn > today) ? [{ field: 'body.deliveredOn', code: 'invalid_date' }] : []),
    ];
    if (errors.length) throw new Problem(400, 'post_dates_inconsistent', {}, errors);
    await q.recordPost(this.db, deliveryId, record, actor);
    return deliveryView((await q.delivery(this.db, deliveryId))!);
  }

  /**
   * The registered letter as a printable HTML page in the language of the notice: addressee, text, number and
   * legal basis, tracking number, and the acknowledgement-of-delivery slip the courier fills in (APC 66(2), 66(5)).
   */
  async letter(noticeId: string): Promise<string> {
    const n = await q.notice(this.db, noticeId);
    const post = n ? (await q.deliveriesOf(this.db, [n.id])).find((d) => d.channel === 'post') : undefined;
    if (!n || !post) throw new Problem(404, 'notice_not_found');
    const lang = n.language;
    const t = (key: string) => escapeHtml(requireText(`notice.letter.${key}`, lang));
    const lines = (text: string) => escapeHtml(text).replace(/\n/g, '<br>');
    const from = (n.data as Record<string, unknown>).bodyName ?? (n.data as Record<string, unknown>).reviewBody;
    const text = fullText(n, false);
    return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(n.title)}</title>
<style>
  body { font: 12pt/1.45 "DejaVu Sans", Arial, sans-serif; max-width: 180mm; margin: 15mm auto; color: #000; }
  header { display: flex; justify-content: space-between; gap: 10mm; border-bottom: 1px solid #000; padding-bottom: 4mm; }
  h1 { font-size: 14pt; margin: 8mm 0 4mm; }
  .slip { margin-top: 12mm; border: 1px dashed #000; padding: 4mm; break-inside: avoid; }
  .line { border-bottom: 1px solid #000; min-height: 8mm; margin-bottom: 2mm; }
  @media print { body { margin: 0 auto; } }
</style>
</head>
<body>
<header>
  <div><strong>${t('kind')}</strong><br>${t('date')}: ${escapeHtml(formatDate(almatyToday(new Date(n.created_at)), lang))}<br>${t('tracking')}: ${escapeHtml(post.provider_ref ?? '')}</div>
  <div>${from ? `${t('from')}: ${escapeHtml(String(from))}<br>` : ''}${t('to')}:<br><strong>${lines(post.address ?? '')}</strong></div>
</header>
<h1>${escapeHtml(n.title)}</h1>
<p>${lines(text).replace(/(<br>){2,}/g, '</p><p>')}</p>
<section class="slip">
  <strong>${t('receipt_title')}</strong> — ${escapeHtml(localCitation('APC 66(2)', lang))}<br>
  № ${escapeHtml(n.id)} · ${escapeHtml(n.title)}
  <p>${t('received_by')}</p><div class="line"></div>
  <p>${t('received_on')}</p><div class="line"></div>
  <p>${t('refused')}</p><div class="line"></div>
</section>
</body>
</html>
`;
  }
}
