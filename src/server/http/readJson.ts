/** Reads a JSON request body within a size limit and parses it with a zod schema. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { bodyLimit } from './bodyLimit';
import { ApiError } from './error';

/** Default cap for JSON bodies; routes that take more (sync push) pass their own. */
export const JSON_BODY_LIMIT = 64 * 1024;

/**
 * The body parsed by `schema`. Throws 413 `too_large` over `maxBytes`, 400 `bad_json` when it is not JSON,
 * and the ZodError (→ 400 `invalid` with zod's issues) when it does not fit the schema.
 */
export async function readJson<S extends z.ZodType>(c: Context, schema: S, maxBytes = JSON_BODY_LIMIT): Promise<z.output<S>> {
  let text = '';
  await bodyLimit(maxBytes)(c, async () => {
    text = await c.req.text();
  });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'bad_json', 'Forespørselen er ikke gyldig JSON / The request body is not valid JSON');
  }
  return schema.parse(raw);
}
