import { describe, expect, it } from 'vitest'
import {
  auditHash,
  changedFields,
  filledFields,
  GENESIS_HASH,
} from '../../src/main/domains/audit/audit'

const entry: Parameters<typeof auditHash>[0] = {
  id: 1,
  at: '2026-06-15T10:00:00.000Z',
  userId: 1,
  userName: 'beheerder',
  role: 'admin',
  workstation: 'winkel-pc',
  action: 'view',
  entityType: 'household',
  entityId: '12',
  householdId: 12,
  subjectKind: 'household',
  subjectId: 12,
  fields: '',
  detail: null,
  prevHash: GENESIS_HASH,
}

describe('audit hash chain', () => {
  it('is a SHA-256 over the content and the previous hash, the same every time', () => {
    const h = auditHash(entry)
    expect(h).toMatch(/^[0-9a-f]{64}$/)
    expect(auditHash({ ...entry })).toBe(h)
  })

  it('changes when any part of the entry or its link changes', () => {
    const h = auditHash(entry)
    const variants: Partial<typeof entry>[] = [
      { id: 2 },
      { at: '2026-06-15T10:00:01.000Z' },
      { userId: 2 },
      { userName: 'vera' },
      { role: 'volunteer' },
      { workstation: 'thuis' },
      { action: 'update' },
      { entityType: 'visit' },
      { entityId: '13' },
      { householdId: 13 },
      { subjectKind: 'person' },
      { subjectId: 13 },
      { fields: 'phone' },
      { detail: 'x' },
      { prevHash: 'f'.repeat(64) },
    ]
    for (const v of variants) expect(auditHash({ ...entry, ...v }), JSON.stringify(v)).not.toBe(h)
  })

  it('tells null from the text "null" and keeps field boundaries', () => {
    expect(auditHash({ ...entry, detail: 'null' })).not.toBe(auditHash(entry))
    expect(auditHash({ ...entry, entityType: 'house', entityId: 'hold12' })).not.toBe(
      auditHash({ ...entry, entityType: 'household', entityId: '12' }),
    )
  })
})

describe('field names for the log', () => {
  it('lists changed and filled fields by name only', () => {
    expect(changedFields({ a: 1, b: 'x', c: null }, { a: 1, b: 'y', c: undefined })).toEqual(['b'])
    expect(filledFields({ a: 'x', b: '', c: null, d: [], e: [1], f: 0 })).toEqual(['a', 'e', 'f'])
  })
})
