import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { api, bridgeUrl, goTo, logIn, newAccount, openApp, screenshot } from './support'

// Names of this spec's own, so the other specs' households on the shared bridge do not match.
const FAMILY = 'Quirijna Zoekhuis'
const POSTCODE = '8123 QZ'

async function addFamily(page: Parameters<typeof api>[0]): Promise<number> {
  const existing = await api(page, 'households.search', { query: FAMILY })
  if (existing.rows.length) return existing.rows[0].id
  const made = await api(page, 'households.create', {
    contactName: FAMILY,
    street: 'Zoekstraat',
    houseNumber: '7',
    postcode: POSTCODE,
    city: 'Vindplaats',
    district: null,
    phone: null,
    email: null,
    incomeSource: 'bijstand',
    referrer: null,
    proofSeenOn: '2026-03-01',
    consentDate: '2026-03-01',
    consentBy: 'Coördinator',
    members: [
      { firstName: 'Quirijna', birthYear: 1985, gender: 'f' },
      { firstName: 'Xandrijntje', birthYear: 2017, gender: 'f' },
    ],
  })
  return made.id
}

test('Ctrl+K finds a household by name and by postcode and opens its page', async ({ page }) => {
  await openApp(page, '#/')
  const id = await addFamily(page)

  await page.keyboard.press('Control+K')
  const box = page.getByRole('textbox', { name: 'Zoeken in Dichtbij' })
  await expect(box).toBeFocused()
  // One letter is not enough: the box says so instead of listing everyone.
  await box.fill('q')
  await expect(page.getByText('Typ minstens 2 letters of cijfers.')).toBeVisible()
  await box.fill('zoekhu')
  const hit = page.getByRole('button', { name: new RegExp(FAMILY) })
  await expect(hit).toBeVisible()
  await expect(page.getByText('Huishoudens', { exact: true })).toBeVisible()
  await expect(hit).toContainText(`${POSTCODE} Vindplaats`)
  await screenshot(page, 'search-spotlight', false)
  await hit.click()
  await expect(page).toHaveURL(new RegExp(`#/households/${id}$`))
  await expect(page.getByRole('heading', { name: FAMILY }).first()).toBeVisible()

  // The header's button opens the same box; a postcode without its space finds the family too.
  await page.getByRole('button', { name: 'Zoeken' }).click()
  await box.fill(POSTCODE.replace(' ', '').toLowerCase())
  await expect(page.getByRole('button', { name: new RegExp(FAMILY) })).toBeVisible()
  // A child's first name finds the family too, and the hit says by whom.
  await box.fill('xandrijn')
  const byChild = page.getByRole('button', { name: new RegExp(FAMILY) })
  await expect(byChild).toContainText(`gezinslid Xandrijntje · ${POSTCODE} Vindplaats`)
  await screenshot(page, 'search-spotlight-member', false)
  await page.keyboard.press('Escape')
  await expect(box).toBeHidden()

  // Also while typing in a field: the shortcut opens the box, nothing lands in the field.
  await goTo(page, '#/households')
  const field = page.getByRole('main').getByRole('searchbox').first()
  await field.click()
  await page.keyboard.press('Control+K')
  await expect(box).toBeFocused()
  await page.keyboard.press('Escape')
})

test('the counter volunteer finds households only, and may open the one it found', async ({
  page,
}) => {
  const account = {
    username: 'zoek-balie',
    displayName: 'Zoë Zoekbalie',
    role: 'volunteer' as const,
    firstPassword: 'Eerste-zoek-sleutel-12',
    password: 'Balie-zoek-sleutel-34',
  }
  await page.goto(bridgeUrl())
  const id = await addFamily(page)
  // A participant with the same name: staff would see it under Deelnemers, the counter not.
  const people = await api(page, 'people.search', { query: 'zoekhuis' })
  if (!people.rows.length)
    await api(page, 'people.create', {
      firstName: 'Pieter',
      lastName: 'Zoekhuis',
      registeredOn: '2026-03-01',
    })
  await newAccount(account).catch(() => undefined)
  await logIn(page, account.username, account.password)
  await page.keyboard.press('Control+K')
  await page.getByRole('textbox', { name: 'Zoeken in Dichtbij' }).fill('zoekhuis')
  const hit = page.getByRole('button', { name: new RegExp(FAMILY) })
  await expect(hit).toBeVisible()
  await expect(page.getByText('Deelnemers', { exact: true })).toHaveCount(0)
  await expect(page.getByRole('button', { name: /Pieter Zoekhuis/ })).toHaveCount(0)
  await hit.click()
  await expect(page).toHaveURL(new RegExp(`#/households/${id}$`))
  await expect(page.getByRole('heading', { name: FAMILY }).first()).toBeVisible()
})

test('Help shows the text of the screen that is open, F1 too, and downloads a quick guide', async ({
  page,
}) => {
  await openApp(page, '#/households')
  await expect(page.getByRole('main').getByRole('heading').first()).toBeVisible()
  await page.getByRole('button', { name: 'Help', exact: true }).click()
  const panel = page.getByRole('dialog', { name: 'Help' })
  await expect(panel.getByRole('heading', { name: 'Huishoudens', level: 3 })).toBeVisible()
  await expect(panel).toContainText('Zoek een gezin op naam, nummer (H-00073)')
  await screenshot(page, 'help-panel', false)
  await page.keyboard.press('Escape')
  await expect(panel).toBeHidden()

  // Another screen, another text; F1 opens the panel from the keyboard.
  await goTo(page, '#/appointments')
  await expect(page.getByRole('main').getByRole('heading').first()).toBeVisible()
  await page.keyboard.press('F1')
  await expect(panel.getByRole('heading', { name: 'Afspraken', level: 3 })).toBeVisible()
  await expect(panel).toContainText('Dagdelen aanmaken')

  const downloading = page.waitForEvent('download')
  await panel.getByRole('button', { name: 'Snelstartgids voor de balie' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('snelstartgids-balie.pdf')
  const bytes = readFileSync((await download.path())!)
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  expect(bytes.length).toBeGreaterThan(10_000)
})
