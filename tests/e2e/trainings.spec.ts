import { expect, test } from '@playwright/test'
import { api, bridgeUrl, goTo, logIn, newAccount, screenshot } from './support'

// The specs share one bridge: names of this spec's own.
const NEW_COORDINATOR = { username: 'coord-cursussen', password: 'Cursussen-sleutel-8' }
const PERSON = { firstName: 'Fenna', lastName: 'Cursusdeelnemer' }
const COURSE = 'Omgaan met verlies'

/** A coordinator the admin just made, who has chosen a password: someone new to the app. */
function newCoordinator(): Promise<void> {
  return newAccount({
    ...NEW_COORDINATOR,
    displayName: 'Carla Cursus',
    role: 'coordinator',
    firstPassword: 'Eerste-keer-cursussen-5',
  })
}

test.use({ actionTimeout: 15_000 })

test('a new coordinator registers a course and a session with a volunteer, herself and two guests, and sees the mean mark', async ({
  page,
}) => {
  test.setTimeout(240_000)
  await newCoordinator()
  const today = (await api(page, 'shop.dashboard', {})).date
  const person = await api(page, 'people.create', { ...PERSON, registeredOn: today })

  await page.goto(bridgeUrl())
  await logIn(page, NEW_COORDINATOR.username, NEW_COORDINATOR.password)
  await goTo(page, '#/volunteers')
  await page.getByRole('link', { name: 'Cursussen' }).click()
  await expect(page.getByRole('heading', { name: 'Cursussen', level: 2 })).toBeVisible()
  // No course yet: a session cannot be added before one.
  await expect(page.getByRole('button', { name: 'Nieuwe bijeenkomst' })).toBeDisabled()

  await page.getByRole('button', { name: 'Nieuwe cursus' }).click()
  const courseDialog = page.getByRole('dialog', { name: 'Nieuwe cursus' })
  // Saving without a name says so at the field and adds nothing.
  await courseDialog.getByRole('button', { name: 'Opslaan' }).click()
  await expect(courseDialog.getByText('Dit veld is verplicht')).toBeVisible()
  await courseDialog.getByLabel('Naam van de cursus').fill(COURSE)
  await courseDialog.getByLabel('Niveau').fill('basis')
  await courseDialog.getByLabel('Gegeven door').fill('Vrijwilligersacademie')
  await courseDialog.getByRole('button', { name: 'Opslaan' }).click()
  await expect(courseDialog).toBeHidden()
  const courses = page.getByRole('table', { name: 'Cursussen' })
  await expect(courses.getByRole('row', { name: new RegExp(COURSE) })).toContainText('ja')

  await page.getByRole('button', { name: 'Nieuwe bijeenkomst' }).click()
  const dialog = page.getByRole('dialog', { name: 'Nieuwe bijeenkomst' })
  await dialog.getByRole('combobox', { name: 'Cursus' }).click()
  await page.getByRole('option', { name: `${COURSE} (basis)` }).click()
  await dialog.getByLabel('Plaats').fill('Buurthuis De Linde')
  const who = dialog.getByRole('combobox', { name: 'Deelnemer of vrijwilliger toevoegen' })
  await who.fill('Cursusdeel')
  await page.getByRole('option', { name: /Fenna Cursusdeelnemer/ }).click()
  await dialog.getByRole('combobox', { name: 'Medewerker toevoegen' }).click()
  await page.getByRole('option', { name: 'Carla Cursus' }).click()
  const named = dialog.getByRole('table', { name: 'Deelnemers van de organisatie' })
  await expect(named.getByRole('row')).toHaveCount(3)
  await named.getByLabel('Cijfer van Fenna Cursusdeelnemer').fill('8')
  await dialog.getByLabel('Aantal deelnemers').fill('2')
  const marks = dialog.getByLabel('Hun cijfers')
  await marks.fill('9')
  await marks.press('Enter')
  // Three marks for two guests: refused at the field, nothing saved.
  await marks.fill('7')
  await marks.press('Enter')
  await marks.fill('6')
  await marks.press('Enter')
  await dialog.getByRole('button', { name: 'Opslaan' }).click()
  await expect(
    dialog.getByText('Meer cijfers dan deelnemers van andere organisaties'),
  ).toBeVisible()
  await screenshot(page, 'trainings-session-form', false)
  // Take the last two marks off again.
  await marks.press('Backspace')
  await marks.press('Backspace')
  await dialog.getByRole('button', { name: 'Opslaan' }).click()
  await expect(dialog).toBeHidden()

  // Fenna, Carla and two guests; marks 8 and 9: mean 8,5.
  const sessions = page.getByRole('table', { name: 'Bijeenkomsten' })
  const row = sessions.getByRole('row', { name: new RegExp(COURSE) }).first()
  await expect(row).toContainText('Buurthuis De Linde')
  await expect(row.getByRole('cell').nth(3)).toHaveText('4')
  await expect(row.getByRole('cell').nth(4)).toHaveText('8,5')
  await screenshot(page, 'trainings-page')

  // Fenna's page shows the course: completed, with her mark.
  await goTo(page, `#/volunteers/people/${person.id}?tab=trainings`)
  const hers = page.getByRole('table', { name: 'Gevolgde cursussen' })
  const course = hers.getByRole('row', { name: new RegExp(COURSE) })
  await expect(course.getByRole('cell').nth(3)).toHaveText('ja')
  await expect(course.getByRole('cell').nth(4)).toHaveText('8')
  await screenshot(page, 'trainings-person-tab')
})
