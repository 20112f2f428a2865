import type { MethodInput, MethodName } from '../../src/shared/api'
import { DEFAULT_MATCH_WEIGHTS } from '../../src/shared/schemas/volunteers-matching'
import type { TestApp } from './db'

type Bases = Partial<{ [M in MethodName]: MethodInput<M> }>

/** A vacancy on Tuesday mornings, people free then, and placements in the steps to move on. */
export interface MatchingFixture {
  vacancyId: number
  /** Free of placements: proposed in the bases. */
  personId: number
  /** A proposal, to advance. */
  proposedId: number
  /** In its introduction, to end. */
  introductionId: number
  /** A proposal, to decline. */
  toDeclineId: number
}

const TUE_AM = { weekday: 2, part: 'morning' } as const

/** Made after the volunteers core fixture (tests/helpers/volunteers.ts): its host is reused. */
export async function matchingFixture(app: TestApp): Promise<MatchingFixture> {
  const [host] = await app.call('organisations.list', {})
  const vacancy = await app.call('vacancies.create', {
    partnerId: host.id,
    title: 'Koffieschenker',
    place: 'Zwolle',
    places: 5,
    availability: [TUE_AM],
  })
  const person = async (firstName: string): Promise<number> =>
    (
      await app.call('people.create', {
        firstName,
        lastName: 'Matchtest',
        registeredOn: '2026-02-01',
        intakeOn: '2026-02-10',
        place: 'Zwolle',
        availability: [TUE_AM],
      })
    ).id
  const propose = async (personId: number): Promise<number> =>
    (
      await app.call('placements.propose', {
        personId,
        vacancyId: vacancy.id,
        date: '2026-06-01',
      })
    ).placement.id
  const personId = await person('Fenna')
  const proposedId = await propose(await person('Gijs'))
  const introductionId = await propose(await person('Hanna'))
  await app.call('placements.advance', {
    id: introductionId,
    to: 'introduction',
    date: '2026-06-05',
  })
  const toDeclineId = await propose(await person('Ilse'))
  return { vacancyId: vacancy.id, personId, proposedId, introductionId, toDeclineId }
}

/** One valid input for every matching and placement method, for the fuzz and property tests. */
export function matchingBases(f: MatchingFixture): Bases {
  return {
    'matching.forVacancy': { vacancyId: f.vacancyId, limit: 50 },
    'matching.forPerson': { personId: f.personId, limit: 50 },
    'matching.weights': {},
    'matching.updateWeights': { ...DEFAULT_MATCH_WEIGHTS, skills: 25, waitingFullDays: 180 },
    'matching.howWeMatch': { language: 'nl' },
    'placements.list': {
      personId: null,
      vacancyId: f.vacancyId,
      step: null,
      scope: 'all',
      limit: 100,
    },
    'placements.check': { personId: f.personId, vacancyId: f.vacancyId, halfDays: [TUE_AM] },
    'placements.propose': {
      personId: f.personId,
      vacancyId: f.vacancyId,
      halfDays: [TUE_AM],
      date: '2026-06-10',
      overrideReason: 'Afgesproken met de deelnemer',
    },
    'placements.advance': {
      id: f.proposedId,
      to: 'trial',
      date: '2026-06-12',
      trialEndsOn: '2026-07-10',
    },
    'placements.end': { id: f.introductionId, date: '2026-06-14', reason: 'Verhuisd' },
    'placements.decline': { id: f.toDeclineId, date: '2026-06-14', reason: 'Niet gekozen' },
  }
}

/** Valid-looking inputs that point at nothing: refused, nothing written. */
export function matchingGhosts(f: MatchingFixture): [MethodName, Record<string, unknown>][] {
  const b = matchingBases(f) as Record<string, Record<string, unknown>>
  return [
    ['matching.forVacancy', { vacancyId: 999_999 }],
    ['matching.forPerson', { personId: 999_999 }],
    ['placements.check', { ...b['placements.check'], vacancyId: 999_999 }],
    ['placements.propose', { ...b['placements.propose'], personId: 999_999 }],
    ['placements.propose', { ...b['placements.propose'], vacancyId: 999_999 }],
    [
      'placements.propose',
      { ...b['placements.propose'], halfDays: [{ weekday: 7, part: 'evening' }] },
    ],
    ['placements.advance', { ...b['placements.advance'], id: 999_999 }],
    ['placements.end', { ...b['placements.end'], id: 999_999 }],
    ['placements.decline', { ...b['placements.decline'], id: 999_999 }],
  ]
}

/**
 * Numbers up to 2,500 send the ranking to a worker (the register decides by its highest number,
 * MATCHING_WORKER_FROM_PEOPLE): one more person, Zeno (2500), with nothing in common with any
 * place.
 */
export function makeRegisterLarge(app: TestApp): void {
  app.open.sqlite
    .prepare(
      `insert into person (id, reference, first_name, last_name, search_name, registered_on,
        status, created_at, updated_at) values (2500, 'D-02500', 'Zeno', 'Laat', 'zeno laat',
        '2026-01-01', 'registered', '2026-01-01T10:00:00Z', '2026-01-01T10:00:00Z')`,
    )
    .run()
}

/**
 * The names of the tasks sent to the app's worker pool, until `stop`. The vault's own upkeep
 * (folding the write-ahead log into the file once it has grown) is left out: it runs whenever
 * enough has been written, whatever the matching does; `upkeep: true` records it too.
 */
export function recordTasks(
  app: TestApp,
  record: { upkeep?: boolean } = {},
): { sent: string[]; stop: () => void } {
  const pool = app.vault.workers
  const sent: string[] = []
  const run = pool.run.bind(pool)
  pool.run = ((task, taskInput, options) => {
    if (record.upkeep || task.name !== 'wal.checkpoint') sent.push(task.name)
    return run(task, taskInput, options)
  }) as typeof pool.run
  return { sent, stop: () => (pool.run = run) }
}
