/** Shares as Norwegian reports write them: "43 %" in Bokmål (a space before the sign), "43%" in English. */
import type { Language } from '../../../core/text';

/** A fraction (0.4286) as a whole percentage for the language. */
export function formatPercent(share: number, lang: Language): string {
  const n = Math.round(share * 100);
  return lang === 'nb' ? `${n}\u00a0%` : `${n}%`;
}
