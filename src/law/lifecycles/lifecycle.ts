/**
 * A lifecycle is a table: states, and the actions that move a case between them, each with the actors the law
 * allows and the article that says so. The appeals module asks the table; nothing else decides what may happen.
 */
import type { Localized } from '../i18n.ts';

/** Who acts, in the law's words (apc-requirements §4). The identity module maps roles onto these. */
export type Actor =
  | 'clerk' // accepts and registers appeals (63(1), 64(2)); the records office (44(1))
  | 'official' // handles the case
  | 'head' // head of the body
  | 'deputy_head'
  | 'superior_official' // decides a recusal (67(4))
  | 'reviewer' // the complaint review body: who holds complaint.review there (94–101)
  | 'applicant'
  | 'petitions_authority' // the authorised body for interaction of the state and civil society (APC 90-2(1))
  | 'citizen' // a citizen joining a petition (APC 90-3(1))
  | 'instruction_giver' // the head who gave an instruction (APC 46(5))
  | 'executor' // an executor named in an instruction; the first named coordinates (APC 46(3))
  | 'controller' // who keeps instructions under control: records office, monitoring department (APC 46(4), 46(6); REG p.9)
  | 'system'; // automatic, deadline-driven

export interface Transition<S extends string> {
  action: string;
  from: readonly S[];
  /** null: the state does not change (an event is recorded, a flag is set) */
  to: S | null;
  actors: readonly Actor[];
  citation: string;
  /** ids of the terms (src/law/terms.ts) the action starts */
  starts?: readonly string[];
  /** the condition the law attaches, in words; the appeals module enforces it and cites the same article */
  condition?: Localized;
}

export interface Lifecycle<S extends string> {
  name: string;
  states: readonly S[];
  /** states in which the procedure is over: no term runs, no deemed refusal can arise */
  closed: readonly S[];
  transitions: readonly Transition<S>[];
}

export function transitionFor<S extends string>(lifecycle: Lifecycle<S>, state: S, action: string): Transition<S> | undefined {
  return lifecycle.transitions.find((t) => t.action === action && t.from.includes(state));
}

/** The actions open in a state, optionally for one actor: what the case page offers. */
export function actionsIn<S extends string>(lifecycle: Lifecycle<S>, state: S, actors?: readonly Actor[]): Transition<S>[] {
  return lifecycle.transitions.filter((t) => t.from.includes(state) && (!actors || t.actors.some((a) => actors.includes(a))));
}
