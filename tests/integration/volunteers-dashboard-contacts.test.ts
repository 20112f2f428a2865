import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/db'
import { captureStatements, planOf } from '../helpers/sql-capture'

/*
 * The dashboard's contacts due: overdue ones and those planned up to seven days ahead, so on a
 * Saturday next Wednesday's contact is already there (the calendar week ended it on Sunday).
 * People who left are not listed; the list is read from indexes, not by scanning every contact.
 */

// A Saturday.
const SATURDAY = '2026-12-05'

let app: TestApp
beforeEach(async () => {
  app = await createTestApp(`${SATURDAY}T09:00:00Z`)
})
afterEach(async () => app.close())

async function person(firstName: string): Promise<number> {
  const p = await app.call('people.create', {
    firstName,
    lastName: 'Contact',
    registeredOn: '2026-01-05',
    intakeOn: '2026-01-20',
    place: 'Zwolle',
    availability: [{ weekday: 2, part: 'morning' }],
  })
  return p.id
}

async function contact(personId: number, contactedOn: string, nextOn?: string): Promise<void> {
  await app.call('contacts.log', { personId, contactedOn, kind: 'phone', nextOn })
}

describe('contacts due on the volunteers dashboard', () => {
  it('on a Saturday lists the overdue and those due in the next 7 days, not those who left', async () => {
    const overdue = await person('Olga')
    await contact(overdue, '2026-11-01', '2026-11-20')
    const wednesday = await person('Wim')
    await contact(wednesday, '2026-11-25', '2026-12-09')
    const weekAhead = await person('Ria')
    await contact(weekAhead, '2026-11-25', '2026-12-12')
    const tooLate = await person('Tess')
    await contact(tooLate, '2026-11-25', '2026-12-13')
    // A later contact without a next date: no follow-up planned any more.
    const settled = await person('Sam')
    await contact(settled, '2026-11-10', '2026-12-07')
    await contact(settled, '2026-11-30')
    // Left with paid work; the contact planned before that is not due.
    const left = await person('Lotte')
    await contact(left, '2026-11-20', '2026-12-08')
    await app.call('people.setOutflow', { id: left, kind: 'paid_work', on: '2026-12-01' })

    const d = await app.call('volunteers.dashboard', {})
    expect(d.date).toBe(SATURDAY)
    expect(d.contactsDueUntil).toBe('2026-12-12')
    expect(d.contactsDue.map((c) => [c.name, c.nextOn, c.overdue])).toEqual([
      ['Olga Contact', '2026-11-20', true],
      ['Wim Contact', '2026-12-09', false],
      ['Ria Contact', '2026-12-12', false],
    ])
  })

  it("reads only each open person's latest contact, found in indexes, never every contact", async () => {
    const a = await person('Anna')
    await contact(a, '2026-10-01', '2026-10-20')
    await contact(a, '2026-11-25', '2026-12-09')
    const statements = await captureStatements(app.open.sqlite, () =>
      app.call('volunteers.dashboard', {}),
    )
    const due = statements.filter((s) => /person_contact/.test(s.sql))
    expect(due).toHaveLength(1)
    const plan = planOf(app.open.sqlite, due[0]!)
    // No table is scanned. The people still in a trajectory come from the status index, not
    // from every person's row; their latest contact from the (person, day) index, and that
    // contact's row alone by its id: ten years of superseded contacts are never read.
    // (A pass over the due rows themselves, "SCAN (subquery-n)" for their count, reads no table.)
    expect(plan.filter((l) => /^SCAN (?!\(subquery-\d+\))/.test(l))).toEqual([])
    expect(plan).toContain('SEARCH p USING COVERING INDEX person_status (status=?)')
    expect(plan).toContain('SEARCH c2 USING COVERING INDEX person_contact_person (person_id=?)')
    expect(plan).toContain('SEARCH c USING INTEGER PRIMARY KEY (rowid=?)')
    expect(plan.filter((l) => /^SEARCH c USING INDEX/.test(l))).toEqual([])
  })
})
