import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './scripts/precompress.ts';

// The server serves dist/ at `/` and the API under `/api`; in dev we proxy to a local server.
export default defineConfig({
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The manifest lets scripts/first-load-size.ts measure what a route loads first.
    manifest: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: { '/api': process.env.BIANMIN_API ?? 'http://127.0.0.1:3000' },
  },
});
