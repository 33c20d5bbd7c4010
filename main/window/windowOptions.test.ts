import { describe, expect, it } from 'vitest';
import { createMainWindowOptions, WINDOW_BACKGROUND_COLOR } from './windowOptions';

describe('createMainWindowOptions', () => {
  const options = createMainWindowOptions({ preloadPath: '/app/dist/main/preload.cjs', devTools: false });
  const prefs = options.webPreferences ?? {};

  it('isolates and sandboxes the renderer', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });

  it('loads the given preload', () => {
    expect(prefs.preload).toBe('/app/dist/main/preload.cjs');
  });

  it('stays hidden until ready-to-show, on the page background colour', () => {
    expect(options.show).toBe(false);
    expect(options.backgroundColor).toBe(WINDOW_BACKGROUND_COLOR);
  });

  it('opens at a usable size and cannot shrink below the layout minimum', () => {
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? Infinity);
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight ?? Infinity);
    expect(options.minWidth).toBeGreaterThanOrEqual(800);
    expect(options.minHeight).toBeGreaterThanOrEqual(560);
  });

  it('passes the devTools switch through', () => {
    expect(prefs.devTools).toBe(false);
    expect(createMainWindowOptions({ preloadPath: '/p', devTools: true }).webPreferences?.devTools).toBe(
      true,
    );
  });
});
