/**
 * The entry of the browser application: what the page being opened needs for its first paint, asked for at once,
 * before the application itself (React and the shell, main.tsx) is evaluated, which is a long task on a phone. This
 * module runs first, in a short task of its own, so its requests already travel during that long task: who is signed
 * in, the page's code and the data the page shows first. The first render waits for the session and the page's code
 * (so the page is drawn at once, not a "loading" line first); the data is handed to the page's `useLoad` when it
 * comes (at once if it is already here), so the page's frame never waits for it.
 */
import { api, setApiLanguage, type Me } from './api.ts';
import { FIRST_STATE_ID, firstPages, keepDrawn, pageData, prefetch, type FirstState } from './early.ts';
import { initialLanguage, loadTexts, rememberLanguage } from './lang.ts';
// the styles are the page's (render-blocking) stylesheet, not a part of the application's chunk
import './styles.css';
// nothing heavier (React, i18next) is imported here: this module must run as soon as it arrives

/** What the server knew when it drew the page (absent when it drew none: a page of the officials' workspace). */
export const drawn = ((): FirstState | undefined => {
  try {
    return JSON.parse(document.getElementById(FIRST_STATE_ID)?.textContent ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
})();
export const language = initialLanguage(drawn?.lang);
setApiLanguage(language);
// the server draws the next page in the language remembered here
rememberLanguage(language);
/** Who is signed in: every page's first paint waits for it (the header shows it); the server may have said already. */
export const session = drawn ? Promise.resolve(drawn.me) : api.me().then((m): Me | null => m, () => null);
// the answers the page was drawn with are its first render's data
if (drawn?.data) keepDrawn(drawn.data, location.pathname);

// by the path being opened: its code, fetched now; its first data, asked for alongside
const opening: Record<string, () => Promise<unknown>> = {
  '/signin': () => firstPages.signIn.fetch(),
  '/file': () => {
    prefetch(pageData.fileAppeal, '/file');
    return firstPages.fileAppeal.fetch();
  },
  '/cabinet': () => {
    prefetch(pageData.myAppeals, '/cabinet');
    return firstPages.cabinet.fetch();
  },
  '/staff': () => firstPages.inbox.fetch(),
  '/petitions': () => firstPages.petitions.fetch(),
  '/receptions': () => firstPages.receptions.fetch(),
  '/services': () => firstPages.services.fetch(),
  '/knowledge': () => firstPages.knowledge.fetch(),
};
// the pages a citizen follows, by the first segment of their path (/appeals/{id}, /petitions/{id}, /services/{code})
const following: Record<string, () => Promise<unknown>> = {
  appeals: () => firstPages.casePage.fetch(),
  petitions: () => firstPages.petitions.fetch(),
  services: () => firstPages.services.fetch(),
};
const [, first, second, more] = location.pathname.split('/');
const openPage = opening[location.pathname] ?? (first && second && more === undefined ? following[first] : undefined);

/**
 * A page the server drew is painted before any code is evaluated (the page's and the application's run in long tasks
 * on a phone): after the next frame, or a fifth of a second at most (a tab opened in the background paints no frame).
 */
const painted = drawn ? new Promise<void>((done) => {
  requestAnimationFrame(() => setTimeout(done, 0));
  setTimeout(done, 200);
}) : Promise.resolve();
/** The code of the page being opened (its data is not waited for); never fails (a failed chunk shows in the page). */
export const pageCode = painted.then(() => openPage?.()).catch(() => undefined);

// the application itself and its texts (preloaded by index.html, see vite.config.ts, unless the server drew the page)
void painted.then(() => {
  void loadTexts(language);
  return import('./main.tsx');
});
