export const E2E_PORT = Number(process.env.PM_E2E_PORT ?? 4319);

export type E2eTarget = 'browser' | 'electron';

export function e2eTarget(): E2eTarget {
  return process.env.PM_E2E_TARGET === 'electron' ? 'electron' : 'browser';
}

export const CHROMIUM_PATH = process.env.PM_CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a closed network: without them Chromium keeps trying to reach Google's hosts. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
