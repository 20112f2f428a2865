import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, rejection, type TestApp } from '../helpers/db'
import { addHousehold } from '../helpers/fixtures'
import type { Caller } from '../../src/main/domains/accounts/auth'
import type { MethodInput } from '../../src/shared/api'

let app: TestApp
let coordinator: Caller
beforeEach(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
  coordinator = await app.loginAs('coordinator', 'carla')
})
afterEach(async () => app.close())

const rows = (q: string, ...params: unknown[]): Record<string, unknown>[] =>
  app.open.sqlite.prepare(q).all(...params) as Record<string, unknown>[]
const accountId = (username: string): number =>
  (rows('select id from account where username = ?', username)[0] as { id: number }).id

async function categoryId(name = 'Bejegening'): Promise<number> {
  const cats = await app.call('complaints.categories', {}, coordinator)
  return cats.find((c) => c.name === name)!.id
}

async function newComplaint(
  over: Partial<MethodInput<'complaints.create'>> = {},
  caller: Caller = coordinator,
) {
  return app.call(
    'complaints.create',
    {
      receivedOn: '2026-06-01',
      channel: 'letter',
      complainantKind: 'contact',
      complainantName: 'Mevrouw Jansen',
      complainantContact: '06-12345678',
      aboutKind: 'service',
      aboutText: 'De wachtrij bij de kassa',
      categoryId: await categoryId(),
      description: 'Ik moest een uur wachten en werd onvriendelijk behandeld.',
      wish: 'Excuses',
      ...over,
    },
    caller,
  )
}

describe('complaints: registered', () => {
  it('numbers per year of receipt without gaps, also when two are saved at once', async () => {
    const [a, b] = await Promise.all([newComplaint(), newComplaint()])
    expect([a.number, b.number].sort()).toEqual(['K-2026-001', 'K-2026-002'])
    // Refused input uses no number.
    await rejection(newComplaint({ description: '   ' }))
    const late = await newComplaint({ receivedOn: '2025-12-30' })
    expect(late.number).toBe('K-2025-001')
    expect((await newComplaint()).number).toBe('K-2026-003')
  })

  it('sets both terms from the settings and explains them', async () => {
    const c = await newComplaint()
    expect(c.terms).toEqual({ ackWorkingDays: 5, decisionWeeks: 6, extensionWeeks: 0 })
    // Received Monday 1 June 2026: five working days is Monday 8 June; six weeks is 13 July.
    expect(c.deadlines.acknowledgement).toMatchObject({
      dueOn: '2026-06-08',
      metOn: null,
      status: 'late',
    })
    expect(c.deadlines.acknowledgement.why.skipped.map((s) => s.reason)).toEqual([
      'saturday',
      'sunday',
    ])
    expect(c.deadlines.decision).toMatchObject({ dueOn: '2026-07-13', status: 'ok' })
    expect(c.next).toMatchObject({ kind: 'acknowledgement', status: 'late', daysLeft: -7 })
    expect(c.entries.map((e) => e.kind)).toEqual(['received'])
    expect(c.state).toBe('open')
  })

  it('proposes the leidinggevende of the account complained about, never that account itself', async () => {
    const volunteer = await app.loginAs('volunteer', 'vera')
    void volunteer
    const vera = accountId('vera')
    const carla = accountId('carla')
    await rejection(
      app.call('complaints.setManager', { accountId: vera, managerId: carla }, coordinator),
    ).then((e) => expect(e.code).toBe('FORBIDDEN'))
    const linked = await app.call('complaints.setManager', { accountId: vera, managerId: carla })
    expect(linked.manager).toEqual({ id: carla, name: 'Test coordinator' })
    expect(
      await app.call('complaints.proposeHandler', { aboutAccountId: vera }, coordinator),
    ).toEqual({ id: carla, name: 'Test coordinator' })
    const c = await newComplaint({ aboutKind: 'staff', aboutAccountId: vera, aboutText: null })
    expect(c.handler).toEqual({ id: carla, name: 'Test coordinator' })
    // A complaint about carla cannot be handled by carla.
    const e = await rejection(
      newComplaint({ aboutKind: 'staff', aboutAccountId: carla, handlerId: carla }),
    )
    expect(e.fields).toEqual([{ path: 'handlerId', key: 'handlerIsAbout' }])
    const about = await newComplaint({ aboutKind: 'staff', aboutAccountId: carla })
    // (The admin tries it: carla herself may not write to a complaint about her at all.)
    await rejection(
      app.call('complaints.assign', {
        complaintId: about.id,
        handlerId: carla,
        date: '2026-06-02',
      }),
    ).then((err) => expect(err.fields?.[0]?.key).toBe('handlerIsAbout'))
    // A volunteer does not handle complaints; nor is anyone their own leidinggevende.
    await rejection(
      app.call('complaints.assign', { complaintId: about.id, handlerId: vera, date: '2026-06-02' }),
    ).then((err) => expect(err.fields?.[0]?.key).toBe('handlerNotStaff'))
    await rejection(app.call('complaints.setManager', { accountId: carla, managerId: carla })).then(
      (err) => expect(err.fields?.[0]?.key).toBe('managerIsSelf'),
    )
  })

  it('takes a household of the app as complainant, and refuses one that does not exist', async () => {
    const h = await addHousehold(app, 'Fam. Bakker')
    const c = await newComplaint({ complainantKind: 'household', householdId: h })
    expect(c.complainant).toMatchObject({ kind: 'household', householdId: h, name: null })
    expect(c.complainant.label).toContain('Fam. Bakker')
    const before = rows('select count(*) as n from complaint')
    const e = await rejection(newComplaint({ complainantKind: 'household', householdId: 999 }))
    expect(e.fields).toEqual([{ path: 'householdId', key: 'unknownOption' }])
    expect(rows('select count(*) as n from complaint')).toEqual(before)
    const anon = await newComplaint({ complainantKind: 'anonymous' })
    expect(anon.complainant).toMatchObject({ kind: 'anonymous', label: null, name: null })
  })

  it('refuses a receipt in the future', async () => {
    const e = await rejection(newComplaint({ receivedOn: '2026-06-16' }))
    expect(e.fields).toEqual([{ path: 'receivedOn', key: 'futureDate' }])
  })
})

describe('complaints: only for staff, every view logged', () => {
  it('a volunteer gets FORBIDDEN from every complaints method', async () => {
    const c = await newComplaint()
    const vol = await app.loginAs('volunteer')
    const calls: [string, unknown][] = [
      ['complaints.get', { id: c.id }],
      ['complaints.list', {}],
      ['complaints.deadlines', {}],
      ['complaints.create', {}],
      ['complaints.addEntry', { complaintId: c.id, kind: 'note', date: '2026-06-02', text: 'x' }],
      ['complaints.escalate', { complaintId: c.id, step: 2, date: '2026-06-02', text: 'x' }],
      ['complaints.extend', { complaintId: c.id, weeks: 1, date: '2026-06-02', reason: 'x' }],
      [
        'complaints.decide',
        { complaintId: c.id, date: '2026-06-02', outcome: 'founded', text: 'x' },
      ],
      ['complaints.close', { complaintId: c.id, date: '2026-06-02' }],
      ['complaints.categories', {}],
      ['complaints.settings', {}],
      ['complaints.accounts', {}],
    ]
    for (const [method, input] of calls) {
      const r = await app.router.call(vol, method, input)
      expect(r.ok ? 'ok' : r.error.code, method).toBe('FORBIDDEN')
    }
  })

  it('logs every opening of a complaint under the complaint', async () => {
    const c = await newComplaint()
    await app.call('complaints.get', { id: c.id }, coordinator)
    await app.call('complaints.list', {}, coordinator)
    const views = rows(
      `select entity_type, entity_id, subject_kind, subject_id, user_name from audit_log
       where action = 'view' and entity_type = 'complaint' order by id`,
    )
    expect(views[0]).toEqual({
      entity_type: 'complaint',
      entity_id: String(c.id),
      subject_kind: 'complaint',
      subject_id: c.id,
      user_name: 'carla',
    })
    // Finding one in the list is not logged, as the household search is not.
    expect(views).toHaveLength(1)
    const made = rows(
      `select action, entity_type, subject_kind, subject_id from audit_log
       where subject_kind = 'complaint' and action = 'create' order by id`,
    )
    expect(made.map((r) => r.entity_type)).toEqual(['complaint', 'complaintEntry'])
  })
})

describe('complaints: the procedure from receipt to closing', () => {
  it('acknowledges, escalates only upwards, hears, advises, extends, decides, informs, closes', async () => {
    app.clock.set('2026-06-02T10:00:00Z')
    const c0 = await newComplaint({ receivedOn: '2026-06-01' })
    const id = c0.id
    let c = await app.call(
      'complaints.addEntry',
      { complaintId: id, kind: 'acknowledged', date: '2026-06-02' },
      coordinator,
    )
    expect(c.deadlines.acknowledgement).toMatchObject({ metOn: '2026-06-02', status: 'met' })
    expect(c.next).toMatchObject({ kind: 'decision', dueOn: '2026-07-13' })
    // The committee's work waits for step 3.
    const early = await rejection(
      app.call(
        'complaints.addEntry',
        { complaintId: id, kind: 'advice', date: '2026-06-02', text: 'Gegrond' },
        coordinator,
      ),
    )
    expect(early.key).toBe('onlyAtCommittee')
    c = await app.call(
      'complaints.escalate',
      { complaintId: id, step: 3, date: '2026-06-02', text: 'Bemiddeling mislukt' },
      coordinator,
    )
    expect(c.step).toBe(3)
    const down = await rejection(
      app.call(
        'complaints.escalate',
        { complaintId: id, step: 2, date: '2026-06-02', text: 'Terug' },
        coordinator,
      ),
    )
    expect(down).toMatchObject({ code: 'CONFLICT', key: 'stepOnlyUp' })
    for (const party of ['complainant', 'staff'] as const)
      await app.call(
        'complaints.addEntry',
        {
          complaintId: id,
          kind: 'hearing',
          date: '2026-06-02',
          party,
          persons: party === 'complainant' ? 'Mevrouw Jansen' : 'Kassamedewerker',
          text: `Verslag van de ${party}`,
        },
        coordinator,
      )
    // Deciding at step 3 waits for the committee's advice.
    expect(
      (
        await rejection(
          app.call(
            'complaints.decide',
            { complaintId: id, date: '2026-06-02', outcome: 'founded', text: 'x' },
            coordinator,
          ),
        )
      ).key,
    ).toBe('adviceFirst')
    await app.call(
      'complaints.addEntry',
      {
        complaintId: id,
        kind: 'advice',
        date: '2026-06-02',
        text: 'De commissie adviseert gegrond',
        outcome: 'founded',
      },
      coordinator,
    )
    // Too long, then in time with a reason; a second one only with consent.
    const long = await rejection(
      app.call(
        'complaints.extend',
        { complaintId: id, weeks: 5, date: '2026-06-02', reason: 'Commissie met vakantie' },
        coordinator,
      ),
    )
    expect(long.fields).toEqual([{ path: 'weeks', key: 'extensionTooLong', params: { max: 4 } }])
    c = await app.call(
      'complaints.extend',
      { complaintId: id, weeks: 4, date: '2026-06-02', reason: 'Commissie met vakantie' },
      coordinator,
    )
    expect(c.deadlines.decision.dueOn).toBe('2026-08-10')
    expect(c.deadlines.decision.why.steps[0]).toEqual({
      key: 'extended',
      params: { weeks: 4, total: 10 },
    })
    expect(c.extension).toMatchObject({ allowed: false, reason: 'extensionOnlyOnce' })
    const second = await rejection(
      app.call(
        'complaints.extend',
        { complaintId: id, weeks: 1, date: '2026-06-02', reason: 'Nog meer tijd' },
        coordinator,
      ),
    )
    expect(second).toMatchObject({ code: 'CONFLICT', key: 'extensionOnlyOnce' })
    c = await app.call(
      'complaints.extend',
      {
        complaintId: id,
        weeks: 2,
        date: '2026-06-02',
        reason: 'Klager stemt schriftelijk in (brief van 2 juni)',
        withConsent: true,
      },
      coordinator,
    )
    expect(c.terms.extensionWeeks).toBe(6)
    expect(c.deadlines.decision.dueOn).toBe('2026-08-24')
    c = await app.call(
      'complaints.decide',
      {
        complaintId: id,
        date: '2026-06-02',
        outcome: 'founded',
        text: 'De klacht is gegrond.',
        measures: [{ text: 'Training bejegening voor kassamedewerkers' }],
      },
      coordinator,
    )
    expect(c).toMatchObject({ state: 'decided', outcome: 'founded', decidedOn: '2026-06-02' })
    expect(c.deadlines.decision.status).toBe('met')
    expect(c.entries.find((e) => e.kind === 'decision')?.party).toBe('directeur')
    expect(c.measures).toHaveLength(1)
    for (const party of ['complainant', 'staff'] as const)
      c = await app.call(
        'complaints.addEntry',
        { complaintId: id, kind: 'informed', date: '2026-06-02', party },
        coordinator,
      )
    expect(c).toMatchObject({
      informedComplainantOn: '2026-06-02',
      informedStaffOn: '2026-06-02',
    })
    const m = await app.call(
      'complaints.measureDone',
      { measureId: c.measures[0]!.id, doneOn: '2026-06-02' },
      coordinator,
    )
    expect(m.doneOn).toBe('2026-06-02')
    c = await app.call('complaints.close', { complaintId: id, date: '2026-06-02' }, coordinator)
    expect(c).toMatchObject({ state: 'closed', closedOn: '2026-06-02', next: null })
    expect(
      (
        await rejection(
          app.call(
            'complaints.addEntry',
            { complaintId: id, kind: 'acknowledged', date: '2026-06-02' },
            coordinator,
          ),
        )
      ).key,
    ).toBe('complaintClosed')
    c = await app.call(
      'complaints.reopen',
      { complaintId: id, date: '2026-06-02', text: 'Klager reageert op het besluit' },
      coordinator,
    )
    expect(c).toMatchObject({ state: 'open', closedOn: null, decidedOn: null, outcome: null })
    expect(c.entries.map((e) => e.kind)).toEqual([
      'received',
      'acknowledged',
      'step_changed',
      'hearing',
      'hearing',
      'advice',
      'extension',
      'extension',
      'decision',
      'informed',
      'informed',
      'closed',
      'reopened',
    ])
  })

  it('refuses an extension recorded after the decision term ended', async () => {
    await app.close()
    app = await createTestApp('2026-08-01T10:00:00Z')
    coordinator = await app.loginAs('coordinator', 'carla')
    const c = await newComplaint({ receivedOn: '2026-06-01' })
    const e = await rejection(
      app.call(
        'complaints.extend',
        { complaintId: c.id, weeks: 2, date: '2026-07-14', reason: 'Te laat bedacht' },
        coordinator,
      ),
    )
    expect(e).toMatchObject({ code: 'CONFLICT', key: 'extensionTooLate' })
    // Dated on the last day, but recorded after it: still too late.
    const back = await rejection(
      app.call(
        'complaints.extend',
        { complaintId: c.id, weeks: 2, date: '2026-07-13', reason: 'Nog één gesprek' },
        coordinator,
      ),
    )
    expect(back).toMatchObject({ code: 'CONFLICT', key: 'extensionTooLate' })
  })
})

describe('complaints: corrections and the append-only timeline', () => {
  it('a correction is a new entry; the corrected one stays and is shown beside it', async () => {
    const c = await newComplaint()
    let d = await app.call(
      'complaints.addEntry',
      { complaintId: c.id, kind: 'acknowledged', date: '2026-06-03' },
      coordinator,
    )
    const ack = d.entries.find((e) => e.kind === 'acknowledged')!
    d = await app.call(
      'complaints.addEntry',
      {
        complaintId: c.id,
        kind: 'correction',
        date: '2026-06-15',
        correctsId: ack.id,
        newDate: '2026-06-10',
        text: 'De bevestiging ging pas op 10 juni de deur uit',
      },
      coordinator,
    )
    expect(d.acknowledgedOn).toBe('2026-06-10')
    expect(d.deadlines.acknowledgement.status).toBe('metLate')
    expect(d.entries.find((e) => e.id === ack.id)).toMatchObject({
      date: '2026-06-03',
      correctedBy: [d.entries.at(-1)!.id],
    })
    d = await app.call(
      'complaints.addEntry',
      {
        complaintId: c.id,
        kind: 'correction',
        date: '2026-06-15',
        correctsId: ack.id,
        voids: true,
        text: 'Verkeerde klacht',
      },
      coordinator,
    )
    expect(d.acknowledgedOn).toBeNull()
    expect(d.entries.find((e) => e.id === ack.id)?.voided).toBe(true)
    const received = d.entries[0]!
    const e = await rejection(
      app.call(
        'complaints.addEntry',
        {
          complaintId: c.id,
          kind: 'correction',
          date: '2026-06-15',
          correctsId: received.id,
          voids: true,
          text: 'Weg ermee',
        },
        coordinator,
      ),
    )
    expect(e.fields).toEqual([{ path: 'voids', key: 'cannotVoid' }])
  })

  it('SQLite refuses to change or delete an entry of the app database', async () => {
    const c = await newComplaint()
    const sqlite = app.open.sqlite
    expect(() =>
      sqlite.prepare("update complaint_entry set text = 'anders' where complaint_id = ?").run(c.id),
    ).toThrow(/append-only/)
    expect(() =>
      sqlite.prepare('delete from complaint_entry where complaint_id = ?').run(c.id),
    ).toThrow(/append-only/)
    expect(rows('select count(*) as n from complaint_entry')).toEqual([{ n: 1 }])
  })
})

describe('complaints: the overview of terms', () => {
  it('lists open complaints by their next term with the late and soon counts', async () => {
    const late = await newComplaint({ receivedOn: '2026-06-01' })
    const soon = await newComplaint({ receivedOn: '2026-06-12' })
    const acked = await newComplaint({ receivedOn: '2026-06-12' })
    await app.call(
      'complaints.addEntry',
      { complaintId: acked.id, kind: 'acknowledged', date: '2026-06-15' },
      coordinator,
    )
    const o = await app.call('complaints.deadlines', {}, coordinator)
    expect(o.today).toBe('2026-06-15')
    expect(o.rows.map((r) => [r.number, r.next?.kind, r.next?.status])).toEqual([
      [late.number, 'acknowledgement', 'late'],
      [soon.number, 'acknowledgement', 'soon'],
      [acked.number, 'decision', 'ok'],
    ])
    expect({ late: o.late, soon: o.soon }).toEqual({ late: 1, soon: 1 })
    // The start screen's number, counted in SQL and not logged as a view.
    const views = rows("select count(*) as n from audit_log where action = 'view'")
    expect(await app.call('complaints.lateCount', {}, coordinator)).toEqual({ late: 1, soon: 1 })
    expect(rows("select count(*) as n from audit_log where action = 'view'")).toEqual(views)
    const list = await app.call('complaints.list', { q: 'jansen' }, coordinator)
    expect(list.total).toBe(3)
    const byNumber = await app.call('complaints.list', { q: '2026-2', state: 'all' }, coordinator)
    expect(byNumber.rows.map((r) => r.number)).toEqual([soon.number])
  })
})

describe('complaints: settings and categories', () => {
  it('only the admin changes the terms; closed days move only the acknowledgement', async () => {
    const c = await newComplaint({ receivedOn: '2026-06-12' })
    expect(c.deadlines.acknowledgement.dueOn).toBe('2026-06-19')
    const e = await rejection(
      app.call('complaints.updateSettings', { ackWorkingDays: 3 }, coordinator),
    )
    expect(e.code).toBe('FORBIDDEN')
    const s = await app.call('complaints.updateSettings', {
      closedDays: ['2026-06-16', '2026-06-15'],
      deciderTitle: 'bestuurder',
    })
    expect(s.closedDays).toEqual(['2026-06-15', '2026-06-16'])
    const after = await app.call('complaints.get', { id: c.id }, coordinator)
    expect(after.deadlines.acknowledgement.dueOn).toBe('2026-06-23')
    expect(after.deadlines.acknowledgement.why.skipped).toContainEqual({
      day: '2026-06-15',
      reason: 'closed',
    })
    expect(after.deadlines.decision.dueOn).toBe(c.deadlines.decision.dueOn)
    expect(
      rows(
        "select fields from audit_log where action = 'settings_change' order by id desc limit 1",
      ),
    ).toEqual([{ fields: 'complaints.deciderTitle,complaints.closedDays' }])
  })

  it('keeps a managed list of categories, unique up to case and accents', async () => {
    const made = await app.call('complaints.createCategory', { name: 'Hygiëne' }, coordinator)
    const e = await rejection(app.call('complaints.createCategory', { name: 'hygiene' }))
    expect(e.key).toBe('listNameTaken')
    await app.call('complaints.updateCategory', { id: made.id, name: 'Hygiëne', active: false })
    const active = await app.call('complaints.categories', {}, coordinator)
    expect(active.map((c) => c.name)).not.toContain('Hygiëne')
    const refused = await rejection(newComplaint({ categoryId: made.id }))
    expect(refused.fields).toEqual([{ path: 'categoryId', key: 'unknownOption' }])
  })
})
