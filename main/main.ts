import { app, BrowserWindow, dialog, ipcMain, powerMonitor, protocol, session, shell, type WebContents } from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readDevServerUrl } from './config/devServer';
import { forwardLockEvents } from './power/lockOnSystemEvents';
import { createBackupHandlers } from './ipc/backupHandlers';
import { createHostHandlers } from './ipc/hostHandlers';
import { registerIpcHandlers } from './ipc/registerIpcHandlers';
import { createSyncFolderHandlers } from './ipc/syncFolderHandlers';
import { APP_ENTRY_URL, APP_SCHEME } from './protocol/appOrigin';
import { createAppProtocolHandler } from './protocol/appProtocolHandler';
import { buildContentSecurityPolicy, withContentSecurityPolicy } from './security/contentSecurityPolicy';
import { createNavigationGuard } from './security/navigationGuard';
import { createPermissionCheckHandler, createPermissionRequestHandler } from './security/permissions';
import { createIsTrustedSender } from './security/trustedSender';
import { createWindowOpenHandler } from './security/windowOpenHandler';
import { createBackupStore } from './services/backupStore';
import { createFileService } from './services/fileService';
import { constructMainWindow } from './window/windowOptions';

// Glue only: every decision below lives in a tested module.

const devServerUrl = readDevServerUrl(process.env, app.isPackaged);
const isTrustedSender = createIsTrustedSender(devServerUrl);
const csp = buildContentSecurityPolicy(devServerUrl);
// The camera (video only) lets a monitor photograph a document for an attachment.
const permissionPolicy = { isTrustedOrigin: isTrustedSender, allowVideoCapture: true };

// Tests (and a monitor who keeps data on an encrypted volume) can choose the profile folder.
if (process.env.PM_USER_DATA_DIR) app.setPath('userData', process.env.PM_USER_DATA_DIR);

// Both must happen before 'ready'.
app.enableSandbox();
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  // Two instances writing the same IndexedDB and folders would corrupt data; hand over and quit.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });
  app
    .whenReady()
    .then(() => {
      configureDefaultSession();
      registerIpcHandlers(ipcMain, createHandlers(), isTrustedSender);
      mainWindow = createMainWindow();
      forwardLockEvents(powerMonitor, (reason) => {
        for (const window of BrowserWindow.getAllWindows()) window.webContents.send('vault:lock-requested', reason);
      });
    })
    .catch((error: unknown) => {
      console.error('Protection Monitor failed to start:', error);
      app.exit(1);
    });
}

function configureDefaultSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler(createPermissionRequestHandler(permissionPolicy));
  ses.setPermissionCheckHandler(createPermissionCheckHandler(permissionPolicy));
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, csp) });
  });
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({ root: path.join(app.getAppPath(), 'dist', 'renderer'), csp, readFile }),
  );
}

function hardenWebContents(contents: WebContents): void {
  const guard = createNavigationGuard(isTrustedSender, (url) => console.warn('Blocked navigation to', url));
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(
    createWindowOpenHandler(
      (url) => shell.openExternal(url),
      (error) => console.error('Could not open link:', error),
    ),
  );
}

function createMainWindow(): BrowserWindow {
  const window = constructMainWindow(BrowserWindow, {
    preloadPath: path.join(app.getAppPath(), 'dist', 'main', 'preload.cjs'),
    devTools: !app.isPackaged,
  });
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.loadURL(devServerUrl ?? APP_ENTRY_URL).catch((error: unknown) => {
    console.error('Could not load the app:', error);
  });
  return window;
}

function focusMainWindow(): void {
  if (mainWindow === null) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function createHandlers() {
  // Dialogs are attached to the main window so they are modal to it, as users expect.
  const parent = (): BrowserWindow | null =>
    mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow : null;
  const files = createFileService();
  const syncFolder = createSyncFolderHandlers({
    folders: files,
    notify: (channel, payload) => parent()?.webContents.send(channel, payload),
    onWatchError: (_folderId, error) => console.warn('Sync folder watch:', error),
  });
  app.on('will-quit', () => void syncFolder.closeAll());
  const host = createHostHandlers({
    dialog: {
      showSaveDialog: (options) => {
        const window = parent();
        return window === null ? dialog.showSaveDialog(options) : dialog.showSaveDialog(window, options);
      },
      showOpenDialog: (options) => {
        const window = parent();
        return window === null ? dialog.showOpenDialog(options) : dialog.showOpenDialog(window, options);
      },
    },
    shell: { openExternal: (url) => shell.openExternal(url) },
    app: {
      getName: () => app.getName(),
      getVersion: () => app.getVersion(),
      getPreferredSystemLanguages: () => app.getPreferredSystemLanguages(),
      getDefaultSaveDirectory: () => app.getPath('documents'),
    },
    files,
    storage: { dataPath: app.getPath('userData') },
    platform: process.platform,
  });
  const backups = createBackupHandlers({
    store: createBackupStore(app.getPath('userData')),
    showOpenFileDialog: ({ filters }) => {
      const window = parent();
      const options = { properties: ['openFile' as const], filters };
      return window === null ? dialog.showOpenDialog(options) : dialog.showOpenDialog(window, options);
    },
  });
  return { ...host, ...syncFolder.handlers, ...backups };
}
