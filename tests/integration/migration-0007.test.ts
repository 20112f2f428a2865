import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type OpenDatabase } from '../../src/main/db/open'
import { MIGRATIONS } from '../../src/main/db/migrations'
import * as m0001 from '../../src/main/db/migrations/0001-shop'
import * as m0002 from '../../src/main/db/migrations/0002-accounts'
import * as m0004 from '../../src/main/db/migrations/0004-audit-no-replace'
import * as m0007 from '../../src/main/db/migrations/0007-audit-subject'
import { auditHash, auditHashV1, verifyAudit, writeAudit } from '../../src/main/domains/audit/audit'
import { auditPart } from '../../src/main/domains/audit/subject-part'

/**
 * The previous version's demo data: `scripts/demo-data.ts` of commit 3782e63 (seed 7, today
 * 2026-03-10, 6 households; 160 audit entries written by that version's code), dumped as SQL
 * from the decrypted file. Migrations 0001-0006 had run on it.
 */
const PREVIOUS_DEMO = join(__dirname, '../fixtures/previous-version/demo-0006.sql')

const NOW = new Date('2026-06-15T10:00:00Z')
const ADMIN = { userId: 1, userName: 'beheerder', role: 'admin' as const, workstation: 'test' }

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-mig7-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

interface LogRow {
  id: number
  household_id: number | null
  subject_kind: string | null
  subject_id: number | null
  hash: string
}

/** The previous version's file on disk, opened (and so upgraded) as the app opens it. */
async function upgradedDemo(): Promise<{ open: OpenDatabase; before: LogRow[] }> {
  const file = join(dir, 'dichtbij.sqlite')
  const old = new Database(file)
  // One transaction: statement by statement, each insert would wait for the disk.
  old.exec(`BEGIN; ${readFileSync(PREVIOUS_DEMO, 'utf8')} COMMIT;`)
  const before = old.prepare('select id, household_id, hash from audit_log order by id').all()
  old.close()
  const open = await openDatabase({ file })
  return { open, before: before as LogRow[] }
}

const rows = (open: OpenDatabase): LogRow[] =>
  open.sqlite
    .prepare('select id, household_id, subject_kind, subject_id, hash from audit_log order by id')
    .all() as LogRow[]

describe('migration 0007-audit-subject', () => {
  it('upgrades the previous version’s demo data: every entry keeps its hash and the log verifies', async () => {
    const { open, before } = await upgradedDemo()
    try {
      expect(before.length).toBe(160)
      const names = (
        open.sqlite.prepare('select name from kysely_migration order by name').all() as {
          name: string
        }[]
      ).map((r) => r.name)
      expect(names).toEqual(Object.keys(MIGRATIONS))
      const after = rows(open)
      // Not one hash changed, and each old entry is about the household it named before.
      expect(after.map((r) => [r.id, r.hash])).toEqual(before.map((r) => [r.id, r.hash]))
      for (const r of after) {
        expect(r.subject_kind).toBe(r.household_id === null ? null : 'household')
        expect(r.subject_id).toBe(r.household_id)
      }
      expect(after.filter((r) => r.subject_kind === 'household').length).toBeGreaterThan(100)
      expect(await verifyAudit(open.db, NOW)).toMatchObject({ ok: true, count: 160 })

      // The upgraded app goes on writing; new entries carry the subject and the new hash.
      await writeAudit(open.db, NOW, ADMIN, {
        action: 'view',
        entityType: 'household',
        entityId: 3,
        subject: { kind: 'household', id: 3 },
      })
      const last = open.sqlite.prepare('select * from audit_log where id = 161').get() as Record<
        string,
        unknown
      >
      expect(last).toMatchObject({ household_id: 3, subject_kind: 'household', subject_id: 3 })
      expect(await verifyAudit(open.db, NOW)).toMatchObject({ ok: true, count: 161 })

      // The household's access export lists its old entries and the new one.
      const section = await auditPart.collect(open.db, { kind: 'household', id: 3 })
      const expected = after.filter((r) => r.household_id === 3).length + 1
      expect(section.tables[0].rows).toHaveLength(expected)
    } finally {
      await open.close()
    }
  })

  it('keeps the log append-only: no update, no delete, no replace after the upgrade', async () => {
    const { open } = await upgradedDemo()
    try {
      const triggers = (
        open.sqlite
          .prepare(
            "select name from sqlite_master where type = 'trigger' and tbl_name = 'audit_log' order by name",
          )
          .all() as { name: string }[]
      ).map((t) => t.name)
      expect(triggers).toEqual([
        'audit_log_no_delete',
        'audit_log_no_replace',
        'audit_log_no_update',
      ])
      expect(() =>
        open.sqlite.prepare("update audit_log set subject_kind = 'person' where id = 8").run(),
      ).toThrow(/append-only/)
      expect(() => open.sqlite.prepare('delete from audit_log where id = 8').run()).toThrow(
        /append-only/,
      )
      expect(() =>
        open.sqlite
          .prepare(
            `insert or replace into audit_log (id, at, workstation, action, prev_hash, hash)
             values (8, 'x', 'x', 'view', 'x', 'x')`,
          )
          .run(),
      ).toThrow(/append-only/)
    } finally {
      await open.close()
    }
  })

  it('notices a changed old entry (hashed the old way) and a changed new entry (the new way)', async () => {
    const cases: [string, (s: Database.Database) => void, number][] = [
      // Old entries: a field of the old hash, and the subject the migration derived.
      ['old detail', (s) => s.exec("update audit_log set detail = 'x' where id = 8"), 8],
      ['old subject id', (s) => s.exec('update audit_log set subject_id = 2 where id = 8'), 8],
      [
        'old subject kind',
        (s) => s.exec("update audit_log set subject_kind = 'person' where id = 8"),
        8,
      ],
      [
        'old subject added',
        (s) => s.exec("update audit_log set subject_kind = 'person', subject_id = 1 where id = 1"),
        1,
      ],
      // New entries: every field is in the hash, the subject too.
      ['new subject id', (s) => s.exec('update audit_log set subject_id = 4 where id = 162'), 162],
      [
        'new subject kind',
        (s) => s.exec("update audit_log set subject_kind = 'person' where id = 162"),
        162,
      ],
      ['new detail', (s) => s.exec("update audit_log set detail = 'x' where id = 161"), 161],
    ]
    for (const [what, tamper, brokenAt] of cases) {
      const { open } = await upgradedDemo()
      try {
        await writeAudit(open.db, NOW, ADMIN, { action: 'lock' })
        await writeAudit(open.db, NOW, ADMIN, {
          action: 'update',
          entityType: 'household',
          entityId: 3,
          subject: { kind: 'household', id: 3 },
          fields: ['phone'],
        })
        expect(await verifyAudit(open.db, NOW), what).toMatchObject({ ok: true, count: 162 })
        open.sqlite.exec('drop trigger audit_log_no_update')
        tamper(open.sqlite)
        expect(await verifyAudit(open.db, NOW), what).toMatchObject({
          ok: false,
          reason: 'hash',
          brokenAt,
        })
      } finally {
        await open.close()
      }
      rmSync(join(dir, 'dichtbij.sqlite'), { force: true })
      rmSync(join(dir, 'dichtbij.sqlite-wal'), { force: true })
      rmSync(join(dir, 'dichtbij.sqlite-shm'), { force: true })
    }
  })

  it('refuses an entry written the old way after the first one written the new way', async () => {
    const { open } = await upgradedDemo()
    try {
      await writeAudit(open.db, NOW, ADMIN, { action: 'lock' })
      // Someone appends an entry hashed as before 0007, with a matching old-style subject: on its
      // own it would pass as an old entry, but old entries cannot follow new ones.
      const last = open.sqlite.prepare('select hash from audit_log where id = 161').get() as {
        hash: string
      }
      const content = {
        id: 162,
        at: NOW.toISOString(),
        userId: 1,
        userName: 'beheerder',
        role: 'admin',
        workstation: 'test',
        action: 'view',
        entityType: 'household',
        entityId: '2',
        householdId: 2,
        fields: '',
        detail: null,
        prevHash: last.hash,
      }
      open.sqlite
        .prepare(
          `insert into audit_log (id, at, user_id, user_name, role, workstation, action,
            entity_type, entity_id, household_id, subject_kind, subject_id, fields, detail,
            prev_hash, hash)
           values (162, ?, 1, 'beheerder', 'admin', 'test', 'view', 'household', '2', 2,
            'household', 2, '', null, ?, ?)`,
        )
        .run(content.at, content.prevHash, auditHashV1(content))
      expect(await verifyAudit(open.db, NOW)).toMatchObject({
        ok: false,
        reason: 'hash',
        brokenAt: 162,
      })
    } finally {
      await open.close()
    }
  })

  it('adds the columns and fills them from household_id on a bare log of that time', async () => {
    const sqlite = new Database(join(dir, 'm.sqlite'))
    const db = new Kysely<Record<string, Record<string, unknown>>>({
      dialect: new SqliteDialect({ database: sqlite }),
    })
    await m0001.up(db)
    await m0002.up(db)
    await m0004.up(db)
    const insert = sqlite.prepare(
      `insert into audit_log (id, at, workstation, action, household_id, prev_hash, hash)
       values (?, '2026-01-01T00:00:00.000Z', 'pc', 'view', ?, 'p', 'h')`,
    )
    insert.run(1, 5)
    insert.run(2, null)
    await m0007.up(db)
    expect(
      sqlite.prepare('select id, subject_kind, subject_id, hash from audit_log order by id').all(),
    ).toEqual([
      { id: 1, subject_kind: 'household', subject_id: 5, hash: 'h' },
      { id: 2, subject_kind: null, subject_id: null, hash: 'h' },
    ])
    const plan = sqlite
      .prepare(
        "explain query plan select id from audit_log where subject_kind = 'household' and subject_id = 5",
      )
      .all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toContain('audit_log_subject')
    expect(() => sqlite.prepare('update audit_log set detail = 1').run()).toThrow(/append-only/)
    await db.destroy()
  })
})

describe('the hash of an entry', () => {
  it('is the frozen old formula for entries from before 0007 and a versioned new one after', () => {
    // Entry 1 of the previous version's demo data, with the hash that version wrote.
    const old = {
      id: 1,
      at: '2025-03-10T07:00:00.000Z',
      userId: 1,
      userName: 'beheerder',
      role: 'admin',
      workstation: 'demo-gegevens',
      action: 'settings_change',
      entityType: 'organisation',
      entityId: '1',
      householdId: null,
      fields: 'name,address,postcode,city',
      detail: null,
      prevHash: '0'.repeat(64),
    }
    expect(auditHashV1(old)).toBe(
      '64dc3b8856181a4779a246a9b75345e0c3759bf70e5bfb723bcfede5dc20832e',
    )
    // The same content with no subject, hashed the new way, is another hash: the version marker.
    expect(auditHash({ ...old, subjectKind: null, subjectId: null })).not.toBe(auditHashV1(old))
  })
})
