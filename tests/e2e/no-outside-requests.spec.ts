import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page, type Request } from '@playwright/test'
import { bridgeUrl, logIn, newAccount, screenshot } from './support'

// Dichtbij is used where there is no internet, and what it shows is personal data: not a font,
// an image or a source map may come from elsewhere. The Electron app cancels such requests in
// main (src/main/request-filter.ts); here the browser suite proves the page never makes them.

const ACCOUNT = {
  username: 'rondgang-beheer',
  displayName: 'Rik Rondgang',
  role: 'admin' as const,
  firstPassword: 'Eerste-keer-sleutel-41',
  password: 'Zonder-internet-sleutel-7',
}

/** Files of the built page that a browser reads as they are (JavaScript aside). */
function builtFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? builtFiles(path) : [path]
  })
}

/** Waits until every request the page started has finished or failed, and stays so a moment. */
async function settled(page: Page, inFlight: Set<Request>): Promise<void> {
  for (let quiet = 0, waited = 0; quiet < 3; waited++) {
    if (waited > 100)
      throw new Error(`still loading: ${[...inFlight].map((r) => r.url()).join(', ')}`)
    await page.waitForTimeout(100)
    quiet = inFlight.size === 0 ? quiet + 1 : 0
  }
}

test('a tour of every screen in the menu makes no request outside the app', async ({
  page,
  context,
}) => {
  // Some thirty screens, each waited for until its last request is answered.
  test.setTimeout(300_000)
  await newAccount(ACCOUNT)
  const own = new URL(bridgeUrl()).origin
  /** Requests to the app's own origin, and data:/blob: URLs the page made itself. */
  const isOwn = (url: string): boolean => {
    if (url.startsWith('data:')) return true
    const parsed = new URL(url.startsWith('blob:') ? url.slice('blob:'.length) : url)
    return parsed.origin === own
  }
  const outside = new Set<string>()
  let requests = 0
  const inFlight = new Set<Request>()
  context.on('request', (request) => {
    requests++
    inFlight.add(request)
    if (!isOwn(request.url())) outside.add(`${request.resourceType()} ${request.url()}`)
  })
  context.on('requestfinished', (request) => inFlight.delete(request))
  context.on('requestfailed', (request) => inFlight.delete(request))
  // Also what the page itself reports, in case a worker's request reaches only the page.
  page.on('request', (request) => {
    if (!isOwn(request.url())) outside.add(`${request.resourceType()} ${request.url()}`)
  })
  page.on('websocket', (socket) => {
    if (!isOwn(socket.url().replace(/^ws/, 'http'))) outside.add(`websocket ${socket.url()}`)
  })

  // A load the page's Content-Security-Policy refused never becomes a request, but it is still
  // an attempt to reach elsewhere: the page records each one, and the test reads them at the end.
  await context.addInitScript(() => {
    const attempts: string[] = []
    Object.defineProperty(window, '__refusedLoads', { value: attempts })
    document.addEventListener('securitypolicyviolation', (event) => {
      if (/^(https?|wss?|ftp):/i.test(event.blockedURI))
        attempts.push(`${event.effectiveDirective} ${event.blockedURI}`)
    })
  })

  await page.goto(bridgeUrl())
  await expect(page.getByLabel('Gebruikersnaam')).toBeVisible()
  await settled(page, inFlight)
  await logIn(page, ACCOUNT.username, ACCOUNT.password)

  // Every menu entry the beheerder sees, also the ones that appear under Vrijwilligerswerk once
  // it is open: visit each link not visited yet until none is left.
  const menu = page.getByRole('navigation', { name: 'Menu' })
  const visited: string[] = []
  for (;;) {
    const hrefs = await menu
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))
    const next = hrefs.find((href) => !visited.includes(href))
    if (next === undefined) break
    visited.push(next)
    await menu.locator(`a[href="${next}"]`).click()
    await expect(page).toHaveURL(new RegExp(`${next.replace(/[/#]/g, '\\$&')}$`))
    const main = page.getByRole('main')
    // A screen's code loads on first use, and the report screens count on a worker: both take a
    // while on a busy machine.
    await expect(main.getByLabel('Laden')).toHaveCount(0, { timeout: 60_000 })
    await expect(main.getByRole('heading').first(), next).toBeVisible()
    await expect(main.getByText('Er ging iets mis')).toHaveCount(0)
    await settled(page, inFlight)
  }
  await screenshot(page, 'no-outside-requests-last-screen')

  // The whole menu of a beheerder, with the volunteers' sub-menu: the tour did not stop early.
  expect(visited).toEqual(
    expect.arrayContaining([
      '#/',
      '#/households',
      '#/appointments',
      '#/complaints',
      '#/reports',
      '#/settings',
      '#/users',
      '#/audit',
      '#/backups',
      '#/volunteers',
      '#/volunteers/people',
      '#/volunteers/hours',
    ]),
  )
  expect(visited.length).toBeGreaterThanOrEqual(25)
  expect(requests).toBeGreaterThan(visited.length)
  const refused = await page.evaluate(
    () => (window as unknown as { __refusedLoads: string[] }).__refusedLoads,
  )
  for (const attempt of refused)
    if (!isOwn(attempt.split(' ')[1])) outside.add(`refused by the CSP: ${attempt}`)
  expect([...outside]).toEqual([])
})

test('the built page names no outside address for fonts, images, styles or source maps', () => {
  // JavaScript is left out: React and Mantine carry links to their documentation in error texts,
  // which are never loaded. What the browser fetches by itself is in HTML and CSS.
  const files = builtFiles('out/renderer')
  const read = files.filter((file) => /\.(html|css)$/.test(file))
  expect(read.length).toBeGreaterThan(1)
  for (const file of read) {
    const text = readFileSync(file, 'utf8')
    expect(text, file).not.toMatch(/(?:url\(\s*['"]?|src=["']|href=["'])(?:https?:)?\/\//i)
    expect(text, file).not.toMatch(/@import\s+(?:url\()?['"]?(?:https?:)?\/\//i)
  }
  // A source map reference (in CSS or JavaScript) must stay local too.
  for (const file of files.filter((f) => /\.(js|css)$/.test(f)))
    expect(readFileSync(file, 'utf8'), file).not.toMatch(/sourceMappingURL=(?:https?:)?\/\//)
})
