import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../src/main/db/migrations'
import { OUTCOME_FIGURES_SOURCES } from '../../src/main/db/migrations/0032-outcomes'

/**
 * Outcome indicators (migration 0032): the tables hold their own rules whatever path writes them,
 * an answer has nothing that leads back to who gave it, and a change in any table the outcome
 * figures read drops the kept report counts.
 */

let dir: string
let sqlite: Database.Database
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-mig32-'))
  sqlite = new Database(join(dir, 'm.sqlite'))
  sqlite.pragma('foreign_keys = ON')
  const db = new Kysely<Record<string, Record<string, unknown>>>({
    dialect: new SqliteDialect({ database: sqlite }),
  })
  for (const m of Object.values(MIGRATIONS)) await m.up(db)
})
afterEach(() => {
  sqlite.close()
  rmSync(dir, { recursive: true, force: true })
})

function person(): number {
  return Number(
    sqlite
      .prepare(
        `insert into person (reference, first_name, last_name, search_name, registered_on, created_at, updated_at)
         values ('D-' || abs(random() % 100000), 'Marja', 'Visser', 'marja visser', '2026-01-01', 'x', 'x')`,
      )
      .run().lastInsertRowid,
  )
}

const run = (text: string) => sqlite.prepare(text).run()

describe('migration 0032', () => {
  it('starts the questionnaire with four statements', () => {
    expect(sqlite.prepare('select text from survey_question order by sort').pluck().all()).toEqual([
      'Ik voelde me serieus genomen',
      'De hulp sloot aan bij wat ik nodig had',
      'Ik kan nu beter zelf verder',
      'Ik zou deze organisatie aanbevelen aan anderen',
    ])
  })

  it('keeps invitations, answers and signals to their rules', () => {
    const p = person()
    const invite = (values: string) =>
      run(`insert into survey_invite (occasion, person_id, activity_id, invited_on, invited,
        answered, created_at, updated_at) values (${values}, 'x', 'x')`)
    invite(`'trajectory', ${p}, null, '2026-03-01', 1, 0`)
    // A trajectory is one person; an activity needs its activity; never more entered than asked.
    expect(() => invite(`'trajectory', null, null, '2026-03-01', 1, 0`)).toThrow(/CHECK/)
    expect(() => invite(`'trajectory', ${p}, null, '2026-03-01', 2, 0`)).toThrow(/CHECK/)
    expect(() => invite(`'activity', null, null, '2026-03-01', 5, 0`)).toThrow(/CHECK/)
    expect(() => invite(`'service', null, null, '2026-03-01', 5, 6`)).toThrow(/CHECK/)
    expect(() => invite(`'service', null, null, '2026-03-01', 0, 0`)).toThrow(/CHECK/)

    const response = (id: number, mark: number, mode = 'paper') =>
      run(`insert into survey_response (id, occasion, month, mode, mark)
        values (${id}, 'service', '2026-03', '${mode}', ${mark})`)
    response(77_123, 8)
    expect(() => response(77_124, 11)).toThrow(/CHECK/)
    expect(() => response(77_125, 0)).toThrow(/CHECK/)
    expect(() => response(77_126, 7, 'email')).toThrow(/CHECK/)
    expect(() =>
      run(`insert into survey_answer (response_id, question_id, score) values (77123, 1, 6)`),
    ).toThrow(/CHECK/)
    run(`insert into survey_answer (response_id, question_id, score) values (77123, 1, 5)`)
    // No column of an answer can hold a person, an invitation or a day.
    const columns = sqlite
      .prepare(`select name from pragma_table_info('survey_response')`)
      .pluck()
      .all()
    expect(columns).not.toContain('person_id')
    expect(columns).not.toContain('invite_id')
    expect(columns).not.toContain('created_at')

    const signal = (owner: string, kind = 'acute_need') =>
      run(`insert into care_signal (household_id, person_id, signalled_on, kind, created_at,
        updated_at) values (${owner}, '2026-03-01', '${kind}', 'x', 'x')`)
    signal(`null, ${p}`)
    expect(() => signal(`null, null`)).toThrow(/CHECK/)
    expect(() => signal(`1, ${p}`)).toThrow(/CHECK|FOREIGN/)
    expect(() => signal(`null, ${p}`, 'gossip')).toThrow(/CHECK/)
    expect(() =>
      run(`insert into story (section, about, name, text, told_on, consent_on, created_at,
        updated_at) values ('shop', 'staff', 'Kees', 't', '2026-03-01', '2026-03-01', 'x', 'x')`),
    ).toThrow(/CHECK/)
  })

  it('drops the kept report counts on a change in every table the outcome figures read', () => {
    const kept = () =>
      run(`insert or replace into report_figures_kept (from_on, to_on, area, version, figures, kept_at)
        values ('2026-01-01', '2026-12-31', '', 'v', '{}', 'x')`)
    const count = () => sqlite.prepare('select count(*) from report_figures_kept').pluck().get()
    const p = person()
    const writes: Record<(typeof OUTCOME_FIGURES_SOURCES)[number], string> = {
      survey_question: `insert into survey_question (text, sort) values ('Ik voelde me welkom', 9)`,
      survey_invite: `insert into survey_invite (occasion, about, invited_on, invited, created_at,
        updated_at) values ('service', 'Winkel', '2026-03-01', 4, 'x', 'x')`,
      survey_response: `insert into survey_response (id, occasion, month, mode, mark)
        values (991, 'service', '2026-03', 'paper', 8)`,
      survey_answer: `insert into survey_answer (response_id, question_id, score) values (991, 1, 4)`,
      care_signal: `insert into care_signal (person_id, signalled_on, kind, created_at, updated_at)
        values (${p}, '2026-03-01', 'neglect', 'x', 'x')`,
      plan_goal: `insert into plan_goal (person_id, text, created_at) values (${p}, 'Doel', 'x')`,
    }
    for (const table of OUTCOME_FIGURES_SOURCES) {
      kept()
      run(writes[table])
      expect(count(), `insert into ${table}`).toBe(0)
    }
    kept()
    run(`update plan_goal set status = 'realised', closed_on = '2026-04-01'`)
    expect(count()).toBe(0)
    kept()
    run(`update survey_invite set answered = 1`)
    expect(count()).toBe(0)
    kept()
    run(`delete from care_signal`)
    expect(count()).toBe(0)
  })
})
