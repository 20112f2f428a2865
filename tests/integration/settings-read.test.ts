import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { readSettings } from '../../src/main/db/settings'
import { createTestApp, type TestApp } from '../helpers/db'

const schema = z.object({ threshold: z.number().int().min(1), label: z.string() })
const DEFAULTS = { threshold: 5, label: 'standaard' }

let app: TestApp
beforeAll(async () => {
  app = await createTestApp()
})
afterAll(async () => app?.close())

async function stored(value: string | null): Promise<typeof DEFAULTS> {
  await app.open.db.deleteFrom('setting').where('key', '=', 'test-settings').execute()
  if (value !== null)
    await app.open.db.insertInto('setting').values({ key: 'test-settings', value }).execute()
  return readSettings(app.open.db, 'test-settings', schema, DEFAULTS)
}

describe('readSettings: a settings group over its defaults', () => {
  it('gives the defaults without a row, and what is stored over them', async () => {
    expect(await stored(null)).toEqual(DEFAULTS)
    expect(await stored('{"threshold":3}')).toEqual({ threshold: 3, label: 'standaard' })
    expect(await stored('{"threshold":7,"label":"eigen"}')).toEqual({
      threshold: 7,
      label: 'eigen',
    })
  })

  it('falls back to the defaults for a row that is no JSON or breaks the schema', async () => {
    expect(await stored('{kapot')).toEqual(DEFAULTS)
    expect(await stored('{"threshold":0}')).toEqual(DEFAULTS)
    expect(await stored('[1,2]')).toEqual(DEFAULTS)
  })

  it('keeps the app running on a broken row of a real settings group', async () => {
    await app.call('reports.updateSettings', { smallCellThreshold: 7, deviationPercent: 20 })
    expect((await app.call('reports.settings', {})).smallCellThreshold).toBe(7)
    const written = await app.open.db
      .updateTable('setting')
      .set({ value: '{kapot' })
      .where('key', '=', 'reports')
      .executeTakeFirst()
    expect(Number(written.numUpdatedRows)).toBe(1)
    const settings = await app.call('reports.settings', {})
    expect(settings.smallCellThreshold).toBe(5)
    expect(settings.deviationPercent).toBe(10)
  })
})
