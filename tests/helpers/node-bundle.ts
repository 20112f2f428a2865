import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/**
 * Bundles a main-side entry (the worker entry, the crash test's writer) into one ES module file
 * the way the built app's main is bundled: kysely and zod inside, every other package imported
 * from node_modules. Loading one file instead of the packages' hundreds of small modules takes
 * about half the time at each start of a thread or a child process. `outfile` must lie inside
 * the project, so that the packages left out resolve as from the sources.
 */
export async function bundleLikeMain(entry: string, outfile: string): Promise<void> {
  // The list the app's build uses (electron.vite.config.ts), so both bundle the same packages.
  const { MAIN_BUNDLED_PACKAGES } = await import('../../electron.vite.config')
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>
  }
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: Object.keys(pkg.dependencies).filter((p) => !MAIN_BUNDLED_PACKAGES.includes(p)),
    logLevel: 'warning',
  })
}
