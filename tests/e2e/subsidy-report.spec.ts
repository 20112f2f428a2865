import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { unzipSync } from 'fflate'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { post } from './bridge'
import { E2E_ADMIN } from './global-setup'
import { bridgeUrl, goTo, putOffRecoveryKey } from './support'

/** Kept where the person checking this part looks at them. */
const SHOTS = process.env.SHOTS ?? 'test-results/screens'

// Names of their own: the e2e specs share one bridge (and so one database).
const ADMIN = {
  username: 'verantwoording-beheer',
  first: 'Eerste-verantwoording-7',
  own: 'Eigen-verantwoording-9',
}
const FAMILY = 'Rutger Verantwoord'

async function must<T = unknown>(method: string, input: unknown, token?: string): Promise<T> {
  const r = await post(bridgeUrl(), method, input, token)
  if (!r.body.ok) throw new Error(`${method} failed: ${JSON.stringify(r.body.error)}`)
  return r.body.value as T
}

async function session(username: string, password: string): Promise<string> {
  const r = await post(bridgeUrl(), 'auth.login', { username, password })
  if (!r.session) throw new Error(`login of ${username} failed: ${JSON.stringify(r.body)}`)
  return r.session
}

/** Saves the file a button makes and returns where it is kept. */
async function save(page: Page, button: Locator, name: string): Promise<string> {
  // Main makes the PDF in a worker, which takes a while on a busy machine.
  const download = page.waitForEvent('download', { timeout: 120_000 })
  await button.click()
  const file = await download
  mkdirSync(SHOTS, { recursive: true })
  const path = `${SHOTS}/${name}`
  copyFileSync((await file.path())!, path)
  return path
}

test.use({ actionTimeout: 20_000 })

test('a new admin reports last year to the municipality: target, story, explanation, final version and its files', async ({
  page,
}) => {
  test.setTimeout(420_000)
  const admin = await session(E2E_ADMIN.username, E2E_ADMIN.password)
  await must(
    'users.create',
    {
      username: ADMIN.username,
      displayName: 'Vera Verantwoording',
      role: 'admin',
      password: ADMIN.first,
    },
    admin,
  )
  // Last year's work: a family with three visits, and a collective activity.
  const today = (await must<{ today: string }>('shop.day', {}, admin)).today
  const year = Number(today.slice(0, 4)) - 1
  const household = await must<{ id: number }>(
    'households.create',
    {
      contactName: FAMILY,
      postcode: '3826 AB',
      city: 'Amersfoort',
      district: 'Verantwoordwijk',
      incomeSource: 'bijstand',
      proofSeenOn: `${year}-01-05`,
      consentDate: `${year}-01-05`,
      consentBy: 'Anja',
      members: [
        { firstName: 'Rutger', birthYear: 1985, gender: 'm' },
        { firstName: 'Fien', birthYear: 2015, gender: 'f' },
      ],
    },
    admin,
  )
  const [category] = await must<{ id: number }[]>('lists.list', { kind: 'category' }, admin)
  for (const date of [`${year}-02-10`, `${year}-05-12`, `${year}-09-08`])
    await must(
      'visits.register',
      {
        householdId: household.id,
        date,
        servedBy: 'Anja',
        items: [{ categoryId: category.id, count: 2 }],
      },
      admin,
    )
  await must(
    'activities.create',
    {
      date: `${year}-04-03`,
      kind: 'collective',
      title: 'Naaiatelier',
      participants: 11,
      volunteers: 2,
    },
    admin,
  )
  const before = await must<{ figures: { key: string; value: number | null }[] }>(
    'reports.subsidy',
    { from: `${year}-01-01`, to: `${year}-12-31` },
    admin,
  )
  const visits = before.figures.find((f) => f.key === 'shop.visits')?.value ?? 0
  expect(visits).toBeGreaterThanOrEqual(3)

  // The new admin logs in for the first time and chooses a password.
  await page.goto(bridgeUrl())
  await page.getByLabel('Gebruikersnaam').fill(ADMIN.username)
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(ADMIN.first)
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Kies een eigen wachtwoord' })).toBeVisible({
    timeout: 60_000,
  })
  await page.getByLabel('Huidig wachtwoord').fill(ADMIN.first)
  await page.getByRole('textbox', { name: 'Nieuw wachtwoord', exact: true }).fill(ADMIN.own)
  await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(ADMIN.own)
  await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click()
  await expect(page.getByRole('navigation')).toBeVisible({ timeout: 60_000 })
  await putOffRecoveryKey(page)

  // Last year, picked on the screen.
  await page.getByRole('navigation').getByRole('link', { name: 'Verantwoording' }).click()
  await expect(page.getByRole('heading', { name: 'Subsidieverantwoording' })).toBeVisible()
  await page.getByRole('radio', { name: 'Jaar', exact: true }).check({ force: true })
  await page.getByRole('combobox', { name: 'Welk jaar' }).click()
  await page.getByRole('option', { name: String(year), exact: true }).click()
  await page.getByRole('button', { name: 'Toon' }).click()
  await expect(page.getByTestId('report-period')).toContainText(`01-01-${year} t/m 31-12-${year}`, {
    timeout: 60_000,
  })
  await expect(page.getByTestId('figure-shop.visits').getByTestId('value')).toHaveText(
    String(visits),
  )

  // A target far above what was done: the deviation asks for an explanation.
  const shop = page.getByRole('region', { name: 'Winkel' })
  await shop.getByRole('button', { name: 'Streefwaarden invullen' }).click()
  await shop.getByLabel(`Streefwaarde ${year} voor Bezoeken`).fill(String(visits * 10))
  await shop.getByRole('button', { name: 'Streefwaarden opslaan' }).click()
  // Each save counts the report again in the workers: slow on a busy machine.
  await expect(page.getByTestId('missing-explanations')).toContainText(
    'vraagt nog om een toelichting',
    { timeout: 60_000 },
  )
  await expect(page.getByRole('button', { name: 'Definitief maken' })).toBeDisabled()
  await expect(page.getByTestId('figure-shop.visits')).toContainText('-90%', { timeout: 60_000 })
  await page.screenshot({ path: `${SHOTS}/subsidy-report-deviation.png`, fullPage: false })

  // The story behind the shop's figures, and the explanation of the deviation.
  const story = 'Veel gezinnen kwamen vaker dan één keer, vooral na de zomer.'
  await shop.getByLabel('Het verhaal achter de cijfers: Winkel').fill(story)
  await shop.getByRole('button', { name: 'Verhaal opslaan' }).click()
  await expect(page.getByText('Verhaal opgeslagen')).toBeVisible()
  const why = 'De streefwaarde ging uit van twee winkelavonden per week; het werd er één.'
  await shop.getByLabel('Waarom wijkt "Bezoeken" af van de streefwaarde?').fill(why)
  await shop.getByRole('button', { name: 'Toelichting opslaan' }).click()
  await expect(page.getByTestId('missing-explanations')).toBeHidden({ timeout: 60_000 })

  // Final: the version is kept as it is now.
  await page.getByRole('button', { name: 'Definitief maken' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Ja, definitief maken' }).click()
  await expect(page.getByText('De verantwoording is definitief gemaakt')).toBeVisible({
    timeout: 120_000,
  })
  const versions = page.getByRole('region', { name: 'Definitieve versies' })
  await expect(versions.getByText(`01-01-${year} t/m 31-12-${year}, Alle gebieden`)).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/subsidy-report-top.png`, fullPage: false })

  // The files for the municipality, read back.
  const files = page.getByRole('button', { name: 'Pdf', exact: true })
  const pdfPath = await save(page, files, 'subsidieverantwoording.pdf')
  expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  execFileSync('pdftoppm', ['-png', '-r', '60', pdfPath, `${SHOTS}/subsidieverantwoording`])
  const text = execFileSync('pdftotext', [pdfPath, '-']).toString('utf8').replace(/\s+/g, ' ')
  expect(text).toContain('Verantwoording')
  expect(text).toContain(story)
  expect(text).toContain(why)
  expect(text).toContain('Stichting E2E')

  const xlsxPath = await save(
    page,
    page.getByRole('button', { name: 'Spreadsheet (.xlsx)' }),
    'cijfers.xlsx',
  )
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(
    readFileSync(xlsxPath) as unknown as Parameters<typeof workbook.xlsx.load>[0],
  )
  const sheet = workbook.getWorksheet('Cijfers')
  expect(sheet).toBeTruthy()
  const header = (sheet!.getRow(1).values as unknown[]).slice(1)
  let visitsRow: unknown[] | null = null
  sheet!.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1)
    if (values[0] === 'shop.visits') visitsRow = values
  })
  expect(visitsRow).not.toBeNull()
  const cell = (name: string): unknown => visitsRow![header.indexOf(name)]
  expect(cell('Waarde')).toBe(visits)
  expect(cell('Streefwaarde')).toBe(visits * 10)
  expect(cell('Toelichting')).toBe(why)

  const zipPath = await save(
    page,
    page.getByRole('button', { name: 'Alles in een zip' }),
    'verantwoording.zip',
  )
  const zip = unzipSync(new Uint8Array(readFileSync(zipPath)))
  const names = Object.keys(zip)
  expect(names).toEqual(expect.arrayContaining(['manifest.json', 'cijfers.csv', 'shop.csv']))
  expect(names.some((n) => n.endsWith('.pdf'))).toBe(true)
  const manifest = JSON.parse(new TextDecoder().decode(zip['manifest.json']))
  expect(manifest.period).toEqual({ from: `${year}-01-01`, to: `${year}-12-31` })
  const csv = new TextDecoder().decode(zip['cijfers.csv'])
  expect(csv).toContain(why)

  // The final version opens as it was sent, even after a visit registered late.
  const own = await session(ADMIN.username, ADMIN.own)
  await must(
    'visits.register',
    {
      householdId: household.id,
      date: `${year}-11-03`,
      servedBy: 'Anja',
      items: [{ categoryId: category.id, count: 1 }],
    },
    own,
  )
  await goTo(page, '#/activities')
  await goTo(page, '#/reports')
  await versions.getByRole('button', { name: 'Openen' }).first().click()
  const frozen = page.getByRole('dialog')
  await expect(frozen.getByTestId('differences')).toContainText('Bezoeken', { timeout: 60_000 })
  await expect(frozen.getByTestId('differences')).toContainText(String(visits + 1))
  await page.screenshot({ path: `${SHOTS}/subsidy-report-frozen.png`, fullPage: false })
})
