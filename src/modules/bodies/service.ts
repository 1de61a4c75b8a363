/**
 * The organisation: territories, administrative bodies in their hierarchy, structural subdivisions, positions,
 * officials and their appointments (acting ones included), and the classifier of appeal topics. Who may change
 * any of it is decided by the identity module's policy; this service only keeps it consistent.
 */
import type { Kysely } from 'kysely';
import { almatyToday } from '../../law/dates.ts';
import { Problem } from '../../platform/problems.ts';
import type { Localized, Schema } from '../../platform/schema.ts';
import { audit } from '../audit/service.ts';
import { BODY_TYPES, isSubjectToRules111, servesParent, type BodyType } from './body-types.ts';
import * as q from './queries.ts';

export { BODY_TYPES, BODY_TYPE_IDS, SUBDIVISION_KINDS, TERRITORY_KINDS, type BodyType } from './body-types.ts';
export type { Db } from './queries.ts';

/** Registration numbers: '{code}-{yyyy}-{seq:6}' gives 'KRG-2025-000123'. Exactly one {seq} or {seq:N}. */
export const DEFAULT_REGISTRATION_NUMBER_FORMAT = '{code}-{yyyy}-{seq:6}';
const PLACEHOLDER = /\{(code|yyyy|yy|seq(?::([1-9]|1[0-2]))?)\}/g;

export function isValidRegistrationNumberFormat(format: string): boolean {
  if (format.length > 60) return false;
  const seqs = [...format.matchAll(PLACEHOLDER)].filter((m) => m[1]!.startsWith('seq')).length;
  const literal = format.replace(PLACEHOLDER, '');
  return seqs === 1 && /^[\p{L}\p{N}/._ -]*$/u.test(literal);
}

export function formatRegistrationNumber(format: string, parts: { code: string; date: string; seq: number }): string {
  return format.replace(PLACEHOLDER, (_, name: string, width?: string) => {
    if (name === 'code') return parts.code;
    if (name === 'yyyy') return parts.date.slice(0, 4);
    if (name === 'yy') return parts.date.slice(2, 4);
    return String(parts.seq).padStart(Number(width ?? 1), '0');
  });
}

export interface BodyInput {
  code: string;
  type: BodyType;
  name: Localized;
  bin?: string | undefined;
  territoryId?: string | undefined;
  parentId?: string | undefined;
  complaintBodyId?: string | undefined;
  contact?: { phone?: string | undefined; email?: string | undefined; website?: string | undefined } | undefined;
  receptionAddress?: Localized | undefined;
  registrationNumberFormat?: string | undefined;
}

export type BodyPatch = Partial<Omit<BodyInput, 'code' | 'parentId' | 'territoryId' | 'complaintBodyId' | 'bin' | 'receptionAddress'>> & {
  parentId?: string | null | undefined;
  territoryId?: string | null | undefined;
  complaintBodyId?: string | null | undefined;
  bin?: string | null | undefined;
  receptionAddress?: Localized | null | undefined;
  active?: boolean | undefined;
};

export type BodyRow = Awaited<ReturnType<typeof q.body>> & {};

export interface OfficialInput {
  bodyId: string;
  fullName: string;
  iin?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
}

export interface AppointmentInput {
  positionId: string;
  acting: boolean;
  actingFor?: string | undefined;
  validFrom: string;
  validTo?: string | undefined;
}

/** A role an official holds now because of a position, anchored where the position is. */
export interface PositionRole {
  role: string;
  bodyId: string;
  subdivisionId: string | null;
  acting: boolean;
  until: string | null;
}

const notFound = (field: string) => new Problem(404, 'not_found', {}, [{ field, code: 'not_found' }]);

export class OrganisationService {
  constructor(readonly db: Kysely<Schema>) {}

  territories(filter: { kind?: string | undefined; parentId?: string | undefined } = {}) {
    return q.territories(this.db, filter);
  }

  bodies(filter: Parameters<typeof q.bodies>[1] = {}) {
    return q.bodies(this.db, filter);
  }

  async body(id: string, field = 'params.id'): Promise<BodyRow> {
    const found = await q.body(this.db, id);
    if (!found) throw notFound(field);
    return found;
  }

  bodyByCode(code: string) {
    return q.bodyByCode(this.db, code);
  }

  async isEmpty(): Promise<boolean> {
    return (await q.countBodies(this.db)) === 0;
  }

  /** The body and its ancestors, nearest first; empty for an unknown id. */
  async bodyPath(id: string): Promise<string[]> {
    return (await q.bodyPath(this.db, id)).map((r) => r.id);
  }

  /** The body whose subtree an official anchored at `bodyId` oversees (an apparatus oversees its akimat's). */
  async subtreeRoot(bodyId: string): Promise<string> {
    const [self, parent] = await q.bodyPath(this.db, bodyId);
    if (self && parent && servesParent(self.type as BodyType)) return parent.id;
    return bodyId;
  }

  bodySubtree(id: string): Promise<string[]> {
    return q.bodySubtree(this.db, id);
  }

  subdivisionPath(id: string): Promise<string[]> {
    return q.subdivisionPath(this.db, id);
  }

  async createBody(input: BodyInput, actor: string, db: q.Db = this.db): Promise<BodyRow> {
    if (await q.bodyByCode(db, input.code)) throw new Problem(409, 'duplicate', {}, [{ field: 'body.code', code: 'duplicate_value' }]);
    await this.checkLinks(db, input);
    const row = await db
      .insertInto('body')
      .values({
        code: input.code,
        type: input.type,
        name: JSON.stringify(input.name),
        bin: input.bin ?? null,
        territory_id: input.territoryId ?? null,
        parent_id: input.parentId ?? null,
        complaint_body_id: input.complaintBodyId ?? null,
        subject_to_rules_111: isSubjectToRules111(input.type),
        contact: JSON.stringify(input.contact ?? {}),
        reception_address: input.receptionAddress ? JSON.stringify(input.receptionAddress) : null,
        registration_number_format: input.registrationNumberFormat ?? DEFAULT_REGISTRATION_NUMBER_FORMAT,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(db, { actor, action: 'bodies.created', subjectType: 'body', subjectId: row.id, details: { code: row.code, type: row.type } });
    return row;
  }

  async updateBody(id: string, patch: BodyPatch, actor: string): Promise<BodyRow> {
    return this.db.transaction().execute(async (trx) => {
      const before = await q.body(trx, id);
      if (!before) throw notFound('params.id');
      await this.checkLinks(trx, { parentId: patch.parentId ?? undefined, territoryId: patch.territoryId ?? undefined, complaintBodyId: patch.complaintBodyId ?? undefined, bin: patch.bin ?? undefined }, id);
      if (patch.parentId && (await q.bodyPath(trx, patch.parentId)).some((b) => b.id === id)) {
        throw new Problem(409, 'hierarchy_cycle', {}, [{ field: 'body.parentId', code: 'hierarchy_cycle' }]);
      }
      const type = patch.type ?? (before.type as BodyType);
      const set: Record<string, unknown> = { updated_at: new Date(), subject_to_rules_111: isSubjectToRules111(type), type };
      if (patch.name) set.name = JSON.stringify(patch.name);
      if (patch.bin !== undefined) set.bin = patch.bin;
      if (patch.territoryId !== undefined) set.territory_id = patch.territoryId;
      if (patch.parentId !== undefined) set.parent_id = patch.parentId;
      if (patch.complaintBodyId !== undefined) set.complaint_body_id = patch.complaintBodyId;
      if (patch.contact) set.contact = JSON.stringify(patch.contact);
      if (patch.receptionAddress !== undefined) set.reception_address = patch.receptionAddress ? JSON.stringify(patch.receptionAddress) : null;
      if (patch.registrationNumberFormat) set.registration_number_format = patch.registrationNumberFormat;
      if (patch.active !== undefined) set.active = patch.active;
      const row = await trx.updateTable('body').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      await audit(trx, { actor, action: 'bodies.changed', subjectType: 'body', subjectId: id, details: { fields: Object.keys(patch) } });
      return row;
    });
  }

  private async checkLinks(db: q.Db, input: { parentId?: string | undefined; territoryId?: string | undefined; complaintBodyId?: string | undefined; bin?: string | undefined }, self?: string) {
    if (input.parentId && !(await q.body(db, input.parentId))) throw new Problem(400, 'validation', {}, [{ field: 'body.parentId', code: 'unknown_reference' }]);
    if (input.complaintBodyId && !(await q.body(db, input.complaintBodyId))) throw new Problem(400, 'validation', {}, [{ field: 'body.complaintBodyId', code: 'unknown_reference' }]);
    if (input.territoryId && !(await q.territory(db, input.territoryId))) throw new Problem(400, 'validation', {}, [{ field: 'body.territoryId', code: 'unknown_reference' }]);
    if (input.bin) {
      const taken = await db.selectFrom('body').select('id').where('bin', '=', input.bin).executeTakeFirst();
      if (taken && taken.id !== self) throw new Problem(409, 'duplicate', {}, [{ field: 'body.bin', code: 'duplicate_value' }]);
    }
  }

  subdivisions(bodyId: string) {
    return q.subdivisions(this.db, bodyId);
  }

  subdivision(id: string) {
    return q.subdivision(this.db, id);
  }

  async createSubdivision(bodyId: string, input: { code: string; kind: string; name: Localized; parentId?: string | undefined }, actor: string, db: q.Db = this.db) {
    if (!(await q.body(db, bodyId))) throw notFound('params.id');
    if (input.parentId) {
      const parent = await q.subdivision(db, input.parentId);
      if (!parent || parent.body_id !== bodyId) throw new Problem(400, 'validation', {}, [{ field: 'body.parentId', code: 'unknown_reference' }]);
    }
    const taken = await db.selectFrom('subdivision').select('id').where('body_id', '=', bodyId).where('code', '=', input.code).executeTakeFirst();
    if (taken) throw new Problem(409, 'duplicate', {}, [{ field: 'body.code', code: 'duplicate_value' }]);
    const row = await db
      .insertInto('subdivision')
      .values({ body_id: bodyId, parent_id: input.parentId ?? null, code: input.code, kind: input.kind, name: JSON.stringify(input.name) })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(db, { actor, action: 'subdivisions.created', subjectType: 'subdivision', subjectId: row.id, details: { bodyId, code: row.code } });
    return row;
  }

  positions(bodyId: string) {
    return q.positions(this.db, bodyId);
  }

  position(id: string) {
    return q.position(this.db, id);
  }

  async createPosition(bodyId: string, input: { code: string; title: Localized; subdivisionId?: string | undefined; role?: string | undefined }, actor: string, db: q.Db = this.db) {
    if (!(await q.body(db, bodyId))) throw notFound('params.id');
    if (input.subdivisionId) {
      const sub = await q.subdivision(db, input.subdivisionId);
      if (!sub || sub.body_id !== bodyId) throw new Problem(400, 'validation', {}, [{ field: 'body.subdivisionId', code: 'unknown_reference' }]);
    }
    const taken = await db.selectFrom('position').select('id').where('body_id', '=', bodyId).where('code', '=', input.code).executeTakeFirst();
    if (taken) throw new Problem(409, 'duplicate', {}, [{ field: 'body.code', code: 'duplicate_value' }]);
    const row = await db
      .insertInto('position')
      .values({ body_id: bodyId, subdivision_id: input.subdivisionId ?? null, code: input.code, title: JSON.stringify(input.title), role: input.role ?? null })
      .returningAll()
      .executeTakeFirstOrThrow();
    // a position that carries a role changes who may do what: that is a permission change
    await audit(db, { actor, action: input.role ? 'permissions.position_created' : 'positions.created', subjectType: 'position', subjectId: row.id, details: { bodyId, code: row.code, role: row.role } });
    return row;
  }

  officials(filter: { bodyIds?: readonly string[] | undefined; bodyId?: string | undefined; iin?: string | undefined }) {
    return q.officials(this.db, filter);
  }

  async official(id: string, field = 'params.id') {
    const found = await q.official(this.db, id);
    if (!found) throw notFound(field);
    return found;
  }

  async createOfficial(input: OfficialInput, actor: string, db: q.Db = this.db) {
    if (!(await q.body(db, input.bodyId))) throw new Problem(400, 'validation', {}, [{ field: 'body.bodyId', code: 'unknown_reference' }]);
    if (input.iin && (await db.selectFrom('official').select('id').where('iin', '=', input.iin).executeTakeFirst())) {
      throw new Problem(409, 'duplicate', {}, [{ field: 'body.iin', code: 'duplicate_value' }]);
    }
    const row = await db
      .insertInto('official')
      .values({ body_id: input.bodyId, full_name: input.fullName, iin: input.iin ?? null, email: input.email ?? null, phone: input.phone ?? null })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(db, { actor, action: 'officials.created', subjectType: 'official', subjectId: row.id, details: { bodyId: input.bodyId } });
    return row;
  }

  /** Appointments running today, for the given officials. */
  currentAppointments(officialIds: readonly string[], today = almatyToday(new Date())) {
    return q.currentAppointments(this.db, officialIds, today);
  }

  /** The titles of the positions an official holds today (for signatures and registration cards), acting ones last. */
  async positionTitles(officialId: string, today = almatyToday(new Date())): Promise<Localized[]> {
    const rows = await q.currentAppointments(this.db, [officialId], today);
    return [...rows.filter((r) => !r.acting), ...rows.filter((r) => r.acting)].map((r) => r.title);
  }

  /** The roles an official holds today through positions; an acting appointment counts only within its dates. */
  async positionRoles(officialId: string, today = almatyToday(new Date())): Promise<PositionRole[]> {
    const rows = await q.currentAppointments(this.db, [officialId], today);
    return rows.filter((r) => r.role).map((r) => ({ role: r.role!, bodyId: r.body_id, subdivisionId: r.subdivision_id, acting: r.acting, until: r.valid_to }));
  }

  /**
   * Appoints an official to a position. An acting appointment (Standard Regulation p.19) names its dates and
   * ends by itself after `validTo`; the person replaced, if named, must hold that position.
   */
  async appoint(officialId: string, input: AppointmentInput, actor: string, db: q.Db = this.db) {
    const person = await q.official(db, officialId);
    if (!person) throw notFound('params.id');
    const post = await q.position(db, input.positionId);
    if (!post) throw new Problem(400, 'validation', {}, [{ field: 'body.positionId', code: 'unknown_reference' }]);
    if (input.acting && !input.validTo) throw new Problem(400, 'validation', {}, [{ field: 'body.validTo', code: 'required' }]);
    if (input.validTo && input.validTo < input.validFrom) throw new Problem(400, 'validation', {}, [{ field: 'body.validTo', code: 'before_start' }]);
    if (input.actingFor) {
      if (!input.acting) throw new Problem(400, 'validation', {}, [{ field: 'body.actingFor', code: 'only_when_acting' }]);
      const holds = await db.selectFrom('appointment').select('id').where('official_id', '=', input.actingFor).where('position_id', '=', input.positionId).where('ended_at', 'is', null).executeTakeFirst();
      if (!holds) throw new Problem(400, 'validation', {}, [{ field: 'body.actingFor', code: 'not_holder' }]);
    }
    const row = await db
      .insertInto('appointment')
      .values({ official_id: officialId, position_id: input.positionId, acting: input.acting, acting_for: input.actingFor ?? null, valid_from: input.validFrom, valid_to: input.validTo ?? null, created_by: actor })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(db, {
      actor,
      action: 'permissions.appointed',
      subjectType: 'official',
      subjectId: officialId,
      details: { appointment: row.id, position: post.id, role: post.role, acting: input.acting, actingFor: input.actingFor ?? null, validFrom: input.validFrom, validTo: input.validTo ?? null },
    });
    return row;
  }

  async endAppointment(officialId: string, appointmentId: string, actor: string) {
    return this.db.transaction().execute(async (trx) => {
      const row = await q.appointment(trx, appointmentId);
      if (!row || row.official_id !== officialId) throw notFound('params.appointmentId');
      if (row.ended_at) return row;
      const ended = await trx.updateTable('appointment').set({ ended_at: new Date() }).where('id', '=', appointmentId).returningAll().executeTakeFirstOrThrow();
      await audit(trx, { actor, action: 'permissions.appointment_ended', subjectType: 'official', subjectId: officialId, details: { appointment: appointmentId } });
      return ended;
    });
  }

  topics() {
    return q.topics(this.db);
  }

  async createTopic(input: { code: string; name: Localized; parentId?: string | undefined; competentBodyType?: BodyType | undefined }, actor: string, db: q.Db = this.db) {
    if (await db.selectFrom('topic').select('id').where('code', '=', input.code).executeTakeFirst()) {
      throw new Problem(409, 'duplicate', {}, [{ field: 'body.code', code: 'duplicate_value' }]);
    }
    if (input.parentId) {
      const parent = await q.topic(db, input.parentId);
      if (!parent) throw new Problem(400, 'validation', {}, [{ field: 'body.parentId', code: 'unknown_reference' }]);
      // the classifier has two levels: a topic under a topic that itself has a parent would be a third
      if (parent.parent_id) throw new Problem(400, 'validation', {}, [{ field: 'body.parentId', code: 'topic_too_deep' }]);
    }
    const row = await db
      .insertInto('topic')
      .values({ code: input.code, parent_id: input.parentId ?? null, name: JSON.stringify(input.name), competent_body_type: input.competentBodyType ?? null })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(db, { actor, action: 'topics.created', subjectType: 'topic', subjectId: row.id, details: { code: row.code } });
    return row;
  }

  async createTerritory(input: { code: string; kato?: string | undefined; kind: string; name: Localized; parentId?: string | undefined }, db: q.Db = this.db) {
    return db
      .insertInto('territory')
      .values({ code: input.code, kato: input.kato ?? null, kind: input.kind, parent_id: input.parentId ?? null, name: JSON.stringify(input.name) })
      .returningAll()
      .executeTakeFirstOrThrow();
  }
}
