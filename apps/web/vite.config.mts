import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/**
 * The web app, built into apps/web/dist and served by the platform at `/`. JSX is compiled by
 * Vite's own transformer (no React plugin: production builds need no fast refresh). Vendor code
 * is split by library so that the sign-in page does not wait for the chart library.
 */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // antd marks its modules "use client" for server rendering, which a browser bundle does not need.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler|@tanstack)[\\/]/ },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/health': 'http://localhost:3000' } },
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
} as Parameters<typeof defineConfig>[0]);
