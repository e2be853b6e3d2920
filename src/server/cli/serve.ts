/** Serves app and API on PORT with the database in EGNET_DATA_DIR; stops cleanly on SIGTERM/SIGINT. */
import { CLOSE_GRACE_MS, listen, optionsFromEnv } from '../listen';

try {
  const options = optionsFromEnv(process.env);
  if (!options.staticDir) console.log('Appen er ikke bygget (dist/ mangler), bare API-et svarer; `npm start` bygger den / The app is not built: API only; `npm start` builds it');
  const server = await listen(options);
  const stop = (signal: string) => {
    console.log(`${signal}: stopper / stopping`);
    // Requests in flight get CLOSE_GRACE_MS, then their connections are cut; this is the last resort if closing hangs.
    setTimeout(() => process.exit(1), CLOSE_GRACE_MS + 5000).unref();
    void server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err instanceof Error ? err.message : err);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
