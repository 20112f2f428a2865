import type { MethodInput, MethodName } from '../../src/shared/api'
import type { TestApp } from './db'

type Bases = Partial<{ [M in MethodName]: MethodInput<M> }>

export interface FollowupFixture {
  personId: number
  /** A measurement to correct (`measurements.update`). */
  measurementId: number
  /** Another one, so a delete that goes through leaves the correction something to work on. */
  spareMeasurementId: number
}

/**
 * The first person of the volunteers fixture (tests/helpers/volunteers.ts), made before this,
 * with two measurements recorded through the router by the admin (the tests' clock is
 * 2026-06-15 or 16; the person registered on 2026-03-01).
 */
export async function followupFixture(app: TestApp): Promise<FollowupFixture> {
  const p = await app.open.db
    .selectFrom('person')
    .select('id')
    .orderBy('id')
    .limit(1)
    .executeTakeFirstOrThrow()
  const measure = (measuredOn: string): Promise<{ id: number }> =>
    app.call('measurements.record', {
      personId: p.id,
      measuredOn,
      moment: 'reassessment',
      version: 'zrm11',
      scores: [{ domain: 'housing', score: 3 }],
    })
  const measurement = await measure('2026-05-01')
  const spare = await measure('2026-05-15')
  return { personId: p.id, measurementId: measurement.id, spareMeasurementId: spare.id }
}

/**
 * One valid input for every follow-up method (hours, measurements, plans, contacts, the figures
 * and the dashboard), on the person of the volunteers fixture, for the fuzz and property tests.
 * The clock of those tests is 2026-06-15; the person registered on 2026-03-01.
 */
export function followupBases(f: FollowupFixture): Bases {
  const personId = f.personId
  return {
    'hours.log': { entries: [{ personId, placementId: null, month: '2026-05', hours: 6.5 }] },
    'hours.month': { month: '2026-05', district: 'Noord' },
    'hours.forPerson': { personId },
    'measurements.record': {
      personId,
      measuredOn: '2026-04-01',
      moment: 'intake',
      version: 'zrm11',
      scores: [
        { domain: 'finances', score: 2 },
        { domain: 'daytime', score: 3 },
      ],
    },
    'measurements.update': {
      id: f.measurementId,
      measuredOn: '2026-05-02',
      moment: 'reassessment',
      scores: [
        { domain: 'housing', score: 4 },
        { domain: 'finances', score: 2 },
      ],
    },
    'measurements.delete': { id: f.spareMeasurementId },
    'measurements.list': { personId },
    'measurements.settings': {},
    'measurements.updateSettings': { version: 'zrm11', ladder: false },
    'plans.get': { personId },
    'plans.update': {
      personId,
      barriers: 'Eerst schuldenvrij, dan participeren',
      aim: 'volunteer_place',
      goals: [{ text: 'Op tijd komen', zrmDomain: 'daytime', status: 'open' }],
      reviews: [{ plannedOn: '2026-09-01', note: 'Na de zomer' }],
    },
    'contacts.log': {
      personId,
      contactedOn: '2026-06-01',
      kind: 'phone',
      note: 'Even gebeld',
      nextOn: '2026-06-20',
    },
    'contacts.list': { personId },
    'volunteers.stats': { from: '2026-01-01', to: '2026-06-15', district: 'Noord' },
    'volunteers.dashboard': { date: '2026-06-15' },
  }
}

/** Ids that exist nowhere, for the "points at nothing" checks. */
export function followupGhosts(f: FollowupFixture): [MethodName, Record<string, unknown>][] {
  const b = followupBases(f) as Record<string, Record<string, unknown>>
  return [
    [
      'hours.log',
      { entries: [{ personId: 999_999, placementId: null, month: '2026-05', hours: 1 }] },
    ],
    [
      'hours.log',
      { entries: [{ personId: f.personId, placementId: 999_999, month: '2026-05', hours: 1 }] },
    ],
    ['hours.forPerson', { personId: 999_999 }],
    ['measurements.record', { ...b['measurements.record'], personId: 999_999 }],
    ['measurements.update', { ...b['measurements.update'], id: 999_999 }],
    ['measurements.delete', { id: 999_999 }],
    ['measurements.list', { personId: 999_999 }],
    ['plans.get', { personId: 999_999 }],
    ['plans.update', { ...b['plans.update'], personId: 999_999 }],
    ['plans.update', { ...b['plans.update'], goals: [{ id: 999_999, text: 'x' }] }],
    ['contacts.log', { ...b['contacts.log'], personId: 999_999 }],
    ['contacts.list', { personId: 999_999 }],
  ]
}
