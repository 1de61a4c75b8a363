/**
 * Hearings and calendar feeds. A hearing (APC 73(1), 20(1)(4)) is a place and time on an appeal, set by the appeal's
 * own steps (modules/appeals), which invite the participant and write the `hearing` rows read here.
 * A calendar feed is a secret address a calendar application subscribes to (it cannot sign in): an official's or
 * an applicant's hearings, or their receptions, as iCalendar text from the receptions module's writer.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Language, Localized } from '../../law/i18n.ts';
import { translator } from '../../platform/i18n.ts';
import { Problem } from '../../platform/problems.ts';
import type { Schema } from '../../platform/schema.ts';
import type { AppealsService } from '../appeals/service.ts';
import type { OrganisationService } from '../bodies/service.ts';
import type { Principal } from '../identity/service.ts';
import { icalendar, type IcalEvent } from '../receptions/ical.ts';
import type { ReceptionsService } from '../receptions/service.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export class CalendarFeeds {
  constructor(
    readonly db: Kysely<Schema>,
    readonly appeals: AppealsService,
    readonly organisation: OrganisationService,
    readonly receptions: ReceptionsService,
    readonly now: () => Date = () => new Date(),
  ) {}

  hearingsOf(appealId: string) {
    return this.db.selectFrom('hearing').selectAll().where('appeal_id', '=', appealId).orderBy('starts_at').execute();
  }

  /** A new secret feed address for the principal; the secret is shown once. */
  async createFeed(principal: Principal, kind: 'hearings' | 'receptions') {
    const secret = `tyc_${randomBytes(24).toString('base64url')}`;
    const row = await this.db
      .insertInto('calendar_feed')
      .values({ principal_kind: principal.kind, principal_id: principal.id, kind, token_hash: sha256(secret) })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { row, secret };
  }

  async revokeFeed(principal: Principal, id: string) {
    const done = await this.db
      .updateTable('calendar_feed')
      .set({ revoked_at: this.now() })
      .where('id', '=', id)
      .where('principal_id', '=', principal.id)
      .where('revoked_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!done) throw new Problem(404, 'not_found');
    return done;
  }

  /** The iCalendar text of a feed by its secret; an unknown or revoked secret is a 404 (it reveals nothing). */
  async feed(secret: string, lang: Language): Promise<string> {
    const f = await this.db.selectFrom('calendar_feed').selectAll().where('token_hash', '=', sha256(secret)).where('revoked_at', 'is', null).executeTakeFirst();
    if (!f) throw new Problem(404, 'not_found');
    const t = translator(lang);
    const from = new Date(this.now().getTime() - 366 * 86_400_000);
    const to = new Date(this.now().getTime() + 366 * 86_400_000);
    const day = (d: Date) => new Date(d.getTime() + 5 * 3_600_000).toISOString().slice(0, 10);
    const events: IcalEvent[] = [];
    if (f.kind === 'hearings') {
      const column = f.principal_kind === 'official' ? 'official_id' : 'applicant_id';
      const rows = await this.db
        .selectFrom('hearing as h')
        .innerJoin('appeal as a', 'a.id', 'h.appeal_id')
        .innerJoin('body as b', 'b.id', 'h.body_id')
        .innerJoin('official as o', 'o.id', 'h.official_id')
        .select(['h.id', 'h.starts_at', 'h.ends_at', 'h.place', 'h.created_at', 'a.number', 'b.name as body_name', 'o.full_name'])
        .where(`h.${column}`, '=', f.principal_id)
        .where('h.cancelled_at', 'is', null)
        .where('h.starts_at', '>=', from)
        .where('h.starts_at', '<=', to)
        .orderBy('h.starts_at')
        .execute();
      for (const h of rows) {
        events.push({
          uid: `hearing-${h.id}@tynda`, start: new Date(h.starts_at), end: new Date(h.ends_at), stamp: new Date(h.created_at), location: h.place,
          summary: t('integrations.calendar.hearing_summary', { number: h.number }),
          description: t('integrations.calendar.hearing_description', { body: (h.body_name as Localized)[lang], official: h.full_name }),
        });
      }
      return icalendar(t('integrations.calendar.hearings_name'), events, '-//Tynda//Hearings//KK');
    }
    if (f.principal_kind === 'applicant') {
      for (const { booking, session } of await this.receptions.bookingsOf(f.principal_id)) {
        if (booking.state === 'cancelled') continue;
        const start = new Date(booking.slot_at);
        events.push({
          uid: `booking-${booking.id}@tynda`, start, end: new Date(start.getTime() + session.slot_minutes * 60_000), stamp: new Date(booking.created_at), location: session.place,
          summary: `${t('reception.event_summary')}: ${session.officialName}`, description: booking.topic,
        });
      }
    } else {
      const official = await this.organisation.official(f.principal_id);
      for (const s of await this.receptions.schedule({ officialId: f.principal_id, from: day(from), to: day(to) })) {
        events.push({ uid: `${s.id}@tynda`, start: new Date(s.starts_at), end: new Date(s.ends_at), stamp: new Date(s.created_at), location: s.place, summary: `${t('reception.event_summary')}: ${official.full_name}` });
      }
    }
    return icalendar(t('reception.calendar_name'), events);
  }
}
