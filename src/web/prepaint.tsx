/**
 * The server's first paint of a citizen's page. Built by Vite as a server module (`dist/web/.server/prepaint.js`,
 * scripts/build-web.mjs) and used by src/platform/web.ts: the page's frame and its first render (heading, lead,
 * forms; data still loading) drawn into index.html in the visitor's language and with who is signed in, so a phone on
 * a slow connection shows the page before its JavaScript has arrived, and without JavaScript at all. The application
 * then hydrates it (main.tsx), from the same state written beside it (early.ts's FirstState).
 */
import i18next from 'i18next';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import type { Lang, Me } from './api.ts';
import { DrawnAnswers } from './components/ui.tsx';
import { DRAWN_DISABLED, FIRST_STATE_ID, MY_APPEALS, firstPages, type FirstState } from './early.ts';
import { appTitle } from './i18n.ts';
import { LANGS } from './lang.ts';
import en from './locales/en.json';
import kk from './locales/kk.json';
import ru from './locales/ru.json';
import { Pages } from './routes.tsx';
import { ServerLocation, match } from './router.tsx';
import { SessionContext } from './session.tsx';

export { LANG_COOKIE, requestLanguage } from './lang.ts';

/**
 * The pages the server draws (each a first page, loaded below): those of the citizen's menu, the sign-in pages, and
 * the pages a citizen follows, drawn with the API's answers they show first (each read by the page's `useLoad(…, from)`).
 */
const DRAWN: { pattern: string; with?: (params: Record<string, string>) => string[] }[] = [
  ...['/', '/signin', '/staff/signin', '/file', '/petitions', '/petitions/new', '/receptions', '/services', '/knowledge'].map((pattern) => ({ pattern })),
  { pattern: '/cabinet', with: () => [MY_APPEALS] },
  { pattern: '/appeals/:id', with: (p) => [`/api/v1/appeals/${encodeURIComponent(p.id!)}`] },
  { pattern: '/petitions/:id', with: (p) => [`/api/v1/petitions/${encodeURIComponent(p.id!)}`] },
  { pattern: '/services/:code', with: (p) => [`/api/v1/services/${encodeURIComponent(p.code!)}`] },
];

/** Whether the server draws the page at `path`, and the API paths whose answers it is drawn with. */
export function drawing(path: string): { with: string[] } | undefined {
  for (const d of DRAWN) {
    const params = match(d.pattern, path);
    if (params) return { with: d.with?.(params) ?? [] };
  }
  return undefined;
}

const texts = { kk, ru, en };
const translators = new Map(
  LANGS.map((lang) => {
    const i18n = i18next.createInstance();
    void i18n.init({ lng: lang, fallbackLng: false, resources: { [lang]: { translation: texts[lang] } }, interpolation: { escapeValue: false }, returnNull: false, initAsync: false });
    return [lang, i18n] as const;
  }),
);
// the first pages' code, here once: their lazyPage then renders at once, in one synchronous render
await Promise.all(Object.values(firstPages).map((code) => code.fetch()));

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** index.html with the page of `href` drawn into #root, in `lang`, for `me` (null: a visitor), with the API's `data`. */
export function prepaint(template: string, { href, lang, me, data = {} }: { href: string; lang: Lang; me: Me | null; data?: Record<string, unknown> }): string {
  const i18n = translators.get(lang)!;
  const path = new URL(href, 'http://tynda').pathname;
  const markup = renderToString(
    <I18nextProvider i18n={i18n}>
      <ServerLocation.Provider value={href}>
        <SessionContext.Provider value={{ me, setMe: () => undefined }}>
          <DrawnAnswers.Provider value={data}>
            <Pages path={path} me={me} onSignOut={() => undefined} />
          </DrawnAnswers.Provider>
        </SessionContext.Provider>
      </ServerLocation.Provider>
    </I18nextProvider>,
  );
  const state: FirstState = { me, lang, data };
  // the drawn controls wait, disabled, for the application that handles them: what a quick hand types or clicks before
  // it runs is never lost (links work as they are: the server draws their pages too); `data-drawn` marks those the
  // application enables again (DRAWN_DISABLED), not those disabled in their own right
  const inert = markup.replace(/<(input|select|textarea|button)\b(?![^>]*\sdisabled="")/g, `<$1 disabled="" ${DRAWN_DISABLED}=""`);
  // JSON inside a script element: "<" escaped, so no text in it can close the element
  const json = JSON.stringify(state).replace(/</g, '\\u003c');
  return (
    template
      .replace(/<html lang="[a-z]+">/, `<html lang="${lang}">`)
      .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(appTitle(i18n.t))}</title>`)
      // who is signed in is written into the page: the early request for it is not needed; and the application's
      // code is asked for once the page is painted (opening.ts), so that it never competes with the paint
      .replace(/\s*<link rel="preload" href="\/api\/v1\/auth\/me"[^>]*>/, '')
      .replace(/\s*<link rel="modulepreload"[^>]*>/g, '')
      .replace('<div id="root"></div>', `<div id="root">${inert}</div><script type="application/json" id="${FIRST_STATE_ID}">${json}</script>`)
  );
}
