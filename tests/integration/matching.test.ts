import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, rejection, type TestApp } from '../helpers/db'
import { makeRegisterLarge, recordTasks } from '../helpers/volunteers-matching'
import type { Caller } from '../../src/main/domains/accounts/auth'
import type { MethodInput } from '../../src/shared/api'
import type { HalfDay } from '../../src/shared/schemas/volunteers'
import { matchingText } from '../../src/shared/matching-text'
import { labelsT } from '../../src/main/i18n'
import { auditNoteText, auditTranslator } from '../../src/shared/audit-text'
import type Database from 'better-sqlite3-multiple-ciphers'

/*
 * Matching and placements through the real router on a real SQLite file: the ranked list with
 * its parts and sentences, the excluded with every reason, proposing (also against the filters,
 * with a written reason), the steps of a placement, double booking, the weights, and who may.
 */

let app: TestApp
let coordinator: Caller
const nl = labelsT('nl')
const TODAY = '2026-06-15'

beforeEach(async () => {
  app = await createTestApp()
  coordinator = await app.loginAs('coordinator')
})
afterEach(async () => app.close())

const TUE_AM: HalfDay = { weekday: 2, part: 'morning' }
const TUE_PM: HalfDay = { weekday: 2, part: 'afternoon' }
const THU_AM: HalfDay = { weekday: 4, part: 'morning' }
const FRI_EVE: HalfDay = { weekday: 5, part: 'evening' }

async function optionId(kind: 'skill' | 'interest' | 'learning_goal' | 'limitation', name: string) {
  const items = await app.call('volunteerLists.list', { kind })
  const found = items.find((o) => o.name === name)
  if (!found) throw new Error(`no ${kind} ${name}`)
  return found.id
}

interface World {
  hostId: number
  shopId: number
  kassaId: number
}

/** A host with a shop vacancy: Tuesday morning and afternoon, skills and goals, standing. */
async function world(): Promise<World> {
  const host = await app.call('organisations.create', {
    name: 'Kringloop De Vonst',
    contactPerson: 'Joke Mulder',
  })
  const shop = await app.call('vacancies.create', {
    partnerId: host.id,
    title: 'Winkelhulp',
    place: 'Zwolle',
    places: 2,
    skillIds: [await optionId('skill', 'Verkoop en kassa'), await optionId('skill', 'Koken')],
    learningGoalIds: [await optionId('learning_goal', 'Nederlandse taal')],
    interestIds: [await optionId('interest', 'Winkel')],
    demands: ['standing'],
    availability: [TUE_AM, TUE_PM],
  })
  const kassa = await app.call('vacancies.create', {
    partnerId: host.id,
    title: 'Kassa zaterdag',
    place: 'Kampen',
    places: 1,
    availability: [TUE_AM, THU_AM],
  })
  return { hostId: host.id, shopId: shop.id, kassaId: kassa.id }
}

type PersonInput = MethodInput<'people.create'>
async function person(first: string, over: Partial<PersonInput> = {}): Promise<number> {
  const p = await app.call('people.create', {
    firstName: first,
    lastName: 'Jansen',
    registeredOn: '2026-01-05',
    intakeOn: '2026-02-01',
    place: 'Zwolle',
    availability: [TUE_AM],
    ...over,
  })
  return p.id
}

function auditRows(sqlWhere: string): Record<string, unknown>[] {
  return app.open.sqlite
    .prepare(
      `select action, entity_type, entity_id, subject_kind, subject_id, fields, detail
       from audit_log where ${sqlWhere} order by id`,
    )
    .all() as Record<string, unknown>[]
}

describe('matching.forVacancy', () => {
  it('counts a limitation against the place as a reason to leave out, in the counts as in the lists', async () => {
    const w = await world()
    const eva = await person('Eva', {
      availability: [TUE_AM],
      limitationIds: [await optionId('limitation', 'Niet lang staan')],
    })
    const fer = await person('Fer', { availability: [TUE_AM] })
    const r = await app.call('matching.forVacancy', { vacancyId: w.shopId }, coordinator)
    expect(r.ranked.map((c) => c.personId)).toEqual([fer])
    expect(r.excluded.map((c) => c.personId)).toEqual([eva])
    expect(r.counts).toMatchObject({ ranked: 1, excluded: 1 })
    const back = await app.call('matching.forPerson', { personId: eva }, coordinator)
    expect(back.ranked.map((c) => c.vacancyId)).not.toContain(w.shopId)

    // A place that asks for no skills, interests or learning goals: the limitation still counts.
    const plain = await app.call('vacancies.create', {
      partnerId: w.hostId,
      title: 'Magazijn',
      place: 'Zwolle',
      places: 1,
      demands: ['standing'],
      availability: [TUE_AM],
    })
    const r2 = await app.call('matching.forVacancy', { vacancyId: plain.id }, coordinator)
    expect(r2.excluded.map((c) => c.personId)).toEqual([eva])
    expect(r2.counts).toMatchObject({ excluded: 1 })
    expect(r2.ranked.map((c) => c.personId)).not.toContain(eva)
  })

  it('ranks people with their score parts in words, and lists the excluded with each reason', async () => {
    const w = await world()
    const ana = await person('Ana', {
      skillIds: [await optionId('skill', 'Verkoop en kassa')],
      learningGoalIds: [await optionId('learning_goal', 'Nederlandse taal')],
      interestIds: [await optionId('interest', 'Winkel')],
      availability: [TUE_AM, TUE_PM],
    })
    const bas = await person('Bas', { place: 'Kampen', intakeOn: '2026-01-10' })
    const cor = await person('Cor', {
      availability: [FRI_EVE],
      limitationIds: [await optionId('limitation', 'Niet lang staan')],
    })
    const left = await person('Dirk')
    await app.call('people.setOutflow', { id: left, kind: 'paid_work', on: '2026-06-01' })

    const r = await app.call('matching.forVacancy', { vacancyId: w.shopId }, coordinator)
    expect(r.vacancy).toMatchObject({ id: w.shopId, title: 'Winkelhulp', placesLeft: 2 })
    expect(r.ranked.map((c) => c.personId)).toEqual([ana, bas])
    expect(r.counts).toEqual({ ranked: 2, excluded: 1, notCandidates: 1 })

    const first = r.ranked[0]
    expect(first.parts.map((p) => [p.part, p.points, p.max])).toEqual([
      ['skills', 15, 30],
      ['interests', 15, 15],
      ['learningGoals', 20, 20],
      ['availability', 15, 15],
      ['samePlace', 10, 10],
      // 134 days since the intake of 1 February, of 365.
      ['waiting', 3.7, 10],
    ])
    expect(first.score).toBe(78.7)
    expect(first.parts.map((p) => matchingText(nl, p.text))).toEqual([
      'Heeft 1 van de 2 gevraagde vaardigheden: Verkoop en kassa.',
      'Gedeelde interesse: Winkel.',
      'De plek biedt 1 van de 1 leerdoelen: Nederlandse taal.',
      'Kan op 2 van de 2 dagdelen die de plek vraagt: dinsdagochtend, dinsdagmiddag.',
      'Woont in Zwolle, waar de plek is.',
      'Wacht 134 dagen sinds de intake (01-02-2026).',
    ])
    expect(first.missing.skills.map((s) => s.name)).toEqual(['Koken'])
    expect(first.missing.halfDays).toEqual([])
    expect(r.ranked[1].missing.halfDays).toEqual([TUE_PM])
    expect(matchingText(nl, r.ranked[1].parts[4].text)).toBe(
      'Woont in Kampen; de plek is in Zwolle.',
    )

    const [excluded] = r.excluded
    expect(excluded.personId).toBe(cor)
    expect(excluded.reasons.map((x) => matchingText(nl, x.text))).toEqual([
      'Geen enkel dagdeel gemeenschappelijk met wat de plek vraagt.',
      'Beperking ‘Niet lang staan’ past niet bij wat de plek vraagt: lang staan.',
    ])
    // Even the excluded carry their parts, for a coordinator weighing an override.
    expect(excluded.parts).toHaveLength(6)

    // One entry in the log for the list, naming the vacancy, and a view under each person shown.
    const [list, ...perPerson] = auditRows(`entity_type = 'matching'`)
    expect(list).toEqual({
      action: 'view',
      entity_type: 'matching',
      entity_id: String(w.shopId),
      subject_kind: null,
      subject_id: null,
      fields: 'vacancyId',
      detail: null,
    })
    const shownIds = [...r.ranked, ...r.excluded].map((c) => c.personId).sort((a, b) => a - b)
    expect(perPerson.map((e) => [e.subject_kind, e.entity_id])).toEqual(
      shownIds.map(() => ['person', String(w.shopId)]),
    )
    expect(perPerson.map((e) => e.subject_id as number).sort((a, b) => a - b)).toEqual(shownIds)
  })

  it('breaks equal scores by the longest wait, then by the lowest number', async () => {
    const w = await world()
    const later = await person('Later', { intakeOn: '2026-03-01' })
    const sameA = await person('Eerste', { intakeOn: '2026-02-01' })
    const sameB = await person('Tweede', { intakeOn: '2026-02-01' })
    // Without the waiting part the three would tie on everything else.
    const r = await app.call('matching.forVacancy', { vacancyId: w.shopId })
    expect(r.ranked.map((c) => c.personId)).toEqual([sameA, sameB, later])
    const noWait = await app.call('matching.updateWeights', { ...r.weights, waiting: 0 })
    expect(noWait.waiting).toBe(0)
    const r2 = await app.call('matching.forVacancy', { vacancyId: w.shopId })
    // Equal points now: the longest wait first, then the lowest id.
    expect(new Set(r2.ranked.map((c) => c.score)).size).toBe(1)
    expect(r2.ranked.map((c) => c.personId)).toEqual([sameA, sameB, later])
  })

  it('leaves everyone out of an inactive vacancy, saying so, and keeps `limit` and `excludedLimit` of the lists', async () => {
    const w = await world()
    for (const name of ['Een', 'Twee', 'Drie']) await person(name)
    const v = await app.call('vacancies.get', { id: w.shopId })
    await app.call('vacancies.update', {
      ...v,
      skillIds: v.skills.map((s) => s.id),
      learningGoalIds: v.learningGoals.map((s) => s.id),
      interestIds: v.interests.map((s) => s.id),
      active: false,
    })
    const r = await app.call('matching.forVacancy', {
      vacancyId: w.shopId,
      limit: 2,
      excludedLimit: 2,
    })
    expect(r.ranked).toEqual([])
    expect(r.excluded).toHaveLength(2)
    expect(r.counts.excluded).toBe(3)
    expect(r.excluded[0].reasons.map((x) => x.code)).toEqual(['vacancyInactive'])
    // Each list has its own number: the excluded one's, asked apart, gives the next one too.
    const more = await app.call('matching.forVacancy', {
      vacancyId: w.shopId,
      limit: 2,
      excludedLimit: 3,
    })
    expect(more.excluded.map((c) => c.personId)).toEqual([
      ...r.excluded.map((c) => c.personId),
      expect.any(Number),
    ])
  })

  it('answers NOT_FOUND for a vacancy that does not exist', async () => {
    const e = await rejection(app.call('matching.forVacancy', { vacancyId: 999 }))
    expect(e.code).toBe('NOT_FOUND')
  })
})

/** How many statements the real database runs while `fn` runs. */
async function statementsOf(
  sqlite: Database.Database,
  fn: () => Promise<unknown>,
): Promise<number> {
  let n = 0
  const prepare = sqlite.prepare.bind(sqlite)
  sqlite.prepare = ((source: string) => {
    const stmt = prepare(source)
    for (const method of ['all', 'get', 'run', 'iterate'] as const) {
      const original = stmt[method].bind(stmt) as (...args: unknown[]) => unknown
      Object.defineProperty(stmt, method, {
        value: (...args: unknown[]) => {
          n++
          return original(...args)
        },
      })
    }
    return stmt
  }) as typeof sqlite.prepare
  try {
    await fn()
  } finally {
    sqlite.prepare = prepare as typeof sqlite.prepare
  }
  return n
}

describe('matching over many people', () => {
  it('runs the same statements for 3 people as for 30: set-based, not one query per person', async () => {
    const w = await world()
    const whole: number[] = []
    const updated: number[] = []
    const look = (): Promise<number> =>
      statementsOf(app.open.sqlite, () =>
        // Both lists shown short: the view entries of what is shown go in statements of ten.
        app.call('matching.forVacancy', { vacancyId: w.shopId, limit: 2, excludedLimit: 2 }),
      )
    const made: number[] = []
    for (const total of [3, 30]) {
      while (made.length < total)
        made.push(
          await person(`Persoon${made.length}`, {
            availability: [TUE_AM, THU_AM],
            limitationIds: made.length % 3 ? [] : [await optionId('limitation', 'Niet lang staan')],
          }),
        )
      // The register read whole (its count moved, as after a bulk load) ...
      app.open.sqlite.prepare(`update kept_change set n = n + 1 where name = 'matching'`).run()
      whole.push(await look())
      // ... and brought up to date for the people changed since: all of them, in one go.
      for (const id of made)
        app.open.sqlite
          .prepare(`update person set place = ? where id = ?`)
          .run(`Plaats ${total}`, id)
      updated.push(await look())
    }
    expect(whole[1]).toBe(whole[0])
    expect(updated[1]).toBe(updated[0])
  })

  it('ranks a large register in a worker, to the same lists, and logs the views on main', async () => {
    const w = await world()
    for (let i = 0; i < 4; i++)
      await person(`Persoon${i}`, {
        availability: [TUE_AM, THU_AM],
        limitationIds: i % 2 ? [] : [await optionId('limitation', 'Niet lang staan')],
      })
    const input = { vacancyId: w.shopId, limit: 50 }
    const small = await app.call('matching.forVacancy', input, coordinator)
    makeRegisterLarge(app)
    const tasks = recordTasks(app)
    try {
      const viewsBefore = auditRows(`entity_type = 'matching'`).length
      const large = await app.call('matching.forVacancy', input, coordinator)
      expect(tasks.sent).toEqual(['matching.forVacancy'])
      // The same people in the same order with the same explanations; Zeno left out for no
      // shared half-day.
      expect(large.ranked).toEqual(small.ranked)
      expect(large.excluded.filter((c) => c.personId !== 2500)).toEqual(small.excluded)
      expect(large.excluded.find((c) => c.personId === 2500)?.reasons.length).toBeGreaterThan(0)
      expect(large.counts).toEqual({ ...small.counts, excluded: small.counts.excluded + 1 })
      // Logged on main: the list and a view under each person shown.
      const views = auditRows(`entity_type = 'matching'`).slice(viewsBefore)
      expect(views).toHaveLength(1 + large.ranked.length + large.excluded.length)
      expect(views.filter((v) => v.subject_id === 2500)).toHaveLength(1)
      // A vacancy that is not there is refused on main, before any worker.
      const err = await rejection(
        app.call('matching.forVacancy', { vacancyId: 99999, limit: 50 }, coordinator),
      )
      expect(err.code).toBe('NOT_FOUND')
      expect(tasks.sent).toHaveLength(1)
    } finally {
      tasks.stop()
    }
  })
})

describe('matching.forPerson', () => {
  it('ranks the active vacancies for one person and logs the view under the person', async () => {
    const w = await world()
    const ana = await person('Ana', {
      availability: [TUE_AM, THU_AM],
      skillIds: [await optionId('skill', 'Koken')],
    })
    const far = await app.call('vacancies.create', {
      partnerId: w.hostId,
      title: 'Avondploeg',
      places: 1,
      availability: [FRI_EVE],
    })
    const r = await app.call('matching.forPerson', { personId: ana }, coordinator)
    expect(r.person).toMatchObject({ id: ana, name: 'Ana Jansen', waitingDays: 134 })
    // The Saturday till asks no particular skills (full points) and needs both of Ana's half-days.
    expect(r.ranked.map((c) => c.title)).toEqual(['Kassa zaterdag', 'Winkelhulp'])
    expect(r.excluded.map((c) => [c.vacancyId, c.reasons.map((x) => x.code)])).toEqual([
      [far.id, ['noSharedHalfDay']],
    ])
    expect(auditRows(`entity_type = 'matching'`)).toEqual([
      expect.objectContaining({ action: 'view', subject_kind: 'person', subject_id: ana }),
    ])
  })
})

describe('placements', () => {
  it('proposes, advances with dates to placed, and ends with a reason, each step audited', async () => {
    const w = await world()
    const ana = await person('Ana', { availability: [TUE_AM, TUE_PM] })
    const { placement, warnings } = await app.call(
      'placements.propose',
      { personId: ana, vacancyId: w.shopId, date: '2026-05-01' },
      coordinator,
    )
    expect(warnings).toEqual([])
    expect(placement).toMatchObject({
      step: 'proposed',
      proposedOn: '2026-05-01',
      personName: 'Ana Jansen',
      vacancyTitle: 'Winkelhulp',
      partnerName: 'Kringloop De Vonst',
      overrideReason: null,
      halfDays: [TUE_AM, TUE_PM],
    })
    const future = await rejection(
      app.call('placements.advance', { id: placement.id, to: 'introduction', date: '2026-06-16' }),
    )
    expect(future.fields).toEqual([{ path: 'date', key: 'futureDate' }])
    const intro = await app.call(
      'placements.advance',
      { id: placement.id, to: 'introduction', date: '2026-05-08' },
      coordinator,
    )
    expect(intro.introductionOn).toBe('2026-05-08')
    // A trial needs its end date, at the field, and nothing changes without it.
    const noEnd = await rejection(
      app.call('placements.advance', { id: placement.id, to: 'trial', date: '2026-05-15' }),
    )
    expect(noEnd.fields).toEqual([{ path: 'trialEndsOn', key: 'required' }])
    const trial = await app.call('placements.advance', {
      id: placement.id,
      to: 'trial',
      date: '2026-05-15',
      trialEndsOn: '2026-06-12',
    })
    expect(trial).toMatchObject({ step: 'trial', trialOn: '2026-05-15', trialEndsOn: '2026-06-12' })
    const back = await rejection(
      app.call('placements.advance', { id: placement.id, to: 'introduction', date: TODAY }),
    )
    expect(back.key).toBe('placementStepBack')
    const placed = await app.call('placements.advance', {
      id: placement.id,
      to: 'placed',
      date: '2026-06-12',
    })
    expect(placed.placedOn).toBe('2026-06-12')
    const early = await rejection(
      app.call('placements.end', { id: placement.id, date: '2026-06-01', reason: 'Verhuisd' }),
    )
    expect(early.fields).toEqual([
      { path: 'date', key: 'beforePreviousStep', params: { date: '12-06-2026' } },
    ])
    const ended = await app.call('placements.end', {
      id: placement.id,
      date: TODAY,
      reason: 'Betaald werk gevonden',
    })
    expect(ended).toMatchObject({ step: 'ended', endedOn: TODAY, reason: 'Betaald werk gevonden' })
    const closed = await rejection(
      app.call('placements.advance', { id: placement.id, to: 'placed', date: TODAY }),
    )
    expect(closed.key).toBe('placementEnded')

    const rows = auditRows(`entity_type = 'placement'`)
    expect(rows.map((r) => [r.action, r.fields, r.subject_kind, r.subject_id])).toEqual([
      ['create', 'vacancyId,step,proposedOn,halfDays', 'person', ana],
      ['update', 'step,introductionOn', 'person', ana],
      ['update', 'step,trialOn,trialEndsOn', 'person', ana],
      ['update', 'step,placedOn', 'person', ana],
      ['update', 'step,endedOn,reason', 'person', ana],
    ])
    expect(auditNoteText(rows[2].detail as string, auditTranslator('nl'))).toBe(
      'kennismaking → proefperiode',
    )
  })

  it('proposes an excluded candidate only with a written reason, stored and audited', async () => {
    const w = await world()
    const cor = await person('Cor', {
      availability: [TUE_AM],
      limitationIds: [await optionId('limitation', 'Niet lang staan')],
    })
    const check = await app.call('placements.check', { personId: cor, vacancyId: w.shopId })
    expect(check.reasons.map((r) => r.code)).toEqual(['limitation'])
    const before = app.open.sqlite.prepare('select count(*) as n from placement').get()
    const refused = await rejection(
      app.call('placements.propose', { personId: cor, vacancyId: w.shopId }, coordinator),
    )
    expect(refused.code).toBe('VALIDATION')
    expect(refused.fields).toEqual([{ path: 'overrideReason', key: 'overrideReasonRequired' }])
    expect(app.open.sqlite.prepare('select count(*) as n from placement').get()).toEqual(before)

    const { placement } = await app.call(
      'placements.propose',
      {
        personId: cor,
        vacancyId: w.shopId,
        overrideReason: 'Mag zitten achter de kassa; afgesproken met de winkel.',
      },
      coordinator,
    )
    expect(placement.overrideReason).toBe('Mag zitten achter de kassa; afgesproken met de winkel.')
    const [entry] = auditRows(`entity_type = 'placement' and action = 'create'`)
    expect(entry.fields).toBe('vacancyId,step,proposedOn,halfDays,overrideReason')
    expect(auditNoteText(entry.detail as string, auditTranslator('nl'))).toBe(
      'toch voorgesteld ondanks: beperking tegen wat de plek vraagt',
    )
    // A second placement at the same place cannot be forced.
    const again = await rejection(
      app.call('placements.propose', {
        personId: cor,
        vacancyId: w.shopId,
        overrideReason: 'Nogmaals',
      }),
    )
    expect(again.key).toBe('placementAlreadyHere')
  })

  it('refuses a double booking at the filter and warns about it at a proposal', async () => {
    const w = await world()
    const ana = await person('Ana', { availability: [TUE_AM] })
    await app.call('placements.propose', { personId: ana, vacancyId: w.kassaId })
    // Ana's only shared half-day with the shop is held by her other placement.
    const r = await app.call('matching.forVacancy', { vacancyId: w.shopId })
    const [ex] = r.excluded
    expect(ex.personId).toBe(ana)
    expect(ex.reasons.map((x) => matchingText(nl, x.text))).toEqual([
      'Al gekoppeld aan ‘Kassa zaterdag’ op dinsdagochtend.',
    ])
    const check = await app.call('placements.check', { personId: ana, vacancyId: w.shopId })
    expect(check.warnings.map((x) => matchingText(nl, x))).toEqual([
      'Let op: Ana Jansen is op dinsdagochtend al gekoppeld aan ‘Kassa zaterdag’.',
    ])
    const refused = await rejection(
      app.call('placements.propose', { personId: ana, vacancyId: w.shopId }),
    )
    expect(refused.fields?.[0].path).toBe('overrideReason')
    // With its half-days free again (declined), the shop ranks her once more.
    const kassa = await app.call('placements.list', { personId: ana })
    await app.call('placements.decline', {
      id: kassa.rows[0].id,
      date: TODAY,
      reason: 'Past toch niet',
    })
    const r2 = await app.call('matching.forVacancy', { vacancyId: w.shopId })
    expect(r2.ranked.map((c) => c.personId)).toEqual([ana])
  })

  it('takes a place from the introduction on and refuses a step into a full vacancy', async () => {
    const w = await world()
    const ana = await person('Ana')
    const bas = await person('Bas')
    const cor = await person('Cor')
    const a = await app.call('placements.propose', { personId: ana, vacancyId: w.kassaId })
    const b = await app.call('placements.propose', { personId: bas, vacancyId: w.kassaId })
    await app.call('placements.advance', { id: a.placement.id, to: 'introduction', date: TODAY })
    const full = await rejection(
      app.call('placements.advance', { id: b.placement.id, to: 'introduction', date: TODAY }),
    )
    expect(full.key).toBe('placementVacancyFull')
    const r = await app.call('matching.forVacancy', { vacancyId: w.kassaId })
    expect(r.vacancy.placesLeft).toBe(0)
    expect(r.excluded.find((c) => c.personId === cor)?.reasons.map((x) => x.code)).toEqual([
      'noPlacesLeft',
    ])
    // Bas's own proposal is there, not a place taken from him.
    expect(r.excluded.find((c) => c.personId === bas)?.reasons.map((x) => x.code)).toEqual([
      'alreadyHere',
      'noPlacesLeft',
    ])
    // Declining a proposal, and ending only what started.
    expect(
      (
        await rejection(
          app.call('placements.end', { id: b.placement.id, date: TODAY, reason: 'x' }),
        )
      ).key,
    ).toBe('placementNotStarted')
    const declined = await app.call('placements.decline', {
      id: b.placement.id,
      date: TODAY,
      reason: 'Kennismaking niet doorgegaan',
    })
    expect(declined).toMatchObject({ step: 'declined', declinedOn: TODAY })
  })

  it('lists the board per step, a vacancy, or a person (logged as a view of that person)', async () => {
    const w = await world()
    const ana = await person('Ana')
    const bas = await person('Bas', { availability: [TUE_AM, THU_AM] })
    const a = await app.call('placements.propose', { personId: ana, vacancyId: w.shopId })
    await app.call('placements.propose', { personId: bas, vacancyId: w.kassaId })
    await app.call('placements.advance', { id: a.placement.id, to: 'introduction', date: TODAY })
    const board = await app.call('placements.list', {})
    expect(board.total).toBe(2)
    const intro = await app.call('placements.list', { step: 'introduction' })
    expect(intro.rows.map((r) => r.personId)).toEqual([ana])
    const atKassa = await app.call('placements.list', { vacancyId: w.kassaId })
    expect(atKassa.rows.map((r) => r.personId)).toEqual([bas])
    // The board is logged once per look with how many it showed, under nobody in particular.
    const boardViews = `entity_type = 'placement' and action = 'view'`
    expect(auditRows(`${boardViews} and subject_kind is null`)).toHaveLength(3)
    expect(auditRows(`${boardViews} and subject_kind = 'person'`)).toEqual([])
    await app.call('placements.list', { personId: bas })
    expect(auditRows(`${boardViews} and subject_kind = 'person'`)).toEqual([
      expect.objectContaining({ subject_kind: 'person', subject_id: bas }),
    ])
  })

  it('refuses a person who left, even with a reason', async () => {
    const w = await world()
    const dirk = await person('Dirk')
    await app.call('people.setOutflow', { id: dirk, kind: 'moved', on: '2026-06-01' })
    const e = await rejection(
      app.call('placements.propose', {
        personId: dirk,
        vacancyId: w.shopId,
        overrideReason: 'Toch',
      }),
    )
    expect(e.key).toBe('placementPersonLeft')
  })
})

describe('the weights and who may', () => {
  it('lets only the admin change the weights, audited, and the list follows them', async () => {
    const w = await world()
    const zwolle = await person('Zwolle', { intakeOn: '2026-06-01' })
    const kampen = await person('Kampen', { place: 'Kampen', intakeOn: '2026-02-01' })
    const before = await app.call('matching.forVacancy', { vacancyId: w.shopId })
    expect(before.ranked.map((c) => c.personId)).toEqual([zwolle, kampen])
    const weights = await app.call('matching.weights', {}, coordinator)
    const refused = await rejection(
      app.call('matching.updateWeights', { ...weights, samePlace: 0 }, coordinator),
    )
    expect(refused.code).toBe('FORBIDDEN')
    const allZero = await rejection(
      app.call('matching.updateWeights', {
        skills: 0,
        interests: 0,
        learningGoals: 0,
        availability: 0,
        samePlace: 0,
        waiting: 0,
        waitingFullDays: 365,
      }),
    )
    expect(allZero.fields).toEqual([{ path: 'skills', key: 'weightsAllZero' }])
    await app.call('matching.updateWeights', { ...weights, samePlace: 0, waiting: 50 })
    const after = await app.call('matching.forVacancy', { vacancyId: w.shopId })
    expect(after.ranked.map((c) => c.personId)).toEqual([kampen, zwolle])
    expect(after.weights).toMatchObject({ samePlace: 0, waiting: 50 })
    expect(
      auditRows(`action = 'settings_change' and fields like 'matching.%'`).map((r) => r.fields),
    ).toEqual(['matching.samePlace,matching.waiting'])
  })

  it('refuses every matching and placement call to a counter volunteer', async () => {
    const w = await world()
    const ana = await person('Ana')
    const volunteer = await app.loginAs('volunteer')
    for (const [method, input] of [
      ['matching.forVacancy', { vacancyId: w.shopId }],
      ['matching.forPerson', { personId: ana }],
      ['matching.weights', {}],
      ['matching.howWeMatch', {}],
      ['placements.list', {}],
      ['placements.check', { personId: ana, vacancyId: w.shopId }],
      ['placements.propose', { personId: ana, vacancyId: w.shopId }],
    ] as const) {
      const e = await rejection(app.call(method, input as never, volunteer))
      expect(e.code, method).toBe('FORBIDDEN')
    }
    expect(app.open.sqlite.prepare('select count(*) as n from placement').get()).toEqual({ n: 0 })
  })
})
