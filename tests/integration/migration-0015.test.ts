import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../src/main/db/migrations'
import * as m0015 from '../../src/main/db/migrations/0015-volunteer-figures'
import { progressScores } from '../../src/shared/zrm'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-mig15-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('migration 0015-volunteer-figures', () => {
  it("keeps each earlier measurement's scores on the 11 domains and adds the figures' indexes", async () => {
    const sqlite = new Database(join(dir, 'm.sqlite'))
    sqlite.pragma('foreign_keys = ON')
    const db = new Kysely<Record<string, Record<string, unknown>>>({
      dialect: new SqliteDialect({ database: sqlite }),
    })
    for (const [name, m] of Object.entries(MIGRATIONS)) {
      if (name >= '0015') break
      await m.up(db)
    }
    sqlite
      .prepare(
        `insert into person (reference, first_name, last_name, search_name, registered_on,
          created_at, updated_at) values ('D-00001', 'Anna', 'Jansen', 'anna jansen',
          '2025-01-01', '2025-01-01T10:00:00Z', '2025-01-01T10:00:00Z')`,
      )
      .run()
    const measurement = sqlite.prepare(
      `insert into measurement (person_id, measured_on, moment, version, created_at)
        values (1, '2025-02-01', 'intake', ?, '2025-02-01T10:00:00Z')`,
    )
    const score = sqlite.prepare(
      'insert into measurement_score (measurement_id, domain, score) values (?, ?, ?)',
    )
    const eleven = Number(measurement.run('zrm11').lastInsertRowid)
    const elevenScores = [
      { domain: 'finances', score: 2 },
      { domain: 'adl', score: 4 },
      { domain: 'justice', score: 5 },
    ]
    for (const s of elevenScores) score.run(eleven, s.domain, s.score)
    const thirteen = Number(measurement.run('zrm13').lastInsertRowid)
    const thirteenScores = [
      { domain: 'work_education', score: 4 },
      { domain: 'time_use', score: 2 },
      { domain: 'substance_use', score: 3 },
      { domain: 'basic_adl', score: 5 },
      { domain: 'instrumental_adl', score: 3 },
    ]
    for (const s of thirteenScores) score.run(thirteen, s.domain, s.score)
    const empty = Number(measurement.run('zrm11').lastInsertRowid)

    await m0015.up(db)

    const rows = sqlite
      .prepare('select id, progress_scores as p from measurement order by id')
      .all()
    // The same text the app writes for a new measurement (src/shared/zrm.ts progressScores).
    expect(rows).toEqual([
      { id: eleven, p: '2------4--5' },
      // daytime min(4, 2) = 2, addiction 3, adl min(5, 3) = 3
      { id: thirteen, p: '-2----33---' },
      { id: empty, p: '-----------' },
    ])
    expect(progressScores('zrm11', elevenScores)).toBe('2------4--5')
    expect(progressScores('zrm13', thirteenScores)).toBe('-2----33---')
    const indexes = (
      sqlite.prepare("select name from sqlite_master where type = 'index'").all() as {
        name: string
      }[]
    ).map((r) => r.name)
    for (const name of [
      'person_figures',
      'placement_figures',
      'placement_running',
      'volunteer_hours_figures',
      'measurement_figures',
      'measurement_progress',
    ])
      expect(indexes).toContain(name)
    await db.destroy()
  })
})
