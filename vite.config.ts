/** Build of the browser app (Vite + Preact + PWA) and the test projects (Vitest). */
import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// Installable app: our own small service worker (src/app/sw.ts) gets the precache list; updates wait for a click.
const pwa = VitePWA({
  registerType: 'prompt',
  strategies: 'injectManifest',
  srcDir: 'src/app',
  filename: 'sw.ts',
  injectRegister: false,
  injectManifest: { globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'] },
  manifest: {
    id: '/',
    name: 'Egnet',
    short_name: 'Egnet',
    description: 'Kartlegging av egnede boliger for barnefamilier',
    lang: 'nb',
    dir: 'ltr',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'any',
    theme_color: '#0062ba',
    background_color: '#ffffff',
    icons: [
      { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
});

export default defineConfig({
  plugins: [preact(), pwa],
  define: { __APP_VERSION__: JSON.stringify(process.env.EGNET_APP_VERSION ?? version) },
  build: { outDir: 'dist', sourcemap: false, target: 'es2022' },
  server: { proxy: { '/api': 'http://localhost:8081' } },
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // One throw-away PostgreSQL cluster for the run; each file that needs it copies the migrated template.
          globalSetup: ['tests/support/postgres-global.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          // Chromium files, two at a time (each starts its own server on a free port with its own data folder).
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          exclude: ['tests/e2e/engines.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          // Firefox and WebKit need the whole machine: run by themselves, after the Chromium files.
          name: 'engines',
          include: ['tests/e2e/engines.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
