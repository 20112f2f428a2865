import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, rejection, type TestApp } from '../helpers/db'
import { downloadedText } from '../helpers/downloads'
import { householdInput, snapshot } from '../helpers/fixtures'
import type { SubjectReport } from '../../src/main/domains/subjects/types'

let app: TestApp
beforeEach(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
})
afterEach(async () => app.close())

const SINCE = '2026-05-01'

async function family(name = 'Sanne de Vries', phone = '06-12345678'): Promise<number> {
  const { id } = await app.call(
    'households.create',
    householdInput({ contactName: name, phone, postcode: '3811 HZ', confirmDuplicate: true }),
  )
  return id
}

describe('call list: gebeld / uitgenodigd', () => {
  it('records the day, shows the last one on the list and in the CSV, and logs who did it', async () => {
    const id = await family()
    const other = await family('Mohamed Bouzid', '06-87654321')
    const coordinator = await app.loginAs('coordinator', 'carla')

    await app.call('households.markContacted', { householdId: id, date: '2026-06-10' }, coordinator)
    await app.call('households.markContacted', { householdId: id, date: '2026-06-12' }, coordinator)

    const rows = await app.call('households.callList', { notSeenSince: SINCE })
    expect(rows.find((r) => r.id === id)?.lastContactOn).toBe('2026-06-12')
    // Still on the list until the family books: a call is not an appointment.
    expect(rows.find((r) => r.id === other)?.lastContactOn).toBeNull()

    const { csv } = await app.call('households.callListCsv', { notSeenSince: SINCE })
    expect(csv).toContain('Gebeld / uitgenodigd')
    expect(csv).toContain('12-06-2026')

    const entries = app.open.sqlite
      .prepare(
        "select user_name, action, entity_type, household_id, fields from audit_log where entity_type = 'callList' and action = 'create'",
      )
      .all()
    expect(entries).toEqual([
      {
        user_name: 'carla',
        action: 'create',
        entity_type: 'callList',
        household_id: id,
        fields: 'date',
      },
      {
        user_name: 'carla',
        action: 'create',
        entity_type: 'callList',
        household_id: id,
        fields: 'date',
      },
    ])
  })

  it('refuses a day in the future or before 2000 at the field, and changes nothing', async () => {
    const id = await family()
    const before = snapshot(app)
    const future = await rejection(
      app.call('households.markContacted', { householdId: id, date: '2026-06-16' }),
    )
    expect(future).toMatchObject({
      code: 'VALIDATION',
      fields: [{ path: 'date', key: 'futureDate' }],
    })
    const early = await rejection(
      app.call('households.markContacted', { householdId: id, date: '1999-12-31' }),
    )
    expect(early).toMatchObject({
      code: 'VALIDATION',
      fields: [{ path: 'date', key: 'dateTooEarly' }],
    })
    const missing = await rejection(
      app.call('households.markContacted', { householdId: 999, date: '2026-06-15' }),
    )
    expect(missing.code).toBe('NOT_FOUND')
    expect(snapshot(app)).toBe(before)
  })

  it('is for staff only: a volunteer at the counter cannot mark or see it', async () => {
    const id = await family()
    const volunteer = await app.loginAs('volunteer', 'vera')
    const before = snapshot(app)
    const e = await rejection(
      app.call('households.markContacted', { householdId: id, date: '2026-06-15' }, volunteer),
    )
    expect(e.code).toBe('FORBIDDEN')
    expect(snapshot(app)).toBe(before)
  })

  it('is in the subject-access export, and goes with anonymising and deleting', async () => {
    const id = await family()
    const other = await family('Mohamed Bouzid', '06-87654321')
    await app.call('households.markContacted', { householdId: id, date: '2026-06-11' })
    await app.call('households.markContacted', { householdId: other, date: '2026-06-11' })

    const file = await app.call('subjects.export', { kind: 'household', id, format: 'json' })
    const report = JSON.parse(await downloadedText(app, file)) as SubjectReport
    const part = report.parts.find((p) => p.key === 'callListContacts')
    expect(part?.tables[0].rows).toEqual([
      { date: '2026-06-11', createdAt: '2026-06-15T10:00:00.000Z' },
    ])

    const count = (householdId: number): number =>
      (
        app.open.sqlite
          .prepare('select count(*) as n from call_list_contact where household_id = ?')
          .get(householdId) as { n: number }
      ).n
    await app.call('retention.anonymise', { id })
    expect(count(id)).toBe(0)
    // An anonymised household has nobody left to call.
    const e = await rejection(
      app.call('households.markContacted', { householdId: id, date: '2026-06-15' }),
    )
    expect(e).toMatchObject({ code: 'CONFLICT', key: 'householdAnonymised' })

    await app.call('retention.delete', { id: other })
    expect(count(other)).toBe(0)
  })
})
