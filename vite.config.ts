import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is plain static files: served by the browser host, or by Electron's app:// protocol.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome130',
  },
});
