/** Whether an answer counts as given: a value (not blank), or for photo items at least one photo. */
import type { Item } from './template';

/** True when the answer holds something for this kind of item; tolerates any input shape. */
export function isAnswered(item: Pick<Item, 'kind'>, answer: unknown): boolean {
  if (typeof answer !== 'object' || answer === null) return false;
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
