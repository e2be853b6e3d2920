/** One photo in a printed report: from the device when it is there, else from the server, else a plain note. */
import { useEffect, useState } from 'preact/hooks';
import type { PhotoRef } from '../../../core/sync/protocol';
import { photoUrl } from '../../photos/photoUrl';

type State = { url: string } | 'loading' | 'missing';

/** A figure with the photo and its caption; `data-photo` tells tests (and print) when it has settled. */
export function ReportPhoto({ photo, alt, missingText }: { photo: PhotoRef; alt: string; missingText: string }) {
  const [state, setState] = useState<State>('loading');
  useEffect(() => {
    let url: string | null = null;
    let live = true;
    void photoUrl(photo.sha256).then((u) => {
      url = u;
      if (live) setState(u ? { url: u } : 'missing');
    });
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [photo.sha256]);
  const settled = typeof state === 'object' ? 'loaded' : state;
  return (
    <figure class="report-photo" data-photo={settled}>
      {typeof state === 'object' ? <img src={state.url} alt={photo.caption || alt} /> : <p>{state === 'missing' ? missingText : '…'}</p>}
      {photo.caption && <figcaption>{photo.caption}</figcaption>}
    </figure>
  );
}
