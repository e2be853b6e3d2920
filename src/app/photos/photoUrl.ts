/** The full-size photo for viewing or printing: from the device when it is there, else from the server, else null. */
import { getSession } from '../session';
import { deviceDb } from '../store/deviceDb';

/** The photo's bytes as a Blob: the device first; photos taken on other devices are fetched when there is a network. */
export async function photoBlob(sha256: string): Promise<Blob | null> {
  const stored = await deviceDb().photos.get(sha256);
  if (stored) return new Blob([stored.bytes], { type: stored.mime });
  const token = getSession()?.token;
  if (!token) return null;
  try {
    const res = await fetch(`/api/blobs/${sha256}`, { headers: { Authorization: `Bearer ${token}` } });
    return res.ok ? await res.blob() : null;
  } catch {
    return null;
  }
}

/** An object URL of the full-size photo (revoke it when done), or null when it is neither here nor reachable. */
export async function photoUrl(sha256: string): Promise<string | null> {
  const blob = await photoBlob(sha256);
  return blob ? URL.createObjectURL(blob) : null;
}
