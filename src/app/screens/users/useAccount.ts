/** Loads an account and its change log from the server, when online; `refresh` reloads both after a change. */
import { useEffect, useState } from 'preact/hooks';
import type { Account, AccountLogEntry } from '../../../core/schemas/account';
import { apiFetch, ApiError } from '../../api';

export type AccountLoad = 'loading' | 'offline' | 'missing' | 'ready' | { failed: string };

export function useAccount(id: string | undefined, online: boolean) {
  const [account, setAccount] = useState<Account | null>(null);
  const [load, setLoad] = useState<AccountLoad>(id ? 'loading' : 'ready');
  const [log, setLog] = useState<AccountLogEntry[]>([]);

  const refresh = async () => {
    if (!id) return;
    try {
      const [{ user }, { entries }] = await Promise.all([
        apiFetch<{ user: Account }>(`/api/users/${id}`),
        apiFetch<{ entries: AccountLogEntry[] }>(`/api/users/${id}/log`),
      ]);
      setAccount(user);
      setLog(entries);
      setLoad('ready');
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) setLoad('missing');
      else setLoad(err instanceof ApiError && err.isNetwork ? 'offline' : { failed: err instanceof Error ? err.message : String(err) });
    }
  };

  useEffect(() => {
    if (id && online && load !== 'ready') void refresh();
    if (id && !online && load === 'loading') setLoad('offline');
  }, [id, online]);

  return { account, setAccount, load, log, refresh };
}
