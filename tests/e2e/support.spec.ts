import { expect, test } from '@playwright/test'
import { addDays, toDutchDate } from '../../src/shared/dates'
import { api, bridgeUrl, goTo, logIn, newAccount, screenshot } from './support'

// The specs share one bridge: names of this spec's own.
const NEW_COORDINATOR = { username: 'coord-hulpvragen', password: 'Hulpvragen-sleutel-8' }
const CARER = { firstName: 'Marja', lastName: 'Mantelzorgtest' }
const TRAINED = { firstName: 'Vera', lastName: 'Respijtgetraind' }
const UNTRAINED = { firstName: 'Wim', lastName: 'Zondercursus' }
const COURSE = 'Respijtzorg thuis'
const KIND = 'Respijt voor een mantelzorger'
// A half-day no other spec's people give: the two volunteers here are the only ones who share it.
const HALF_DAY = 'Zondag avond'

/** A coordinator the admin just made, who has chosen a password: someone new to the app. */
function newCoordinator(): Promise<void> {
  return newAccount({
    ...NEW_COORDINATOR,
    displayName: 'Hanna Hulpvraag',
    role: 'coordinator',
    firstPassword: 'Eerste-keer-hulpvragen-5',
  })
}

test.use({ actionTimeout: 15_000 })

test('a new coordinator registers an informal carer with a respite request, matches a trained volunteer and registers a training', async ({
  page,
}) => {
  test.setTimeout(300_000)
  await newCoordinator()
  const today = (await api(page, 'shop.dashboard', {})).date
  // Two volunteers free on Sunday evening; only one of them will have taken the course.
  const volunteer = (who: { firstName: string; lastName: string }) =>
    api(page, 'people.create', {
      ...who,
      registeredOn: addDays(today, -60),
      intakeOn: addDays(today, -50),
      availability: [{ weekday: 7, part: 'evening' }],
    })
  const trained = await volunteer(TRAINED)
  const untrained = await volunteer(UNTRAINED)
  // The figures of this year so far, before: the stats page must show them moved.
  const yearStart = `${today.slice(0, 4)}-01-01`
  const before = (
    await api(page, 'volunteers.stats', { from: yearStart, to: today, district: null })
  ).support
  const carer = await api(page, 'people.create', { ...CARER, registeredOn: addDays(today, -60) })

  await page.goto(bridgeUrl())
  await logIn(page, NEW_COORDINATOR.username, NEW_COORDINATOR.password)

  // A course, through the Cursussen screen.
  await goTo(page, '#/volunteers')
  await page.getByRole('link', { name: 'Cursussen' }).click()
  await page.getByRole('button', { name: 'Nieuwe cursus' }).click()
  const courseDialog = page.getByRole('dialog', { name: 'Nieuwe cursus' })
  await courseDialog.getByLabel('Naam van de cursus').fill(COURSE)
  await courseDialog.getByRole('button', { name: 'Opslaan' }).click()
  await expect(courseDialog).toBeHidden()
  const course = (await api(page, 'trainings.courses', {})).find((c) => c.title === COURSE)
  expect(course).toBeDefined()
  // Vera took it at an earlier session; Wim did not.
  await api(page, 'trainings.saveSession', {
    courseId: course!.id,
    date: addDays(today, -20),
    place: null,
    externalCount: 0,
    externalMarks: [],
    participants: [{ kind: 'person', id: trained.id, completed: true, mark: 8 }],
  })

  // Marja registers as informal carer, on her page: load 4 ("erg zwaar").
  await goTo(page, `#/volunteers/people/${carer.id}`)
  await page.getByRole('tab', { name: 'Mantelzorg' }).click()
  await expect(page.getByText('Deze persoon is niet als mantelzorger geregistreerd.')).toBeVisible()
  await page.getByRole('button', { name: 'Registreren als mantelzorger' }).click()
  const register = page.getByRole('dialog', { name: 'Registreren als mantelzorger' })
  await register.getByLabel('Zorgt voor').fill('Haar man, met dementie')
  const since = register.getByLabel('Mantelzorger sinds')
  await since.fill(toDutchDate(addDays(today, -800)))
  await since.press('Escape')
  const registered = register.getByLabel('Geregistreerd op')
  await registered.fill(toDutchDate(addDays(today, -30)))
  await registered.press('Escape')
  await register.getByLabel(/Toestemming gegeven/).check()
  // Without a load: refused at the field, in Dutch.
  await register.getByRole('button', { name: 'Opslaan' }).click()
  await expect(register.getByText('Dit veld is verplicht')).toBeVisible()
  await register.getByText('4 erg zwaar').click()
  await expect(register.getByRole('radio', { name: '4 erg zwaar' })).toBeChecked()
  // The choice's marker slides over; the picture waits for it to stand still.
  await page.waitForTimeout(400)
  await screenshot(page, 'support-carer-form', false)
  await register.getByRole('button', { name: 'Opslaan' }).click()
  await expect(register).toBeHidden()
  const record = page.getByRole('region', { name: 'Mantelzorg' })
  await expect(record).toContainText('Haar man, met dementie')
  await expect(record).toContainText('4 erg zwaar')

  // A month on, her load is measured again: on the day of registration there is one already.
  const loads = page.getByRole('region', { name: 'Belasting door de tijd' })
  const measuredOn = loads.getByLabel('Datum', { exact: true })
  await measuredOn.fill(toDutchDate(addDays(today, -30)))
  await measuredOn.press('Escape')
  await loads.getByText('3 zwaar').click()
  await loads.getByRole('button', { name: 'Belasting toevoegen' }).click()
  await expect(loads.getByText('Op deze datum staat al een belasting')).toBeVisible()
  await measuredOn.fill(toDutchDate(today))
  await measuredOn.press('Escape')
  await loads.getByText('3 zwaar').click()
  await loads.getByRole('button', { name: 'Belasting toevoegen' }).click()
  await expect(loads.getByRole('table').getByRole('row')).toHaveCount(3)
  await expect(loads.getByRole('img', { name: /Belasting van .*: 4, 3/ })).toBeVisible()

  // Support given: a respite afternoon.
  const support = page.getByRole('region', { name: 'Geboden steun' })
  await support.getByRole('combobox', { name: 'Soort steun' }).click()
  await page.getByRole('option', { name: 'Respijt' }).click()
  await support.getByLabel('Toelichting').fill('Een middag vrij')
  await support.getByRole('button', { name: 'Steun toevoegen' }).click()
  await expect(support.getByRole('table')).toContainText('Een middag vrij')

  // Her respite request, from her page: she is filled in as the one who asks.
  await page.getByRole('button', { name: 'Hulpvraag toevoegen' }).click()
  const form = page.getByRole('dialog', { name: 'Nieuwe hulpvraag' })
  await expect(form.getByTestId('picked-requester')).toContainText('Marja Mantelzorgtest')
  await form.getByRole('combobox', { name: 'Soort hulp' }).click()
  await page.getByRole('option', { name: KIND }).click()
  // Nothing asked yet: refused at the field.
  await form.getByRole('button', { name: 'Opslaan' }).click()
  await expect(form.getByText('Dit veld is verplicht')).toBeVisible()
  await form
    .getByLabel('Wat wordt er gevraagd')
    .fill('Iemand die op zondagavond bij haar man blijft, zodat zij naar het koor kan')
  await form.getByLabel('Plaats').fill('Amersfoort')
  await form.getByRole('checkbox', { name: HALF_DAY }).click()
  await expect(form.getByRole('checkbox', { name: HALF_DAY })).toBeChecked()
  await form.getByRole('combobox', { name: 'Vereiste cursussen' }).click()
  await page.getByRole('option', { name: COURSE }).click()
  await form.getByRole('combobox', { name: 'Vereiste cursussen' }).press('Escape')
  await screenshot(page, 'support-request-form', false)
  await form.getByRole('button', { name: 'Opslaan' }).click()
  await expect(form).toBeHidden()
  const requests = page.getByRole('table', { name: 'Hulpvragen' })
  await expect(requests.getByRole('row', { name: new RegExp(KIND) })).toContainText('Open')
  await page.evaluate(() => window.scrollTo(0, 0))
  await screenshot(page, 'support-person-carer')

  // Wim's page ranks the open requests for him: this one leaves him out, and says why.
  await goTo(page, `#/volunteers/people/${untrained.id}`)
  await expect(page.getByRole('heading', { level: 2, name: /Wim Zondercursus/ })).toBeVisible()
  await page.getByRole('tab', { name: 'Hulpvragen' }).click()
  const leftOut = page.getByRole('region', { name: 'Niet in aanmerking' })
  await expect(
    leftOut.getByRole('row', { name: new RegExp(`${KIND}: ${CARER.firstName}`) }),
  ).toContainText(`Heeft de vereiste cursus ‘${COURSE}’ niet afgerond.`)
  await screenshot(page, 'support-person-help')

  // The request's page: Vera ranked, Wim left out for the course.
  await goTo(page, `#/volunteers/people/${carer.id}`)
  await expect(page.getByRole('heading', { level: 2, name: /Marja Mantelzorgtest/ })).toBeVisible()
  await page.getByRole('tab', { name: 'Mantelzorg' }).click()
  await page.getByRole('table', { name: 'Hulpvragen' }).getByRole('link', { name: KIND }).click()
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(KIND) })).toBeVisible()
  const ranked = page.getByRole('region', { name: 'Passende vrijwilligers' })
  const vera = ranked.getByRole('article', { name: `${TRAINED.firstName} ${TRAINED.lastName}` })
  await expect(vera).toBeVisible()
  await expect(vera.getByTestId('match-score')).toContainText('punten')
  await expect(
    ranked.getByRole('article', { name: `${UNTRAINED.firstName} ${UNTRAINED.lastName}` }),
  ).toHaveCount(0)
  const excluded = page.getByRole('region', { name: 'Niet in aanmerking' })
  const wim = excluded.getByRole('row', { name: `${UNTRAINED.firstName} ${UNTRAINED.lastName}` })
  await expect(wim).toContainText(`Heeft de vereiste cursus ‘${COURSE}’ niet afgerond.`)
  await screenshot(page, 'support-request-candidates')

  // Match Vera, today.
  await vera.getByRole('button', { name: /Koppelen/ }).click()
  const match = page.getByRole('dialog', { name: /koppelen/ })
  await expect(match.getByLabel('Gekoppeld op')).toHaveValue(toDutchDate(today))
  await screenshot(page, 'support-match-dialog', false)
  await match.getByRole('button', { name: 'Koppelen' }).click()
  await expect(match).toBeHidden()
  await expect(page.getByText('Gekoppeld', { exact: true }).first()).toBeVisible()
  const matched = page.getByRole('region', { name: /Gekoppelde vrijwilliger/ })
  await expect(
    matched.getByRole('link', { name: `${TRAINED.firstName} ${TRAINED.lastName}` }),
  ).toHaveAttribute('href', `#/volunteers/people/${trained.id}`)
  await expect(ranked).toHaveCount(0)
  await screenshot(page, 'support-request-matched')

  // The list of requests, filtered on matched.
  await page.getByRole('navigation').getByRole('link', { name: 'Hulpvragen' }).click()
  await expect(page.getByRole('heading', { name: 'Hulpvragen', level: 2 })).toBeVisible()
  await page.getByText(/^Gekoppeld \(\d+\)$/).click()
  const list = page.getByRole('table', { name: 'Hulpvragen' })
  await expect(list.getByRole('row', { name: new RegExp(CARER.lastName) })).toContainText(
    `${TRAINED.firstName} ${TRAINED.lastName}`,
  )
  await screenshot(page, 'support-requests')
  await page.getByRole('button', { name: 'Nieuwe hulpvraag' }).click()
  await page.getByRole('dialog', { name: 'Nieuwe hulpvraag' }).getByText('Naam en contact').click()
  await screenshot(page, 'support-request-form-contact', false)
  await page
    .getByRole('dialog', { name: 'Nieuwe hulpvraag' })
    .getByRole('button', { name: 'Annuleren' })
    .click()

  // The kinds of help are a managed list: a new kind, and a name that is taken refused.
  const kinds = page.getByRole('region', { name: 'Soorten hulp' })
  await kinds.getByRole('button', { name: 'Nieuwe soort' }).click()
  const kindDialog = page.getByRole('dialog', { name: 'Nieuwe soort' })
  await kindDialog.getByLabel('Naam').fill('maatje')
  await kindDialog.getByRole('button', { name: 'Opslaan' }).click()
  await expect(kindDialog.getByText('Deze naam bestaat al')).toBeVisible()
  await kindDialog.getByLabel('Naam').fill('Boodschappen')
  await kindDialog.getByRole('button', { name: 'Opslaan' }).click()
  await expect(kindDialog).toBeHidden()
  await expect(kinds.getByRole('row', { name: /Boodschappen/ })).toContainText('ja')
  await screenshot(page, 'support-kinds')

  // The informal carers: Marja, load 4 at first and 3 now, no open request left.
  await page.getByRole('navigation').getByRole('link', { name: 'Mantelzorgers' }).click()
  const carers = page.getByRole('table', { name: 'Mantelzorgers' })
  const marja = carers.getByRole('row', { name: new RegExp(CARER.lastName) })
  await expect(marja).toContainText('Haar man, met dementie')
  await expect(marja.getByRole('cell').nth(4)).toHaveText('4 erg zwaar')
  await expect(marja.getByRole('cell').nth(5)).toHaveText('3 zwaar')
  await expect(marja.getByRole('cell').nth(6)).toHaveText('0')
  await screenshot(page, 'support-carers')

  // A training with two participants and their marks: Wim and Marja.
  await page.getByRole('navigation').getByRole('link', { name: 'Cursussen' }).click()
  await page.getByRole('button', { name: 'Nieuwe bijeenkomst' }).click()
  const session = page.getByRole('dialog', { name: 'Nieuwe bijeenkomst' })
  await session.getByRole('combobox', { name: 'Cursus' }).click()
  await page.getByRole('option', { name: COURSE }).click()
  const who = session.getByRole('combobox', { name: 'Deelnemer of vrijwilliger toevoegen' })
  for (const p of [UNTRAINED, CARER]) {
    await who.fill(p.lastName)
    await page.getByRole('option', { name: new RegExp(`${p.firstName} ${p.lastName}`) }).click()
  }
  const named = session.getByRole('table', { name: 'Deelnemers van de organisatie' })
  await named.getByLabel(`Cijfer van ${UNTRAINED.firstName} ${UNTRAINED.lastName}`).fill('7')
  await named.getByLabel(`Cijfer van ${CARER.firstName} ${CARER.lastName}`).fill('9')
  await session.getByRole('button', { name: 'Opslaan' }).click()
  await expect(session).toBeHidden()
  const row = page
    .getByRole('table', { name: 'Bijeenkomsten' })
    .getByRole('row', { name: new RegExp(toDutchDate(today)) })
    .filter({ hasText: COURSE })
  await expect(row.getByRole('cell').nth(3)).toHaveText('2')
  await expect(row.getByRole('cell').nth(4)).toHaveText('8')

  // The figures moved: one more informal carer, one request opened and matched (none left
  // open), the sessions counted with their marks.
  await page.getByRole('navigation').getByRole('link', { name: 'Cijfers en voortgang' }).click()
  const figures = page.getByRole('region', { name: 'Hulpvragen, mantelzorgers en cursussen' })
  await expect(figures.getByTestId('sstat-carersRegistered')).toHaveText(
    String(before.carers.registered + 1),
  )
  await expect(figures.getByTestId('sstat-requestsOpened')).toHaveText(
    String(before.helpRequests.opened + 1),
  )
  await expect(figures.getByTestId('sstat-requestsMatched')).toHaveText(
    String(before.helpRequests.matched + 1),
  )
  await expect(figures.getByTestId('sstat-openAtEnd')).toHaveText(
    String(before.helpRequests.openAtEnd),
  )
  const sessions = Number(await figures.getByTestId('sstat-trainingSessions').textContent())
  expect(sessions).toBeGreaterThanOrEqual(before.trainings.sessions + 1)
  await expect(figures.getByTestId('sstat-meanMark')).not.toHaveText('–')
  await expect(figures.getByRole('table', { name: 'Hulpvragen per soort' })).toContainText(KIND)
  await page.evaluate(() => window.scrollTo(0, 0))
  await screenshot(page, 'support-stats')

  // The course is given no more. (The specs share one bridge: trainings.spec starts from an
  // app without an active course.)
  await page.getByRole('navigation').getByRole('link', { name: 'Cursussen' }).click()
  await page.getByRole('button', { name: `Wijzigen: ${COURSE}`, exact: true }).click()
  const edit = page.getByRole('dialog', { name: 'Cursus wijzigen' })
  await edit.getByLabel('Wordt nog gegeven').uncheck()
  await edit.getByRole('button', { name: 'Opslaan' }).click()
  await expect(edit).toBeHidden()
  await expect(page.getByRole('button', { name: 'Nieuwe bijeenkomst' })).toBeDisabled()
})
