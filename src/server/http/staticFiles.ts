/** Serves the built app (dist/): hashed assets cached for a year, the shell revalidated, SPA fallback to index.html. */
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AppEnv } from '../env';

/** Cache-Control for a file of the build, by its path relative to the build folder. */
export function cacheControlFor(relPath: string): string {
  // Vite puts a content hash in every name under assets/, so a changed file is a new URL.
  if (relPath.startsWith('assets/')) return 'public, max-age=31536000, immutable';
  // The shell, service worker, manifest and unhashed public files must be revalidated, or updates never arrive.
  return 'no-cache';
}

/** True for /api and everything under it: never a file, never the app shell. */
export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/** True for paths a browser navigates to (no file extension, or .html), which fall back to the app's index.html. */
export function isPagePath(path: string): boolean {
  if (path.startsWith('/assets/') || isApiPath(path)) return false;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !last.includes('.') || last.endsWith('.html');
}

/** Routes serving `dir`; a page path with no file gets index.html, anything else missing falls through (404). */
export function staticFiles(dir: string): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const files = serveStatic({ root: dir });
  const shell = serveStatic({ root: dir, path: 'index.html' });
  // Cache-Control goes on the file's response only, so a 404 is never cached for a year.
  app.on(['GET', 'HEAD'], '*', async (c, next) => {
    if (isApiPath(c.req.path)) return next();
    const res = await files(c, next);
    const rel = c.req.path.endsWith('/') ? 'index.html' : c.req.path.slice(1);
    if (res instanceof Response) res.headers.set('Cache-Control', cacheControlFor(rel));
    return res;
  });
  app.on(['GET', 'HEAD'], '*', async (c, next) => {
    if (!isPagePath(c.req.path)) return next();
    const res = await shell(c, next);
    if (res instanceof Response) res.headers.set('Cache-Control', cacheControlFor('index.html'));
    return res;
  });
  return app;
}
