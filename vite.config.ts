import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is loaded from a custom protocol in Electron and from 127.0.0.1 in the
// browser host, so every asset URL must be relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false },
});
