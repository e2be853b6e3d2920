/** Shrinks a camera or gallery photo on the device: ≤ 2000 px longest side, JPEG, with no EXIF/GPS left. */
import { MAX_BLOB_BYTES } from '../../core/sync/protocol';
import { fitWithin, type Size } from './fitWithin';
import { readJpegMetadata } from './jpegMetadata';
import { PhotoError } from './PhotoError';

/** Longest side of a stored photo, in pixels: sharp enough to read a label on a smoke detector. */
export const PHOTO_LONGEST_SIDE = 2000;
const QUALITY = 0.82;

/** A shrunk photo: the bytes to store, their type and the pixel size. */
export type ShrunkPhoto = Size & { bytes: Uint8Array; mime: 'image/jpeg' };

/**
 * Decodes the photo (turned upright by its EXIF orientation), draws it at the target size on a canvas and
 * encodes a new JPEG. The canvas encoder writes pixels only, so EXIF — GPS included — never reaches the output;
 * the result is still checked so a browser that did copy metadata is refused rather than trusted.
 */
export async function shrinkPhoto(file: Blob, longest = PHOTO_LONGEST_SIDE): Promise<ShrunkPhoto> {
  const start = performance.now();
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch (cause) {
    throw new PhotoError('decode', `could not decode ${file.type || 'file'}`, { cause });
  }
  try {
    const size = fitWithin(bitmap, longest);
    const blob = await encode(bitmap, size);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const meta = readJpegMetadata(bytes);
    if (meta.exif || meta.gps || meta.xmp) throw new PhotoError('metadata', 'the encoder kept metadata');
    if (bytes.length > MAX_BLOB_BYTES) throw new PhotoError('tooLarge', `${bytes.length} bytes after shrinking`);
    // User Timing entry: the field bench reads it (decode, scale and encode of one photo).
    performance.measure('egnet:photo-shrink', { start });
    return { ...size, bytes, mime: 'image/jpeg' };
  } finally {
    bitmap.close();
  }
}

async function encode(bitmap: ImageBitmap, size: Size): Promise<Blob> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(size.width, size.height);
    draw(canvas.getContext('2d'), bitmap, size);
    return canvas.convertToBlob({ type: 'image/jpeg', quality: QUALITY });
  }
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  draw(canvas.getContext('2d'), bitmap, size);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new PhotoError('decode', 'canvas gave no image'))), 'image/jpeg', QUALITY),
  );
}

function draw(ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null, bitmap: ImageBitmap, size: Size): void {
  if (!ctx) throw new PhotoError('decode', 'no 2D canvas');
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, size.width, size.height);
}
