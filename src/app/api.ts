/** The one way the browser app talks to the server: bearer token in, typed errors out. */
import { getSession, markPasswordChangeRequired, markSessionExpired } from './session';

/** An API call that did not succeed. `status` 0 means no answer reached us (offline, server down, connection cut). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: unknown,
    /** Seconds from the `Retry-After` header (429/503), when the server sent one. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** True when the request never got an answer, so retrying later may work. */
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

/** `fetch` options plus `json` (a body sent as JSON) and `anonymous` (send no session token, as log-in does). */
export type ApiInit = RequestInit & { json?: unknown; anonymous?: boolean };

type ErrorBody = { error?: { code?: unknown; message?: unknown; issues?: unknown } };

function retryAfter(res: Response): number | undefined {
  const v = res.headers.get('Retry-After');
  if (!v) return undefined;
  const secs = Number(v);
  if (Number.isFinite(secs)) return Math.max(0, secs);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.round((at - Date.now()) / 1000));
}

async function toError(res: Response): Promise<ApiError> {
  let body: ErrorBody | null = null;
  try {
    body = (await res.json()) as ErrorBody;
  } catch {
    // A proxy or a crashed server may answer with HTML; the status still says what happened.
  }
  const e = body?.error;
  const code = typeof e?.code === 'string' ? e.code : `http_${res.status}`;
  const message = typeof e?.message === 'string' ? e.message : res.statusText || `HTTP ${res.status}`;
  return new ApiError(res.status, code, message, e?.issues, retryAfter(res));
}

/**
 * Calls `/api/...`: adds the session's bearer token, sends `json` as JSON, returns the parsed JSON answer
 * (undefined for 204). Throws ApiError: the server's `{error: {code, message, issues}}`, or status 0 with code
 * `network` when no answer came. A 401 on a call made with a token marks the session expired.
 */
export async function apiFetch<T = unknown>(path: string, init: ApiInit = {}): Promise<T> {
  const { json, anonymous, headers: given, ...rest } = init;
  const headers = new Headers(given);
  const session = getSession();
  const sendsSession = !!session && !anonymous && !headers.has('Authorization');
  if (sendsSession) headers.set('Authorization', `Bearer ${session.token}`);
  if (json !== undefined) headers.set('Content-Type', 'application/json');
  headers.set('Accept', 'application/json');
  let res: Response;
  try {
    res = await fetch(path, { ...rest, headers, body: json !== undefined ? JSON.stringify(json) : rest.body });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', err instanceof Error ? err.message : String(err));
  }
  if (!res.ok) {
    // Only a refused token expires the session; a wrong password at log-in is also a 401 but sent no token.
    if (res.status === 401 && sendsSession) markSessionExpired();
    const error = await toError(res);
    // The app learns of a temporary password set since log-in and shows the change screen.
    if (res.status === 403 && sendsSession && error.code === 'password_change_required') markPasswordChangeRequired();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
