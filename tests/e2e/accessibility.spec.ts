import { mkdirSync, writeFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { addDays } from '../../src/shared/dates'
import { E2E_ADMIN } from './global-setup'
import { api, bridgeUrl, goTo, putOffRecoveryKey } from './support'

// Names of this spec's own: the specs share one bridge (and so one database).
const FAMILY = 'Toegankelijk Huishouden'
const PERSON = { firstName: 'Tineke', lastName: 'Toegankelijk' }
const HOST = 'Buurthuis Toegankelijk'
const TUESDAY_MORNING = { weekday: 2, part: 'morning' } as const

/** Every menu item an admin sees, by its Dutch name, and the screen it opens. */
const MENU: [string, string][] = [
  ['Vandaag', '#/'],
  ['Huishoudens', '#/households'],
  ['Afspraken', '#/appointments'],
  ['Bellijst', '#/calllist'],
  ['Collecties', '#/collections'],
  ['Cijfers', '#/stats'],
  ['Sociale kaart', '#/partners'],
  ['Vrijwilligerswerk', '#/volunteers'],
  ['Klachten', '#/complaints'],
  ['Activiteiten', '#/activities'],
  ['Tevredenheid', '#/satisfaction'],
  ['Verhalen', '#/stories'],
  ['Teamcijfers', '#/team'],
  ['Verantwoording', '#/reports'],
  ['Gebieden', '#/areas'],
  ['Instellingen', '#/settings'],
  ['Gebruikers', '#/users'],
  ['Auditlog', '#/audit'],
  ['Bewaartermijnen', '#/retention'],
  ['Back-ups', '#/backups'],
  ['Importeren', '#/import'],
]

/** The items under Vrijwilligerswerk, shown in the menu while one of its screens is open. */
const VOLUNTEERS_MENU: [string, string][] = [
  ['Deelnemers', '#/volunteers/people'],
  ['Vacatures', '#/volunteers/vacancies'],
  ['Organisaties', '#/volunteers/organisations'],
  ['Koppelingen', '#/volunteers/placements'],
  ['Uren', '#/volunteers/hours'],
  ['Cijfers en voortgang', '#/volunteers/stats'],
  ['Cursussen', '#/volunteers/trainings'],
  ['Hulpvragen', '#/volunteers/help'],
  ['Mantelzorgers', '#/volunteers/carers'],
  ['Lijsten en instellingen', '#/volunteers/settings'],
]

/** What this spec seeds that a volunteers' screen shows: axe looks at real rows, not "nothing yet". */
const SEEDED = new Map<string, string>([
  ['#/volunteers/people', 'Toegankelijk'],
  ['#/volunteers/vacancies', 'Gastvrouw toegankelijke inloop'],
  ['#/volunteers/organisations', HOST],
  ['#/volunteers/trainings', 'Toegankelijk communiceren'],
  ['#/volunteers/carers', 'Toegankelijk'],
])

/** The screens whose pictures stand in the README (docs/screens/<name>.png). */
const README_SCREENS = new Map<string, string>([
  ['#/', 'dashboard'],
  ['#/households', 'households'],
  ['#/appointments', 'appointments'],
  ['#/volunteers', 'volunteers'],
  ['#/complaints', 'complaints'],
  ['#/reports', 'subsidy-report'],
])

/**
 * With SCREENS=1 the screen is also saved for the README, at a laptop's size. Only then: the
 * pictures carry today's dates, so taking them on every run would change them every day.
 */
async function readmeScreen(page: Page, name: string): Promise<void> {
  if (process.env.SCREENS !== '1') return
  mkdirSync('docs/screens', { recursive: true })
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.mouse.move(0, 0)
  await page.screenshot({ path: `docs/screens/${name}.png`, animations: 'disabled' })
  await page.setViewportSize({ width: 1366, height: 900 })
}

/** Waits until the screen has read its data: no spinner left in the page. */
async function settled(page: Page): Promise<void> {
  // Some screens count a year of figures first.
  await expect(page.getByLabel('Laden…')).toHaveCount(0, { timeout: 60_000 })
  await expect(page.locator('.mantine-Loader-root')).toHaveCount(0)
  await expect(page.getByRole('heading').first()).toBeVisible()
}

/**
 * Runs axe on the whole page and expects no serious or critical finding, and a sound outline of
 * headings. Soft, so that one run
 * lists the findings of every screen; each is named by its rule and the elements it concerns.
 */
async function noSeriousFindings(page: Page, screen: string): Promise<void> {
  await settled(page)
  const result = await new AxeBuilder({ page }).analyze()
  mkdirSync('test-results/axe', { recursive: true })
  writeFileSync(`test-results/axe/${screen}.json`, JSON.stringify(result.violations, null, 1))
  const findings = result.violations
    // Serious and critical findings, the headings' outline (one h1, no level skipped), which a
    // screen reader user moves by, and a table column without a name (a column of buttons is
    // named "Acties" for the screen reader).
    .filter(
      (v) =>
        v.impact === 'serious' ||
        v.impact === 'critical' ||
        v.id === 'page-has-heading-one' ||
        v.id === 'heading-order' ||
        v.id === 'empty-table-header',
    )
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 4)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    )
  expect.soft(findings, `axe on ${screen}`).toEqual([])
}

test('every main screen passes axe without serious or critical findings', async ({ page }) => {
  test.setTimeout(600_000)
  // A family, a volunteer and a complaint of this spec's own, for their pages.
  await page.goto(bridgeUrl())
  const today = (await api(page, 'shop.dashboard', {})).date
  const household = await api(page, 'households.create', {
    contactName: FAMILY,
    postcode: '3811 AX',
    city: 'Amersfoort',
    district: 'Binnenstad',
    phone: '06-12121212',
    incomeSource: 'bijstand',
    proofSeenOn: addDays(today, -10),
    consentDate: today,
    consentBy: 'Anja',
    members: [
      { firstName: 'Marieke', birthYear: 1984, gender: 'f' },
      { firstName: 'Daan', birthYear: 2015, gender: 'm', clothingSize: '140' },
    ],
  })
  const person = await api(page, 'people.create', {
    ...PERSON,
    registeredOn: addDays(today, -30),
    availability: [TUESDAY_MORNING],
  })
  // Her volunteering: a place at a host, her hours this month, a course, care and a request.
  const host = await api(page, 'organisations.create', { name: HOST })
  const vacancy = await api(page, 'vacancies.create', {
    partnerId: host.id,
    title: 'Gastvrouw toegankelijke inloop',
    places: 2,
    availability: [TUESDAY_MORNING],
  })
  const proposed = await api(page, 'placements.propose', {
    personId: person.id,
    vacancyId: vacancy.id,
    date: addDays(today, -7),
    overrideReason: 'Kent de inloop al',
  })
  await api(page, 'hours.log', {
    entries: [{ personId: person.id, placementId: null, month: today.slice(0, 7), hours: 4.5 }],
  })
  const course = await api(page, 'trainings.saveCourse', {
    title: 'Toegankelijk communiceren',
    level: 'basis',
    givenBy: 'Vrijwilligersacademie',
    active: true,
  })
  await api(page, 'trainings.saveSession', {
    courseId: course.id,
    date: addDays(today, -14),
    place: null,
    externalCount: 0,
    externalMarks: [],
    participants: [{ kind: 'person', id: person.id, completed: true, mark: 8 }],
  })
  await api(page, 'carers.save', {
    personId: person.id,
    caresFor: 'haar vader',
    registeredOn: addDays(today, -20),
    consent: true,
    load: 3,
  })
  const [kind] = await api(page, 'helpRequests.kinds', {})
  const request = await api(page, 'helpRequests.save', {
    kindId: kind.id,
    requesterKind: 'person',
    personId: person.id,
    asked: 'Iemand die dinsdagochtend meegaat naar de markt',
    halfDays: [TUESDAY_MORNING],
    openedOn: addDays(today, -3),
  })
  const collection = await api(page, 'collections.create', {
    name: 'Toegankelijke collectie',
    season: 'winter',
    arrivesOn: addDays(today, 14),
  })
  const [category] = await api(page, 'complaints.categories', {})
  const complaint = await api(page, 'complaints.create', {
    receivedOn: today,
    channel: 'email',
    complainantKind: 'anonymous',
    aboutKind: 'service',
    aboutText: 'De toegankelijkheid van de balie',
    categoryId: category.id,
    description: 'De drempel bij de ingang is te hoog voor een rolstoel.',
  })

  // The login screen, before anyone has logged in.
  await expect(page.getByLabel('Gebruikersnaam')).toBeVisible()
  await noSeriousFindings(page, 'login')
  await readmeScreen(page, 'login')

  await page.getByLabel('Gebruikersnaam').fill(E2E_ADMIN.username)
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(E2E_ADMIN.password)
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click()
  // The password check is slow on purpose, and slower on a busy machine.
  await expect(page.getByRole('navigation')).toBeVisible({ timeout: 60_000 })
  await putOffRecoveryKey(page)
  const menu = page.getByRole('navigation')
  for (const [name, hash] of MENU) {
    await menu.getByRole('link', { name, exact: true }).click()
    await expect(page).toHaveURL(new RegExp(`${hash.replace(/[/#]/g, '\\$&')}$`))
    await noSeriousFindings(page, name)
    const picture = README_SCREENS.get(hash)
    if (picture) await readmeScreen(page, picture)
    // Its sub-menu shows once the volunteers' screen is open.
    if (hash === '#/volunteers')
      for (const [sub, subHash] of VOLUNTEERS_MENU) {
        await menu.getByRole('link', { name: sub, exact: true }).click()
        await expect(page).toHaveURL(new RegExp(`${subHash.replace(/[/#]/g, '\\$&')}$`))
        await noSeriousFindings(page, `Vrijwilligerswerk - ${sub}`)
        const seeded = SEEDED.get(subHash)
        if (seeded)
          await expect
            .soft(page.getByRole('main').getByText(seeded).first(), `${sub} shows ${seeded}`)
            .toBeVisible()
      }
  }

  // The pages reached from those screens: a record's own page, its forms and the screens a
  // screen links to (a complaint's letters and year report, the comparison of two periods).
  const pages: [string, string][] = [
    ['household', `#/households/${household.id}`],
    ['household-new', '#/households/new'],
    ['household-edit', `#/households/${household.id}/edit`],
    ['intake', `#/households/${household.id}/intake`],
    ['visit-new', `#/visits/new?household=${household.id}`],
    ['appointments-day', `#/appointments/day/${today}`],
    ['collection', `#/collections/${collection.id}`],
    ['person', `#/volunteers/people/${person.id}`],
    ['person-new', '#/volunteers/people/new'],
    ['person-matching', `#/volunteers/people/${person.id}/matching`],
    ['vacancy', `#/volunteers/vacancies/${vacancy.id}`],
    ['vacancy-matching', `#/volunteers/vacancies/${vacancy.id}/matching`],
    ['help-request', `#/volunteers/help/${request.id}`],
    ['complaint', `#/complaints/${complaint.id}`],
    ['complaint-new', '#/complaints/new'],
    ['complaint-templates', '#/complaints/templates'],
    ['complaint-report', '#/complaints/report'],
    ['complaint-settings', '#/complaints/settings'],
    ['reports-compare', '#/reports/compare'],
  ]
  for (const [name, hash] of pages) {
    await goTo(page, hash)
    await noSeriousFindings(page, name)
    if (name === 'household') await readmeScreen(page, 'household')
  }

  // The specs after this one share its data: its course is no longer given and its proposal is
  // declined, so their boards and "no course yet" start as they expect.
  await api(page, 'trainings.saveCourse', {
    id: course.id,
    title: 'Toegankelijk communiceren',
    level: 'basis',
    givenBy: 'Vrijwilligersacademie',
    active: false,
  })
  await api(page, 'placements.decline', {
    id: proposed.placement.id,
    date: today,
    reason: 'Alleen voor de toegankelijkheidstest',
  })
})
