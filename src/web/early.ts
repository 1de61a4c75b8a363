/**
 * What a page opened directly needs first, without side effects (the entry, opening.ts, starts the requests; the
 * server's prepaint imports the same pages): the code of the pages a visitor may open first, the data those pages show
 * first, and the early answers handed to the page's `useLoad` once.
 */
import type { ComponentType } from 'react';
import { api } from './api.ts';

/** A page's code, fetched at most once; `loaded` holds it once here (routes.tsx's lazyPage then renders it at once). */
export interface PageCode<P extends object = object> {
  fetch(): Promise<{ default: ComponentType<P> }>;
  loaded?: { default: ComponentType<P> };
}
function codeOf<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): PageCode<P> {
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const code: PageCode<P> = { fetch: () => (loading ??= load().then((m) => (code.loaded = m))) };
  return code;
}

/** The pages a visitor may open first (and whose code opening fetches at once): the others are plain lazy(). */
export const firstPages = {
  signIn: codeOf(() => import('./pages/SignIn.tsx')),
  fileAppeal: codeOf(() => import('./pages/FileAppeal.tsx')),
  cabinet: codeOf(() => import('./pages/Cabinet.tsx')),
  casePage: codeOf(() => import('./pages/CasePage.tsx')),
  inbox: codeOf(() => import('./pages/Inbox.tsx')),
  petitions: codeOf(() => import('./pages/Petitions.tsx')),
  receptions: codeOf(() => import('./pages/Receptions.tsx')),
  services: codeOf(() => import('./pages/Services.tsx')),
  knowledge: codeOf(() => import('./pages/Knowledge.tsx')),
};

/** The first data of a page: the very loader the page's useLoad is given, so an early answer is found by it. */
export const pageData = {
  /** the guided form's topics and bodies (public reference data) */
  fileAppeal: () => Promise.all([api.topics(), api.bodies()]),
  /** the cabinet's list of my appeals (the first section, above the fold) */
  myAppeals: () => api.appeals({ view: 'mine', pageSize: 100 }),
};
/** The API path of the cabinet's list, which the server draws the cabinet with. */
export const MY_APPEALS = '/api/v1/appeals?view=mine&pageSize=100';

/**
 * While the application hydrates the drawing, its first render must be the server's: an early answer the server did
 * not draw with waits for the page's effect (the drawn answers are the server's own).
 */
let hydrating = false;
export function setHydrating(on: boolean) {
  hydrating = on;
}

type Early = { promise: Promise<unknown>; value?: { data: unknown } };
const early = new Map<() => Promise<unknown>, Early>();
let openedPath: string | undefined;
/** The API's answers the server drew the opened page with, by API path (FirstState's `data`). */
let drawn: Record<string, unknown> = {};

/** Keeps the answers the server drew the page at `path` with, for that page's first render (opening.ts). */
export function keepDrawn(data: Record<string, unknown>, path: string) {
  drawn = data;
  openedPath = path;
}

/**
 * The answer the server drew the page with, for a loader of `from` (an API path, or several: their answers in order),
 * once; undefined when it did not draw all of them.
 */
export function drawnAnswer(from: string | readonly string[], answers: Record<string, unknown> = drawn): { data: unknown } | undefined {
  const paths = typeof from === 'string' ? [from] : from;
  if (!paths.every((p) => p in answers)) return undefined;
  const data = paths.map((p) => answers[p]);
  return { data: typeof from === 'string' ? data[0] : data };
}

/** Asks for a page's first data now, for the page opened at `path` (opening.ts). */
export function prefetch(load: () => Promise<unknown>, path: string) {
  openedPath = path;
  const entry: Early = { promise: load() };
  entry.promise.then((data) => (entry.value = { data }), () => early.delete(load));
  early.set(load, entry);
}

/**
 * The early answer for a loader, once (a reload asks afresh): `value` when it is already here, else its `promise`;
 * undefined when none was asked for or it failed (the page then asks itself, as if there had been none).
 */
export function takeEarly<T>(load: () => Promise<T>, from?: string | readonly string[]): { value?: { data: T }; promise: Promise<T> } | undefined {
  if (!early.size && !Object.keys(drawn).length) return undefined;
  // early answers belong to the page being opened: on another page (after a navigation) they may be stale
  if (location.pathname !== openedPath) {
    early.clear();
    drawn = {};
  }
  const answer = from === undefined ? undefined : drawnAnswer(from);
  if (answer) {
    for (const p of typeof from === 'string' ? [from] : from!) delete drawn[p];
    return { value: answer as { data: T }, promise: Promise.resolve(answer.data as T) };
  }
  const entry = early.get(load);
  early.delete(load);
  return entry && { value: hydrating ? undefined : (entry.value as { data: T } | undefined), promise: entry.promise.catch(() => load()) as Promise<T> };
}

/**
 * What the server knew when it drew the page (prepaint.tsx): who is signed in and in which language it drew it,
 * written into the page as JSON under this id, so the application starts from the same state instead of asking again.
 */
export const FIRST_STATE_ID = 'tynda-first';
/** The attribute of the drawn controls disabled until the application has taken the page over. */
export const DRAWN_DISABLED = 'data-drawn';

export interface FirstState {
  me: import('./api.ts').Me | null;
  lang: import('./api.ts').Lang;
  /** the API's answers the page was drawn with, by API path (prepaint.tsx's DRAWN_WITH) */
  data: Record<string, unknown>;
}
