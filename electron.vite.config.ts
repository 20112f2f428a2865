import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import { devContentSecurityPolicyPlugin } from './scripts/dev-csp-plugin'

/**
 * Pure-JavaScript packages main imports are bundled into out/main/index.js: the installed app then
 * loads no ES module from node_modules inside app.asar (an ESM main importing packages from
 * app.asar has broken in past Electron majors) and ships fewer files. What stays external must:
 * the SQLite addon (native code), pdfmake (reads its font files from its own folder at run time),
 * exceljs (CommonJS with streams and its own dependencies, loaded only for an export).
 * tests/unit/electron-packaging.test.ts checks that electron-builder.yml ships exactly these.
 */
export const MAIN_BUNDLED_PACKAGES = ['kysely', 'zod', 'echarts', 'zrender', 'tslib', 'fflate']

export default defineConfig({
  main: {
    build: {
      externalizeDeps: { exclude: MAIN_BUNDLED_PACKAGES },
      rolldownOptions: {
        external: ['better-sqlite3-multiple-ciphers'],
        // The worker thread's entry (src/main/workers/pool.ts starts out/main/worker.js).
        input: {
          index: resolve('src/main/index.ts'),
          worker: resolve('src/main/workers/entry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot `require` anything but a few Electron modules: every
      // dependency it ever imports must be inside the one file.
      externalizeDeps: false,
      // A sandboxed preload cannot be an ES module: force CommonJS with a .cjs name so the
      // package's "type": "module" does not turn it into .mjs.
      rolldownOptions: {
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      // electron-vite leaves the renderer unminified; a smaller bundle starts faster.
      minify: true,
      rolldownOptions: { input: resolve('src/renderer/index.html') },
    },
    plugins: [react(), devContentSecurityPolicyPlugin()],
  },
})
