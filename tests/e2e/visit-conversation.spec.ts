import { mkdirSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { addDays } from '../../src/shared/dates'
import { post } from './bridge'
import { E2E_ADMIN } from './global-setup'
import { api, bridgeUrl, goTo, logIn, openApp } from './support'

const VOLUNTEER = { username: 'gesprek-vrijwilliger', password: 'Balie-gesprek-sleutel-5' }
const FAMILY = 'Samira El Idrissi'
const NOTE = 'Belt zelf maandag voor een afspraak'

async function must(method: string, input: unknown, token?: string): Promise<string | null> {
  const r = await post(bridgeUrl(), method, input, token)
  if (!r.body.ok) throw new Error(`${method} failed: ${JSON.stringify(r.body.error)}`)
  return r.session ?? null
}

/** A counter volunteer who has chosen a password, made by the admin through the API. */
async function volunteerAccount(): Promise<void> {
  const admin = await must('auth.login', E2E_ADMIN)
  const first = 'Eerste-balie-sleutel-4'
  await must(
    'users.create',
    { username: VOLUNTEER.username, displayName: 'Vera Balie', role: 'volunteer', password: first },
    admin ?? undefined,
  )
  const own = await must('auth.login', { username: VOLUNTEER.username, password: first })
  await must(
    'auth.changePassword',
    {
      currentPassword: first,
      newPassword: VOLUNTEER.password,
      newPasswordRepeat: VOLUNTEER.password,
    },
    own ?? undefined,
  )
}

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync('/tmp/shots-h2', { recursive: true })
  await page.screenshot({ path: `/tmp/shots-h2/${name}.png`, fullPage })
}

test('a volunteer records a conversation with a topic and a referral at a visit; the coordinator sees it', async ({
  page,
}) => {
  // The coordinator books the family for this evening (a half-day that is not over yet).
  await openApp(page, '#/')
  const today = (await api(page, 'shop.dashboard', {})).date
  await api(page, 'slots.generate', {
    from: today,
    to: today,
    template: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      weekday,
      part: 'evening' as const,
      capacity: 4,
    })),
  })
  const h = await api(page, 'households.create', {
    contactName: FAMILY,
    postcode: '3828 TR',
    city: 'Amersfoort',
    district: 'Schothorst',
    phone: null,
    incomeSource: 'bijstand',
    proofSeenOn: addDays(today, -20),
    consentDate: today,
    consentBy: 'Anja',
    members: [
      { birthYear: 1987, gender: 'f' },
      { birthYear: 2015, gender: 'f', clothingSize: '146' },
      { birthYear: 2019, gender: 'm', clothingSize: '116' },
    ],
  })
  // The evening made above: an earlier test may have left today's morning, over by the afternoon.
  const slots = await api(page, 'slots.list', { from: today, to: today })
  const slot = slots.find((s) => s.part === 'evening')
  if (!slot) throw new Error('no evening slot today')
  await api(page, 'appointments.book', { slotId: slot.id, householdId: h.id })
  await volunteerAccount()

  // The volunteer at the counter: the family is on today's list, so she may open it.
  await page.getByRole('button', { name: /Menu van/ }).click()
  await page.getByRole('menuitem', { name: 'Afmelden' }).click()
  await logIn(page, VOLUNTEER.username, VOLUNTEER.password)
  await goTo(page, `#/households/${h.id}`)
  await expect(page.getByRole('heading', { name: FAMILY })).toBeVisible()
  await page.getByRole('button', { name: 'Bezoek registreren' }).click()
  await page.getByLabel('Kleding', { exact: true }).fill('4')
  const conversation = page.getByRole('group', { name: 'Gesprek' })
  await expect(conversation).toBeVisible()
  await conversation.getByText('Opvoeding', { exact: true }).click()
  await conversation.getByText('Financiën en schulden', { exact: true }).click()
  await conversation.getByRole('button', { name: '+ Doorverwijzing toevoegen' }).click()
  await conversation.getByLabel('Doorverwezen naar').click()
  // The option's name carries its kind and area too ("Schuldhulpverlening Overig · ..."); another
  // partner of that kind names it as its kind, so match the name at the start.
  await page.getByRole('option', { name: /^Schuldhulpverlening/ }).click()
  await conversation.getByLabel('Korte toelichting').fill(NOTE)
  await shot(page, 'h2-01-volunteer-visit-conversation')
  await page.getByRole('button', { name: 'Bezoek opslaan' }).click()
  const check = page.getByRole('dialog', { name: 'Eerst even nakijken' })
  // Whatever the shop's guidelines warn about, the volunteer saves after reading it.
  await expect(page)
    .toHaveURL(new RegExp(`#/households/${h.id}$`), { timeout: 5000 })
    .catch(async () => {
      await check.getByRole('button', { name: 'Toch opslaan' }).click()
      await expect(page).toHaveURL(new RegExp(`#/households/${h.id}$`))
    })
  const visitRow = page.getByRole('row').filter({ hasText: 'Vera Balie' })
  await expect(visitRow).toContainText('Opvoeding')
  await expect(visitRow).toContainText(`Schuldhulpverlening: ${NOTE}`)

  // She adds a topic afterwards, on the household page.
  await visitRow.getByRole('button', { name: 'Gesprek aanpassen' }).click()
  const dialog = page.getByRole('dialog', { name: /Gesprek bij het bezoek van/ })
  await dialog.getByText('Werk en bijstand', { exact: true }).click()
  await shot(page, 'h2-02-volunteer-change-conversation', false)
  await dialog.getByRole('button', { name: 'Gesprek opslaan' }).click()
  await expect(dialog).toBeHidden()
  await expect(visitRow).toContainText('Werk en bijstand')
  // Earlier conversations stay hidden from the counter: the admin's switch is off by default.
  await expect(page.getByText('Eerdere gesprekken')).toHaveCount(0)
  await shot(page, 'h2-03-volunteer-household')

  const stored = await api(page, 'households.get', { id: h.id })
  expect(stored.visits).toHaveLength(1)
  expect(stored.visits[0].topics?.map((t) => t.name).sort()).toEqual([
    'Financiën en schulden',
    'Opvoeding',
    'Werk en bijstand',
  ])
  expect(stored.visits[0].referrals).toEqual([
    { destination: expect.objectContaining({ name: 'Schuldhulpverlening' }), note: NOTE },
  ])

  // The coordinator sees the conversation on the household page.
  await page.getByRole('button', { name: /Menu van/ }).click()
  await page.getByRole('menuitem', { name: 'Afmelden' }).click()
  await openApp(page, `#/households/${h.id}`)
  await expect(page.getByRole('heading', { name: FAMILY })).toBeVisible()
  const row = page.getByRole('row').filter({ hasText: 'Vera Balie' })
  await expect(row).toContainText('Opvoeding')
  await expect(row).toContainText('Werk en bijstand')
  await expect(row).toContainText(`Schuldhulpverlening: ${NOTE}`)
  await shot(page, 'h2-04-coordinator-household')
})
