import griffel from '@griffel/vite-plugin';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The tab is static files: the local host (npm start, tests) or Azure static hosting serves them,
// with /tab-config.json telling the page where the API and sign-in are.
export default defineConfig(({ command }) => ({
  root: import.meta.dirname,
  plugins: [
    react(),
    // Griffel's ahead-of-time pass: the tab's own makeStyles are compiled to class names and CSS
    // rules at build time (as Fluent's own styles already are), so the page ships neither the style
    // resolver nor the RTL and CSS parsers it needs at run time.
    command === 'build' && griffel(),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    chunkSizeWarningLimit: 800,
  },
}));
