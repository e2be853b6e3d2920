/** Demo data for a fresh database: the four demo accounts and the demo records, written together or not at all. */
import { DEMO_PASSWORD, DEMO_USERS } from '../core/demo/users';
import { hashPassword } from './auth/password';
import { insertUser } from './auth/users';
import { seedDemoUnits } from './privacy/units';
import type { Store, StoreTx } from './store/store';
import { seedDemoRecords } from './sync/seed';

/** When the database has no users, creates DEMO_USERS (password `demo`) and the demo records; true if it did. */
export async function seedDemo(store: Store, now: Date): Promise<boolean> {
  if ((await store.countUsers()) > 0) return false;
  // Hash first: scrypt is slow and a transaction must not wait on it.
  const hashes = await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD)));
  return store.transaction(async (tx) => {
    if ((await tx.countUsers()) > 0) return false;
    for (const [i, u] of DEMO_USERS.entries()) await insertUser(tx, { ...u, passwordHash: hashes[i]! }, now);
    await seedDemoRecords(tx, now);
    await seedDemoUnits(tx);
    return true;
  });
}

/** True when the demo accounts are in this database (so their logins can be shown). */
export async function hasDemoUsers(store: StoreTx): Promise<boolean> {
  return (await demoAccountsLeft(store)) === DEMO_USERS.length;
}

/** How many of the demo accounts (known password "demo") are in this database. */
export function demoAccountsLeft(store: StoreTx): Promise<number> {
  return store.countUsers(DEMO_USERS.map((u) => u.id));
}
