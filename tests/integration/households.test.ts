import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, rejection, type TestApp } from '../helpers/db'
import { householdInput, listIds, snapshot, partnerIds } from '../helpers/fixtures'

let app: TestApp
beforeEach(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
})
afterEach(async () => app.close())

describe('households', () => {
  it('creates a household with members, a reference and a derived eligibility date', async () => {
    const created = await app.call('households.create', householdInput({ postcode: '3811hz' }))
    expect(created.reference).toBe('H-00001')
    const { household, eligibilityExpired } = await app.call('households.get', { id: created.id })
    expect(household.postcode).toBe('3811 HZ')
    expect(household.eligibleUntil).toBe('2027-03-01') // proof 01-03-2026 + 12 months
    expect(household.members.map((m) => m.firstName)).toEqual(['Sanne', 'Noah', 'Lotte'])
    expect(eligibilityExpired).toBe(false)
  })

  it('uses the eligibility term from the settings', async () => {
    await app.call('settings.update', { eligibilityMonths: 6 })
    const { id } = await app.call('households.create', householdInput())
    const { household } = await app.call('households.get', { id })
    expect(household.eligibleUntil).toBe('2026-09-01')
  })

  it('warns about a likely duplicate by postcode and similar name, and by phone', async () => {
    await app.call('households.create', householdInput())
    const before = snapshot(app)
    const byName = await rejection(
      app.call('households.create', householdInput({ contactName: 'S. de Vries', phone: null })),
    )
    expect(byName.code).toBe('CONFLICT')
    expect(byName.key).toBe('duplicates')
    expect(byName.details).toMatchObject([{ reference: 'H-00001', reason: 'postcodeAndName' }])
    const byPhone = await rejection(
      app.call(
        'households.create',
        householdInput({
          contactName: 'Mohamed Bouzid',
          postcode: '1011 AB',
          phone: '+31 6 1234 5678',
        }),
      ),
    )
    expect(byPhone.details).toMatchObject([{ reason: 'phone' }])
    expect(snapshot(app)).toBe(before)

    const dupes = await app.call('households.duplicates', {
      contactName: 'Sanne de Vries',
      postcode: '3811HZ',
    })
    expect(dupes).toHaveLength(1)
    const forced = await app.call(
      'households.create',
      householdInput({ contactName: 'S. de Vries', confirmDuplicate: true }),
    )
    expect(forced.reference).toBe('H-00002')
  })

  it('does not call a different family at the same address a duplicate', async () => {
    await app.call('households.create', householdInput())
    const other = await app.call(
      'households.create',
      householdInput({ contactName: 'Mohamed Bouzid', phone: '06-87654321' }),
    )
    expect(other.id).toBe(2)
  })

  it('refuses future consent and proof dates and birth years at the field', async () => {
    const err = await rejection(
      app.call(
        'households.create',
        householdInput({
          consentDate: '2026-07-01',
          proofSeenOn: '2026-06-16',
          members: [{ birthYear: 2027, gender: 'm' }],
        }),
      ),
    )
    expect(err.code).toBe('VALIDATION')
    expect(err.fields?.map((f) => f.path).sort()).toEqual([
      'consentDate',
      'members.0.birthYear',
      'proofSeenOn',
    ])
  })

  it('updates fields and members: keeps, changes, adds and removes', async () => {
    const { id } = await app.call('households.create', householdInput())
    const { household } = await app.call('households.get', { id })
    const [mother, noah] = household.members
    await app.call('households.update', {
      id,
      ...householdInput({ phone: '06-11112222', status: 'inactive' }),
      members: [
        { id: mother.id, firstName: 'Sanne', birthYear: 1988, gender: 'f' },
        { id: noah.id, firstName: 'Noah', birthYear: 2016, gender: 'm', clothingSize: '134' },
        { firstName: 'Mila', birthYear: 2025, gender: 'f', clothingSize: '68' },
      ],
    })
    const after = (await app.call('households.get', { id })).household
    expect(after.phone).toBe('06-11112222')
    expect(after.status).toBe('inactive')
    expect(after.members.map((m) => [m.firstName, m.clothingSize])).toEqual([
      ['Sanne', null],
      ['Noah', '134'],
      ['Mila', '68'],
    ])
    expect(after.members[1].id).toBe(noah.id)
  })

  it("refuses another household's member id", async () => {
    const a = await app.call('households.create', householdInput())
    const b = await app.call(
      'households.create',
      householdInput({ contactName: 'Kees Bakker', postcode: '1011 AB', phone: null }),
    )
    const foreign = (await app.call('households.get', { id: a.id })).household.members[0]
    const err = await rejection(
      app.call('households.update', {
        id: b.id,
        ...householdInput({ contactName: 'Kees Bakker', postcode: '1011 AB', phone: null }),
        members: [{ id: foreign.id, birthYear: 1990, gender: 'm' }],
      }),
    )
    expect(err.fields?.[0].path).toBe('members.0.id')
  })

  it('saves a new family and its first intake together, or neither', async () => {
    const [topic] = await listIds(app, 'topic')
    const [destination] = await partnerIds(app)
    const intake = {
      date: '2026-06-15',
      doneBy: 'Anja',
      topicIds: [topic],
      referrals: [{ destinationId: destination }],
    }
    const before = snapshot(app)
    const err = await rejection(
      app.call('households.create', householdInput({ intake: { ...intake, topicIds: [999] } })),
    )
    expect(err.fields).toEqual([{ path: 'intake.topicIds.0', key: 'unknownOption' }])
    const future = await rejection(
      app.call('households.create', householdInput({ intake: { ...intake, date: '2026-06-16' } })),
    )
    expect(future.fields).toEqual([{ path: 'intake.date', key: 'futureDate' }])
    expect(snapshot(app)).toBe(before)
    const { id } = await app.call('households.create', householdInput({ intake }))
    const detail = await app.call('households.get', { id })
    expect(detail.intakes).toHaveLength(1)
    expect(detail.intakes?.[0].referrals[0].destination.name).toBe('Schuldhulpverlening')
  })

  it('renews eligibility when a newer proof of income is recorded', async () => {
    const { id } = await app.call(
      'households.create',
      householdInput({ proofSeenOn: '2025-05-01' }),
    )
    const { household } = await app.call('households.get', { id })
    expect(household.eligibleUntil).toBe('2026-05-01')
    // The edit form sends the stored end date back unchanged, with the new proof date.
    await app.call('households.update', {
      id,
      ...householdInput({ proofSeenOn: '2026-06-10', eligibleUntil: household.eligibleUntil }),
      members: [],
    })
    expect((await app.call('households.get', { id })).household.eligibleUntil).toBe('2027-06-10')
    // An end date set by hand wins.
    await app.call('households.update', {
      id,
      ...householdInput({ proofSeenOn: '2026-06-12', eligibleUntil: '2026-12-31' }),
      members: [],
    })
    expect((await app.call('households.get', { id })).household.eligibleUntil).toBe('2026-12-31')
  })

  it('sees "+31 (0)6" and "06" as the same phone number for duplicates', async () => {
    await app.call('households.create', householdInput({ phone: '+31 (0)6 12345678' }))
    const dupes = await app.call('households.duplicates', {
      contactName: 'Iemand Anders',
      phone: '06-12345678',
    })
    expect(dupes.map((d) => d.reason)).toEqual(['phone'])
  })

  it('finds households by name, postcode, phone and reference', async () => {
    await app.call('households.create', householdInput({ contactName: 'Fatima el Amrani' }))
    await app.call(
      'households.create',
      householdInput({ contactName: 'Jan Özdemir', postcode: '1011 AB', phone: '020-7654321' }),
    )
    const names = async (query: string): Promise<string[]> =>
      (await app.call('households.search', { query })).rows.map((r) => r.contactName)
    expect(await names('amra')).toEqual(['Fatima el Amrani'])
    expect(await names('ozdem')).toEqual(['Jan Özdemir'])
    expect(await names('1011')).toEqual(['Jan Özdemir'])
    expect(await names('1011ab')).toEqual(['Jan Özdemir'])
    expect(await names('0207654321')).toEqual(['Jan Özdemir'])
    expect(await names('H-00001')).toEqual(['Fatima el Amrani'])
    expect(await names('2')).toEqual(['Jan Özdemir'])
    expect(await names('%')).toEqual([])
    const all = await app.call('households.search', { query: '', limit: 1 })
    expect(all.total).toBe(2)
    expect(all.rows).toHaveLength(1)
    expect(all.rows[0].childCount).toBe(2)
  })
})

describe('districts', () => {
  it('lists the districts in use once each, sorted, without empty ones', async () => {
    await app.call('households.create', householdInput({ district: 'Noord' }))
    await app.call(
      'households.create',
      householdInput({
        contactName: 'Kees Bakker',
        postcode: '1011 AB',
        phone: null,
        district: 'Binnenstad',
      }),
    )
    await app.call(
      'households.create',
      householdInput({
        contactName: 'Piet Smit',
        postcode: '1012 AB',
        phone: null,
        district: 'Noord',
      }),
    )
    await app.call(
      'households.create',
      householdInput({ contactName: 'Ria Bos', postcode: '1013 AB', phone: null, district: '' }),
    )
    expect(await app.call('households.districts', {})).toEqual(['Binnenstad', 'Noord'])
  })
})

describe('intakes and managed lists', () => {
  it('stores topics and referrals and refuses a future intake', async () => {
    const { id } = await app.call('households.create', householdInput())
    const [opvoeding, werk] = await listIds(app, 'topic')
    const [schuldhulp] = await partnerIds(app)
    const intake = await app.call('intakes.create', {
      householdId: id,
      date: '2026-06-01',
      doneBy: 'Anja',
      topicIds: [opvoeding, werk, werk],
      referrals: [{ destinationId: schuldhulp, note: 'afspraak gemaakt' }],
      notes: 'Veel schulden',
    })
    expect(intake.topics.map((t) => t.name)).toEqual(['Opvoeding', 'Werk en bijstand'])
    expect(intake.referrals[0]).toMatchObject({
      destination: { name: 'Schuldhulpverlening' },
      note: 'afspraak gemaakt',
    })
    const err = await rejection(
      app.call('intakes.create', {
        householdId: id,
        date: '2026-06-16',
        doneBy: 'Anja',
        topicIds: [],
        referrals: [],
      }),
    )
    expect(err.fields).toEqual([{ path: 'date', key: 'futureDate' }])
  })

  it('adds, renames and deactivates list items; names stay unique per list', async () => {
    const item = await app.call('lists.create', { kind: 'category', name: 'Kledingbank' })
    expect((await app.call('lists.list', { kind: 'category' })).map((i) => i.name)).toContain(
      'Kledingbank',
    )
    const dup = await rejection(app.call('lists.create', { kind: 'category', name: 'Speelgoed' }))
    expect(dup.code).toBe('CONFLICT')
    expect(dup.fields?.[0].path).toBe('name')
    await app.call('lists.update', { id: item.id, name: 'Kledingbank Noord', active: false })
    expect((await app.call('lists.list', { kind: 'category' })).map((i) => i.name)).not.toContain(
      'Kledingbank Noord',
    )
    const all = await app.call('lists.list', { kind: 'category', includeInactive: true })
    expect(all.find((i) => i.id === item.id)).toMatchObject({
      name: 'Kledingbank Noord',
      active: false,
    })
  })
})
