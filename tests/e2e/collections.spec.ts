import { expect, test } from '@playwright/test'
import { addDays, toDutchDate } from '../../src/shared/dates'
import { api, openApp, screenshot } from './support'

/** Families of a district of their own, so the count is this test's whatever other specs add. */
const DISTRICT = 'Collectiewijk'
const FAMILIES = [
  'Amira Collectie',
  'Bart Collectie',
  'Chantal Collectie',
  'Dewi Collectie',
  'Emre Collectie',
  'Floor Collectie',
]

test('a coordinator makes a collection, tells five families through its call list and lets it leave to a partner project', async ({
  page,
}) => {
  await openApp(page, '#/')
  const today = (await api(page, 'shop.dashboard', {})).date
  for (const [i, name] of FAMILIES.entries())
    await api(page, 'households.create', {
      contactName: name,
      postcode: `${7201 + i} AB`,
      city: 'Zutphen',
      district: DISTRICT,
      phone: `06-5550${1000 + i}`,
      incomeSource: 'bijstand',
      proofSeenOn: addDays(today, -10),
      consentDate: addDays(today, -10),
      consentBy: 'Cor',
      members: [{ firstName: name.split(' ')[0], birthYear: 1990, gender: 'f' }],
      confirmDuplicate: true,
    })
  await api(page, 'partners.create', {
    name: 'Kledingbank Oost',
    kind: 'partner_project',
    area: 'Zutphen',
  })

  await page.getByRole('navigation').getByRole('link', { name: 'Collecties' }).click()
  await expect(page.getByRole('heading', { name: 'Collecties', level: 2 })).toBeVisible()
  await page.getByRole('button', { name: 'Nieuwe collectie' }).click()
  const form = page.getByRole('dialog', { name: 'Nieuwe collectie' })
  // Main's refusal shows at the field: a collection is not entered years ahead.
  await form.getByLabel('Naam').fill('Voorjaarscollectie')
  await form.getByRole('combobox', { name: 'Seizoen' }).click()
  await page.getByRole('option', { name: 'Voorjaar', exact: true }).click()
  await form.getByLabel('Komt binnen op').fill(toDutchDate(addDays(today, 800)))
  await form.getByRole('button', { name: 'Opslaan' }).click()
  await expect(form.getByText(/Zo ver vooruit kan niet/)).toBeVisible()
  await form.getByLabel('Komt binnen op').fill(toDutchDate(today))
  await form.getByRole('button', { name: 'Opslaan' }).click()
  await expect(form).toBeHidden()

  // The new collection's own page, with its call list.
  await expect(page.getByRole('heading', { name: 'Voorjaarscollectie', level: 2 })).toBeVisible()
  await page.getByLabel('Wijk of kern (optioneel)').fill(DISTRICT)
  const count = page.getByTestId('collection-count')
  await expect(count).toHaveText('0 van 6 gezinnen verteld')

  const ways = ['Gebeld', 'Gebeld', 'Sms / app-bericht', 'Persoonlijk', 'E-mail']
  for (const [i, name] of FAMILIES.slice(0, 5).entries()) {
    await page.getByRole('button', { name: `${name}: verteld over de collectie` }).click()
    const dialog = page.getByRole('dialog', { name: `${name} verteld over Voorjaarscollectie` })
    await dialog.getByRole('combobox', { name: 'Hoe verteld' }).click()
    await page.getByRole('option', { name: ways[i], exact: true }).click()
    await expect(dialog.getByLabel('Verteld op')).toHaveValue(toDutchDate(today))
    await dialog.getByRole('button', { name: 'Vastleggen' }).click()
    await expect(dialog).toBeHidden()
    await expect(count).toHaveText(`${i + 1} van 6 gezinnen verteld`)
  }
  const row = page.getByRole('row', { name: /Chantal Collectie/ })
  await expect(row).toContainText(`Sms / app-bericht, ${toDutchDate(today)}`)
  await expect(row).toContainText('door Cor Coördinator')
  await screenshot(page, 'collection-call-list')

  // Only those still to tell.
  await page.getByText('Nog niet verteld', { exact: true }).click()
  await expect(page.getByRole('row', { name: /Floor Collectie/ })).toBeVisible()
  await expect(page.getByRole('row', { name: /Amira Collectie/ })).toBeHidden()
  await expect(count).toHaveText('5 van 6 gezinnen verteld')

  // On paper: the list, what it is, no buttons.
  await page.emulateMedia({ media: 'print' })
  await expect(
    page.getByText('Bellijst van collectie Voorjaarscollectie', { exact: false }),
  ).toBeVisible()
  await expect(page.getByRole('navigation')).toBeHidden()
  await expect(page.getByRole('button', { name: 'Bellijst afdrukken' })).toBeHidden()
  await screenshot(page, 'collection-print')
  await page.emulateMedia({ media: 'screen' })

  // The collection leaves, to the partner project.
  await page.getByRole('button', { name: 'Collectie vertrekt' }).click()
  const leave = page.getByRole('dialog', { name: 'Voorjaarscollectie vertrekt' })
  await leave.getByRole('combobox', { name: /^Naar/ }).click()
  await page.getByRole('option', { name: 'Kledingbank Oost · Zutphen' }).click()
  await leave.getByLabel('Opmerking (optioneel)').fill('Drie dozen')
  await screenshot(page, 'collection-leave-dialog', false)
  await leave.getByRole('button', { name: 'Collectie vertrekt' }).click()
  await expect(leave).toBeHidden()
  await expect(page.getByTestId('collection-left')).toHaveText(
    `Vertrokken op ${toDutchDate(today)} naar Kledingbank Oost. Opmerking: Drie dozen`,
  )
  // Nobody can be told of it any more: the buttons are gone, and main refuses.
  await expect(page.getByRole('button', { name: /verteld over de collectie/ })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Collectie vertrekt' })).toHaveCount(0)
  const [collection] = (await api(page, 'collections.list', {})).filter(
    (c) => c.name === 'Voorjaarscollectie',
  )
  const floor = (
    await api(page, 'collections.callList', { id: collection.id, district: DISTRICT })
  ).entries.find((e) => e.contactName === 'Floor Collectie')
  await expect(
    api(page, 'collections.markTold', {
      id: collection.id,
      householdId: floor?.householdId ?? 0,
      how: 'phone',
      date: today,
    }),
  ).rejects.toThrow(/collectionLeft/)
  await screenshot(page, 'collection-left')

  // A wrong note is put right afterwards; families still cannot be told.
  await page.getByRole('button', { name: 'Vertrek corrigeren' }).click()
  const fix = page.getByRole('dialog', { name: 'Vertrek van Voorjaarscollectie corrigeren' })
  await expect(fix.getByRole('combobox', { name: /^Naar/ })).toHaveValue(
    'Kledingbank Oost · Zutphen',
  )
  await fix.getByLabel('Opmerking (optioneel)').fill('Vier dozen')
  await screenshot(page, 'collection-correct-dialog', false)
  await fix.getByRole('button', { name: 'Correctie opslaan' }).click()
  await expect(fix).toBeHidden()
  await expect(page.getByTestId('collection-left')).toHaveText(
    `Vertrokken op ${toDutchDate(today)} naar Kledingbank Oost. Opmerking: Vier dozen`,
  )
  await expect(page.getByRole('button', { name: /verteld over de collectie/ })).toHaveCount(0)

  await page.getByRole('link', { name: /Alle collecties/ }).click()
  await expect(page.getByRole('heading', { name: 'Vertrokken', level: 3 })).toBeVisible()
  await expect(page.getByRole('row', { name: /Voorjaarscollectie/ })).toContainText('5 gezinnen')
  await screenshot(page, 'collections-list')
})
