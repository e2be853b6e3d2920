// A new app version whose device database has a new schema version is installed while changes wait in the outbox:
// the update waits for the person, the database upgrades, and every waiting change still reaches the server.
// The "next version" is this very app built once more with one more schema version appended — what a release that
// changes the store looks like.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build, type Plugin } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_VERSIONS } from '../../src/app/store/db';
import { TABLET, launchChromium, login } from '../support/browser';
import { forward } from '../support/forward';
import { startServer, type ServerProcess } from '../support/server-process';
import { createDwelling, editDwelling, firstSync, pending, serverRecord, syncNow, untilControlled } from './sync-pages';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NEXT_VERSION = '0.0.0-next-schema';
/** The schema version the app ships now; the "next version" appends the one after it. */
const SHIPPED = STORE_VERSIONS.at(-1)!.version;
/** The records declaration the app ships now, kept by the next version so no index is dropped. */
const RECORDS = [...STORE_VERSIONS].reverse().find((v) => v.stores.records)!.stores.records!;

/** Appends the next schema version to STORE_VERSIONS: a new index, and an upgrade that rewrites every queued op. */
function nextSchemaVersion(): Plugin {
  return {
    name: 'egnet-next-schema-version',
    enforce: 'post',
    transform(code, id) {
      if (!id.replace(/\\/g, '/').endsWith('/src/app/store/db.ts')) return null;
      return `${code}
STORE_VERSIONS.push({
  version: ${SHIPPED + 1},
  stores: { records: ${JSON.stringify(`${RECORDS}, updatedAt`)} },
  upgrade: (tx) => tx.table('outbox').toCollection().modify((op) => { op.upgradedBy = ${SHIPPED + 1}; }),
});`;
    },
  };
}

/** In front of the server: the API always passes through; app files come from the server, or after deploy() from `next`. */
async function startDeployProxy(target: string, next: string): Promise<{ url: string; deploy: () => void; close: () => Promise<void> }> {
  let deployed = false;
  const types: Record<string, string> = {
    '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png',
    '.webmanifest': 'application/manifest+json', '.json': 'application/json',
  };
  const proxy: Server = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '/').split('?')[0]!;
      if (deployed && !path.startsWith('/api/')) {
        const file = normalize(join(next, path));
        const found = file.startsWith(next) && existsSync(file) && extname(file) ? file : join(next, 'index.html');
        res.writeHead(200, { 'Content-Type': types[extname(found)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' }).end(readFileSync(found));
        return;
      }
      const upstream = await forward(req, target);
      const out: Record<string, string> = {};
      upstream.headers.forEach((v, k) => {
        if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(k)) out[k] = v;
      });
      res.writeHead(upstream.status, out).end(Buffer.from(await upstream.arrayBuffer()));
    })().catch((err: unknown) => res.writeHead(502).end(String(err)));
  });
  await new Promise<void>((ok) => proxy.listen(0, ok));
  return {
    url: `http://localhost:${(proxy.address() as AddressInfo).port}`,
    deploy: () => {
      deployed = true;
    },
    close: () =>
      new Promise<void>((ok) => {
        proxy.closeAllConnections();
        proxy.close(() => ok());
      }),
  };
}

/** The device database's IndexedDB version and its queued ops, read directly. */
function deviceState(page: Page): Promise<{ version: number; outbox: { opId: string; upgradedBy?: number }[] }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('egnet');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('outbox').objectStore('outbox').getAll();
          req.onsuccess = () => {
            resolve({ version: db.version, outbox: req.result as { opId: string; upgradedBy?: number }[] });
            db.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

let server: ServerProcess;
let browser: Browser;
let nextDir: string;

beforeAll(async () => {
  nextDir = mkdtempSync(join(tmpdir(), 'egnet-next-'));
  const previous = process.env.EGNET_APP_VERSION;
  process.env.EGNET_APP_VERSION = NEXT_VERSION;
  try {
    await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'silent', plugins: [nextSchemaVersion()], build: { outDir: nextDir, emptyOutDir: true } });
  } finally {
    if (previous === undefined) delete process.env.EGNET_APP_VERSION;
    else process.env.EGNET_APP_VERSION = previous;
  }
  [server, browser] = await Promise.all([startServer({ demo: true }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(nextDir, { recursive: true, force: true });
});

describe('app update with a new database schema version', () => {
  it('upgrades the device database under a non-empty outbox and still delivers every change', async () => {
    const proxy = await startDeployProxy(server.url, nextDir);
    const context = await browser.newContext({ viewport: TABLET });
    try {
      const page = await context.newPage();
      await login(page, proxy.url, 'inspektor');
      await untilControlled(page);
      await firstSync(page);

      // No sync gets through while the changes are made and the update is installed.
      await page.route('**/api/sync/**', (route) => route.abort('internetdisconnected'));
      const id = await createDwelling(page, proxy.url, 'Oppgraderingsvegen 5', '81');
      await editDwelling(page, proxy.url, id, { floor: '3' });
      await expect.poll(() => pending(page)).toBe(2);
      const before = await deviceState(page);
      // Dexie opens IndexedDB at ten times its schema version.
      expect(before.version).toBe(SHIPPED * 10);
      expect(before.outbox).toHaveLength(2);

      proxy.deploy();
      await page.evaluate(async () => {
        await (await navigator.serviceWorker.getRegistration())?.update();
      });
      const prompt = page.locator('[data-testid="update-prompt"]');
      await prompt.waitFor({ timeout: 30_000 });
      await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), prompt.getByRole('button', { name: 'Oppdater' }).click()]);

      await page.goto(`${proxy.url}/settings`);
      expect(await page.locator('[data-testid="app-version"]').textContent()).toBe(NEXT_VERSION);
      await expect.poll(async () => (await deviceState(page)).version).toBe((SHIPPED + 1) * 10);
      const after = await deviceState(page);
      expect(after.outbox.map((o) => o.opId)).toEqual(before.outbox.map((o) => o.opId));
      expect(after.outbox.every((o) => o.upgradedBy === SHIPPED + 1)).toBe(true);
      expect(serverRecord(server, 'dwelling', id)).toBeNull();

      await page.unroute('**/api/sync/**');
      await syncNow(page);
      expect(serverRecord(server, 'dwelling', id)).toMatchObject({ rev: 2, ops: 2, data: { address: 'Oppgraderingsvegen 5', floor: 3 } });
    } finally {
      await context.close();
      await proxy.close();
    }
  });
});
