import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Starts the browser bridge on a random port with a fresh data folder and hands its URL (with
 * the per-run token) to the tests through the environment. Returns the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dichtbij-e2e-'))
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/serve-web.ts', `--data-dir=${dataDir}`, '--port=0'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const url = await new Promise<string>((ok, fail) => {
    let out = ''
    const timer = setTimeout(() => fail(new Error(`serve-web did not start:\n${out}`)), 30_000)
    const onData = (chunk: Buffer): void => {
      out += chunk.toString()
      const m = /Open: (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        ok(m[1])
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', (code) => fail(new Error(`serve-web exited with ${code}:\n${out}`)))
  })
  process.env.DICHTBIJ_E2E_URL = url
  process.env.DICHTBIJ_E2E_DATA_DIR = dataDir
  return async () => {
    child.kill('SIGTERM')
    await new Promise((ok) => child.once('exit', ok))
    rmSync(dataDir, { recursive: true, force: true })
  }
}
