import { defineConfig } from 'vite';

// Built by `npm install` (package.json "prepare") into viewer/dist, which kg serve serves.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Worker and assets stay files: the server's CSP allows scripts from 'self' only.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
