/** Draws the mark-up on a full-size copy of the photo and stores the copy as a new photo linked to its original. */
import { MAX_BLOB_BYTES, type PhotoRef } from '../../core/sync/protocol';
import { savePhoto } from '../store/savePhoto';
import { markupSize, renderMarkup, type MarkupContext, type Shape } from './markup';
import { isQuotaError, PhotoError } from './PhotoError';

const QUALITY = 0.85;

/** The copy's JPEG bytes: the photo at its own size (at most 2000 px) with the shapes drawn over it. */
export async function renderMarkupJpeg(source: Blob, shapes: readonly Shape[]): Promise<{ bytes: Uint8Array; width: number; height: number }> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(source);
  } catch (cause) {
    throw new PhotoError('decode', 'could not decode the photo to mark up', { cause });
  }
  try {
    const size = markupSize(bitmap);
    let blob: Blob;
    if (typeof OffscreenCanvas !== 'undefined') {
      const canvas = new OffscreenCanvas(size.width, size.height);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new PhotoError('decode', 'no 2D canvas');
      ctx.drawImage(bitmap, 0, 0, size.width, size.height);
      renderMarkup(ctx as unknown as MarkupContext, shapes, size);
      blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: QUALITY });
    } else {
      const canvas = document.createElement('canvas');
      canvas.width = size.width;
      canvas.height = size.height;
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new PhotoError('decode', 'no 2D canvas');
      ctx.drawImage(bitmap, 0, 0, size.width, size.height);
      renderMarkup(ctx, shapes, size);
      blob = await new Promise((resolve, reject) =>
        canvas.toBlob((b) => (b ? resolve(b) : reject(new PhotoError('decode', 'canvas gave no image'))), 'image/jpeg', QUALITY),
      );
    }
    const bytes = new Uint8Array(await blob.arrayBuffer());
    if (bytes.length > MAX_BLOB_BYTES) throw new PhotoError('tooLarge', `${bytes.length} bytes marked up`);
    return { bytes, ...size };
  } finally {
    bitmap.close();
  }
}

/**
 * Stores the marked-up copy of `original` (whose bytes are `source`) and returns its reference, linked by `markupOf`.
 * The original is not touched. Throws PhotoError (`decode`, `tooLarge`, `storageFull`); nothing is stored then.
 */
export async function saveMarkup(original: PhotoRef, source: Blob, shapes: readonly Shape[], caption: string): Promise<PhotoRef> {
  if (shapes.length === 0) throw new RangeError('nothing drawn');
  const { bytes } = await renderMarkupJpeg(source, shapes);
  const text = caption.trim().slice(0, 500);
  try {
    return await savePhoto(bytes, 'image/jpeg', { markupOf: original.sha256, ...(text ? { caption: text } : {}) });
  } catch (cause) {
    if (isQuotaError(cause)) throw new PhotoError('storageFull', 'device storage is full', { cause });
    throw cause;
  }
}
