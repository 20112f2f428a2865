import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/db'
import { downloadedText } from '../helpers/downloads'
import { householdInput } from '../helpers/fixtures'
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '../../src/shared/schemas/audit'
import type { SubjectReport } from '../../src/main/domains/subjects/types'

let app: TestApp
beforeEach(async () => {
  app = await createTestApp()
})
afterEach(async () => app.close())

/** The CSV's rows as cells (no cell in these entries holds a `;` or a quote). */
function cells(csv: string): string[][] {
  return csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(';'))
}

describe('the audit CSV in words', () => {
  it('names a backup and a new recovery key in Dutch and English, never by their codes', async () => {
    await app.call('households.create', householdInput())
    await app.call('backup.create', {})
    await app.call('recovery.regenerate', {})
    for (const [language, backup, key] of [
      ['nl', 'back-up', 'herstelsleutel'],
      ['en', 'backup', 'recovery key'],
    ] as const) {
      const [head, ...rows] = cells(
        await downloadedText(app, await app.call('audit.export', { language })),
      )
      const action = head.indexOf(language === 'nl' ? 'Actie' : 'Action')
      const entity = head.indexOf(language === 'nl' ? 'Soort gegeven' : 'Kind of record')
      const entities = rows.map((r) => r[entity])
      expect(entities).toContain(backup)
      expect(entities).toContain(key)
      expect(entities).toContain(language === 'nl' ? 'huishouden' : 'household')
      // No code shows through: `recovery_key`, `settings_change`, `listItem` and the like.
      const codes = new Set<string>([...AUDIT_ACTIONS, ...AUDIT_ENTITY_TYPES])
      const shown = rows.flatMap((r) => [r[action], r[entity]])
      expect(shown.filter((w) => w.includes('_') || (codes.has(w) && /[A-Z]/.test(w)))).toEqual([])
    }
  })
})

describe('the subject access letter in the words of the screens', () => {
  it("says a household's status and a member's gender as the household screen does", async () => {
    const { id } = await app.call(
      'households.create',
      householdInput({
        status: 'inactive',
        members: [{ firstName: 'Robin', birthYear: 2015, gender: 'x' }],
      }),
    )
    const file = await app.call('subjects.export', { kind: 'household', id, format: 'json' })
    const report = JSON.parse(await downloadedText(app, file)) as SubjectReport
    const tables = report.parts.find((p) => p.key === 'household')!.tables
    const [details] = tables.find((t) => t.key === 'details')!.rows
    const [member] = tables.find((t) => t.key === 'members')!.rows
    // The screen says "Inactief" and "Anders / onbekend"; inside the letter's table, lower case.
    expect([details.status, member.gender]).toEqual(['inactief', 'anders / onbekend'])
  })
})
