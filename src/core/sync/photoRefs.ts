/** Finds the photo references inside any value, so photos are uploaded before the ops that point to them. */
import { photoRefSchema, type PhotoRef } from './protocol';

/** Every photo reference (`{sha256, mime, takenAt, …}`) found anywhere inside `value`, each hash once. */
export function findPhotoRefs(value: unknown, found: Map<string, PhotoRef> = new Map()): PhotoRef[] {
  if (Array.isArray(value)) {
    for (const v of value) findPhotoRefs(v, found);
  } else if (value !== null && typeof value === 'object') {
    // Only objects with a hash can be photo references; the schema check is kept for those.
    const parsed = 'sha256' in value ? photoRefSchema.safeParse(value) : null;
    if (parsed?.success) found.set(parsed.data.sha256, parsed.data);
    else for (const v of Object.values(value)) findPhotoRefs(v, found);
  }
  return [...found.values()];
}
