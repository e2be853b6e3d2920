/**
 * Account changes need the server. Offline, or when no answer comes, this shows "Krever nett" where the person is and
 * leaves what they typed alone; any other error is the caller's to show.
 */
import { apiFetch, ApiError } from '../../api';
import type { Notice } from './userFormState';

export async function sendOnline<T>(
  online: boolean,
  needsConnection: string,
  request: { path: string; method: string; json: unknown },
  show: (n: Notice) => void,
): Promise<{ answer: T } | null> {
  const offline = () => {
    show({ kind: 'warning', text: needsConnection });
    return null;
  };
  if (!online) return offline();
  try {
    return { answer: await apiFetch<T>(request.path, { method: request.method, json: request.json }) };
  } catch (err) {
    if (err instanceof ApiError && err.isNetwork) return offline();
    throw err;
  }
}
