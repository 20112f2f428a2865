import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

export default defineConfig({
  plugins: [react()],
  test: {
    include: [
      'tests/unit/**/*.test.ts',
      'tests/integration/**/*.test.ts',
      'tests/renderer/**/*.test.tsx',
    ],
    environment: 'node',
    // The app's worker entry bundled once per run (tests/helpers/worker-bundle.ts).
    globalSetup: ['tests/helpers/worker-bundle.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
})
