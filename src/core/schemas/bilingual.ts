/** Validation messages carry both languages in one string ("Bokmål / English"), since zod keeps one message per issue. */
import type { LocalText } from '../text';

/** Between the Bokmål and the English half of a message; never used inside either half. */
export const BILINGUAL_SEPARATOR = ' / ';

/** Joins a Bokmål and an English message into the one string zod stores. */
export function bilingual(nb: string, en: string): string {
  return `${nb}${BILINGUAL_SEPARATOR}${en}`;
}

/** Splits a message made by `bilingual`; null for any other message (e.g. zod's own English defaults). */
export function splitBilingual(message: string): LocalText | null {
  const at = message.indexOf(BILINGUAL_SEPARATOR);
  if (at <= 0) return null;
  return { nb: message.slice(0, at), en: message.slice(at + BILINGUAL_SEPARATOR.length) };
}
