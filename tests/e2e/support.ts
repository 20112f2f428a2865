import { mkdirSync } from 'node:fs'
import { expect, type Page } from '@playwright/test'
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/api'
import { post } from './bridge'
import { E2E_ADMIN, E2E_COORDINATOR } from './global-setup'

export function bridgeUrl(): string {
  const url = process.env.DICHTBIJ_E2E_URL
  if (!url) throw new Error('global-setup did not start the browser bridge')
  return url
}

/**
 * An admin without a recovery key is asked to make one as soon as the app shows; flows about
 * something else put it off ("Later"). backup-flow.spec.ts makes the key through this prompt.
 */
export async function putOffRecoveryKey(page: Page): Promise<void> {
  // Only an admin is asked; the dialog mounts a moment after the menu.
  if ((await page.getByTestId('user-role').textContent()) !== 'Beheerder') return
  const prompt = page.getByRole('dialog', { name: 'Maak een herstelsleutel' })
  const shown = await prompt
    .waitFor({ timeout: 2000 })
    .then(() => true)
    .catch(() => false)
  if (!shown) return
  await prompt.getByRole('button', { name: 'Later' }).click()
  await expect(prompt).toBeHidden()
}

/** Logs in through the login screen, as a user would. */
export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Gebruikersnaam').fill(username)
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(password)
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click()
  await expect(page.getByRole('navigation')).toBeVisible()
  await putOffRecoveryKey(page)
}

/** Opens the app, logs in as the coordinator through the login screen, then opens a screen. */
export async function openApp(page: Page, hash = '#/', url = bridgeUrl()): Promise<void> {
  await page.goto(url)
  await logIn(page, E2E_COORDINATOR.username, E2E_COORDINATOR.password)
  await page.evaluate((h) => (window.location.hash = h), hash)
}

export async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash)
}

const tokens = new Map<string, string>()

/**
 * Calls the real API outside the page, logged in as the coordinator on a session of its own, to
 * read figures for assertions.
 */
export async function api<M extends MethodName>(
  _page: Page,
  method: M,
  input: MethodInput<M>,
  url = bridgeUrl(),
): Promise<MethodOutput<M>> {
  let token = tokens.get(url)
  if (!token) {
    const login = await post(url, 'auth.login', {
      username: E2E_COORDINATOR.username,
      password: E2E_COORDINATOR.password,
    })
    if (!login.session) throw new Error(`login for the API failed: ${JSON.stringify(login.body)}`)
    token = login.session
    tokens.set(url, token)
  }
  const { body } = await post(url, method, input, token)
  if (!body.ok) throw new Error(`${method} failed: ${JSON.stringify(body.error)}`)
  return body.value as MethodOutput<M>
}

/** Saves what the user sees; a whole page unless a dialog is open (it would float mid-page). */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync('test-results/screens', { recursive: true })
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage })
}

/**
 * An account the admin just made, whose user has replaced the first password as the app
 * demands: someone new to the app, who logs in with `password`.
 */
export async function newAccount(account: {
  username: string
  displayName: string
  role: 'coordinator' | 'volunteer' | 'admin'
  firstPassword: string
  password: string
}): Promise<void> {
  const url = bridgeUrl()
  const admin = await post(url, 'auth.login', E2E_ADMIN)
  const made = await post(
    url,
    'users.create',
    {
      username: account.username,
      displayName: account.displayName,
      role: account.role,
      password: account.firstPassword,
    },
    admin.session ?? undefined,
  )
  if (!made.body.ok) throw new Error(JSON.stringify(made.body))
  const login = await post(url, 'auth.login', {
    username: account.username,
    password: account.firstPassword,
  })
  const changed = await post(
    url,
    'auth.changePassword',
    {
      currentPassword: account.firstPassword,
      newPassword: account.password,
      newPasswordRepeat: account.password,
    },
    login.session ?? undefined,
  )
  if (!changed.body.ok) throw new Error(JSON.stringify(changed.body))
}
