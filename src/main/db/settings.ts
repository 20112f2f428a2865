import type { z } from 'zod'
import type { Db } from '../context'

/**
 * A settings group as stored in `setting` (one JSON value per key) over its defaults: a field
 * not stored yet (a setting newer than the file) takes its default; a value that is no JSON or
 * does not pass the schema gives the defaults as a whole, so a broken row never stops a screen.
 */
export async function readSettings<T extends object>(
  db: Db,
  key: string,
  schema: z.ZodObject,
  defaults: T,
): Promise<T> {
  const row = await db
    .selectFrom('setting')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst()
  if (!row) return defaults
  let stored: unknown
  try {
    stored = JSON.parse(row.value)
  } catch {
    return defaults
  }
  const parsed = schema.partial().safeParse(stored)
  return { ...defaults, ...(parsed.success ? (parsed.data as Partial<T>) : {}) }
}
