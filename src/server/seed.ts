/** Demo data for a fresh database: the four demo accounts and the demo records, written together or not at all. */
import { DEMO_PASSWORD, DEMO_USERS } from '../core/demo/users';
import { hashPassword } from './auth/password';
import { insertUser } from './auth/users';
import type { Db } from './db';
import { seedDemoUnits } from './privacy/units';
import { seedDemoRecords } from './sync/seed';

/** When the database has no users, creates DEMO_USERS (password `demo`) and the demo records; true if it did. */
export async function seedDemo(db: Db, now: Date): Promise<boolean> {
  const hasUsers = () => (db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n > 0;
  if (hasUsers()) return false;
  // Hash first: scrypt is asynchronous and a SQLite transaction must not wait on it.
  const hashes = await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD)));
  return db.transaction(() => {
    if (hasUsers()) return false;
    DEMO_USERS.forEach((u, i) => insertUser(db, { ...u, passwordHash: hashes[i]! }, now));
    seedDemoRecords(db, now);
    seedDemoUnits(db);
    return true;
  })();
}

/** True when the demo accounts are in this database (so their logins can be shown). */
export function hasDemoUsers(db: Db): boolean {
  return demoAccountsLeft(db) === DEMO_USERS.length;
}

/** How many of the demo accounts (known password "demo") are in this database. */
export function demoAccountsLeft(db: Db): number {
  const ids = DEMO_USERS.map((u) => u.id);
  const row = db.prepare(`SELECT COUNT(*) AS n FROM users WHERE id IN (${ids.map(() => '?').join(',')})`).get(...ids) as {
    n: number;
  };
  return row.n;
}
