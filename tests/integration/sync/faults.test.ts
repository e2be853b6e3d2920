// Three simulated devices (Dexie on fake-indexeddb, the real sync client) edit 200 records against the real server
// process on a real SQLite file (on PostgreSQL under `npm run test:postgres`, also with two server processes), through a fetch that drops, loses, duplicates, delays and replays requests, answers
// 500/503/429, cuts bodies off, and SIGKILLs the server mid-request. Then faults stop, sync settles, and I1–I7 must hold.
// Replay a run with EGNET_SEED=<seed>; EGNET_SOAK=1 adds fresh random seeds and more edits.
import { afterAll, describe, expect, it } from 'vitest';
import { savePhoto } from '../../../src/app/store/savePhoto';
import { DEMO_PASSWORD, DEMO_USERS } from '../../../src/core/demo/users';
import type { SessionUser } from '../../../src/core/entities';
import { startServer, type ServerProcess } from '../../support/server-process';
import { makeDevice } from './device';
import { faultFetch, type FaultRates } from './fault-fetch';
import { checkInvariants, type CheckedDevice, type MadeOp } from './invariants';
import { prng } from './prng';
import { sampleDwelling, sampleInspection } from './sample-records';

/** Seeds that once failed: each stays a regression case (473821083 lost only 19.9 % of answers before losses kept to their share). */
const REGRESSION_SEEDS: number[] = [473821083];
/** The short seeded run of `npm test`; `npm run test:soak` adds fresh random seeds. */
const FIXED_SEEDS: number[] = [20261127];

const SOAK = process.env.EGNET_SOAK === '1';
/** Under `npm run test:postgres` the full runs below are on PostgreSQL; otherwise on SQLite. */
const ON_POSTGRES = process.env.EGNET_TEST_ENGINE === 'postgres';
const RECORDS = 200;
const DEFAULT_EDITS = SOAK ? 3000 : 900;
// Real SIGKILLs of a running server (a kill asked for while it is already restarting kills nothing and is not
// counted). The short run keeps to six so it takes no longer than before, when "10 kills" counted requests and the
// seeds really killed the server 5 and 7 times; the soak run kills ten times.
const DEFAULT_KILLS = SOAK ? 10 : 6;
const RATES: FaultRates = {
  drop: 0.08,
  loseResponse: 0.3,
  duplicate: 0.05,
  replayLater: 0.05,
  delay: 0.1,
  errorStatus: 0.06,
  cutBody: 0.04,
  kill: 0.06,
};

const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
});

async function logIn(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`log-in ${username}: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/**
 * How a run is set up: the engine (`postgres` true or false; left out, EGNET_TEST_ENGINE decides, as under
 * `npm run test:postgres`), how many edits at least and how many real kills.
 */
type Scenario = {
  postgres?: boolean;
  edits: number;
  kills: number;
  /** Server processes on one PostgreSQL database. */
  processes?: 1 | 2;
  /**
   * Whether the run must have met a conflict. A short run's timing may keep two devices from editing the same field
   * between syncs (seen once in 300 edits); the invariants are checked either way, and conflicts on both engines are
   * covered by the sync contract.
   */
  mustConflict?: boolean;
};

async function runScenario(seed: number, { postgres, edits: EDITS, kills: KILLS, processes = 1, mustConflict = true }: Scenario = { edits: DEFAULT_EDITS, kills: DEFAULT_KILLS }): Promise<void> {
  const rnd = prng(seed);
  const started = Date.now();
  const server = await startServer({ demo: true, ...(postgres === undefined ? {} : { postgres }) });
  servers.push(server);
  expect(server.databaseUrl !== undefined, 'the server runs on the engine asked for').toBe(postgres ?? ON_POSTGRES);
  // A second process on the same database and the same photo folder; devices talk to one or the other, and either
  // may be killed.
  const all = [server];
  if (processes === 2) {
    if (!server.databaseUrl) throw new Error('two server processes need PostgreSQL');
    all.push(await startServer({ demo: true, dataDir: server.dataDir, env: { EGNET_DATABASE_URL: server.databaseUrl } }));
    servers.push(all[1]!);
  }
  let restarting: Promise<void> | null = null;
  let sigkills = 0;
  const kill = async (): Promise<boolean> => {
    // One crash at a time; requests meanwhile meet a closed port, as they would. A kill asked for while the server
    // is down or restarting kills nothing and is not counted.
    if (restarting) {
      await restarting;
      return false;
    }
    let killed = false;
    const target = all.length > 1 ? rnd.pick(all) : server;
    restarting = target
      .kill()
      .then((k) => {
        killed = k;
        if (k) sigkills += 1;
        return target.restart();
      })
      .finally(() => (restarting = null));
    await restarting;
    return killed;
  };
  const faults = faultFetch(rnd, RATES, kill, KILLS, fetch, () => restarting === null);

  const people: { user: SessionUser; name: string }[] = [
    { user: DEMO_USERS.find((u) => u.username === 'inspektor')!, name: 'tablet-inspektor' },
    { user: DEMO_USERS.find((u) => u.username === 'admin')!, name: 'laptop-admin' },
    { user: DEMO_USERS.find((u) => u.username === 'inspektor')!, name: 'phone-inspektor' },
  ];
  const checked: CheckedDevice[] = [];
  for (const [i, p] of people.entries()) {
    const via = all[i % all.length]!;
    const token = await logIn(via.url, p.user.username);
    const device = makeDevice(p.name, { getToken: () => token, fetch: faults.fetch, baseUrl: via.url, timeoutMs: 10_000 });
    const entry: CheckedDevice = { device, user: p.user, ops: [] };
    checked.push(entry);
  }
  // Every op is captured as it enters a device's outbox (also after the database is reopened).
  const capture = (entry: CheckedDevice) =>
    entry.device.db.outbox.hook('creating', (_key, op) => {
      entry.ops.push(structuredClone({ opId: op.opId, entity: op.entity, id: op.id, baseRev: op.baseRev, set: op.set, delete: op.delete }) as MadeOp);
    });
  checked.forEach(capture);

  const inFlight = new Set<Promise<unknown>>();
  const syncSoon = (entry: CheckedDevice) => {
    const p = entry.device.client.sync();
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  };

  // Phase 1: the records are made, split over the devices, while everything fails around them.
  const dwellingIds: string[] = [];
  for (let i = 0; i < RECORDS; i++) {
    const entry = checked[i % checked.length]!;
    dwellingIds.push(await entry.device.repo('dwelling').create(sampleDwelling(i)));
    if (rnd.chance(0.1)) syncSoon(entry);
  }
  // A few inspections with photos, made by the inspector's devices.
  for (let i = 0; i < 6; i++) {
    const entry = checked[i % 2 === 0 ? 0 : 2]!;
    const inspectionId = await entry.device.repo('inspection').create(sampleInspection(dwellingIds[i]!, entry.user.id));
    // A JPEG's first bytes, then filler: the server checks the first bytes against the declared type.
    const bytes = new Uint8Array(2000 + i).map((_, j) => [0xff, 0xd8, 0xff][j] ?? (j * (i + 7)) % 256);
    const ref = await savePhoto(bytes, 'image/jpeg', { db: entry.device.db });
    await entry.device.repo('inspection').setPath(inspectionId, `answers.roof${i}.grade`, { value: 'TG2', photos: [ref] });
    syncSoon(entry);
  }

  // Phase 2: random edits on whatever each device has, with syncs in between and devices closed mid-sync; it goes
  // on until the server was really killed KILLS times. Half the edits hit 20 "hot" records, so devices collide.
  const hot = new Set(dwellingIds.slice(0, 20));
  for (let step = 0; step < EDITS || (faults.log.kill < KILLS && step < EDITS * 20); step++) {
    const entry = rnd.pick(checked);
    const r = entry.device.repo<Record<string, unknown>>('dwelling');
    const known = (await entry.device.db.records.where('entity').equals('dwelling').primaryKeys()).map((k) => k[1]);
    const knownHot = known.filter((k) => hot.has(k));
    const id = knownHot.length > 0 && rnd.chance(0.5) ? rnd.pick(knownHot) : known.length > 0 ? rnd.pick(known) : rnd.pick(dwellingIds);
    const roll = rnd.next();
    try {
      if (roll < 0.005) await r.delete(id);
      else if (roll < 0.015) await r.put(id, { postcode: 'ikke et postnummer' });
      else if (roll < 0.4) await r.put(id, { floor: rnd.int(0, 5) });
      else if (roll < 0.6) await r.put(id, { areaM2: rnd.int(30, 150) });
      else if (roll < 0.8) await r.put(id, { notes: `merknad ${rnd.int(0, 9)}` });
      else await r.put(id, { vacant: rnd.chance(0.5), hasLift: rnd.chance(0.5) });
    } catch (err) {
      // Editing a record this device saw deleted is refused on the device; that is the app's behaviour.
      if (!(err instanceof Error && err.name === 'ChangeRefusedError')) throw err;
    }
    if (rnd.chance(0.1)) await entry.device.client.sync();
    else if (rnd.chance(0.15)) syncSoon(entry);
    if (rnd.chance(0.004)) {
      // The tab is closed mid-sync and opened again.
      syncSoon(entry);
      await new Promise((res) => setTimeout(res, rnd.int(0, 20)));
      await entry.device.reopen();
      capture(entry);
    }
    if (step % 50 === 0) await new Promise((res) => setTimeout(res, rnd.int(0, 30)));
  }
  await Promise.allSettled([...inFlight]);

  // Phase 3: the faults stop; every device syncs until nothing moves.
  faults.calm();
  while (restarting) await restarting;
  await faults.drain();
  // One invalid edit in every run, whatever the timing left of the random ones (a short run may have none): it must
  // come back as could-not-be-saved.
  const live = await checked[0]!.device.db.records.where('entity').equals('dwelling').filter((r) => !r.deleted).first();
  if (!live) throw new Error('no live dwelling left on the first device');
  await checked[0]!.device.repo('dwelling').put(live.id, { postcode: 'ikke et postnummer' });
  let quiet = 0;
  for (let round = 0; round < 20 && quiet < 2; round++) {
    let moved = 0;
    for (const entry of checked) {
      const out = await entry.device.client.sync();
      if (!out.ok) throw new Error(`settle: ${entry.device.name} failed: ${out.code}`);
      moved += out.pushed + out.pulled;
    }
    quiet = moved === 0 ? quiet + 1 : 0;
  }

  const violations = await checkInvariants(server.dataDir, checked, server.databaseUrl);
  const conflicts = (await Promise.all(checked.map((c) => c.device.db.conflicts.count()))).reduce((a, b) => a + b, 0);
  const rejected = (await Promise.all(checked.map((c) => c.device.db.rejected.count()))).reduce((a, b) => a + b, 0);
  const ops = checked.reduce((n, c) => n + c.ops.length, 0);
  console.log(
    `sync faults seed=${seed} on ${server.databaseUrl ? 'postgres' : 'sqlite'} (${all.length} process${all.length > 1 ? 'es' : ''}): ${ops} ops, ${conflicts} conflicts shown, ${rejected} rejected shown, ` +
      `${Math.round((100 * faults.log.loseResponse) / faults.log.answered)} % of answers lost, faults ${JSON.stringify(faults.log)}, ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  for (const c of checked) c.device.close();
  for (const s of all) await s.stop();
  expect(violations, `seed ${seed}: replay with EGNET_SEED=${seed}`).toEqual([]);
  expect(sigkills, 'real SIGKILLs of the running server').toBe(KILLS);
  expect(faults.log.kill, 'kills counted by the faulty fetch').toBe(sigkills);
  // Answers are lost within two of the set share (fault-fetch.ts). Over 40 answers that is more than 25 % of them; the
  // short run's 18 or so answers may lose 4 (22 %) and still be on the share.
  expect(faults.log.loseResponse, 'answers lost, within two of the set share').toBeGreaterThanOrEqual(Math.floor(RATES.loseResponse * faults.log.answered) - 2);
  if (faults.log.answered > 40) expect(faults.log.loseResponse / faults.log.answered, 'share of answers lost').toBeGreaterThan(0.25);
  if (mustConflict) expect(conflicts, 'the same field edited on two devices shows conflicts').toBeGreaterThan(0);
  expect(rejected, 'invalid edits show as could-not-be-saved').toBeGreaterThan(0);
}

const fromEnv = process.env.EGNET_SEED ? [Number(process.env.EGNET_SEED)] : [];
const fresh = Array.from({ length: SOAK ? 6 : 0 }, () => Math.floor(Math.random() * 2 ** 31));
const seeds = [...fromEnv, ...(fromEnv.length ? [] : [...REGRESSION_SEEDS, ...FIXED_SEEDS, ...fresh])];

describe(`sync under faults on ${ON_POSTGRES ? 'PostgreSQL' : 'SQLite'}`, () => {
  for (const seed of seeds) {
    it(`seed ${seed}: nothing lost, nothing doubled, everyone converges`, () => runScenario(seed), SOAK ? 900_000 : 240_000);
  }
});

/** The short run on PostgreSQL in `npm test`: fewer edits and kills (the full run: npm run test:postgres). */
const POSTGRES_SEED = 20261206;

describe.skipIf(ON_POSTGRES || fromEnv.length > 0)('sync under faults on PostgreSQL (short)', () => {
  it(`seed ${POSTGRES_SEED}: nothing lost, nothing doubled, everyone converges`, () => runScenario(POSTGRES_SEED, { postgres: true, edits: 300, kills: 2, mustConflict: false }), 240_000);
});

/** Under `npm run test:postgres`: two server processes on one database, either killed at random. */
describe.runIf(ON_POSTGRES)('sync under faults with two server processes on PostgreSQL', () => {
  for (const seed of [...fromEnv, ...(fromEnv.length ? [] : [...FIXED_SEEDS, ...fresh])]) {
    it(`seed ${seed}: nothing lost, nothing doubled, everyone converges`, () => runScenario(seed, { edits: DEFAULT_EDITS, kills: DEFAULT_KILLS, processes: 2 }), SOAK ? 900_000 : 400_000);
  }
});
