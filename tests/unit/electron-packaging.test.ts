import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import config, { MAIN_BUNDLED_PACKAGES } from '../../electron.vite.config'
import { PACKAGED_ADDON_PATH } from '../../src/main/paths'

// Packaging downloads Electron, so it never runs here. These read the configuration and run
// electron-builder's own node_modules filter over the installed packages, so a wrong pattern
// shows now and not on the day someone builds an installer.
const require = createRequire(import.meta.url)
const builder = parse(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  dependencies: Record<string, string>
}

type FileSetLike = string | { from?: string; to?: string; filter?: string[] }
const files = builder.files as FileSetLike[]

function manifest(name: string): { dependencies?: Record<string, string> } | null {
  const file = join('node_modules', name, 'package.json')
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as never) : null
}

/** The packages these need at run time, with everything they depend on. */
function closure(roots: Iterable<string>): Set<string> {
  const seen = new Set<string>()
  const todo = [...roots]
  while (todo.length > 0) {
    const name = todo.pop() as string
    if (seen.has(name)) continue
    const m = manifest(name)
    if (!m) continue
    seen.add(name)
    todo.push(...Object.keys(m.dependencies ?? {}))
  }
  return seen
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(name) ? [path] : []
  })
}

/** Packages main, the preload and shared code import, by package name. */
function importedPackages(): Set<string> {
  const names = new Set<string>()
  for (const file of ['src/main', 'src/preload', 'src/shared'].flatMap(sourceFiles)) {
    const code = readFileSync(file, 'utf8')
    for (const [, spec] of code.matchAll(/(?:from|import\()\s*'([^'.][^']*)'/g)) {
      if (spec.startsWith('node:')) continue
      const parts = spec.split('/')
      names.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0])
    }
  }
  names.delete('electron')
  return names
}

interface Stat {
  moduleFullFilePath: string
  isDirectory(): boolean
}
/** electron-builder's filter for files inside node_modules, built as electron-builder builds it. */
function nodeModulesFilter(): (relative: string) => boolean {
  const { getNodeModuleFileMatcher } = require('app-builder-lib/out/fileMatcher.js') as {
    getNodeModuleFileMatcher: (
      appDir: string,
      destination: string,
      macroExpander: (s: string) => string,
      platformOptions: object,
      packager: object,
    ) => { createFilter(): (file: string, stat: Stat) => boolean }
  }
  const appDir = resolve('.')
  const matcher = getNodeModuleFileMatcher(
    appDir,
    '/app',
    (s) => s,
    {},
    {
      config: { files },
      debugLogger: { isEnabled: false },
    },
  )
  const filter = matcher.createFilter()
  return (relative) =>
    filter(join(appDir, relative), {
      moduleFullFilePath: relative,
      isDirectory: () => !/\.[a-z]+$/.test(relative),
    })
}

describe('the packaged app (electron-builder.yml)', () => {
  const mainRuntime = [...importedPackages()].filter((n) => !MAIN_BUNDLED_PACKAGES.includes(n))
  const shipped = closure(mainRuntime)
  const notNeeded = [...closure(Object.keys(pkg.dependencies))].filter((n) => !shipped.has(n))
  const ships = nodeModulesFilter()

  it('does not rebuild node_modules for Electron, so npm test keeps its Node build', () => {
    expect(builder.npmRebuild).toBe(false)
    // The hook that builds and stages the Electron build of the addon instead.
    expect(builder.beforePack).toBe('./scripts/electron-builder-before-pack.mjs')
    expect(existsSync(builder.beforePack as string)).toBe(true)
  })

  it('ships the Electron build of the addon where main loads it, outside app.asar', () => {
    expect(files).toContainEqual({
      from: 'native/package',
      to: PACKAGED_ADDON_PATH[1],
      filter: [PACKAGED_ADDON_PATH[2]],
    })
    expect(PACKAGED_ADDON_PATH[0]).toBe('app.asar.unpacked')
    expect(builder.asarUnpack).toEqual([`${PACKAGED_ADDON_PATH[1]}/**`])
    // Not the Node build from node_modules, which Electron cannot load.
    const addon = 'node_modules/better-sqlite3-multiple-ciphers'
    expect(ships(`${addon}/lib/database.js`)).toBe(true)
    expect(ships(`${addon}/build/Release/better_sqlite3.node`)).toBe(false)
    expect(ships(`${addon}/deps/sqlite3/sqlite3.c`)).toBe(false)
  })

  it('ships every package main loads at run time, with what they depend on', () => {
    expect(mainRuntime).toEqual(expect.arrayContaining(['better-sqlite3-multiple-ciphers']))
    for (const name of shipped) {
      expect(ships(`node_modules/${name}`), name).toBe(true)
      expect(ships(`node_modules/${name}/package.json`), name).toBe(true)
    }
  })

  it('leaves out the renderer-only packages (React, Mantine, icons) and what main has bundled', () => {
    expect(notNeeded).toEqual(
      expect.arrayContaining(['react', 'react-dom', '@mantine/core', '@tabler/icons-react']),
    )
    for (const name of MAIN_BUNDLED_PACKAGES) expect(notNeeded).toContain(name)
    const shippedAnyway = notNeeded.filter((name) => ships(`node_modules/${name}/package.json`))
    expect(shippedAnyway, 'add these to the exclusions in electron-builder.yml').toEqual([])
  })
})

describe('the preload bundle (electron.vite.config.ts)', () => {
  it('bundles every dependency: a sandboxed preload can require nothing from node_modules', () => {
    const preload = config.preload as { build: { externalizeDeps?: unknown } }
    expect(preload.build.externalizeDeps).toBe(false)
  })
})
