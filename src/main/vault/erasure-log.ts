import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  writeSync,
} from 'node:fs'
import { dirname } from 'node:path'
import { sql, type Kysely } from 'kysely'
import type { DB } from '../db/schema'
import type { Actor } from '../context'
import { writeAudit } from '../domains/audit/audit'
import { dateInZone } from '../clock'
import {
  anonymiseHousehold,
  deleteHousehold,
  HOUSEHOLD_ANONYMISED_FIELDS,
  householdCountsInReports,
} from '../domains/retention/retention'

/**
 * One anonymisation or deletion, kept outside the database so that restoring an older backup
 * can erase the same records again. Ids, actions and times only: never personal data.
 */
export interface ErasureEntry {
  /** ISO instant of the erasure. */
  at: string
  action: 'anonymise' | 'delete'
  kind: 'household'
  id: number
  /**
   * Which data the erasure was made in (the key id of its database). Ids are only meaningful
   * within one database: a backup of other data must not get this erasure.
   */
  dataId?: string
}

export interface ErasureLog {
  /** Adds an entry durably (written and flushed before it returns); throws when it cannot. */
  append(entry: ErasureEntry): void
  /** Every entry, oldest first. */
  entries(): ErasureEntry[]
}

function isEntry(value: unknown): value is ErasureEntry {
  if (typeof value !== 'object' || value === null) return false
  const e = value as Record<string, unknown>
  return (
    typeof e.at === 'string' &&
    !Number.isNaN(Date.parse(e.at)) &&
    (e.action === 'anonymise' || e.action === 'delete') &&
    e.kind === 'household' &&
    typeof e.id === 'number' &&
    Number.isInteger(e.id) &&
    e.id > 0 &&
    (e.dataId === undefined || (typeof e.dataId === 'string' && /^[0-9a-f]{1,64}$/.test(e.dataId)))
  )
}

/** Only the known keys, so nothing else (let alone personal data) can slip into the file. */
function line(entry: ErasureEntry): string {
  if (!isEntry(entry)) throw new Error('Not a valid erasure entry')
  const { at, action, kind, id, dataId } = entry
  return JSON.stringify({ at, action, kind, id, dataId }) + '\n'
}

function endsWithNewline(fd: number): boolean {
  const size = fstatSync(fd).size
  if (size === 0) return true
  const last = Buffer.alloc(1)
  readSync(fd, last, 0, 1, size - 1)
  return last[0] === 0x0a
}

/** Makes a newly created file's directory entry durable too (not possible on Windows). */
function fsyncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, 'r')
    try {
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
  } catch {
    // Directories cannot be opened for fsync on every platform; the file itself is synced.
  }
}

/**
 * The log as a JSON-lines file. Every append is flushed to disk (fsync) before it returns, so
 * an erasure whose transaction commits after the append is never missing from the log. A crash
 * in the middle of a write leaves a torn last line: reading skips it (its transaction never
 * committed), and the next append starts on a fresh line so it is not glued to the torn one.
 */
export function fileErasureLog(path: string): ErasureLog {
  return {
    append(entry) {
      const text = line(entry)
      const created = !existsSync(path)
      if (created) mkdirSync(dirname(path), { recursive: true })
      const fd = openSync(path, 'a+')
      try {
        const out = endsWithNewline(fd) ? text : '\n' + text
        writeSync(fd, out)
        fsyncSync(fd)
      } finally {
        closeSync(fd)
      }
      if (created) fsyncDirectory(dirname(path))
    },
    entries() {
      if (!existsSync(path)) return []
      const out: ErasureEntry[] = []
      for (const raw of readFileSync(path, 'utf8').split('\n')) {
        if (!raw.trim()) continue
        try {
          const parsed: unknown = JSON.parse(raw)
          if (isEntry(parsed)) out.push(parsed)
        } catch {
          // A torn line from a crash mid-write: its erasure was never committed.
        }
      }
      return out
    },
  }
}

/** The log in memory, for tests and for a router that was given no file. */
export function memoryErasureLog(): ErasureLog {
  const list: ErasureEntry[] = []
  return {
    append(entry) {
      line(entry)
      list.push({
        at: entry.at,
        action: entry.action,
        kind: entry.kind,
        id: entry.id,
        dataId: entry.dataId,
      })
    },
    entries: () => list.map((e) => ({ ...e })),
  }
}

/** Who the audit log names for erasures re-applied after a restore: nobody logged in did them. */
export const SYSTEM_ACTOR: Actor = {
  userId: null,
  userName: 'systeem',
  role: null,
  workstation: 'systeem',
}

const REAPPLIED = 'opnieuw toegepast na terugzetten'

/**
 * After a backup has been restored: erases again every record the log says was anonymised or
 * deleted, so a restore never brings erased people back. Runs in one transaction and returns
 * how many erasures changed something. Each of those gets an audit entry by the system actor.
 *
 * - An erasure that already holds in this data (anonymised, or the household is gone) is skipped.
 * - A household created after the erasure's time is not the erased one, even with the same id
 *   (ids of households made after the backup can be handed out again), and is left alone.
 * - A delete whose household now counts in a report (the restored data can differ from the data
 *   at the moment of deletion) is anonymised instead: the person is gone, past figures stay.
 */
export async function reapplyErasures(
  db: Kysely<DB>,
  entries: ErasureEntry[],
  now: Date,
): Promise<number> {
  const valid = entries.filter(isEntry)
  if (!valid.length) return 0
  const today = dateInZone(now)
  return db.transaction().execute(async (trx) => {
    let applied = 0
    for (const e of valid) {
      const h = await trx
        .selectFrom('household')
        .select(['id', 'createdAt'])
        .where('id', '=', e.id)
        .executeTakeFirst()
      if (!h || h.createdAt > e.at) continue
      const remove = e.action === 'delete' && !(await householdCountsInReports(trx, e.id))
      if (remove) {
        await deleteHousehold(trx, e.id)
        await writeAudit(trx, now, SYSTEM_ACTOR, {
          action: 'delete',
          entityType: 'household',
          entityId: e.id,
          householdId: e.id,
          detail: REAPPLIED,
        })
        applied += 1
      } else if ((await anonymiseHousehold(trx, e.id, now, today)) === 'done') {
        await writeAudit(trx, now, SYSTEM_ACTOR, {
          action: 'anonymise',
          entityType: 'household',
          entityId: e.id,
          householdId: e.id,
          fields: HOUSEHOLD_ANONYMISED_FIELDS,
          detail: e.action === 'delete' ? `${REAPPLIED} (telt mee in cijfers)` : REAPPLIED,
        })
        applied += 1
      }
    }
    // New households must not get the ids of erased ones, so a later re-apply cannot hit them.
    const maxId = Math.max(...valid.map((e) => e.id))
    await sql`update sqlite_sequence set seq = ${maxId}
      where name = 'household' and seq < ${maxId}`.execute(trx)
    return applied
  })
}
