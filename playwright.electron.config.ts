import { defineConfig } from '@playwright/test'

// Electron-mode suite (`npm run test:electron`): needs the Electron binary, which is downloaded on
// its first run, so it is not part of `npm test`.
export default defineConfig({
  testDir: 'tests/electron',
  outputDir: 'test-results/electron',
  workers: 1,
  timeout: 60_000,
  reporter: [['list']],
})
