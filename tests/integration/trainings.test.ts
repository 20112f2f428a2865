import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/db'
import { snapshot } from '../helpers/fixtures'
import { downloaded } from '../helpers/downloads'
import type { SubjectReport } from '../../src/main/domains/subjects/types'
import type { Caller } from '../../src/main/domains/accounts/auth'

/**
 * The trainings register (issue 16) through the real router on a real SQLite file: courses,
 * sessions with staff, people and counted participants from other organisations, their marks,
 * a person's trainings, the log of every view and change with the people it names, and the
 * counter volunteer refused everywhere.
 */

let app: TestApp

beforeEach(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
})
afterEach(async () => app.close())

async function person(firstName: string): Promise<number> {
  const p = await app.call('people.create', {
    firstName,
    lastName: 'Visser',
    registeredOn: '2026-02-01',
  })
  return p.id
}

function logOf(
  entityType: string,
): { action: string; subject_id: number | null; fields: string }[] {
  return app.open.sqlite
    .prepare(`select action, subject_id, fields from audit_log where entity_type = ? order by id`)
    .all(entityType) as { action: string; subject_id: number | null; fields: string }[]
}

describe('trainings', () => {
  it('registers a course and a session with two people, a colleague and two guests, and means their marks', async () => {
    const course = await app.call('trainings.saveCourse', {
      title: 'Omgaan met agressie',
      level: 'basis',
      givenBy: 'Vrijwilligersacademie',
      active: true,
    })
    expect(course).toMatchObject({ title: 'Omgaan met agressie', active: true, sessions: 0 })
    const sanne = await person('Sanne')
    const ali = await person('Ali')
    const colleague = await app.call('users.create', {
      username: 'els',
      displayName: 'Els de Boer',
      role: 'coordinator',
      password: 'Lange-zomeravond-17',
    })
    // The colleague is offered to put on a session, by name only.
    expect(await app.call('trainings.staff', {})).toContainEqual({
      id: colleague.id,
      displayName: 'Els de Boer',
    })
    const session = await app.call('trainings.saveSession', {
      courseId: course.id,
      date: '2026-03-10',
      place: 'Buurthuis De Linde',
      externalCount: 2,
      externalMarks: [9],
      participants: [
        { kind: 'person', id: sanne, completed: true, mark: 8 },
        { kind: 'person', id: ali, completed: false, mark: 6 },
        { kind: 'account', id: colleague.id, completed: true, mark: null },
      ],
    })
    // Three named and two guests; marks 8, 6 and 9: mean 7.7.
    expect(session).toMatchObject({
      courseTitle: 'Omgaan met agressie',
      participants: 5,
      externalCount: 2,
      meanMark: 7.7,
      externalMarks: [9],
    })
    expect(session.named.map((p) => [p.kind, p.name, p.completed, p.mark])).toEqual([
      ['person', 'Sanne Visser', true, 8],
      ['person', 'Ali Visser', false, 6],
      ['account', 'Els de Boer', true, null],
    ])

    const list = await app.call('trainings.sessions', { from: '2026-01-01', to: '2026-12-31' })
    expect(list).toEqual([
      expect.objectContaining({ id: session.id, participants: 5, meanMark: 7.7 }),
    ])
    expect(await app.call('trainings.sessions', { from: '2026-04-01', to: '2026-12-31' })).toEqual(
      [],
    )
    expect((await app.call('trainings.courses', {}))[0]).toMatchObject({ sessions: 1 })

    // Sanne completed it; Ali took part without completing.
    expect(await app.call('trainings.forPerson', { personId: sanne })).toEqual([
      expect.objectContaining({ courseTitle: 'Omgaan met agressie', completed: true, mark: 8 }),
    ])
    expect(await app.call('trainings.forPerson', { personId: ali })).toEqual([
      expect.objectContaining({ completed: false, mark: 6 }),
    ])

    // The log: the session created, and a line for each person put on it (their subject).
    const log = logOf('trainingSession')
    expect(log.filter((l) => l.action === 'create').map((l) => l.subject_id)).toEqual([
      null,
      sanne,
      ali,
    ])
    expect(log.filter((l) => l.action === 'view').map((l) => l.subject_id)).toEqual([sanne, ali])

    // Sanne's subject access export lists the course, completed, with her mark.
    const file = await app.call('subjects.export', { kind: 'person', id: sanne, format: 'json' })
    const report = JSON.parse((await downloaded(app, file)).toString('utf8')) as SubjectReport
    const part = report.parts.find((p) => p.key === 'trainings')
    expect(part?.tables[0].rows).toEqual([
      {
        course: 'Omgaan met agressie',
        level: 'basis',
        date: '2026-03-10',
        completed: 'ja',
        mark: '8',
      },
    ])
  })

  it('replaces everyone on a session when it is saved again, and logs who went', async () => {
    const course = await app.call('trainings.saveCourse', {
      title: 'Maatjescursus',
      active: true,
    })
    const sanne = await person('Sanne')
    const ali = await person('Ali')
    const first = await app.call('trainings.saveSession', {
      courseId: course.id,
      date: '2026-05-01',
      externalCount: 0,
      externalMarks: [],
      participants: [
        { kind: 'person', id: sanne, completed: true, mark: 7 },
        { kind: 'person', id: ali, completed: true, mark: 9 },
      ],
    })
    const again = await app.call('trainings.saveSession', {
      id: first.id,
      courseId: course.id,
      date: '2026-05-01',
      externalCount: 4,
      externalMarks: [6, 10],
      participants: [{ kind: 'person', id: sanne, completed: true, mark: 8 }],
    })
    expect(again.named.map((p) => p.name)).toEqual(['Sanne Visser'])
    expect(again).toMatchObject({ participants: 5, meanMark: 8 })
    const log = logOf('trainingSession').slice(3)
    expect(log).toEqual([
      expect.objectContaining({ action: 'update', subject_id: null }),
      expect.objectContaining({ action: 'update', subject_id: sanne }),
      expect.objectContaining({ action: 'delete', subject_id: ali }),
    ])
    expect(await app.call('trainings.forPerson', { personId: ali })).toEqual([])

    await app.call('trainings.removeSession', { id: first.id })
    expect(await app.call('trainings.forPerson', { personId: sanne })).toEqual([])
    expect(
      app.open.sqlite.prepare('select count(*) from training_external_mark').pluck().get(),
    ).toBe(0)
  })

  it('refuses what does not add up, at the field, and changes nothing', async () => {
    const course = await app.call('trainings.saveCourse', { title: 'Basiscursus', active: true })
    const old = await app.call('trainings.saveCourse', { title: 'Oude cursus', active: false })
    const sanne = await person('Sanne')
    const valid = {
      courseId: course.id,
      date: '2026-05-01',
      externalCount: 1,
      externalMarks: [7],
      participants: [{ kind: 'person' as const, id: sanne, completed: true, mark: 7 }],
    }
    const refused = async (input: object) => {
      const before = snapshot(app)
      const r = await app.router.call(app.admin, 'trainings.saveSession', input)
      expect(snapshot(app)).toBe(before)
      return r.ok ? null : r.error
    }
    expect(await refused({ ...valid, externalMarks: [7, 8] })).toMatchObject({
      code: 'VALIDATION',
      fields: [{ path: 'externalMarks', key: 'marksOverCount' }],
    })
    expect(
      await refused({ ...valid, participants: [...valid.participants, ...valid.participants] }),
    ).toMatchObject({ fields: [{ path: 'participants.1.id', key: 'duplicateParticipant' }] })
    expect(
      await refused({ ...valid, participants: [{ ...valid.participants[0], mark: 11 }] }),
    ).toMatchObject({ fields: [{ path: 'participants.0.mark', key: 'tooBig' }] })
    expect(await refused({ ...valid, courseId: old.id })).toMatchObject({
      fields: [{ path: 'courseId', key: 'unknownOption' }],
    })
    expect(
      await refused({ ...valid, participants: [{ ...valid.participants[0], id: 424242 }] }),
    ).toMatchObject({ fields: [{ path: 'participants.0.id', key: 'unknownOption' }] })
    expect(await refused({ ...valid, id: 424242 })).toMatchObject({ code: 'NOT_FOUND' })
  })

  it('is for staff only: the counter volunteer sees none of it', async () => {
    const counter: Caller = await app.loginAs('volunteer')
    const course = await app.call('trainings.saveCourse', { title: 'Basiscursus', active: true })
    const sanne = await person('Sanne')
    const session = await app.call('trainings.saveSession', {
      courseId: course.id,
      date: '2026-05-01',
      externalCount: 0,
      externalMarks: [],
      participants: [{ kind: 'person', id: sanne, completed: true, mark: null }],
    })
    const calls: [string, object][] = [
      ['trainings.courses', {}],
      ['trainings.saveCourse', { title: 'X', active: true }],
      ['trainings.sessions', { from: '2026-01-01', to: '2026-12-31' }],
      ['trainings.session', { id: session.id }],
      [
        'trainings.saveSession',
        {
          id: session.id,
          courseId: course.id,
          date: '2026-05-02',
          externalCount: 0,
          externalMarks: [],
          participants: [],
        },
      ],
      ['trainings.removeSession', { id: session.id }],
      ['trainings.forPerson', { personId: sanne }],
      ['trainings.staff', {}],
    ]
    const before = snapshot(app)
    for (const [method, input] of calls) {
      const r = await app.router.call(counter, method as never, input as never)
      expect(r.ok ? 'ok' : r.error.code, method).toBe('FORBIDDEN')
    }
    expect(snapshot(app)).toBe(before)
  })
})
