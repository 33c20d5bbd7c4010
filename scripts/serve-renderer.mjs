// Serves the built renderer (dist/renderer) on 127.0.0.1 so the app runs in any Chromium.
// Usage: node scripts/serve-renderer.mjs [--port 4173]
import { existsSync } from 'node:fs';
import { preview } from 'vite';

const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 4173;

if (!existsSync(new URL('../dist/renderer/index.html', import.meta.url))) {
  console.error('The renderer is not built yet: run `npm run build:renderer` first (npm run start:browser does both).');
  process.exit(1);
}

const server = await preview({
  configFile: new URL('../vite.config.ts', import.meta.url).pathname,
  preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  logLevel: 'warn',
});
const address = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
console.log(`Protection Monitor is running at ${address}`);
console.log('Open it in Chromium or Chrome. Press Ctrl+C to stop.');
