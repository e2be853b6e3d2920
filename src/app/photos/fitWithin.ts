/** The size a photo is shrunk to: longest side at most the limit, aspect ratio kept, never enlarged. */

/** Width and height in whole pixels. */
export type Size = { width: number; height: number };

/** Scales `size` down so its longest side is at most `longest`; smaller photos keep their size. */
export function fitWithin(size: Size, longest: number): Size {
  const { width, height } = size;
  if (!(width > 0 && height > 0)) throw new RangeError(`invalid image size ${width}×${height}`);
  const scale = Math.min(1, longest / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
