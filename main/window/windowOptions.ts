import type { BrowserWindowConstructorOptions } from 'electron';

/** Matches the renderer's page background so the first frame does not flash white. */
export const WINDOW_BACKGROUND_COLOR = '#f5f6f8';

export interface MainWindowOptionsInput {
  /** Absolute path of the bundled preload (dist/main/preload.cjs). */
  preloadPath: string;
  /** DevTools are for development; packaged builds pass false. */
  devTools: boolean;
}

/** Electron's BrowserWindow class, or a recording stand-in in tests. */
export type WindowConstructor<W> = new (options: BrowserWindowConstructorOptions) => W;

/**
 * Creates the main window with the one BrowserWindow configuration. Every security-relevant
 * preference is written out even where it equals Electron's default, so a future default change
 * or a careless edit shows up in the tests rather than in production.
 *
 * The options are an object literal inside `new BrowserWindow(...)` on purpose: the static check
 * (Electronegativity, test/electronegativity.test.ts) only sees webPreferences written at the
 * constructor call, and reports a window built from options made elsewhere as having no context
 * isolation. The class is passed in (main.ts passes Electron's) so this module stays free of
 * electron at runtime and the tests can record the options.
 */
export function constructMainWindow<W>(
  BrowserWindow: WindowConstructor<W>,
  input: MainWindowOptionsInput,
): W {
  return new BrowserWindow({
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
      // No middle-click (auxclick) events; the app has no use for them. Links that would open
      // a window still go through the window-open handler (main/security/windowOpenHandler.ts).
      disableBlinkFeatures: 'Auxclick',
      devTools: input.devTools,
    },
  });
}

class RecordedOptions {
  readonly options: BrowserWindowConstructorOptions;
  constructor(options: BrowserWindowConstructorOptions) {
    this.options = options;
  }
}

/** The options constructMainWindow passes to BrowserWindow, for tests and inspection. */
export function createMainWindowOptions(input: MainWindowOptionsInput): BrowserWindowConstructorOptions {
  return constructMainWindow(RecordedOptions, input).options;
}
