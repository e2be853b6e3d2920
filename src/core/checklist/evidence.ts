/** Evidence an answer that fails must carry (a photo, a note), as the template's data asks for it. */
import type { EvidenceWhen, Item, LeafItem } from './template';

/** What is still lacking: a photo, a note, or both. */
export type EvidenceGap = 'photo' | 'note';

/** Whether the answer's value meets the template's "fails" condition. */
export function answerFails(when: EvidenceWhen, value: unknown): boolean {
  switch (when.op) {
    case 'in':
      return (when.value as unknown[]).includes(value);
    case 'eq':
      return value === when.value;
    case 'lt':
      return typeof value === 'number' && value < when.value;
    case 'gt':
      return typeof value === 'number' && value > when.value;
  }
}

/** The evidence this answer still lacks (empty when none is asked for or all of it is there). */
export function evidenceGaps(item: Item | LeafItem, answer: unknown): EvidenceGap[] {
  const e = item.evidence;
  if (!e || typeof answer !== 'object' || answer === null) return [];
  const a = answer as { value?: unknown; note?: unknown; photos?: unknown };
  if (!answerFails(e.when, a.value)) return [];
  const gaps: EvidenceGap[] = [];
  if (e.photo && !(Array.isArray(a.photos) && a.photos.length > 0)) gaps.push('photo');
  if (e.note && !(typeof a.note === 'string' && a.note.trim() !== '')) gaps.push('note');
  return gaps;
}
