import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { bundleLikeMain } from './node-bundle'

/**
 * Vitest's global setup: the app's worker entry bundled once per run, so that every worker
 * thread the tests start loads one file instead of the TypeScript sources through tsx's loader
 * (1-2 s of CPU per thread; each new vault's first backup and start-up check start threads, so
 * a run starts hundreds). The bundle is made from the same sources, as the built app's
 * out/main/worker.js is, with the same packages inside (see node-bundle.ts). The loading through
 * tsx stays covered by the browser bridge that the e2e tests start.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export default async function setup(): Promise<() => void> {
  const dir = join(ROOT, 'node_modules/.cache/dichtbij-worker')
  mkdirSync(dir, { recursive: true })
  // A run that ended without its teardown (killed, or closed on a timeout) left its bundle.
  for (const name of readdirSync(dir)) {
    const pid = Number(/^entry-(\d+)-/.exec(name)?.[1])
    if (pid && !processExists(pid)) rmSync(join(dir, name), { force: true })
  }
  // One file per run: several runs at once (other terminals) never share or remove another's.
  const outfile = join(dir, `entry-${process.pid}-${Date.now()}.mjs`)
  await bundleLikeMain(join(ROOT, 'src/main/workers/entry.ts'), outfile)
  // Read by workerEntry() in src/main/workers/pool.ts; the test processes inherit it.
  process.env.DICHTBIJ_WORKER_BUNDLE = outfile
  return () => rmSync(outfile, { force: true })
}
