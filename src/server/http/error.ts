/** The one shape of every API error: `{ error: { code, message, issues? } }`. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Thrown anywhere in a route; the app's error handler turns it into the JSON error response. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly issues?: unknown[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/** Writes an API error response. */
export function errorResponse(c: Context, err: ApiError): Response {
  for (const [k, v] of Object.entries(err.headers ?? {})) c.header(k, v);
  return c.json(
    { error: { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) } },
    err.status,
  );
}
