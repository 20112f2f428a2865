import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { post, startBridge, type Bridge } from './bridge'
import { goTo, logIn, screenshot } from './support'

// AVG in the browser, on a data folder of its own: two families seen in May 2024 are past the
// two-year term now. One is anonymised; the 2024 figures must not move, and a subject access
// export of the other comes out as a PDF.
const ADMIN = { username: 'beheerder', password: 'Bewaar-termijn-sleutel-5' }
const KEPT = 'Familie Bewaarmans'
const ERASED = 'Familie Wisselink'

let dataDir: string
let bridge: Bridge | null = null

async function must(url: string, method: string, input: unknown, token?: string | null) {
  const r = await post(url, method, input, token ?? undefined)
  if (!r.body.ok) throw new Error(`${method} failed: ${JSON.stringify(r.body.error)}`)
  return r
}

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'dichtbij-e2e-avg-'))
  // May 2024: set up, two families, each with a visit that day.
  const past = await startBridge(dataDir, ['--today=2024-05-10'])
  try {
    const { session } = await must(past.url, 'setup.create', {
      organisation: { name: 'Stichting Bewaren' },
      admin: {
        username: ADMIN.username,
        displayName: 'Bea Beheer',
        password: ADMIN.password,
        passwordRepeat: ADMIN.password,
      },
    })
    // The sheet is printed in the backup test; here it would only stand in the way.
    await must(past.url, 'recovery.regenerate', {}, session)
    await must(past.url, 'recovery.confirm', {}, session)
    const categories = (await must(past.url, 'lists.list', { kind: 'category' }, session)).body
      .value as { id: number }[]
    for (const [name, postcode] of [
      [KEPT, '8011 AB'],
      [ERASED, '8012 CD'],
    ]) {
      const created = await must(
        past.url,
        'households.create',
        {
          contactName: name,
          postcode,
          city: 'Zwolle',
          district: 'Assendorp',
          incomeSource: 'bijstand',
          proofSeenOn: '2024-05-10',
          consentDate: '2024-05-10',
          consentBy: 'Bea',
          members: [
            { firstName: 'Ans', birthYear: 1980, gender: 'f' },
            { firstName: 'Kees', birthYear: 2015, gender: 'm', clothingSize: '128' },
          ],
        },
        session,
      )
      const { id } = created.body.value as { id: number }
      await must(
        past.url,
        'visits.register',
        {
          householdId: id,
          date: '2024-05-10',
          servedBy: 'Bea',
          items: [{ categoryId: categories[0].id, count: 3 }],
        },
        session,
      )
    }
  } finally {
    await past.stop()
  }
  // Today, on the same data: both families are past the term.
  bridge = await startBridge(dataDir)
})

test.afterAll(async () => {
  await bridge?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

/** The figures of 2024 as the Cijfers screen shows them, without the "made at" line. */
async function figures2024(page: Page): Promise<string> {
  await goTo(page, '#/stats')
  const from = page.getByRole('textbox', { name: /^Van/ })
  const to = page.getByRole('textbox', { name: /^Tot en met/ })
  // The page puts in this month once it knows main's day; typing before that got both in the field.
  await expect(from).not.toHaveValue('')
  await expect(to).not.toHaveValue('')
  await from.fill('01-01-2024')
  await from.press('Tab')
  await to.fill('31-12-2024')
  await to.press('Tab')
  await expect(page.getByText(/01-01-2024.*31-12-2024/)).toBeVisible()
  const main = page.getByRole('main')
  // The period's figures and "since the start" both name households reached: the first is the period's.
  await expect(main.getByText('Huishoudens bereikt').first()).toBeVisible()
  const text = await main.innerText()
  return text.replace(/Gemaakt op [^\n·]*/g, '')
}

test('anonymise a family past its term: the 2024 figures stay the same', async ({ page }) => {
  await page.goto(bridge!.url)
  await logIn(page, ADMIN.username, ADMIN.password)
  const before = await figures2024(page)
  expect(before).toContain('2')

  await goTo(page, '#/retention')
  const row = page.getByRole('row', { name: new RegExp(ERASED) })
  await expect(row).toContainText('10-05-2024')
  await screenshot(page, '40-retention-due')
  await row.getByRole('button', { name: 'Anonimiseren' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText('niet ongedaan')
  await dialog.getByRole('button', { name: 'Anonimiseren' }).click()
  await expect(page.getByRole('row', { name: new RegExp(ERASED) })).toHaveCount(0)
  await expect(page.getByRole('row', { name: new RegExp(KEPT) })).toBeVisible()

  expect(await figures2024(page)).toBe(before)
  await screenshot(page, '41-stats-after-anonymise')

  // The name is gone from the app: search finds nobody by it.
  await goTo(page, '#/households')
  await page.getByRole('searchbox', { name: 'Zoeken' }).fill('Wisselink')
  await expect(page.getByText('Geen huishoudens gevonden')).toBeVisible()
})

test('export what the app holds about a family as a PDF', async ({ page }) => {
  await page.goto(bridge!.url)
  await logIn(page, ADMIN.username, ADMIN.password)
  await goTo(page, '#/households')
  await page.getByRole('searchbox', { name: 'Zoeken' }).fill('Bewaarmans')
  await page.getByText(KEPT).first().click()
  await expect(page.getByRole('heading', { name: new RegExp(KEPT) })).toBeVisible()
  await page.getByRole('button', { name: 'Inzage-export' }).click()
  const downloading = page.waitForEvent('download')
  await page.getByRole('menuitem', { name: /PDF/ }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^inzage-H-\d+-\d{4}-\d{2}-\d{2}\.pdf$/)
  const file = join(dataDir, 'inzage.pdf')
  await download.saveAs(file)
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-')
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
  expect(text).toContain('Inzage persoonsgegevens')
  expect(text).toContain(KEPT)
  expect(text).toContain('10-05-2024')
  expect(text).not.toContain('Wisselink')
  await screenshot(page, '42-subject-export')
})
