import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, rejection, type TestApp } from '../helpers/db'
import { downloaded } from '../helpers/downloads'
import { pdfText } from '../helpers/pdf'
import { householdInput } from '../helpers/fixtures'
import { matchingFixture } from '../helpers/volunteers-matching'
import type { SubjectReport } from '../../src/main/domains/subjects/types'

let app: TestApp
beforeEach(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
})
afterEach(async () => app.close())

const TUE_AM = { weekday: 2, part: 'morning' } as const

interface Entry {
  action: string
  entity_type: string | null
  entity_id: string | null
  subject_kind: string | null
  subject_id: number | null
  detail: string | null
}

/** The entries written by one call. */
async function logged(call: () => Promise<unknown>): Promise<Entry[]> {
  const sql = app.open.sqlite
  const before = (sql.prepare('select max(id) as n from audit_log').get() as { n: number }).n
  await call()
  return sql
    .prepare(
      `select action, entity_type, entity_id, subject_kind, subject_id, detail
       from audit_log where id > ? order by id`,
    )
    .all(before) as Entry[]
}

async function limitationId(name: string): Promise<number> {
  const all = await app.call('volunteerLists.list', { kind: 'limitation', includeInactive: true })
  return all.find((o) => o.name === name)!.id
}

async function person(firstName: string, limitations: number[] = []): Promise<number> {
  return (
    await app.call('people.create', {
      firstName,
      lastName: 'Privé',
      registeredOn: '2026-02-01',
      intakeOn: '2026-02-10',
      place: 'Zwolle',
      limitationIds: limitations,
      availability: [TUE_AM],
    })
  ).id
}

describe('views of people are in the audit log under the person (M4)', () => {
  it('matching a vacancy logs a view under each person on the page, not under those ranked beyond it', async () => {
    await app.call('organisations.create', { name: 'Buurthuis De Linde' })
    const f = await matchingFixture(app)
    const tillen = await limitationId('Niet tillen')
    const extra = [await person('Jet', [tillen]), await person('Kees'), await person('Lies')]
    const out = await app.call('matching.forVacancy', {
      vacancyId: f.vacancyId,
      limit: 2,
      excludedLimit: 2,
    })
    const shown = [...out.ranked, ...out.excluded].map((c) => c.personId)
    expect(out.counts.ranked + out.counts.excluded).toBeGreaterThan(shown.length)
    const entries = app.open.sqlite
      .prepare(
        `select subject_id from audit_log
         where action = 'view' and entity_type = 'matching' and subject_kind = 'person'`,
      )
      .all() as { subject_id: number }[]
    expect(entries.map((e) => e.subject_id).sort()).toEqual([...shown].sort())
    // Every one of them is in the person's subject access export.
    const file = await app.call('subjects.export', {
      kind: 'person',
      id: shown[0],
      format: 'json',
    })
    const report = JSON.parse((await downloaded(app, file)).toString('utf8')) as SubjectReport
    const audit = report.parts.find((p) => p.key === 'audit')!.tables[0].rows
    expect(audit.some((r) => r.about === 'matching (voorstellen)' && r.action)).toBe(true)
    expect(extra).toHaveLength(3)
    // The entries written together still form an unbroken chain.
    expect(await app.call('audit.verify', { full: false })).toMatchObject({ ok: true })
  })

  it('a placement check is logged under the person; the board, the search and the dashboard once with a count', async () => {
    await app.call('organisations.create', { name: 'Buurthuis De Linde' })
    const f = await matchingFixture(app)
    const check = await logged(() =>
      app.call('placements.check', {
        personId: f.personId,
        vacancyId: f.vacancyId,
        halfDays: [TUE_AM],
      }),
    )
    expect(check).toEqual([
      expect.objectContaining({ action: 'view', subject_kind: 'person', subject_id: f.personId }),
    ])
    const board = await logged(() =>
      app.call('placements.list', {
        personId: null,
        vacancyId: null,
        step: null,
        scope: 'active',
        limit: 100,
      }),
    )
    expect(board).toEqual([
      expect.objectContaining({ action: 'view', entity_type: 'placement', subject_id: null }),
    ])
    expect(board[0].detail).toContain('"count":3')
    const search = await logged(() => app.call('people.search', { query: 'Matchtest' }))
    expect(search).toEqual([
      expect.objectContaining({ action: 'view', entity_type: 'person', subject_id: null }),
    ])
    // Never the search words, which may be a name.
    expect(search[0].detail).not.toContain('Matchtest')
    expect(search[0].detail).toContain('"count":4')
    const dashboard = await logged(() => app.call('volunteers.dashboard', {}))
    expect(dashboard).toEqual([expect.objectContaining({ action: 'view', entity_type: 'person' })])
  })

  it('the people of a household are each logged under the person', async () => {
    const h = await app.call('households.create', householdInput())
    const p = await app.call('people.fromHousehold', {
      householdId: h.id,
      firstName: 'Mila',
      lastName: 'Privé',
      registeredOn: '2026-06-01',
    })
    const entries = await logged(() => app.call('people.forHousehold', { householdId: h.id }))
    expect(entries).toEqual([
      expect.objectContaining({ action: 'view', subject_kind: 'person', subject_id: p.id }),
    ])
  })
})

describe('the subject access export of a person (L6)', () => {
  it('names the changed fields in Dutch and writes hours with a decimal comma', async () => {
    const id = await person('Roos')
    const before = await app.call('people.get', { id })
    await app.call('people.update', {
      ...before,
      id,
      lastName: 'Anders',
      registeredOn: '2026-01-15',
      intakeOn: '2026-02-12',
      status: 'active',
      availability: [TUE_AM, { weekday: 3, part: 'morning' }],
      skillIds: [],
      interestIds: [],
      learningGoalIds: [],
      limitationIds: [],
      programmeId: null,
      referralSourceId: null,
    } as never)
    await app.call('hours.log', {
      entries: [{ personId: id, placementId: null, month: '2026-05', hours: 12.25 }],
    })
    const file = await app.call('subjects.export', { kind: 'person', id, format: 'pdf' })
    const text = pdfText(await downloaded(app, file))
    expect(text).toContain('12,25')
    expect(text).not.toContain('12.25')
    for (const raw of ['lastName', 'registeredOn', 'intakeOn', 'availability', 'month', 'hours'])
      expect(text, raw).not.toMatch(new RegExp(`\\b${raw}\\b`))
    expect(text).toContain('achternaam')
    expect(text).toContain('maand, uren')
  })
})

describe('contacts.log (L7)', () => {
  it('refuses a next contact date more than a year ahead, at the field, and stores nothing', async () => {
    const id = await person('Sem')
    const err = await rejection(
      app.call('contacts.log', {
        personId: id,
        contactedOn: '2026-06-10',
        kind: 'phone',
        nextOn: '2200-12-31',
      }),
    )
    expect(err.code).toBe('VALIDATION')
    expect(err.fields).toEqual([
      { path: 'nextOn', key: 'arrivesTooFar', params: { date: '15-06-2027' } },
    ])
    const n = app.open.sqlite.prepare('select count(*) as n from person_contact').get() as {
      n: number
    }
    expect(n.n).toBe(0)
    // A year ahead is still fine.
    await app.call('contacts.log', {
      personId: id,
      contactedOn: '2026-06-10',
      kind: 'phone',
      nextOn: '2027-06-15',
    })
  })
})

describe('unknown extra fields (L4)', () => {
  it('are dropped by the follow-up methods as by people, vacancies and the shop, not refused', async () => {
    const id = await person('Tom')
    const extra = { personId: id, contactedOn: '2026-06-10', kind: 'phone', bogus: 'x' }
    const contact = await app.call('contacts.log', extra as never)
    expect(contact).toMatchObject({ personId: id, kind: 'phone' })
    expect(contact).not.toHaveProperty('bogus')
    const saved = await app.call('hours.log', {
      entries: [{ personId: id, placementId: null, month: '2026-05', hours: 3, bogus: 1 }],
      bogus: true,
    } as never)
    expect(saved).toEqual({ saved: 1, removed: 0 })
  })
})
