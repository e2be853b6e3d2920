/**
 * The inspectors one may assign work to: fetched from the server when online and kept in the device database, so
 * planning and reassigning work offline with the list from the last time the device was online.
 */
import { useEffect, useState } from 'preact/hooks';
import { apiFetch } from '../../api';
import { getSession } from '../../session';
import { deviceDb } from '../../store/deviceDb';
import { personName } from '../checklist/personName';

/** One inspector: id and name. */
export type Person = { id: string; name: string };

const KEY = 'inspectors';

/** The list (undefined while loading) and whether it is fresh from the server (false: the kept one, or none). */
export function useInspectors(): { inspectors: Person[] | undefined; fresh: boolean } {
  const [state, setState] = useState<{ inspectors: Person[] | undefined; fresh: boolean }>({ inspectors: undefined, fresh: false });
  useEffect(() => {
    let live = true;
    const me = getSession()?.user;
    const withMe = (list: Person[]): Person[] =>
      me?.roles.includes('inspector') && !list.some((p) => p.id === me.id) ? [...list, { id: me.id, name: me.name }] : list;
    void (async () => {
      const kept = await deviceDb().meta.get(KEY).catch(() => undefined);
      if (live) setState({ inspectors: withMe(Array.isArray(kept?.value) ? (kept.value as Person[]) : []), fresh: false });
      try {
        const { inspectors } = await apiFetch<{ inspectors: Person[] }>('/api/inspectors');
        await deviceDb().meta.put({ key: KEY, value: inspectors });
        if (live) setState({ inspectors: withMe(inspectors), fresh: true });
      } catch {
        /* offline: the kept list stays */
      }
    })();
    return () => void (live = false);
  }, []);
  return state;
}

/** An inspector's name from the list, else as far as the device knows the person. */
export function inspectorName(id: string, list: readonly Person[] | undefined): string | null {
  return list?.find((p) => p.id === id)?.name ?? personName(id);
}
