import { afterEach, describe, expect, it } from 'vitest'
import { createTestApp, rejection, type TestApp } from '../helpers/db'
import type { Caller } from '../../src/main/domains/accounts/auth'
import { downloaded } from '../helpers/downloads'
import { pdfText } from '../helpers/pdf'

let app: TestApp
afterEach(async () => app.close())

const accountId = (username: string): number =>
  (
    app.open.sqlite.prepare('select id from account where username = ?').get(username) as {
      id: number
    }
  ).id

async function complaint(
  caller: Caller,
  receivedOn: string,
  aboutAccountId: number | null = null,
): Promise<number> {
  const [cat] = await app.call('complaints.categories', {}, caller)
  const c = await app.call(
    'complaints.create',
    {
      receivedOn,
      channel: 'letter',
      complainantKind: 'contact',
      complainantName: 'Mevrouw Jansen',
      complainantContact: '06-12345678',
      aboutKind: aboutAccountId ? 'staff' : 'service',
      aboutAccountId,
      aboutText: aboutAccountId ? null : 'De wachtrij',
      categoryId: cat!.id,
      description: 'Onvriendelijk behandeld aan de balie',
      wish: 'Excuses',
    },
    caller,
  )
  return c.id
}

describe('complaints: an extension exists only when recorded before the deadline', () => {
  it('refuses a late extension also when its date is typed back to before the deadline', async () => {
    app = await createTestApp('2026-12-05T10:00:00Z')
    const carla = await app.loginAs('coordinator', 'carla')
    const id = await complaint(carla, '2026-10-20')
    const late = (date: string) =>
      rejection(
        app.call(
          'complaints.extend',
          { complaintId: id, weeks: 2, date, reason: 'Nog een gesprek' },
          carla,
        ),
      )
    expect(await late('2026-12-05')).toMatchObject({ code: 'CONFLICT', key: 'extensionTooLate' })
    expect(await late('2026-11-30')).toMatchObject({ code: 'CONFLICT', key: 'extensionTooLate' })
    const d = await app.call('complaints.get', { id }, carla)
    expect(d.deadlines.decision.dueOn).toBe('2026-12-01')
    expect(d.entries.map((e) => e.kind)).toEqual(['received'])
  })

  it('takes an extension recorded in time, dated back within the term', async () => {
    app = await createTestApp('2026-11-30T10:00:00Z')
    const carla = await app.loginAs('coordinator', 'carla')
    const id = await complaint(carla, '2026-10-20')
    const d = await app.call(
      'complaints.extend',
      { complaintId: id, weeks: 2, date: '2026-11-27', reason: 'Nog een gesprek' },
      carla,
    )
    expect(d.deadlines.decision.dueOn).toBe('2026-12-15')
  })
})

describe('complaints: the account a complaint is about cannot act on it', () => {
  it('refuses every write by that account and lets it read', async () => {
    app = await createTestApp('2026-06-15T10:00:00Z')
    const carla = await app.loginAs('coordinator', 'carla')
    const kees = await app.loginAs('coordinator', 'kees')
    const id = await complaint(carla, '2026-06-01', accountId('kees'))
    const decided = await complaint(carla, '2026-06-02', accountId('kees'))
    const d = await app.call(
      'complaints.decide',
      {
        complaintId: decided,
        date: '2026-06-10',
        outcome: 'founded',
        text: 'Gegrond',
        measures: [{ text: 'Gesprek' }],
      },
      carla,
    )
    const closed = await complaint(carla, '2026-06-03', accountId('kees'))
    await app.call(
      'complaints.decide',
      { complaintId: closed, date: '2026-06-10', outcome: 'unfounded', text: 'Niet gegrond' },
      carla,
    )
    await app.call('complaints.close', { complaintId: closed, date: '2026-06-11' }, carla)
    const received = (await app.call('complaints.get', { id }, carla)).entries[0]!
    const before = app.open.sqlite.prepare('select count(*) as n from complaint_entry').get() as {
      n: number
    }
    const day = '2026-06-12'
    const writes: Promise<unknown>[] = [
      app.call(
        'complaints.addEntry',
        { complaintId: id, kind: 'note', date: day, text: 'x' },
        kees,
      ),
      app.call('complaints.addEntry', { complaintId: id, kind: 'acknowledged', date: day }, kees),
      app.call(
        'complaints.addEntry',
        {
          complaintId: id,
          kind: 'correction',
          date: day,
          correctsId: received.id,
          newDate: '2026-06-05',
          text: 'Later ontvangen',
        },
        kees,
      ),
      app.call(
        'complaints.extend',
        { complaintId: id, weeks: 2, date: day, reason: 'Tijd nodig' },
        kees,
      ),
      app.call(
        'complaints.decide',
        { complaintId: id, date: day, outcome: 'unfounded', text: 'Niet gegrond' },
        kees,
      ),
      app.call('complaints.close', { complaintId: decided, date: day }, kees),
      app.call('complaints.reopen', { complaintId: closed, date: day, text: 'Opnieuw' }, kees),
      app.call(
        'complaints.escalate',
        { complaintId: id, step: 2, date: day, text: 'Naar stap 2' },
        kees,
      ),
      app.call('complaints.measureDone', { measureId: d.measures[0]!.id, doneOn: day }, kees),
      app.call('complaints.letter', { complaintId: id, kind: 'acknowledgement' }, kees),
      app.call(
        'complaints.assign',
        { complaintId: id, handlerId: accountId('carla'), date: day },
        kees,
      ),
    ]
    for (const w of writes)
      expect(await rejection(w)).toMatchObject({ code: 'FORBIDDEN', key: 'complaintAboutYou' })
    expect(app.open.sqlite.prepare('select count(*) as n from complaint_entry').get()).toEqual(
      before,
    )
    expect((await app.call('complaints.get', { id }, kees)).id).toBe(id)
    // A colleague still does all of it.
    await app.call(
      'complaints.addEntry',
      { complaintId: id, kind: 'note', date: day, text: 'x' },
      carla,
    )
  })
})

describe('complaints: a correction obeys the rules of the step it corrects', () => {
  it('refuses a closing date before the decision, and a decision date after the closing', async () => {
    app = await createTestApp('2026-06-15T10:00:00Z')
    const carla = await app.loginAs('coordinator', 'carla')
    const id = await complaint(carla, '2026-06-01')
    await app.call(
      'complaints.decide',
      { complaintId: id, date: '2026-06-10', outcome: 'unfounded', text: 'Niet gegrond' },
      carla,
    )
    const d = await app.call('complaints.close', { complaintId: id, date: '2026-06-12' }, carla)
    const entry = (kind: string) => d.entries.find((e) => e.kind === kind)!.id
    const correct = (correctsId: number, newDate: string) =>
      app.call(
        'complaints.addEntry',
        { complaintId: id, kind: 'correction', date: '2026-06-15', correctsId, newDate, text: 'x' },
        carla,
      )
    expect((await rejection(correct(entry('closed'), '2026-06-05'))).fields).toEqual([
      { path: 'newDate', key: 'beforeDecision', params: { date: '10-06-2026' } },
    ])
    expect((await rejection(correct(entry('decision'), '2026-06-13'))).fields?.[0]).toMatchObject({
      path: 'newDate',
      key: 'afterClosing',
    })
    const ok = await correct(entry('closed'), '2026-06-11')
    expect(ok.closedOn).toBe('2026-06-11')
  })
})

describe('complaints: a letter on the timeline', () => {
  it('shows the display name of the account that made it, not its username', async () => {
    app = await createTestApp('2026-06-15T10:00:00Z')
    const carla = await app.loginAs('coordinator', 'carla')
    const id = await complaint(carla, '2026-06-01')
    await app.call('complaints.letter', { complaintId: id, kind: 'acknowledgement' }, carla)
    const d = await app.call('complaints.get', { id }, carla)
    const letter = d.entries.find((e) => e.kind === 'letter')!
    expect(letter.authorName).toBe('Test coordinator')
    expect(d.entries[0]!.authorName).toBe('Test coordinator')
  })
})

describe('complaints: the annual report does not give a small cell away', () => {
  it('hides the next smallest category too, and applies the threshold to every table', async () => {
    app = await createTestApp('2027-01-20T10:00:00Z')
    const carla = await app.loginAs('coordinator', 'carla')
    const cats = Object.fromEntries(
      (await app.call('complaints.categories', {}, carla)).map((c) => [c.name, c.id]),
    )
    for (let i = 0; i < 9; i++)
      await app.call(
        'complaints.create',
        {
          receivedOn: `2026-03-${String(i + 2).padStart(2, '0')}`,
          channel: i < 8 ? 'email' : 'letter',
          complainantKind: 'contact',
          complainantName: 'Mevrouw Jansen',
          complainantContact: '06-12345678',
          aboutKind: 'service',
          aboutText: 'De balie',
          categoryId: cats[i < 7 ? 'Bejegening' : 'Privacy']!,
          description: 'Onvriendelijk behandeld',
        },
        carla,
      )
    const file = await app.call('complaints.annualReportPdf', { year: 2026 }, carla)
    const text = pdfText(await downloaded(app, file, carla)).replace(/\s+/g, ' ')
    expect(text).toContain('Klachten ontvangen 9')
    expect(text).toMatch(/Privacy < ?5 /)
    // Bejegening 7 beside the total 9 would tell Privacy is 2.
    expect(text).not.toMatch(/Bejegening 7 /)
    expect(text).toMatch(/Bejegening ≥ ?5 /)
    // The channels: 8 by e-mail and 1 letter would give the letter away the same way.
    expect(text).toMatch(/Brief < ?5 /)
    expect(text).not.toMatch(/E-mail 8 /)
  })
})
