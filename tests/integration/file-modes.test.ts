import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../../scripts/demo-data'
import { PASSWORD_PARAMS } from '../../src/main/crypto/passwords'
import { fixedClock } from '../../src/main/clock'
import { createRouter } from '../../src/main/router'
import { DB_FILE_NAME, Vault } from '../../src/main/vault/vault'
import { createTestApp } from '../helpers/db'

/*
 * The database file and its -wal and -shm companions are readable by this account only (600),
 * like the key file and the backups, also when the process that makes them has the usual umask of
 * 022: the demo seed (`npm run seed:demo`) and any other path that creates the database.
 */

const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

const modeOf = (file: string): string => (statSync(file).mode & 0o777).toString(8)
const databaseFiles = (dir: string): string[] =>
  ['', '-wal', '-shm'].map((suffix) => join(dir, DB_FILE_NAME + suffix))

// Modes as Linux and macOS have them (the tests run on Linux).
describe('database file modes', () => {
  it('a new installation makes the database, -wal and -shm with mode 600', async () => {
    const previous = process.umask(0o022)
    try {
      const app = await createTestApp()
      dirs.push(app.dir)
      try {
        for (const file of databaseFiles(app.dir)) {
          expect(existsSync(file), file).toBe(true)
          expect(modeOf(file), file).toBe('600')
        }
      } finally {
        await app.close()
      }
    } finally {
      process.umask(previous)
    }
  })

  it('the demo seed leaves its database, -wal and -shm at 600, and opening narrows an old 644', async () => {
    const previous = process.umask(0o022)
    const dir = mkdtempSync(join(tmpdir(), 'dichtbij-modes-'))
    dirs.push(dir)
    const seen: Record<string, string> = {}
    try {
      await seedDemo({
        dataDir: dir,
        seed: 3,
        today: '2026-03-10',
        households: 2,
        password: 'Demo-wachtwoord-voor-tests',
        // While the seed writes, its -wal and -shm files are there.
        onProgress: () => {
          for (const file of databaseFiles(dir)) if (existsSync(file)) seen[file] = modeOf(file)
        },
      })
      expect(Object.keys(seen)).toHaveLength(3)
      for (const mode of Object.values(seen)) expect(mode).toBe('600')
      expect(modeOf(join(dir, DB_FILE_NAME))).toBe('600')

      // A folder seeded before this fix: the first login makes its files private again.
      chmodSync(join(dir, DB_FILE_NAME), 0o644)
      const clock = fixedClock('2026-03-10T12:00:00Z')
      const vault = await Vault.start({ dataDir: dir, clock, slotParams: PASSWORD_PARAMS })
      try {
        const router = createRouter({ vault, clock, logError: () => undefined })
        const login = await router.call({ sessionId: null, workstation: 'test' }, 'auth.login', {
          username: 'beheerder',
          password: 'Demo-wachtwoord-voor-tests',
        })
        expect(login.ok).toBe(true)
        for (const file of databaseFiles(dir)) expect(modeOf(file), file).toBe('600')
      } finally {
        await vault.close()
      }
    } finally {
      process.umask(previous)
    }
    // The seed and the login use the production password hashing: slow on a busy machine.
  }, 120_000)
})
