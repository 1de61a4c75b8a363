import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import en from '../../locales/en.json' with { type: 'json' };
import kk from '../../locales/kk.json' with { type: 'json' };
import ru from '../../locales/ru.json' with { type: 'json' };
import { allowingGrants, type Grant, type PlacedTarget, type Principal } from './access.ts';
import { ACTION_IDS, GLOBAL_ROLES, GRANTABLE, POLICY, ROLES, SCOPES, scopeRank, type Role } from './policy.ts';
import { renderAccessControlDoc } from './policy-doc.ts';

// A small organisation: region akimat R, its apparatus A (serves R), district akimat D under R with subdivision S
// (and S1 inside it) and S2, a rural akim V under D, and an unrelated ministry M.
const PATH = { R: ['R'], A: ['A', 'R'], D: ['D', 'R'], V: ['V', 'D', 'R'], M: ['M'] } as const;

/** Where each role is anchored in the walk: staff of D in subdivision S; monitoring in the apparatus (oversees R). */
function grantFor(role: Role): Grant {
  if (role === 'monitoring') return { role, bodyId: 'A', subdivisionId: 'SA', subtreeRoot: 'R', acting: false, until: null, source: 'position' };
  if (role === 'applicant') return { role, bodyId: null, subdivisionId: null, subtreeRoot: null, acting: false, until: null, source: 'applicant' };
  return { role, bodyId: 'D', subdivisionId: 'S', subtreeRoot: 'D', acting: false, until: null, source: 'position' };
}

const ME = 'me';
type Level = 'own' | 'subdivision' | 'body' | 'subordinate' | 'elsewhere';
/** A target at each distance from the role's anchor, the narrowest scope that reaches it being the level. */
function targetsFor(role: Role): Record<Level, PlacedTarget> {
  const t = (bodyPath: readonly string[], subdivisionPath: string[] = [], ownerIds: string[] = []) => ({ bodyPath, subdivisionPath, ownerIds });
  if (role === 'monitoring') {
    return { own: t(PATH.M, [], [ME]), subdivision: t(PATH.A, ['SA']), body: t(PATH.A, ['SA2']), subordinate: t(PATH.V), elsewhere: t(PATH.M) };
  }
  return { own: t(PATH.M, [], [ME]), subdivision: t(PATH.D, ['S1', 'S']), body: t(PATH.D, ['S2']), subordinate: t(PATH.V), elsewhere: t(PATH.M) };
}
const LEVEL_RANK: Record<Level, number> = { own: 0, subdivision: 1, body: 2, subordinate: 3, elsewhere: 4 };

const principalWith = (role: Role, scopes?: (typeof ACTION_IDS)[number][]): Principal =>
  role === 'applicant'
    ? { kind: 'applicant', id: ME, grants: [grantFor(role)], via: 'session', sessionId: 's' }
    : { kind: 'official', id: ME, bodyId: 'D', grants: [grantFor(role)], via: scopes ? 'token' : 'session', ...(scopes ? { scopes, tokenId: 't' } : {}) };

describe('access policy', () => {
  test('the whole matrix: every role, every action, at every distance from its anchor — allowed exactly within its scope', () => {
    let checked = 0;
    for (const role of ROLES) {
      const principal = principalWith(role);
      for (const [level, target] of Object.entries(targetsFor(role)) as [Level, PlacedTarget][]) {
        for (const action of ACTION_IDS) {
          const scope = POLICY[role][action];
          const expected = scope !== undefined && scopeRank(scope) >= LEVEL_RANK[level];
          assert.equal(allowingGrants(principal, action, target).length > 0, expected, `${role} × ${action} on a target at level ${level} (scope ${scope ?? 'none'})`);
          checked++;
        }
      }
      for (const action of ACTION_IDS) {
        const none = { bodyPath: [], subdivisionPath: [], ownerIds: [] };
        assert.equal(allowingGrants(principal, action, none).length > 0, POLICY[role][action] === 'all', `${role} × ${action} with no target needs scope all`);
      }
    }
    assert.equal(checked, ROLES.length * ACTION_IDS.length * 5);
  });

  test('Standard Regulation p.5(9): the appeals-monitoring department in the apparatus reaches district and rural akimats, not another region', () => {
    const monitoring = principalWith('monitoring');
    assert.equal(allowingGrants(monitoring, 'monitoring.control', { bodyPath: PATH.D, subdivisionPath: [], ownerIds: [] }).length, 1);
    assert.equal(allowingGrants(monitoring, 'monitoring.control', { bodyPath: PATH.V, subdivisionPath: [], ownerIds: [] }).length, 1);
    assert.equal(allowingGrants(monitoring, 'monitoring.control', { bodyPath: ['R2'], subdivisionPath: [], ownerIds: [] }).length, 0);
  });

  test('a body head acts in the own body only: not in the superior akimat, not in a subordinate body', () => {
    const head = principalWith('body_head');
    assert.equal(allowingGrants(head, 'appeal.sign', { bodyPath: PATH.D, subdivisionPath: [], ownerIds: [] }).length, 1);
    assert.equal(allowingGrants(head, 'appeal.sign', { bodyPath: PATH.R, subdivisionPath: [], ownerIds: [] }).length, 0);
    assert.equal(allowingGrants(head, 'appeal.sign', { bodyPath: PATH.V, subdivisionPath: [], ownerIds: [] }).length, 0);
  });

  test('an API token never exceeds its scopes, nor its official roles', () => {
    const scoped = principalWith('sysadmin', ['calendar.manage']);
    const none = { bodyPath: [], subdivisionPath: [], ownerIds: [] };
    assert.equal(allowingGrants(scoped, 'calendar.manage', none).length, 1);
    assert.equal(allowingGrants(scoped, 'roles.assign', none).length, 0, 'sysadmin may, the token may not');
    const beyond = principalWith('registrar', ['calendar.manage']);
    assert.equal(allowingGrants(beyond, 'calendar.manage', none).length, 0, 'the token may, its registrar may not');
  });

  test('APC 76(3): only the head and the deputy head extend the term; roles that reach everywhere are few and read-only but one', () => {
    assert.deepEqual(ROLES.filter((r) => POLICY[r]['appeal.extend']), ['deputy_head', 'body_head']);
    const writing = ['manage', 'assign', 'edit', 'file', 'register', 'decide', 'sign', 'extend', 'review', 'control', 'generalize', 'profile'];
    for (const role of ['auditor', 'moj_reviewer'] as const) {
      const writes = Object.keys(POLICY[role]).filter((a) => writing.some((w) => a.endsWith(`.${w}`) && a !== 'practice.review'));
      assert.deepEqual(writes, [], `${role} is read-only`);
    }
    assert.deepEqual(ROLES.filter((r) => Object.values(POLICY[r]).includes('all')).sort(), [...GLOBAL_ROLES].sort());
  });

  test('grantable roles: a body head staffs the body; nobody grants the applicant role; a global role comes only from a global role', () => {
    assert.ok(!GRANTABLE.body_head!.includes('sysadmin') && !GRANTABLE.body_head!.includes('body_head'));
    for (const list of Object.values(GRANTABLE)) assert.ok(!list.includes('applicant'));
    for (const [granter, list] of Object.entries(GRANTABLE)) {
      if (list.some((r) => GLOBAL_ROLES.includes(r))) assert.ok(GLOBAL_ROLES.includes(granter as Role), granter);
    }
  });

  test('every role, action and scope has its name in kk, ru and en', () => {
    const at = (o: unknown, key: string) => key.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown> | undefined)?.[k], o);
    for (const [lang, texts] of Object.entries({ kk, ru, en })) {
      for (const r of ROLES) assert.equal(typeof at(texts, `role.${r}`), 'string', `${lang} role.${r}`);
      for (const a of ACTION_IDS) assert.equal(typeof at(texts, `permission.${a}`), 'string', `${lang} permission.${a}`);
      for (const s of SCOPES) assert.equal(typeof at(texts, `scope.${s}`), 'string', `${lang} scope.${s}`);
    }
  });

  test('docs/access-control.md is the policy table as it is now and lists every action and role', () => {
    const file = fileURLToPath(new URL('../../../docs/access-control.md', import.meta.url));
    const doc = fs.readFileSync(file, 'utf8');
    assert.equal(doc, renderAccessControlDoc(), 'regenerate with: node --import tsx scripts/access-control-doc.ts');
    for (const a of ACTION_IDS) assert.match(doc, new RegExp(`\\| \`${a.replace('.', '\\.')}\` \\|`));
    for (const r of ROLES) assert.ok(doc.includes(`\`${r}\``), r);
  });
});
