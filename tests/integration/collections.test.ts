import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, rejection, type TestApp } from '../helpers/db'
import { downloadedText } from '../helpers/downloads'
import { addHousehold, snapshot } from '../helpers/fixtures'
import type { SubjectReport } from '../../src/main/domains/subjects/types'
import { reapplyErasures } from '../../src/main/domains/retention/erasures'

let app: TestApp
beforeEach(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
})
afterEach(async () => app.close())

const sql = (q: string, ...params: unknown[]): void => {
  app.open.sqlite.prepare(q).run(...params)
}
const auditOf = (entityType: string): Record<string, unknown>[] =>
  app.open.sqlite
    .prepare(
      `select user_name, action, entity_id, household_id, fields from audit_log
       where entity_type = ? order by id`,
    )
    .all(entityType) as Record<string, unknown>[]

async function spring(caller = app.admin): Promise<number> {
  const c = await app.call(
    'collections.create',
    { name: 'Voorjaar 2026', season: 'spring', arrivesOn: '2026-06-01' },
    caller,
  )
  // Entered in the app on the first of the month, so families told since then can be recorded.
  sql("update collection set created_at = '2026-06-01T08:00:00.000Z' where id = ?", c.id)
  return c.id
}

async function partner(name = 'Kringloop De Cirkel'): Promise<number> {
  const p = await app.call('partners.create', { name, kind: 'partner_project' })
  return p.id
}

describe('collections: made, changed, listed', () => {
  it('a coordinator makes and corrects a collection; each change is logged', async () => {
    const coordinator = await app.loginAs('coordinator', 'carla')
    const made = await app.call(
      'collections.create',
      { name: '  Zomer 2026 ', season: 'summer', arrivesOn: '2026-07-01' },
      coordinator,
    )
    expect(made).toMatchObject({
      name: 'Zomer 2026',
      season: 'summer',
      arrivesOn: '2026-07-01',
      leftOn: null,
      leftTo: null,
      state: 'coming',
      toldCount: 0,
    })
    const changed = await app.call(
      'collections.update',
      { id: made.id, name: 'Zomer 2026', season: 'summer', arrivesOn: '2026-06-10' },
      coordinator,
    )
    expect(changed.state).toBe('current')
    // The same again changes nothing and logs nothing.
    await app.call(
      'collections.update',
      { id: made.id, name: 'Zomer 2026', season: 'summer', arrivesOn: '2026-06-10' },
      coordinator,
    )
    expect(auditOf('collection')).toEqual([
      {
        user_name: 'carla',
        action: 'create',
        entity_id: String(made.id),
        household_id: null,
        fields: 'name,season,arrivesOn',
      },
      {
        user_name: 'carla',
        action: 'update',
        entity_id: String(made.id),
        household_id: null,
        fields: 'arrivesOn',
      },
    ])
    const list = await app.call('collections.list', {}, coordinator)
    expect(list.map((c) => c.name)).toEqual(['Zomer 2026'])
  })

  it('lists coming and current collections first, newest first, then those that left', async () => {
    const old = (
      await app.call('collections.create', {
        name: 'Winter',
        season: 'winter',
        arrivesOn: '2025-11-01',
      })
    ).id
    await app.call('collections.leave', { id: old, date: '2026-03-01' })
    await spring()
    await app.call('collections.create', {
      name: 'Najaar',
      season: 'autumn',
      arrivesOn: '2026-09-01',
    })
    const list = await app.call('collections.list', {})
    expect(list.map((c) => [c.name, c.state])).toEqual([
      ['Najaar', 'coming'],
      ['Voorjaar 2026', 'current'],
      ['Winter', 'left'],
    ])
  })

  it('refuses bad input at the field, writing nothing', async () => {
    const id = await spring()
    const before = snapshot(app)
    const cases: [Promise<unknown>, string, string][] = [
      [
        app.call('collections.create', { name: ' ', season: 'spring', arrivesOn: '2026-06-01' }),
        'name',
        'required',
      ],
      [
        app.call('collections.create', {
          name: 'X',
          season: 'monsoon' as 'spring',
          arrivesOn: '2026-06-01',
        }),
        'season',
        'invalidOption',
      ],
      [
        app.call('collections.create', { name: 'X', season: 'spring', arrivesOn: '2026-02-30' }),
        'arrivesOn',
        'date',
      ],
      [
        app.call('collections.create', { name: 'X', season: 'spring', arrivesOn: '1999-12-31' }),
        'arrivesOn',
        'dateTooEarly',
      ],
      [
        app.call('collections.create', { name: 'X', season: 'spring', arrivesOn: '2027-07-01' }),
        'arrivesOn',
        'arrivesTooFar',
      ],
      [
        app.call('collections.update', {
          id,
          name: 'X',
          season: 'spring',
          arrivesOn: '1026-06-01',
        }),
        'arrivesOn',
        'date',
      ],
    ]
    for (const [p, path, key] of cases) {
      const e = await rejection(p)
      expect(e.code).toBe('VALIDATION')
      expect(e.fields).toContainEqual(expect.objectContaining({ path, key }))
    }
    const ghost = await rejection(
      app.call('collections.update', {
        id: 999,
        name: 'X',
        season: 'spring',
        arrivesOn: '2026-06-01',
      }),
    )
    expect(ghost.code).toBe('NOT_FOUND')
    expect(snapshot(app)).toBe(before)
  })

  it('is staff work: a volunteer is refused every method', async () => {
    const id = await spring()
    const h = await addHousehold(app, 'Fam. Vrij')
    const volunteer = await app.loginAs('volunteer')
    const before = snapshot(app)
    const calls: Promise<unknown>[] = [
      app.call('collections.list', {}, volunteer),
      app.call(
        'collections.create',
        { name: 'X', season: 'spring', arrivesOn: '2026-06-01' },
        volunteer,
      ),
      app.call(
        'collections.update',
        { id, name: 'X', season: 'spring', arrivesOn: '2026-06-01' },
        volunteer,
      ),
      app.call('collections.callList', { id }, volunteer),
      app.call(
        'collections.markTold',
        { id, householdId: h, how: 'phone', date: '2026-06-15' },
        volunteer,
      ),
      app.call('collections.leave', { id, date: '2026-06-15' }, volunteer),
    ]
    for (const p of calls) expect((await rejection(p)).code).toBe('FORBIDDEN')
    // Volunteer logins write their own entries; the collections' data is untouched.
    expect(JSON.parse(snapshot(app)).filter(([t]: [string]) => t.startsWith('collection'))).toEqual(
      JSON.parse(before).filter(([t]: [string]) => t.startsWith('collection')),
    )
  })
})

describe('collections: the call list and who was told', () => {
  it('lists exactly the families that may be invited today, and keeps those told', async () => {
    const id = await spring()
    const anna = await addHousehold(app, 'Anna Actief', { district: 'Noord', phone: '06-11111111' })
    const bert = await addHousehold(app, 'Bert Buiten', { district: 'Zuid', email: null })
    const cor = await addHousehold(app, 'Cor Inactief')
    const dirk = await addHousehold(app, 'Dirk Verlopen')
    const els = await addHousehold(app, 'Els Anoniem')
    const fenna = await addHousehold(app, 'Fenna Vandaag')
    const gijs = await addHousehold(app, 'Gijs Verteld')
    // A hand-made fixture: each household on one side of one rule.
    sql("update household set status = 'inactive' where id = ?", cor)
    sql("update household set eligible_until = '2026-06-14' where id = ?", dirk)
    sql("update household set eligible_until = '2026-06-15' where id = ?", fenna)
    sql('update household set eligible_until = null where id = ?', bert)
    await app.call('retention.anonymise', { id: els })
    await app.call('collections.markTold', {
      id,
      householdId: gijs,
      how: 'letter',
      date: '2026-06-12',
    })
    // Told while on the list; its right runs out afterwards: it stays on, as told.
    sql("update household set eligible_until = '2026-06-01' where id = ?", gijs)

    const all = await app.call('collections.callList', { id })
    expect(all.entries.map((e) => e.contactName)).toEqual([
      'Anna Actief',
      'Fenna Vandaag',
      'Gijs Verteld',
    ])
    expect(all.counts).toEqual({ total: 3, told: 1 })
    expect(all.entries[0]).toEqual({
      householdId: anna,
      reference: expect.stringMatching(/^H-/),
      contactName: 'Anna Actief',
      phone: '06-11111111',
      email: 'sanne@example.nl',
      district: 'Noord',
      notice: null,
    })
    expect(all.entries[2].notice).toEqual({ date: '2026-06-12', how: 'letter', by: 'Bea Beheer' })

    const told = await app.call('collections.callList', { id, told: 'told' })
    expect(told.entries.map((e) => e.householdId)).toEqual([gijs])
    expect(told.counts).toEqual({ total: 3, told: 1 })
    const notTold = await app.call('collections.callList', { id, told: 'notTold' })
    expect(notTold.entries.map((e) => e.householdId)).toEqual([anna, fenna])
    // One district (typed in another case): the counts are that district's.
    const noord = await app.call('collections.callList', { id, district: 'noord' })
    expect(noord.entries.map((e) => e.householdId)).toEqual([anna])
    expect(noord.counts).toEqual({ total: 1, told: 0 })
    // Bert has no right recorded; Cor is inactive; Dirk's right ended yesterday.
    for (const h of [bert, cor, dirk]) {
      const e = await rejection(
        app.call('collections.markTold', { id, householdId: h, how: 'phone', date: '2026-06-15' }),
      )
      expect(e).toMatchObject({ code: 'CONFLICT', key: 'notOnCollectionList' })
    }
    const e = await rejection(
      app.call('collections.markTold', { id, householdId: els, how: 'phone', date: '2026-06-15' }),
    )
    expect(e).toMatchObject({ code: 'CONFLICT', key: 'householdAnonymised' })
    // The list says which collection it is.
    expect(all.collection).toMatchObject({ id, name: 'Voorjaar 2026', toldCount: 1 })
  })

  it('records who told the family, how and when; telling again replaces it, logged under the household', async () => {
    const id = await spring()
    const h = await addHousehold(app, 'Anna Actief')
    const coordinator = await app.loginAs('coordinator', 'carla')
    const first = await app.call(
      'collections.markTold',
      { id, householdId: h, how: 'phone', date: '2026-06-14' },
      coordinator,
    )
    expect(first).toMatchObject({
      householdId: h,
      how: 'phone',
      date: '2026-06-14',
      by: 'Test coordinator',
    })
    const again = await app.call('collections.markTold', {
      id,
      householdId: h,
      how: 'in_person',
      date: '2026-06-15',
    })
    expect(again.id).toBe(first.id)
    // The very same again (day, way and person) changes nothing and logs nothing.
    await app.call('collections.markTold', {
      id,
      householdId: h,
      how: 'in_person',
      date: '2026-06-15',
    })
    const list = await app.call('collections.callList', { id })
    expect(list.entries[0].notice).toEqual({
      date: '2026-06-15',
      how: 'in_person',
      by: 'Bea Beheer',
    })
    expect(list.counts).toEqual({ total: 1, told: 1 })
    expect(auditOf('collectionNotice')).toEqual([
      {
        user_name: 'carla',
        action: 'create',
        entity_id: String(first.id),
        household_id: h,
        fields: 'collectionId,date,how,by',
      },
      {
        user_name: 'beheerder',
        action: 'update',
        entity_id: String(first.id),
        household_id: h,
        fields: 'date,how,by',
      },
    ])
    // The household is the entries' subject: the audit screen's household filter finds them.
    const page = await app.call('audit.list', { household: String(h), page: 1, pageSize: 50 })
    expect(page.rows.filter((e) => e.entityType === 'collectionNotice')).toHaveLength(2)
  })

  it('refuses a day in the future or before the collection was entered, at the field', async () => {
    const id = await spring()
    sql("update collection set created_at = '2026-06-10T08:00:00.000Z' where id = ?", id)
    const h = await addHousehold(app, 'Anna Actief')
    const before = snapshot(app)
    for (const [date, key] of [
      ['2026-06-16', 'futureDate'],
      ['2026-06-09', 'toldBeforeCollection'],
    ]) {
      const e = await rejection(
        app.call('collections.markTold', { id, householdId: h, how: 'email', date }),
      )
      expect(e.code).toBe('VALIDATION')
      expect(e.fields).toEqual([expect.objectContaining({ path: 'date', key })])
    }
    const e = await rejection(
      app.call('collections.markTold', {
        id,
        householdId: h,
        how: 'pigeon' as 'email',
        date: '2026-06-15',
      }),
    )
    expect(e.fields).toEqual([expect.objectContaining({ path: 'how', key: 'invalidOption' })])
    for (const [input, code] of [
      [{ id: 999, householdId: h }, 'NOT_FOUND'],
      [{ id, householdId: 999 }, 'NOT_FOUND'],
    ] as const) {
      const r = await rejection(
        app.call('collections.markTold', { ...input, how: 'email', date: '2026-06-15' }),
      )
      expect(r.code).toBe(code)
    }
    expect(snapshot(app)).toBe(before)
    // The day it was entered is fine.
    await app.call('collections.markTold', { id, householdId: h, how: 'email', date: '2026-06-10' })
  })
})

describe('collections: leaving', () => {
  it('records the day and the partner project; then nobody can be told of it, nor can it leave again', async () => {
    const id = await spring()
    const h = await addHousehold(app, 'Anna Actief')
    const other = await addHousehold(app, 'Bert Later')
    await app.call('collections.markTold', { id, householdId: h, how: 'phone', date: '2026-06-15' })
    const project = await partner()
    const coordinator = await app.loginAs('coordinator', 'carla')
    const left = await app.call(
      'collections.leave',
      { id, date: '2026-06-15', partnerId: project, note: ' Drie dozen ' },
      coordinator,
    )
    expect(left).toMatchObject({
      state: 'left',
      leftOn: '2026-06-15',
      leftTo: { id: project, name: 'Kringloop De Cirkel' },
      leftNote: 'Drie dozen',
      toldCount: 1,
    })
    expect(auditOf('collection').at(-1)).toEqual({
      user_name: 'carla',
      action: 'update',
      entity_id: String(id),
      household_id: null,
      fields: 'leftOn,leftToPartnerId,leftNote',
    })
    const before = snapshot(app)
    for (const householdId of [other, h]) {
      const e = await rejection(
        app.call('collections.markTold', { id, householdId, how: 'phone', date: '2026-06-15' }),
      )
      expect(e).toMatchObject({ code: 'CONFLICT', key: 'collectionLeft' })
    }
    // Its arrival can still be put right, not past the day it left.
    const late = await rejection(
      app.call('collections.update', {
        id,
        name: 'Voorjaar',
        season: 'spring',
        arrivesOn: '2026-06-16',
      }),
    )
    expect(late.fields).toEqual([
      expect.objectContaining({ path: 'arrivesOn', key: 'arrivesAfterLeft' }),
    ])
    expect(snapshot(app)).toBe(before)
    // The call list of a collection that left still shows who was told.
    const list = await app.call('collections.callList', { id, told: 'told' })
    expect(list.entries.map((e) => e.householdId)).toEqual([h])
  })

  it('lets staff put a departure right (day, partner, note), logged as a change of those fields only', async () => {
    const id = await spring()
    const h = await addHousehold(app, 'Anna Actief')
    const project = await partner()
    await app.call('collections.leave', {
      id,
      date: '2026-06-15',
      partnerId: project,
      note: 'Drie',
    })
    const coordinator = await app.loginAs('coordinator', 'carla')
    const fixed = await app.call(
      'collections.leave',
      { id, date: '2026-06-10', partnerId: null, note: 'Naar de kerk' },
      coordinator,
    )
    expect(fixed).toMatchObject({
      state: 'left',
      leftOn: '2026-06-10',
      leftTo: null,
      leftNote: 'Naar de kerk',
    })
    expect(auditOf('collection').at(-1)).toEqual({
      user_name: 'carla',
      action: 'update',
      entity_id: String(id),
      household_id: null,
      fields: 'leftOn,leftToPartnerId,leftNote',
    })
    // Only the note differs: only the note is logged.
    await app.call('collections.leave', { id, date: '2026-06-10', note: 'Naar de moskee' })
    expect(auditOf('collection').at(-1)?.fields).toBe('leftNote')
    const volunteer = await app.loginAs('volunteer')
    const before = snapshot(app)
    // The same checks as a first departure, and nothing changes on a refusal.
    const early = await rejection(app.call('collections.leave', { id, date: '2026-05-31' }))
    expect(early.fields).toContainEqual(
      expect.objectContaining({ path: 'date', key: 'leftBeforeArrival' }),
    )
    // Telling families about it stays refused after a correction.
    const told = await rejection(
      app.call('collections.markTold', { id, householdId: h, how: 'phone', date: '2026-06-15' }),
    )
    expect(told).toMatchObject({ code: 'CONFLICT', key: 'collectionLeft' })
    // Still staff work.
    const refused = await rejection(
      app.call('collections.leave', { id, date: '2026-06-12' }, volunteer),
    )
    expect(refused.code).toBe('FORBIDDEN')
    expect(snapshot(app)).toBe(before)
  })

  it('may leave without a partner; refuses a future day, a day before it came and an unknown partner', async () => {
    const id = await spring()
    const retired = await app.call('partners.create', {
      name: 'Oud project',
      kind: 'partner_project',
    })
    await app.call('partners.update', { ...retired, active: false })
    const before = snapshot(app)
    for (const [input, path, key] of [
      [{ date: '2026-06-15', partnerId: retired.id }, 'partnerId', 'partnerUnknown'],
      [{ date: '2026-06-16' }, 'date', 'futureDate'],
      [{ date: '2026-05-31' }, 'date', 'leftBeforeArrival'],
      [{ date: '2026-06-15', partnerId: 999 }, 'partnerId', 'partnerUnknown'],
      [{ date: '2026-06-15', note: 'x'.repeat(501) }, 'note', 'tooLong'],
    ] as const) {
      const e = await rejection(app.call('collections.leave', { id, ...input }))
      expect(e.code).toBe('VALIDATION')
      expect(e.fields).toContainEqual(expect.objectContaining({ path, key }))
    }
    expect(snapshot(app)).toBe(before)
    const left = await app.call('collections.leave', {
      id,
      date: '2026-06-01',
      note: 'Naar de kerk',
    })
    expect(left).toMatchObject({ leftOn: '2026-06-01', leftTo: null, leftNote: 'Naar de kerk' })
    expect(auditOf('collection').at(-1)?.fields).toBe('leftOn,leftNote')
  })
})

describe('collections: the family as data subject (AVG)', () => {
  const notices = (householdId: number): number =>
    (
      app.open.sqlite
        .prepare('select count(*) as n from collection_notice where household_id = ?')
        .get(householdId) as { n: number }
    ).n

  it('shows the notices in the subject access export, and erases them with the household', async () => {
    const id = await spring()
    const anna = await addHousehold(app, 'Anna Actief')
    const bert = await addHousehold(app, 'Bert Weg')
    await app.call('collections.markTold', {
      id,
      householdId: anna,
      how: 'text_message',
      date: '2026-06-11',
    })
    await app.call('collections.markTold', {
      id,
      householdId: bert,
      how: 'phone',
      date: '2026-06-11',
    })

    const file = await app.call('subjects.export', { kind: 'household', id: anna, format: 'json' })
    const report = JSON.parse(await downloadedText(app, file)) as SubjectReport
    const part = report.parts.find((p) => p.key === 'collectionNotices')
    expect(part?.title).toBe('Verteld over een nieuwe collectie')
    expect(part?.tables[0].rows).toEqual([
      {
        collection: 'Voorjaar 2026',
        date: '2026-06-11',
        how: 'Sms / app-bericht',
        by: 'Bea Beheer',
        createdAt: '2026-06-15T10:00:00.000Z',
      },
    ])

    await app.call('retention.anonymise', { id: anna })
    expect(notices(anna)).toBe(0)
    await app.call('retention.delete', { id: bert })
    expect(notices(bert)).toBe(0)
    const list = await app.call('collections.callList', { id })
    expect(list.counts).toEqual({ total: 0, told: 0 })
    expect(list.collection.toldCount).toBe(0)
  })

  it('removes them again when an erasure is re-applied after a restore', async () => {
    const id = await spring()
    const anna = await addHousehold(app, 'Anna Terug')
    await app.call('collections.markTold', {
      id,
      householdId: anna,
      how: 'phone',
      date: '2026-06-12',
    })
    // As a backup from before the erasure brings them back: the log's erasure is applied again.
    const now = app.clock.now()
    expect(
      await reapplyErasures(
        app.open.db,
        [{ at: now.toISOString(), action: 'anonymise', kind: 'household', id: anna }],
        now,
      ),
    ).toBe(1)
    expect(notices(anna)).toBe(0)
  })
})
