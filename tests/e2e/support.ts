import { mkdirSync } from 'node:fs'
import type { Page } from '@playwright/test'
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/api'

export function bridgeUrl(): string {
  const url = process.env.DICHTBIJ_E2E_URL
  if (!url) throw new Error('global-setup did not start the browser bridge')
  return url
}

/** Opens the app as a new user would: the bridge URL once (it stores the token), then a screen. */
export async function openApp(page: Page, hash = '#/'): Promise<void> {
  await page.goto(bridgeUrl())
  await page.evaluate((h) => (window.location.hash = h), hash)
}

export async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash)
}

/** Calls the real API the way the page does, to read figures for assertions. */
export async function api<M extends MethodName>(
  page: Page,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const token = new URL(bridgeUrl()).hash.replace('#token=', '')
  const res = await page.request.post(new URL('api', bridgeUrl()).toString(), {
    headers: { Authorization: `Bearer ${token}` },
    data: { method, input },
  })
  const body = (await res.json()) as { ok: boolean; value: MethodOutput<M>; error?: unknown }
  if (!body.ok) throw new Error(`${method} failed: ${JSON.stringify(body.error)}`)
  return body.value
}

/** Saves what the user sees; a whole page unless a dialog is open (it would float mid-page). */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync('test-results/screens', { recursive: true })
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage })
}
