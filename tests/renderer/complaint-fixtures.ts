import type { ComplaintEntryView } from '../../src/shared/schemas/complaints'

/** An entry of a complaint's timeline as main shows it: a note of today, with what a test sets. */
export function entryView(patch: Partial<ComplaintEntryView>): ComplaintEntryView {
  return {
    id: 1,
    kind: 'note',
    date: '2026-12-05',
    authorName: 'Carla Coördinator',
    text: null,
    step: null,
    handler: null,
    party: null,
    persons: null,
    outcome: null,
    weeks: null,
    withConsent: false,
    dueOn: null,
    correctsId: null,
    newDate: null,
    voids: false,
    correctedBy: [],
    voided: false,
    createdAt: '2026-12-05T10:00:00.000Z',
    anonymised: false,
    ...patch,
  }
}
