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

type Early = { promise: Promise<unknown>; value?: { data: unknown } };
const early = new Map<() => Promise<unknown>, Early>();
let openedPath: string | undefined;

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
export function takeEarly<T>(load: () => Promise<T>): { value?: { data: T }; promise: Promise<T> } | undefined {
  if (!early.size) return undefined;
  // early answers belong to the page being opened: on another page (after a navigation) they may be stale
  if (location.pathname !== openedPath) early.clear();
  const entry = early.get(load);
  early.delete(load);
  return entry && { value: entry.value as { data: T } | undefined, promise: entry.promise.catch(() => load()) as Promise<T> };
}

/**
 * What the server knew when it drew the page (prepaint.tsx): who is signed in and in which language it drew it,
 * written into the page as JSON under this id, so the application starts from the same state instead of asking again.
 */
export const FIRST_STATE_ID = 'tynda-first';
export interface FirstState {
  me: import('./api.ts').Me | null;
  lang: import('./api.ts').Lang;
}
