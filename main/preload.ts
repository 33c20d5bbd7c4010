import { contextBridge, ipcRenderer } from 'electron';
import { HOST_API_GLOBAL } from '../shared/host/hostApi';
import { createHostApi } from './preload/createHostApi';

// Runs sandboxed: only 'electron' can be required, so scripts/build-main.mjs bundles this file
// (and what it imports) into one CommonJS file.
contextBridge.exposeInMainWorld(
  HOST_API_GLOBAL,
  createHostApi(
    (channel, ...args) => ipcRenderer.invoke(channel, ...args),
    (channel, listener) => {
      // The Electron event object stays here: the page gets the payload only.
      const handler = (_event: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, handler);
      return () => ipcRenderer.removeListener(channel, handler);
    },
  ),
);
