/** A simulated device for sync tests: its own Dexie database on fake-indexeddb and the real sync client. */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { EgnetDb } from '../../../src/app/store/db';
import { repo } from '../../../src/app/store/repo';
import { SyncClient, type SyncClientOptions } from '../../../src/app/sync/syncClient';
import type { EntityName } from '../../../src/core/entities';

/** One installation: database, sync client, and shortcuts to its repositories. */
export type Device = {
  name: string;
  db: EgnetDb;
  client: SyncClient;
  repo: <T extends object = Record<string, unknown>>(entity: EntityName) => ReturnType<typeof repo<T>>;
  /** Closes the database (as a closed tab) and opens it again with a fresh client. */
  reopen: () => Promise<void>;
  close: () => void;
};

/** Makes a device with a fresh database; `options` are passed to its sync client. */
export function makeDevice(name: string, options: Omit<SyncClientOptions, 'db'>): Device {
  const dbName = `${name}-${crypto.randomUUID()}`;
  const open = () => new EgnetDb(dbName, { indexedDB, IDBKeyRange });
  const device: Device = {
    name,
    db: open(),
    client: undefined as unknown as SyncClient,
    repo: (entity) => repo(entity, device.db),
    reopen: async () => {
      device.db.close();
      device.db = open();
      await device.db.open();
      device.client = new SyncClient({ ...options, db: device.db });
    },
    close: () => device.db.close(),
  };
  device.client = new SyncClient({ ...options, db: device.db });
  return device;
}
