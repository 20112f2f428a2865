import { existsSync, readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'

const RENDERER = 'out/renderer'

/**
 * The files index.html makes the browser load before anything is shown: the entry script, the
 * scripts it preloads and the stylesheets.
 */
function initialFiles(): string[] {
  const html = readFileSync(`${RENDERER}/index.html`, 'utf8')
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? []
  const files: string[] = []
  for (const tag of tags) {
    const loads =
      /^<script\b/.test(tag) || /\brel="(modulepreload|stylesheet)"/.test(tag) ? tag : null
    const ref = loads?.match(/\b(?:src|href)="\.\/(assets\/[^"]+)"/)
    if (ref) files.push(ref[1])
  }
  return files
}

/** What must not load before the login: each is only needed by a screen behind it. */
const LATER_ONLY: [string, string][] = [
  ['@mantine/dates/', 'the date pickers'],
  ['mantine-datatable', 'the tables'],
  ['@mantine/core/AppShell', "the app's frame (header and menu)"],
  ['@mantine/core/Modal', 'dialogs'],
  ['@mantine/notifications/Notifications', "the messages' container"],
  ['/households/:id', "the app's routes"],
  ['ZodError', 'zod and the shared schemas'],
]

// `npm test` runs `electron-vite build` before vitest; these check what it produced.
describe('electron-vite build output', () => {
  it('emits the sandboxed preload as CommonJS exposing only window.api', () => {
    const file = 'out/preload/index.cjs'
    expect(existsSync(file), 'run `npm run build` first').toBe(true)
    const code = readFileSync(file, 'utf8')
    expect(code).toMatch(/require\("electron"\)/)
    expect(code).not.toMatch(/^\s*(import|export)\s/m)
    expect(code.match(/exposeInMainWorld\(/g)).toHaveLength(1)
    expect(code).toContain('exposeInMainWorld("api"')
    expect(code).not.toMatch(/process\.env|ipcRenderer\.(on|send)\b/)
  })

  it('loads the renderer with relative paths and a CSP', () => {
    const html = readFileSync('out/renderer/index.html', 'utf8')
    expect(html).toContain('Content-Security-Policy')
    expect(html).toMatch(/src="\.\/assets\//)
  })

  it('loads the login screen with at most 500 kB of script and style (150 kB gzipped), and nothing only a later screen needs', () => {
    const files = initialFiles()
    expect(files.some((f) => f.endsWith('.js'))).toBe(true)
    let raw = 0
    let gzipped = 0
    let code = ''
    for (const file of files) {
      const bytes = readFileSync(`${RENDERER}/${file}`)
      raw += bytes.length
      gzipped += gzipSync(bytes).length
      if (file.endsWith('.js')) code += bytes.toString('utf8')
    }
    // Before the screens were split up: 1,218 kB raw / 325 kB gzipped (918 kB / 283 kB of it
    // script), all of it read before the login screen could show.
    // The oefenomgeving's band and way in, and the readable colours, brought it to 501 / 152 kB;
    // main's messages for the screens behind the login then left it (i18n/app-messages.ts).
    expect(raw, files.join(', ')).toBeLessThanOrEqual(500_000)
    expect(gzipped, files.join(', ')).toBeLessThanOrEqual(150_000)
    for (const [marker, what] of LATER_ONLY)
      expect(code.includes(marker), `${what} (${marker}) load with the login screen`).toBe(false)
  })

  it('keeps every script in a file of its own (the CSP allows no inline script)', () => {
    const html = readFileSync(`${RENDERER}/index.html`, 'utf8')
    expect(html).toContain("script-src 'self'")
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\bsrc="/)
  })
})
