/** Small previews of stored photos, made once per app run: a list of 2000 px photos would use far too much memory. */
import { deviceDb } from '../store/deviceDb';

/** Width of a thumbnail in CSS pixels × 2 for sharp screens. */
const THUMB_WIDTH = 240;
const cache = new Map<string, Promise<string | null>>();

/** An object URL of a thumbnail of the stored photo, or null when the photo is not on this device. */
export function thumbnailUrl(sha256: string): Promise<string | null> {
  let url = cache.get(sha256);
  if (!url) {
    url = make(sha256);
    cache.set(sha256, url);
    // A failed read may succeed later (photo arriving by sync), so only successes stay cached.
    void url.then((u) => { if (!u) cache.delete(sha256); });
  }
  return url;
}

async function make(sha256: string): Promise<string | null> {
  const stored = await deviceDb().photos.get(sha256);
  if (!stored) return null;
  const blob = new Blob([stored.bytes], { type: stored.mime });
  try {
    const bitmap = await createImageBitmap(blob, { resizeWidth: THUMB_WIDTH, resizeQuality: 'medium' });
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
    bitmap.close();
    return URL.createObjectURL(await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.7 }));
  } catch {
    // No OffscreenCanvas (older Safari): the stored photo itself still shows, just heavier.
    return URL.createObjectURL(blob);
  }
}
