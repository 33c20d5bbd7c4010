// `npm run dev`: Vite's dev server on 127.0.0.1:5173 (settings from vite.config.ts) plus
// Electron pointed at it through PM_DEV_SERVER_URL. Main and preload are built once; restart
// after changing them. The renderer hot-reloads.
import { createServer } from 'vite';
import { buildMain } from './build-main.mjs';
import { startElectron } from './start-electron.mjs';

const server = await createServer({ configFile: 'vite.config.ts' });
await server.listen();
const devServerUrl = server.resolvedUrls?.local[0];
if (devServerUrl === undefined) {
  console.error('Vite did not report a local URL.');
  await server.close();
  process.exit(1);
}

await buildMain();
const electron = startElectron({ env: { ...process.env, PM_DEV_SERVER_URL: devServerUrl } });

if (electron === null) {
  console.error(`\nThe Vite dev server keeps running at ${devServerUrl} for browser use; Ctrl+C stops it.`);
} else {
  electron.on('exit', () => {
    void server.close();
  });
}
