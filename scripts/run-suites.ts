import { spawnSync } from 'node:child_process'

// Runs vitest and then Playwright, always both, so one failing suite does not hide the other's
// results; exits non-zero when either failed.
const suites: [string, string[]][] = [
  ['vitest', ['run']],
  ['playwright', ['test']],
]
let failed = false
for (const [bin, args] of suites) {
  const result = spawnSync('npx', ['--no-install', bin, ...args], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  })
  if (result.status !== 0) {
    console.error(`${bin} failed (exit ${result.status ?? result.signal})`)
    failed = true
  }
}
process.exit(failed ? 1 : 0)
