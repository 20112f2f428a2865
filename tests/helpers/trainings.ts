import type { MethodName } from '../../src/shared/api'
import type { TestApp } from './db'

/** A course and a session of it with one person and the admin on it (issue 16). */
export async function trainingFixture(
  app: TestApp,
  personId: number,
): Promise<{ courseId: number; sessionId: number; personId: number }> {
  const course = await app.call('trainings.saveCourse', {
    title: 'Omgaan met agressie',
    level: 'basis',
    givenBy: 'Vrijwilligersacademie',
    active: true,
  })
  const session = await app.call('trainings.saveSession', {
    courseId: course.id,
    date: '2026-03-10',
    place: 'Buurthuis De Linde',
    externalCount: 2,
    externalMarks: [8],
    participants: [{ kind: 'person', id: personId, completed: true, mark: 7 }],
  })
  return { courseId: course.id, sessionId: session.id, personId }
}

/** One valid input per trainings method. */
export function trainingBases(f: {
  courseId: number
  sessionId: number
  personId: number
}): Partial<Record<MethodName, unknown>> {
  return {
    'trainings.courses': {},
    'trainings.saveCourse': {
      id: f.courseId,
      title: 'Omgaan met agressie',
      level: 'verdieping',
      givenBy: null,
      active: true,
    },
    'trainings.sessions': { from: '2026-01-01', to: '2026-12-31', courseId: f.courseId },
    'trainings.session': { id: f.sessionId },
    'trainings.saveSession': {
      id: f.sessionId,
      courseId: f.courseId,
      date: '2026-03-11',
      place: null,
      externalCount: 3,
      externalMarks: [8, 9],
      participants: [{ kind: 'person', id: f.personId, completed: false, mark: null }],
    },
    'trainings.removeSession': { id: f.sessionId },
    'trainings.forPerson': { personId: f.personId },
    'trainings.staff': {},
  }
}

/** Inputs of the right shape naming what does not exist: refused, and nothing changes. */
export function trainingGhosts(
  base: Record<string, Record<string, unknown>>,
): [MethodName, Record<string, unknown>][] {
  const session = base['trainings.saveSession']
  return [
    ['trainings.saveCourse', { ...base['trainings.saveCourse'], id: 999_999 }],
    ['trainings.session', { id: 999_999 }],
    ['trainings.removeSession', { id: 999_999 }],
    ['trainings.forPerson', { personId: 999_999 }],
    ['trainings.saveSession', { ...session, id: 999_999 }],
    ['trainings.saveSession', { ...session, courseId: 999_999 }],
    [
      'trainings.saveSession',
      { ...session, participants: [{ kind: 'person', id: 999_999, completed: true, mark: 5 }] },
    ],
    [
      'trainings.saveSession',
      { ...session, participants: [{ kind: 'account', id: 999_999, completed: true, mark: 5 }] },
    ],
  ]
}
