/**
 * The decision: may this principal do this action to this target? Pure over the facts it is given (the
 * principal's grants, the target's place in the body and subdivision trees), so the whole policy can be tested
 * without a database. `Access` in service.ts gathers those facts and turns a "no" into a 401/403 problem.
 */
import { POLICY, scopeRank, type Action, type Role, type Scope } from './policy.ts';

/** A role held now, with its anchor. `subtreeRoot` is the body whose subtree the `subordinate` scope covers. */
export interface Grant {
  role: Role;
  bodyId: string | null;
  subdivisionId: string | null;
  subtreeRoot: string | null;
  /** held as the person replacing an absent official (Standard Regulation p.19), until `until` */
  acting: boolean;
  until: string | null;
  source: 'position' | 'grant' | 'applicant';
}

export type Principal =
  | {
      kind: 'official';
      id: string;
      bodyId: string;
      grants: Grant[];
      via: 'session' | 'token';
      sessionId?: string;
      tokenId?: string;
      /** a token acts with at most these actions */
      scopes?: Action[];
    }
  | { kind: 'applicant'; id: string; grants: Grant[]; via: 'session'; sessionId: string };

/** What an action is done to. Omit what does not apply: no body for the calendar, no owner for a body record. */
export interface Target {
  bodyId?: string;
  subdivisionId?: string;
  /** principals whose own record this is: the applicant of an appeal, its assigned executor, the person themselves */
  ownerIds?: readonly string[];
}

/** A target placed in the trees: its body and that body's ancestors, its subdivision and that one's ancestors. */
export interface PlacedTarget {
  bodyPath: readonly string[];
  subdivisionPath: readonly string[];
  ownerIds: readonly string[];
}

export function actorId(principal: Principal | undefined): string {
  if (!principal) return 'anonymous';
  if (principal.kind === 'official' && principal.tokenId) return `official:${principal.id}`;
  return `${principal.kind}:${principal.id}`;
}

/** Does one grant's scope reach the target? Wider scopes include the narrower ones, `own` included. */
export function scopeCovers(scope: Scope, grant: Grant, principalId: string, target: PlacedTarget): boolean {
  if (scope === 'all') return true;
  if (target.ownerIds.includes(principalId)) return true;
  switch (scope) {
    case 'own':
      return false;
    case 'subdivision':
      return grant.subdivisionId !== null && target.subdivisionPath.includes(grant.subdivisionId);
    case 'body':
      return grant.bodyId !== null && target.bodyPath[0] === grant.bodyId;
    case 'subordinate':
      return grant.subtreeRoot !== null && target.bodyPath.includes(grant.subtreeRoot);
  }
}

/** The grants that allow the action on the target (empty: denied). */
export function allowingGrants(principal: Principal, action: Action, target: PlacedTarget): Grant[] {
  if (principal.kind === 'official' && principal.scopes && !principal.scopes.includes(action)) return [];
  return principal.grants.filter((g) => {
    const scope = POLICY[g.role][action];
    return scope !== undefined && scopeCovers(scope, g, principal.id, target);
  });
}

/** The widest scope any of the principal's grants has for the action, ignoring where (for "may they at all"). */
export function widestScope(principal: Principal, action: Action): Scope | undefined {
  if (principal.kind === 'official' && principal.scopes && !principal.scopes.includes(action)) return undefined;
  let best: Scope | undefined;
  for (const g of principal.grants) {
    const scope = POLICY[g.role][action];
    if (scope && (best === undefined || scopeRank(scope) > scopeRank(best))) best = scope;
  }
  return best;
}
