import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { CamelCasePlugin, Kysely, SqliteDialect, sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, rejection, type TestApp } from '../helpers/db'
import { DownloadTickets } from '../../src/main/downloads/tickets'
import type { DB } from '../../src/main/db/schema'
import type { Session } from '../../src/main/context'
import { memoryErasureLog, type ErasureLog } from '../../src/main/vault/erasure-log'
import { RETENTION_REGISTRY } from '../../src/main/domains/retention/registry'
import { countDue } from '../../src/main/domains/retention/due-count'
import { ERASURE_REGISTRY, reapplyErasures } from '../../src/main/domains/retention/erasures'
import {
  anonymiseRecord,
  deleteRecord,
  type RetentionContext,
} from '../../src/main/domains/retention/retention'
import { SUBJECT_KIND_REGISTRY } from '../../src/main/domains/subjects/kinds'
import { registerSubjectPart } from '../../src/main/domains/subjects/registry'
import { exportSubject } from '../../src/main/domains/subjects/export'
import type { SubjectReport } from '../../src/main/domains/subjects/types'
import { SUBJECT_KINDS, type SubjectKind } from '../../src/shared/schemas/subjects'

/**
 * A kind of data subject that exists only in this test, registered the way a new domain
 * (volunteers, complaints) registers its kind: one entry in the retention registry, one in the
 * erasure registry, one in the subject-access registry and its part. Nothing else in the app
 * changes, and erasure, retention, the access export and the audit log all work for it.
 * (A real kind is also added to SUBJECT_KINDS, so its inputs pass the API; this one is called
 * below the router, and is outside that union.)
 */
const KIND = 'testPet' as SubjectKind

let app: TestApp
let ctx: RetentionContext
let log: ErasureLog
const unregister: (() => void)[] = []

const pets = (db: Database.Database): { id: number; name: string; chip: string | null }[] =>
  db.prepare('select id, name, chip from test_pet order by id').all() as never

beforeEach(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
  app.open.sqlite.exec(`create table test_pet (
    id integer primary key autoincrement, name text not null, chip text, last_visit text not null,
    counted integer not null default 0, created_at text not null, anonymised_at text)`)
  const admin = await app.open.db
    .selectFrom('account')
    .select(['id', 'username'])
    .executeTakeFirstOrThrow()
  const session: Session = {
    userId: admin.id,
    userName: admin.username,
    role: 'admin',
    workstation: 'test-pc',
  }
  log = memoryErasureLog()
  ctx = { db: app.open.db, clock: app.clock, session, erasures: log }

  unregister.push(
    RETENTION_REGISTRY.register(KIND, {
      term: 'people',
      async findDue(db, cutoff, page) {
        const { rows } = await sql<{
          id: number
          name: string
          lastVisit: string
          counted: number
        }>`select id, name, last_visit as "lastVisit", counted from test_pet
            where anonymised_at is null and last_visit < ${cutoff} order by last_visit`.execute(db)
        return {
          total: rows.length,
          rows: rows.slice(page.offset, page.offset + page.limit).map((r) => ({
            id: r.id,
            reference: `P-${r.id}`,
            name: r.name,
            district: null,
            lastContact: r.lastVisit,
            canDelete: !r.counted,
          })),
        }
      },
      async anonymise(trx, id, now) {
        const { rows } = await sql<{
          anonymised: string | null
        }>`select anonymised_at as anonymised from test_pet where id = ${id}`.execute(trx)
        if (!rows.length) return 'gone'
        if (rows[0].anonymised) return 'already'
        await sql`update test_pet set name = 'Geanonimiseerd', chip = null,
          anonymised_at = ${now.toISOString()} where id = ${id}`.execute(trx)
        return 'done'
      },
      anonymisedFields: ['name', 'chip'],
      async countsInReports(db, id) {
        const { rows } = await sql<{ counted: number }>`select counted from test_pet
          where id = ${id}`.execute(db)
        return !!rows[0]?.counted
      },
      async delete(trx, id) {
        const r = await sql`delete from test_pet where id = ${id}`.execute(trx)
        return Number(r.numAffectedRows ?? 0) > 0
      },
    }),
    ERASURE_REGISTRY.register(KIND, {
      async createdAt(db, id) {
        const { rows } = await sql<{ at: string }>`select created_at as at from test_pet
          where id = ${id}`.execute(db)
        return rows[0]?.at ?? null
      },
      idSequence: 'test_pet',
    }),
    SUBJECT_KIND_REGISTRY.register(KIND, {
      async identify(db, id) {
        const { rows } = await sql<{ id: number; name: string }>`select id, name from test_pet
          where id = ${id}`.execute(db)
        if (!rows.length) return null
        return {
          kind: KIND,
          id,
          reference: `P-${id}`,
          name: rows[0].name,
          label: `Huisdier P-${id}`,
          audit: { entityType: KIND, entityId: id },
        }
      },
    }),
    registerSubjectPart({
      key: 'pet',
      title: 'Huisdier',
      kinds: [KIND],
      processing: { purposes: ['huisdieren bijhouden'], categories: ['naam en chipnummer'] },
      async collect(db, subject) {
        const { rows } = await sql<{ name: string; chip: string | null }>`select name, chip
          from test_pet where id = ${subject.id}`.execute(db)
        return {
          tables: [
            {
              key: 'pet',
              layout: 'record',
              columns: [
                { key: 'name', label: 'Naam', type: 'text' },
                { key: 'chip', label: 'Chip', type: 'text' },
              ],
              rows,
            },
          ],
        }
      },
    }),
  )
})

afterEach(async () => {
  for (const undo of unregister.splice(0)) undo()
  await app.close()
})

function addPet(name: string, lastVisit: string, counted: boolean, createdAt: string): number {
  const r = app.open.sqlite
    .prepare(
      `insert into test_pet (name, chip, last_visit, counted, created_at) values (?, ?, ?, ?, ?)`,
    )
    .run(name, `chip-${name}`, lastVisit, counted ? 1 : 0, createdAt)
  return Number(r.lastInsertRowid)
}

async function exported(id: number): Promise<SubjectReport> {
  // The service on its own, with tickets of its own: the file it hands out is read from disk.
  const tickets = new DownloadTickets(join(app.dir, 'downloads-test'), () => 0)
  const file = await exportSubject(
    { ...ctx, downloads: tickets.issuer('test', 'admin'), vault: app.vault },
    { kind: KIND, id, format: 'json' },
  )
  const taken = tickets.take(file.ticket, 'test', 'admin')!
  const text = readFileSync(taken.path, 'utf8')
  taken.release()
  return JSON.parse(text) as SubjectReport
}

describe('a kind of data subject registered by one entry per registry', () => {
  it('every kind the app has is in each registry', () => {
    for (const kind of SUBJECT_KINDS) {
      expect(RETENTION_REGISTRY.has(kind), kind).toBe(true)
      expect(ERASURE_REGISTRY.has(kind), kind).toBe(true)
      expect(SUBJECT_KIND_REGISTRY.has(kind), kind).toBe(true)
    }
    expect(() =>
      RETENTION_REGISTRY.register('household', RETENTION_REGISTRY.get('household')),
    ).toThrow(/twice/)
  })

  it('is listed as due by its own term, anonymised, deleted and audited under its kind', async () => {
    const rex = addPet('Rex', '2023-01-10', false, '2022-05-01T10:00:00Z')
    const minoes = addPet('Minoes', '2023-02-01', true, '2022-05-02T10:00:00Z')
    addPet('Bello', '2026-06-01', false, '2022-05-03T10:00:00Z')
    await app.call('retention.updateTerms', { people: 36 })

    // The retention screen's counts through the real router (the schema names the app's kinds
    // only, so the test kind's page is read as the router's service reads it).
    const due = await app.call('retention.due', {})
    expect(due.cutoffs.people).toBe('2023-06-15')
    expect(due.counts).toMatchObject({ [KIND]: 2 })
    const page = await countDue(app.open.db, { kind: KIND, limit: 50, offset: 0 }, due.today)
    expect(page.rows.map((r) => [r.kind, r.id, r.canDelete])).toEqual([
      [KIND, rex, true],
      [KIND, minoes, false],
    ])

    expect(await anonymiseRecord(ctx, { kind: KIND, id: minoes })).toEqual({
      kind: KIND,
      id: minoes,
      changed: true,
    })
    expect(await anonymiseRecord(ctx, { kind: KIND, id: minoes })).toMatchObject({
      changed: false,
    })
    // Counted in a report: deleting is refused, as for a household.
    await rejection(deleteRecord(ctx, { kind: KIND, id: minoes }))
    expect(await deleteRecord(ctx, { kind: KIND, id: rex })).toMatchObject({ changed: true })
    expect(pets(app.open.sqlite)).toEqual([
      { id: minoes, name: 'Geanonimiseerd', chip: null },
      { id: 3, name: 'Bello', chip: 'chip-Bello' },
    ])
    expect((await app.call('retention.due', {})).counts).toMatchObject({ [KIND]: 0 })

    // The record outside the database, and the audit log, name the kind and id.
    expect(log.entries().map((e) => [e.action, e.kind, e.id])).toEqual([
      ['anonymise', KIND, minoes],
      ['delete', KIND, rex],
    ])
    const entries = app.open.sqlite
      .prepare(
        `select action, entity_type, subject_kind, subject_id, household_id, fields
         from audit_log where subject_kind is not null order by id`,
      )
      .all()
    expect(entries).toEqual([
      {
        action: 'anonymise',
        entity_type: KIND,
        subject_kind: KIND,
        subject_id: minoes,
        household_id: null,
        fields: 'name,chip',
      },
      {
        action: 'delete',
        entity_type: KIND,
        subject_kind: KIND,
        subject_id: rex,
        household_id: null,
        fields: '',
      },
    ])
    expect(await app.call('audit.verify', {})).toMatchObject({ ok: true })
  })

  it('has its own subject access export, with its term and its audit entries', async () => {
    const bello = addPet('Bello', '2026-06-01', false, '2022-05-03T10:00:00Z')
    await app.call('retention.updateTerms', { people: 36, households: 12 })
    const first = await exported(bello)
    expect(first.subject).toMatchObject({ kind: KIND, id: bello, label: `Huisdier P-${bello}` })
    // Its own part, then the audit log's part that every kind has; no household parts.
    expect(first.parts.map((p) => p.key)).toEqual(['processing', 'pet', 'audit'])
    const processing = first.parts[0].tables[0].rows[0]
    expect(processing.retention).toMatch(/^tot 36 maanden/)
    // Its own purpose and the audit log's; none of the shop's.
    expect(processing.purposes).toEqual([
      'huisdieren bijhouden',
      'bijhouden wie de gegevens heeft bekeken of gewijzigd, ter beveiliging',
    ])
    expect(first.parts[1].tables[0].rows).toEqual([{ name: 'Bello', chip: 'chip-Bello' }])

    // The first export is logged under the pet and shows up in the next one.
    const second = await exported(bello)
    const audit = second.parts.find((p) => p.key === 'audit')
    expect(audit?.tables[0].rows).toHaveLength(1)
    expect(audit?.tables[0].rows[0]).toMatchObject({ detail: expect.stringContaining('json') })
  })

  it('is erased again after a restore of a copy from before the erasure', async () => {
    const rex = addPet('Rex', '2023-01-10', false, '2022-05-01T10:00:00Z')
    const minoes = addPet('Minoes', '2023-02-01', true, '2022-05-02T10:00:00Z')
    // The "backup": the data before the erasures.
    const copy = app.open.sqlite.serialize()
    copy[18] = 1
    copy[19] = 1
    await anonymiseRecord(ctx, { kind: KIND, id: minoes })
    await deleteRecord(ctx, { kind: KIND, id: rex })

    const sqlite = new Database(copy)
    const db = new Kysely<DB>({
      dialect: new SqliteDialect({ database: sqlite }),
      plugins: [new CamelCasePlugin()],
    })
    try {
      expect(pets(sqlite).map((p) => p.name)).toEqual(['Rex', 'Minoes'])
      const now = new Date('2026-06-16T08:00:00Z')
      // Entries of a kind nobody registered, or not well-formed (a backup's header is read as
      // data), are kept in the record but not applied.
      const odd = [
        { at: '2026-06-15T10:00:00.000Z', action: 'delete' as const, kind: 'complaint', id: 1 },
        { at: 'gisteren', action: 'delete' as const, kind: KIND, id: minoes },
        { at: '2026-06-15T10:00:00.000Z', action: 'delete' as const, kind: KIND, id: -1 },
      ]
      expect(await reapplyErasures(db, [...odd, ...log.entries()], now)).toBe(2)
      expect(pets(sqlite)).toEqual([{ id: minoes, name: 'Geanonimiseerd', chip: null }])
      expect(
        sqlite
          .prepare(
            `select user_name, action, subject_kind, subject_id from audit_log
             where user_name = 'systeem' order by id`,
          )
          .all(),
      ).toEqual([
        { user_name: 'systeem', action: 'anonymise', subject_kind: KIND, subject_id: minoes },
        { user_name: 'systeem', action: 'delete', subject_kind: KIND, subject_id: rex },
      ])
      // A new pet in the restored data does not get an erased one's id.
      const next = sqlite
        .prepare(
          `insert into test_pet (name, last_visit, created_at) values ('Nieuw', '2026-06-16', ?)`,
        )
        .run(now.toISOString())
      expect(Number(next.lastInsertRowid)).toBeGreaterThan(minoes)
      // Applying the record again changes nothing.
      expect(await reapplyErasures(db, log.entries(), now)).toBe(0)
    } finally {
      await db.destroy()
    }
  })
})
