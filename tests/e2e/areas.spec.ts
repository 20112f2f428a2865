import { expect, test, type Locator, type Page } from '@playwright/test'
import { post } from './bridge'
import { E2E_ADMIN } from './global-setup'
import { bridgeUrl, logIn, newAccount, screenshot } from './support'

// Names of their own: the e2e specs share one bridge (and so one database).
const A = 'Gemeente Aaland'
const B = 'Gemeente Beeland'
const WIJK_A = 'Aawijk'
const WIJK_B = 'Beewijk'
const COORDINATOR = {
  username: 'teamcijfers-coord',
  displayName: 'Tineke Teamcijfers',
  role: 'coordinator' as const,
  firstPassword: 'Eerste-teamcijfers-3',
  password: 'Eigen-teamcijfers-4',
}
const VOLUNTEER = {
  username: 'teamcijfers-balie',
  displayName: 'Bram Balie',
  role: 'volunteer' as const,
  firstPassword: 'Eerste-balie-cijfers-5',
  password: 'Eigen-balie-cijfers-6',
}

async function must<T = unknown>(method: string, input: unknown, token?: string): Promise<T> {
  const r = await post(bridgeUrl(), method, input, token)
  if (!r.body.ok) throw new Error(`${method} failed: ${JSON.stringify(r.body.error)}`)
  return r.body.value as T
}

/** A household in a district with this many visits today (counted this year, in its area). */
async function householdWithVisits(
  admin: string,
  name: string,
  district: string,
  visits: number,
): Promise<void> {
  const today = (await must<{ today: string }>('shop.day', {}, admin)).today
  const household = await must<{ id: number }>(
    'households.create',
    {
      contactName: name,
      postcode: '3826 AB',
      city: 'Amersfoort',
      district,
      incomeSource: 'bijstand',
      proofSeenOn: today,
      consentDate: today,
      consentBy: 'Anja',
      members: [{ firstName: name.split(' ')[0], birthYear: 1980, gender: 'f' }],
    },
    admin,
  )
  const [category] = await must<{ id: number }[]>('lists.list', { kind: 'category' }, admin)
  for (let i = 0; i < visits; i += 1)
    await must(
      'visits.register',
      {
        householdId: household.id,
        date: today,
        servedBy: 'Anja',
        items: [{ categoryId: category.id, count: 1 }],
        // The visits of the day before this one, seen: a second visit that day is meant.
        sameDayVisitsSeen: i,
      },
      admin,
    )
}

/** Picks an area in the area field (a combobox that also takes typed text). */
async function pickArea(page: Page, scope: Locator | Page, name: string): Promise<void> {
  const field = scope.getByRole('combobox', { name: 'Gebied' })
  await field.fill(name)
  await page.getByRole('option', { name: new RegExp(`^${name}`) }).click()
  await expect(field).toHaveValue(name)
}

async function addArea(page: Page, name: string, kind: string, parent?: string): Promise<void> {
  await page.getByRole('button', { name: 'Gebied toevoegen' }).click()
  const dialog = page.getByRole('dialog', { name: 'Gebied toevoegen' })
  await dialog.getByRole('textbox', { name: 'Naam' }).fill(name)
  await dialog.getByRole('combobox', { name: 'Soort' }).click()
  await page.getByRole('option', { name: kind, exact: true }).click()
  if (parent) {
    await dialog.getByRole('combobox', { name: 'Ligt in' }).click()
    await page.getByRole('option', { name: new RegExp(`${parent} \\(`) }).click()
  }
  await dialog.getByRole('button', { name: 'Opslaan' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId(`area-${name}`)).toBeVisible()
}

async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Menu van/ }).click()
  await page.getByRole('menuitem', { name: 'Afmelden' }).click()
  await expect(page.getByRole('button', { name: 'Aanmelden', exact: true })).toBeVisible()
}

test.use({ actionTimeout: 20_000 })

test('an admin draws two municipalities, chooses the figures of one, reports on it and puts both side by side; a coordinator sees the team figures, the counter does not', async ({
  page,
}) => {
  test.setTimeout(300_000)
  const admin = (await post(bridgeUrl(), 'auth.login', E2E_ADMIN)).session ?? undefined
  await householdWithVisits(admin!, 'Annet Aawijk', WIJK_A, 1)
  await householdWithVisits(admin!, 'Bert Beewijk', WIJK_B, 2)
  const year = new Date().getFullYear()

  // The admin draws the tree on Gebieden.
  await page.goto(bridgeUrl())
  await logIn(page, E2E_ADMIN.username, E2E_ADMIN.password)
  await page.getByRole('navigation').getByRole('link', { name: 'Gebieden' }).click()
  await expect(page.getByRole('heading', { name: 'Gebieden', level: 2 })).toBeVisible()
  await addArea(page, A, 'Gemeente')
  await addArea(page, B, 'Gemeente')
  await addArea(page, WIJK_A, 'Wijk', A)
  await addArea(page, WIJK_B, 'Wijk', B)
  await expect(page.getByTestId(`area-${WIJK_A}`)).toContainText('wijk')
  // A village under a district, then renamed and moved to the other district.
  await addArea(page, 'Aadorp', 'Kern', WIJK_A)
  await page.getByRole('button', { name: 'Wijzigen: Aadorp' }).click()
  const edit = page.getByRole('dialog', { name: 'Gebied wijzigen of verplaatsen' })
  await edit.getByRole('textbox', { name: 'Naam' }).fill('Beedorp')
  await edit.getByRole('combobox', { name: 'Ligt in' }).click()
  await page.getByRole('option', { name: new RegExp(`${WIJK_B} \\(wijk\\)`) }).click()
  await screenshot(page, 'areas-edit', false)
  await edit.getByRole('button', { name: 'Opslaan' }).click()
  await expect(edit).toBeHidden()
  // The tree's order puts it under Beewijk now.
  await expect(page.locator('li[data-testid^="area-"]')).toHaveText([
    new RegExp(A),
    new RegExp(WIJK_A),
    new RegExp(B),
    new RegExp(WIJK_B),
    /Beedorp/,
  ])

  // A municipality with a district under it cannot go: the message says what to do first.
  await page.getByRole('button', { name: `Verwijderen: ${A}` }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Ja, verwijderen' }).click()
  await expect(page.getByText('Onder dit gebied liggen nog andere gebieden')).toBeVisible()
  await expect(page.getByTestId(`area-${A}`)).toBeVisible()

  // A asks for the visits only.
  await expect(page.getByTestId(`area-${A}`).getByTestId('area-indicators')).toHaveText(
    'Kengetallen: alle kengetallen',
  )
  await page.getByRole('button', { name: `Kengetallen van deze gemeente: ${A}` }).click()
  const chooser = page.getByRole('dialog', { name: 'Kengetallen van deze gemeente' })
  await expect(chooser.getByTestId('indicators-count')).toHaveText(
    'Niets gekozen: alle kengetallen',
  )
  await chooser.getByRole('checkbox', { name: 'Bezoeken', exact: true }).check({ timeout: 60_000 })
  await expect(chooser.getByTestId('indicators-count')).toHaveText('1 kengetal')
  await screenshot(page, 'areas-indicators', false)
  await chooser.getByRole('button', { name: 'Kengetallen opslaan' }).click()
  await expect(chooser).toBeHidden()
  await expect(page.getByTestId(`area-${A}`).getByTestId('area-indicators')).toHaveText(
    'Kengetallen: 1 kengetal',
  )
  await screenshot(page, 'areas-tree')

  // The report for A: this year, only the figure A asks for.
  await page.getByRole('navigation').getByRole('link', { name: 'Verantwoording' }).click()
  await expect(page.getByRole('heading', { name: 'Subsidieverantwoording' })).toBeVisible()
  await page.getByRole('combobox', { name: 'Welk jaar' }).click()
  await page.getByRole('option', { name: String(year), exact: true }).click()
  const field = page.getByRole('combobox', { name: 'Gebied' })
  await field.fill('')
  await field.click()
  // The tree in the list: the municipality, its district indented under it, with their kinds.
  await expect(page.getByRole('option', { name: `${WIJK_A} (wijk)` })).toBeVisible()
  await screenshot(page, 'areas-field', false)
  await pickArea(page, page, A)
  await page.getByRole('button', { name: 'Toon' }).click()
  await expect(page.getByTestId('report-period')).toContainText(A, { timeout: 60_000 })
  await expect(page.getByTestId('report-indicators')).toContainText(
    'Deze gemeente vraagt om 1 kengetal',
  )
  await expect(page.getByTestId('figure-shop.visits').getByTestId('value')).toHaveText('1')
  const keys = await page
    .locator('[data-testid^="figure-"]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')))
  expect(keys.length).toBeGreaterThan(0)
  expect(
    keys.every((k) => k === 'figure-shop.visits' || k?.startsWith('figure-shop.visits.')),
  ).toBe(true)
  await screenshot(page, 'areas-report')

  // Side by side: A against B over the same period.
  await page.getByRole('button', { name: 'Naast elkaar' }).click()
  await expect(page.getByRole('heading', { name: 'Naast elkaar', level: 2 })).toBeVisible()
  const left = page.getByRole('region', { name: 'Links' })
  const right = page.getByRole('region', { name: 'Rechts' })
  await left.getByRole('combobox', { name: 'Welk jaar' }).click()
  await page.getByRole('option', { name: String(year), exact: true }).click()
  await pickArea(page, left, A)
  await page.getByRole('button', { name: 'Zelfde periode, andere gemeente' }).click()
  await expect(right.getByRole('combobox', { name: 'Welk jaar' })).toHaveValue(String(year))
  await pickArea(page, right, B)
  await page.getByRole('button', { name: 'Vergelijk' }).click()
  const shop = page.getByRole('region', { name: 'Winkel' })
  await expect(shop.getByTestId('left-head')).toContainText(A, { timeout: 60_000 })
  await expect(shop.getByTestId('right-head')).toContainText(B)
  const visits = shop.getByTestId('compare-shop.visits')
  await expect(visits.getByTestId('left')).toHaveText('1')
  await expect(visits.getByTestId('right')).toHaveText('2')
  await expect(visits.getByTestId('difference')).toHaveText('+1')
  await screenshot(page, 'areas-compare', false)
  await screenshot(page, 'areas-compare-full')

  // A new coordinator: Teamcijfers, this year so far, for the organisation and for B.
  await newAccount(COORDINATOR)
  await logOut(page)
  await logIn(page, COORDINATOR.username, COORDINATOR.password)
  await page.getByRole('navigation').getByRole('link', { name: 'Teamcijfers' }).click()
  await expect(page.getByRole('heading', { name: 'Teamcijfers', level: 2 })).toBeVisible()
  await expect(page.getByTestId('team-period')).toContainText('1 januari t/m vandaag', {
    timeout: 60_000,
  })
  await expect(page.getByTestId('team-shop.visits')).toHaveText(/^\d+$/)
  await pickArea(page, page, B)
  await page.getByRole('button', { name: 'Toon' }).click()
  await expect(page.getByTestId('team-period')).toContainText(B, { timeout: 60_000 })
  await expect(page.getByTestId('team-shop.visits')).toHaveText('2')
  await page.getByRole('region', { name: 'Winkel' }).getByText('Wat telt hier mee?').click()
  await expect(page.getByText('Geregistreerde bezoeken aan de winkel')).toBeVisible()
  await screenshot(page, 'areas-team')
  // The admin's screens are not the coordinator's.
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Gebieden' })).toHaveCount(0)

  // The counter volunteer has no team figures in the menu.
  await newAccount(VOLUNTEER)
  await logOut(page)
  await logIn(page, VOLUNTEER.username, VOLUNTEER.password)
  await expect(
    page.getByRole('navigation').getByRole('link', { name: 'Huishoudens' }),
  ).toBeVisible()
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Teamcijfers' })).toHaveCount(
    0,
  )
})
