import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3-multiple-ciphers'
import type { TestApp } from '../helpers/db'
import { snapshot } from '../helpers/fixtures'

/*
 * The snapshot that proves a refused call changed nothing reuses its last full read while
 * nothing was written. These cases show it still sees every way a row can change: a write on
 * the app's own connection, a commit by another connection (a worker thread has its own), and a
 * change of the schema; and that a write that leaves the rows as they were still compares equal.
 */

let dir: string
let main: Database.Database
let other: Database.Database
let app: TestApp

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-snapshot-'))
  const file = join(dir, 'data.sqlite')
  main = new Database(file)
  main.pragma('journal_mode = WAL')
  main.exec(
    "create table household (id integer primary key, name text); insert into household (name) values ('Jansen')",
  )
  other = new Database(file)
  // Only the connection is read; the rest of a test app is not needed here.
  app = { open: { sqlite: main } } as unknown as TestApp
})

afterEach(() => {
  other.close()
  main.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('snapshot of every row', () => {
  it('is the same text while nothing is written', () => {
    const before = snapshot(app)
    main.prepare('select * from household').all()
    expect(snapshot(app)).toBe(before)
    expect(before).toContain('Jansen')
  })

  it('sees a row changed on the same connection', () => {
    const before = snapshot(app)
    main.prepare("update household set name = 'Bakker'").run()
    expect(snapshot(app)).not.toBe(before)
    expect(snapshot(app)).toContain('Bakker')
  })

  it('sees a row inserted by a trigger', () => {
    main.exec(
      'create table log (what text); create trigger t after update on household begin insert into log values (new.name); end',
    )
    const before = snapshot(app)
    main.prepare("update household set name = 'Jansen'").run()
    expect(snapshot(app)).not.toBe(before)
  })

  it('sees a commit by another connection to the same file', () => {
    const before = snapshot(app)
    other.prepare("insert into household (name) values ('Visser')").run()
    expect(snapshot(app)).not.toBe(before)
    expect(snapshot(app)).toContain('Visser')
  })

  it('sees a new table and a dropped one', () => {
    const before = snapshot(app)
    other.exec('create table extra (x)')
    const withTable = snapshot(app)
    expect(withTable).not.toBe(before)
    main.exec('drop table extra')
    expect(snapshot(app)).toBe(before)
  })

  it('compares equal after a write that left every row as it was', () => {
    const before = snapshot(app)
    main.prepare("update household set name = 'Jansen'").run()
    const rolledBack = main.transaction(() => {
      main.prepare("insert into household (name) values ('y')").run()
      throw new Error('refused')
    })
    expect(() => rolledBack()).toThrow('refused')
    expect(snapshot(app)).toBe(before)
  })
})
