import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../src/main/db/migrations'
import { SUBJECT_KINDS } from '../../src/shared/schemas/subjects'
import { subjectParts } from '../../src/main/domains/subjects/registry'
import '../../src/main/domains/subjects/parts'

/*
 * Lists kept by hand that the compiler cannot check: a step of "adding a domain" forgotten here
 * shows up only later as an INTERNAL error or an incomplete subject access export.
 */
describe('hand-kept lists are complete', () => {
  it('lists every migration file in migrations/index.ts, in order', () => {
    const files = readdirSync('src/main/db/migrations')
      .filter((f) => /^\d{4}-.+\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort()
    expect(files.length).toBeGreaterThan(6)
    // A migration file that is not listed never runs: its tables are missing at the first call.
    expect(Object.keys(MIGRATIONS)).toEqual(files)
  })

  it('gives every kind of data subject a subject access part of its own', () => {
    for (const kind of SUBJECT_KINDS) {
      const own = subjectParts(kind).filter((p) => p.kinds !== 'every')
      expect(own.length, `no subject access part registers kind "${kind}"`).toBeGreaterThan(0)
    }
  })
})
