import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rolldownOptions: { external: ['better-sqlite3-multiple-ciphers'] },
    },
  },
  preload: {
    build: {
      externalizeDeps: true,
      // A sandboxed preload cannot be an ES module: force CommonJS with a .cjs name so the
      // package's "type": "module" does not turn it into .mjs.
      rolldownOptions: {
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
    plugins: [react()],
  },
})
