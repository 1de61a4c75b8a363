/** Languages of Tynda: Kazakh first (the state language), Russian, English. */
export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export type Localized = Record<Language, string>;
