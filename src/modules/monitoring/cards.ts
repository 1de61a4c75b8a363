/**
 * Cards of problem issues (REG p.7(2), D-7.2, AT-36): one topic in one district over a period, with the appeals
 * behind it, the volume a year before and the bodies involved. Written by the content analysis (formCards) or for
 * one topic and district (upsertCard); the department then records measures and status (service.ts).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { Problem } from '../../platform/problems.ts';
import type { Schema } from '../../platform/schema.ts';
import { isProblem, yearBefore } from './method.ts';
import * as q from './queries.ts';

export interface CardInput {
  territoryId: string;
  topicId: string;
  from: string;
  to: string;
}

/**
 * Creates the card of a topic in a district for a period, or brings it up to date: links every appeal of the
 * district's bodies in scope on the topic received in the period, with the volume a year before and the bodies.
 */
export async function upsertCard(db: Kysely<Schema>, scope: q.Filter['bodies'], input: CardInput, actor: string, now: Date) {
  if (input.to < input.from) throw new Problem(400, 'validation', {}, [{ field: 'body.to', code: 'before_start' }]);
  const territory = await db.selectFrom('territory').select('id').where('id', '=', input.territoryId).executeTakeFirst();
  if (!territory) throw new Problem(400, 'validation', {}, [{ field: 'body.territoryId', code: 'unknown_reference' }]);
  const topic = await db.selectFrom('topic').select('id').where('id', '=', input.topicId).executeTakeFirst();
  if (!topic) throw new Problem(400, 'validation', {}, [{ field: 'body.topicId', code: 'unknown_reference' }]);
  return db.transaction().execute((trx) => writeCard(trx, scope, input, actor, now));
}

async function writeCard(trx: Transaction<Schema>, scope: q.Filter['bodies'], input: CardInput, actor: string, now: Date) {
  const f: q.Filter = { bodies: scope, from: input.from, to: input.to, territoryId: input.territoryId, topicId: input.topicId };
  const found = await trx.selectFrom('problem_card').selectAll().where('territory_id', '=', input.territoryId).where('topic_id', '=', input.topicId)
    .where('period_from', '=', input.from).where('period_to', '=', input.to).forUpdate().executeTakeFirst();
  const card = found ?? (await trx.insertInto('problem_card').values({ territory_id: input.territoryId, topic_id: input.topicId, period_from: input.from, period_to: input.to, created_by: actor, created_at: now, updated_at: now }).returningAll().executeTakeFirstOrThrow());
  await trx.deleteFrom('problem_card_appeal').where('card_id', '=', card.id).execute();
  await sql`insert into problem_card_appeal (card_id, appeal_id) select ${card.id}::uuid, a.id from appeal a join body b on b.id = a.body_id where ${q.where(f)}`.execute(trx);
  const { rows: [stats] } = await sql<{ volume: number; bodies: string[] | null }>`
    select count(*)::int as volume, array_agg(distinct a.body_id) as bodies from problem_card_appeal l join appeal a on a.id = l.appeal_id where l.card_id = ${card.id}::uuid`.execute(trx);
  const { rows: [prev] } = await sql<{ n: number }>`select count(*)::int as n from appeal a join body b on b.id = a.body_id where ${q.where({ ...f, from: yearBefore(f.from), to: yearBefore(f.to) })}`.execute(trx);
  const volume = stats!.volume;
  const bodyIds = (stats!.bodies ?? []).sort();
  if (!found || found.volume !== volume || found.previous_volume !== prev!.n) {
    await trx.updateTable('problem_card').set({ volume, previous_volume: prev!.n, body_ids: sql`${bodyIds}::uuid[]`, updated_at: now, version: (found?.version ?? 1) + (found ? 1 : 0) }).where('id', '=', card.id).execute();
    await trx.insertInto('problem_card_event').values({ card_id: card.id, at: now, actor, action: found ? 'refreshed' : 'created', details: JSON.stringify({ volume, previousVolume: prev!.n, from: found?.volume ?? null }) }).execute();
  }
  return { id: card.id, created: !found };
}

/** The content analysis forms the cards: every topic of a district that is rising with at least RISING_METHOD.cardVolume appeals. */
export async function formCards(db: Kysely<Schema>, scope: q.Filter['bodies'], from: string, to: string, actor: string, now: Date) {
  return db.transaction().execute(async (trx) => {
    const rows = await q.districtTopics(trx, { bodies: scope, from, to });
    const before = new Map((await q.districtTopics(trx, { bodies: scope, from: yearBefore(from), to: yearBefore(to) })).map((r) => [`${r.territoryId}|${r.topicId}`, r.n]));
    const out: { id: string; created: boolean }[] = [];
    for (const r of rows.filter((x) => isProblem(x.n, before.get(`${x.territoryId}|${x.topicId}`) ?? 0))) out.push(await writeCard(trx, scope, { territoryId: r.territoryId, topicId: r.topicId, from, to }, actor, now));
    return out;
  });
}
