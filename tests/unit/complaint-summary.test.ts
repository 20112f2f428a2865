import { describe, expect, it } from 'vitest'
import { summarise } from '../../src/main/domains/complaints/summary'
import type { EntryRow } from '../../src/main/domains/complaints/queries'

let nextId = 1
function entry(kind: EntryRow['kind'], date: string, over: Partial<EntryRow> = {}): EntryRow {
  return {
    id: nextId++,
    complaintId: 1,
    kind,
    date,
    authorId: 1,
    authorName: 'Carla',
    text: null,
    step: null,
    handlerId: null,
    party: null,
    persons: null,
    outcome: null,
    weeks: null,
    withConsent: 0,
    dueOn: null,
    correctsId: null,
    newDate: null,
    voids: 0,
    createdAt: `${date}T10:00:00.000Z`,
    anonymisedAt: null,
    ...over,
  }
}

describe('the summary of a timeline', () => {
  it('counts the acknowledgement letter as the acknowledgement', () => {
    const letter = entry('letter', '2026-06-03')
    const s = summarise(
      1,
      [entry('received', '2026-06-01', { step: 1 }), letter],
      new Map([[letter.id, 'acknowledgement']]),
    )
    expect(s.acknowledgedOn).toBe('2026-06-03')
    // Another letter (an extension letter) is no acknowledgement.
    const other = summarise(1, [letter], new Map([[letter.id, 'extension']]))
    expect(other.acknowledgedOn).toBeNull()
  })

  it('reads corrections: a voided extension adds no weeks, a corrected decision its new outcome', () => {
    const ext = entry('extension', '2026-06-05', { weeks: 4 })
    const dec = entry('decision', '2026-06-20', { outcome: 'founded' })
    const s = summarise(1, [
      entry('received', '2026-06-01', { step: 2 }),
      ext,
      dec,
      entry('correction', '2026-06-21', { correctsId: ext.id, voids: 1 }),
      entry('correction', '2026-06-21', {
        correctsId: dec.id,
        outcome: 'partly_founded',
        newDate: '2026-06-19',
      }),
    ])
    expect(s).toMatchObject({
      step: 2,
      extensionWeeks: 0,
      decidedOn: '2026-06-19',
      outcome: 'partly_founded',
    })
  })

  it('reopening undoes the decision, the informing and the closing', () => {
    const s = summarise(1, [
      entry('decision', '2026-06-20', { outcome: 'unfounded' }),
      entry('informed', '2026-06-21', { party: 'complainant' }),
      entry('closed', '2026-06-22'),
      entry('reopened', '2026-06-25'),
    ])
    expect(s).toMatchObject({
      decidedOn: null,
      outcome: null,
      informedComplainantOn: null,
      closedOn: null,
    })
  })
})
