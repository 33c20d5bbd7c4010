import { describe, expect, it } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import { constructMainWindow, createMainWindowOptions, WINDOW_BACKGROUND_COLOR } from './windowOptions';

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
      navigateOnDragDrop: false,
      safeDialogs: true,
    });
  });

  it('turns off middle-click (auxclick) events', () => {
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
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

describe('constructMainWindow', () => {
  it('builds the window with exactly these options and returns it', () => {
    const received: BrowserWindowConstructorOptions[] = [];
    class FakeBrowserWindow {
      constructor(options: BrowserWindowConstructorOptions) {
        received.push(options);
      }
    }
    const input = { preloadPath: '/app/dist/main/preload.cjs', devTools: false };
    const window = constructMainWindow(FakeBrowserWindow, input);
    expect(window).toBeInstanceOf(FakeBrowserWindow);
    expect(received).toEqual([createMainWindowOptions(input)]);
    expect(received[0]?.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
  });
});
