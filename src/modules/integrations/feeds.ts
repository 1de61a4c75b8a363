/**
 * Hearings and calendar feeds. A hearing (APC 73(1), 20(1)(4)) is a place and time on an appeal; scheduling one
 * sends the participant the hearing invitation (a notice whose receipt is recorded) in the same transaction.
 * A calendar feed is a secret address a calendar application subscribes to (it cannot sign in): an official's or
 * an applicant's hearings, or their receptions, as iCalendar text from the receptions module's writer.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Language, Localized } from '../../law/i18n.ts';
import { translator } from '../../platform/i18n.ts';
import { Problem } from '../../platform/problems.ts';
import type { Schema } from '../../platform/schema.ts';
import type { AppealsService, ApplicantInput } from '../appeals/service.ts';
import type { OrganisationService } from '../bodies/service.ts';
import { actorId, type Principal } from '../identity/service.ts';
import { enqueueNotice } from '../notifications/service.ts';
import { icalendar, type IcalEvent } from '../receptions/ical.ts';
import type { ReceptionsService } from '../receptions/service.ts';

type AppealRow = Awaited<ReturnType<AppealsService['find']>>;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export class CalendarFeeds {
  constructor(
    readonly db: Kysely<Schema>,
    readonly appeals: AppealsService,
    readonly organisation: OrganisationService,
    readonly receptions: ReceptionsService,
    readonly now: () => Date = () => new Date(),
  ) {}

  /** Schedules a hearing and invites the participant (APC 73(1)); an anonymous appeal has nobody to invite. */
  async scheduleHearing(a: AppealRow, principal: Principal, input: { startsAt: string; minutes: number; place: string; officialId?: string | undefined }) {
    const officialId = input.officialId ?? principal.id;
    const official = await this.organisation.official(officialId, 'body.officialId');
    if (official.body_id !== a.body_id) throw new Problem(422, 'official_other_body', {}, [{ field: 'body.officialId', code: 'official_other_body' }], 'APC 73(1)');
    const startsAt = new Date(input.startsAt);
    if (startsAt.getTime() <= this.now().getTime()) throw new Problem(422, 'validation', {}, [{ field: 'body.startsAt', code: 'in_the_past' }]);
    const body = await this.organisation.body(a.body_id);
    const applicant = a.applicant as ApplicantInput;
    return this.db.transaction().execute(async (trx) => {
      const notice = a.anonymous
        ? undefined
        : await enqueueNotice(trx, {
            type: 'hearing_invitation', subject: { type: 'appeal', id: a.id }, language: a.language, createdBy: actorId(principal),
            recipient: {
              kind: 'participant', id: a.applicant_id ?? `appeal:${a.id}`, online: a.applicant_id !== null,
              contacts: { ...(applicant.email ? { email: applicant.email } : {}), ...(applicant.phone ? { phone: applicant.phone.replace(/[^\d+]/g, '') } : {}), ...(applicant.postalAddress ? { postalAddress: applicant.postalAddress } : {}) },
            },
            data: { registrationNumber: a.number, bodyName: (body.name as Localized)[a.language], hearingAt: startsAt.toISOString(), place: input.place },
          });
      return trx
        .insertInto('hearing')
        .values({
          appeal_id: a.id, body_id: a.body_id, official_id: officialId, applicant_id: a.applicant_id, starts_at: startsAt, ends_at: new Date(startsAt.getTime() + input.minutes * 60_000),
          place: input.place, notice_id: notice?.id ?? null, created_by: actorId(principal),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    });
  }

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
