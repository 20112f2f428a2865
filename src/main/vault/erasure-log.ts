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

/**
 * One anonymisation or deletion, kept outside the database so that restoring an older backup
 * can erase the same records again. Ids, actions and times only: never personal data.
 *
 * This file is only the record and its file format. What an erasure does to the data is the
 * retention domain's (`domains/retention/erasures.ts`), handed to `Vault.restore` as its re-apply
 * step, so the vault knows no kind of data subject and imports no domain.
 */
export interface ErasureEntry {
  /** ISO instant of the erasure. */
  at: string
  action: 'anonymise' | 'delete'
  /**
   * The kind of data subject, as the retention domain registers it ('household'; later 'person',
   * 'complaint'). Files written before other kinds existed hold only 'household': still valid.
   */
  kind: string
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

/** A kind is a short name, never free text: nothing personal can hide in it. */
const KIND = /^[a-z][a-zA-Z]{0,31}$/

/** Whether a value is a well-formed entry (entries also arrive from backups' headers). */
export function isErasureEntry(value: unknown): value is ErasureEntry {
  if (typeof value !== 'object' || value === null) return false
  const e = value as Record<string, unknown>
  return (
    typeof e.at === 'string' &&
    !Number.isNaN(Date.parse(e.at)) &&
    (e.action === 'anonymise' || e.action === 'delete') &&
    typeof e.kind === 'string' &&
    KIND.test(e.kind) &&
    typeof e.id === 'number' &&
    Number.isInteger(e.id) &&
    e.id > 0 &&
    (e.dataId === undefined || (typeof e.dataId === 'string' && /^[0-9a-f]{1,64}$/.test(e.dataId)))
  )
}

/** Only the known keys, so nothing else (let alone personal data) can slip into the file. */
function line(entry: ErasureEntry): string {
  if (!isErasureEntry(entry)) throw new Error('Not a valid erasure entry')
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
          if (isErasureEntry(parsed)) out.push(parsed)
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
