/**
 * Server-side texts: one i18next instance over src/locales/{kk,ru,en}.json, the same files and plural rules
 * the web application uses. Kazakh is the default language (the state language).
 */
import i18next, { type TFunction } from 'i18next';
import en from '../locales/en.json' with { type: 'json' };
import kk from '../locales/kk.json' with { type: 'json' };
import ru from '../locales/ru.json' with { type: 'json' };
import { LANGUAGES, type Language } from '../law/i18n.ts';

const instance = i18next.createInstance();
void instance.init({
  resources: { kk: { translation: kk }, ru: { translation: ru }, en: { translation: en } },
  lng: 'kk',
  fallbackLng: false,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false, // resources are in memory: ready when init returns
});

export function translator(lang: Language): TFunction {
  return instance.getFixedT(lang);
}

export function hasText(key: string): boolean {
  return instance.exists(key, { lng: 'en' });
}

/** The best of kk, ru, en for an Accept-Language header (RFC 9110 12.5.4); kk when none matches. */
export function negotiateLanguage(header: string | undefined): Language {
  if (!header) return 'kk';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([01](\.\d{0,3})?)\s*$/.exec(p)).find(Boolean);
      return { lang: tag.trim().toLowerCase().split('-')[0]!, q: q ? Number(q[1]) : 1, index };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (ranked.find((r) => (LANGUAGES as readonly string[]).includes(r.lang))?.lang as Language | undefined) ?? 'kk';
}
