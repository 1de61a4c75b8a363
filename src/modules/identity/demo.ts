/**
 * The demo organisation (data/demo/organisation.json): Kazakhstan's regions and cities with some districts, a
 * region akimat with its apparatus and appeals-monitoring department, two district akimats, a ministry with its
 * department, topics, and an official for every role. Loaded by `tynda seed --demo` and by the first start on
 * an empty database. Passwords are generated for each database and kept (only for these accounts) so every
 * start can print them; changing a password removes it from that list.
 */
import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { almatyToday, dayNumber, isoDate } from '../../law/dates.ts';
import type { Localized, Schema } from '../../platform/schema.ts';
import { audit } from '../audit/service.ts';
import type { BodyType, OrganisationService } from '../bodies/service.ts';
import type { Role } from './policy.ts';
import { hashPassword, newPassword } from './secrets.ts';

export const DEMO_FILE = fileURLToPath(new URL('../../../data/demo/organisation.json', import.meta.url));

interface DemoFile {
  territories: { code: string; kato?: string; kind: string; name: Localized; districts?: { code: string; kind: string; name: Localized }[] }[];
  bodies: {
    code: string;
    type: BodyType;
    name: Localized;
    bin?: string;
    territory?: string;
    parent?: string;
    complaintBody?: string;
    contact?: { phone?: string; email?: string; website?: string };
    receptionAddress?: Localized;
    registrationNumberFormat: string;
    subdivisions: { code: string; kind: string; name: Localized; parent?: string }[];
    positions: { code: string; title: Localized; subdivision?: string; role?: Role }[];
  }[];
  officials: {
    login: string;
    /** the role `signIn(app, role)` in the tests uses this account for */
    signInAs?: Role;
    fullName: string;
    body: string;
    positions: string[];
    iin?: string;
    email?: string;
    phone?: string;
    /** an acting appointment from today for `days` days (Standard Regulation p.19) */
    acting?: { position: string; days: number };
  }[];
  applicants: { kind: 'individual' | 'legal_entity'; name: string; iin?: string; bin?: string; email?: string; phone?: string }[];
  topics: { code: string; name: Localized; competentBodyType?: BodyType; children: { code: string; name: Localized; competentBodyType?: BodyType }[] }[];
}

export interface DemoAccount {
  login: string;
  password: string;
  /** what the account is for: the role of its position, 'acting' ones marked */
  role: string;
  name: string;
  body: string;
}

export async function readDemoFile(file = DEMO_FILE): Promise<DemoFile> {
  return JSON.parse(await fs.readFile(file, 'utf8')) as DemoFile;
}

/** The login the tests sign in with for a role. */
export async function demoLogins(file = DEMO_FILE): Promise<Partial<Record<Role, string>>> {
  const data = await readDemoFile(file);
  return Object.fromEntries(data.officials.filter((o) => o.signInAs).map((o) => [o.signInAs!, o.login]));
}

export async function demoApplicants(file = DEMO_FILE) {
  return (await readDemoFile(file)).applicants;
}

/** Loads the demo organisation in one transaction, if the database has no bodies yet. Returns the accounts made, with their passwords. */
export async function seedDemo(db: Kysely<Schema>, organisation: OrganisationService, now = new Date()): Promise<DemoAccount[]> {
  const data = await readDemoFile();
  const actor = 'system:demo';
  const today = almatyToday(now);
  // scrypt is the slow part: it runs on the thread pool while the organisation is written
  const passwords = data.officials.map(() => newPassword());
  const hashing = Promise.all(passwords.map((p) => hashPassword(p)));
  hashing.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled

  return db.transaction().execute(async (trx) => {
    // several nodes may start on one empty database at once: one loads the demo, the others find it there
    await sql`select pg_advisory_xact_lock(7461726562)`.execute(trx);
    if (await trx.selectFrom('body').select('id').limit(1).executeTakeFirst()) return [];
    const territory = new Map<string, string>();
    for (const t of data.territories) {
      const row = await organisation.createTerritory({ code: t.code, kato: t.kato, kind: t.kind, name: t.name }, trx);
      territory.set(t.code, row.id);
      for (const d of t.districts ?? []) territory.set(d.code, (await organisation.createTerritory({ code: d.code, kind: d.kind, name: d.name, parentId: row.id }, trx)).id);
    }

    const body = new Map<string, string>();
    const position = new Map<string, string>();
    for (const b of data.bodies) {
      const row = await organisation.createBody(
        {
          code: b.code,
          type: b.type,
          name: b.name,
          bin: b.bin,
          territoryId: b.territory ? territory.get(b.territory) : undefined,
          parentId: b.parent ? body.get(b.parent) : undefined,
          complaintBodyId: b.complaintBody ? body.get(b.complaintBody) : undefined,
          contact: b.contact,
          receptionAddress: b.receptionAddress,
          registrationNumberFormat: b.registrationNumberFormat,
        },
        actor,
        trx,
      );
      body.set(b.code, row.id);
      const subdivision = new Map<string, string>();
      for (const s of b.subdivisions) {
        const sub = await organisation.createSubdivision(row.id, { code: s.code, kind: s.kind, name: s.name, parentId: s.parent ? subdivision.get(s.parent) : undefined }, actor, trx);
        subdivision.set(s.code, sub.id);
      }
      for (const p of b.positions) {
        const pos = await organisation.createPosition(row.id, { code: p.code, title: p.title, subdivisionId: p.subdivision ? subdivision.get(p.subdivision) : undefined, role: p.role }, actor, trx);
        position.set(`${b.code}/${p.code}`, pos.id);
      }
    }

    const hashes = await hashing;
    const accounts: DemoAccount[] = [];
    for (const [i, o] of data.officials.entries()) {
      const bodyId = body.get(o.body)!;
      const official = await organisation.createOfficial({ bodyId, fullName: o.fullName, iin: o.iin, email: o.email, phone: o.phone }, actor, trx);
      const roles: string[] = [];
      for (const code of o.positions) {
        await organisation.appoint(official.id, { positionId: position.get(`${o.body}/${code}`)!, acting: false, validFrom: today }, actor, trx);
        roles.push(data.bodies.find((b) => b.code === o.body)!.positions.find((p) => p.code === code)?.role ?? code);
      }
      if (o.acting) {
        const validTo = isoDate(dayNumber(today) + o.acting.days - 1);
        await organisation.appoint(official.id, { positionId: position.get(`${o.body}/${o.acting.position}`)!, acting: true, validFrom: today, validTo }, actor, trx);
        const role = data.bodies.find((b) => b.code === o.body)!.positions.find((p) => p.code === o.acting!.position)?.role;
        roles.push(`${role} (acting until ${validTo})`);
      }
      await trx.insertInto('official_account').values({ official_id: official.id, login: o.login, password_hash: hashes[i]! }).execute();
      await trx.insertInto('demo_account').values({ official_id: official.id, login: o.login, role: roles.join(', '), password: passwords[i]! }).execute();
      accounts.push({ login: o.login, password: passwords[i]!, role: roles.join(', '), name: o.fullName, body: o.body });
    }

    for (const a of data.applicants) {
      // the demo's applicants stand as if their IIN/BIN had been proven by a certificate (a certificate sign-in opens their cabinet)
      await trx.insertInto('applicant').values({ kind: a.kind, name: a.name, iin: a.iin ?? null, bin: a.bin ?? null, email: a.email ?? null, phone: a.phone ?? null, identity_verified_at: now }).execute();
    }

    for (const t of data.topics) {
      const parent = await organisation.createTopic({ code: t.code, name: t.name, competentBodyType: t.competentBodyType }, actor, trx);
      for (const c of t.children) await organisation.createTopic({ code: c.code, name: c.name, parentId: parent.id, competentBodyType: c.competentBodyType ?? t.competentBodyType }, actor, trx);
    }
    await audit(trx, { actor, action: 'demo.seeded', subjectType: 'organisation', subjectId: 'demo', details: { bodies: data.bodies.length, officials: data.officials.length } });
    return accounts;
  });
}

/** The demo accounts whose generated passwords are still in force, for printing at start. */
export async function demoAccounts(db: Kysely<Schema>): Promise<DemoAccount[]> {
  const rows = await db
    .selectFrom('demo_account as d')
    .innerJoin('official as o', 'o.id', 'd.official_id')
    .innerJoin('body as b', 'b.id', 'o.body_id')
    .select(['d.login', 'd.password', 'd.role', 'o.full_name', 'b.code'])
    .orderBy('d.login')
    .execute();
  return rows.map((r) => ({ login: r.login, password: r.password, role: r.role, name: r.full_name, body: r.code }));
}
