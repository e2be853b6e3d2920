// Serving the built app: cache headers per kind of file, SPA fallback for pages only, security headers everywhere.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src/server/http/securityHeaders';
import { tempApp, type TempApp } from '../../support/temp-app';

const IMMUTABLE = 'public, max-age=31536000, immutable';
let dist: string;
let t: TempApp;

const files: Record<string, string> = {
  'index.html': '<!doctype html><html lang="nb"><title>Egnet</title><script type="module" src="/assets/index-Ab12Cd34.js"></script>',
  'assets/index-Ab12Cd34.js': 'console.log("app");'.repeat(200),
  'assets/index-Ef56Gh78.css': 'body{margin:0}',
  'sw.js': 'self.addEventListener("fetch",()=>{});',
  'registerSW.js': 'navigator.serviceWorker.register("/sw.js")',
  'workbox-1a2b3c4d.js': '/* workbox */',
  'manifest.webmanifest': '{"name":"Egnet"}',
  'icons/icon-192.png': 'PNG',
};

function expectSecurityHeaders(res: Response) {
  expect(res.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
  expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
  expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
}

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'egnet-dist-'));
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(join(dist, path, '..'), { recursive: true });
    writeFileSync(join(dist, path), body);
  }
  t = await tempApp({ staticDir: dist });
});
afterAll(() => {
  t.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('static files', () => {
  it('hashed assets are cached for a year, immutable', async () => {
    for (const path of ['/assets/index-Ab12Cd34.js', '/assets/index-Ef56Gh78.css']) {
      const res = await t.app.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('Cache-Control')).toBe(IMMUTABLE);
      expect(await res.text()).toBe(files[path.slice(1)]);
      expectSecurityHeaders(res);
    }
    const js = await t.app.request('/assets/index-Ab12Cd34.js');
    expect(js.headers.get('Content-Type')).toMatch(/^text\/javascript/);
  });

  it('the shell, service worker, manifest, registerSW and workbox are revalidated (no-cache)', async () => {
    for (const path of ['/', '/index.html', '/sw.js', '/registerSW.js', '/workbox-1a2b3c4d.js', '/manifest.webmanifest']) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('Cache-Control'), path).toBe('no-cache');
      expectSecurityHeaders(res);
    }
    expect(await (await t.app.request('/')).text()).toBe(files['index.html']);
  });

  it('unknown page paths fall back to index.html (no-cache)', async () => {
    for (const path of ['/innstillinger', '/boliger/123/befaring', '/gammel-side.html']) {
      const res = await t.app.request(path, { headers: { Accept: 'text/html' } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
      expect(res.headers.get('Cache-Control')).toBe('no-cache');
      expect(await res.text()).toBe(files['index.html']);
      expectSecurityHeaders(res);
    }
  });

  it('a missing asset or file is a 404, not the shell', async () => {
    for (const path of ['/assets/index-Zz99.js', '/assets/gone', '/favicon.ico', '/missing.js']) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain('<html');
      expectSecurityHeaders(res);
    }
  });

  it('only GET and HEAD are served', async () => {
    const head = await t.app.request('/innstillinger', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect((await t.app.request('/innstillinger', { method: 'POST' })).status).toBe(404);
  });

  it('paths leaving the folder are refused', async () => {
    for (const path of ['/../package.json', '/assets/../../etc/passwd', '/%2e%2e/package.json']) {
      const res = await t.app.request(path);
      expect(await res.text(), path).not.toMatch(/"name"|root:/);
    }
  });

  it('API paths are never answered with the shell', async () => {
    const res = await t.app.request('/api/unknown', { headers: { Accept: 'text/html' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
  });

  it('compresses text for clients that accept gzip', async () => {
    const res = await t.app.request('/assets/index-Ab12Cd34.js', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    expect(res.headers.get('Cache-Control')).toBe(IMMUTABLE);
  });
});
