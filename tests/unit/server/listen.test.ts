// optionsFromEnv: the port, data folder, demo switch and which built app to serve, read from the environment.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { optionsFromEnv } from '../../../src/server/listen';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'egnet-options-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('optionsFromEnv', () => {
  it('defaults: port 8080 (or the given default), ./data, demo on', () => {
    // Safe defaults: demo off, only this machine, demo accounts refused.
    expect(optionsFromEnv({})).toMatchObject({ port: 8080, host: '127.0.0.1', dataDir: resolve('./data'), demo: false, allowDemoAccounts: false });
    expect(optionsFromEnv({}, 9000).port).toBe(9000);
  });

  it('reads PORT, EGNET_DATA_DIR and EGNET_DEMO', () => {
    const options = optionsFromEnv({ PORT: '0', EGNET_DATA_DIR: join(temp, 'data'), EGNET_DEMO: 'off' });
    expect(options).toMatchObject({ port: 0, dataDir: join(temp, 'data'), demo: false });
    expect(optionsFromEnv({ EGNET_DEMO: '1', HOST: '0.0.0.0', EGNET_ALLOW_DEMO_ACCOUNTS: 'yes' })).toMatchObject({
      demo: true,
      host: '0.0.0.0',
      allowDemoAccounts: true,
    });
  });

  it('refuses a port that is not a number from 0 to 65535, in Bokmål and English', () => {
    expect(() => optionsFromEnv({ PORT: 'abc' })).toThrow(/PORT må være et tall.*PORT must be a number/);
    expect(() => optionsFromEnv({ PORT: '70000' })).toThrow(/0 til 65535/);
  });

  it('serves the project dist/ by default, and only when it is built', () => {
    const { staticDir } = optionsFromEnv({});
    // Whether dist/ is built depends on what ran before; either way nothing else is served.
    expect(staticDir === undefined || staticDir === join(ROOT, 'dist')).toBe(true);
  });

  it('serves the folder EGNET_STATIC_DIR names when it holds a built app', () => {
    const build = join(temp, 'build');
    mkdirSync(build);
    writeFileSync(join(build, 'index.html'), '<!doctype html><title>Egnet</title>');
    expect(optionsFromEnv({ EGNET_STATIC_DIR: build }).staticDir).toBe(build);
    // A relative path is taken from the folder the server starts in.
    expect(optionsFromEnv({ EGNET_STATIC_DIR: relative(process.cwd(), build) }).staticDir).toBe(build);
  });

  it('stops with what to fix when EGNET_STATIC_DIR has no index.html (missing or empty folder)', () => {
    const empty = join(temp, 'empty');
    mkdirSync(empty);
    for (const dir of [empty, join(temp, 'missing')]) {
      expect(() => optionsFromEnv({ EGNET_STATIC_DIR: dir })).toThrow(
        new RegExp(`EGNET_STATIC_DIR må peke på en bygget app.*${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.* / EGNET_STATIC_DIR must point at a built app.*no index\\.html`),
      );
    }
  });

  it('treats an empty EGNET_STATIC_DIR as not set', () => {
    expect(optionsFromEnv({ EGNET_STATIC_DIR: '' }).staticDir).toBe(optionsFromEnv({}).staticDir);
  });
});
