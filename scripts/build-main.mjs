// Bundles the Electron main process and the preload with esbuild. Plain `node`, no ts-node:
// esbuild strips the TypeScript. Type checking is `npm run typecheck`'s job.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(projectRoot, 'dist', 'main');

/** Shared by both bundles: one CommonJS file each, Electron provided at runtime. */
const common = {
  absWorkingDir: projectRoot,
  bundle: true,
  format: 'cjs',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
};

/** esbuild options per bundle; exported so a test can check what each bundle may require. */
export const bundles = {
  main: {
    ...common,
    entryPoints: ['main/main.ts'],
    outfile: path.join(outdir, 'main.cjs'),
    platform: 'node',
    target: 'node22',
  },
  preload: {
    ...common,
    entryPoints: ['main/preload.ts'],
    outfile: path.join(outdir, 'preload.cjs'),
    // A sandboxed preload has no Node built-ins (only `require('electron')`); the browser
    // platform makes an accidental `node:` import fail here instead of at runtime.
    platform: 'browser',
    target: 'chrome134',
  },
};

export async function buildMain() {
  await Promise.all(Object.values(bundles).map((options) => build(options)));
  return { outdir };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildMain().then(
    ({ outdir: written }) =>
      console.log(`Built main and preload into ${path.relative(projectRoot, written)}`),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
