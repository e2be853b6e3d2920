/** The numbered migration files every engine keeps (`001_accounts.sql`, …; the same numbers and names on each engine). */
import { readdirSync, readFileSync } from 'node:fs';

/** A migration file: its number, its name and its SQL. */
export type Migration = { version: number; name: string; sql: string };

/** Reads every migration file of a folder in order of its number. */
export function readMigrationFiles(dir: string): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f.slice(4, -4), sql: readFileSync(dir + f, 'utf8') }));
}

/** The database was migrated by a newer Egnet than this one: running on would misread it. */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly databaseVersion: number,
    readonly codeVersion: number,
  ) {
    super(
      `Databasen har skjemaversjon ${databaseVersion}, men denne versjonen av Egnet kjenner bare til ${codeVersion}; installer den nyere versjonen igjen, eller gjenopprett en sikkerhetskopi tatt før oppgraderingen (se README)` +
        ` / The database has schema version ${databaseVersion} but this version of Egnet knows only up to ${codeVersion}; install the newer version again, or restore a backup taken before the upgrade (see README)`,
    );
    this.name = 'DatabaseTooNewError';
  }
}
