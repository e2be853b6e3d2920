/** The top-level fields an edit changes: what a correction sends, so it does not overwrite a colleague's other fields. */

/** Every field of `after` whose value differs from `before` (missing and null count as the same), with its new value. */
export function fieldChanges<T extends object>(before: T, after: T): Partial<T> {
  const patch: Record<string, unknown> = {};
  const old = before as Record<string, unknown>;
  for (const [key, value] of Object.entries(after as Record<string, unknown>)) {
    if (JSON.stringify(old[key] ?? null) !== JSON.stringify(value ?? null)) patch[key] = value ?? null;
  }
  return patch as Partial<T>;
}
