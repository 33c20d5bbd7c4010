// Starts the built app in Electron (`npm start`). When the Electron binary is absent (installed
// with ELECTRON_SKIP_BINARY_DOWNLOAD, or offline) it explains what to do instead of throwing.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const MISSING_ELECTRON_MESSAGE = [
  'The Electron binary is not installed, so the desktop app cannot start on this machine.',
  '(npm skipped or could not download it, e.g. because ELECTRON_SKIP_BINARY_DOWNLOAD was set or there was no network.)',
  '',
  'To install it on a machine with network access:',
  '  - unset ELECTRON_SKIP_BINARY_DOWNLOAD, then run `npm install` (or `npm rebuild electron`), or',
  '  - run `node node_modules/electron/install.js` to fetch just the binary.',
  '',
  'Meanwhile `npm run start:browser` runs the same app in any Chromium-based browser.',
].join('\n');

/**
 * Decides how to start Electron. `resolveElectronPath` is `require('electron')`, which returns
 * the binary's path or throws when the package has no binary; `fileExists` catches the case
 * where the path is recorded but the file is gone.
 * @param {{ resolveElectronPath: () => unknown, fileExists: (p: string) => boolean, extraArgs?: string[] }} deps
 * @returns {{ kind: 'spawn', command: string, args: string[] } | { kind: 'missing', message: string }}
 */
export function planElectronStart({ resolveElectronPath, fileExists, extraArgs = [] }) {
  let binary;
  try {
    binary = resolveElectronPath();
  } catch {
    return { kind: 'missing', message: MISSING_ELECTRON_MESSAGE };
  }
  if (typeof binary !== 'string' || binary === '' || !fileExists(binary)) {
    return { kind: 'missing', message: MISSING_ELECTRON_MESSAGE };
  }
  // '.' loads the project; package.json "main" points at dist/main/main.cjs.
  return { kind: 'spawn', command: binary, args: ['.', ...extraArgs] };
}

/** The real resolver: the electron package's index.js exports the binary path. */
export function resolveInstalledElectron() {
  return createRequire(import.meta.url)('electron');
}

/**
 * Spawns Electron with inherited stdio and mirrors its exit code. Returns the child, or null
 * after printing the friendly message. Also used by scripts/dev.mjs.
 * @param {{ env?: NodeJS.ProcessEnv, extraArgs?: string[] }} [options]
 */
export function startElectron({ env = process.env, extraArgs = [] } = {}) {
  const plan = planElectronStart({
    resolveElectronPath: resolveInstalledElectron,
    fileExists: existsSync,
    extraArgs,
  });
  if (plan.kind === 'missing') {
    console.error(plan.message);
    process.exitCode = 1;
    return null;
  }
  const child = spawn(plan.command, plan.args, { cwd: projectRoot, stdio: 'inherit', env });
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal === null ? 0 : 1);
  });
  return child;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  startElectron();
}
