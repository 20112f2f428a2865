import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as m0001 from '../../src/main/db/migrations/0001-shop'
import * as m0002 from '../../src/main/db/migrations/0002-accounts'
import * as m0004 from '../../src/main/db/migrations/0004-audit-no-replace'
import * as m0007 from '../../src/main/db/migrations/0007-audit-subject'
import * as m0009 from '../../src/main/db/migrations/0009-audit-scale'
import { appendAuditEntries } from '../helpers/audit-bulk'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-mig9-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('migration 0009-audit-scale', () => {
  it('gives every audit filter an index ending in the time, keeps every entry, and adds the verified point', async () => {
    const sqlite = new Database(join(dir, 'm.sqlite'))
    const db = new Kysely<Record<string, Record<string, unknown>>>({
      dialect: new SqliteDialect({ database: sqlite }),
    })
    await m0001.up(db)
    await m0002.up(db)
    await m0004.up(db)
    await m0007.up(db)
    appendAuditEntries(sqlite, 500)
    const before = sqlite.prepare('select * from audit_log order by id').all()

    await m0009.up(db)

    const indexes = (
      sqlite
        .prepare(
          "select name, sql from sqlite_master where type = 'index' and tbl_name = 'audit_log' and sql is not null order by name",
        )
        .all() as { name: string; sql: string }[]
    ).map((i) => i.name)
    expect(indexes).toEqual([
      'audit_log_action_at',
      'audit_log_at',
      'audit_log_entity_at',
      'audit_log_entity_type_at',
      'audit_log_household_at',
      'audit_log_subject',
      'audit_log_user',
    ])
    const columns = (name: string): string[] =>
      (sqlite.prepare(`pragma index_info(${name})`).all() as { name: string }[]).map((c) => c.name)
    expect(columns('audit_log_action_at')).toEqual(['action', 'at'])
    expect(columns('audit_log_entity_at')).toEqual(['entity_type', 'entity_id', 'at'])
    expect(columns('audit_log_household_at')).toEqual(['household_id', 'at'])
    expect(sqlite.prepare('select * from audit_log order by id').all()).toEqual(before)
    expect(sqlite.prepare('select count(*) as n from audit_verified').get()).toEqual({ n: 0 })
    // One remembered point at most.
    const point = sqlite.prepare(
      `insert into audit_verified (id, entry_id, entry_hash, first_current_id, sweep_next, verified_at)
       values (?, 500, 'x', 1, 1, '2026-06-15T10:00:00.000Z')`,
    )
    point.run(1)
    expect(() => point.run(2)).toThrow(/CHECK/)
    // The log stays append-only.
    expect(() => sqlite.prepare('delete from audit_log where id = 1').run()).toThrow(/append-only/)
    await db.destroy()
  })
})
