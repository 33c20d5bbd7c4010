import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

// scripts/start-electron.mjs runs under plain node, so it is JavaScript; its test lives here
// because Vitest collects main/**. The shape below is what the script exports.
interface StartPlanModule {
  MISSING_ELECTRON_MESSAGE: string;
  planElectronStart(deps: {
    resolveElectronPath: () => unknown;
    fileExists: (p: string) => boolean;
    extraArgs?: string[];
  }): { kind: 'spawn'; command: string; args: string[] } | { kind: 'missing'; message: string };
}

const scriptUrl = pathToFileURL(path.resolve(import.meta.dirname, '../../scripts/start-electron.mjs')).href;
const { planElectronStart, MISSING_ELECTRON_MESSAGE }: StartPlanModule = await import(scriptUrl);

describe('planElectronStart', () => {
  it('explains a missing binary instead of throwing (require("electron") throws)', () => {
    const plan = planElectronStart({
      resolveElectronPath: () => {
        throw new Error('Electron failed to install correctly, please delete node_modules/electron');
      },
      fileExists: () => true,
    });
    expect(plan).toEqual({ kind: 'missing', message: MISSING_ELECTRON_MESSAGE });
  });

  it('treats a recorded but absent binary as missing', () => {
    const plan = planElectronStart({
      resolveElectronPath: () => '/nm/electron/dist/electron',
      fileExists: () => false,
    });
    expect(plan.kind).toBe('missing');
  });

  it('says what is wrong, how to install it and what to use meanwhile', () => {
    expect(MISSING_ELECTRON_MESSAGE).toContain('Electron binary is not installed');
    expect(MISSING_ELECTRON_MESSAGE).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
    expect(MISSING_ELECTRON_MESSAGE).toContain('npm install');
    expect(MISSING_ELECTRON_MESSAGE).toContain('npm run start:browser');
    expect(MISSING_ELECTRON_MESSAGE).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('spawns the binary on the project when it exists', () => {
    const plan = planElectronStart({
      resolveElectronPath: () => '/nm/electron/dist/electron',
      fileExists: (p) => p === '/nm/electron/dist/electron',
      extraArgs: ['--trace-warnings'],
    });
    expect(plan).toEqual({
      kind: 'spawn',
      command: '/nm/electron/dist/electron',
      args: ['.', '--trace-warnings'],
    });
  });
});
