/**
 * i18next in the browser: Kazakh by default, Russian and English alongside. Only the chosen language's texts are
 * loaded (each is its own chunk); the choice is remembered in localStorage and set on <html lang>.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage, type Lang } from './api.ts';
import { LANGS, LANG_KEY } from './lang.ts';

export { LANGS };

const loaders: Record<Lang, () => Promise<{ default: Record<string, unknown> }>> = {
  kk: () => import('./locales/kk.json'),
  ru: () => import('./locales/ru.json'),
  en: () => import('./locales/en.json'),
};

export async function initI18n(lang: Lang) {
  const texts = await loaders[lang]();
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
  document.title = `Tynda — ${i18next.t('app.tagline')}`;
}

export async function changeLanguage(lang: Lang) {
  if (!i18next.hasResourceBundle(lang, 'translation')) i18next.addResourceBundle(lang, 'translation', (await loaders[lang]()).default);
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // not remembered; still switched
  }
  await i18next.changeLanguage(lang);
  applyLanguage(lang);
}

export const currentLang = () => (i18next.language as Lang) ?? 'kk';
