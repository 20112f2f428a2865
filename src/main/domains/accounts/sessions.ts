import { randomBytes } from 'node:crypto'
import type { Role } from '../../../shared/schemas/accounts'
import type { SearchLookups } from '../../context'

/** One logged-in person at one screen. Lives in main's memory only; a restart logs everyone out. */
export interface LiveSession {
  id: string
  userId: number
  username: string
  displayName: string
  role: Role
  workstation: string
  startedAt: number
  /** Last moment the person was seen at the screen (a call or reported input), in ms. */
  lastActivity: number
  locked: boolean
  mustChangePassword: boolean
  /** Households this screen found by a search: what a counter volunteer may open. */
  lookups: CounterLookups
  /**
   * The database file the session was started in (the real data or the oefenomgeving's), set by
   * the router once the login returns: a session is never used on the other.
   */
  dataFile?: string
}

/** How long a household found by a search stays open to the counter screen that found it. */
export const LOOKUP_VALID_MS = 60 * 60 * 1000

/**
 * The households a screen got in its search results, with when. A counter volunteer opens a
 * household it looked up (or one expected today), so walking the ids does not list everyone.
 * Kept in memory with the session: a restart or logout forgets it.
 */
export class CounterLookups implements SearchLookups {
  private readonly seen = new Map<number, number>()

  remember(ids: readonly number[], nowMs: number): void {
    // Forget what has expired first, so a day of searching does not pile up.
    for (const [id, at] of this.seen) if (nowMs - at > LOOKUP_VALID_MS) this.seen.delete(id)
    for (const id of ids) this.seen.set(id, nowMs)
  }

  /** True when `id` was in a search result of this screen within the last hour. */
  has(id: number, nowMs: number): boolean {
    const at = this.seen.get(id)
    return at !== undefined && nowMs - at <= LOOKUP_VALID_MS
  }
}

/** A session nobody used for this long is dropped when the next one starts. */
export const ABANDONED_AFTER_MS = 12 * 60 * 60 * 1000

export class SessionStore {
  private readonly byId = new Map<string, LiveSession>()

  /**
   * Ends the sessions left behind (a closed browser tab, a screen nobody unlocked for half a
   * day), so they do not pile up; returns them, so their end can be logged.
   */
  prune(nowMs: number): LiveSession[] {
    const dropped = [...this.byId.values()].filter(
      (s) => nowMs - s.lastActivity > ABANDONED_AFTER_MS,
    )
    for (const s of dropped) this.byId.delete(s.id)
    return dropped
  }

  create(data: Omit<LiveSession, 'id' | 'locked' | 'lookups'>): LiveSession {
    const session: LiveSession = {
      ...data,
      id: randomBytes(32).toString('base64url'),
      locked: false,
      lookups: new CounterLookups(),
    }
    this.byId.set(session.id, session)
    return session
  }

  get(id: string | null | undefined): LiveSession | null {
    if (!id) return null
    return this.byId.get(id) ?? null
  }

  end(id: string): LiveSession | null {
    const s = this.byId.get(id) ?? null
    this.byId.delete(id)
    return s
  }

  /** Every live session of one account, e.g. to end them when the account is disabled. */
  ofUser(userId: number): LiveSession[] {
    return [...this.byId.values()].filter((s) => s.userId === userId)
  }

  all(): LiveSession[] {
    return [...this.byId.values()]
  }

  get size(): number {
    return this.byId.size
  }
}
