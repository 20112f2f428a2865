import { randomBytes } from 'node:crypto'
import { chmodSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { DownloadTicket } from '../../shared/schemas/subjects'

/**
 * How long a ticket may wait for the screen to ask for its file. The screen asks at once after
 * the call that made it; the save dialog opens only after the ticket is taken, so a person
 * thinking over where to save never runs into this.
 */
export const TICKET_TTL_MS = 5 * 60_000

/** How often expired tickets and their files are removed without waiting for a new download. */
export const SWEEP_MS = 60_000

/** 32 random bytes in base64url: 256 bits, far past guessing. */
export const TICKET_PATTERN = /^[A-Za-z0-9_-]{43}$/

/** A file waiting to be saved by the screen that asked for it. */
export interface DownloadFile {
  path: string
  filename: string
  mime: string
  sizeBytes: number
  /** A temp file of the download folder (removed after use), not a backup that stays. */
  temp: boolean
}

interface Entry extends DownloadFile {
  sessionId: string
  /** The session's role when the file was made: a changed role voids the ticket. */
  role: string
  expiresAt: number
}

/** What a service may do with downloads: bound to the session of the call that makes the file. */
export interface DownloadIssuer {
  /** A fresh path in the download folder for a temp file (the folder exists, 0700). */
  tempPath(extension: string): string
  /** Hands a finished file to the screen: returns its ticket, never its path. */
  issue(file: DownloadFile): DownloadTicket
}

/** A taken ticket's file, to be streamed once and then released. */
export interface TakenDownload extends DownloadFile {
  /** Removes a temp file; a backup in the backup folder stays. Safe to call twice. */
  release(): void
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true })
  } catch {
    // A file that cannot be removed now is removed at the next start (see clearFolder).
  }
}

/**
 * Files main made for the screen to save (a backup, a PDF, a CSV), each behind a random,
 * single-use, short-lived ticket bound to the session that made it. The screen never gets a
 * path, and the bytes never travel inside an API answer: the file is streamed to where the user
 * saves it (a save dialog in Electron, a streamed download from the bridge).
 */
export class DownloadTickets {
  private readonly entries = new Map<string, Entry>()

  constructor(
    /** The temp folder in the data folder; emptied now, as a crash may have left files. */
    readonly dir: string,
    private readonly nowMs: () => number,
  ) {
    this.clearFolder()
    // An export nobody came for is not left readable on disk until the next download: expired
    // tickets are swept each minute too (the timer never keeps the app alive).
    setInterval(() => this.sweep(), SWEEP_MS).unref()
  }

  /** What a call of session `sessionId` may use to hand files out. */
  issuer(sessionId: string, role: string): DownloadIssuer {
    return {
      tempPath: (extension) => {
        mkdirSync(this.dir, { recursive: true, mode: 0o700 })
        chmodSync(this.dir, 0o700)
        return join(this.dir, `${randomBytes(16).toString('hex')}.${extension}`)
      },
      issue: (file) => {
        this.sweep()
        const ticket = randomBytes(32).toString('base64url')
        this.entries.set(ticket, {
          ...file,
          sessionId,
          role,
          expiresAt: this.nowMs() + TICKET_TTL_MS,
        })
        return { ticket, filename: file.filename, mime: file.mime, sizeBytes: file.sizeBytes }
      },
    }
  }

  /**
   * The ticket's file, taken (the ticket is used up), when it exists, has not expired and
   * belongs to `sessionId`. A ticket shown by another session stays as it is: a wrong try must
   * not let someone use up another person's download.
   */
  take(ticket: unknown, sessionId: string, role: string): TakenDownload | null {
    this.sweep()
    if (typeof ticket !== 'string' || !TICKET_PATTERN.test(ticket)) return null
    const entry = this.entries.get(ticket)
    if (!entry || entry.sessionId !== sessionId) return null
    // Made for a role the session no longer has (the account was demoted meanwhile): void.
    if (entry.role !== role) {
      this.drop(ticket, entry)
      return null
    }
    this.entries.delete(ticket)
    const { sessionId: _s, role: _r, expiresAt: _e, ...file } = entry
    let released = false
    return {
      ...file,
      release: () => {
        if (released) return
        released = true
        if (file.temp) removeQuietly(file.path)
      },
    }
  }

  /** The session behind a ticket, without taking it (the bridge's anchor carries no token). */
  sessionOf(ticket: unknown): string | null {
    this.sweep()
    if (typeof ticket !== 'string' || !TICKET_PATTERN.test(ticket)) return null
    return this.entries.get(ticket)?.sessionId ?? null
  }

  /** Logging out or locking voids the session's tickets and removes their temp files. */
  voidSession(sessionId: string): void {
    for (const [ticket, entry] of this.entries)
      if (entry.sessionId === sessionId) this.drop(ticket, entry)
  }

  /** Every ticket voided and the temp folder emptied (all screens locked, the app closing). */
  clear(): void {
    for (const [ticket, entry] of this.entries) this.drop(ticket, entry)
    this.clearFolder()
  }

  /** How many tickets wait (for tests and the bench). */
  get size(): number {
    return this.entries.size
  }

  private drop(ticket: string, entry: Entry): void {
    this.entries.delete(ticket)
    if (entry.temp) removeQuietly(entry.path)
  }

  private sweep(): void {
    const now = this.nowMs()
    for (const [ticket, entry] of this.entries) if (entry.expiresAt <= now) this.drop(ticket, entry)
  }

  private clearFolder(): void {
    let names: string[]
    try {
      names = readdirSync(this.dir)
    } catch {
      return
    }
    // Only files no ticket points at: a file being streamed now is removed by its release.
    const waiting = new Set([...this.entries.values()].map((e) => e.path))
    for (const name of names) {
      const path = join(this.dir, name)
      if (!waiting.has(path)) removeQuietly(path)
    }
  }
}
