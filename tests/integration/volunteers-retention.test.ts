import Database from 'better-sqlite3-multiple-ciphers'
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD, createTestApp, rejection, type TestApp } from '../helpers/db'
import { downloaded } from '../helpers/downloads'
import type { DB } from '../../src/main/db/schema'
import type { SubjectReport } from '../../src/main/domains/subjects/types'
import { memoryErasureLog } from '../../src/main/vault/erasure-log'
import { reapplyErasures } from '../../src/main/domains/retention/erasures'

let app: TestApp
beforeEach(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
})
afterEach(async () => app.close())

const T = '2024-01-01T10:00:00.000Z'

/**
 * A person with a whole history: an intake, a placement that ended, hours, two measurements, a
 * plan with goals and a review, contacts and a doorstroom, and outflow. The follow-up rows are
 * written straight into their tables (other parts of the domain own their methods); the person
 * and the move go through the router.
 */
async function personWithHistory(first: string, district: string): Promise<number> {
  const host = (await app.call('organisations.list', {}))[0]
  const skill = (await app.call('volunteerLists.list', { kind: 'skill' }))[0].id
  const programmeId = (await app.call('programmes.list', {}))[0].id
  const p = await app.call('people.create', {
    firstName: first,
    lastName: 'Geheimnaam',
    phone: '06-11112222',
    email: `${first.toLowerCase()}@geheim.nl`,
    address: 'Geheimstraat 1',
    postcode: '8011 AB',
    place: 'Zwolle',
    district,
    birthYear: 1987,
    gender: 'female',
    registeredOn: '2024-01-10',
    intakeOn: '2024-02-01',
    programmeId,
    skillIds: [skill],
    availability: [{ weekday: 1, part: 'morning' }],
    notes: `Notitie ${first}`,
    referrer: 'Wijkcoach Geheim',
  })
  await app.call('people.addMove', {
    personId: p.id,
    movedOn: '2024-09-01',
    toText: `Kassa ${first}`,
    note: 'Geheime doorstroom',
  })
  await app.call('people.setOutflow', {
    id: p.id,
    kind: 'paid_work',
    on: '2024-12-01',
    note: `Baan bij ${first}`,
  })
  const sql = app.open.sqlite
  const vacancy = sql
    .prepare(
      `insert into vacancy (partner_id, title, search_title, places, created_at, updated_at)
       values (?, 'Gastvrouw', 'gastvrouw', 2, '${T}', '${T}')`,
    )
    .run(host.id).lastInsertRowid
  const placement = sql
    .prepare(
      `insert into placement (person_id, vacancy_id, step, proposed_on, introduction_on, trial_on,
        trial_ends_on, placed_on, ended_on, reason, override_reason, created_at, updated_at)
       values (?, ?, 'ended', '2024-02-10', '2024-02-15', '2024-03-01', '2024-03-31',
        '2024-04-01', '2024-11-30', 'Geheime reden', 'Geheime uitzondering', '${T}', '${T}')`,
    )
    .run(p.id, vacancy).lastInsertRowid
  sql.prepare(`insert into placement_slot values (?, 1, 'morning')`).run(placement)
  for (const [month, hours] of [
    ['2024-04', 12],
    ['2024-05', 16],
    ['2024-06', 8.5],
  ] as const)
    sql
      .prepare(
        `insert into volunteer_hours (person_id, placement_id, month, hours, created_at,
          updated_at) values (?, ?, ?, ?, '${T}', '${T}')`,
      )
      .run(p.id, placement, month, hours)
  for (const [on, moment, score] of [
    ['2024-02-01', 'intake', 2],
    ['2024-11-15', 'end', 4],
  ] as const) {
    const m = sql
      .prepare(
        `insert into measurement (person_id, measured_on, moment, version, created_at)
         values (?, ?, ?, 'zrm11', '${T}')`,
      )
      .run(p.id, on, moment).lastInsertRowid
    sql.prepare(`insert into measurement_score values (?, 'finances', ?)`).run(m, score)
    sql.prepare(`insert into measurement_score values (?, 'housing', ?)`).run(m, score + 1)
  }
  sql
    .prepare(
      `insert into plan values (?, 'Eerst schuldenvrij bij Geheimbank', 'volunteer_place', '${T}')`,
    )
    .run(p.id)
  sql
    .prepare(
      `insert into plan_goal (person_id, text, zrm_domain, status, closed_on, created_at)
       values (?, 'Geheim doel', 'finances', 'realised', '2024-11-30', '${T}')`,
    )
    .run(p.id)
  sql
    .prepare(
      `insert into plan_review (person_id, planned_on, done_on, note) values (?, '2024-06-01', '2024-06-03', 'Geheime evaluatie')`,
    )
    .run(p.id)
  sql
    .prepare(
      `insert into person_contact (person_id, contacted_on, kind, by_account_id, note, next_on,
        created_at) values (?, '2024-05-01', 'phone', 1, 'Geheim telefoontje', '2024-06-01', '${T}')`,
    )
    .run(p.id)
  return p.id
}

const SECRETS = (first: string): string[] => [
  first,
  'Geheimnaam',
  '06-11112222',
  'geheim.nl',
  'Geheimstraat',
  '8011 AB',
  `Notitie ${first}`,
  'Wijkcoach Geheim',
  `Kassa ${first}`,
  'Geheime doorstroom',
  `Baan bij ${first}`,
  'Geheime reden',
  'Geheime uitzondering',
  'Geheimbank',
  'Geheim doel',
  'Geheime evaluatie',
  'Geheim telefoontje',
]

function dumpOf(sqlite: Database.Database, id: number): string {
  return JSON.stringify(
    [
      ['person', 'id'],
      ['person_move', 'person_id'],
      ['placement', 'person_id'],
      ['plan', 'person_id'],
      ['plan_goal', 'person_id'],
      ['plan_review', 'person_id'],
      ['person_contact', 'person_id'],
    ].map(([t, c]) => sqlite.prepare(`select * from ${t} where ${c} = ?`).all(id)),
  )
}

const PERIODS = [
  { from: '2024-01-01', to: '2024-12-31' },
  { from: '2024-04-01', to: '2024-06-30' },
  { from: '2024-01-01', to: '2024-12-31', district: 'Assendorp' },
  { from: '2025-01-01', to: '2025-12-31' },
]

async function allStats(): Promise<unknown[]> {
  const out: unknown[] = []
  for (const p of PERIODS) out.push(await app.call('volunteers.stats', p))
  return out
}

describe('a person as a data subject (retention "people")', () => {
  it('anonymising keeps every figure of volunteers.stats and removes the personal values', async () => {
    const id = await personWithHistory('Roos', 'Assendorp')
    await personWithHistory('Lies', 'Assendorp')
    const before = await allStats()
    // The figures see the history (so "identical" means something).
    expect(JSON.stringify(before[0])).toContain('"intakes":2')

    const result = await app.call('retention.anonymise', { kind: 'person', id })
    expect(result).toEqual({ kind: 'person', id, changed: true })
    expect(await allStats()).toEqual(before)

    const dump = dumpOf(app.open.sqlite, id)
    for (const secret of SECRETS('Roos')) expect(dump, secret).not.toContain(secret)
    const p = app.open.sqlite
      .prepare(
        'select reference, district, birth_year, gender, registered_on, intake_on, outflow_kind, outflow_on, programme_id from person where id = ?',
      )
      .get(id) as Record<string, unknown>
    expect(p).toMatchObject({
      district: 'Assendorp',
      birth_year: 1980,
      gender: 'female',
      registered_on: '2024-01-10',
      intake_on: '2024-02-01',
      outflow_kind: 'paid_work',
      outflow_on: '2024-12-01',
    })
    // The other person is untouched.
    expect(dumpOf(app.open.sqlite, id + 1)).toContain('Lies')
    // Audited under the person, and nothing more to do the second time.
    const entries = app.open.sqlite
      .prepare(
        "select action, subject_kind, subject_id, fields from audit_log where action = 'anonymise'",
      )
      .all() as { fields: string }[]
    expect(entries).toEqual([
      expect.objectContaining({ action: 'anonymise', subject_kind: 'person', subject_id: id }),
    ])
    expect(entries[0].fields.split(',')).toEqual(expect.arrayContaining(['firstName', 'contacts']))
    expect((await app.call('retention.anonymise', { kind: 'person', id })).changed).toBe(false)
    // Nothing can be changed about an anonymised person any more.
    const err = await rejection(
      app.call('people.addMove', { personId: id, movedOn: '2025-01-01', toText: 'X' }),
    )
    expect(err.key).toBe('personAnonymised')
    const shown = await app.call('people.get', { id })
    expect(shown).toMatchObject({ firstName: 'Geanonimiseerd', anonymised: true, phone: null })
  })

  it('refuses to delete a person the figures count, and deletes nothing', async () => {
    const id = await personWithHistory('Roos', 'Assendorp')
    const err = await rejection(app.call('retention.delete', { kind: 'person', id }))
    expect(err).toMatchObject({ code: 'CONFLICT', key: 'retentionPersonInReports' })
    expect(app.open.sqlite.prepare('select count(*) as n from person').get()).toEqual({ n: 1 })
    const missing = await rejection(app.call('retention.anonymise', { kind: 'person', id: 999 }))
    expect(missing.code).toBe('NOT_FOUND')
  })

  it('lists people whose last contact is past the term; a running placement keeps one off', async () => {
    // Entered on 15 December 2024, two weeks after the outflow.
    app.clock.set('2024-12-15T10:00:00Z')
    const old = await personWithHistory('Roos', 'Assendorp')
    const busy = await personWithHistory('Lies', 'Assendorp')
    app.open.sqlite
      .prepare(
        `insert into placement (person_id, vacancy_id, step, proposed_on, created_at, updated_at)
         values (?, 1, 'proposed', '2024-01-20', '${T}', '${T}')`,
      )
      .run(busy)
    // Term 24 months: on 2027-01-15 the last contact (the day the record was made) is too old.
    app.clock.set('2027-01-15T10:00:00Z')
    await app.call('auth.unlock', { password: ADMIN_PASSWORD })
    const due = await app.call('retention.due', { kind: 'person' })
    const people = due.rows
    expect(people).toEqual([
      expect.objectContaining({
        id: old,
        lastContact: '2024-12-15',
        canDelete: false,
        district: 'Assendorp',
      }),
    ])
    expect(due.cutoffs.people).toBe('2025-01-15')
  })

  it('re-applies an anonymisation after a restore of an older copy', async () => {
    const id = await personWithHistory('Roos', 'Assendorp')
    const copy = app.open.sqlite.serialize()
    copy[18] = 1
    copy[19] = 1
    await app.call('retention.anonymise', { kind: 'person', id })
    const log = memoryErasureLog()
    log.append({ at: '2026-06-15T10:00:00.000Z', action: 'anonymise', kind: 'person', id })
    // A delete that the figures now count is anonymised instead, once.
    log.append({ at: '2026-06-15T10:00:01.000Z', action: 'delete', kind: 'person', id })
    const sqlite = new Database(copy)
    const db = new Kysely<DB>({
      dialect: new SqliteDialect({ database: sqlite }),
      plugins: [new CamelCasePlugin()],
    })
    try {
      expect(dumpOf(sqlite, id)).toContain('Geheimnaam')
      expect(await reapplyErasures(db, log.entries(), new Date('2026-06-16T08:00:00Z'))).toBe(1)
      const dump = dumpOf(sqlite, id)
      for (const secret of SECRETS('Roos')) expect(dump, secret).not.toContain(secret)
      expect(sqlite.prepare('select count(*) as n from volunteer_hours').get()).toEqual({ n: 3 })
      expect(await reapplyErasures(db, log.entries(), new Date('2026-06-16T08:00:00Z'))).toBe(0)
    } finally {
      await db.destroy()
    }
  })

  it('exports everything of the person: profile, placements, hours, measurements, plan and contacts', async () => {
    const id = await personWithHistory('Roos', 'Assendorp')
    const file = await app.call('subjects.export', { kind: 'person', id, format: 'json' })
    const report = JSON.parse((await downloaded(app, file)).toString('utf8')) as SubjectReport
    expect(report.subject).toMatchObject({
      kind: 'person',
      id,
      label: expect.stringContaining('D-'),
    })
    const keys = report.parts.map((p) => p.key)
    expect(keys).toEqual(
      expect.arrayContaining(['person', 'volunteerPlacements', 'volunteerFollowUp', 'audit']),
    )
    expect(keys).not.toContain('household')
    const text = JSON.stringify(report)
    for (const secret of SECRETS('Roos')) expect(text, secret).toContain(secret)
    expect(text).toContain('Financiën 2')
    expect(text).toContain('betaald werk')
    const details = report.parts.find((p) => p.key === 'person')!.tables[0].rows[0]
    expect(details).toMatchObject({ firstName: 'Roos', registeredOn: '2024-01-10' })
    // The export itself is logged under the person.
    const logged = app.open.sqlite
      .prepare("select subject_kind, subject_id from audit_log where action = 'export'")
      .all()
    expect(logged).toEqual([{ subject_kind: 'person', subject_id: id }])
    // And the PDF is made too.
    const pdf = await app.call('subjects.export', { kind: 'person', id, format: 'pdf' })
    expect((await downloaded(app, pdf)).subarray(0, 5).toString()).toBe('%PDF-')
  })
})
