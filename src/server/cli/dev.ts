/** `npm run dev`: the API on port 8081 and Vite's dev server (hot reload) on PORT (8080), which proxies /api to it. */
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { listen, optionsFromEnv } from '../listen';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
// Fixed: vite.config.ts proxies /api to this port.
const API_PORT = 8081;

const options = optionsFromEnv(process.env);
const api = await listen({ ...options, port: API_PORT, staticDir: undefined }, (line) => console.log(`[api] ${line}`));
const vite = await createServer({ root: ROOT, server: { port: options.port, strictPort: true } });
await vite.listen();
console.log(`Utvikling / Development: http://localhost:${options.port} (API ${api.url})`);

const stop = () => void Promise.all([vite.close(), api.close()]).then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
