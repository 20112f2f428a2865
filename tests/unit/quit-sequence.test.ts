import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createQuitSequence,
  QUIT_TIME_LIMIT_MS,
  SHUTDOWN_TIME_LIMIT_MS,
  type QuitSteps,
} from '../../src/main/quit-sequence'

/** Steps that record their order; `backup` is what the test hands in. */
function steps(backup: () => Promise<void>): QuitSteps & { events: string[] } {
  const events: string[] = []
  return {
    events,
    backup: async () => {
      events.push('backup')
      await backup()
      events.push('backup done')
    },
    close: async () => {
      events.push('close')
    },
    log: (message) => events.push(`log: ${message}`),
  }
}

const never = (): Promise<void> => new Promise<void>(() => {})

describe('closing the app', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('backs up, then closes the database, then reports a clean end', async () => {
    const s = steps(async () => {})
    await expect(createQuitSequence(s).run('quit')).resolves.toBe('clean')
    expect(s.events).toEqual(['backup', 'backup done', 'close'])
  })

  it('a failed backup is logged and the database still closes', async () => {
    const s = steps(async () => {
      throw new Error('USB stick gone')
    })
    await expect(createQuitSequence(s).run('quit')).resolves.toBe('clean')
    expect(s.events).toEqual(['backup', 'log: Backup at close failed', 'close'])
  })

  it('a backup that hangs (a dead network drive) ends in the time limit, so the app can quit', async () => {
    const s = steps(never)
    let outcome: string | null = null
    void createQuitSequence(s)
      .run('quit')
      .then((o) => (outcome = o))
    await vi.advanceTimersByTimeAsync(QUIT_TIME_LIMIT_MS - 1)
    expect(outcome).toBeNull()
    await vi.advanceTimersByTimeAsync(1)
    expect(outcome).toBe('timedOut')
    expect(s.events.at(-1)).toMatch(/^log: Closing took longer than 30 s/)
  })

  it('a shutdown or log-off has only a few seconds, also when a normal quit is under way', async () => {
    expect(SHUTDOWN_TIME_LIMIT_MS).toBeLessThan(5_000)
    const sequence = createQuitSequence(steps(never))
    const first = sequence.run('quit')
    await vi.advanceTimersByTimeAsync(1_000)
    // Windows' session-end arrives while the closing backup hangs.
    const second = sequence.run('shutdown')
    expect(second).toBe(first)
    await vi.advanceTimersByTimeAsync(SHUTDOWN_TIME_LIMIT_MS)
    await expect(first).resolves.toBe('timedOut')
  })

  it('runs once: quit, session-end and shutdown together back up only once', async () => {
    const backup = vi.fn(async () => {})
    const sequence = createQuitSequence({ backup, close: async () => {}, log: () => {} })
    expect(sequence.started).toBe(false)
    const outcomes = await Promise.all([
      sequence.run('quit'),
      sequence.run('shutdown'),
      sequence.run('shutdown'),
    ])
    expect(sequence.started).toBe(true)
    expect(outcomes).toEqual(['clean', 'clean', 'clean'])
    expect(backup).toHaveBeenCalledTimes(1)
    // No timer is left to fire after a clean end.
    expect(vi.getTimerCount()).toBe(0)
  })
})
