/** Shows a stored signature (or photo of a paper consent): from the device, else from the server when online. */
import { useEffect, useState } from 'preact/hooks';
import type { PhotoRef } from '../../core/sync/protocol';
import { useText } from '../i18n/language';
import { getSession } from '../session';
import { deviceDb } from '../store/deviceDb';
import { SIGNATURE_TEXT } from './text';
import './signature.css';

async function load(ref: PhotoRef): Promise<Blob | null> {
  const stored = await deviceDb().photos.get(ref.sha256);
  if (stored) return new Blob([stored.bytes], { type: stored.mime });
  const token = getSession()?.token;
  if (!token) return null;
  try {
    const res = await fetch(`/api/blobs/${ref.sha256}`, { headers: { Authorization: `Bearer ${token}` } });
    return res.ok ? await res.blob() : null;
  } catch {
    return null;
  }
}

/** The image with a text alternative; a short note when it is neither on the device nor reachable. */
export function SignatureImage({ photo }: { photo: PhotoRef }) {
  const t = useText(SIGNATURE_TEXT);
  const [url, setUrl] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let made: string | null = null;
    let live = true;
    void load(photo).then((blob) => {
      if (!live) return;
      made = blob ? URL.createObjectURL(blob) : null;
      setUrl(made);
    });
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [photo.sha256]);
  if (url === undefined) return null;
  if (url === null) return <p class="sig-missing">{t('notOnDevice')}</p>;
  return <img class="sig-image" src={url} alt={t('imageAlt')} data-testid="signature-image" />;
}
