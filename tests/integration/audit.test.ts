import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, rejection, type TestApp } from '../helpers/db'
import { downloadedText } from '../helpers/downloads'
import { householdInput, listIds } from '../helpers/fixtures'
import { auditNoteText, auditTranslator } from '../../src/shared/audit-text'

let app: TestApp
beforeEach(async () => {
  app = await createTestApp()
})
afterEach(async () => app.close())

function rows() {
  return app.open.db.selectFrom('auditLog').selectAll().orderBy('id').execute()
}

/** A morning in the shop: a household, its intake, a booking, a check-in and a visit. */
async function morning(): Promise<number> {
  const [category] = await listIds(app, 'category')
  const { id } = await app.call('households.create', householdInput())
  await app.call('slots.generate', {
    from: '2026-06-15',
    to: '2026-06-15',
    template: [{ weekday: 1, part: 'morning', capacity: 3 }],
  })
  const [slot] = await app.call('slots.list', { from: '2026-06-15', to: '2026-06-15' })
  const { appointment } = await app.call('appointments.book', { slotId: slot.id, householdId: id })
  const counter = await app.loginAs('volunteer', 'vera')
  await app.call('households.get', { id }, counter)
  await app.call(
    'appointments.setStatus',
    { appointmentId: appointment.id, status: 'came' },
    counter,
  )
  await app.call(
    'visits.register',
    {
      householdId: id,
      appointmentId: appointment.id,
      date: '2026-06-15',
      servedBy: 'Vera',
      items: [{ categoryId: category, count: 3 }],
    },
    counter,
  )
  return id
}

describe('audit log', () => {
  it('records who did what to which household, with field names and never their values', async () => {
    const id = await morning()
    const log = await rows()
    const about = log.filter((r) => r.householdId === id)
    expect(about.map((r) => [r.action, r.entityType, r.userName])).toEqual([
      ['create', 'household', 'beheerder'],
      ['create', 'appointment', 'beheerder'],
      ['view', 'household', 'vera'],
      ['update', 'appointment', 'vera'],
      ['create', 'visit', 'vera'],
    ])
    const created = about[0]
    expect(created.fields.split(',')).toEqual(
      expect.arrayContaining(['contactName', 'postcode', 'phone', 'members', 'incomeSource']),
    )
    expect(created.role).toBe('admin')
    expect(created.workstation).toBe('test-pc')
    // Names, postcodes and phone numbers stay out of the log.
    const text = JSON.stringify(log)
    for (const value of ['Sanne de Vries', '3811 HZ', '06-12345678', 'Lindelaan'])
      expect(text, value).not.toContain(value)
  })

  it('names exactly the fields an update changed', async () => {
    const { id } = await app.call('households.create', householdInput())
    await app.call('households.update', {
      id,
      ...householdInput({ phone: '06-87654321', city: 'Leusden' }),
    })
    const [update] = (await rows()).filter((r) => r.action === 'update')
    expect(update.fields.split(',').sort()).toEqual(['city', 'phone'])
  })

  it('writes nothing when the change it would record is refused (same transaction)', async () => {
    await app.call('households.create', householdInput())
    const before = (await rows()).length
    const dup = await rejection(app.call('households.create', householdInput()))
    expect(dup.code).toBe('CONFLICT')
    const invalid = await rejection(
      app.call('visits.register', {
        householdId: 1,
        date: '2026-06-15',
        servedBy: 'A',
        items: [{ categoryId: 999_999, count: 1 }],
      }),
    )
    expect(invalid.code).toBe('VALIDATION')
    expect((await rows()).length).toBe(before)
  })

  it('refuses UPDATE and DELETE on the table (triggers)', async () => {
    await morning()
    const sqlite = app.open.sqlite
    expect(() => sqlite.prepare("update audit_log set detail = 'x' where id = 2").run()).toThrow(
      /append-only/,
    )
    expect(() => sqlite.prepare('delete from audit_log where id = 2').run()).toThrow(/append-only/)
    expect(() => sqlite.prepare('delete from audit_log').run()).toThrow(/append-only/)
    const verify = await app.call('audit.verify', {})
    expect(verify).toMatchObject({ ok: true, count: (await rows()).length })
  })

  it('refuses INSERT OR REPLACE over an existing entry, which fires no DELETE trigger', async () => {
    await morning()
    const sqlite = app.open.sqlite
    const before = await rows()
    const second = sqlite.prepare('select * from audit_log where id = 2').get() as Record<
      string,
      unknown
    >
    for (const verb of ['insert or replace', 'replace'])
      expect(() =>
        sqlite
          .prepare(
            `${verb} into audit_log (id, at, user_id, user_name, role, workstation, action,
              entity_type, entity_id, household_id, fields, detail, prev_hash, hash)
             values (@id, @at, @user_id, @user_name, @role, @workstation, 'view',
              @entity_type, @entity_id, @household_id, @fields, @detail, @prev_hash, @hash)`,
          )
          .run(second),
      ).toThrow(/append-only/)
    expect(await rows()).toEqual(before)
    expect(await app.call('audit.verify', {})).toMatchObject({ ok: true })
  })

  it('finds the first altered entry when someone edits the file with the triggers dropped', async () => {
    await morning()
    const sqlite = app.open.sqlite
    sqlite.exec('drop trigger audit_log_no_update; drop trigger audit_log_no_delete')
    sqlite.prepare("update audit_log set user_name = 'iemand anders' where id = 6").run()
    const altered = await app.call('audit.verify', {})
    expect(altered).toMatchObject({ ok: false, brokenAt: 6, reason: 'hash', count: 5 })
  })

  it('finds a removed entry and a recomputed hash that no longer links', async () => {
    await morning()
    const sqlite = app.open.sqlite
    sqlite.exec('drop trigger audit_log_no_update; drop trigger audit_log_no_delete')
    sqlite.prepare('delete from audit_log where id = 4').run()
    expect(await app.call('audit.verify', {})).toMatchObject({
      ok: false,
      brokenAt: 5,
      reason: 'link',
    })
  })

  it('filters by user, action, entity and dates, pages, and exports what it filters', async () => {
    await morning()
    app.clock.set('2026-06-17T09:00:00Z')
    await app.call('auth.unlock', { password: 'Zonnebloem-veld-42' })
    await app.call('households.get', { id: 1 })
    const vera = (await app.call('users.list', {})).find((u) => u.username === 'vera')!
    const byVera = await app.call('audit.list', { userId: vera.id })
    expect(byVera.rows.every((r) => r.userName === 'vera')).toBe(true)
    expect(byVera.total).toBeGreaterThanOrEqual(4)
    const views = await app.call('audit.list', { action: 'view' })
    expect(views.rows.map((r) => r.userName)).toEqual(['beheerder', 'vera'])
    const visits = await app.call('audit.list', { entityType: 'visit' })
    expect(visits.total).toBe(1)
    const on17 = await app.call('audit.list', { from: '2026-06-17', to: '2026-06-17' })
    expect(on17.rows.map((r) => r.action).sort()).toEqual(['lock', 'unlock', 'view'])
    const page2 = await app.call('audit.list', { page: 2, pageSize: 10 })
    expect(page2.rows).toHaveLength(Math.min(10, page2.total - 10))
    const all = await app.call('audit.list', { pageSize: 200 })
    expect(all.rows[0].id).toBeGreaterThan(all.rows[1].id)

    const exported = await app.call('audit.export', { action: 'view' })
    expect(exported.filename).toBe('auditlog-2026-06-17.csv')
    const lines = (await downloadedText(app, exported)).replace('\uFEFF', '').trim().split('\r\n')
    expect(lines[0]).toBe(
      'Nr;Datum;Tijd;Gebruiker;Rol;Werkplek;Actie;Soort gegeven;Nummer;Huishouden;Velden;Toelichting',
    )
    expect(lines).toHaveLength(3)
    // The household by the reference the admin knows it by, not its row number.
    expect(lines[2]).toContain(
      '17-06-2026;11:00:00;beheerder;beheerder;test-pc;inzien;huishouden;1;H-00001',
    )
    const [last] = (await app.call('audit.list', { pageSize: 10 })).rows
    expect([
      last.action,
      last.entityType,
      auditNoteText(last.detail, auditTranslator('nl')),
    ]).toEqual(['export', 'auditLog', '2 regels'])
  })

  it('logs exports of the call list and changes of settings and lists', async () => {
    await app.call('households.callListCsv', { notSeenSince: '2026-06-01' })
    await app.call('settings.update', { lockMinutes: 5, defaultCapacity: 5 })
    await app.call('lists.create', { kind: 'topic', name: 'Energie' })
    const log = await rows()
    const tail = log.slice(-3).map((r) => [r.action, r.entityType, r.fields])
    expect(tail).toEqual([
      ['export', 'callList', ''],
      ['settings_change', 'settings', 'lockMinutes'],
      ['settings_change', 'listItem', 'name'],
    ])
  })
})

describe('organisation profile', () => {
  it('is changed by an admin, logged with the field names, and read by every role', async () => {
    // A 1×1 PNG (the logo is decoded before it is saved).
    const logo =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='
    const updated = await app.call('organisation.update', {
      name: 'Stichting Testwinkel',
      address: 'Kerkstraat 1',
      postcode: '8261 AB',
      city: 'Kampen',
      logo,
    })
    expect(updated).toMatchObject({ city: 'Kampen', logo })
    const volunteer = await app.loginAs('volunteer')
    expect((await app.call('organisation.get', {}, volunteer)).name).toBe('Stichting Testwinkel')
    const [entry] = (await rows())
      .filter((r) => r.action === 'settings_change' && r.entityType === 'organisation')
      .slice(-1)
    expect(entry.fields.split(',').sort()).toEqual(['address', 'city', 'logo', 'postcode'])
    const bad = await rejection(
      app.call('organisation.update', { name: 'X', logo: 'data:text/html;base64,PHNjcmlwdD4=' }),
    )
    expect(bad.fields).toEqual([{ path: 'logo', key: 'logoFormat' }])
    // A text file renamed to .png is not a PNG.
    const renamed = await rejection(
      app.call('organisation.update', {
        name: 'X',
        logo: 'data:image/png;base64,aGFsbG8gd2VyZWxk',
      }),
    )
    expect(renamed.fields).toEqual([{ path: 'logo', key: 'logoFormat' }])
  })
})
