/**
 * i18next in the browser: Kazakh by default, Russian and English alongside. Only the chosen language's texts are
 * loaded (each is its own chunk); the choice is remembered in localStorage and set on <html lang>.
 */
import i18next, { type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage, type Lang } from './api.ts';
import { LANGS, LANG_KEY, loadTexts, rememberLanguage } from './lang.ts';

export { LANGS };

export async function initI18n(lang: Lang) {
  const texts = await loadTexts(lang);
  await i18next.use(initReactI18next).init({
    lng: lang,
    fallbackLng: false,
    resources: { [lang]: { translation: texts.default } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyLanguage(lang);
}

function applyLanguage(lang: Lang) {
  setApiLanguage(lang);
  document.documentElement.lang = lang;
  document.title = appTitle(i18next.t);
}

export async function changeLanguage(lang: Lang) {
  if (!i18next.hasResourceBundle(lang, 'translation')) i18next.addResourceBundle(lang, 'translation', (await loadTexts(lang)).default);
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // not remembered; still switched
  }
  rememberLanguage(lang);
  await i18next.changeLanguage(lang);
  applyLanguage(lang);
}

/** The title of every page (the server's first paint writes the same, prepaint.tsx). */
export const appTitle = (t: TFunction) => `Tynda — ${t('app.tagline')}`;

export const currentLang = () => (i18next.language as Lang) ?? 'kk';
