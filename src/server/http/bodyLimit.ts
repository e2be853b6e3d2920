/** Per-route cap on request body size, answering 413 in the API's error shape. */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit as honoBodyLimit } from 'hono/body-limit';
import { ApiError } from './error';
import { bilingual } from '../../core/schemas/bilingual';

/** Middleware refusing bodies over `maxBytes` with 413 `too_large` (checks Content-Length and the bytes actually sent). */
export function bodyLimit(maxBytes: number): MiddlewareHandler {
  return honoBodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ApiError(
        413,
        'too_large',
        bilingual(`Forespørselen er for stor (over ${formatBytes(maxBytes)})`, `The request is too large (over ${formatBytes(maxBytes)})`),
      );
    },
  });
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MiB` : `${Math.round(n / 1024)} KiB`;
}
