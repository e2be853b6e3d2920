/** Reads which metadata a JPEG carries (EXIF, GPS, XMP, orientation) without decoding the image. */

/** What a JPEG file says about itself besides the pixels. */
export type JpegMetadata = {
  /** An APP1 "Exif" segment is present. */
  exif: boolean;
  /** The EXIF data has a GPS IFD, or the XMP packet names GPS fields. */
  gps: boolean;
  /** An APP1 XMP packet is present. */
  xmp: boolean;
  /** EXIF orientation (1–8) when given. */
  orientation?: number;
};

const EXIF_HEADER = [0x45, 0x78, 0x69, 0x66, 0, 0]; // "Exif\0\0"
const XMP_HEADER = 'http://ns.adobe.com/xap/1.0/';
const TAG_ORIENTATION = 0x0112;
const TAG_GPS_IFD = 0x8825;

function startsWith(bytes: Uint8Array, at: number, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[at + i] === b);
}

/** True when the bytes start like a JPEG (SOI marker). */
export function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

/**
 * Walks the JPEG's marker segments up to the image data and reports its metadata.
 * Throws when the bytes are not a JPEG or a segment runs past the end (a cut-off file).
 */
export function readJpegMetadata(bytes: Uint8Array): JpegMetadata {
  if (!isJpeg(bytes)) throw new Error('not a JPEG');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const result: JpegMetadata = { exif: false, gps: false, xmp: false };
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) throw new Error(`bad marker at ${at}`);
    const marker = bytes[at + 1]!;
    // Fill bytes and stand-alone markers carry no length.
    if (marker === 0xff) { at += 1; continue; }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7)) { at += 2; continue; }
    if (marker === 0xd9 || marker === 0xda) break; // end of image / start of scan: no metadata after this
    const length = view.getUint16(at + 2);
    const body = at + 4;
    const end = at + 2 + length;
    if (length < 2 || end > bytes.length) throw new Error(`segment at ${at} runs past the end`);
    if (marker === 0xe1 && startsWith(bytes, body, EXIF_HEADER)) {
      result.exif = true;
      readExif(view, body + EXIF_HEADER.length, end, result);
    } else if (marker === 0xe1 && new TextDecoder().decode(bytes.subarray(body, body + XMP_HEADER.length)) === XMP_HEADER) {
      result.xmp = true;
      // XMP can hold the location too (exif:GPSLatitude), so look for it in the packet text.
      if (/GPS(Latitude|Longitude|Altitude)/.test(new TextDecoder().decode(bytes.subarray(body, end)))) result.gps = true;
    }
    at = end;
  }
  return result;
}

/** Reads IFD0 of the TIFF structure inside an EXIF segment: orientation and the GPS IFD pointer. */
function readExif(view: DataView, tiff: number, end: number, out: JpegMetadata): void {
  if (tiff + 8 > end) return;
  const little = view.getUint16(tiff) === 0x4949; // "II" little-endian, "MM" big-endian
  const u16 = (o: number) => view.getUint16(o, little);
  const ifd0 = tiff + view.getUint32(tiff + 4, little);
  if (ifd0 + 2 > end) return;
  const count = u16(ifd0);
  for (let i = 0; i < count; i++) {
    const entry = ifd0 + 2 + i * 12;
    if (entry + 12 > end) return;
    const tag = u16(entry);
    if (tag === TAG_GPS_IFD) out.gps = true;
    if (tag === TAG_ORIENTATION) out.orientation = u16(entry + 8);
  }
}

/** True when the file carries a location (GPS in EXIF or XMP); non-JPEG bytes count as unknown → false. */
export function hasLocationMetadata(bytes: Uint8Array): boolean {
  return isJpeg(bytes) && readJpegMetadata(bytes).gps;
}
