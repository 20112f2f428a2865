import type { MethodName } from '../../src/shared/api'
import type { TestApp } from './db'

/**
 * A carer with a help request that requires a course, and a volunteer who completed it (issue 16),
 * on the person and course of the trainings fixture.
 */
export async function supportFixture(
  app: TestApp,
  f: { personId: number; courseId: number },
): Promise<{
  personId: number
  carerId: number
  requestId: number
  courseId: number
  kindId: number
}> {
  const carer = await app.call('people.create', {
    firstName: 'Marja',
    lastName: 'de Vries',
    registeredOn: '2026-02-01',
  })
  await app.call('carers.save', {
    personId: carer.id,
    caresFor: 'haar moeder',
    registeredOn: '2026-03-01',
    consent: true,
    load: 3,
  })
  const kinds = await app.call('helpRequests.kinds', {})
  const request = await app.call('helpRequests.save', {
    kindId: kinds[0].id,
    requesterKind: 'person',
    personId: carer.id,
    asked: 'Een maatje om mee te wandelen',
    halfDays: [{ weekday: 2, part: 'morning' }],
    openedOn: '2026-03-02',
    courseIds: [f.courseId],
  })
  return {
    personId: f.personId,
    carerId: carer.id,
    requestId: request.id,
    courseId: f.courseId,
    kindId: kinds[0].id,
  }
}

/** One valid input per method of help requests and informal carers. */
export function supportBases(f: {
  personId: number
  carerId: number
  requestId: number
  courseId: number
  kindId: number
}): Partial<Record<MethodName, unknown>> {
  return {
    'helpRequests.kinds': {},
    'helpRequests.saveKind': { id: f.kindId, name: 'Maatje', active: true },
    'helpRequests.list': { status: 'open' },
    'helpRequests.get': { id: f.requestId },
    'helpRequests.save': {
      id: f.requestId,
      kindId: f.kindId,
      requesterKind: 'person',
      personId: f.carerId,
      asked: 'Een maatje om mee te fietsen',
      halfDays: [{ weekday: 3, part: 'afternoon' }],
      openedOn: '2026-03-02',
      endsOn: '2026-09-30',
      demands: ['walking'],
      courseIds: [f.courseId],
    },
    'helpRequests.match': { id: f.requestId, personId: f.personId, date: '2026-03-05' },
    'helpRequests.end': { id: f.requestId, date: '2026-03-06', note: null },
    'helpRequests.candidates': { id: f.requestId },
    'helpRequests.forPerson': { personId: f.personId },
    'carers.get': { personId: f.carerId },
    'carers.save': {
      personId: f.carerId,
      caresFor: 'haar moeder en haar broer',
      registeredOn: '2026-03-01',
      consent: true,
    },
    'carers.addLoad': { personId: f.carerId, measuredOn: '2026-04-01', load: 2 },
    'carers.addSupport': {
      personId: f.carerId,
      kind: 'activity',
      givenOn: '2026-04-02',
      note: null,
    },
    'carers.list': { activeOn: '2026-06-01', limit: 50 },
  }
}

/** Inputs of the right shape naming what does not exist: refused, and nothing changes. */
export function supportGhosts(
  base: Record<string, Record<string, unknown>>,
): [MethodName, Record<string, unknown>][] {
  const save = base['helpRequests.save']
  return [
    ['helpRequests.saveKind', { ...base['helpRequests.saveKind'], id: 999_999 }],
    ['helpRequests.get', { id: 999_999 }],
    ['helpRequests.candidates', { id: 999_999 }],
    ['helpRequests.forPerson', { personId: 999_999 }],
    ['helpRequests.save', { ...save, id: 999_999 }],
    ['helpRequests.save', { ...save, kindId: 999_999 }],
    ['helpRequests.save', { ...save, personId: 999_999 }],
    ['helpRequests.save', { ...save, courseIds: [999_999] }],
    ['helpRequests.match', { ...base['helpRequests.match'], id: 999_999 }],
    ['helpRequests.match', { ...base['helpRequests.match'], personId: 999_999 }],
    ['helpRequests.end', { ...base['helpRequests.end'], id: 999_999 }],
    ['carers.get', { personId: 999_999 }],
    ['carers.save', { ...base['carers.save'], personId: 999_999 }],
    ['carers.addLoad', { ...base['carers.addLoad'], personId: 999_999 }],
    ['carers.addSupport', { ...base['carers.addSupport'], personId: 999_999 }],
  ]
}
