import { mkdirSync } from 'node:fs'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { addDays, toDutchDate } from '../../src/shared/dates'
import { api, bridgeUrl, goTo, logIn, newAccount } from './support'

const SHOTS = '/tmp/shots-v4'
// The specs share one bridge: names of this spec's own.
const HOST = 'Buurthuis De Linde'
const VACANCY = 'Gastvrouw koffieochtend'
const PERSON = 'Samira Lindeboom'
const OTHER = 'Gerrit Tilvrij'
const NEW_COORDINATOR = { username: 'coord-vrijwilligers', password: 'Vrijwilligers-sleutel-7' }

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage })
}

async function pick(page: Page, field: Locator, option: string): Promise<void> {
  await field.click()
  await page.getByRole('option', { name: option, exact: true }).click()
  // A multiple choice stays open; Tab closes it (Escape would close the dialog around it).
  await field.press('Tab')
}

/** A coordinator the admin just made, who has chosen a password: someone new to the app. */
function newCoordinator(): Promise<void> {
  return newAccount({
    ...NEW_COORDINATOR,
    displayName: 'Nadia Nieuw',
    role: 'coordinator',
    firstPassword: 'Eerste-keer-vrijwilligers-4',
  })
}

/** The number a figure of the volunteers' figures shows. */
async function figure(page: Page, key: string): Promise<number> {
  const text = (await page.getByTestId(`vstat-${key}`).first().textContent()) ?? ''
  return Number(text.replace(/\./g, '').replace(',', '.'))
}

// A step that cannot be done fails the test quickly instead of waiting for its timeout.
test.use({ actionTimeout: 15_000 })

test('a new coordinator matches a person to a vacancy and follows them until they leave, and the volunteers figures change', async ({
  page,
}) => {
  // A long flow on a machine that may be busy with other builds.
  test.setTimeout(480_000)
  await newCoordinator()
  await page.goto(bridgeUrl())
  await logIn(page, NEW_COORDINATOR.username, NEW_COORDINATOR.password)
  const today = (await api(page, 'shop.dashboard', {})).date

  // The volunteers' start screen and its figures before.
  await page.getByRole('navigation').getByRole('link', { name: 'Vrijwilligerswerk' }).click()
  await expect(page.getByRole('heading', { name: 'Vrijwilligerswerk', level: 2 })).toBeVisible()
  await expect(page.getByTestId('vstat-registered')).toBeVisible()
  const before = {
    registered: await figure(page, 'registered'),
    intakes: await figure(page, 'intakes'),
    started: await figure(page, 'placementsStarted'),
    active: await figure(page, 'activePlacements'),
  }

  // A host organisation.
  await page.getByRole('navigation').getByRole('link', { name: 'Organisaties' }).click()
  await page.getByRole('button', { name: 'Organisatie toevoegen' }).click()
  const hostForm = page.getByRole('dialog', { name: 'Organisatie toevoegen' })
  await hostForm.getByLabel('Naam').fill(HOST)
  await hostForm.getByLabel('Contactpersoon').fill('Henk de Linde')
  await hostForm.getByLabel('Telefoon').fill('bel maar')
  await hostForm.getByRole('button', { name: 'Opslaan' }).click()
  // Bad input: the Dutch message at its field, nothing saved.
  await expect(hostForm.getByText('Geen geldig telefoonnummer', { exact: false })).toBeVisible()
  await hostForm.getByLabel('Telefoon').fill('033-555 1234')
  await hostForm.getByRole('button', { name: 'Opslaan' }).click()
  await expect(hostForm).toBeHidden()
  await expect(page.getByRole('cell', { name: HOST })).toBeVisible()
  await shot(page, 'organisations')

  // A vacancy there that asks for lifting, on Tuesday and Thursday mornings.
  await page.getByRole('navigation').getByRole('link', { name: 'Vacatures' }).click()
  await page.getByRole('button', { name: 'Vacature toevoegen' }).click()
  const vacancyForm = page.getByRole('dialog', { name: 'Vacature toevoegen' })
  await pick(page, vacancyForm.getByRole('combobox', { name: 'Organisatie' }), HOST)
  await vacancyForm.getByLabel('Naam van de plek').fill(VACANCY)
  await vacancyForm
    .getByLabel('Taken')
    .fill('Koffie schenken, tafels klaarzetten, gasten ontvangen')
  await vacancyForm.getByLabel('Plaats', { exact: true }).fill('Amersfoort')
  await pick(page, vacancyForm.getByRole('combobox', { name: 'Gevraagde vaardigheden' }), 'Koken')
  await pick(
    page,
    vacancyForm.getByRole('combobox', { name: 'Wat je er kunt leren' }),
    'Sociale vaardigheden',
  )
  await pick(page, vacancyForm.getByRole('combobox', { name: 'Wat de plek vraagt' }), 'Tillen')
  // The half-days with the keyboard: Tuesday morning, then Thursday morning.
  await vacancyForm.getByRole('checkbox', { name: 'Maandag ochtend' }).focus()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Space')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Space')
  await expect(vacancyForm.getByRole('checkbox', { name: 'Dinsdag ochtend' })).toBeChecked()
  await expect(vacancyForm.getByRole('checkbox', { name: 'Donderdag ochtend' })).toBeChecked()
  await shot(page, 'vacancy-form', false)
  await vacancyForm.getByRole('button', { name: 'Opslaan' }).click()
  await expect(page.getByRole('heading', { name: VACANCY, level: 2 })).toBeVisible()
  const vacancyHash = await page.evaluate(() => window.location.hash)
  await shot(page, 'vacancy')

  // Someone who cannot lift, registered by the API: the filters leave them out.
  const [first, last] = OTHER.split(' ')
  const noLifting = (await api(page, 'volunteerLists.list', { kind: 'limitation' })).find(
    (o) => o.demand === 'lifting',
  )
  await api(page, 'people.create', {
    firstName: first,
    lastName: last,
    registeredOn: addDays(today, -40),
    intakeOn: addDays(today, -30),
    limitationIds: [noLifting!.id],
    availability: [{ weekday: 2, part: 'morning' }],
  })

  // Register a person with availability and a limitation, through the form.
  await page.getByRole('navigation').getByRole('link', { name: 'Deelnemers' }).click()
  await page.getByRole('button', { name: 'Nieuwe deelnemer' }).click()
  await page.getByLabel('Voornaam').fill(PERSON.split(' ')[0])
  await page.getByLabel('Achternaam').fill(PERSON.split(' ')[1])
  await page.getByLabel('Postcode').fill('38')
  await page.getByLabel('Woonplaats of kern').fill('Amersfoort')
  await page.getByLabel('Aangemeld op').fill(toDutchDate(addDays(today, -60)))
  await page.getByLabel('Intake op').fill(toDutchDate(addDays(today, -45)))
  await pick(page, page.getByRole('combobox', { name: 'Vaardigheden' }), 'Koken')
  await pick(page, page.getByRole('combobox', { name: 'Leerdoelen' }), 'Sociale vaardigheden')
  await pick(page, page.getByRole('combobox', { name: 'Beperkingen' }), 'Geen avonden')
  await page.getByRole('checkbox', { name: 'Maandag ochtend' }).focus()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Space')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Space')
  await page.getByRole('button', { name: 'Opslaan' }).click()
  // Bad input: the Dutch message at the postcode, nothing saved.
  await expect(page.getByText('Geen geldige postcode (1234 AB)')).toBeVisible()
  await shot(page, 'person-form-error')
  await page.getByLabel('Postcode').fill('3811 AB')
  await page.getByRole('button', { name: 'Opslaan' }).click()
  await expect(page.getByRole('heading', { name: PERSON, level: 2 })).toBeVisible()
  const personHash = await page.evaluate(() => window.location.hash)
  await expect(page.getByText('Geen avonden')).toBeVisible()
  await page.getByRole('tab', { name: 'Beschikbaarheid' }).click()
  await expect(page.getByRole('checkbox', { name: 'Dinsdag ochtend' })).toBeChecked()
  await expect(page.getByRole('checkbox', { name: 'Dinsdag middag' })).toBeChecked()
  await shot(page, 'person-availability')
  await page.getByRole('tab', { name: 'Profiel' }).click()
  await shot(page, 'person-profile')

  // The people list with its filters.
  await page.getByRole('navigation').getByRole('link', { name: 'Deelnemers' }).click()
  await page.getByLabel('Zoeken').fill('Lindeboom')
  await expect(page.getByRole('cell', { name: PERSON })).toBeVisible()
  await page.getByLabel('Zoeken').fill('')
  await shot(page, 'people')

  // Matching: ranked with its score parts, the excluded one with its reason; propose in one click.
  await goTo(page, vacancyHash)
  await page.getByRole('button', { name: 'Kandidaten zoeken' }).click()
  const ranked = page.getByRole('article', { name: PERSON })
  await expect(ranked).toBeVisible()
  await expect(ranked.getByText('Vaardigheden', { exact: true })).toBeVisible()
  await expect(ranked.getByText('Heeft de gevraagde vaardigheid: Koken.')).toBeVisible()
  await expect(ranked.getByText(/Ontbreekt:/)).toBeVisible()
  const excluded = page.getByRole('region', { name: 'Valt af' })
  await expect(excluded.getByRole('row', { name: OTHER })).toContainText(
    'Beperking ‘Niet tillen’ past niet bij wat de plek vraagt: tillen.',
  )
  await shot(page, 'matching')
  await ranked.getByRole('button', { name: `Voorstellen: ${PERSON}` }).click()
  await expect(page.getByText(`${PERSON} is voorgesteld.`)).toBeVisible()
  // Now on this place already: listed with the others that cannot be proposed again.
  await expect(excluded.getByRole('row', { name: PERSON })).toContainText('Al gekoppeld')
  // The one who cannot lift only with a written reason.
  await excluded.getByRole('button', { name: `Toch voorstellen… ${OTHER}` }).click()
  const override = page.getByRole('dialog', { name: `${OTHER} toch voorstellen` })
  await override.getByRole('button', { name: 'Voorstellen' }).click()
  await expect(override.getByText('Dit veld is verplicht')).toBeVisible()
  await shot(page, 'matching-override', false)
  await override.getByRole('button', { name: 'Annuleren' }).click()

  // The board: advance the placement to placed.
  await page.getByRole('navigation').getByRole('link', { name: 'Vrijwilligerswerk' }).click()
  await page.getByRole('navigation').getByRole('link', { name: 'Koppelingen' }).click()
  const card = page.getByRole('article', { name: `${PERSON}, ${VACANCY}` })
  await expect(page.getByRole('region', { name: 'Voorgesteld' }).getByRole('article')).toHaveCount(
    1,
  )
  for (const step of ['kennismaking', 'proefperiode', 'geplaatst']) {
    await card.getByRole('button', { name: `Naar ${step}` }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('button', { name: 'Opslaan' }).click()
    await expect(dialog).toBeHidden()
  }
  await expect(
    page
      .getByRole('region', { name: 'Geplaatst' })
      .getByRole('article', { name: `${PERSON}, ${VACANCY}` }),
  ).toBeVisible()
  await shot(page, 'board')

  // A month of hours in the month grid (this month: the placement runs in it). Bad input first.
  await page.getByRole('navigation').getByRole('link', { name: 'Uren' }).click()
  await page.getByRole('button', { name: 'Volgende maand' }).click()
  const cell = page.getByRole('textbox', { name: `Uren: ${PERSON}, ${VACANCY}` })
  await expect(cell).toBeVisible()
  // The month's total so far (an earlier spec of the run may have logged hours this month).
  const totalBefore = Number(
    ((await page.getByTestId('hours-total').textContent()) ?? '0').replace(',', '.'),
  )
  await cell.fill('twaalf')
  await page.getByRole('button', { name: 'Uren opslaan' }).click()
  await expect(page.getByText('Deze waarde klopt niet')).toBeVisible()
  await shot(page, 'hours-error')
  await cell.fill('12,5')
  await page.getByRole('button', { name: 'Uren opslaan' }).click()
  await expect(page.getByText('1 regel opgeslagen.')).toBeVisible()
  await expect(page.getByTestId('hours-total')).toHaveText(
    String(totalBefore + 12.5).replace('.', ','),
  )
  await shot(page, 'hours')

  // Two ZRM measurements: at the intake and now.
  await goTo(page, personHash)
  await page.getByRole('tab', { name: 'Metingen' }).click()
  const scores: [string, string, string][] = [
    ['Financiën', '2', '3'],
    ['Dagbesteding', '2', '4'],
    ['Sociaal netwerk', '3', '3'],
  ]
  for (const [n, day] of [
    [1, addDays(today, -40)],
    [2, today],
  ] as const) {
    await page.getByRole('button', { name: 'Meting vastleggen' }).click()
    const dialog = page.getByRole('dialog', { name: 'Meting vastleggen' })
    await dialog.getByLabel('Datum').fill(toDutchDate(day))
    // Escape closes the date field's calendar, not the dialog.
    await dialog.getByLabel('Datum').press('Escape')
    for (const [domain, a, b] of scores)
      await dialog
        .getByRole('radiogroup', { name: domain })
        .getByRole('radio', { name: new RegExp(`^${n === 1 ? a : b}:`) })
        .check()
    await dialog.getByRole('button', { name: 'Opslaan' }).click()
    await expect(dialog).toBeHidden()
  }
  await expect(page.getByRole('img', { name: 'Dagbesteding: 2 → 4' })).toBeVisible()
  await expect(page.getByRole('img', { name: 'Financiën: 2 → 3' })).toBeVisible()
  await shot(page, 'person-measurements')

  // Two goals, then one closed as realised.
  await page.getByRole('tab', { name: 'Plan en doelen' }).click()
  await page
    .getByLabel('Wat eerst moet (belemmeringen)')
    .fill('Eerst schuldenvrij, dan participeren')
  await pick(
    page,
    page.getByRole('combobox', { name: 'Het traject is gericht op' }),
    'Een vrijwilligersplek',
  )
  await page.getByRole('button', { name: 'Doel toevoegen' }).click()
  await page.getByRole('button', { name: 'Doel toevoegen' }).click()
  await page
    .getByRole('group', { name: 'Doel 1' })
    .getByLabel('Doel')
    .fill('Elke week op tijd komen')
  await page
    .getByRole('group', { name: 'Doel 2' })
    .getByLabel('Doel')
    .fill('De kassa leren bedienen')
  await page.getByRole('button', { name: 'Plan opslaan' }).click()
  await expect(page.getByText('Het plan is opgeslagen.')).toBeVisible()
  await pick(
    page,
    page.getByRole('group', { name: 'Doel 1' }).getByRole('combobox', { name: 'Stand' }),
    'Gehaald',
  )
  await page.getByRole('button', { name: 'Plan opslaan' }).click()
  await expect(page.getByRole('group', { name: 'Doel 1' })).toContainText(
    `afgesloten ${toDutchDate(today)}`,
  )
  await expect(page.getByRole('group', { name: 'Doel 2' })).toContainText('Loopt')
  await shot(page, 'person-plan')

  // A contact with a next date; a next date before the contact is refused at the field.
  await page.getByRole('tab', { name: 'Contacten' }).click()
  const contact = page.getByRole('form', { name: 'Contact vastleggen' })
  await contact.getByLabel('Korte notitie').fill('Gaat goed, vindt de koffieochtend leuk')
  await contact.getByLabel('Volgend contact op').fill(toDutchDate(addDays(today, -1)))
  await contact.getByRole('button', { name: 'Contact vastleggen' }).click()
  await expect(contact.getByText('Het volgende contact ligt na dit contact')).toBeVisible()
  await shot(page, 'person-contacts-error')
  await contact.getByLabel('Volgend contact op').fill(toDutchDate(addDays(today, 1)))
  await contact.getByRole('button', { name: 'Contact vastleggen' }).click()
  await expect(page.getByTestId('next-contact')).toHaveText(
    `volgend contact ${toDutchDate(addDays(today, 1))}`,
  )
  await shot(page, 'person-contacts')

  // Placements and hours on the person's own tabs.
  await page.getByRole('tab', { name: 'Koppelingen' }).click()
  await expect(page.getByText('Geplaatst', { exact: true })).toBeVisible()
  await shot(page, 'person-placements')
  await page.getByRole('tab', { name: 'Uren' }).click()
  await expect(page.getByTestId('person-hours-total')).toHaveText('12,5')
  await shot(page, 'person-hours')

  // The dashboard lists the contact due within the coming 7 days.
  await page.getByRole('navigation').getByRole('link', { name: 'Vrijwilligerswerk' }).click()
  await expect(
    page
      .getByRole('region', { name: 'Contact gepland: te laat of binnen 7 dagen' })
      .getByRole('link', { name: PERSON }),
  ).toBeVisible()
  await shot(page, 'dashboard')

  // Outflow: paid work.
  await goTo(page, personHash)
  const outflow = page.getByRole('form', { name: 'Uitstroom' })
  await pick(page, outflow.getByRole('combobox', { name: 'Reden van uitstroom' }), 'Betaald werk')
  await outflow.getByRole('button', { name: 'Uitstroom vastleggen' }).click()
  // It says first that the running placement ends with it, and asks to confirm.
  await expect(page.getByTestId('outflow-ends')).toContainText('Dit beëindigt 1 lopende koppeling')
  await page.getByRole('button', { name: 'Ja, uitstroom vastleggen' }).click()
  await expect(page.getByTestId('outflow-shown')).toContainText('Betaald werk')
  await shot(page, 'person-outflow')

  // The figures changed: one more registered, intake, placement started and left to paid work.
  await page.getByRole('navigation').getByRole('link', { name: 'Cijfers en voortgang' }).click()
  await expect(page.getByRole('heading', { name: 'Cijfers en voortgang', level: 2 })).toBeVisible()
  await expect.poll(() => figure(page, 'registered')).toBe(before.registered + 2)
  expect(await figure(page, 'intakes')).toBe(before.intakes + 2)
  expect(await figure(page, 'placementsStarted')).toBe(before.started + 1)
  expect(await figure(page, 'activePlacements')).toBe(before.active + 1)
  await expect(page.getByTestId('vstat-outflow')).toContainText('Betaald werk')
  await expect(page.getByTestId('vstat-progress')).toBeVisible()
  await shot(page, 'stats')
})
