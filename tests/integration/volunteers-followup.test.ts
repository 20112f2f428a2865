import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Caller } from '../../src/main/domains/accounts/auth'
import { createTestApp, rejection, type TestApp } from '../helpers/db'

/*
 * Follow-up after matching, through the real router on a real database: hours per month and
 * the month grid, ZRM measurements and their settings, the trajectory plan, the contact log and
 * the dashboard. Today is Wednesday 2026-07-15. People and placements are written straight into
 * the tables (their own services are tested elsewhere); everything here goes through the API.
 */

let app: TestApp
let coordinator: Caller
let volunteer: Caller
let anna: number
let bram: number
let gone: number
let waiting: number
let annaPlacement: number
let bramPlacement: number
let trial: number
const NOW = '2026-07-15T10:00:00.000Z'

async function person(
  ref: string,
  first: string,
  registeredOn: string,
  extra: Record<string, unknown> = {},
): Promise<number> {
  const { id } = await app.open.db
    .insertInto('person')
    .values({
      reference: ref,
      firstName: first,
      lastName: 'Jansen',
      searchName: `${first.toLowerCase()} jansen`,
      registeredOn,
      district: 'Noord',
      createdAt: NOW,
      updatedAt: NOW,
      ...extra,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

async function count(
  table: 'volunteerHours' | 'measurement' | 'planGoal' | 'personContact' | 'auditLog',
): Promise<number> {
  const r = await app.open.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

beforeAll(async () => {
  app = await createTestApp(NOW)
  coordinator = await app.loginAs('coordinator', 'coco')
  volunteer = await app.loginAs('volunteer', 'vera')
  const db = app.open.db
  const host = await db
    .insertInto('partner')
    .values({
      name: 'Buurthuis',
      searchName: 'buurthuis',
      kind: 'other',
      active: 1,
      createdAt: NOW,
      updatedAt: NOW,
      isHost: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const vacancy = await db
    .insertInto('vacancy')
    .values({
      partnerId: host.id,
      title: 'Gastvrouw',
      searchTitle: 'gastvrouw',
      places: 3,
      active: 1,
      createdAt: NOW,
      updatedAt: NOW,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  anna = await person('D-00001', 'Anna', '2026-01-05', { intakeOn: '2026-01-20', status: 'active' })
  bram = await person('D-00002', 'Bram', '2026-02-01', {
    intakeOn: '2026-02-10',
    status: 'active',
    district: 'Zuid',
  })
  gone = await person('D-00003', 'Gijs', '2025-01-01', {
    anonymisedAt: NOW,
    firstName: 'Geanonimiseerd',
  })
  waiting = await person('D-00004', 'Wim', '2026-03-01')
  await person('D-00005', 'Wendy', '2026-05-01')
  const placement = async (personId: number, v: Record<string, unknown>): Promise<number> =>
    (
      await db
        .insertInto('placement')
        .values({
          personId,
          vacancyId: vacancy.id,
          step: 'placed',
          proposedOn: '2026-01-21',
          createdAt: NOW,
          updatedAt: NOW,
          ...v,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  annaPlacement = await placement(anna, { trialOn: '2026-02-01', placedOn: '2026-03-01' })
  bramPlacement = await placement(bram, {
    step: 'ended',
    placedOn: '2026-03-01',
    endedOn: '2026-05-10',
  })
  trial = await placement(waiting, {
    step: 'trial',
    trialOn: '2026-07-01',
    trialEndsOn: '2026-07-28',
  })
})

afterAll(async () => {
  await app.close()
})

describe('hours', () => {
  it('logs the month grid in one call and shows it back per placement', async () => {
    const r = await app.call(
      'hours.log',
      {
        entries: [
          { personId: anna, placementId: annaPlacement, month: '2026-05', hours: 12.5 },
          { personId: bram, placementId: bramPlacement, month: '2026-05', hours: 4 },
          { personId: anna, placementId: null, month: '2026-05', hours: 2 },
        ],
      },
      coordinator,
    )
    expect(r).toEqual({ saved: 3, removed: 0 })
    const grid = await app.call('hours.month', { month: '2026-05' }, coordinator)
    expect(grid.rows.map((x) => [x.name, x.placementId, x.hours])).toEqual([
      ['Anna Jansen', null, 2],
      ['Anna Jansen', annaPlacement, 12.5],
      ['Bram Jansen', bramPlacement, 4],
    ])
    expect(grid.total).toBe(18.5)
    expect(grid.missing).toBe(0)
    expect(grid.past).toBe(true)
  })

  it('lists every placement running in a month, with nothing logged yet', async () => {
    // June: Anna's placement runs; Bram's ended on 10 May; the trial starts in July.
    const june = await app.call('hours.month', { month: '2026-06' }, coordinator)
    expect(june.rows.map((x) => [x.personId, x.placementId, x.hours])).toEqual([
      [anna, annaPlacement, null],
    ])
    expect(june.missing).toBe(1)
    const july = await app.call('hours.month', { month: '2026-07' }, coordinator)
    expect(july.rows.map((x) => x.placementId)).toEqual([annaPlacement, trial])
    expect(july.past).toBe(false)
    const zuid = await app.call('hours.month', { month: '2026-05', district: 'ZUID' }, coordinator)
    expect(zuid.rows.map((x) => x.personId)).toEqual([bram])
  })

  it('changes and removes logged hours, each change audited under the person', async () => {
    const before = await count('auditLog')
    const r = await app.call(
      'hours.log',
      {
        entries: [
          { personId: anna, placementId: annaPlacement, month: '2026-05', hours: 13 },
          { personId: anna, placementId: null, month: '2026-05', hours: null },
          // The same hours again: nothing changes, nothing is logged.
          { personId: bram, placementId: bramPlacement, month: '2026-05', hours: 4 },
        ],
      },
      coordinator,
    )
    expect(r).toEqual({ saved: 1, removed: 1 })
    const entries = await app.open.db
      .selectFrom('auditLog')
      .select(['action', 'entityType', 'subjectKind', 'subjectId', 'fields'])
      .where('id', '>', before)
      .orderBy('id')
      .execute()
    expect(entries).toEqual([
      {
        action: 'update',
        entityType: 'volunteerHours',
        subjectKind: 'person',
        subjectId: anna,
        fields: 'hours',
      },
      {
        action: 'delete',
        entityType: 'volunteerHours',
        subjectKind: 'person',
        subjectId: anna,
        fields: 'hours',
      },
    ])
    const mine = await app.call('hours.forPerson', { personId: anna }, coordinator)
    expect(mine.months).toEqual([
      { month: '2026-05', placementId: annaPlacement, vacancyTitle: 'Gastvrouw', hours: 13 },
    ])
    expect(mine.total).toBe(13)
  })

  it('refuses bad rows at their field and writes none of the grid', async () => {
    const rows = await count('volunteerHours')
    const err = await rejection(
      app.call(
        'hours.log',
        {
          entries: [
            { personId: anna, placementId: annaPlacement, month: '2026-06', hours: 8 },
            { personId: bram, placementId: bramPlacement, month: '2026-06', hours: 3 },
            { personId: anna, placementId: null, month: '2026-08', hours: 1 },
            { personId: anna, placementId: bramPlacement, month: '2026-04', hours: 1 },
            { personId: gone, placementId: null, month: '2026-04', hours: 1 },
            { personId: bram, placementId: null, month: '2026-01', hours: 1 },
          ],
        },
        coordinator,
      ),
    )
    expect(err.code).toBe('VALIDATION')
    expect(err.fields).toEqual([
      { path: 'entries.1.month', key: 'monthOutsidePlacement' },
      { path: 'entries.2.month', key: 'futureMonth' },
      { path: 'entries.3.placementId', key: 'unknownOption' },
      { path: 'entries.4.personId', key: 'personAnonymised' },
      { path: 'entries.5.month', key: 'beforeRegistration', params: { date: '01-02-2026' } },
    ])
    expect(await count('volunteerHours')).toBe(rows)
  })

  it('refuses hours that are negative, absurd or not in quarters, and a row given twice', async () => {
    const err = await rejection(
      app.call(
        'hours.log',
        {
          entries: [
            { personId: anna, placementId: annaPlacement, month: '2026-06', hours: -1 },
            { personId: anna, placementId: annaPlacement, month: '2026-04', hours: 401 },
            { personId: anna, placementId: annaPlacement, month: '2026-03', hours: 2.1 },
            { personId: bram, placementId: null, month: '2026-13', hours: 1 },
            { personId: bram, placementId: null, month: '2026-04', hours: 1 },
            { personId: bram, placementId: null, month: '2026-04', hours: 2 },
          ],
        },
        coordinator,
      ),
    )
    expect(err.fields).toEqual([
      { path: 'entries.0.hours', key: 'hoursRange' },
      { path: 'entries.1.hours', key: 'hoursRange' },
      { path: 'entries.2.hours', key: 'quarterHours' },
      { path: 'entries.3.month', key: 'month' },
      { path: 'entries.5', key: 'duplicate' },
    ])
  })
})

describe('measurements', () => {
  it('records a ZRM measurement in the default version, by the user, audited', async () => {
    const m = await app.call(
      'measurements.record',
      {
        personId: anna,
        measuredOn: '2026-01-20',
        moment: 'intake',
        scores: [
          { domain: 'finances', score: 1 },
          { domain: 'daytime', score: 2 },
        ],
      },
      coordinator,
    )
    expect(m).toMatchObject({
      version: 'zrm11',
      moment: 'intake',
      ladder: null,
      byName: 'Test coordinator',
    })
    expect(m.scores).toEqual([
      { domain: 'finances', score: 1 },
      { domain: 'daytime', score: 2 },
    ])
    const entry = await app.open.db
      .selectFrom('auditLog')
      .select(['action', 'entityType', 'subjectKind', 'subjectId', 'fields'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(entry).toEqual({
      action: 'create',
      entityType: 'measurement',
      subjectKind: 'person',
      subjectId: anna,
      fields: 'measuredOn,moment,version,score.finances,score.daytime',
    })
  })

  it('refuses a domain of the other version, the ladder while it is off, a future or early day', async () => {
    const before = await count('measurement')
    const err = await rejection(
      app.call(
        'measurements.record',
        {
          personId: anna,
          measuredOn: '2026-07-16',
          moment: 'reassessment',
          scores: [
            { domain: 'basic_adl', score: 3 },
            { domain: 'finances', score: 6 },
          ],
          ladder: 3,
        },
        coordinator,
      ),
    )
    expect(err.fields).toEqual([{ path: 'scores.1.score', key: 'invalidOption' }])
    const err2 = await rejection(
      app.call(
        'measurements.record',
        {
          personId: anna,
          measuredOn: '2026-07-16',
          moment: 'reassessment',
          scores: [{ domain: 'basic_adl', score: 3 }],
          ladder: 3,
        },
        coordinator,
      ),
    )
    expect(err2.fields).toEqual([
      { path: 'measuredOn', key: 'futureDate' },
      { path: 'scores.0.domain', key: 'domainNotInVersion' },
      { path: 'ladder', key: 'ladderOff' },
    ])
    const err3 = await rejection(
      app.call(
        'measurements.record',
        {
          personId: anna,
          measuredOn: '2026-01-04',
          moment: 'intake',
          scores: [{ domain: 'housing', score: 3 }],
        },
        coordinator,
      ),
    )
    expect(err3.fields).toEqual([
      { path: 'measuredOn', key: 'beforeRegistration', params: { date: '05-01-2026' } },
    ])
    const dup = await rejection(
      app.call(
        'measurements.record',
        {
          personId: anna,
          measuredOn: '2026-03-01',
          moment: 'reassessment',
          scores: [
            { domain: 'housing', score: 3 },
            { domain: 'housing', score: 4 },
          ],
        },
        coordinator,
      ),
    )
    expect(dup.fields).toEqual([{ path: 'scores.1.domain', key: 'duplicate' }])
    expect(await count('measurement')).toBe(before)
  })

  it('lets only the admin change the settings (audited); then records ZRM 2017 with the ladder', async () => {
    expect(await app.call('measurements.settings', {}, coordinator)).toEqual({
      version: 'zrm11',
      ladder: false,
    })
    const forbidden = await rejection(
      app.call('measurements.updateSettings', { ladder: true }, coordinator),
    )
    expect(forbidden.code).toBe('FORBIDDEN')
    expect(
      await app.call('measurements.updateSettings', { version: 'zrm13', ladder: true }),
    ).toEqual({
      version: 'zrm13',
      ladder: true,
    })
    const entry = await app.open.db
      .selectFrom('auditLog')
      .select(['action', 'fields'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(entry).toEqual({ action: 'settings_change', fields: 'zrmVersion,zrmLadder' })
    const m = await app.call(
      'measurements.record',
      {
        personId: anna,
        measuredOn: '2026-06-01',
        moment: 'reassessment',
        scores: [{ domain: 'basic_adl', score: 4 }],
        ladder: 4,
      },
      coordinator,
    )
    expect(m).toMatchObject({ version: 'zrm13', ladder: 4 })
    // A measurement may still be scored in the 11 domains, saying so.
    const eleven = await app.call(
      'measurements.record',
      {
        personId: anna,
        measuredOn: '2026-06-02',
        moment: 'reassessment',
        version: 'zrm11',
        scores: [{ domain: 'adl', score: 4 }],
      },
      coordinator,
    )
    expect(eleven.version).toBe('zrm11')
    const list = await app.call('measurements.list', { personId: anna }, coordinator)
    expect(list.map((x) => [x.measuredOn, x.version])).toEqual([
      ['2026-01-20', 'zrm11'],
      ['2026-06-01', 'zrm13'],
      ['2026-06-02', 'zrm11'],
    ])
    await app.call('measurements.updateSettings', { version: 'zrm11', ladder: false })
  })

  it('writes nothing about an anonymised person and answers NOT_FOUND for an unknown one', async () => {
    const a = await rejection(
      app.call(
        'measurements.record',
        {
          personId: gone,
          measuredOn: '2026-06-01',
          moment: 'end',
          scores: [{ domain: 'housing', score: 3 }],
        },
        coordinator,
      ),
    )
    expect(a.code).toBe('CONFLICT')
    expect(a.key).toBe('personAnonymised')
    const b = await rejection(app.call('measurements.list', { personId: 99999 }, coordinator))
    expect(b.code).toBe('NOT_FOUND')
  })
})

describe('the trajectory plan', () => {
  it('saves barriers, aim, goals and re-assessments, and closes a goal as realised', async () => {
    const p = await app.call(
      'plans.update',
      {
        personId: anna,
        barriers: 'Eerst schuldenvrij, dan participeren',
        aim: 'volunteer_place',
        goals: [
          { text: 'Schuldhulp afronden', zrmDomain: 'finances' },
          { text: 'Twee dagdelen per week werken', zrmDomain: 'daytime' },
        ],
        reviews: [{ plannedOn: '2026-09-01' }],
      },
      coordinator,
    )
    expect(p.goals.map((g) => [g.text, g.status, g.closedOn])).toEqual([
      ['Schuldhulp afronden', 'open', null],
      ['Twee dagdelen per week werken', 'open', null],
    ])
    const [first, second] = p.goals
    const closed = await app.call(
      'plans.update',
      {
        personId: anna,
        barriers: p.barriers,
        aim: p.aim,
        goals: [
          { id: first.id, text: first.text, zrmDomain: first.zrmDomain, status: 'realised' },
          {
            id: second.id,
            text: second.text,
            zrmDomain: second.zrmDomain,
            status: 'partly_realised',
            closedOn: '2026-07-01',
          },
        ],
        reviews: p.reviews.map((r) => ({ ...r, doneOn: '2026-07-10', note: 'Gaat goed' })),
      },
      coordinator,
    )
    expect(closed.goals.map((g) => [g.status, g.closedOn])).toEqual([
      ['realised', '2026-07-15'],
      ['partly_realised', '2026-07-01'],
    ])
    expect(closed.reviews).toEqual([
      { id: p.reviews[0].id, plannedOn: '2026-09-01', doneOn: '2026-07-10', note: 'Gaat goed' },
    ])
    const got = await app.call('plans.get', { personId: anna }, coordinator)
    expect(got).toEqual(closed)
  })

  it('logs nothing when saved unchanged, and names the changed parts when not', async () => {
    const p = await app.call('plans.get', { personId: anna }, coordinator)
    const input = {
      personId: anna,
      barriers: p.barriers,
      aim: p.aim,
      goals: p.goals.map((g) => ({
        id: g.id,
        text: g.text,
        zrmDomain: g.zrmDomain,
        status: g.status,
        closedOn: g.closedOn,
      })),
      reviews: p.reviews,
    }
    const before = await count('auditLog')
    await app.call('plans.update', input, coordinator)
    expect(await count('auditLog')).toBe(before)
    await app.call(
      'plans.update',
      { ...input, aim: 'training', goals: input.goals.slice(0, 1) },
      coordinator,
    )
    const entry = await app.open.db
      .selectFrom('auditLog')
      .select(['action', 'entityType', 'subjectId', 'fields'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(entry).toEqual({
      action: 'update',
      entityType: 'plan',
      subjectId: anna,
      fields: 'aim,goals',
    })
  })

  it("refuses another person's goal, a closing day in the future and an open goal with a closing day", async () => {
    const p = await app.call('plans.get', { personId: anna }, coordinator)
    const err = await rejection(
      app.call(
        'plans.update',
        {
          personId: bram,
          goals: [
            { id: p.goals[0].id, text: 'Niet van Bram' },
            { text: 'Later', status: 'realised', closedOn: '2026-08-01' },
            { text: 'Open', status: 'open', closedOn: '2026-07-01' },
          ],
        },
        coordinator,
      ),
    )
    expect(err.fields).toEqual([{ path: 'goals.2.closedOn', key: 'openGoalClosed' }])
    const err2 = await rejection(
      app.call(
        'plans.update',
        {
          personId: bram,
          goals: [
            { id: p.goals[0].id, text: 'Niet van Bram' },
            { text: 'Later', status: 'realised', closedOn: '2026-08-01' },
          ],
        },
        coordinator,
      ),
    )
    expect(err2.fields).toEqual([
      { path: 'goals.0.id', key: 'unknownOption' },
      { path: 'goals.1.closedOn', key: 'futureDate' },
    ])
    expect((await app.call('plans.get', { personId: bram }, coordinator)).goals).toEqual([])
  })
})

describe('contacts', () => {
  it('logs a contact with a next date, and an evaluation that reviews the goals', async () => {
    const c = await app.call(
      'contacts.log',
      {
        personId: bram,
        contactedOn: '2026-07-01',
        kind: 'phone',
        note: 'Even gebeld',
        nextOn: '2026-07-14',
      },
      coordinator,
    )
    expect(c).toMatchObject({ kind: 'phone', byName: 'Test coordinator', nextOn: '2026-07-14' })
    const plan = await app.call(
      'plans.update',
      { personId: bram, goals: [{ text: 'Op tijd komen' }, { text: 'Nederlands oefenen' }] },
      coordinator,
    )
    const e = await app.call(
      'contacts.log',
      {
        personId: bram,
        contactedOn: '2026-07-15',
        kind: 'evaluation',
        nextOn: '2026-10-01',
        goalReviews: [
          { goalId: plan.goals[0].id, status: 'realised' },
          { goalId: plan.goals[1].id, status: 'open' },
        ],
      },
      coordinator,
    )
    expect(e.kind).toBe('evaluation')
    const after = await app.call('plans.get', { personId: bram }, coordinator)
    expect(after.goals.map((g) => [g.status, g.closedOn])).toEqual([
      ['realised', '2026-07-15'],
      ['open', null],
    ])
    const list = await app.call('contacts.list', { personId: bram }, coordinator)
    expect(list.contacts.map((x) => x.contactedOn)).toEqual(['2026-07-15', '2026-07-01'])
    expect(list.nextOn).toBe('2026-10-01')
  })

  it('refuses a next date not after the contact, goals outside an evaluation, a future day', async () => {
    const before = await count('personContact')
    const err = await rejection(
      app.call(
        'contacts.log',
        {
          personId: anna,
          contactedOn: '2026-07-10',
          kind: 'phone',
          nextOn: '2026-07-10',
          goalReviews: [{ goalId: 1, status: 'realised' }],
        },
        coordinator,
      ),
    )
    expect(err.fields).toEqual([
      { path: 'nextOn', key: 'nextAfterContact' },
      { path: 'goalReviews', key: 'onlyEvaluation' },
    ])
    const err2 = await rejection(
      app.call(
        'contacts.log',
        { personId: anna, contactedOn: '2026-07-16', kind: 'visit' },
        coordinator,
      ),
    )
    expect(err2.fields).toEqual([{ path: 'contactedOn', key: 'futureDate' }])
    expect(await count('personContact')).toBe(before)
  })
})

describe('the dashboard', () => {
  it('lists waiting for intake (oldest first), trials ending, missing hours and contacts due', async () => {
    await app.call(
      'contacts.log',
      { personId: anna, contactedOn: '2026-07-02', kind: 'visit', nextOn: '2026-07-19' },
      coordinator,
    )
    const d = await app.call('volunteers.dashboard', {}, coordinator)
    expect(d.date).toBe('2026-07-15')
    // Wim (1 March) before Wendy (1 May); the anonymised Gijs is not listed.
    expect(d.waitingForIntake.map((w) => [w.reference, w.days])).toEqual([
      ['D-00004', 136],
      ['D-00005', 75],
    ])
    // The trial ends on 28 July, 13 days from today.
    expect(d.trialsEnding.map((t) => [t.placementId, t.trialEndsOn])).toEqual([
      [trial, '2026-07-28'],
    ])
    // June: Anna's placement runs and has no hours.
    expect(d.hoursMissing).toEqual({ month: '2026-06', count: 1, total: 1 })
    // Anna's next contact (Sunday 19 July) is this week; Bram's latest contact plans October.
    expect(d.contactsDue.map((c) => [c.personId, c.nextOn, c.overdue])).toEqual([
      [anna, '2026-07-19', false],
    ])
    const later = await app.call('volunteers.dashboard', { date: '2026-07-20' }, coordinator)
    expect(later.contactsDue.map((c) => [c.personId, c.overdue])).toEqual([[anna, true]])
  })
})

describe('roles', () => {
  it('gives a volunteer FORBIDDEN on every follow-up method, from main', async () => {
    const calls: [string, unknown][] = [
      [
        'hours.log',
        { entries: [{ personId: anna, placementId: null, month: '2026-06', hours: 1 }] },
      ],
      ['hours.month', { month: '2026-06' }],
      ['hours.forPerson', { personId: anna }],
      [
        'measurements.record',
        {
          personId: anna,
          measuredOn: '2026-06-01',
          moment: 'end',
          scores: [{ domain: 'housing', score: 3 }],
        },
      ],
      [
        'measurements.update',
        {
          id: 1,
          measuredOn: '2026-06-01',
          moment: 'end',
          scores: [{ domain: 'housing', score: 3 }],
        },
      ],
      ['measurements.delete', { id: 1 }],
      ['measurements.list', { personId: anna }],
      ['measurements.settings', {}],
      ['measurements.updateSettings', { ladder: true }],
      ['plans.get', { personId: anna }],
      ['plans.update', { personId: anna }],
      ['contacts.log', { personId: anna, contactedOn: '2026-06-01', kind: 'phone' }],
      ['contacts.list', { personId: anna }],
      ['volunteers.stats', { from: '2026-01-01', to: '2026-06-30' }],
      ['volunteers.dashboard', {}],
    ]
    for (const [method, input] of calls) {
      const r = await app.router.call(volunteer, method as 'hours.log', input as never)
      expect(r.ok ? 'ok' : r.error.code, method).toBe('FORBIDDEN')
    }
  })

  it('audits every view of a person’s follow-up with the person as subject', async () => {
    const before = await count('auditLog')
    await app.call('hours.forPerson', { personId: bram }, coordinator)
    await app.call('measurements.list', { personId: bram }, coordinator)
    await app.call('plans.get', { personId: bram }, coordinator)
    await app.call('contacts.list', { personId: bram }, coordinator)
    const views = await app.open.db
      .selectFrom('auditLog')
      .select(['action', 'entityType', 'subjectKind', 'subjectId'])
      .where('id', '>', before)
      .orderBy('id')
      .execute()
    expect(views).toEqual(
      ['volunteerHours', 'measurement', 'plan', 'personContact'].map((entityType) => ({
        action: 'view',
        entityType,
        subjectKind: 'person',
        subjectId: bram,
      })),
    )
  })
})
