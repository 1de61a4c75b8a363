/**
 * The entry of the browser application: what the page being opened needs for its first paint, asked for at once,
 * before the application itself (React and the shell, main.tsx) is evaluated, which is a long task on a phone. This
 * module runs first, in a short task of its own, so its requests already travel during that long task: who is signed
 * in, the page's code and the data the page shows first. The first render waits for the session and the page's code
 * (so the page is drawn at once, not a "loading" line first); the data is handed to the page's `useLoad` when it
 * comes (at once if it is already here), so the page's frame never waits for it.
 */
import type { ComponentType } from 'react';
import { api, setApiLanguage, type Me } from './api.ts';
import { initialLanguage } from './lang.ts';
// the styles are the page's (render-blocking) stylesheet, not a part of the application's chunk
import './styles.css';
// nothing heavier (React, i18next) is imported here: this module must run as soon as it arrives

export const language = initialLanguage();
setApiLanguage(language);
/** Who is signed in: every page's first paint waits for it (the header shows it). */
export const session = api.me().then((m): Me | null => m, () => null);

/** A page's code, fetched at most once; `loaded` holds it once here (main.tsx's lazyPage then renders it at once). */
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

const openedPath = location.pathname;
const early = new Map<() => Promise<unknown>, { promise: Promise<unknown>; value?: { data: unknown } }>();
function prefetch(load: () => Promise<unknown>) {
  const entry: { promise: Promise<unknown>; value?: { data: unknown } } = { promise: load() };
  entry.promise.then((data) => (entry.value = { data }), () => early.delete(load));
  early.set(load, entry);
}

/**
 * The early answer for a loader, once (a reload asks afresh): `value` when it is already here, else its `promise`;
 * undefined when none was asked for or it failed (the page then asks itself, as if there had been none).
 */
export function takeEarly<T>(load: () => Promise<T>): { value?: { data: T }; promise: Promise<T> } | undefined {
  // early answers belong to the page being opened: on another page (after a navigation) they may be stale
  if (location.pathname !== openedPath) early.clear();
  const entry = early.get(load);
  early.delete(load);
  return entry && { value: entry.value as { data: T } | undefined, promise: entry.promise.catch(() => load()) as Promise<T> };
}

// by the path being opened: its code, fetched now; its first data, asked for alongside
const opening: Record<string, () => Promise<unknown>> = {
  '/signin': () => firstPages.signIn.fetch(),
  '/file': () => {
    prefetch(pageData.fileAppeal);
    return firstPages.fileAppeal.fetch();
  },
  '/cabinet': () => {
    prefetch(pageData.myAppeals);
    return firstPages.cabinet.fetch();
  },
  '/staff': () => firstPages.inbox.fetch(),
  '/petitions': () => firstPages.petitions.fetch(),
  '/receptions': () => firstPages.receptions.fetch(),
  '/services': () => firstPages.services.fetch(),
  '/knowledge': () => firstPages.knowledge.fetch(),
};
/** The code of the page being opened (its data is not waited for); never fails (a failed chunk shows in the page). */
export const pageCode = Promise.resolve(opening[location.pathname]?.()).catch(() => undefined);

// the application itself (its chunk is preloaded by index.html, see vite.config.ts): evaluated in a later task
void import('./main.tsx');
