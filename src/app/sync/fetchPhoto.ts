/** Brings a photo another device took onto this one: fetched by its hash, checked against it, kept as bytes plus type. */
import { sha256Schema } from '../../core/sync/protocol';
import { getSession } from '../session';
import type { EgnetDb } from '../store/db';
import { deviceDb } from '../store/deviceDb';
import { sha256Hex } from '../store/savePhoto';

/**
 * True when the photo is on this device (already, or now fetched from the server). False when it cannot be had now:
 * offline, not signed in, not on the server, or bytes that do not match their hash (never stored).
 */
export async function fetchPhoto(sha256: string, options: { db?: EgnetDb; fetch?: typeof fetch; baseUrl?: string } = {}): Promise<boolean> {
  const db = options.db ?? deviceDb();
  if (!sha256Schema.safeParse(sha256).success) return false;
  if (await db.photos.get(sha256)) return true;
  const session = getSession();
  if (!session || session.expired) return false;
  try {
    const res = await (options.fetch ?? fetch)(`${options.baseUrl ?? ''}/api/blobs/${sha256}`, { headers: { Authorization: `Bearer ${session.token}` } });
    if (!res.ok) return false;
    const bytes = await res.arrayBuffer();
    if ((await sha256Hex(bytes)) !== sha256) return false;
    const mime = (res.headers.get('Content-Type') ?? 'image/jpeg').split(';')[0]!.trim();
    await db.photos.put({ sha256, bytes, mime, size: bytes.byteLength, uploaded: 1, createdAt: new Date().toISOString() });
    return true;
  } catch {
    return false;
  }
}
