import { describe, expect, it } from 'vitest'
import { checkRow, startState, toChainRow } from '../../src/main/domains/audit/chain'
import {
  auditHash,
  auditHashV1,
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

describe('the walk over entries read as rows', () => {
  const tricky: (typeof entry)[] = [
    entry,
    { ...entry, userId: null, userName: null, role: null, detail: 'Zoë "quote" \\ ; \n é' },
    { ...entry, householdId: null, subjectKind: null, subjectId: null, entityId: null },
    { ...entry, fields: 'phone,city', detail: '@{"k":"rows","count":3}' },
  ]

  it('checks the same hash auditHash computes, for any content', () => {
    let prev = GENESIS_HASH
    const state = startState()
    tricky.forEach((e, i) => {
      const content = { ...e, id: i + 1, prevHash: prev }
      const hash = auditHash(content)
      expect(checkRow(state, toChainRow({ ...content, hash }))).toBeNull()
      prev = hash
    })
    expect(state).toEqual({ nextId: 5, prev, count: 4, firstCurrentId: 1 })
  })

  it('names a changed entry, a broken link and an old-style entry after a current one', () => {
    const hash = auditHash(entry)
    const row = (over: Partial<typeof entry>, h = hash) =>
      toChainRow({ ...entry, ...over, hash: h })
    expect(checkRow(startState(), row({ userName: 'iemand' }))).toEqual({
      brokenAt: 1,
      reason: 'hash',
      count: 0,
    })
    expect(checkRow(startState(), row({ prevHash: 'f'.repeat(64) }))).toMatchObject({
      reason: 'link',
    })
    const { subjectKind: _k, subjectId: _s, ...old } = entry
    const v1 = auditHashV1(old)
    expect(checkRow(startState(), row({}, v1))).toBeNull()
    const afterCurrent = { ...startState(), firstCurrentId: 1 }
    expect(checkRow(afterCurrent, row({}, v1))).toMatchObject({ reason: 'hash' })
  })
})

describe('field names for the log', () => {
  it('lists changed and filled fields by name only', () => {
    expect(changedFields({ a: 1, b: 'x', c: null }, { a: 1, b: 'y', c: undefined })).toEqual(['b'])
    expect(filledFields({ a: 'x', b: '', c: null, d: [], e: [1], f: 0 })).toEqual(['a', 'e', 'f'])
  })
})
