import type { BackupCheckRecord } from '../../../shared/schemas/backup'
import type { Db } from '../../context'

/**
 * The last check of each backup, kept in the database so "In orde" survives a reload and a
 * restart. Keyed by file name and tied to the backup's own database hash: a different file under
 * the same name (copied over from a stick) starts without a check.
 */
const KEY = 'backupChecks'

interface Stored extends BackupCheckRecord {
  databaseSha256: string
}

async function readAll(db: Db): Promise<Record<string, Stored>> {
  const row = await db
    .selectFrom('setting')
    .select('value')
    .where('key', '=', KEY)
    .executeTakeFirst()
  if (!row) return {}
  try {
    const parsed = JSON.parse(row.value) as unknown
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, Stored>) : {}
  } catch {
    return {}
  }
}

/** The last check per backup name, for the backups that are in the folder now. */
export async function lastChecks(
  db: Db,
  backups: readonly { name: string; databaseSha256: string }[],
): Promise<Map<string, BackupCheckRecord>> {
  const all = await readAll(db)
  const found = new Map<string, BackupCheckRecord>()
  for (const b of backups) {
    const c = all[b.name]
    if (c && c.databaseSha256 === b.databaseSha256)
      found.set(b.name, { at: c.at, ok: c.ok, problemKey: c.problemKey ?? null })
  }
  return found
}

/**
 * Records a check. Only backups still in the folder are kept, so the list cannot grow without
 * bound as old backups are pruned.
 */
export async function recordCheck(
  db: Db,
  name: string,
  databaseSha256: string,
  check: BackupCheckRecord,
  inFolder: readonly string[],
): Promise<void> {
  const all = await readAll(db)
  const keep = new Set([...inFolder, name])
  const next: Record<string, Stored> = {}
  for (const [n, c] of Object.entries(all)) if (keep.has(n)) next[n] = c
  next[name] = { ...check, databaseSha256 }
  const value = JSON.stringify(next)
  await db
    .insertInto('setting')
    .values({ key: KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute()
}
