import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { post, startBridge, type Bridge } from './bridge'

// A new computer restores a backup file picked from disk, through the browser bridge: the file goes
// to the bridge's upload path as raw bytes, not as one large JSON body. Two bridges of its own: the
// old computer that makes the backup, and the empty new one.
let old: Bridge
let fresh: Bridge
const dirs: string[] = []
test.beforeAll(async () => {
  for (let i = 0; i < 3; i++) dirs.push(mkdtempSync(join(tmpdir(), 'dichtbij-e2e-upload-')))
  ;[old, fresh] = await Promise.all([startBridge(dirs[0]), startBridge(dirs[1])])
})
test.afterAll(async () => {
  await Promise.all([old?.stop(), fresh?.stop()])
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

const ADMIN = { username: 'ria', password: 'Groene-deur-naast-de-bakker' }

async function must(
  url: string,
  method: string,
  input: unknown,
  token?: string,
): Promise<{ value: unknown; session: string | null }> {
  const { body, session } = await post(url, method, input, token)
  expect(body, method).toMatchObject({ ok: true })
  return { value: body.value, session }
}

test('the page has its icon and asks for nothing that is not there', async ({ page }) => {
  const missing: string[] = []
  page.on('response', (r) => {
    if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`)
  })
  await page.goto(fresh.url)
  await expect(page.getByRole('heading', { name: 'Dichtbij instellen' })).toBeVisible()
  const href = await page.locator('link[rel="icon"]').getAttribute('href')
  expect(href).toBeTruthy()
  const icon = await page.request.get(new URL(href ?? '', fresh.url).toString())
  expect(icon.status()).toBe(200)
  expect(icon.headers()['content-type']).toBe('image/svg+xml')
  // The browser's own guess at /favicon.ico is not needed once the page names its icon.
  expect(missing).toEqual([])
})

test('a new computer restores a backup file through the setup screen', async ({ page }) => {
  test.setTimeout(120_000)
  // The old computer: set up, a recovery key, a family, and a backup saved as a file.
  const { session } = await must(old.url, 'setup.create', {
    organisation: { name: 'Stichting Het Anker' },
    admin: {
      ...ADMIN,
      displayName: 'Ria Hoekstra',
      passwordRepeat: ADMIN.password,
    },
  })
  const token = session ?? undefined
  const recovery = (await must(old.url, 'recovery.regenerate', {}, token)).value as {
    recoveryKey: string
  }
  const backup = (await must(old.url, 'backup.create', { download: true }, token)).value as {
    file: { filename: string; ticket: string }
  }
  const file = join(dirs[2], 'back-up van het Anker.dichtbij-backup')
  // The answer holds a ticket; the file itself is streamed from the bridge's download path.
  const saved = await fetch(new URL(`api/download/${backup.file.ticket}`, old.url))
  expect(saved.status).toBe(200)
  writeFileSync(file, Buffer.from(await saved.arrayBuffer()))

  // The new computer: the setup screen offers to restore; the file is picked from disk.
  await page.goto(fresh.url)
  await page.getByRole('button', { name: /Gegevens terugzetten uit een back-up/ }).click()
  await expect(page.getByRole('heading', { name: 'Back-up terugzetten' })).toBeVisible()
  const uploads: string[] = []
  page.on('request', (r) => {
    if (r.method() === 'POST') uploads.push(new URL(r.url()).pathname)
  })
  await page.locator('input[type="file"]').setInputFiles(file)
  await page.getByRole('button', { name: 'Verder' }).click()
  await page.getByRole('textbox', { name: 'Herstelsleutel' }).fill(recovery.recoveryKey)
  await page.getByRole('button', { name: 'Controleren' }).click()
  const manifest = page.getByTestId('backup-manifest')
  // The check runs in a worker, which the bridge starts from the sources (1-2 s through tsx), and
  // reads the whole file: on a busy machine that took over 10 s.
  await expect(manifest).toBeVisible({ timeout: 30_000 })
  await expect(manifest.getByRole('row', { name: /Accounts\s+1/ })).toBeVisible()
  await page.getByRole('button', { name: 'Verder' }).click()
  await page.getByRole('button', { name: 'Terugzetten', exact: true }).click()

  // Restored: the login screen, and the old computer's admin logs in on the new one.
  await expect(page.getByRole('button', { name: 'Aanmelden', exact: true })).toBeVisible()
  await page.getByLabel('Gebruikersnaam').fill(ADMIN.username)
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(ADMIN.password)
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click()
  await expect(page.getByRole('navigation')).toBeVisible()
  // Both steps (check and restore) went to the upload path, not the ordinary one.
  expect(uploads.filter((p) => p === '/api/upload')).toHaveLength(2)
})
