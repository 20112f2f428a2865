import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, rejection, type TestApp } from '../helpers/db'
import type { MethodInput } from '../../src/shared/api'
import type { HalfDay } from '../../src/shared/schemas/volunteers'

/*
 * What outflow does to running placements, placements entered from paper (dated in the past),
 * and the person's status following the facts: through the real router on a real SQLite file.
 */

let app: TestApp
const TUE_AM: HalfDay = { weekday: 2, part: 'morning' }
const THU_AM: HalfDay = { weekday: 4, part: 'morning' }

beforeEach(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
  await app.loginAs('coordinator')
})
afterEach(async () => app.close())

async function setting(): Promise<{ shopId: number; kassaId: number; personId: number }> {
  const host = await app.call('organisations.create', { name: 'Kringloop De Vonst' })
  const shop = await app.call('vacancies.create', {
    partnerId: host.id,
    title: 'Winkelhulp',
    place: 'Zwolle',
    places: 2,
    availability: [TUE_AM],
  })
  const kassa = await app.call('vacancies.create', {
    partnerId: host.id,
    title: 'Kassa',
    place: 'Zwolle',
    places: 1,
    availability: [THU_AM],
  })
  const p = await app.call('people.create', {
    firstName: 'Ana',
    lastName: 'Jansen',
    registeredOn: '2026-01-05',
    intakeOn: '2026-02-01',
    place: 'Zwolle',
    availability: [TUE_AM, THU_AM],
  })
  return { shopId: shop.id, kassaId: kassa.id, personId: p.id }
}

function auditOf(entity: string): { fields: string; detail: string | null }[] {
  return app.open.sqlite
    .prepare(
      `select fields, detail from audit_log where entity_type = ? and action = 'update' order by id`,
    )
    .all(entity) as { fields: string; detail: string | null }[]
}

describe('people.setOutflow and running placements', () => {
  it('ends a placed placement and declines a proposal on the outflow day, frees the place, audited', async () => {
    const w = await setting()
    const placed = (
      await app.call('placements.propose', {
        personId: w.personId,
        vacancyId: w.shopId,
        date: '2026-03-02',
      })
    ).placement
    await app.call('placements.advance', { id: placed.id, to: 'placed', date: '2026-03-10' })
    const proposed = (
      await app.call('placements.propose', {
        personId: w.personId,
        vacancyId: w.kassaId,
        date: '2026-04-01',
      })
    ).placement
    expect((await app.call('vacancies.get', { id: w.shopId })).taken).toBe(1)

    await app.call('people.setOutflow', {
      id: w.personId,
      kind: 'paid_work',
      on: '2026-05-20',
      note: null,
    })

    const after = await app.call('placements.list', { personId: w.personId, scope: 'all' })
    const byId = new Map(after.rows.map((r) => [r.id, r]))
    expect(byId.get(placed.id)).toMatchObject({ step: 'ended', endedOn: '2026-05-20' })
    expect(byId.get(proposed.id)).toMatchObject({ step: 'declined', declinedOn: '2026-05-20' })
    expect(byId.get(placed.id)?.reason).toContain('Uitstroom (betaald werk)')
    // Not on the board, the place is free again, and the month after asks no hours of her.
    const board = await app.call('placements.list', { scope: 'active' })
    expect(board.rows.filter((r) => r.personId === w.personId)).toEqual([])
    expect((await app.call('vacancies.get', { id: w.shopId })).taken).toBe(0)
    const june = await app.call('hours.month', { month: '2026-06' })
    expect(june.rows.filter((r) => r.personId === w.personId)).toEqual([])
    // Each placement change is in the log with its step change.
    const steps = auditOf('placement').filter((a) => a.detail?.includes('stepChanged'))
    expect(steps.some((a) => a.detail?.includes('"toStep":"ended"'))).toBe(true)
    expect(steps.some((a) => a.detail?.includes('"toStep":"declined"'))).toBe(true)
  })

  it('refuses an outflow day before a running step and then changes nothing', async () => {
    const w = await setting()
    const p = (await app.call('placements.propose', { personId: w.personId, vacancyId: w.shopId }))
      .placement
    const err = await rejection(
      app.call('people.setOutflow', {
        id: w.personId,
        kind: 'moved',
        on: '2026-05-01',
        note: null,
      }),
    )
    expect(err.fields).toEqual([
      { path: 'on', key: 'outflowBeforePlacementStep', params: { date: '15-06-2026' } },
    ])
    expect((await app.call('people.get', { id: w.personId })).status).not.toBe('left')
    const list = await app.call('placements.list', { personId: w.personId, scope: 'all' })
    expect(list.rows.find((r) => r.id === p.id)?.step).toBe('proposed')
  })

  it('undoing the outflow does not reopen the placements and puts the status back by the facts', async () => {
    const w = await setting()
    const p = (
      await app.call('placements.propose', {
        personId: w.personId,
        vacancyId: w.shopId,
        date: '2026-03-02',
      })
    ).placement
    await app.call('placements.advance', { id: p.id, to: 'placed', date: '2026-03-09' })
    await app.call('people.setOutflow', {
      id: w.personId,
      kind: 'stopped',
      on: '2026-06-01',
      note: null,
    })
    const back = await app.call('people.setOutflow', {
      id: w.personId,
      kind: null,
      on: null,
      note: null,
    })
    expect(back.status).toBe('intake')
    const list = await app.call('placements.list', { personId: w.personId, scope: 'all' })
    expect(list.rows[0].step).toBe('ended')
  })
})

describe('placements entered from paper', () => {
  it('proposes on a past day and takes each later step on its own past day, then logs its hours', async () => {
    const w = await setting()
    const p = (
      await app.call('placements.propose', {
        personId: w.personId,
        vacancyId: w.shopId,
        date: '2026-05-04',
      })
    ).placement
    expect(p.proposedOn).toBe('2026-05-04')
    await app.call('placements.advance', { id: p.id, to: 'introduction', date: '2026-05-06' })
    const placed = await app.call('placements.advance', {
      id: p.id,
      to: 'placed',
      date: '2026-05-11',
    })
    expect(placed).toMatchObject({ step: 'placed', placedOn: '2026-05-11' })
    const may = await app.call('hours.month', { month: '2026-05' })
    expect(may.rows.some((r) => r.placementId === p.id)).toBe(true)
  })

  it('refuses a proposal before the registration or in the future, with the field named', async () => {
    const w = await setting()
    const early = await rejection(
      app.call('placements.propose', {
        personId: w.personId,
        vacancyId: w.shopId,
        date: '2026-01-02',
      }),
    )
    expect(early.fields).toEqual([
      { path: 'date', key: 'proposedBeforeRegistration', params: { date: '05-01-2026' } },
    ])
    const future = await rejection(
      app.call('placements.propose', {
        personId: w.personId,
        vacancyId: w.shopId,
        date: '2026-06-16',
      }),
    )
    expect(future.fields).toEqual([{ path: 'date', key: 'futureDate' }])
    const list = await app.call('placements.list', { personId: w.personId, scope: 'all' })
    expect(list.total).toBe(0)
  })
})

describe('a person’s status follows the facts', () => {
  it('is "intake" once an intake date is set, "active" once placed, "left" after outflow', async () => {
    const w = await setting()
    const bob = await app.call('people.create', {
      firstName: 'Bob',
      lastName: 'Visser',
      registeredOn: '2026-01-05',
      status: 'registered',
    })
    expect(bob.status).toBe('registered')
    const withIntake = await app.call('people.update', {
      ...(await editable(bob.id)),
      intakeOn: '2026-02-01',
      status: 'registered',
    })
    expect(withIntake.status).toBe('intake')

    const p = (await app.call('placements.propose', { personId: w.personId, vacancyId: w.shopId }))
      .placement
    expect((await app.call('people.get', { id: w.personId })).status).toBe('intake')
    await app.call('placements.advance', { id: p.id, to: 'placed', date: '2026-06-15' })
    expect((await app.call('people.get', { id: w.personId })).status).toBe('active')
    // Searching by status counts her as active now, and not as in intake.
    const active = await app.call('people.search', { query: '', status: 'active' })
    expect(active.rows.map((r) => r.id)).toContain(w.personId)
    const intake = await app.call('people.search', { query: '', status: 'intake' })
    expect(intake.rows.map((r) => r.id)).not.toContain(w.personId)
    // An edit that says "intake" while she is placed does not take her back.
    const edited = await app.call('people.update', {
      ...(await editable(w.personId)),
      status: 'intake',
    })
    expect(edited.status).toBe('active')
    await app.call('people.setOutflow', {
      id: w.personId,
      kind: 'paid_work',
      on: '2026-06-15',
      note: null,
    })
    expect((await app.call('people.get', { id: w.personId })).status).toBe('left')
  })

  it('goes back from "active" when the last placed placement ends, not while another is placed', async () => {
    const w = await setting()
    const place = async (vacancyId: number): Promise<number> => {
      const p = (
        await app.call('placements.propose', {
          personId: w.personId,
          vacancyId,
          date: '2026-03-02',
        })
      ).placement
      await app.call('placements.advance', { id: p.id, to: 'placed', date: '2026-03-09' })
      return p.id
    }
    const shop = await place(w.shopId)
    const kassa = await place(w.kassaId)
    expect((await app.call('people.get', { id: w.personId })).status).toBe('active')
    const statusEntries = (): number =>
      app.open.sqlite
        .prepare(
          `select count(*) as n from audit_log where entity_type = 'person' and action = 'update'
            and fields = 'status' and subject_kind = 'person' and subject_id = ?`,
        )
        .pluck()
        .get(w.personId) as number
    const raised = statusEntries()

    // Still placed at the till: still taking part.
    await app.call('placements.end', { id: shop, date: '2026-05-01', reason: 'Past niet meer' })
    expect((await app.call('people.get', { id: w.personId })).status).toBe('active')
    expect(statusEntries()).toBe(raised)

    // Her last placement ends: back to "in intake" (she had her intake), audited under her.
    await app.call('placements.end', { id: kassa, date: '2026-06-01', reason: 'Gestopt' })
    expect((await app.call('people.get', { id: w.personId })).status).toBe('intake')
    expect(statusEntries()).toBe(raised + 1)
    const active = await app.call('people.search', { query: '', status: 'active' })
    expect(active.rows.map((r) => r.id)).not.toContain(w.personId)

    // Without an intake date the status goes back to "aangemeld".
    const bob = await app.call('people.create', {
      firstName: 'Bob',
      lastName: 'Visser',
      registeredOn: '2026-01-05',
      availability: [TUE_AM],
    })
    const p = (
      await app.call('placements.propose', {
        personId: bob.id,
        vacancyId: w.shopId,
        date: '2026-03-02',
      })
    ).placement
    await app.call('placements.advance', { id: p.id, to: 'placed', date: '2026-03-09' })
    expect((await app.call('people.get', { id: bob.id })).status).toBe('active')
    await app.call('placements.end', { id: p.id, date: '2026-04-01', reason: 'Verhuisd' })
    expect((await app.call('people.get', { id: bob.id })).status).toBe('registered')
  })

  it('keeps a status chosen by hand when a placement that never reached "placed" ends', async () => {
    const w = await setting()
    // The coordinator counts her as taking part already (her own choice, above the facts).
    await app.call('people.update', { ...(await editable(w.personId)), status: 'active' })
    const p = (
      await app.call('placements.propose', {
        personId: w.personId,
        vacancyId: w.shopId,
        date: '2026-03-02',
      })
    ).placement
    await app.call('placements.advance', {
      id: p.id,
      to: 'trial',
      date: '2026-03-09',
      trialEndsOn: '2026-04-09',
    })
    await app.call('placements.end', { id: p.id, date: '2026-04-01', reason: 'Proef mislukt' })
    expect((await app.call('people.get', { id: w.personId })).status).toBe('active')
  })
})

/** A person as `people.update` takes it: the stored values, options as ids. */
async function editable(id: number): Promise<MethodInput<'people.update'>> {
  const p = await app.call('people.get', { id })
  return {
    id,
    firstName: p.firstName,
    lastName: p.lastName,
    registeredOn: p.registeredOn,
    intakeOn: p.intakeOn,
    place: p.place,
    status: p.status === 'left' ? 'active' : p.status,
    availability: p.availability,
  }
}
