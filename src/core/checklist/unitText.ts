/** How each unit of a number item is written after the number, in both languages. */
import type { LocalText } from '../text';
import type { Unit } from './template';

/** The unit symbol as a person reads it; empty for plain counts and scores. */
export const UNIT_TEXT: Record<Unit, LocalText> = {
  m: { nb: 'm', en: 'm' },
  m2: { nb: 'm²', en: 'm²' },
  count: { nb: '', en: '' },
  bqm3: { nb: 'Bq/m³', en: 'Bq/m³' },
  kg: { nb: 'kg', en: 'kg' },
  l: { nb: 'l', en: 'l' },
  mm: { nb: 'mm', en: 'mm' },
  year: { nb: 'år', en: 'years' },
  month: { nb: 'mnd.', en: 'months' },
  score: { nb: '', en: '' },
  percent: { nb: '%', en: '%' },
};
