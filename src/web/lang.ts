/**
 * The interface's languages and the one a visitor starts in: from `?lang=`, else the one remembered in localStorage,
 * else Kazakh. Without dependencies, so the entry (opening.ts) knows the language before i18next is loaded.
 */
import type { Lang } from './api.ts';

export const LANGS: Lang[] = ['kk', 'ru', 'en'];
/** where the chosen language is remembered */
export const LANG_KEY = 'tynda.lang';

export function initialLanguage(): Lang {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (fromUrl && (LANGS as string[]).includes(fromUrl)) return fromUrl as Lang;
  try {
    const saved = localStorage.getItem(LANG_KEY);
    if (saved && (LANGS as string[]).includes(saved)) return saved as Lang;
  } catch {
    // storage may be disabled: Kazakh then
  }
  return 'kk';
}
