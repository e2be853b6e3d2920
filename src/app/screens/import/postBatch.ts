/** Sends an all-or-nothing batch of ops to POST /api/sync/batch, reporting upload progress (fetch cannot). */
import type { Op, OpResult } from '../../../core/sync/protocol';
import { ApiError } from '../../api';
import { getSession, markSessionExpired } from '../../session';

/** Where a batch upload stands: bytes sent of all, then waiting for the server to store it. */
export type BatchProgress = { sent: number; total: number; stored: boolean };

/**
 * Posts the ops as one batch and resolves with the server's results; throws ApiError with the server's error (422
 * `batch_refused` lists the refused ops, with their index into `ops`) or status 0 when the connection was lost.
 * Either way the server has stored all of the batch or none of it.
 */
export function postBatch(clientId: string, ops: Op[], onProgress: (p: BatchProgress) => void): Promise<OpResult[]> {
  const body = JSON.stringify({ clientId, ops });
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/sync/batch');
    xhr.setRequestHeader('Content-Type', 'application/json');
    xhr.setRequestHeader('Accept', 'application/json');
    const session = getSession();
    if (session) xhr.setRequestHeader('Authorization', `Bearer ${session.token}`);
    xhr.upload.onprogress = (e) => onProgress({ sent: e.loaded, total: e.total || body.length, stored: false });
    xhr.upload.onload = () => onProgress({ sent: body.length, total: body.length, stored: true });
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network'));
    xhr.ontimeout = () => reject(new ApiError(0, 'network', 'timeout'));
    xhr.onload = () => {
      let parsed: { results?: OpResult[]; error?: { code?: string; message?: string; issues?: unknown } } = {};
      try {
        parsed = JSON.parse(xhr.responseText) as typeof parsed;
      } catch {
        /* an answer that is not JSON (a proxy's page) is judged by its status */
      }
      if (xhr.status === 200 && parsed.results) return resolve(parsed.results);
      if (xhr.status === 401 && session) markSessionExpired();
      reject(new ApiError(xhr.status, parsed.error?.code ?? `http_${xhr.status}`, parsed.error?.message ?? xhr.statusText, parsed.error?.issues));
    };
    xhr.send(body);
  });
}
