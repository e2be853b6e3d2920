// Reading EXIF/GPS/XMP from JPEG bytes: the check that proves shrunk photos carry no location.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasLocationMetadata, readJpegMetadata } from '../../../../src/app/photos/jpegMetadata';

const fixture = new Uint8Array(readFileSync(new URL('../../../fixtures/gps-photo.jpg', import.meta.url)));

function segment(marker: number, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(body.length + 4);
  out.set([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff]);
  out.set(body, 4);
  return out;
}
function jpeg(...segments: Uint8Array[]): Uint8Array {
  const parts = [new Uint8Array([0xff, 0xd8]), ...segments, new Uint8Array([0xff, 0xda, 0, 2, 1, 2, 3, 0xff, 0xd9])];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}
/** A little-endian EXIF segment with the given IFD0 tags (SHORT values). */
function exifLE(tags: [number, number][]): Uint8Array {
  const t = new DataView(new ArrayBuffer(8 + 2 + tags.length * 12 + 4));
  t.setUint16(0, 0x4949); t.setUint16(2, 42, true); t.setUint32(4, 8, true);
  t.setUint16(8, tags.length, true);
  tags.forEach(([tag, value], i) => {
    const e = 10 + i * 12;
    t.setUint16(e, tag, true); t.setUint16(e + 2, 3, true); t.setUint32(e + 4, 1, true); t.setUint16(e + 8, value, true);
  });
  const body = new Uint8Array(6 + t.byteLength);
  body.set([0x45, 0x78, 0x69, 0x66, 0, 0]);
  body.set(new Uint8Array(t.buffer), 6);
  return segment(0xe1, body);
}

describe('readJpegMetadata', () => {
  it('finds the GPS IFD and orientation in the camera-style fixture', () => {
    expect(readJpegMetadata(fixture)).toEqual({ exif: true, gps: true, xmp: false, orientation: 6 });
    expect(hasLocationMetadata(fixture)).toBe(true);
  });

  it('reports a bare JPEG as clean', () => {
    expect(readJpegMetadata(jpeg(segment(0xe0, new TextEncoder().encode('JFIF\0\x01\x01'))))).toEqual({ exif: false, gps: false, xmp: false });
  });

  it('reads little-endian EXIF, with and without a GPS pointer', () => {
    expect(readJpegMetadata(jpeg(exifLE([[0x0112, 3]])))).toEqual({ exif: true, gps: false, xmp: false, orientation: 3 });
    expect(readJpegMetadata(jpeg(exifLE([[0x0112, 1], [0x8825, 26]]))).gps).toBe(true);
  });

  it('finds a location written only in XMP', () => {
    const xmp = new TextEncoder().encode('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><rdf:Description exif:GPSLatitude="63,17.0N"/></x:xmpmeta>');
    expect(readJpegMetadata(jpeg(segment(0xe1, xmp)))).toEqual({ exif: false, gps: true, xmp: true });
  });

  it('refuses bytes that are not a JPEG or are cut off', () => {
    expect(() => readJpegMetadata(new TextEncoder().encode('\x89PNG\r\n'))).toThrow(/not a JPEG/);
    expect(() => readJpegMetadata(fixture.subarray(0, 40))).toThrow(/past the end/);
    expect(hasLocationMetadata(new TextEncoder().encode('GIF89a'))).toBe(false);
  });
});
