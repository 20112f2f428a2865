import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD, createTestApp, rejection, type TestApp } from '../helpers/db'
import { downloadedText } from '../helpers/downloads'
import { householdInput } from '../helpers/fixtures'
import { auditNoteText, auditTranslator } from '../../src/shared/audit-text'

let app: TestApp
beforeEach(async () => {
  app = await createTestApp()
})
afterEach(async () => app.close())

const en = auditTranslator('en')

/** Two families, each viewed once; the second gets a new phone number. */
async function twoFamilies(): Promise<[number, number]> {
  const a = await app.call('households.create', householdInput())
  const b = await app.call(
    'households.create',
    householdInput({ contactName: 'Fatma Yılmaz', postcode: '3812 AB', phone: '06-11112222' }),
  )
  await app.call('households.get', { id: a.id })
  await app.call('households.get', { id: b.id })
  await app.call('households.update', {
    id: b.id,
    ...householdInput({ contactName: 'Fatma Yılmaz', postcode: '3812 AB', phone: '06-33334444' }),
  })
  return [a.id, b.id]
}

describe('the audit log for an admin', () => {
  it("names each entry's household by its reference, joined in by main", async () => {
    const [a, b] = await twoFamilies()
    const { rows } = await app.call('audit.list', {})
    const about = rows.filter((r) => r.householdId !== null)
    expect(about.length).toBeGreaterThanOrEqual(5)
    for (const r of about)
      expect(r.householdReference).toBe(r.householdId === a ? 'H-00001' : 'H-00002')
    expect(rows.find((r) => r.householdId === null)?.householdReference).toBeNull()
    expect(b).toBe(2)
  })

  it('filters on one household, typed as its reference or its number', async () => {
    const [, b] = await twoFamilies()
    for (const typed of ['H-00002', 'h2', ' 2 ', 'H 2']) {
      const { rows, total } = await app.call('audit.list', { household: typed })
      expect(total, typed).toBe(3)
      expect(rows.every((r) => r.householdId === b)).toBe(true)
    }
    const wrong = await rejection(app.call('audit.list', { household: 'Yılmaz' }))
    expect(wrong.fields).toEqual([{ path: 'household', key: 'householdReference' }])
    const exported = await app.call('audit.export', { household: 'H-00002' })
    expect(exported.count).toBe(3)
  })

  it('exports with the words of the screen: field names, reference and notes, in Dutch or English', async () => {
    await twoFamilies()
    await app.call('auth.lock', { reason: 'idle' })
    await app.call('auth.unlock', { password: ADMIN_PASSWORD })
    const nl = await downloadedText(
      app,
      await app.call('audit.export', { household: 'H-00002', action: 'update' }),
    )
    const [, line] = nl.replace('\uFEFF', '').trim().split('\r\n')
    expect(line).toContain(';wijzigen;huishouden;2;H-00002;telefoon;')
    const locks = await downloadedText(app, await app.call('audit.export', { action: 'lock' }))
    expect(locks).toContain(';vergrendelen;account;1;;;niet gebruikt')

    const english = await downloadedText(
      app,
      await app.call('audit.export', { action: 'lock', language: 'en' }),
    )
    const lines = english.replace('\uFEFF', '').trim().split('\r\n')
    expect(lines[0]).toBe(
      'No.;Date;Time;User;Role;Workstation;Action;Kind of record;Number;Household;Fields;Detail',
    )
    expect(lines[1]).toContain(';administrator;test-pc;lock;account;1;;;not used')
    for (const dutch of ['vergrendelen', ';beheerder;test-pc', 'niet gebruikt'])
      expect(english).not.toContain(dutch)
  })
})

describe('entries a reader recognises', () => {
  it('names an account by its username and calls marking a family called "gebeld / uitgenodigd"', async () => {
    const coordinator = await app.loginAs('coordinator', 'carla')
    const { id } = await app.call('households.create', householdInput())
    await app.call('households.markContacted', { householdId: id, date: '2026-06-15' }, coordinator)

    const { rows } = await app.call('audit.list', { entityType: 'account' })
    const created = rows.find((r) => r.action === 'create')
    expect(created?.entityName).toBe('carla')

    const nl = await downloadedText(app, await app.call('audit.export', { household: 'H-00001' }))
    expect(nl).toContain(';gebeld / uitgenodigd;bellijst;')
    expect(nl).not.toContain(';aanmaken;bellijst;')
    const english = await downloadedText(
      app,
      await app.call('audit.export', { household: 'H-00001', language: 'en' }),
    )
    expect(english).toContain(';called / invited;call list;')
  })
})

describe('notes main writes in the log', () => {
  it('are stored as codes, so the English screen says them in English', async () => {
    const vera = await app.loginAs('volunteer', 'vera')
    await app.call('auth.lock', { reason: 'shortcut' }, vera)
    const users = await app.call('users.list', {})
    const id = users.find((u) => u.username === 'vera')!.id
    await app.call('users.update', { id, active: false })
    // Vera's screen is logged out at its next call: main notes why.
    await rejection(app.call('households.search', { query: 'Sanne' }, vera))
    await rejection(
      app.call('auth.login', { username: 'niemand', password: 'Geen-idee-welk-1' }, vera),
    )
    const notes = await app.open.db
      .selectFrom('auditLog')
      .select(['action', 'detail'])
      .where('action', 'in', ['lock', 'logout', 'login_failed'])
      .orderBy('id')
      .execute()
    const byAction = (a: string): string[] =>
      notes.filter((n) => n.action === a).map((n) => auditNoteText(n.detail, en))
    expect(byAction('lock')).toEqual(['shortcut'])
    expect(byAction('logout')).toContain('account disabled')
    expect(byAction('login_failed')).toEqual(['unknown username'])
    // Not Dutch sentences in the database: codes the screen translates.
    for (const n of notes.filter((x) => x.detail)) expect(n.detail).toMatch(/^@/)
  })
})
