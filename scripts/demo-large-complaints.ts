/**
 * The complaints of the large demo (issue 14): 3,000 complaints over the years of the large
 * seed with 20,000 timeline entries, written in bulk on the raw connection as the services
 * would have left them (numbers per year of receipt without gaps, the terms and due days of the
 * calendar, the summary columns matching the entries). Most are long closed; those of the last
 * weeks are open, a few of them late, so the overview of terms has work to show.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { addDays, daysBetween } from '../src/shared/dates'
import { ackDeadline, decisionDeadline } from '../src/main/domains/complaints/calendar'
import type { ComplaintOutcome } from '../src/shared/schemas/complaints'

export const LARGE_COMPLAINTS = 3000
export const LARGE_COMPLAINT_ENTRIES = 20_000

interface Rng {
  int(min: number, max: number): number
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
}

export interface LargeComplaintsInput {
  rng: Rng
  start: string
  today: string
  /** Accounts: the author of the entries, and a handler. */
  authorId: number
  authorName: string
  handlerId: number
  /**
   * Households a complaint may come from (never anonymised by the seed), each with the day it
   * was registered, in that order.
   */
  households: { id: number; since: string }[]
}

const CHANNELS = ['in_person', 'letter', 'email', 'phone', 'form'] as const
const OUTCOMES: ComplaintOutcome[] = [
  'founded',
  'partly_founded',
  'unfounded',
  'withdrawn',
  'mediated',
]

/** Writes the complaints and their entries in one transaction; returns how many of each. */
export function writeLargeComplaints(
  sqlite: Database.Database,
  input: LargeComplaintsInput,
): { complaints: number; entries: number; open: number } {
  const { rng, start, today } = input
  const span = daysBetween(start, today)
  const categories = (
    sqlite.prepare('select id from complaint_category').all() as { id: number }[]
  ).map((c) => c.id)
  const households = input.households
  // How many of `households` were registered by the day of the complaint at hand.
  let registered = 0
  const days = Array.from({ length: LARGE_COMPLAINTS }, () =>
    addDays(start, rng.int(0, span)),
  ).sort()
  const insertComplaint = sqlite.prepare(`insert into complaint (number, year, seq, received_on,
    channel, complainant_kind, household_id, complainant_name, about_kind, about_text, category_id,
    description, wish, handler_id, start_step, step, ack_working_days, decision_weeks,
    extension_weeks, ack_due_on, decision_due_on, acknowledged_on, decided_on, outcome,
    informed_complainant_on, closed_on, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, 'service', 'De winkel', ?, ?, ?, ?, ?, ?, 5, 6, ?, ?, ?, ?, ?,
    ?, ?, ?, ?, ?)`)
  const insertEntry = sqlite.prepare(`insert into complaint_entry (complaint_id, kind, date,
    author_id, author_name, text, step, outcome, weeks, due_on, party, created_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const seqs = new Map<number, number>()
  let entries = 0
  let open = 0
  const ids: number[] = []
  sqlite.transaction(() => {
    for (const [i, received] of days.entries()) {
      const year = Number(received.slice(0, 4))
      const seq = (seqs.get(year) ?? 0) + 1
      seqs.set(year, seq)
      const age = daysBetween(received, today)
      const rawStep = rng.chance(0.1) ? 3 : rng.chance(0.2) ? 2 : 1
      // The organisation keeps its terms: acknowledged within the term, a few (one in 25) a
      // few days late; one not yet due, or late, is not acknowledged yet.
      const ackDue = ackDeadline(received, 5).dueOn
      const ackOn = rng.chance(0.04)
        ? addDays(ackDue, rng.int(1, 4))
        : addDays(received, rng.int(1, Math.max(1, daysBetween(received, ackDue))))
      const acknowledged = ackOn <= today ? ackOn : null
      // To step 2 within ten days of receipt; one received since is still at step 1.
      const stepChangedOn = addDays(received, rng.int(2, 10))
      const step = rawStep === 2 && stepChangedOn > today ? 1 : rawStep
      // The committee's hearings and advice (step 3) take three weeks; an extension is asked
      // after a month, so only a complaint of a month or older has one.
      const extension = step === 3 && age > 30 && rng.chance(0.5) ? 4 : 0
      const decisionDue = decisionDeadline(received, 6, extension).dueOn
      // Open: the last six weeks, and now and then an older one that ran late on purpose.
      const isOpen = age < 42 || (age < 120 && i % 97 === 0)
      // Decided within the term (one in 20 a week or two late), after the steps before it and
      // never after a few days before today.
      const earliest = addDays(received, step === 3 ? (extension ? 31 : 22) : step === 2 ? 14 : 12)
      const term = Math.max(0, daysBetween(earliest, decisionDue))
      const rawDecided = rng.chance(0.05)
        ? addDays(decisionDue, rng.int(3, 14))
        : addDays(earliest, rng.int(0, term))
      const latest = addDays(today, -6)
      const decidedOn = isOpen ? null : rawDecided > latest ? latest : rawDecided
      const outcome = decidedOn ? rng.pick(OUTCOMES) : null
      const informedOn = decidedOn ? addDays(decidedOn, 2) : null
      const closedOn = decidedOn ? addDays(decidedOn, 4) : null
      while (registered < households.length && households[registered].since <= received)
        registered += 1
      const kind =
        rng.chance(0.3) && registered > 0 ? 'household' : rng.chance(0.2) ? 'anonymous' : 'contact'
      const instant = `${received}T10:00:00.000Z`
      const { lastInsertRowid } = insertComplaint.run(
        `K-${year}-${String(seq).padStart(3, '0')}`,
        year,
        seq,
        received,
        CHANNELS[i % CHANNELS.length],
        kind,
        kind === 'household' ? households[rng.int(0, registered - 1)].id : null,
        kind === 'contact' ? `Klager ${i + 1}` : null,
        rng.pick(categories),
        'Klacht over de dienstverlening van de winkel.',
        'Een gesprek',
        input.handlerId,
        step === 3 ? 3 : 1,
        step,
        extension,
        ackDue,
        decisionDue,
        acknowledged,
        decidedOn,
        outcome,
        informedOn,
        closedOn,
        instant,
        instant,
      )
      const id = Number(lastInsertRowid)
      ids.push(id)
      if (isOpen) open += 1
      const entry = (
        kind: string,
        date: string,
        extra: {
          text?: string
          step?: number
          outcome?: string
          weeks?: number
          dueOn?: string
          party?: string
        } = {},
      ): void => {
        insertEntry.run(
          id,
          kind,
          date,
          input.authorId,
          input.authorName,
          extra.text ?? null,
          extra.step ?? null,
          extra.outcome ?? null,
          extra.weeks ?? null,
          extra.dueOn ?? null,
          extra.party ?? null,
          `${date}T12:00:00.000Z`,
        )
        entries += 1
      }
      entry('received', received, { step: step === 3 ? 3 : 1 })
      if (acknowledged) entry('acknowledged', acknowledged)
      if (step === 2) entry('step_changed', stepChangedOn, { step: 2, text: 'Naar stap 2' })
      if (step === 3 && decidedOn) {
        entry('hearing', addDays(received, 14), { party: 'complainant', text: 'Verslag klager' })
        entry('hearing', addDays(received, 14), { party: 'staff', text: 'Verslag medewerker' })
        entry('advice', addDays(received, 21), { text: 'Advies van de commissie' })
      }
      if (extension)
        entry('extension', addDays(received, 30), {
          weeks: extension,
          dueOn: decisionDue,
          text: 'De commissie heeft meer tijd nodig',
        })
      if (decidedOn && outcome) {
        entry('decision', decidedOn, { outcome, text: 'Besluit' })
        entry('informed', informedOn ?? decidedOn, { party: 'complainant' })
      }
      if (closedOn) entry('closed', closedOn)
    }
    // Notes on the timelines until there are as many entries as a busy organisation collects.
    while (entries < LARGE_COMPLAINT_ENTRIES) {
      const id = rng.pick(ids)
      const { received } = sqlite
        .prepare('select received_on as received from complaint where id = ?')
        .get(id) as { received: string }
      const day = addDays(received, rng.int(0, 20))
      insertEntry.run(
        id,
        'note',
        day > today ? today : day,
        input.authorId,
        input.authorName,
        'Telefonisch contact met klager',
        null,
        null,
        null,
        null,
        null,
        `${received}T13:00:00.000Z`,
      )
      entries += 1
    }
  })()
  return { complaints: days.length, entries, open }
}
