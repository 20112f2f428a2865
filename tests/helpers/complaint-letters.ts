import type { MethodName } from '../../src/shared/api'
import { complaintCoreBases, complaintFixture, type ComplaintFixture } from './complaints'
import type { TestApp } from './db'

/** A letter made already, for the methods that print one again. */
export interface LetterFixture {
  complaint: ComplaintFixture
  letterId: number
}

/** Makes the acknowledgement of the open complaint of C1's fixture. */
export async function letterFixture(app: TestApp, f: ComplaintFixture): Promise<LetterFixture> {
  const made = await app.call('complaints.letter', { complaintId: f.open, kind: 'acknowledgement' })
  return { complaint: f, letterId: made.letter.id }
}

/** One valid input per letters and annual report method (C2's part). */
export function letterBases(l: LetterFixture): Partial<Record<MethodName, unknown>> {
  return {
    'complaints.templates': {},
    'complaints.template': { kind: 'decision', version: 1 },
    'complaints.saveTemplate': {
      kind: 'extension',
      subject: 'Verlenging {{klachtnummer}}',
      body: 'Geachte {{ontvanger}},\n\nDe beslissing volgt uiterlijk op {{nieuwe_beslistermijn}}.',
    },
    'complaints.letter': { complaintId: l.complaint.decided, kind: 'decision' },
    'complaints.letters': { complaintId: l.complaint.open },
    'complaints.reprintLetter': { letterId: l.letterId },
    'complaints.annualReport': { year: 2026 },
    'complaints.annualReportPdf': { year: 2026 },
  }
}

/** Valid-looking inputs that point at nothing: refused without writing. */
export function letterGhosts(_l: LetterFixture): [MethodName, Record<string, unknown>][] {
  return [
    ['complaints.template', { kind: 'decision', version: 999_999 }],
    ['complaints.letter', { complaintId: 999_999, kind: 'acknowledgement' }],
    ['complaints.letters', { complaintId: 999_999 }],
    ['complaints.reprintLetter', { letterId: 999_999 }],
  ]
}

/** C1's valid inputs and these, on one fixture (its accounts can be made once per app). */
export async function complaintAndLetterBases(
  app: TestApp,
  householdId: number,
): Promise<Partial<Record<MethodName, unknown>>> {
  const f = await complaintFixture(app, householdId)
  return { ...complaintCoreBases(f), ...letterBases(await letterFixture(app, f)) }
}
