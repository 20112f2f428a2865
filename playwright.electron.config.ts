import { defineConfig } from '@playwright/test'

// Electron-mode suite (`npm run test:electron`): needs the Electron binary, which is downloaded on
// its first run, so it is not part of `npm test`. On Linux without a display, run it under Xvfb:
// `xvfb-run -a npm run test:electron`. One worker: each test starts the whole app, and unpackaged
// runs share one single-instance lock (userData "Dichtbij-dev").
export default defineConfig({
  testDir: 'tests/electron',
  outputDir: 'test-results/electron',
  workers: 1,
  timeout: 60_000,
  reporter: [['list']],
})
