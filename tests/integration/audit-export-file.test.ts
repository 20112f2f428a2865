import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../helpers/db'
import { householdInput } from '../helpers/fixtures'
import { downloaded } from '../helpers/downloads'
import type { MethodInput } from '../../src/shared/api'

let app: TestApp
beforeEach(async () => {
  app = await createTestApp()
})
afterEach(async () => app.close())

/** The CSV text of an export, read from the file its ticket stands for. */
async function exportedCsv(input: MethodInput<'audit.export'>): Promise<string> {
  const result = (await app.call('audit.export', input)) as unknown as Record<string, unknown>
  if (typeof result.csv === 'string') return result.csv
  return (await downloaded(app, result as { ticket: string })).toString('utf8')
}

/** A log with a bit of everything: households, names a spreadsheet could trip on, locks, users. */
async function someHistory(): Promise<void> {
  const a = await app.call('households.create', householdInput())
  const b = await app.call(
    'households.create',
    householdInput({
      contactName: 'Fatma "Yılmaz"; =SOM(A1)',
      postcode: '3812 AB',
      phone: '06-11112222',
    }),
  )
  await app.call('households.get', { id: a.id })
  await app.call('households.update', {
    id: b.id,
    ...householdInput({ contactName: 'Fatma Yılmaz', postcode: '3812 AB', phone: '06-33334444' }),
  })
  await app.call('auth.lock', { reason: 'idle' })
  await app.call('auth.unlock', { password: ADMIN_PASSWORD })
  await app.loginAs('coordinator', 'coco')
  await app.call('backup.create', { download: false })
}

describe('the audit CSV written to a file', () => {
  it('is the same, byte for byte, as the CSV the export gave as text before', async () => {
    await someHistory()
    const nl = await exportedCsv({})
    const en = await exportedCsv({ language: 'en' })
    const one = await exportedCsv({ household: 'H-00002' })
    const none = await exportedCsv({ from: '2030-01-01' })
    await expect(nl).toMatchFileSnapshot('../fixtures/audit-export-nl.csv')
    await expect(en).toMatchFileSnapshot('../fixtures/audit-export-en.csv')
    await expect(one).toMatchFileSnapshot('../fixtures/audit-export-household.csv')
    await expect(none).toMatchFileSnapshot('../fixtures/audit-export-empty.csv')
  })
})
