import { expect, test, type Page } from '@playwright/test'
import { api, openApp } from './support'

interface Asked {
  method: string
  input: unknown
}

/** The API calls the page sent to the bridge so far, in order. */
function recordCalls(page: Page): Asked[] {
  const asked: Asked[] = []
  page.on('request', (r) => {
    if (r.method() !== 'POST' || !r.url().endsWith('/api')) return
    const body = r.postDataJSON() as Partial<Asked> | null
    if (body?.method) asked.push({ method: body.method, input: body.input })
  })
  return asked
}

const methods = (asked: Asked[]): string[] => asked.map((a) => a.method)

/** Opens a screen from the menu and waits until it has asked all it asks. */
async function openFromMenu(page: Page, link: string, heading: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click()
  await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible()
  await page.waitForLoadState('networkidle')
}

test('the households list, call list and figures learn today without fetching the whole dashboard', async ({
  page,
}) => {
  await openApp(page, '#/')
  await expect(page.getByRole('heading', { name: 'Vandaag', exact: true })).toBeVisible()
  await page.waitForLoadState('networkidle')
  const asked = recordCalls(page)

  await openFromMenu(page, 'Huishoudens', 'Huishoudens')
  expect(methods(asked)).toContain('households.search')
  expect(methods(asked)).toContain('shop.day')
  expect(methods(asked)).not.toContain('shop.dashboard')

  asked.length = 0
  await openFromMenu(page, 'Bellijst', 'Bellijst')
  expect(methods(asked)).not.toContain('shop.dashboard')
  // The list starts from main's day: "not seen since" is today minus the shop's setting.
  const day = await api(page, 'shop.day', {})
  const dashboard = await api(page, 'shop.dashboard', {})
  expect(day).toEqual({ today: dashboard.date, notSeenSince: dashboard.toInvite.notSeenSince })
  // The list asks once main's day has come back: wait for that call, not for what came first.
  await expect
    .poll(() => asked.find((a) => a.method === 'households.callList')?.input, { timeout: 15_000 })
    .toMatchObject({ notSeenSince: day.notSeenSince })

  asked.length = 0
  await openFromMenu(page, 'Cijfers', 'Cijfers kledingwinkel')
  // The figures are asked once main's day has come back (and a period of a quarter or more is
  // counted in a worker): wait for the call rather than for a quiet network.
  await expect.poll(() => methods(asked), { timeout: 15_000 }).toContain('shop.totals')
  expect(methods(asked)).not.toContain('shop.dashboard')

  // The Vandaag screen still reads its own dashboard.
  asked.length = 0
  await openFromMenu(page, 'Vandaag', 'Vandaag')
  expect(methods(asked)).toContain('shop.dashboard')
})
