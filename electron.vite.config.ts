import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const alias = { '@shared': resolve(__dirname, 'shared') };

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      // The CLI is built beside the Electron main process: both are Node bundles of the same core.
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          cli: resolve(__dirname, 'electron/cli/index.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: { lib: { entry: resolve(__dirname, 'electron/preload/index.ts') } },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    resolve: { alias },
    plugins: [react()],
    build: { rollupOptions: { input: resolve(__dirname, 'renderer/index.html') } },
  },
});
