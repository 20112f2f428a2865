import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createTestApp, rejection, type TestApp } from '../helpers/db'
import { addHousehold, householdInput } from '../helpers/fixtures'
import type { Caller } from '../../src/main/domains/accounts/auth'
import { SEARCH_PER_KIND } from '../../src/shared/schemas/search'

let app: TestApp
beforeEach(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
})
afterEach(async () => app.close())

/** A person of the volunteers' domain, a vacancy at a host, and a complaint by a household. */
async function others(householdId: number): Promise<{ personId: number; vacancyId: number }> {
  const host = await app.call('organisations.create', { name: 'Buurthuis De Linde' })
  const vacancy = await app.call('vacancies.create', {
    partnerId: host.id,
    title: 'Gastvrouw koffieochtend',
    places: 2,
  })
  const person = await app.call('people.create', {
    firstName: 'Yusuf',
    lastName: 'Amrani',
    registeredOn: '2026-03-01',
    postcode: '3812 AB',
  })
  const [cat] = await app.call('complaints.categories', {})
  await app.call('complaints.create', {
    receivedOn: '2026-06-01',
    channel: 'email',
    complainantKind: 'household',
    householdId,
    aboutKind: 'service',
    categoryId: cat!.id,
    description: 'Te lang gewacht',
    step: 1,
  })
  return { personId: person.id, vacancyId: vacancy.id }
}

describe('search.global (Ctrl+K)', () => {
  it('finds a household by the start of its name, a word inside it, its postcode and its number', async () => {
    const amrani = await addHousehold(app, 'Fatima Amrani', { postcode: '3811 HZ' })
    const devries = await addHousehold(app, 'Sanne de Vries-Özdemir', { postcode: '1011 AB' })
    await addHousehold(app, 'Gerrit Hoekstra', { postcode: '9999 ZZ' })

    const ids = async (query: string): Promise<number[]> =>
      ((await app.call('search.global', { query })).households ?? []).map((h) => h.id)

    expect(await ids('fatima')).toEqual([amrani])
    // A word inside the name, accents and case folded away.
    expect(await ids('AMRANI')).toEqual([amrani])
    expect(await ids('ozdemir')).toEqual([devries])
    expect(await ids('vries')).toEqual([devries])
    // The postcode with or without its space, or its four digits.
    expect(await ids('3811hz')).toEqual([amrani])
    expect(await ids('3811 HZ')).toEqual([amrani])
    expect(await ids('1011')).toEqual([devries])
    // The reference, whole or as its number.
    const ref = (await app.call('households.get', { id: devries })).household.reference
    expect(await ids(ref)).toEqual([devries])
    expect(await ids(String(devries).padStart(3, '0'))).toContain(devries)
    // What matches nothing finds nothing.
    expect(await ids('zzqq')).toEqual([])

    const hit = (await app.call('search.global', { query: 'fatima' })).households![0]
    expect(hit).toEqual({
      id: amrani,
      reference: expect.stringMatching(/^H-\d{5}$/),
      title: 'Fatima Amrani',
      detail: '3811 HZ Amersfoort',
    })
  })

  it("finds a family by a member's first name, and says by whom; a changed, removed or anonymised one no longer", async () => {
    const members = (...names: (string | null)[]) =>
      names.map((firstName, i) => ({ firstName, birthYear: 2010 + i, gender: 'f' as const }))
    const bakker = await addHousehold(app, 'Mevrouw Bakker', {
      members: members('Karin', 'Ömer', null),
    })
    const yilmaz = await addHousehold(app, 'Fam. Yılmaz', { members: members('Omeria') })
    // Found by its own name as well: no member is named beside it.
    const omer = await addHousehold(app, 'Omer Dijkstra', { members: members('Omer') })
    const search = async (query: string, as?: Caller) =>
      (await app.call('search.global', { query }, as)).households ?? []

    // Its own name first, then members in name order; accents folded.
    expect(await search('omer')).toEqual([
      expect.objectContaining({ id: omer, title: 'Omer Dijkstra' }),
      expect.objectContaining({ id: bakker, title: 'Mevrouw Bakker', member: 'Ömer' }),
      expect.objectContaining({ id: yilmaz, title: 'Fam. Yılmaz', member: 'Omeria' }),
    ])
    expect((await search('omer'))[0]).not.toHaveProperty('member')
    expect((await search('ÖME')).map((h) => h.id)).toEqual([omer, bakker, yilmaz])
    expect((await search('omeri')).map((h) => h.id)).toEqual([yilmaz])
    // Only the start of a first name: not a letter inside it.
    expect(await search('mer')).toEqual([])

    // The counter volunteer finds the family by a child's name too, and may then open it.
    const counter = await app.loginAs('volunteer')
    expect((await search('karin', counter)).map((h) => h.id)).toEqual([bakker])
    expect((await app.call('households.get', { id: bakker }, counter)).household.id).toBe(bakker)

    // A renamed member is found by the new name only; a removed one not at all.
    const input = householdInput({ contactName: 'Mevrouw Bakker', members: members('Karina') })
    await app.call('households.update', { id: bakker, ...input, postcode: '1234 AB' })
    expect((await search('karina')).map((h) => h.id)).toEqual([bakker])
    expect(await search('omer')).not.toContainEqual(expect.objectContaining({ id: bakker }))
    // Anonymised (AVG retention): the first names are gone, and so is the hit.
    await app.call('retention.anonymise', { kind: 'household', id: yilmaz })
    expect(await search('omeria')).toEqual([])
    expect(
      app.open.sqlite
        .prepare('select first_name, search_name from member where household_id = ?')
        .all(yilmaz),
    ).toEqual([{ first_name: null, search_name: null }])
  })

  it('gives staff households, people, vacancies and complaints, at most a few of each', async () => {
    const household = await addHousehold(app, 'Fatima Amrani')
    const { personId, vacancyId } = await others(household)
    for (let i = 0; i < SEARCH_PER_KIND + 3; i++) await addHousehold(app, `Amrani ${i}`)

    const r = await app.call('search.global', { query: 'amrani' })
    expect(r.households).toHaveLength(SEARCH_PER_KIND)
    expect(r.people!.map((p) => p.id)).toEqual([personId])
    expect(r.people![0]).toMatchObject({ title: 'Yusuf Amrani', reference: 'D-00001' })
    // The complaint is found by its complainant's name, and by its number.
    expect(r.complaints).toHaveLength(1)
    expect(r.complaints![0]).toMatchObject({ title: 'Fatima Amrani', detail: '2026-06-01' })
    const number = r.complaints![0].reference!
    expect(
      (await app.call('search.global', { query: number })).complaints!.map((c) => c.id),
    ).toEqual([r.complaints![0].id])
    // A vacancy by a word of its title or its host.
    expect(
      (await app.call('search.global', { query: 'koffie' })).vacancies!.map((v) => v.id),
    ).toEqual([vacancyId])
    expect((await app.call('search.global', { query: 'linde' })).vacancies![0]).toMatchObject({
      id: vacancyId,
      title: 'Gastvrouw koffieochtend',
      detail: 'Buurthuis De Linde',
    })
  })

  it('gives the counter volunteer households only, which it may then open', async () => {
    const household = await addHousehold(app, 'Fatima Amrani')
    await others(household)
    const counter: Caller = await app.loginAs('volunteer')

    // Before a search the counter may not open the household (nothing booked today).
    expect(await rejection(app.call('households.get', { id: household }, counter))).toMatchObject({
      key: 'counterLookupFirst',
    })
    const r = await app.call('search.global', { query: 'amrani' }, counter)
    expect(Object.keys(r)).toEqual(['households'])
    expect(r.households!.map((h) => h.id)).toEqual([household])
    expect(r).not.toHaveProperty('people')
    expect(r).not.toHaveProperty('complaints')
    expect(r).not.toHaveProperty('vacancies')
    // The hit is what it may open now, as after its own households search.
    expect((await app.call('households.get', { id: household }, counter)).household.id).toBe(
      household,
    )
    // A complaint number or a person's reference finds nothing else for the counter.
    expect(Object.keys(await app.call('search.global', { query: 'K-2026-1' }, counter))).toEqual([
      'households',
    ])
  })

  it('logs the people it showed as the people list does, never the words', async () => {
    const household = await addHousehold(app, 'Fatima Amrani')
    await others(household)
    const before = (await app.call('audit.list', { entityType: 'person', action: 'view' })).total
    await app.call('search.global', { query: 'amrani' })
    const page = await app.call('audit.list', { entityType: 'person', action: 'view' })
    expect(page.total).toBe(before + 1)
    const entry = page.rows[0]
    expect(JSON.parse(entry.detail!.slice(1))).toEqual({ k: 'peopleShown', count: 1 })
    expect(JSON.stringify(entry)).not.toContain('amrani')
    // No people found: nothing logged.
    await app.call('search.global', { query: 'hoekstra' })
    expect((await app.call('audit.list', { entityType: 'person', action: 'view' })).total).toBe(
      before + 1,
    )
  })

  it('refuses a query shorter than two characters of search key, at its field', async () => {
    for (const query of ['', 'a', ' b ', '\u0300\u0300', 'é'])
      expect(await rejection(app.call('search.global', { query }))).toMatchObject({
        code: 'VALIDATION',
        fields: [{ path: 'query', key: 'searchTooShort' }],
      })
    expect(await rejection(app.call('search.global', { query: 'x'.repeat(101) }))).toMatchObject({
      code: 'VALIDATION',
      fields: [{ path: 'query' }],
    })
    for (const query of [42, null, undefined, ['ab'], { q: 'ab' }])
      expect(
        await rejection(app.call('search.global', { query } as unknown as { query: string })),
      ).toMatchObject({ code: 'VALIDATION' })
  })

  it('answers every query of the right length with at most a few per kind, or refuses it', async () => {
    await addHousehold(app, 'Fatima Amrani')
    await addHousehold(app, "D'Souza x%_\\ Jansen")
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 12 }), async (query) => {
        try {
          const r = await app.call('search.global', { query })
          for (const list of Object.values(r))
            expect(list.length).toBeLessThanOrEqual(SEARCH_PER_KIND)
        } catch (err) {
          expect(err).toMatchObject({ code: 'VALIDATION' })
        }
      }),
      { numRuns: 60 },
    )
    // LIKE's wildcards are letters here, not patterns (a word inside the name: a query with a
    // digit is looked up by postcode, phone and number only).
    expect((await app.call('search.global', { query: 'x%_' })).households).toHaveLength(1)
    expect((await app.call('search.global', { query: '__' })).households).toEqual([])
  })

  it('finds a person whose name starts with a LIKE wildcard by its first and a later word', async () => {
    const person = await app.call('people.create', {
      firstName: 'x%_Mila',
      lastName: 'de Graaf-Bakker',
      registeredOn: '2026-03-01',
      postcode: '3812 AB',
    })
    // Not the start of the name as a whole: the first word must start it, the second is inside.
    const people = async (query: string): Promise<number[]> =>
      ((await app.call('search.global', { query })).people ?? []).map((p) => p.id)
    expect(await people('x%_mila bakker')).toEqual([person.id])
    // The wildcards stand for themselves: another letter in their place finds nobody.
    expect(await people('xa_mila bakker')).toEqual([])
    expect(await people('x%%mila bakker')).toEqual([])
  })
})
