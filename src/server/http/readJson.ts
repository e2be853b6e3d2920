/** Reads a JSON request body within a size limit and parses it with a zod schema. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { bodyLimit } from './bodyLimit';
import { ApiError } from './error';
import { bilingual } from '../../core/schemas/bilingual';

/** Default cap for JSON bodies; routes that take more (sync push) pass their own. */
export const JSON_BODY_LIMIT = 64 * 1024;

/** The deepest nesting of arrays and objects a request may have; Egnet's own bodies stay under 10. */
export const MAX_JSON_DEPTH = 32;

/**
 * How deep the arrays and objects of a JSON text nest, counted in one pass without recursion (brackets inside strings
 * do not count), stopping as soon as `limit` is passed: a body nested 200,000 deep must never reach a recursive parser
 * or schema check.
 */
export function jsonDepthExceeds(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++; // a backslash escapes the next character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      if (++depth > limit) return true;
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return false;
}

/**
 * The body parsed by `schema`. Throws 415 `unsupported_media_type` unless it is sent as application/json, 413 `too_large` over `maxBytes`, 400 `too_deep` when it nests deeper than
 * MAX_JSON_DEPTH, 400 `bad_json` when it is not JSON,
 * and the ZodError (→ 400 `invalid` with zod's issues) when it does not fit the schema.
 */
export async function readJson<S extends z.ZodType>(c: Context, schema: S, maxBytes = JSON_BODY_LIMIT): Promise<z.output<S>> {
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new ApiError(
      415,
      'unsupported_media_type',
      bilingual(
        `Send innholdet som JSON med Content-Type: application/json, ikke ${type ?? 'uten Content-Type'}`,
        `Send the body as JSON with Content-Type: application/json, not ${type ?? 'without a Content-Type'}`,
      ),
    );
  }
  let text = '';
  await bodyLimit(maxBytes)(c, async () => {
    text = await c.req.text();
  });
  if (jsonDepthExceeds(text)) {
    throw new ApiError(
      400,
      'too_deep',
      bilingual(
        `Forespørselen er nøstet dypere enn ${MAX_JSON_DEPTH} nivåer; send en flatere struktur`,
        `The request nests deeper than ${MAX_JSON_DEPTH} levels; send a flatter structure`,
      ),
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'bad_json', 'Forespørselen er ikke gyldig JSON / The request body is not valid JSON');
  }
  return schema.parse(raw);
}
