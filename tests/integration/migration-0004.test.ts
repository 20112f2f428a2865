import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as m0002 from '../../src/main/db/migrations/0002-accounts'
import * as m0004 from '../../src/main/db/migrations/0004-audit-no-replace'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-mig4-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const INSERT = `insert into audit_log (id, at, workstation, action, fields, prev_hash, hash)
  values (?, '2026-01-01T10:00:00.000Z', 'pc', ?, '', 'p', 'h')`

async function auditTable(
  name: string,
): Promise<{ sqlite: Database.Database; db: Kysely<Record<string, Record<string, unknown>>> }> {
  const sqlite = new Database(join(dir, name))
  const db = new Kysely<Record<string, Record<string, unknown>>>({
    dialect: new SqliteDialect({ database: sqlite }),
  })
  await m0002.up(db)
  return { sqlite, db }
}

function actions(sqlite: Database.Database): unknown[] {
  return sqlite.prepare('select id, action from audit_log order by id').all()
}

describe('migration 0004-audit-no-replace', () => {
  it('refuses INSERT OR REPLACE and REPLACE INTO over an existing entry, keeping the old one', async () => {
    const { sqlite, db } = await auditTable('a.sqlite')
    sqlite.prepare(INSERT).run(1, 'login')
    // Before the migration the replace goes through without the DELETE trigger noticing.
    sqlite.prepare(INSERT.replace('insert into', 'insert or replace into')).run(1, 'view')
    expect(actions(sqlite)).toEqual([{ id: 1, action: 'view' }])

    await m0004.up(db)
    for (const verb of ['insert or replace into', 'replace into', 'insert into'])
      expect(() => sqlite.prepare(INSERT.replace('insert into', verb)).run(1, 'export')).toThrow(
        /append-only/,
      )
    expect(actions(sqlite)).toEqual([{ id: 1, action: 'view' }])
    await db.destroy()
  })

  it('still lets new entries be appended', async () => {
    const { sqlite, db } = await auditTable('b.sqlite')
    await m0004.up(db)
    sqlite.prepare(INSERT).run(1, 'login')
    sqlite.prepare(INSERT).run(2, 'logout')
    expect(actions(sqlite)).toEqual([
      { id: 1, action: 'login' },
      { id: 2, action: 'logout' },
    ])
    await db.destroy()
  })
})
