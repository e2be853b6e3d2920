/**
 * zod's settings for the browser. Under the app's strict CSP zod must not probe for eval (a `new Function` in a
 * try/catch): the browser reports the blocked probe as a violation on every page load. jitless also skips the
 * compiled validators the probe would enable. Imported first by the lazily loaded signed-in parts (the shell and the
 * password screen), before any schema is used; the log-in page loads no zod at all.
 */
import { config } from 'zod';

config({ jitless: true });
