import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, rejection, type TestApp } from '../helpers/db'
import { householdInput, snapshot } from '../helpers/fixtures'
import { downloaded } from '../helpers/downloads'
import { pdfText } from '../helpers/pdf'
import type { SubjectReport } from '../../src/main/domains/subjects/types'

let app: TestApp
beforeEach(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
})
afterEach(async () => app.close())

const intake = {
  date: '2026-06-15',
  doneBy: 'Anja Intake',
  topicIds: [],
  referrals: [],
  notes: 'Zorgen over de energierekening',
}

function intakeRows(householdId: number): unknown[] {
  return app.open.sqlite
    .prepare('select debts, multiple_problems from intake where household_id = ? order by id')
    .all(householdId)
}

describe('debts and multiple problems on the intake', () => {
  it('records yes / no / unknown on a new intake and on the first intake of a new family', async () => {
    const { id } = await app.call(
      'households.create',
      householdInput({ intake: { ...intake, debts: 'yes', multipleProblems: 'no' } }),
    )
    const saved = await app.call('intakes.create', {
      householdId: id,
      ...intake,
      debts: 'no',
      multipleProblems: 'yes',
    })
    expect(saved).toMatchObject({ debts: 'no', multipleProblems: 'yes' })
    // Not asked: unknown, never a guessed "no".
    await app.call('intakes.create', { householdId: id, ...intake })
    expect(intakeRows(id)).toEqual([
      { debts: 'yes', multiple_problems: 'no' },
      { debts: 'no', multiple_problems: 'yes' },
      { debts: 'unknown', multiple_problems: 'unknown' },
    ])
    const detail = await app.call('households.get', { id })
    expect(detail.intakes?.map((i) => [i.debts, i.multipleProblems])).toEqual([
      ['unknown', 'unknown'],
      ['no', 'yes'],
      ['yes', 'no'],
    ])
    // Audited like the other fields of the intake: the names, never the answers.
    const fields = app.open.sqlite
      .prepare("select fields from audit_log where entity_type = 'intake' order by id")
      .all() as { fields: string }[]
    expect(fields).toHaveLength(3)
    for (const f of fields) expect(f.fields).toMatch(/debts.*multipleProblems/)
  })

  it('refuses an answer that is not yes / no / unknown at its field, and writes nothing', async () => {
    const { id } = await app.call('households.create', householdInput())
    const before = snapshot(app)
    const e = await rejection(
      app.call('intakes.create', {
        householdId: id,
        ...intake,
        // @ts-expect-error: the screen never sends this; main must refuse it anyway
        debts: 'ja',
        // @ts-expect-error: idem
        multipleProblems: null,
      }),
    )
    expect(e.code).toBe('VALIDATION')
    expect(e.fields?.map((f) => f.path).sort()).toEqual(['debts', 'multipleProblems'])
    expect(e.fields?.every((f) => f.key === 'invalidOption' || f.key === 'required')).toBe(true)
    const nested = await rejection(
      app.call(
        'households.create',
        householdInput({
          contactName: 'Iemand Anders',
          postcode: '1234 ZZ',
          phone: null,
          // @ts-expect-error: idem
          intake: { ...intake, multipleProblems: 'misschien' },
        }),
      ),
    )
    expect(nested.fields).toEqual([{ path: 'intake.multipleProblems', key: 'invalidOption' }])
    expect(snapshot(app)).toBe(before)
  })

  it('never shows them to a volunteer, on any path that returns an intake', async () => {
    const { id } = await app.call(
      'households.create',
      householdInput({ intake: { ...intake, debts: 'yes', multipleProblems: 'yes' } }),
    )
    const volunteer = await app.loginAs('volunteer')
    // The counter looks a family up before it opens it.
    const search = await app.call('households.search', { query: 'Sanne de' }, volunteer)
    expect(JSON.stringify(search)).not.toMatch(/debts|multipleProblems/)
    const detail = await app.call('households.get', { id }, volunteer)
    const seen = JSON.stringify(detail)
    expect(seen).not.toMatch(/debts|multipleProblems/)
    for (const i of detail.intakes ?? []) {
      expect(i).not.toHaveProperty('debts')
      expect(i).not.toHaveProperty('multipleProblems')
      expect(i.notes).toBeNull()
    }
    // With earlier topics and referrals open to volunteers, still not these answers.
    await app.call('settings.update', { volunteerMaySeeHistory: true })
    await app.call('households.search', { query: 'Sanne de' }, volunteer)
    const history = await app.call('households.get', { id }, volunteer)
    expect(JSON.stringify(history)).not.toMatch(/debts|multipleProblems/)
    // The other paths to an intake are not open to a volunteer at all.
    for (const call of [
      app.call('intakes.create', { householdId: id, ...intake, debts: 'no' }, volunteer),
      app.call('subjects.export', { kind: 'household', id, format: 'json' }, volunteer),
    ])
      expect((await rejection(call)).code).toBe('FORBIDDEN')
  })

  it('puts them in the subject access export, in words', async () => {
    const { id } = await app.call(
      'households.create',
      householdInput({ intake: { ...intake, debts: 'yes', multipleProblems: 'unknown' } }),
    )
    const json = await app.call('subjects.export', { kind: 'household', id, format: 'json' })
    const report = JSON.parse((await downloaded(app, json)).toString('utf8')) as SubjectReport
    const table = report.parts.find((p) => p.key === 'intakes')!.tables[0]
    expect(table.columns.map((c) => c.label)).toEqual(
      expect.arrayContaining(['Schulden', 'Meerdere problemen']),
    )
    expect(table.rows[0]).toMatchObject({ debts: 'Ja', multipleProblems: 'Onbekend' })
    const pdf = pdfText(
      await downloaded(
        app,
        await app.call('subjects.export', { kind: 'household', id, format: 'pdf' }),
      ),
    )
    expect(pdf).toMatch(/Schulden\s+Ja/)
    expect(pdf).toMatch(/Meerdere problemen\s+Onbekend/)
  })

  it('keeps them when the household is anonymised: they identify nobody and count in the figures', async () => {
    const { id } = await app.call(
      'households.create',
      householdInput({ intake: { ...intake, debts: 'yes', multipleProblems: 'no' } }),
    )
    await app.call('retention.anonymise', { id })
    expect(intakeRows(id)).toEqual([{ debts: 'yes', multiple_problems: 'no' }])
    // The notes beside them do go.
    expect(
      app.open.sqlite.prepare('select notes from intake where household_id = ?').get(id),
    ).toEqual({ notes: null })
  })
})
