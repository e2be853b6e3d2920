/** The names photos go by in a list, on screen and to a screen reader. */
import type { PhotoRef } from '../../core/sync/protocol';

/**
 * What each photo is called: "Bilde n", or for a marked-up copy "Markert kopi av Bilde k" after the original it links
 * to (when that is in the list).
 */
export function photoNames(photos: PhotoRef[], photoN: (n: number) => string, copyOf: (name: string) => string): string[] {
  return photos.map((p, i) => {
    const original = p.markupOf ? photos.findIndex((q) => q.sha256 === p.markupOf) : -1;
    return original >= 0 ? copyOf(photoN(original + 1)) : photoN(i + 1);
  });
}
