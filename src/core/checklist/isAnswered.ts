/** Whether an answer counts as given: a value (not blank), or for photo items at least one photo. */
import type { Item, LeafItem } from './template';

/** True when the answer holds something for this kind of item; tolerates any input shape. */
export function isAnswered(item: Pick<Item | LeafItem, 'kind'>, answer: unknown): boolean {
  if (typeof answer !== 'object' || answer === null) return false;
  if (item.kind === 'calc') return false;
  if (item.kind === 'repeat') {
    const entries = (answer as { entries?: unknown }).entries;
    return Array.isArray(entries) && entries.length > 0;
  }
  if (item.kind === 'photos') {
    const photos = (answer as { photos?: unknown }).photos;
    return Array.isArray(photos) && photos.length > 0;
  }
  const value = (answer as { value?: unknown }).value;
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'number') return Number.isFinite(value);
  return true;
}
