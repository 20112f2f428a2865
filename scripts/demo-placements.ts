/**
 * Demo placements: the people of the volunteers demo who had their intake and did not leave are
 * matched one by one, as a coordinator would: `matching.forPerson` on the day of the proposal,
 * one of the best three proposed (now and then an excluded place with a written reason), then
 * introduction, trial and placement on later days, and some ended or declined with a reason.
 * Every step of the pipeline has placements, a few trials end in the coming two weeks, and the
 * most recent proposals are still open. Through the real router, the clock at each moment.
 */
import type { Kysely } from 'kysely'
import type { DB } from '../src/main/db/schema'
import type { MethodInput, MethodName, MethodOutput } from '../src/shared/api'
import type { AppErrorData } from '../src/shared/errors'
import { addDays } from '../src/shared/dates'
import { HARD_REASONS, type VacancyCandidate } from '../src/shared/schemas/volunteers-matching'

/** What this part needs of the demo's writer (scripts/demo-data.ts `Writer`). */
export interface PlacementsWriter {
  vault: { db: Kysely<DB> }
  call<M extends MethodName>(
    instant: string,
    method: M,
    input: MethodInput<M>,
  ): Promise<MethodOutput<M>>
}

/** What this part needs of the demo's random numbers (scripts/demo-data.ts `Rng`). */
export interface PlacementsRng {
  int(min: number, max: number): number
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  weighted<T>(items: readonly (readonly [T, number])[]): T
}

export interface PlacementsSummary {
  placements: number
  byStep: Record<string, number>
  overrides: number
}

type Fate = 'waiting' | 'proposed' | 'introduction' | 'trial' | 'placed' | 'ended' | 'declined'

const FATES: readonly (readonly [Fate, number])[] = [
  ['waiting', 12],
  ['proposed', 10],
  ['introduction', 9],
  ['trial', 10],
  ['placed', 35],
  ['ended', 12],
  ['declined', 12],
]

const END_REASONS = [
  'Betaald werk gevonden',
  'Gaat een opleiding doen',
  'Past niet meer bij de gezondheid',
  'Verhuisd naar een andere gemeente',
  'Doorgestroomd naar een andere plek',
]
const DECLINE_REASONS = [
  'Kennismaking: klikte niet met het team',
  'Reistijd toch te lang',
  'Deelnemer wil eerst de schulden regelen',
  'Gastorganisatie koos een ander',
  'Proefperiode niet doorgezet',
]
const OVERRIDE_REASONS = [
  'Besproken met de gastorganisatie: er is een zittende taak beschikbaar',
  'Deelnemer wil dit graag; eerst een proefperiode van vier weken afgesproken',
  'Vervoer geregeld via de buurtbus',
]

const at = (day: string, hour = 10): string => `${day}T${String(hour).padStart(2, '0')}:15:00Z`
const maxDay = (a: string, b: string): string => (a > b ? a : b)

function isFull(err: unknown): boolean {
  const e = (err as { error?: AppErrorData }).error
  return !!e && e.key === 'placementVacancyFull'
}

/**
 * Placements for the volunteers demo's people (run after `seedVolunteers`, before the follow-up,
 * which logs hours on them), from a random sequence of their own.
 */
export async function seedPlacements(
  writer: PlacementsWriter,
  rng: PlacementsRng,
  today: string,
): Promise<PlacementsSummary> {
  const people = await writer.vault.db
    .selectFrom('person')
    .select(['id', 'intakeOn'])
    .where('status', '!=', 'left')
    .where('anonymisedAt', 'is', null)
    .where('intakeOn', 'is not', null)
    .orderBy('intakeOn')
    .orderBy('id')
    .execute()
  const summary: PlacementsSummary = { placements: 0, byStep: {}, overrides: 0 }
  const count = (step: string): void => {
    summary.byStep[step] = (summary.byStep[step] ?? 0) + 1
  }

  for (const p of people) {
    const intakeOn = p.intakeOn as string
    const fate = rng.weighted(FATES)
    if (fate === 'waiting') continue
    // Dates of each step. Open steps are recent; a trial ends within about three weeks.
    let proposed: string
    if (fate === 'proposed') proposed = addDays(today, -rng.int(1, 20))
    else if (fate === 'introduction') proposed = addDays(today, -rng.int(10, 30))
    else if (fate === 'trial') proposed = addDays(today, -rng.int(40, 60))
    else proposed = addDays(intakeOn, rng.int(7, 45))
    proposed = maxDay(proposed, addDays(intakeOn, 1))
    if (proposed > today) continue

    const list = await writer.call(at(proposed, 9), 'matching.forPerson', {
      personId: p.id,
      limit: 10,
    })
    let choice: VacancyCandidate | undefined
    let overrideReason: string | null = null
    const overridable = list.excluded.filter((c) =>
      c.reasons.every((r) => !HARD_REASONS.includes(r.code) && r.code !== 'doubleBooked'),
    )
    if (list.ranked.length && !(overridable.length && rng.chance(0.06)))
      choice = list.ranked[rng.int(0, Math.min(2, list.ranked.length - 1))]
    // With nothing that passes the filters, the coordinator sometimes proposes anyway.
    else if (overridable.length && rng.chance(0.3)) {
      choice = overridable[0]
      overrideReason = rng.pick(OVERRIDE_REASONS)
    }
    if (!choice) continue
    const { placement } = await writer.call(at(proposed, 10), 'placements.propose', {
      personId: p.id,
      vacancyId: choice.vacancyId,
      date: proposed,
      overrideReason,
    })
    summary.placements++
    if (overrideReason) summary.overrides++

    const intro = addDays(proposed, rng.int(3, 12))
    const trial = addDays(intro, rng.int(5, 12))
    const trialEnds = addDays(trial, rng.int(28, 42))
    const placed = trialEnds
    const ended = addDays(placed, rng.int(60, 300))
    const steps: { to: 'introduction' | 'trial' | 'placed'; date: string }[] = [
      { to: 'introduction', date: intro },
      { to: 'trial', date: trial },
      { to: 'placed', date: placed },
    ]
    const last =
      fate === 'proposed'
        ? 0
        : fate === 'introduction'
          ? 1
          : fate === 'trial'
            ? 2
            : fate === 'declined'
              ? rng.int(0, 2)
              : 3
    let step = 'proposed'
    let stepDate = proposed
    try {
      for (const s of steps.slice(0, last)) {
        if (s.date > today) break
        await writer.call(at(s.date), 'placements.advance', {
          id: placement.id,
          to: s.to,
          date: s.date,
          trialEndsOn: s.to === 'trial' ? trialEnds : null,
        })
        step = s.to
        stepDate = s.date
      }
    } catch (err) {
      // Someone else took the last place meanwhile: the host chose another.
      if (!isFull(err)) throw err
      const day = addDays(stepDate, 1) > today ? stepDate : addDays(stepDate, 1)
      await writer.call(at(day, 15), 'placements.decline', {
        id: placement.id,
        date: day,
        reason: 'Gastorganisatie koos een ander',
      })
      count('declined')
      continue
    }
    if (fate === 'declined' && step !== 'placed') {
      const later = addDays(stepDate, rng.int(1, 7))
      const day = later > today ? stepDate : later
      await writer.call(at(day, 15), 'placements.decline', {
        id: placement.id,
        date: day,
        reason: rng.pick(DECLINE_REASONS),
      })
      count('declined')
      continue
    }
    if (fate === 'ended' && step === 'placed' && ended <= today) {
      await writer.call(at(ended, 15), 'placements.end', {
        id: placement.id,
        date: ended,
        reason: rng.pick(END_REASONS),
      })
      count('ended')
      continue
    }
    count(step)
  }
  return summary
}
