/**
 * Demo data for the follow-up of volunteers after matching: a year of month hours (the month
 * grid, logged early each next month; last month partly still open), ZRM measurements at intake
 * and every few months after (and at the end for those who left), trajectory plans with goals
 * (closed when the person left) and contacts with a next date (some due this week). Written
 * through the real router with the clock at each moment, in the order they would have happened,
 * from the people and placements the volunteers demo made before.
 */
import type { Kysely } from 'kysely'
import type { DB } from '../src/main/db/schema'
import type { MethodInput, MethodName, MethodOutput } from '../src/shared/api'
import { addDays, addMonths } from '../src/shared/dates'
import { ZRM11_DOMAINS, type Zrm11Domain } from '../src/shared/zrm'
import type { ContactKind, GoalStatus, PlanAim } from '../src/shared/schemas/volunteers-followup'

/** What this part needs of the demo's writer (scripts/demo-data.ts `Writer`). */
export interface FollowupWriter {
  vault: { db: Kysely<DB> }
  call<M extends MethodName>(
    instant: string,
    method: M,
    input: MethodInput<M>,
  ): Promise<MethodOutput<M>>
}

/** What this part needs of the demo's random numbers (scripts/demo-data.ts `Rng`). */
export interface FollowupRng {
  int(min: number, max: number): number
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
}

export interface FollowupSummary {
  hourRows: number
  measurements: number
  plans: number
  contacts: number
}

const BARRIERS = [
  'Eerst schuldenvrij, dan participeren',
  'Schuldhulptraject loopt; rust in de financiën eerst',
  'Eerst een vaste woonplek',
  'Taal: eerst de cursus Nederlands afmaken',
  'Gezondheid: rugklachten, geen zwaar werk',
  'Weinig zelfvertrouwen na lange tijd thuis',
  null,
]

const GOALS: [string, Zrm11Domain | null][] = [
  ['Op tijd komen en afmelden bij ziekte', 'daytime'],
  ['Twee dagdelen per week vrijwilligerswerk', 'participation'],
  ['Schuldhulptraject afronden', 'finances'],
  ['Zelf de post en rekeningen bijhouden', 'adl'],
  ['Nederlands spreken met klanten', 'participation'],
  ['Een vast aanspreekpunt in de buurt hebben', 'social_network'],
  ['Kassawerk leren', null],
  ['Samenwerken in een team', 'social_network'],
  ['Werkritme opbouwen naar drie dagdelen', 'daytime'],
]

const AIMS: PlanAim[] = [
  'volunteer_place',
  'volunteer_place',
  'training',
  'activity',
  'tegenprestatie',
]

const CONTACT_NOTES: Record<ContactKind, string[]> = {
  phone: ['Even gebeld: gaat goed', 'Gebeld, wat moe maar blijft komen', 'Vraag over vervoer'],
  visit: ['Langs geweest op de plek', 'Koffie gedronken met de begeleider van de plek'],
  meeting: ['Gesprek met de gastorganisatie', 'Driegesprek met begeleider'],
  evaluation: ['Evaluatie: leerdoelen besproken', 'Evaluatie na de proefplaatsing'],
  other: ['Appje gestuurd'],
}

function at(day: string, hour: number, minute = 0): string {
  return `${day}T${String(hour - 1).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`
}

function monthsBetween(first: string, last: string): string[] {
  const out: string[] = []
  for (let m = first; m <= last; m = addMonths(`${m}-01`, 1).slice(0, 7)) out.push(m)
  return out
}

function clamp(n: number): number {
  return Math.max(1, Math.min(5, n))
}

type Action = { instant: string; run: () => Promise<void> }

/**
 * Writes the follow-up of every person of the volunteers demo (not anonymised) up to `today`:
 * all actions are collected first, then run in the order of their moments.
 */
export async function seedFollowup(
  writer: FollowupWriter,
  today: string,
  rng: FollowupRng,
): Promise<FollowupSummary> {
  const db = writer.vault.db
  const people = await db
    .selectFrom('person')
    .select(['id', 'registeredOn', 'intakeOn', 'outflowOn'])
    .where('anonymisedAt', 'is', null)
    .orderBy('id')
    .execute()
  const placements = await db
    .selectFrom('placement')
    .select(['id', 'personId', 'step', 'trialOn', 'placedOn', 'endedOn'])
    .where('step', 'in', ['trial', 'placed', 'ended'])
    .orderBy('id')
    .execute()
  const summary: FollowupSummary = { hourRows: 0, measurements: 0, plans: 0, contacts: 0 }
  const actions: Action[] = []
  const yearAgo = addMonths(today, -12)

  for (const p of people) {
    if (!p.intakeOn || p.intakeOn > today) continue
    const end = p.outflowOn && p.outflowOn <= today ? p.outflowOn : null

    // ZRM at intake, then every four to six months, and at the end.
    let scores = Object.fromEntries(ZRM11_DOMAINS.map((d) => [d, rng.int(1, 4)])) as Record<
      Zrm11Domain,
      number
    >
    const days: [string, 'intake' | 'reassessment' | 'end'][] = [[p.intakeOn, 'intake']]
    for (
      let d = addMonths(p.intakeOn, rng.int(4, 6));
      d < (end ?? today);
      d = addMonths(d, rng.int(4, 6))
    )
      days.push([d, 'reassessment'])
    if (end && end > p.intakeOn) days.push([end, 'end'])
    for (const [day, moment] of days) {
      // Most domains stay, some go up a step, a few go down: progress is slow and uneven.
      if (moment !== 'intake')
        scores = Object.fromEntries(
          ZRM11_DOMAINS.map((d) => [
            d,
            clamp(scores[d] + (rng.chance(0.3) ? 1 : rng.chance(0.08) ? -1 : 0)),
          ]),
        ) as Record<Zrm11Domain, number>
      const input: MethodInput<'measurements.record'> = {
        personId: p.id,
        measuredOn: day,
        moment,
        version: 'zrm11',
        // A domain is now and then left unscored (not discussed that time).
        scores: ZRM11_DOMAINS.filter((d) => d !== 'justice' || rng.chance(0.5)).map((d) => ({
          domain: d,
          score: scores[d],
        })),
      }
      actions.push({
        instant: at(day, 15, rng.int(0, 59)),
        run: async () => {
          await writer.call(at(day, 15), 'measurements.record', input)
          summary.measurements++
        },
      })
    }

    // The plan, a few days after the intake; goals closed when the person left.
    const planDay = addDays(p.intakeOn, rng.int(1, 10))
    if (planDay > today) continue
    const goals = [...new Set([rng.pick(GOALS), rng.pick(GOALS), rng.pick(GOALS)])].slice(
      0,
      rng.int(1, 3),
    )
    const barriers = rng.pick(BARRIERS)
    const aim = rng.pick(AIMS)
    const reviewOn = addMonths(planDay, 6)
    actions.push({
      instant: at(planDay, 16),
      run: async () => {
        await writer.call(at(planDay, 16), 'plans.update', {
          personId: p.id,
          barriers,
          aim,
          goals: goals.map(([text, zrmDomain]) => ({ text, zrmDomain })),
          reviews: [{ plannedOn: reviewOn }],
        })
        summary.plans++
      },
    })
    if (end && end > planDay) {
      actions.push({
        instant: at(end, 16, 30),
        run: async () => {
          const plan = await writer.call(at(end, 16, 30), 'plans.get', { personId: p.id })
          const statuses: GoalStatus[] = ['realised', 'partly_realised', 'not_realised']
          await writer.call(at(end, 16, 30), 'plans.update', {
            personId: p.id,
            barriers: plan.barriers,
            aim: plan.aim,
            goals: plan.goals.map((g) => ({
              id: g.id,
              text: g.text,
              zrmDomain: g.zrmDomain,
              status: g.status === 'open' ? rng.pick(statuses) : g.status,
              closedOn: g.status === 'open' ? end : g.closedOn,
            })),
            reviews: plan.reviews.map((r) => ({
              ...r,
              doneOn: r.doneOn ?? (r.plannedOn <= end ? r.plannedOn : null),
            })),
          })
        },
      })
    }
  }

  // Contacts after matching: every three to eight weeks from the trial or placement on, while it
  // runs; the last one plans the next (some fall in this week, a few are overdue).
  const byPerson = new Map(people.map((p) => [p.id, p]))
  for (const pl of placements) {
    const person = byPerson.get(pl.personId)
    const start = pl.trialOn ?? pl.placedOn
    if (!person || !start || start > today) continue
    const stop = [pl.endedOn, person.outflowOn, today].filter((d): d is string => !!d).sort()[0]
    let day = addDays(start, rng.int(7, 21))
    let first = true
    while (day <= stop) {
      const next = addDays(day, rng.int(21, 56))
      const kind: ContactKind = first
        ? 'visit'
        : rng.chance(0.2)
          ? 'evaluation'
          : rng.pick<ContactKind>(['phone', 'phone', 'visit', 'meeting', 'other'])
      const contactDay = day
      const planned = next > stop && stop < today ? null : next
      actions.push({
        instant: at(contactDay, 11, rng.int(0, 59)),
        run: async () => {
          await writer.call(at(contactDay, 11), 'contacts.log', {
            personId: person.id,
            contactedOn: contactDay,
            kind,
            note: rng.pick(CONTACT_NOTES[kind]),
            nextOn: planned,
          })
          summary.contacts++
        },
      })
      first = false
      day = next
    }
  }

  // Hours: the month grid of every month of the last year, logged in the first days of the next
  // month; last month is done for about two thirds of the rows, so the dashboard has work.
  const thisMonth = today.slice(0, 7)
  const lastMonth = addMonths(`${thisMonth}-01`, -1).slice(0, 7)
  for (const month of monthsBetween(yearAgo.slice(0, 7), lastMonth)) {
    const first = `${month}-01`
    const last = addDays(addMonths(first, 1), -1)
    const entries: MethodInput<'hours.log'>['entries'] = []
    for (const pl of placements) {
      const start = pl.trialOn ?? pl.placedOn
      if (!start || start > last || (pl.endedOn && pl.endedOn < first)) continue
      const person = byPerson.get(pl.personId)
      if (!person || person.registeredOn.slice(0, 7) > month) continue
      if (month === lastMonth && rng.chance(0.35)) continue
      // On average one half-day a week, a few more: 3 to 4 hours a half-day, in quarters.
      const hours = rng.int(6, 22) + rng.pick([0, 0.25, 0.5, 0.75])
      entries.push({ personId: pl.personId, placementId: pl.id, month, hours })
    }
    if (!entries.length) continue
    const loggedOn = addDays(addMonths(first, 1), rng.int(1, 6))
    if (loggedOn > today) continue
    actions.push({
      instant: at(loggedOn, 9, 30),
      run: async () => {
        await writer.call(at(loggedOn, 9, 30), 'hours.log', { entries })
        summary.hourRows += entries.length
      },
    })
  }

  actions.sort((a, b) => a.instant.localeCompare(b.instant))
  for (const a of actions) await a.run()
  return summary
}
