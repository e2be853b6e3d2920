/** User-facing text in both product languages: Norwegian Bokmål first, English second. */
export type LocalText = { nb: string; en: string };

/** The product's languages, Bokmål first. */
export const LANGUAGES = ['nb', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Picks the text for a language. */
export function pick(text: LocalText, lang: Language): string {
  return text[lang];
}
