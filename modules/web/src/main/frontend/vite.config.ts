import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

// Maven passes the jar's resource folder; run by hand, the build lands in the same place.
const outDir =
  process.env.SERVICEPOINT_WEB_OUT_DIR ??
  fileURLToPath(new URL('../../../target/classes/META-INF/resources/app', import.meta.url));

const server = process.env.SERVICEPOINT_URL ?? 'http://localhost:8080';

/** In development, answer /t/<slug>/… with the app, as StaffAppFilter does in the server. */
function staffPaths(): Plugin {
  return {
    name: 'servicepoint-staff-paths',
    configureServer(dev) {
      dev.middlewares.use((request, _response, next) => {
        if (request.url?.startsWith('/t/') && !/^\/t\/[^/]+\/signed-out/.test(request.url)) {
          request.url = '/app/';
        }
        next();
      });
    },
  };
}

export default defineConfig({
  base: '/app/',
  plugins: [react(), staffPaths()],
  build: {
    outDir,
    emptyOutDir: true,
    // No inline anything: the page is served under a CSP without 'unsafe-inline'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    // The staff app and the API explorer (served at /api-docs by ApiDocsFilter), and the operator console.
    rollupOptions: {
      input: {
        app: fileURLToPath(new URL('index.html', import.meta.url)),
        apiDocs: fileURLToPath(new URL('api-docs/index.html', import.meta.url)),
        // The platform operators' console (served at /operator/ by OperatorConsoleFilter).
        operator: fileURLToPath(new URL('operator/index.html', import.meta.url)),
      },
    },
  },
  server: {
    proxy: {
      '/api': server,
      '^/t/[^/]+/signed-out': server,
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/testSetup.ts'],
    restoreMocks: true,
    unstubGlobals: true,
    // CI machines are shared and slow; the longest scripted page tests need more than
    // vitest's 5 s default there. A hung test still fails, just later.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
