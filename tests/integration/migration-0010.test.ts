import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/db/open'
import { MIGRATIONS } from '../../src/main/db/migrations'
import * as m0010 from '../../src/main/db/migrations/0010-partners'
import { verifyAudit } from '../../src/main/domains/audit/audit'
import { listIntakes } from '../../src/main/domains/shop/queries'
import { searchKey } from '../../src/shared/search-key'

/** The previous version's demo data (see migration-0007.test.ts): migrations 0001-0006 had run. */
const PREVIOUS_DEMO = join(__dirname, '../fixtures/previous-version/demo-0006.sql')
const NOW = new Date('2026-06-15T10:00:00Z')

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-mig10-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

interface Referral {
  id: number
  intake_id: number
  destination_id: number
  note: string | null
  name: string
}

describe('migration 0010-partners', () => {
  it('upgrades the previous version’s demo data: every referral names the same organisation, with the same id', async () => {
    const file = join(dir, 'dichtbij.sqlite')
    const old = new Database(file)
    old.exec(`BEGIN; ${readFileSync(PREVIOUS_DEMO, 'utf8')} COMMIT;`)
    const referralsBefore = old
      .prepare(
        `select r.id, r.intake_id, r.destination_id, r.note, l.name
         from intake_referral r join list_item l on l.id = r.destination_id order by r.id`,
      )
      .all() as Referral[]
    const destinations = old
      .prepare("select id, name, active from list_item where kind = 'destination' order by id")
      .all() as { id: number; name: string; active: number }[]
    const otherItems = old
      .prepare("select * from list_item where kind <> 'destination' order by id")
      .all()
    const households = (
      old.prepare('select distinct household_id id from intake order by 1').all() as {
        id: number
      }[]
    ).map((h) => h.id)
    old.close()
    expect(referralsBefore.length).toBe(6)
    expect(destinations.length).toBe(6)

    const open = await openDatabase({ file })
    try {
      const s = open.sqlite
      // Each destination is a partner with its id, name and active flag; kind 'other'.
      // Later migrations run too: 0014 adds the shop itself as a host organisation (is_own).
      const partners = s
        .prepare(
          'select id, name, search_name, kind, active from partner where is_own = 0 order by id',
        )
        .all() as { id: number; name: string; search_name: string; kind: string; active: number }[]
      expect(partners.map((p) => [p.id, p.name, p.active])).toEqual(
        destinations.map((d) => [d.id, d.name, d.active]),
      )
      for (const p of partners) {
        expect(p.kind).toBe('other')
        expect(p.search_name).toBe(searchKey(p.name))
      }
      // The referrals are the same rows and still name the same organisation.
      const referralsAfter = s
        .prepare(
          `select r.id, r.intake_id, r.destination_id, r.note, p.name
           from intake_referral r join partner p on p.id = r.destination_id order by r.id`,
        )
        .all()
      expect(referralsAfter).toEqual(referralsBefore)
      // ...also as the household's page reads them.
      for (const h of households) {
        const intakes = await listIntakes(open.db, h)
        for (const i of intakes)
          for (const r of i.referrals) {
            const before = referralsBefore.find(
              (b) => b.intake_id === i.id && b.destination_id === r.destination.id,
            )
            expect(before?.name).toBe(r.destination.name)
          }
      }
      // The destinations left the managed lists; topics and categories did not change.
      expect(
        s.prepare("select count(*) n from list_item where kind = 'destination'").get(),
      ).toEqual({ n: 0 })
      expect(
        s.prepare("select * from list_item where kind <> 'destination' order by id").all(),
      ).toEqual(otherItems)
      // The referral now points at partner, and the database holds it to that.
      expect(s.prepare('pragma foreign_key_check').all()).toEqual([])
      const fks = s.prepare('pragma foreign_key_list(intake_referral)').all() as {
        table: string
        from: string
      }[]
      expect(fks.map((f) => [f.from, f.table]).sort()).toEqual([
        ['destination_id', 'partner'],
        ['intake_id', 'intake'],
      ])
      expect(() =>
        s.prepare('insert into intake_referral (intake_id, destination_id) values (1, 9999)').run(),
      ).toThrow(/FOREIGN KEY/)
      expect(() => s.prepare('delete from partner where id = 11').run()).toThrow(/FOREIGN KEY/)
      // Deleting an intake still takes its referrals along, and the index is back.
      const plan = s
        .prepare('explain query plan select id from intake_referral where intake_id = 1')
        .all() as { detail: string }[]
      expect(plan.map((p) => p.detail).join(' ')).toContain('intake_referral_intake')
      // Two spellings of one organisation cannot both be stored.
      expect(() =>
        s
          .prepare(
            `insert into partner (name, search_name, kind, created_at, updated_at)
             values ('VOEDSELBANK', 'voedselbank', 'food_bank', 'x', 'x')`,
          )
          .run(),
      ).toThrow(/UNIQUE/)
      // No entry of the log was touched.
      expect(await verifyAudit(open.db, NOW)).toMatchObject({ ok: true, count: 160 })
      const names = (
        s.prepare('select name from kysely_migration order by name').all() as { name: string }[]
      ).map((r) => r.name)
      expect(names).toEqual(Object.keys(MIGRATIONS))
    } finally {
      await open.close()
    }
  })

  it('keeps an inactive destination inactive, never hands out a deleted referral’s id again, and survives two names that fold alike', async () => {
    const sqlite = new Database(join(dir, 'm.sqlite'))
    sqlite.pragma('foreign_keys = ON')
    const db = new Kysely<Record<string, Record<string, unknown>>>({
      dialect: new SqliteDialect({ database: sqlite }),
    })
    for (const [name, m] of Object.entries(MIGRATIONS)) {
      if (name >= '0010') break
      await m.up(db)
    }
    sqlite.exec(`
      insert into list_item (kind, name, active, sort) values ('destination', 'Oude kledingbank', 0, 9);
      insert into list_item (kind, name, active, sort) values ('destination', 'VOEDSELBANK ', 1, 10);
      insert into household (reference, contact_name, search_name, postcode, city, income_source,
        consent_date, consent_by, status, created_at, updated_at)
        values ('H-1', 'A', 'a', '3811 AA', 'X', 'bijstand', '2026-01-01', 'x', 'active', 'x', 'x');
      insert into intake (household_id, date, done_by, created_at) values (1, '2026-01-01', 'x', 'x');
      insert into intake_referral (intake_id, destination_id, note) values (1, 7, 'a');
      insert into intake_referral (intake_id, destination_id, note) values (1, 10, null);
      insert into intake_referral (intake_id, destination_id, note) values (1, 17, 'b');
      delete from intake_referral where id = 3;
    `)
    await m0010.up(db)
    const rows = sqlite
      .prepare('select id, name, search_name, active from partner where id >= 10 order by id')
      .all()
    expect(rows).toEqual([
      { id: 10, name: 'Voedselbank', search_name: 'voedselbank', active: 1 },
      { id: 11, name: 'Gemeente (regelingen)', search_name: 'gemeente (regelingen)', active: 1 },
      { id: 12, name: 'Vrijwilligerscentrale', search_name: 'vrijwilligerscentrale', active: 1 },
      { id: 17, name: 'Oude kledingbank', search_name: 'oude kledingbank', active: 0 },
      { id: 18, name: 'VOEDSELBANK ', search_name: 'voedselbank #18', active: 1 },
    ])
    expect(
      sqlite.prepare('select id, destination_id, note from intake_referral order by id').all(),
    ).toEqual([
      { id: 1, destination_id: 7, note: 'a' },
      { id: 2, destination_id: 10, note: null },
    ])
    sqlite.prepare('insert into intake_referral (intake_id, destination_id) values (1, 17)').run()
    expect(sqlite.prepare('select max(id) id from intake_referral').get()).toEqual({ id: 4 })
    await db.destroy()
  })
})
