import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

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
})
