import { createServer as createNetServer } from 'node:net'
import { createServer, type PluginOption, type ViteDevServer } from 'vite'
import { expect, test } from '@playwright/test'
import config from '../../electron.vite.config'
import { cspHeaderFor } from '../../src/main/security'

// `npm run dev` in Chromium: electron-vite's dev server page (Vite with the renderer's own
// plugins, React fast refresh included) under the Content-Security-Policy main applies to it.
// Before, main's header (script-src 'self') blocked React's inline preamble and the window
// stayed blank. Runs without Electron: the policy decisions are the same functions main uses.

let server: ViteDevServer
let origin: string

/** A free port: with port 0 Vite's hot-reload client would dial port 0. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

test.beforeAll(async () => {
  const renderer = config.renderer as { root: string; plugins: PluginOption[] }
  server = await createServer({
    configFile: false,
    root: renderer.root,
    plugins: renderer.plugins,
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: await freePort(), strictPort: true },
  })
  await server.listen()
  const address = server.httpServer?.address()
  if (!address || typeof address !== 'object') throw new Error('no dev server address')
  origin = `http://127.0.0.1:${address.port}`
})

test.afterAll(async () => {
  await server?.close()
})

test('the dev server page runs under the CSP main gives it: no blank window', async ({ page }) => {
  test.setTimeout(120_000)
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
  })
  page.on('pageerror', (error) => violations.push(error.message))
  // What main's onHeadersReceived does to the page's response during `npm run dev`.
  await page.route(`${origin}/`, async (route) => {
    const response = await route.fetch()
    const policy = cspHeaderFor(route.request().url(), origin)
    const headers = { ...response.headers() }
    if (policy) headers['content-security-policy'] = policy
    await route.fulfill({ response, headers })
  })
  await page.goto(`${origin}/`)
  // React rendered: without the bridge behind it, the app says it cannot reach the data.
  await expect(page.getByRole('heading', { name: 'Dichtbij' })).toBeVisible({
    timeout: 60_000,
  })
  const preambleRan = await page.evaluate(() => '$RefreshReg$' in window)
  expect(preambleRan).toBe(true)
  expect(violations).toEqual([])
})
