import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../src/main/db/migrations'
import * as m0016 from '../../src/main/db/migrations/0016-complaints'

let dir: string
let sqlite: Database.Database
let db: Kysely<Record<string, Record<string, unknown>>>

const T = "'2026-03-01T10:00:00Z'"

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-mig16-'))
  sqlite = new Database(join(dir, 'm.sqlite'))
  sqlite.pragma('foreign_keys = ON')
  db = new Kysely({ dialect: new SqliteDialect({ database: sqlite }) })
  for (const name of Object.keys(MIGRATIONS).sort())
    if (name < '0016') await MIGRATIONS[name].up(db)
  for (const [id, name] of [
    [1, 'anja'],
    [2, 'bert'],
  ] as const)
    sqlite.exec(`insert into account (id, username, display_name, role, password_hash,
      password_changed_at, created_at, updated_at)
      values (${id}, '${name}', '${name}', 'coordinator', 'x', ${T}, ${T}, ${T})`)
})
afterEach(async () => {
  await db.destroy()
  rmSync(dir, { recursive: true, force: true })
})

const count = (table: string): number =>
  (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n

function insertComplaint(seq: number, extra = ''): void {
  sqlite.exec(`insert into complaint (number, year, seq, received_on, channel, complainant_kind,
    about_kind, category_id, description, start_step, step, ack_working_days, decision_weeks,
    ack_due_on, decision_due_on, created_at, updated_at ${extra ? ', handler_id, about_account_id' : ''})
    values ('K-2026-${String(seq).padStart(3, '0')}', 2026, ${seq}, '2026-03-02', 'letter',
    'anonymous', 'service', 1, 'Lange wachttijd', 1, 1, 5, 6, '2026-03-09', '2026-04-14',
    ${T}, ${T} ${extra})`)
}

function insertEntry(text = "'Ontvangen per brief'"): number {
  return Number(
    sqlite
      .prepare(
        `insert into complaint_entry (complaint_id, kind, date, author_name, text, created_at)
         values (1, 'received', '2026-03-02', 'anja', ${text}, ${T})`,
      )
      .run().lastInsertRowid,
  )
}

describe('migration 0016-complaints', () => {
  it('starts with the six categories, the default terms and no complaints', async () => {
    await m0016.up(db)
    const names = sqlite
      .prepare('select name from complaint_category order by sort')
      .all()
      .map((r) => (r as { name: string }).name)
    expect(names).toEqual([
      'Bejegening',
      'Kwaliteit van de dienstverlening',
      'Privacy',
      'Bereikbaarheid',
      'Wachttijd',
      'Overig',
    ])
    const setting = sqlite.prepare("select value from setting where key = 'complaints'").get() as {
      value: string
    }
    expect(JSON.parse(setting.value)).toMatchObject({
      ackWorkingDays: 5,
      decisionWeeks: 6,
      maxExtensionWeeks: 4,
      smallCellThreshold: 5,
      closedDays: [],
    })
    expect(count('complaint')).toBe(0)
    // Every account starts without a leidinggevende; one can be linked.
    sqlite.exec('update account set manager_id = 1 where id = 2')
    expect(() => sqlite.exec('update account set manager_id = 99 where id = 2')).toThrow(
      /FOREIGN KEY/,
    )
  })

  it('refuses a second complaint with the same number or year and sequence', async () => {
    await m0016.up(db)
    insertComplaint(1)
    expect(() => insertComplaint(1)).toThrow(/UNIQUE/)
    expect(() =>
      sqlite.exec(`insert into complaint (number, year, seq, received_on, channel,
        complainant_kind, about_kind, category_id, description, start_step, step,
        ack_working_days, decision_weeks, ack_due_on, decision_due_on, created_at, updated_at)
        values ('K-2026-01', 2026, 1, '2026-03-02', 'letter', 'anonymous', 'service', 1, 'x', 1, 1,
        5, 6, '2026-03-09', '2026-04-14', ${T}, ${T})`),
    ).toThrow(/UNIQUE/)
  })

  it('refuses a handler who is the account the complaint is about', async () => {
    await m0016.up(db)
    expect(() => insertComplaint(1, ', 1, 1')).toThrow(/CHECK/)
    insertComplaint(2, ', 1, 2')
    insertComplaint(3)
  })

  it('refuses to change or delete a timeline entry, except the erasure of its free text', async () => {
    await m0016.up(db)
    insertComplaint(1)
    const id = insertEntry()
    expect(() =>
      sqlite.exec(`update complaint_entry set text = 'anders' where id = ${id}`),
    ).toThrow(/append-only/)
    expect(() =>
      sqlite.exec(`update complaint_entry set date = '2026-03-03' where id = ${id}`),
    ).toThrow(/append-only/)
    expect(() => sqlite.exec(`delete from complaint_entry where id = ${id}`)).toThrow(/append-only/)
    // Erasing the text may not smuggle in another change.
    expect(() =>
      sqlite.exec(`update complaint_entry set text = null, anonymised_at = ${T},
        date = '2026-01-01' where id = ${id}`),
    ).toThrow(/append-only/)
    sqlite.exec(`update complaint_entry set text = null, anonymised_at = ${T} where id = ${id}`)
    const row = sqlite.prepare(`select * from complaint_entry where id = ${id}`).get() as {
      text: string | null
      date: string
    }
    expect(row).toMatchObject({ text: null, date: '2026-03-02' })
    // Once erased, nothing changes any more.
    expect(() =>
      sqlite.exec(`update complaint_entry set anonymised_at = '2027-01-01' where id = ${id}`),
    ).toThrow(/append-only/)
    expect(() => sqlite.exec('delete from complaint_entry')).toThrow(/append-only/)
    expect(count('complaint_entry')).toBe(1)
  })

  it('keeps a complaint when the household that made it is deleted, without the link', async () => {
    await m0016.up(db)
    sqlite.exec(`insert into household (reference, contact_name, search_name, postcode, city,
        income_source, consent_date, consent_by, status, created_at, updated_at)
       values ('H-00001', 'Fam. Oud', 'fam oud', '1234 AB', 'Zwolle', 'bijstand',
        '2023-01-01', 'Anja', 'active', ${T}, ${T})`)
    insertComplaint(1)
    sqlite.exec("update complaint set complainant_kind = 'household', household_id = 1")
    sqlite.exec('delete from household where id = 1')
    expect(sqlite.prepare('select household_id from complaint').get()).toEqual({
      household_id: null,
    })
    const plan = sqlite
      .prepare('explain query plan select id from complaint where household_id = 1')
      .all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toContain('complaint_household')
  })
})
