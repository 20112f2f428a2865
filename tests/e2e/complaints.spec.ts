import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { addDays } from '../../src/shared/dates'
import { post } from './bridge'
import { E2E_ADMIN } from './global-setup'
import { bridgeUrl, goTo, putOffRecoveryKey } from './support'

/** Also kept where the person checking this part looks at them. */
const SHOTS = process.env.SHOTS ?? '/tmp/shots-c3'

// Names of their own: the e2e specs share one bridge (and so one database).
const COORDINATOR = {
  username: 'klachten-coordinator',
  first: 'Eerste-klacht-sleutel-4',
  own: 'Klachten-eigen-sleutel-8',
}
const STAFF = { username: 'klachten-vrijwilliger', name: 'Victor Verkoper' }
const MANAGER = { username: 'klachten-leiding', name: 'Lotte Leiding' }
const FAMILY = 'Ilse Klaagmans'

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

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage })
}

/** Picks an option of a Mantine select inside `scope` by the select's label. */
async function pick(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: label }).click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

/** Saves the PDF a button makes, checks it is one, and keeps it (and its pages as PNG). */
async function savePdf(page: Page, button: Locator, name: string): Promise<string> {
  // Main makes the PDF in a worker, which takes a while on a busy machine.
  const download = page.waitForEvent('download', { timeout: 120_000 })
  await button.click()
  const file = await download
  const path = `${SHOTS}/${name}.pdf`
  mkdirSync(SHOTS, { recursive: true })
  copyFileSync((await file.path())!, path)
  expect(readFileSync(path).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  execFileSync('pdftoppm', ['-png', '-r', '60', path, `${SHOTS}/${name}`])
  // Words as they read, whatever the lines they were set on.
  return execFileSync('pdftotext', [path, '-']).toString('utf8').replace(/\s+/g, ' ')
}

// One step that cannot be done fails at once, not after the whole flow's time.
test.use({ actionTimeout: 20_000 })

test('a new coordinator handles a complaint from receipt to closing, and the annual report counts it', async ({
  page,
}) => {
  test.setTimeout(420_000)
  // The admin makes the accounts: a volunteer with a leidinggevende, and the new coordinator.
  const admin = await session(E2E_ADMIN.username, E2E_ADMIN.password)
  const manager = await must<{ id: number }>(
    'users.create',
    {
      username: MANAGER.username,
      displayName: MANAGER.name,
      role: 'coordinator',
      password: 'Leiding-eerste-sleutel-5',
    },
    admin,
  )
  const staff = await must<{ id: number }>(
    'users.create',
    {
      username: STAFF.username,
      displayName: STAFF.name,
      role: 'volunteer',
      password: 'Verkoper-eerste-sleutel-6',
    },
    admin,
  )
  await must(
    'users.create',
    {
      username: COORDINATOR.username,
      displayName: 'Kees Klachtencoördinator',
      role: 'coordinator',
      password: COORDINATOR.first,
    },
    admin,
  )

  // The admin links the volunteer to the leidinggevende on the accounts page.
  await page.goto(bridgeUrl())
  await page.getByLabel('Gebruikersnaam').fill(E2E_ADMIN.username)
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(E2E_ADMIN.password)
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click()
  // The password's key derivation: slow on a busy machine.
  await expect(page.getByRole('navigation')).toBeVisible({ timeout: 60_000 })
  await putOffRecoveryKey(page)
  await goTo(page, '#/users')
  await page.getByRole('button', { name: `${STAFF.name} wijzigen` }).click()
  const edit = page.getByRole('dialog')
  await pick(page, edit, 'Leidinggevende', MANAGER.name)
  await edit.getByRole('button', { name: 'Opslaan' }).click()
  await expect(edit).toBeHidden()
  await expect(
    page
      .getByRole('row', { name: new RegExp(STAFF.name) })
      .getByText(`Leidinggevende: ${MANAGER.name}`),
  ).toBeVisible()
  await shot(page, 'c3-01-users-manager')
  expect(
    (
      await must<{ id: number; manager: { id: number } | null }[]>('complaints.accounts', {}, admin)
    ).find((a) => a.id === staff.id)?.manager?.id,
  ).toBe(manager.id)

  const today = (await must<{ date: string }>('shop.dashboard', {}, admin)).date
  const year = Number(today.slice(0, 4))
  const before = await must<{ received: number; decided: number }>(
    'complaints.annualReport',
    { year },
    admin,
  )
  const household = await must<{ id: number }>(
    'households.create',
    {
      contactName: FAMILY,
      postcode: '3825 KL',
      city: 'Amersfoort',
      incomeSource: 'bijstand',
      proofSeenOn: addDays(today, -20),
      consentDate: today,
      consentBy: FAMILY,
      members: [{ birthYear: 1985, gender: 'f' }],
    },
    admin,
  )
  expect(household.id).toBeGreaterThan(0)
  // A complaint that came in two months ago and was never acknowledged: late on the start screen.
  const categories = await must<{ id: number; name: string }[]>('complaints.categories', {}, admin)
  await must(
    'complaints.create',
    {
      receivedOn: addDays(today, -60),
      channel: 'email',
      complainantKind: 'anonymous',
      aboutKind: 'service',
      aboutText: 'De wachtrij bij de balie',
      categoryId: categories.find((c) => c.name === 'Wachttijd')!.id,
      description: 'Lang moeten wachten bij de balie op een drukke zaterdag.',
    },
    admin,
  )
  await page.getByRole('button', { name: /Menu van/ }).click()
  await page.getByRole('menuitem', { name: 'Afmelden' }).click()

  // The new coordinator logs in for the first time and chooses a password.
  await page.getByLabel('Gebruikersnaam').fill(COORDINATOR.username)
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(COORDINATOR.first)
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Kies een eigen wachtwoord' })).toBeVisible({
    timeout: 60_000,
  })
  await page.getByLabel('Huidig wachtwoord').fill(COORDINATOR.first)
  await page.getByRole('textbox', { name: 'Nieuw wachtwoord', exact: true }).fill(COORDINATOR.own)
  await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(COORDINATOR.own)
  await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click()
  // A new key slot for the new password: slow key derivation on a busy machine.
  await expect(page.getByRole('navigation')).toBeVisible({ timeout: 60_000 })
  await putOffRecoveryKey(page)
  const own = await session(COORDINATOR.username, COORDINATOR.own)

  // The start screen counts the late complaints, as main does.
  const late = (await must<{ late: number }>('complaints.deadlines', {}, own)).late
  expect(late).toBeGreaterThan(0)
  await expect(page.getByTestId('complaints-late-count')).toHaveText(
    late === 1 ? '1 klacht is te laat' : `${late} klachten zijn te laat`,
  )
  await shot(page, 'c3-02-dashboard-late', false)

  // The overview: open complaints with their next deadline, the late one in red.
  await page.getByRole('navigation').getByRole('link', { name: 'Klachten' }).click()
  await expect(page.getByRole('heading', { name: 'Klachten', exact: true })).toBeVisible()
  await expect(page.getByTestId('complaints-late')).toBeVisible()
  await expect(page.locator('[data-status="late"]').first()).toBeVisible()
  await shot(page, 'c3-03-overview')

  // Register a complaint. Without a description it is refused at the field, in Dutch.
  await page.getByRole('button', { name: 'Nieuwe klacht' }).click()
  await expect(page.getByRole('heading', { name: 'Nieuwe klacht' })).toBeVisible()
  const form = page.locator('form')
  await pick(page, form, 'Hoe ontvangen', 'Brief')
  await form.getByRole('textbox', { name: 'Huishouden' }).fill('Klaagmans')
  await form.getByRole('button', { name: 'Zoeken' }).click()
  await page.getByRole('option', { name: new RegExp(FAMILY) }).click()
  await expect(page.getByTestId('picked-subject')).toContainText(FAMILY)
  await form.getByLabel('Een medewerker of vrijwilliger').check()
  await pick(page, form, 'Medewerker of vrijwilliger', `${STAFF.name} (Vrijwilliger)`)
  // Step 1: the volunteer's leidinggevende is proposed as the handler.
  await expect(form.getByRole('combobox', { name: 'Behandelaar' })).toHaveValue(MANAGER.name)
  await expect(page.getByText(`Voorgesteld: de leidinggevende van ${STAFF.name}.`)).toBeVisible()
  await pick(page, form, 'Categorie', 'Bejegening')
  await page.getByRole('button', { name: 'Klacht registreren' }).click()
  const description = form.getByLabel('Omschrijving van de klacht')
  await expect(description).toHaveAttribute('aria-invalid', 'true')
  await expect(
    page.getByText('Niet alles is goed ingevuld. Kijk de gemarkeerde velden na.'),
  ).toBeVisible()
  await shot(page, 'c3-04-new-refused')
  await description.fill('Mevrouw werd bij het afrekenen onvriendelijk toegesproken.')
  await form
    .getByLabel('Wat wil de klager bereiken?')
    .fill('Excuses en een gesprek over hoe het anders kan.')
  await shot(page, 'c3-05-new-filled')
  await page.getByRole('button', { name: 'Klacht registreren' }).click()
  await expect(page).toHaveURL(/#\/complaints\/\d+$/)
  const id = Number(/complaints\/(\d+)$/.exec(page.url())![1])
  const number = `K-${year}-`
  await expect(page.getByRole('heading', { name: new RegExp(`^${number}\\d{3}$`) })).toBeVisible()
  await expect(page.getByText(MANAGER.name).first()).toBeVisible()

  // Every deadline says why: the rule and the days it skipped.
  const ack = page.getByTestId('deadline-acknowledgement')
  await ack.getByRole('button', { name: 'Waarom deze datum?' }).click()
  await expect(page.getByText('De regel')).toBeVisible()
  await expect(page.getByText('Overgeslagen dagen')).toBeVisible()
  await shot(page, 'c3-06-complaint-why', false)
  await page.keyboard.press('Escape')
  await expect(page.getByText('De regel')).toBeHidden()

  // The acknowledgement letter: a PDF on the letterhead, recorded on the timeline.
  const ackText = await savePdf(
    page,
    page.getByRole('button', { name: 'Ontvangstbevestiging maken' }),
    'c3-letter-ontvangstbevestiging',
  )
  expect(ackText).toContain(FAMILY)
  expect(ackText).toMatch(new RegExp(`${number}\\d{3}`))
  await expect(
    page.getByRole('button', { name: /^Ontvangstbevestiging van .* openen$/ }),
  ).toBeVisible()
  // The timeline is read again after the letter: it records the letter.
  await expect(page.getByText('Brief gemaakt').first()).toBeVisible()
  if (await page.getByRole('button', { name: 'Ontvangst bevestigen' }).isVisible()) {
    await page.getByRole('button', { name: 'Ontvangst bevestigen' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Opslaan' }).click()
    await expect(page.getByRole('dialog')).toBeHidden()
  }
  await expect(
    page.getByTestId('deadline-acknowledgement').locator('[data-status="met"]'),
  ).toBeVisible()

  // Mediation did not settle it: straight to the complaints committee.
  await page.getByRole('button', { name: 'Naar volgende stap' }).click()
  let dialog = page.getByRole('dialog')
  await pick(page, dialog, 'Naar stap', 'Stap 3: klachtencommissie')
  await dialog.getByLabel('Reden').fill('De klager wil dat de klachtencommissie ernaar kijkt.')
  await dialog.getByRole('button', { name: 'Opslaan' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText('Stap 3: klachtencommissie').first()).toBeVisible()

  // Hoor en wederhoor: both sides, then the committee's advice.
  for (const [side, who, record] of [
    ['De klager', FAMILY, 'Mevrouw vertelt dat zij werd uitgelachen bij de kassa.'],
    ['De beklaagde', STAFF.name, 'Meneer herinnert zich een gespannen moment bij de kassa.'],
  ]) {
    await page.getByRole('button', { name: 'Meer', exact: true }).click()
    await page.getByRole('menuitem', { name: 'Hoorzitting' }).click()
    dialog = page.getByRole('dialog')
    await dialog.getByLabel(side).check()
    await dialog.getByLabel('Wie zijn gehoord').fill(who)
    await dialog.getByLabel('Verslag').fill(record)
    await dialog.getByRole('button', { name: 'Opslaan' }).click()
    await expect(dialog).toBeHidden()
  }
  await page.getByRole('button', { name: 'Meer', exact: true }).click()
  await page.getByRole('menuitem', { name: 'Advies' }).click()
  dialog = page.getByRole('dialog')
  await pick(page, dialog, 'Geadviseerde uitkomst', 'Gegrond')
  await dialog
    .getByLabel('Advies van de klachtencommissie')
    .fill('De commissie adviseert de klacht gegrond te verklaren en excuses aan te bieden.')
  await dialog.getByRole('button', { name: 'Opslaan' }).click()
  await expect(dialog).toBeHidden()

  // The committee needs more time: one extension, with a reason, and its letter.
  const dueBefore = await page
    .getByTestId('deadline-decision')
    .locator('[data-status]')
    .first()
    .textContent()
  await page.getByRole('button', { name: 'Meer', exact: true }).click()
  await page.getByRole('menuitem', { name: 'Termijn verlengen' }).click()
  dialog = page.getByRole('dialog')
  await dialog.getByLabel('Verlengen met (weken)').fill('4')
  await dialog
    .getByLabel('Reden')
    .fill('De directeur is drie weken afwezig; het besluit volgt daarna.')
  await dialog.getByRole('button', { name: 'Opslaan' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText('Termijn verlengd').first()).toBeVisible()
  await expect(
    page.getByTestId('deadline-decision').locator('[data-status]').first(),
  ).not.toHaveText(dueBefore ?? '')
  const extText = await savePdf(
    page,
    page.getByRole('button', { name: 'Verlengingsbrief maken' }),
    'c3-letter-verlenging',
  )
  expect(extText).toContain('directeur is drie weken afwezig')

  // A correction stands beside the entry it corrects; the original stays.
  const hearing = page.locator('[data-testid^="entry-"]', { hasText: 'uitgelachen' })
  await hearing.getByRole('button', { name: /^Correctie op Hoorzitting/ }).click()
  dialog = page.getByRole('dialog')
  await dialog.getByLabel('Wat moet het zijn').fill('Niet uitgelachen maar hard toegesproken.')
  await dialog.getByRole('button', { name: 'Opslaan' }).click()
  await expect(dialog).toBeHidden()
  await expect(hearing.getByText('Gecorrigeerd')).toBeVisible()
  await expect(
    hearing.getByText('Mevrouw vertelt dat zij werd uitgelachen bij de kassa.'),
  ).toBeVisible()
  await expect(hearing.getByText('Niet uitgelachen maar hard toegesproken.')).toBeVisible()
  await shot(page, 'c3-07-complaint-timeline')

  // The decision, with a measure; then the decision letter.
  await page.getByRole('button', { name: 'Besluit', exact: true }).click()
  dialog = page.getByRole('dialog')
  await pick(page, dialog, 'Uitkomst', 'Gegrond')
  await dialog
    .getByRole('textbox', { name: /^Besluit/ })
    .fill('De klacht is gegrond. Wij bieden excuses aan en bespreken bejegening in het team.')
  await dialog.getByRole('button', { name: 'Maatregel toevoegen' }).click()
  await dialog.getByLabel('Maatregel 1').fill('Teamoverleg over bejegening aan de kassa')
  await shot(page, 'c3-08-decide-dialog', false)
  await dialog.getByRole('button', { name: 'Opslaan' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText('Besloten', { exact: true }).first()).toBeVisible()
  const decText = await savePdf(
    page,
    page.getByRole('button', { name: 'Besluitbrief maken' }),
    'c3-letter-besluit',
  )
  expect(decText).toMatch(/gegrond/i)

  // Both sides are told, then the complaint is closed.
  for (const who of ['Klager geïnformeerd', 'Medewerker geïnformeerd']) {
    await page.getByRole('button', { name: 'Meer', exact: true }).click()
    await page.getByRole('menuitem', { name: who }).click()
    dialog = page.getByRole('dialog')
    await dialog.getByLabel('Hoe geïnformeerd').fill('Met de besluitbrief, per post.')
    await dialog.getByRole('button', { name: 'Opslaan' }).click()
    await expect(dialog).toBeHidden()
  }
  await page.getByRole('button', { name: 'Uitgevoerd' }).click()
  await expect(page.getByText(/^Uitgevoerd op /)).toBeVisible()
  await page.getByRole('main').getByRole('button', { name: 'Sluiten', exact: true }).click()
  dialog = page.getByRole('dialog')
  await dialog.getByRole('button', { name: 'Opslaan' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText('Gesloten', { exact: true }).first()).toBeVisible()
  await expect(page.getByRole('button', { name: 'Heropenen' })).toBeVisible()
  await shot(page, 'c3-09-complaint-closed')
  const detail = await must<{ state: string; outcome: string; informedComplainantOn: string }>(
    'complaints.get',
    { id },
    own,
  )
  expect(detail).toMatchObject({ state: 'closed', outcome: 'founded' })
  expect(detail.informedComplainantOn).toBe(today)

  // The list of all complaints finds it by its number.
  await goTo(page, '#/complaints?tab=all')
  await expect(page.getByRole('link', { name: new RegExp(`^${number}`) }).first()).toBeVisible()
  await shot(page, 'c3-10-all')

  // The annual report counts it, on screen and in the PDF.
  await goTo(page, '#/complaints/report')
  await expect(page.getByRole('heading', { name: 'Jaarverslag klachten' })).toBeVisible()
  await expect(page.getByTestId('report-received')).toHaveText(String(before.received + 2))
  await expect(page.getByTestId('report-decided')).toHaveText(String(before.decided + 1))
  await shot(page, 'c3-11-report')
  const reportText = await savePdf(
    page,
    page.getByRole('button', { name: 'PDF maken' }),
    'c3-jaarverslag',
  )
  expect(reportText).toContain(String(year))
  expect(reportText).not.toContain(FAMILY)

  // The templates and the settings, as a coordinator sees them (the admin changes them).
  await goTo(page, '#/complaints/templates')
  await expect(page.getByRole('heading', { name: 'Briefsjablonen' })).toBeVisible()
  await expect(page.getByText('Alleen de beheerder wijzigt de sjablonen.')).toBeVisible()
  await shot(page, 'c3-12-templates')
  await goTo(page, '#/complaints/settings')
  await expect(page.getByRole('heading', { name: 'Instellingen klachten' })).toBeVisible()
  await shot(page, 'c3-13-settings')
})
