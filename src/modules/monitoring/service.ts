/**
 * Monitoring of appeals by the appeals-monitoring department (Standard Regulation No. 560, REG p.5(3)–(5), 5(9),
 * 7(1)–(2), 9(2)): dashboards over the subordinate bodies with drill-down to the cases, fair indicators, returns for
 * rework, rising topics per district and the cards of problem issues. docs/monitoring.md defines every figure.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import { almatyToday, dayNumber, isoDate } from '../../law/dates.ts';
import type { Language } from '../../law/i18n.ts';
import { translator } from '../../platform/i18n.ts';
import { Problem } from '../../platform/problems.ts';
import type { Localized, ProblemCardTable, Schema } from '../../platform/schema.ts';
import type { OrganisationService } from '../bodies/service.ts';
import type { CalendarService } from '../calendar/service.ts';
import { RISING_METHOD, fairIndicators, growth, isProblem, isRising, yearBefore, type FairRow } from './method.ts';
import { formCards, upsertCard, type CardInput } from './cards.ts';
import * as q from './queries.ts';
import { remindAnalyticalNote } from './reminder.ts';
import type { NoteSchedule } from '../../law/monitoring.ts';

export type { Figure, Filter, GroupBy } from './queries.ts';
export type CardStatus = 'open' | 'in_progress' | 'resolved';
export type Scoped = Omit<q.Filter, 'bodies'>;

export class MonitoringService {
  constructor(
    readonly db: Kysely<Schema>,
    readonly organisation: OrganisationService,
    readonly calendar: CalendarService,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  today(): string {
    return almatyToday(this.clock());
  }

  /** The daily half-year reminder for the analytical note (REG p.7(6), §6 A-21; reminder.ts). */
  remindAnalyticalNote(schedule?: NoteSchedule) {
    return remindAnalyticalNote(this.db, this.organisation, this.today(), schedule);
  }

  /** Today and the last day of "due soon" (3 working days ahead, as the worklists count it). */
  async asOf(): Promise<q.Today> {
    const today = this.today();
    const { calendar } = await this.calendar.current();
    return { today, soon: isoDate(calendar.addWorkingDays(dayNumber(today), 3)) };
  }

  /** Names of everything a figure can be grouped by, in one language. */
  async labels(lang: Language): Promise<(by: q.GroupBy, key: string) => string> {
    const [bodies, territories, topics] = await Promise.all([
      this.db.selectFrom('body').select(['id', 'name']).execute(),
      this.db.selectFrom('territory').select(['id', 'name']).execute(),
      this.db.selectFrom('topic').select(['id', 'name']).execute(),
    ]);
    const names = new Map<string, string>();
    for (const r of [...bodies, ...territories, ...topics]) names.set(r.id, (r.name as Localized)[lang]);
    const t = translator(lang);
    const officials = new Map<string, string>();
    return (by, key) => {
      if (key === '') return t(by === 'executor' ? 'monitoring.unassigned' : 'monitoring.none');
      if (by === 'channel') return t(`monitoring.channel.${key}`, { defaultValue: key });
      if (by === 'month') return key;
      if (by === 'executor') return officials.get(key) ?? key;
      return names.get(key) ?? key;
    };
  }

  private async officialNames(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await this.db.selectFrom('official').select(['id', 'full_name']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.full_name]));
  }

  private async labelled<T extends { key: string }>(rows: T[], by: q.GroupBy, lang: Language): Promise<(T & { label: string })[]> {
    const label = await this.labels(lang);
    const officials = by === 'executor' ? await this.officialNames(rows.map((r) => r.key).filter(Boolean)) : new Map<string, string>();
    return rows.map((r) => ({ ...r, label: officials.get(r.key) ?? label(by, r.key) }));
  }

  /** The figures in total and per group (REG p.5(3), 5(9)). */
  async dashboard(f: q.Filter, by: q.GroupBy, lang: Language) {
    const t = await this.asOf();
    const [totals, groups] = await Promise.all([q.figures(this.db, f, t), q.figures(this.db, f, t, by)]);
    return { asOf: t.today, dueSoonUntil: t.soon, groupBy: by, totals, groups: await this.labelled(groups, by, lang) };
  }

  /** The cases that make up one figure (the drill-down). */
  async cases(f: q.Filter, figure: q.Figure, page: number, pageSize: number, lang: Language) {
    const t = await this.asOf();
    const res = await q.cases(this.db, f, t, figure, page, pageSize);
    const label = await this.labels(lang);
    return { ...res, items: res.items.map((c) => ({ ...c, bodyName: label('body', c.bodyId), topicName: c.topicId ? label('topic', c.topicId) : null })) };
  }

  /** Fair indicators beside raw counts (FAIR_METHOD): late per 1,000, expected late by topic mix, damped ratio. */
  async fair(f: q.Filter, by: 'body' | 'district' | 'executor', lang: Language): Promise<{ by: string; overallPer1000: number | null; rows: (FairRow & { label: string })[] }> {
    const t = await this.asOf();
    const { rows, overallPer1000 } = fairIndicators(await q.caseMix(this.db, f, t, by));
    return { by, overallPer1000, rows: await this.labelled(rows, by, lang) };
  }

  /** Returns for rework per body and executor (REG p.5(5), 9(2)). */
  async returns(f: q.Filter, lang: Language) {
    const label = await this.labels(lang);
    return (await q.returnsByExecutor(this.db, f)).map((r) => ({ ...r, bodyName: label('body', r.bodyId) }));
  }

  /**
   * Content analysis (REG p.7(1)): every (district, topic) with its volume now and in the same period a year
   * before, growth against the minimum base, and whether it is rising (RISING_METHOD); rising ones first.
   */
  async topicsByDistrict(f: q.Filter, lang: Language) {
    const before = { ...f, from: yearBefore(f.from), to: yearBefore(f.to) };
    const [now, then] = await Promise.all([q.districtTopics(this.db, f), q.districtTopics(this.db, before)]);
    const prev = new Map(then.map((r) => [`${r.territoryId}|${r.topicId}`, r.n]));
    const label = await this.labels(lang);
    const rows = now.map((r) => {
      const previous = prev.get(`${r.territoryId}|${r.topicId}`) ?? 0;
      return {
        territoryId: r.territoryId, territoryName: label('district', r.territoryId), topicId: r.topicId, topicName: label('topic', r.topicId),
        volume: r.n, previous, growth: growth(r.n, previous), rising: isRising(r.n, previous), problem: isProblem(r.n, previous),
      };
    });
    rows.sort((a, b) => Number(b.rising) - Number(a.rising) || b.growth - a.growth || b.volume - a.volume || a.territoryName.localeCompare(b.territoryName));
    return { from: f.from, to: f.to, comparedFrom: before.from, comparedTo: before.to, method: RISING_METHOD, rows };
  }

  // ---- cards of problem issues (REG p.7(2), AT-36) ----

  /** Creates or brings up to date the card of a topic in a district for a period (cards.ts). */
  upsertCard(scope: q.Filter['bodies'], input: CardInput, actor: string) {
    return upsertCard(this.db, scope, input, actor, this.clock());
  }

  /** The content analysis forms the cards of the period (cards.ts). */
  refreshCards(scope: q.Filter['bodies'], from: string, to: string, actor: string) {
    return formCards(this.db, scope, from, to, actor, this.clock());
  }

  /** Cards whose district has a body in scope (optionally of one period or district), with examples. */
  async cards(scope: q.Filter['bodies'], lang: Language, filter: { from?: string | undefined; to?: string | undefined; territoryId?: string | undefined } = {}) {
    let query = this.db.selectFrom('problem_card').selectAll();
    if (scope !== 'all') query = query.where('territory_id', 'in', scope.length ? this.db.selectFrom('body').select('territory_id').where('id', 'in', [...scope]).where('territory_id', 'is not', null).$narrowType<{ territory_id: string }>() : this.db.selectFrom('body').select('territory_id').where(sql<boolean>`false`).$narrowType<{ territory_id: string }>());
    if (filter.from) query = query.where('period_from', '>=', filter.from);
    if (filter.to) query = query.where('period_to', '<=', filter.to);
    if (filter.territoryId) query = query.where('territory_id', '=', filter.territoryId);
    const rows = await query.orderBy('volume', 'desc').orderBy('period_from', 'desc').execute();
    const label = await this.labels(lang);
    const out = [];
    for (const c of rows) out.push(await this.view(c, label, 3));
    return out;
  }

  async card(id: string, lang: Language) {
    const c = await this.db.selectFrom('problem_card').selectAll().where('id', '=', id).executeTakeFirst();
    if (!c) throw new Problem(404, 'not_found', {}, [{ field: 'params.id', code: 'not_found' }]);
    const view = await this.view(c, await this.labels(lang), 10_000);
    const history = await this.db.selectFrom('problem_card_event').select(['at', 'actor', 'action', 'details']).where('card_id', '=', id).orderBy('id').execute();
    return { ...view, history: history.map((h) => ({ at: new Date(h.at).toISOString(), actor: h.actor, action: h.action, details: h.details as Record<string, unknown> })) };
  }

  async cardRow(id: string) {
    const c = await this.db.selectFrom('problem_card').selectAll().where('id', '=', id).executeTakeFirst();
    if (!c) throw new Problem(404, 'not_found', {}, [{ field: 'params.id', code: 'not_found' }]);
    return c;
  }

  /** The department records measures taken and moves the card's status (REG p.7(2)); the version guards concurrent edits. */
  async updateCard(id: string, input: { version: number; measures?: string | undefined; status?: CardStatus | undefined }, actor: string) {
    return this.db.transaction().execute(async (trx) => {
      const c = await trx.selectFrom('problem_card').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!c) throw new Problem(404, 'not_found', {}, [{ field: 'params.id', code: 'not_found' }]);
      if (c.version !== input.version) throw new Problem(409, 'version_conflict', { current: c.version });
      const now = this.clock();
      const patch: { measures?: string; status?: CardStatus } = {};
      if (input.measures !== undefined && input.measures !== c.measures) patch.measures = input.measures;
      if (input.status !== undefined && input.status !== c.status) patch.status = input.status;
      if (!Object.keys(patch).length) return;
      await trx.updateTable('problem_card').set({ ...patch, version: c.version + 1, updated_at: now }).where('id', '=', id).execute();
      if (patch.measures !== undefined) await trx.insertInto('problem_card_event').values({ card_id: id, at: now, actor, action: 'measures_changed', details: JSON.stringify({ measures: patch.measures }) }).execute();
      if (patch.status !== undefined) await trx.insertInto('problem_card_event').values({ card_id: id, at: now, actor, action: 'status_changed', details: JSON.stringify({ from: c.status, to: patch.status }) }).execute();
    });
  }

  private async view(c: Selectable<ProblemCardTable>, label: Awaited<ReturnType<MonitoringService['labels']>>, examples: number) {
    const linked = await sql<{ id: string; number: string; bodyId: string; state: string; receivedOn: string; summary: string }>`
      select a.id, a.number, a.body_id as "bodyId", a.state, a.received_on as "receivedOn", a.summary
      from problem_card_appeal l join appeal a on a.id = l.appeal_id where l.card_id = ${c.id}::uuid order by a.received_on desc, a.number limit ${examples}`.execute(this.db);
    return {
      id: c.id, territoryId: c.territory_id, territoryName: label('district', c.territory_id), topicId: c.topic_id, topicName: label('topic', c.topic_id),
      from: c.period_from, to: c.period_to, volume: c.volume, previousVolume: c.previous_volume, growth: growth(c.volume, c.previous_volume),
      trend: (c.volume > c.previous_volume ? 'up' : c.volume < c.previous_volume ? 'down' : 'flat') as 'up' | 'down' | 'flat',
      bodies: c.body_ids.map((id) => ({ id, name: label('body', id) })), measures: c.measures, status: c.status, version: c.version,
      appeals: linked.rows,
    };
  }
}
