/**
 * The half-year reminder for the analytical note (REG p.7(6), §6 A-21): once the reminder day after a half-year has
 * come (src/law/monitoring.ts), each official of an appeals-monitoring department (role `monitoring`, through a
 * position or a grant) gets ONE notice `analytical_note_due` for that half-year, unless an `analytical_note` report
 * run of their akimat (the apparatus counts as its akimat, as in the note itself) for that half-year exists already.
 * Run daily by the job `analytical-note-reminder`; safe to run any number of times a day.
 */
import type { Kysely } from 'kysely';
import { NOTE_CITATION, NOTE_SCHEDULE, noteReminderDue, type NoteSchedule } from '../../law/monitoring.ts';
import type { Localized, Schema } from '../../platform/schema.ts';
import { audit } from '../audit/service.ts';
import { roleHolders } from '../bodies/queries.ts';
import type { OrganisationService } from '../bodies/service.ts';
import { enqueueNotice } from '../notifications/service.ts';

export const NOTE_NOTICE = 'analytical_note_due' as const;

/** Officials holding the monitoring role today, by the body the role is anchored at. */
async function monitoringOfficials(db: Kysely<Schema>, today: string): Promise<Map<string, Set<string>>> {
  const bodies = new Map<string, Set<string>>();
  for (const r of await roleHolders(db, ['monitoring'], today)) {
    if (!bodies.has(r.body_id)) bodies.set(r.body_id, new Set());
    bodies.get(r.body_id)!.add(r.official_id);
  }
  return bodies;
}

export async function remindAnalyticalNote(db: Kysely<Schema>, organisation: OrganisationService, today: string, schedule: NoteSchedule = NOTE_SCHEDULE): Promise<{ notices: number }> {
  const due = noteReminderDue(today, schedule);
  if (!due) return { notices: 0 };
  // the note runs of this half-year, by the akimat they cover (read before any transaction: PGlite has one connection)
  const runs = await db.selectFrom('report_run').select(['body_id', 'params']).where('kind', '=', 'analytical_note').where('state', '<>', 'failed').execute();
  const covered = new Set<string>();
  for (const r of runs) {
    const p = r.params as { year?: number; half?: number };
    if (p.year === due.year && p.half === due.half) covered.add(await organisation.subtreeRoot(r.body_id));
  }
  let notices = 0;
  for (const [bodyId, officials] of await monitoringOfficials(db, today)) {
    if (covered.has(await organisation.subtreeRoot(bodyId))) continue;
    const body = await organisation.body(bodyId);
    await db.transaction().execute(async (trx) => {
      const sent = await trx.selectFrom('notice').select(['recipient_id', 'data']).where('type', '=', NOTE_NOTICE).where('subject_id', '=', bodyId).execute();
      const already = new Set(sent.filter((n) => (n.data as { periodFrom?: string }).periodFrom === due.from).map((n) => n.recipient_id));
      const recipients = [...officials].filter((o) => !already.has(o));
      for (const official of recipients) {
        await enqueueNotice(trx, {
          type: NOTE_NOTICE, subject: { type: 'body', id: bodyId }, recipient: { kind: 'official', id: official, online: true }, language: 'kk', createdBy: 'system',
          data: { bodyName: (body.name as Localized).kk, periodFrom: due.from, periodTo: due.to, dueDate: due.dueOn },
        });
      }
      if (recipients.length) {
        await audit(trx, { actor: 'system', action: 'monitoring.note_reminded', subjectType: 'body', subjectId: bodyId, details: { year: due.year, half: due.half, dueOn: due.dueOn, recipients: recipients.length, citation: NOTE_CITATION } });
      }
      notices += recipients.length;
    });
  }
  return { notices };
}
