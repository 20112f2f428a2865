import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, rejection, type TestApp } from '../helpers/db'

/*
 * Correcting and deleting a ZRM measurement entered wrongly (`measurements.update`,
 * `measurements.delete`), through the real router on a real SQLite file: the same rules as
 * recording, the audit entry naming the fields, and the progress figures following the change.
 */

let app: TestApp
let personId: number

beforeEach(async () => {
  // Calls go as the first beheerder (staff), unless a test names another screen.
  app = await createTestApp('2026-06-15T10:00:00Z')
  personId = (
    await app.call('people.create', {
      firstName: 'Ana',
      lastName: 'Jansen',
      registeredOn: '2026-01-05',
      intakeOn: '2026-02-01',
    })
  ).id
})
afterEach(async () => app.close())

const YEAR = { from: '2026-01-01', to: '2026-06-15' }

async function twoMeasurements(): Promise<{ first: number; second: number }> {
  const first = await app.call('measurements.record', {
    personId,
    measuredOn: '2026-02-01',
    moment: 'intake',
    scores: [
      { domain: 'finances', score: 2 },
      { domain: 'housing', score: 3 },
    ],
  })
  const second = await app.call('measurements.record', {
    personId,
    measuredOn: '2026-05-01',
    moment: 'reassessment',
    scores: [
      { domain: 'finances', score: 3 },
      { domain: 'housing', score: 3 },
    ],
  })
  return { first: first.id, second: second.id }
}

function lastAudit(): { action: string; fields: string; subjectKind: string; subjectId: number } {
  return app.open.sqlite
    .prepare(
      `select action, fields, subject_kind as subjectKind, subject_id as subjectId from audit_log
        where entity_type = 'measurement' and action in ('update', 'delete') order by id desc`,
    )
    .get() as { action: string; fields: string; subjectKind: string; subjectId: number }
}

describe('measurements.update', () => {
  it('corrects a score, and the progress figures follow the correction', async () => {
    const { second } = await twoMeasurements()
    const before = await app.call('volunteers.stats', YEAR)
    expect(before.progress.finances).toEqual({ n: 1, mean: 1, up: 1, same: 0, down: 0 })

    // Finances was 1 at the reassessment, not 3: she went down, not up.
    const fixed = await app.call('measurements.update', {
      id: second,
      measuredOn: '2026-05-01',
      moment: 'reassessment',
      scores: [
        { domain: 'finances', score: 1 },
        { domain: 'housing', score: 3 },
      ],
    })
    expect(fixed.scores).toEqual([
      { domain: 'finances', score: 1 },
      { domain: 'housing', score: 3 },
    ])
    const after = await app.call('volunteers.stats', YEAR)
    expect(after.progress.finances).toEqual({ n: 1, mean: -1, up: 0, same: 0, down: 1 })
    expect(after.progress.housing).toEqual({ n: 1, mean: 0, up: 0, same: 1, down: 0 })
    expect(lastAudit()).toEqual({
      action: 'update',
      fields: 'score.finances',
      subjectKind: 'person',
      subjectId: personId,
    })
    const [, listed] = await app.call('measurements.list', { personId })
    expect(listed.scores.find((s) => s.domain === 'finances')?.score).toBe(1)
  })

  it('names every field it changed: day, moment, a score removed and one added', async () => {
    const { second } = await twoMeasurements()
    await app.call('measurements.update', {
      id: second,
      measuredOn: '2026-05-02',
      moment: 'end',
      scores: [
        { domain: 'finances', score: 3 },
        { domain: 'justice', score: 5 },
      ],
    })
    expect(lastAudit().fields).toBe('measuredOn,moment,score.housing,score.justice')
    const stats = await app.call('volunteers.stats', YEAR)
    // Housing is no longer scored at the second measurement: nobody to compare.
    expect(stats.progress.housing.n).toBe(0)
  })

  it('writes and logs nothing when the values are the same', async () => {
    const { second } = await twoMeasurements()
    const count = (): number =>
      app.open.sqlite
        .prepare(`select count(*) from audit_log where action = 'update'`)
        .pluck()
        .get() as number
    const before = count()
    await app.call('measurements.update', {
      id: second,
      measuredOn: '2026-05-01',
      moment: 'reassessment',
      scores: [
        { domain: 'housing', score: 3 },
        { domain: 'finances', score: 3 },
      ],
    })
    expect(count()).toBe(before)
  })

  it('refuses what recording refuses, at the field, and changes nothing', async () => {
    const { second } = await twoMeasurements()
    const valid = {
      id: second,
      measuredOn: '2026-05-01',
      moment: 'reassessment' as const,
      scores: [{ domain: 'finances' as const, score: 4 }],
    }
    const snapshot = (): unknown =>
      app.open.sqlite
        .prepare(
          `select m.measured_on, m.moment, m.ladder, m.progress_scores,
            group_concat(s.domain || s.score) from measurement m
            join measurement_score s on s.measurement_id = m.id where m.id = ? group by m.id`,
        )
        .get(second)
    const before = snapshot()
    const future = await rejection(
      app.call('measurements.update', { ...valid, measuredOn: '2026-06-16' }),
    )
    expect(future.fields).toEqual([{ path: 'measuredOn', key: 'futureDate' }])
    const early = await rejection(
      app.call('measurements.update', { ...valid, measuredOn: '2026-01-04' }),
    )
    expect(early.fields).toEqual([
      { path: 'measuredOn', key: 'beforeRegistration', params: { date: '05-01-2026' } },
    ])
    // Recorded on the 11 domains: a 2017 domain does not belong to it.
    const other = await rejection(
      app.call('measurements.update', {
        ...valid,
        scores: [
          { domain: 'finances', score: 4 },
          { domain: 'time_use', score: 2 },
        ],
      }),
    )
    expect(other.fields).toEqual([{ path: 'scores.1.domain', key: 'domainNotInVersion' }])
    const twice = await rejection(
      app.call('measurements.update', {
        ...valid,
        scores: [
          { domain: 'finances', score: 4 },
          { domain: 'finances', score: 2 },
        ],
      }),
    )
    expect(twice.code).toBe('VALIDATION')
    expect(twice.fields?.[0].path).toBe('scores.1.domain')
    const ladder = await rejection(app.call('measurements.update', { ...valid, ladder: 3 }))
    expect(ladder.fields).toEqual([{ path: 'ladder', key: 'ladderOff' }])
    const none = await rejection(app.call('measurements.update', { ...valid, id: 999_999 }))
    expect(none.code).toBe('NOT_FOUND')
    expect(snapshot()).toEqual(before)
  })

  it('keeps a ladder step recorded while the ladder was on, after it was switched off', async () => {
    await app.call('measurements.updateSettings', { ladder: true })
    const m = await app.call('measurements.record', {
      personId,
      measuredOn: '2026-03-01',
      moment: 'intake',
      scores: [{ domain: 'finances', score: 2 }],
      ladder: 2,
    })
    await app.call('measurements.updateSettings', { ladder: false })
    const fixed = await app.call('measurements.update', {
      id: m.id,
      measuredOn: '2026-03-01',
      moment: 'intake',
      scores: [{ domain: 'finances', score: 3 }],
      ladder: 2,
    })
    expect(fixed.ladder).toBe(2)
    const other = await rejection(
      app.call('measurements.update', { ...fixed, id: m.id, ladder: 4 }),
    )
    expect(other.fields).toEqual([{ path: 'ladder', key: 'ladderOff' }])
  })
})

describe('measurements.delete', () => {
  it('removes a measurement with its scores, the figures no longer count it, audited', async () => {
    const { first, second } = await twoMeasurements()
    await app.call('measurements.delete', { id: second })
    expect((await app.call('measurements.list', { personId })).map((m) => m.id)).toEqual([first])
    const scores = app.open.sqlite
      .prepare(`select count(*) from measurement_score where measurement_id = ?`)
      .pluck()
      .get(second)
    expect(scores).toBe(0)
    // One measurement left: no progress to show.
    const stats = await app.call('volunteers.stats', YEAR)
    expect(stats.progress.finances.n).toBe(0)
    expect(lastAudit()).toEqual({
      action: 'delete',
      fields: 'measuredOn,moment,version,score.finances,score.housing',
      subjectKind: 'person',
      subjectId: personId,
    })
    const again = await rejection(app.call('measurements.delete', { id: second }))
    expect(again.code).toBe('NOT_FOUND')
  })

  it('is refused for an anonymised person, whose figures it would change', async () => {
    const { second } = await twoMeasurements()
    await app.open.db
      .updateTable('person')
      .set({ anonymisedAt: '2026-06-01T00:00:00.000Z' })
      .where('id', '=', personId)
      .execute()
    expect((await rejection(app.call('measurements.delete', { id: second }))).code).toBe('CONFLICT')
    const update = await rejection(
      app.call('measurements.update', {
        id: second,
        measuredOn: '2026-05-01',
        moment: 'end',
        scores: [{ domain: 'finances', score: 5 }],
      }),
    )
    expect(update.code).toBe('CONFLICT')
    expect((await app.call('measurements.list', { personId })).length).toBe(2)
  })

  it('is staff work: a volunteer gets FORBIDDEN for both, from main, and nothing changes', async () => {
    const { second } = await twoMeasurements()
    const vera = await app.loginAs('volunteer', 'vera')
    for (const [method, input] of [
      [
        'measurements.update',
        {
          id: second,
          measuredOn: '2026-05-01',
          moment: 'end',
          scores: [{ domain: 'finances', score: 5 }],
        },
      ],
      ['measurements.delete', { id: second }],
    ] as const) {
      const r = await app.router.call(vera, method, input)
      expect(r.ok ? 'ok' : r.error.code, method).toBe('FORBIDDEN')
    }
    const list = await app.call('measurements.list', { personId })
    expect(list.map((m) => [m.id, m.moment])).toEqual([
      [list[0].id, 'intake'],
      [second, 'reassessment'],
    ])
  })
})
