/**
 * The interface's languages and the one a visitor starts in: from `?lang=`, else the one remembered in localStorage,
 * else the one the server drew the page in (from the cookie below), else Kazakh. Without dependencies, so the entry
 * (opening.ts) knows the language before i18next is loaded. The choice is also kept in a cookie, so that the server
 * draws the next page in it (prepaint.tsx).
 */
import type { Lang } from './api.ts';

export const LANGS: Lang[] = ['kk', 'ru', 'en'];
/** where the chosen language is remembered */
export const LANG_KEY = 'tynda.lang';
/** the cookie that tells the server the language (the same choice as LANG_KEY) */
export const LANG_COOKIE = 'tynda_lang';

/** The texts of each language, each a chunk of its own (Russian and English readers never load the Kazakh ones). */
const texts: Record<Lang, () => Promise<{ default: Record<string, unknown> }>> = {
  kk: () => import('./locales/kk.json'),
  ru: () => import('./locales/ru.json'),
  en: () => import('./locales/en.json'),
};
export const loadTexts = (lang: Lang) => texts[lang]();

const isLang = (x: string | null | undefined): x is Lang => !!x && (LANGS as string[]).includes(x);

export function initialLanguage(drawnIn: Lang = 'kk'): Lang {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (isLang(fromUrl)) return fromUrl;
  try {
    const saved = localStorage.getItem(LANG_KEY);
    if (isLang(saved)) return saved;
  } catch {
    // storage may be disabled: the server's choice then
  }
  return drawnIn;
}

/** The language the server draws a page in: `?lang=`, else the cookie's, else Kazakh (it cannot see localStorage). */
export function requestLanguage(url: URL, remembered: string | undefined): Lang {
  const fromUrl = url.searchParams.get('lang');
  if (isLang(fromUrl)) return fromUrl;
  return isLang(remembered) ? remembered : 'kk';
}

/** Keeps the language in the cookie the server reads (a year; only the language, no personal data). */
export function rememberLanguage(lang: Lang) {
  if (!document.cookie.includes(`${LANG_COOKIE}=${lang}`)) document.cookie = `${LANG_COOKIE}=${lang}; path=/; max-age=31536000; samesite=lax`;
}
