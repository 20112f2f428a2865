/**
 * Placements of `--scale=large`: about 30,000 over ten years, planned in memory from the people
 * and vacancies of the large volunteers plan (scripts/demo-large-volunteers.ts) and written with
 * prepared statements, as the rest of the large seed is. Each person with an intake gets one
 * placement after another until they leave: most went to "placed" and ended, some were declined
 * on the way; people still here may have one running, in any step. A person never holds two
 * running placements, and a vacancy never has more placements from the introduction on than it
 * has places. Each step is an audit entry under the person, as `placements.*` writes it.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { addDays } from '../src/shared/dates'
import {
  halfDaysToMask,
  maskToHalfDays,
  type HalfDay,
} from '../src/shared/schemas/volunteers-matching'
import type {
  LargePerson,
  LargeRng,
  LargeVacancy,
  LargeVolunteerEvent,
} from './demo-large-volunteers'

export const LARGE_PLACEMENTS = 30_000

type Step = 'proposed' | 'introduction' | 'trial' | 'placed' | 'ended' | 'declined'

export interface LargePlacement {
  id: number
  personId: number
  vacancyId: number
  step: Step
  proposedOn: string
  introductionOn: string | null
  trialOn: string | null
  trialEndsOn: string | null
  placedOn: string | null
  endedOn: string | null
  declinedOn: string | null
  reason: string | null
  overrideReason: string | null
  slots: HalfDay[]
  createdAt: string
  updatedAt: string
}

const END_REASONS = ['Betaald werk', 'Opleiding', 'Gezondheid', 'Verhuisd', 'Doorgestroomd']
const DECLINE_REASONS = ['Klikte niet', 'Reistijd te lang', 'Gastorganisatie koos een ander']

const atOn = (day: string, minute: number): string =>
  `${day}T${String(8 + (Math.floor(minute / 60) % 9)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00.000Z`

/** The running steps that hold one of the vacancy's places. */
const TAKING = new Set<Step>(['introduction', 'trial', 'placed'])

/**
 * Plans the placements in the order people came. `target` is about how many there will be: the
 * share of people with a next placement is tuned to it.
 */
export function planLargePlacements(
  rng: LargeRng,
  people: readonly LargePerson[],
  vacancies: readonly LargeVacancy[],
  today: string,
  events: { push(e: LargeVolunteerEvent): unknown },
  seq: () => number,
  target = LARGE_PLACEMENTS,
): LargePlacement[] {
  const out: LargePlacement[] = []
  const active = vacancies.filter((v) => v.active)
  const vacancyMask = new Map(vacancies.map((v) => [v.id, halfDaysToMask(v.slots)]))
  const placesOf = new Map(vacancies.map((v) => [v.id, v.places]))
  /** Running placements from the introduction on, per vacancy, at the end (today). */
  const takenNow = new Map<number, number>()
  const withIntake = people.filter((p) => p.intakeOn && p.intakeOn < today)
  // A first placement for most, and a next one after each end with this chance (tuned so that
  // 20,000 people over ten years give about 30,000 placements: many leave before a next one).
  const again = Math.min(0.85, Math.max(0, 2.1 * (1 - withIntake.length / Math.max(1, target))))
  const event = (
    at: string,
    action: 'create' | 'update',
    placement: number,
    person: number,
    fields: string,
  ): void => {
    events.push({
      at,
      seq: seq(),
      actor: 'coordinator',
      action,
      entityType: 'placement',
      entity: placement,
      household: null,
      subject: { kind: 'person', id: person },
      fields,
      detail: null,
    })
  }

  for (const [i, p] of withIntake.entries()) {
    const last = p.outflowOn ?? today
    const personMask = halfDaysToMask(p.slots)
    let cursor = addDays(p.intakeOn as string, rng.int(7, 60))
    let first = true
    while (cursor < last && (first || rng.chance(again)) && out.length < target * 1.2) {
      first = false
      // A vacancy sharing a half-day, if one of a few drawn does; else proposed anyway.
      let v = rng.pick(active.length ? active : vacancies)
      for (let tries = 0; tries < 4 && !(vacancyMask.get(v.id)! & personMask); tries++)
        v = rng.pick(active.length ? active : vacancies)
      const shared = (vacancyMask.get(v.id) ?? 0) & personMask
      const mask = shared || (vacancyMask.get(v.id) ?? 0)
      const id = out.length + 1
      const pl: LargePlacement = {
        id,
        personId: p.id,
        vacancyId: v.id,
        step: 'proposed',
        proposedOn: cursor,
        introductionOn: null,
        trialOn: null,
        trialEndsOn: null,
        placedOn: null,
        endedOn: null,
        declinedOn: null,
        reason: null,
        overrideReason: shared ? null : 'Afgesproken met de gastorganisatie',
        slots: maskToHalfDays(mask),
        createdAt: atOn(cursor, i % 480),
        updatedAt: atOn(cursor, i % 480),
      }
      // The steps as they happen; written to the log once the placement's course is known.
      const changes: { on: string; fields: string }[] = []
      const dates = { introduction: addDays(cursor, rng.int(3, 12)), trial: '', placed: '' }
      dates.trial = addDays(dates.introduction, rng.int(5, 12))
      const trialEnds = addDays(dates.trial, rng.int(28, 42))
      dates.placed = trialEnds
      // Declined at some step for about one in five.
      const declineAt = rng.chance(0.2) ? rng.int(0, 2) : -1
      let day = cursor
      let closed = false
      for (const [k, step] of (['introduction', 'trial', 'placed'] as const).entries()) {
        if (k === declineAt) {
          const on = addDays(day, rng.int(1, 7))
          if (on < last) {
            pl.step = 'declined'
            pl.declinedOn = on
            pl.reason = rng.pick(DECLINE_REASONS)
            changes.push({ on, fields: 'step,declinedOn,reason' })
            day = on
            closed = true
          }
          break
        }
        const on = dates[step]
        if (on >= last) break
        pl.step = step
        pl[`${step}On`] = on
        if (step === 'trial') pl.trialEndsOn = trialEnds
        changes.push({
          on,
          fields: step === 'trial' ? 'step,trialOn,trialEndsOn' : `step,${step}On`,
        })
        day = on
      }
      if (!closed && pl.step === 'placed') {
        const on = addDays(day, rng.int(60, 900))
        if (on < last) {
          pl.step = 'ended'
          pl.endedOn = on
          pl.reason = rng.pick(END_REASONS)
          changes.push({ on, fields: 'step,endedOn,reason' })
          day = on
          closed = true
        }
      }
      if (!closed && p.outflowOn) {
        // Whoever left closed what ran: declined before placed, ended after.
        const on = p.outflowOn
        const ended = pl.step === 'placed'
        pl.step = ended ? 'ended' : 'declined'
        pl[ended ? 'endedOn' : 'declinedOn'] = on
        pl.reason = 'Uitgestroomd'
        changes.push({ on, fields: `step,${ended ? 'endedOn' : 'declinedOn'},reason` })
        day = on
        closed = true
      }
      if (!closed && TAKING.has(pl.step)) {
        // Running today from the introduction on: it needs a free place, or it is still waiting
        // as a proposal.
        if ((takenNow.get(v.id) ?? 0) >= (placesOf.get(v.id) ?? 1)) {
          pl.step = 'proposed'
          pl.introductionOn = pl.trialOn = pl.trialEndsOn = pl.placedOn = null
          changes.length = 0
        } else takenNow.set(v.id, (takenNow.get(v.id) ?? 0) + 1)
      }
      out.push(pl)
      event(
        pl.createdAt,
        'create',
        id,
        p.id,
        `vacancyId,step,proposedOn,halfDays${pl.overrideReason ? ',overrideReason' : ''}`,
      )
      for (const c of changes) event(atOn(c.on, i % 480), 'update', id, p.id, c.fields)
      if (changes.length) pl.updatedAt = atOn(changes[changes.length - 1].on, i % 480)
      // A person holds one running placement at a time.
      if (!closed) break
      cursor = addDays(day, rng.int(14, 120))
    }
  }
  return out
}

/** The tables written here, for the large seed's list of tables whose indexes wait. */
export const LARGE_PLACEMENT_TABLES = ['placement', 'placement_slot']

/** Writes the planned placements with prepared statements, in transactions of 20,000 rows. */
export function writeLargePlacements(
  sqlite: Database.Database,
  placements: readonly LargePlacement[],
): void {
  const batch = <T>(rows: readonly T[], sql: string, values: (r: T) => unknown[]): void => {
    const stmt = sqlite.prepare(sql)
    const run = sqlite.transaction((part: readonly T[]) => {
      for (const r of part) stmt.run(values(r))
    })
    for (let i = 0; i < rows.length; i += 20_000) run(rows.slice(i, i + 20_000))
  }
  batch(
    placements,
    `insert into placement (id, person_id, vacancy_id, step, proposed_on, introduction_on,
      trial_on, trial_ends_on, placed_on, ended_on, declined_on, reason, override_reason,
      created_at, updated_at) values (${Array(15).fill('?').join(',')})`,
    (p) => [
      p.id,
      p.personId,
      p.vacancyId,
      p.step,
      p.proposedOn,
      p.introductionOn,
      p.trialOn,
      p.trialEndsOn,
      p.placedOn,
      p.endedOn,
      p.declinedOn,
      p.reason,
      p.overrideReason,
      p.createdAt,
      p.updatedAt,
    ],
  )
  batch(
    placements.flatMap((p) => p.slots.map((s) => [p.id, s.weekday, s.part])),
    'insert into placement_slot (placement_id, weekday, part) values (?, ?, ?)',
    (r) => r,
  )
}
