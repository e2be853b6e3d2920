/** Serves the built app (dist/): hashed assets cached for a year, the shell revalidated, SPA fallback to index.html. */
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { relative, sep } from 'node:path';
import type { AppEnv } from '../env';

/** Cache-Control for a file of the build, by its path relative to the build folder. */
export function cacheControlFor(relPath: string): string {
  // Vite puts a content hash in every name under assets/, so a changed file is a new URL.
  if (relPath.startsWith('assets/')) return 'public, max-age=31536000, immutable';
  // The shell, service worker, manifest and unhashed public files must be revalidated, or updates never arrive.
  return 'no-cache';
}

/** True for paths a browser navigates to (no file extension, or .html), which fall back to the app's index.html. */
export function isPagePath(path: string): boolean {
  if (path.startsWith('/assets/')) return false;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !last.includes('.') || last.endsWith('.html');
}

/** Routes serving `dir`; a page path with no file gets index.html, anything else missing falls through (404). */
export function staticFiles(dir: string): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const onFound = (path: string, c: { header: (k: string, v: string) => void }) => {
    c.header('Cache-Control', cacheControlFor(relative(dir, path).split(sep).join('/')));
  };
  const files = serveStatic({ root: dir, onFound });
  const shell = serveStatic({ root: dir, path: 'index.html', onFound });
  app.on(['GET', 'HEAD'], '*', files);
  app.on(['GET', 'HEAD'], '*', (c, next) => (isPagePath(c.req.path) ? shell(c, next) : next()));
  return app;
}
