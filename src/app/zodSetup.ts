/**
 * zod's settings for the browser. Under the app's strict CSP zod must not probe for eval (a `new Function` in a
 * try/catch): the browser reports the blocked probe as a violation. jitless also skips the compiled validators the
 * probe would enable. zod reads this setting when a schema is built, so it must be in place before the first schema
 * of any chunk: zod 4 keeps its settings in `globalThis.__zod_globalConfig` and keeps an object it finds there, so the
 * entry sets it first, without loading zod (the log-in page loads no zod at all). A bundler may place schema modules
 * ahead of a `config()` call inside a shared chunk, which is why a call in a lazily loaded part is not enough.
 */
const scope = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
scope.__zod_globalConfig = Object.assign(scope.__zod_globalConfig ?? {}, { jitless: true });
export {};
