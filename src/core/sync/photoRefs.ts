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

/**
 * Every photo hash the value needs on the server: each reference's own blob and, for a marked-up copy, the original it
 * links to (`markupOf`), so neither half of a mark-up can be missing there. Each hash once.
 */
export function findPhotoHashes(value: unknown): string[] {
  const hashes = new Set<string>();
  for (const ref of findPhotoRefs(value)) {
    hashes.add(ref.sha256);
    if (ref.markupOf) hashes.add(ref.markupOf);
  }
  return [...hashes];
}
