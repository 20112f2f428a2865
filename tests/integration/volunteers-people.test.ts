import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, rejection, type TestApp } from '../helpers/db'
import { householdInput } from '../helpers/fixtures'
import type { MethodInput } from '../../src/shared/api'
import type { OptionKind } from '../../src/shared/schemas/volunteers'

let app: TestApp
beforeEach(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
})
afterEach(async () => app.close())

async function optionId(kind: OptionKind, name: string): Promise<number> {
  const all = await app.call('volunteerLists.list', { kind, includeInactive: true })
  const o = all.find((x) => x.name === name)
  if (!o) throw new Error(`no ${kind} ${name}`)
  return o.id
}

async function sanne(extra: Partial<MethodInput<'people.create'>> = {}) {
  return app.call('people.create', {
    firstName: 'Sanne',
    lastName: 'de Bakker',
    phone: '06-12345678',
    email: 'Sanne@Example.nl',
    postcode: '8011ab',
    place: 'Zwolle',
    district: 'Assendorp',
    birthYear: 1984,
    gender: 'female',
    registeredOn: '2026-03-02',
    programmeId: (await app.call('programmes.list', {})).find((p) => p.name === 'Maatwerk')!.id,
    participationDuty: true,
    skillIds: [await optionId('skill', 'Koken')],
    learningGoalIds: [await optionId('learning_goal', 'Nederlandse taal')],
    limitationIds: [await optionId('limitation', 'Niet tillen')],
    referralSourceId: await optionId('referral_source', 'De Toegang'),
    availability: [
      { weekday: 2, part: 'morning' },
      { weekday: 1, part: 'afternoon' },
    ],
    notes: 'Eerst schuldenvrij',
    ...extra,
  })
}

function auditRows(
  entityType: string,
): { action: string; subject_kind: string | null; subject_id: number | null; fields: string }[] {
  return app.open.sqlite
    .prepare(
      `select action, subject_kind, subject_id, fields from audit_log where entity_type = ? order by id`,
    )
    .all(entityType) as never
}

describe('volunteers: people', () => {
  it('registers a person with options and availability, audited under the person', async () => {
    const p = await sanne()
    expect(p.reference).toBe(`D-${String(p.id).padStart(5, '0')}`)
    expect(p.postcode).toBe('8011 AB')
    expect(p.email).toBe('sanne@example.nl')
    expect(p.status).toBe('registered')
    expect(p.programmeName).toBe('Maatwerk')
    expect(p.skills.map((s) => s.name)).toEqual(['Koken'])
    expect(p.limitations).toEqual([
      expect.objectContaining({ name: 'Niet tillen', demand: 'lifting' }),
    ])
    expect(p.referralSourceName).toBe('De Toegang')
    // The grid comes back Monday first, whatever order it was sent in.
    expect(p.availability).toEqual([
      { weekday: 1, part: 'afternoon' },
      { weekday: 2, part: 'morning' },
    ])
    const created = auditRows('person')
    expect(created).toHaveLength(1)
    expect(created[0]).toMatchObject({ action: 'create', subject_kind: 'person', subject_id: p.id })
    expect(created[0].fields.split(',')).toEqual(
      expect.arrayContaining(['firstName', 'skills', 'availability', 'limitations']),
    )
    // Names, never values, in the log.
    expect(created[0].fields).not.toContain('Sanne')

    const seen = await app.call('people.get', { id: p.id })
    expect(seen.firstName).toBe('Sanne')
    expect(auditRows('person').at(-1)).toMatchObject({
      action: 'view',
      subject_kind: 'person',
      subject_id: p.id,
    })
  })

  it('refuses bad input at the field, in Dutch keys, and writes nothing', async () => {
    const before = app.open.sqlite.prepare('select count(*) as n from person').get()
    const bad = await rejection(
      sanne({
        registeredOn: '2026-07-01',
        intakeOn: '2026-02-01',
      }),
    )
    expect(bad.code).toBe('VALIDATION')
    expect(bad.fields?.map((f) => f.path)).toContain('intakeOn')
    const future = await rejection(sanne({ registeredOn: '2026-06-16' }))
    expect(future.fields).toEqual([{ path: 'registeredOn', key: 'futureDate' }])
    const wrongKind = await rejection(sanne({ skillIds: [await optionId('interest', 'Dieren')] }))
    expect(wrongKind.fields).toEqual([{ path: 'skillIds.0', key: 'unknownOption' }])
    const twice = await rejection(
      sanne({
        availability: [
          { weekday: 1, part: 'morning' },
          { weekday: 1, part: 'morning' },
        ],
      }),
    )
    expect(twice.fields?.[0]).toMatchObject({ path: 'availability.1', key: 'duplicateChoice' })
    const day8 = await rejection(sanne({ availability: [{ weekday: 8, part: 'morning' }] }))
    expect(day8.fields?.[0].path).toBe('availability.0.weekday')
    const born = await rejection(sanne({ birthYear: 2027 }))
    expect(born.fields).toEqual([{ path: 'birthYear', key: 'birthYearFuture' }])
    expect(app.open.sqlite.prepare('select count(*) as n from person').get()).toEqual(before)
  })

  it('updates, logging only the fields that changed; an inactive option stays where it was chosen', async () => {
    const p = await sanne()
    const koken = await optionId('skill', 'Koken')
    await app.call('volunteerLists.update', { id: koken, name: 'Koken', active: false })
    const input = {
      id: p.id,
      firstName: 'Sanne',
      lastName: 'de Bakker',
      phone: '06-12345678',
      email: 'sanne@example.nl',
      postcode: '8011 AB',
      place: 'Zwolle',
      district: 'Assendorp',
      birthYear: 1984,
      gender: 'female' as const,
      registeredOn: '2026-03-02',
      intakeOn: '2026-03-20',
      programmeId: p.programmeId,
      participationDuty: true,
      skillIds: [koken],
      learningGoalIds: p.learningGoals.map((o) => o.id),
      limitationIds: p.limitations.map((o) => o.id),
      referralSourceId: p.referralSourceId,
      availability: p.availability,
      notes: 'Eerst schuldenvrij',
      status: 'intake' as const,
    }
    const after = await app.call('people.update', input)
    expect(after.intakeOn).toBe('2026-03-20')
    expect(auditRows('person').at(-1)).toMatchObject({
      action: 'update',
      fields: 'intakeOn,status',
    })
    // A second person cannot be given the option put aside.
    const refused = await rejection(sanne({ firstName: 'Piet', skillIds: [koken] }))
    expect(refused.fields).toEqual([{ path: 'skillIds.0', key: 'unknownOption' }])
  })

  it('finds people by folded name words, reference, phone, and by status, programme and waiting', async () => {
    const a = await sanne()
    const b = await sanne({
      firstName: 'Jürgen',
      lastName: 'Öztürk',
      phone: '038-4211111',
      registeredOn: '2026-05-01',
      intakeOn: '2026-05-10',
      programmeId: null,
    })
    const names = async (input: MethodInput<'people.search'>) =>
      (await app.call('people.search', input)).rows.map((r) => r.firstName)
    expect(await names({ query: 'ozturk jurgen' })).toEqual(['Jürgen'])
    expect(await names({ query: 'bakker' })).toEqual(['Sanne'])
    expect(await names({ query: a.reference })).toEqual(['Sanne'])
    expect(await names({ query: String(b.id) })).toEqual(['Jürgen'])
    expect(await names({ query: '4211111' })).toEqual(['Jürgen'])
    expect(await names({ status: 'intake' })).toEqual(['Jürgen'])
    expect(await names({ programmeId: a.programmeId })).toEqual(['Sanne'])
    // Waiting since 1 April: registered by then and no intake yet.
    expect(await names({ waitingSince: '2026-04-01' })).toEqual(['Sanne'])
    expect(await names({ waitingSince: '2026-03-01' })).toEqual([])
    const all = await app.call('people.search', { limit: 1 })
    expect(all.total).toBe(2)
    expect(all.rows).toHaveLength(1)
  })

  it('records outflow and undoes it; doorstroom is kept apart', async () => {
    const p = await sanne({ intakeOn: '2026-03-10' })
    const left = await app.call('people.setOutflow', {
      id: p.id,
      kind: 'paid_work',
      on: '2026-06-01',
      note: 'Bij de bakker',
    })
    expect(left).toMatchObject({
      status: 'left',
      outflowKind: 'paid_work',
      outflowOn: '2026-06-01',
    })
    const noDay = await rejection(app.call('people.setOutflow', { id: p.id, kind: 'moved' }))
    expect(noDay.fields).toEqual([{ path: 'on', key: 'required' }])
    const early = await rejection(
      app.call('people.setOutflow', { id: p.id, kind: 'moved', on: '2026-01-01' }),
    )
    expect(early.fields).toEqual([{ path: 'on', key: 'outflowBeforeRegistration' }])
    const back = await app.call('people.setOutflow', { id: p.id, kind: null })
    expect(back).toMatchObject({ status: 'intake', outflowKind: null, outflowOn: null })

    const move = await app.call('people.addMove', {
      personId: p.id,
      movedOn: '2026-05-01',
      toText: 'Teamleider kassa',
    })
    expect((await app.call('people.get', { id: p.id })).moves).toEqual([
      { id: move.id, movedOn: '2026-05-01', toText: 'Teamleider kassa', note: null },
    ])
    await app.call('people.removeMove', { id: move.id })
    expect((await app.call('people.get', { id: p.id })).moves).toEqual([])
    expect(auditRows('personMove').map((r) => r.action)).toEqual(['create', 'delete'])
  })

  it('opens a registration from a shop household ("interesse in vrijwilligerswerk")', async () => {
    const h = await app.call('households.create', householdInput({ contactName: 'Fam. Yilmaz' }))
    const p = await app.call('people.fromHousehold', {
      householdId: h.id,
      firstName: 'Ayse',
      lastName: 'Yilmaz',
      registeredOn: '2026-06-15',
    })
    expect(p.household).toMatchObject({ id: h.id, reference: h.reference })
    expect(p.referralSourceName).toBe('De winkel')
    expect(p.postcode).toBe(householdInput().postcode)
    const linked = await app.call('people.forHousehold', { householdId: h.id })
    expect(linked.map((x) => x.id)).toEqual([p.id])
    const missing = await rejection(
      app.call('people.fromHousehold', {
        householdId: 9999,
        firstName: 'X',
        lastName: 'Y',
        registeredOn: '2026-06-15',
      }),
    )
    expect(missing.code).toBe('NOT_FOUND')
  })

  it('is staff only: a volunteer gets FORBIDDEN from every method of the core', async () => {
    const p = await sanne()
    const volunteer = await app.loginAs('volunteer')
    const coordinator = await app.loginAs('coordinator')
    expect((await app.call('people.get', { id: p.id }, coordinator)).id).toBe(p.id)
    for (const [method, input] of [
      ['people.get', { id: p.id }],
      ['people.search', {}],
      ['people.create', {}],
      ['people.setOutflow', { id: p.id, kind: null }],
      ['organisations.list', {}],
      ['vacancies.list', {}],
      ['volunteerLists.list', { kind: 'skill' }],
      ['programmes.list', {}],
    ] as const) {
      const err = await rejection(app.call(method, input as never, volunteer))
      expect(err.code, method).toBe('FORBIDDEN')
    }
  })
})

describe('volunteers: managed lists', () => {
  it('starts with Dutch defaults and takes new items; a limitation needs its demand', async () => {
    const limitations = await app.call('volunteerLists.list', { kind: 'limitation' })
    expect(limitations.find((l) => l.name === 'Geen avonden')?.demand).toBe('evening')
    const noDemand = await rejection(
      app.call('volunteerLists.create', { kind: 'limitation', name: 'Geen trappen' }),
    )
    expect(noDemand.fields).toEqual([{ path: 'demand', key: 'required' }])
    const trap = await app.call('volunteerLists.create', {
      kind: 'limitation',
      name: 'Geen trappen',
      demand: 'walking',
    })
    expect(trap).toMatchObject({ demand: 'walking', active: true, used: 0 })
    const skillDemand = await rejection(
      app.call('volunteerLists.create', { kind: 'skill', name: 'Lassen', demand: 'lifting' }),
    )
    expect(skillDemand.fields).toEqual([{ path: 'demand', key: 'demandOnlyForLimitation' }])
    const twice = await rejection(
      app.call('volunteerLists.create', { kind: 'skill', name: ' KÓKEN ' }),
    )
    expect(twice.code).toBe('CONFLICT')
    expect(twice.fields?.[0]).toMatchObject({ path: 'name', key: 'nameTakenFolded' })
  })

  it('keeps programmes with a partner and a funded number per year', async () => {
    const ggz = await app.call('organisations.create', { name: 'GGZ Oost' })
    const samen = (await app.call('programmes.list', {})).find((p) => p.name === 'Samen Sterk')!
    const updated = await app.call('programmes.update', {
      id: samen.id,
      name: 'Samen Sterk',
      partnerId: ggz.id,
      fundedPerYear: 12,
      active: true,
    })
    expect(updated).toMatchObject({ partnerName: 'GGZ Oost', fundedPerYear: 12, people: 0 })
    const neg = await rejection(app.call('programmes.create', { name: 'Nieuw', fundedPerYear: -1 }))
    expect(neg.fields?.[0]).toMatchObject({ path: 'fundedPerYear', key: 'notNegative' })
    expect(auditRows('programme').map((r) => r.fields)).toEqual(['partnerId,fundedPerYear'])
  })
})

describe('volunteers: host organisations and vacancies', () => {
  it('keeps hosts in the sociale kaart: one list, the shop itself a host', async () => {
    const hosts = await app.call('organisations.list', {})
    expect(hosts.map((h) => [h.name, h.isOwn])).toEqual([['Eigen winkel', true]])
    const linde = await app.call('organisations.create', {
      name: 'Buurthuis De Linde',
      contactPerson: 'Henk',
      phone: '038-1234567',
    })
    expect(linde).toMatchObject({ kind: 'other', activeVacancies: 0, isOwn: false })
    // The sociale kaart lists it too (one list); the shop itself is no referral destination.
    const map = (await app.call('partners.list', {})).map((p) => p.name)
    expect(map).toContain('Buurthuis De Linde')
    expect(map).not.toContain('Eigen winkel')
    // An organisation already on the map is made a host, not entered twice.
    const again = await rejection(app.call('organisations.create', { name: 'voedselbank' }))
    expect(again.key).toBe('partnerNotHostYet')
    const vb = (await app.call('partners.list', {})).find((p) => p.name === 'Voedselbank')!
    await app.call('organisations.setHost', { id: vb.id, isHost: true })
    expect((await app.call('organisations.list', { query: 'voedsel' })).map((h) => h.name)).toEqual(
      ['Voedselbank'],
    )
    const own = hosts[0]
    expect(
      (await rejection(app.call('organisations.setHost', { id: own.id, isHost: false }))).key,
    ).toBe('ownHostStays')
    const renamed = await app.call('organisations.update', {
      id: linde.id,
      name: 'Buurthuis De Linde',
      contactPerson: 'Henk Jansen',
      phone: '038-1234567',
      active: true,
    })
    expect(renamed.contactPerson).toBe('Henk Jansen')
  })

  it('creates, reads, lists and updates vacancies with skills, demands and half-days', async () => {
    const linde = await app.call('organisations.create', { name: 'Buurthuis De Linde' })
    const v = await app.call('vacancies.create', {
      partnerId: linde.id,
      title: 'Gastvrouw koffieochtend',
      tasks: 'Koffie schenken, praatje maken',
      place: 'Zwolle',
      places: 2,
      skillIds: [await optionId('skill', 'Koken')],
      learningGoalIds: [await optionId('learning_goal', 'Sociale vaardigheden')],
      interestIds: [await optionId('interest', 'Mensen helpen')],
      demands: ['standing', 'customer_contact'],
      availability: [{ weekday: 3, part: 'morning' }],
    })
    expect(v).toMatchObject({
      partnerName: 'Buurthuis De Linde',
      places: 2,
      taken: 0,
      active: true,
    })
    expect(v.demands).toEqual(['customer_contact', 'standing'])
    expect((await app.call('vacancies.get', { id: v.id })).skills.map((s) => s.name)).toEqual([
      'Koken',
    ])
    expect((await app.call('vacancies.list', { query: 'koffie' })).rows.map((x) => x.id)).toEqual([
      v.id,
    ])
    expect(
      (await app.call('vacancies.list', { place: 'zwolle', partnerId: linde.id })).rows,
    ).toHaveLength(1)
    expect(
      (await app.call('organisations.list', {})).find((h) => h.id === linde.id)?.activeVacancies,
    ).toBe(1)
    const closed = await app.call('vacancies.update', {
      id: v.id,
      partnerId: linde.id,
      title: 'Gastvrouw koffieochtend',
      places: 1,
      demands: ['standing'],
      active: false,
    })
    expect(closed).toMatchObject({ active: false, places: 1, demands: ['standing'], skills: [] })
    expect(await app.call('vacancies.list', {})).toEqual({ rows: [], total: 0 })
    expect(auditRows('vacancy').map((r) => r.action)).toEqual(['create', 'update'])
    expect(auditRows('vacancy')[1].fields.split(',')).toEqual(
      expect.arrayContaining(['places', 'active', 'skills', 'demands', 'availability', 'tasks']),
    )
    // Only a host organisation can offer a place.
    const vb = (await app.call('partners.list', {})).find((p) => p.name === 'Voedselbank')!
    const notHost = await rejection(
      app.call('vacancies.create', { partnerId: vb.id, title: 'X', places: 1 }),
    )
    expect(notHost.fields).toEqual([{ path: 'partnerId', key: 'notAHost' }])
    const zero = await rejection(
      app.call('vacancies.create', { partnerId: linde.id, title: 'X', places: 0 }),
    )
    expect(zero.fields?.[0]).toMatchObject({ path: 'places', key: 'atLeastOne' })
  })
})
