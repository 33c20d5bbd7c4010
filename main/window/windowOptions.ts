import type { BrowserWindowConstructorOptions } from 'electron';

/** Matches the renderer's page background so the first frame does not flash white. */
export const WINDOW_BACKGROUND_COLOR = '#f5f6f8';

export interface MainWindowOptionsInput {
  /** Absolute path of the bundled preload (dist/main/preload.cjs). */
  preloadPath: string;
  /** DevTools are for development; packaged builds pass false. */
  devTools: boolean;
}

/**
 * The one BrowserWindow configuration. Every security-relevant preference is written out even
 * where it equals Electron's default, so a future default change or a careless edit shows up
 * in the tests rather than in production.
 */
export function createMainWindowOptions(input: MainWindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Protection Monitor',
    backgroundColor: WINDOW_BACKGROUND_COLOR,
    // Shown on 'ready-to-show', so the user never sees a half-painted window.
    show: false,
    webPreferences: {
      preload: input.preloadPath,
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
      devTools: input.devTools,
    },
  };
}
