import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../src/main/db/migrations'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-mig11-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function plan(sqlite: Database.Database, query: string): string {
  const rows = sqlite.prepare(`explain query plan ${query}`).all() as { detail: string }[]
  return rows.map((p) => p.detail).join(' ')
}

describe('migration 0011-visit-conversation', () => {
  it('adds topics and referrals to visits, removed with their visit, with indexes for the figures', async () => {
    const sqlite = new Database(join(dir, 'm.sqlite'))
    sqlite.pragma('foreign_keys = ON')
    const db = new Kysely<Record<string, Record<string, unknown>>>({
      dialect: new SqliteDialect({ database: sqlite }),
    })
    const names = Object.keys(MIGRATIONS).sort()
    const at = names.indexOf('0011-visit-conversation')
    expect(at).toBeGreaterThan(0)
    for (const name of names.slice(0, at)) await MIGRATIONS[name].up(db)
    sqlite.exec(`
      insert into household (reference, contact_name, search_name, postcode, city,
        income_source, consent_date, consent_by, status, created_at, updated_at)
       values ('H-00001', 'Fam. Oud', 'fam oud', '1234 AB', 'Zwolle', 'bijstand',
        '2023-01-01', 'Anja', 'active', '2023-01-01T10:00:00Z', '2023-01-01T10:00:00Z');
      insert into visit (household_id, date, served_by, created_at)
       values (1, '2026-06-10', 'Anja', '2026-06-10T09:00:00Z');
    `)
    // A new file starts with topics (0001) and partners (0010, the former destinations).
    const topicId = (
      sqlite.prepare("select id from list_item where kind = 'topic' limit 1").get() as {
        id: number
      }
    ).id
    const partnerId = (sqlite.prepare('select id from partner limit 1').get() as { id: number }).id

    await MIGRATIONS['0011-visit-conversation'].up(db)
    expect(sqlite.prepare('select count(*) as n from visit_topic').get()).toEqual({ n: 0 })
    expect(sqlite.prepare('select count(*) as n from visit_referral').get()).toEqual({ n: 0 })

    sqlite.prepare('insert into visit_topic (visit_id, topic_id) values (1, ?)').run(topicId)
    // A topic once per visit.
    expect(() =>
      sqlite.prepare('insert into visit_topic (visit_id, topic_id) values (1, ?)').run(topicId),
    ).toThrow(/UNIQUE/)
    sqlite
      .prepare("insert into visit_referral (visit_id, destination_id, note) values (1, ?, 'bel')")
      .run(partnerId)
    sqlite
      .prepare('insert into visit_referral (visit_id, destination_id, note) values (1, ?, null)')
      .run(partnerId)
    // Only for an existing visit, topic and partner.
    expect(() =>
      sqlite.prepare('insert into visit_topic (visit_id, topic_id) values (99, ?)').run(topicId),
    ).toThrow(/FOREIGN KEY/)
    expect(() =>
      sqlite.prepare('insert into visit_topic (visit_id, topic_id) values (1, 9999)').run(),
    ).toThrow(/FOREIGN KEY/)
    expect(() =>
      sqlite
        .prepare('insert into visit_referral (visit_id, destination_id) values (1, 9999)')
        .run(),
    ).toThrow(/FOREIGN KEY/)
    expect(() =>
      sqlite
        .prepare('insert into visit_referral (visit_id, destination_id) values (99, ?)')
        .run(partnerId),
    ).toThrow(/FOREIGN KEY/)
    // A partner or topic that a visit names cannot be removed.
    expect(() => sqlite.prepare('delete from partner where id = ?').run(partnerId)).toThrow(
      /FOREIGN KEY/,
    )

    expect(plan(sqlite, 'select visit_id from visit_topic where topic_id = 1')).toContain(
      'visit_topic_topic',
    )
    expect(plan(sqlite, 'select * from visit_referral where visit_id = 1')).toContain(
      'visit_referral_visit',
    )
    expect(plan(sqlite, 'select visit_id from visit_referral where destination_id = 1')).toContain(
      'visit_referral_destination',
    )

    // Removing the visit (or its household) removes its conversation.
    sqlite.prepare('delete from household where id = 1').run()
    expect(sqlite.prepare('select count(*) as n from visit_topic').get()).toEqual({ n: 0 })
    expect(sqlite.prepare('select count(*) as n from visit_referral').get()).toEqual({ n: 0 })
    await db.destroy()
  })
})
