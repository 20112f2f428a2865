import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, rejection, type TestApp } from '../helpers/db'
import type { Caller } from '../../src/main/domains/accounts/auth'
import type { ComplaintDetail } from '../../src/shared/schemas/complaints'

/*
 * A correction of a reopening's or a closing's day obeys the rule the reopening itself obeys:
 * a complaint is reopened on or after the day it was closed. Without it a correction could make
 * the timeline say the complaint was reopened before it was closed.
 */

let app: TestApp
let carla: Caller
beforeEach(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
  carla = await app.loginAs('coordinator', 'carla')
})
afterEach(async () => app.close())

/** Received 1 May, decided 10 May, closed 12 May, reopened 20 May. */
async function reopened(): Promise<ComplaintDetail> {
  const [cat] = await app.call('complaints.categories', {}, carla)
  const c = await app.call(
    'complaints.create',
    {
      receivedOn: '2026-05-01',
      channel: 'letter',
      complainantKind: 'contact',
      complainantName: 'Mevrouw Jansen',
      complainantContact: '06-12345678',
      aboutKind: 'service',
      aboutText: 'De wachtrij',
      categoryId: cat!.id,
      description: 'Te lang moeten wachten',
    },
    carla,
  )
  await app.call(
    'complaints.decide',
    { complaintId: c.id, date: '2026-05-10', outcome: 'unfounded', text: 'Niet gegrond' },
    carla,
  )
  await app.call('complaints.close', { complaintId: c.id, date: '2026-05-12' }, carla)
  return app.call(
    'complaints.reopen',
    { complaintId: c.id, date: '2026-05-20', text: 'Klaagster kwam met nieuwe feiten' },
    carla,
  )
}

const entryOf = (d: ComplaintDetail, kind: string): number =>
  d.entries.find((e) => e.kind === kind)!.id

function correct(
  d: ComplaintDetail,
  correctsId: number,
  newDate: string,
): Promise<ComplaintDetail> {
  return app.call(
    'complaints.addEntry',
    {
      complaintId: d.id,
      kind: 'correction',
      date: '2026-06-15',
      correctsId,
      newDate,
      text: 'Datum verkeerd overgenomen',
    },
    carla,
  )
}

const rows = (table: string): number =>
  (app.open.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n

describe('complaints: correcting the day of a reopening or a closing', () => {
  it('refuses a reopening dated before the closing, at the field, and writes nothing', async () => {
    const d = await reopened()
    const entries = rows('complaint_entry')
    const log = rows('audit_log')
    // complaints.reopen refuses a day before the closing; so does a correction that moves the
    // reopening there.
    const err = await rejection(correct(d, entryOf(d, 'reopened'), '2026-05-11'))
    expect(err.code).toBe('VALIDATION')
    expect(err.fields).toEqual([
      { path: 'newDate', key: 'beforeClosing', params: { date: '12-05-2026' } },
    ])
    expect(rows('complaint_entry')).toBe(entries)
    expect(rows('audit_log')).toBe(log)
    const after = await app.call('complaints.get', { id: d.id }, carla)
    expect(after.entries.find((e) => e.kind === 'reopened')?.date).toBe('2026-05-20')
  })

  it('takes the closing as corrected, and accepts a reopening on the day of the closing', async () => {
    const d = await reopened()
    await correct(d, entryOf(d, 'closed'), '2026-05-11')
    expect((await rejection(correct(d, entryOf(d, 'reopened'), '2026-05-10'))).fields).toEqual([
      { path: 'newDate', key: 'beforeClosing', params: { date: '11-05-2026' } },
    ])
    const ok = await correct(d, entryOf(d, 'reopened'), '2026-05-11')
    expect(ok.entries.filter((e) => e.kind === 'correction')).toHaveLength(2)
  })

  it('refuses a closing moved to after the reopening that followed it', async () => {
    const d = await reopened()
    expect((await rejection(correct(d, entryOf(d, 'closed'), '2026-05-21'))).fields).toEqual([
      { path: 'newDate', key: 'afterReopening', params: { date: '20-05-2026' } },
    ])
    await correct(d, entryOf(d, 'closed'), '2026-05-20')
  })
})
