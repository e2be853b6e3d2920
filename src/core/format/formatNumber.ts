/** Numbers as a person reads them: "10 000" and "2,4" in Bokmål, "10,000" and "2.4" in English. */
import type { Language } from '../text';

/** Formats a number for one language, with thousands grouped and at most `decimals` decimals (trailing zeros cut). */
export function formatNumber(n: number, lang: Language, decimals = 2): string {
  if (!Number.isFinite(n)) return String(n);
  const fixed = Math.abs(n).toFixed(decimals).replace(/\.?0+$/, '');
  const [whole = '0', fraction] = fixed.split('.');
  // Group only numbers of five digits or more in Bokmål ("1500 m", "10 000 m"), as Språkrådet recommends.
  const grouped = lang === 'nb' && whole.length <= 4 ? whole : whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'nb' ? ' ' : ',');
  const sign = n < 0 && fixed !== '0' ? '-' : '';
  return sign + grouped + (fraction ? (lang === 'nb' ? ',' : '.') + fraction : '');
}
