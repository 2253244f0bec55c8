import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The tab is static files: the local host (npm start, tests) or Azure static hosting serves them,
// with /tab-config.json telling the page where the API and sign-in are.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    chunkSizeWarningLimit: 800,
  },
});
