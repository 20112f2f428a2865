/**
 * The follow-up part of `--scale=large`: month hours (about 240,000 rows over ten years) and ZRM
 * measurements (at intake, every six months or so, and at the end) with their scores, planned
 * from the people and placements already written by the volunteers part, and written with
 * prepared statements in large transactions. Each written row gets the audit entry the app
 * would have made (hours: `create` of volunteerHours; a measurement: `create` of measurement),
 * pushed into the large seed's own list of events so the chain stays in time order.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { addDays, addMonths, daysBetween } from '../src/shared/dates'
import { ZRM11_DOMAINS } from '../src/shared/zrm'
import type { LargeRng } from './demo-large-volunteers'

/** Month-hour rows of the full large seed (20,000 people). */
export const LARGE_HOUR_ROWS = 240_000

/** The tables written here, for the large seed's list of tables whose indexes wait. */
export const LARGE_FOLLOWUP_TABLES = ['volunteer_hours', 'measurement', 'measurement_score']

/** An audit entry as the large seed collects them (scripts/demo-large.ts `AuditEvent`). */
export interface LargeFollowupEvent {
  at: string
  seq: number
  actor: 'coordinator'
  action: 'create'
  entityType: string
  entity: number
  household: null
  subject: { kind: string; id: number }
  fields: string
  detail: string | null
}

export interface LargeFollowupSummary {
  hourRows: number
  measurements: number
  scores: number
}

const two = (n: number): string => String(n).padStart(2, '0')
const atOn = (day: string, minute: number): string =>
  `${day}T${two(8 + Math.floor(minute / 60))}:${two(minute % 60)}:00.000Z`

function monthsOf(first: string, last: string): string[] {
  const out: string[] = []
  for (let m = first; m <= last; m = addMonths(`${m}-01`, 1).slice(0, 7)) out.push(m)
  return out
}

/**
 * Plans and writes hours and measurements for everyone in the database up to `today` (the
 * people and placements must be written before; their indexes may be set aside). `hourRows` is
 * the number of month-hour rows to aim at: every (placement, month) a placement ran is a
 * candidate, thinned at random where there are more (a month not logged), topped up with hours
 * without a placement for people in their trajectory where there are fewer.
 */
export function writeLargeFollowup(
  sqlite: Database.Database,
  rng: LargeRng,
  today: string,
  events: { push(e: LargeFollowupEvent): unknown },
  seq: () => number,
  hourRows = LARGE_HOUR_ROWS,
): LargeFollowupSummary {
  const people = sqlite
    .prepare(
      'select id, registered_on as r, intake_on as i, outflow_on as o from person order by id',
    )
    .all() as { id: number; r: string; i: string | null; o: string | null }[]
  const placements = sqlite
    .prepare(
      `select id, person_id as p, coalesce(trial_on, placed_on) as s, ended_on as e from placement
        where step in ('trial', 'placed', 'ended') and coalesce(trial_on, placed_on) is not null
        order by id`,
    )
    .all() as { id: number; p: number; s: string; e: string | null }[]
  const lastMonth = addMonths(`${today.slice(0, 7)}-01`, -1).slice(0, 7)

  // Hours: candidates first, then thinned or topped up to the aim.
  const candidates: [number, number | null, string][] = []
  for (const pl of placements) {
    const last = pl.e && pl.e.slice(0, 7) < lastMonth ? pl.e.slice(0, 7) : lastMonth
    for (const m of monthsOf(pl.s.slice(0, 7), last)) candidates.push([pl.p, pl.id, m])
  }
  let rows = candidates
  if (candidates.length > hourRows) {
    const keep = hourRows / candidates.length
    rows = candidates.filter(() => rng.chance(keep))
  } else {
    const inTrajectory = people.filter((p) => p.i && p.i.slice(0, 7) <= lastMonth)
    const seen = new Set<string>()
    // Bounded: a small seed may not have that many months in anyone's trajectory.
    for (
      let tries = 0;
      rows.length < hourRows && inTrajectory.length && tries < hourRows * 5;
      tries++
    ) {
      const p = rng.pick(inTrajectory)
      const end = p.o && p.o.slice(0, 7) < lastMonth ? p.o.slice(0, 7) : lastMonth
      const months = monthsOf((p.i as string).slice(0, 7), end)
      const m = rng.pick(months)
      const key = `${p.id}:${m}`
      if (seen.has(key)) continue
      seen.add(key)
      rows.push([p.id, null, m])
    }
  }
  const hourStmt = sqlite.prepare(
    `insert into volunteer_hours (id, person_id, placement_id, month, hours, created_at,
      updated_at) values (?, ?, ?, ?, ?, ?, ?)`,
  )
  let hourId = Number(
    (sqlite.prepare('select coalesce(max(id), 0) as n from volunteer_hours').get() as { n: number })
      .n,
  )
  const writeHours = sqlite.transaction((part: typeof rows) => {
    for (const [personId, placementId, month] of part) {
      const id = ++hourId
      // Logged in the first days of the next month, from the month grid; last month's hours
      // no later than today (on the 2nd, logged on the 1st or the 2nd).
      const next = addMonths(`${month}-01`, 1)
      const after = rng.int(0, 5)
      const room = daysBetween(next, today)
      const at = atOn(addDays(next, room < after ? after % (room + 1) : after), rng.int(0, 479))
      const hours = rng.int(4, 24) + rng.pick([0, 0.25, 0.5, 0.75])
      hourStmt.run(id, personId, placementId, month, hours, at, at)
      events.push({
        at,
        seq: seq(),
        actor: 'coordinator',
        action: 'create',
        entityType: 'volunteerHours',
        entity: id,
        household: null,
        subject: { kind: 'person', id: personId },
        fields: placementId === null ? 'month,hours' : 'month,hours,placementId',
        detail: month,
      })
    }
  })
  for (let i = 0; i < rows.length; i += 20_000) writeHours(rows.slice(i, i + 20_000))

  // Measurements: at intake, then every five to seven months while in the trajectory, and at
  // the end; scores drift up slowly, now and then down.
  const mStmt = sqlite.prepare(
    `insert into measurement (id, person_id, measured_on, moment, version, ladder,
      by_account_id, created_at, progress_scores) values (?, ?, ?, ?, 'zrm11', null, null, ?, ?)`,
  )
  const sStmt = sqlite.prepare(
    'insert into measurement_score (measurement_id, domain, score) values (?, ?, ?)',
  )
  let mId = Number(
    (sqlite.prepare('select coalesce(max(id), 0) as n from measurement').get() as { n: number }).n,
  )
  let measurements = 0
  let scoreRows = 0
  const writeMeasurements = sqlite.transaction((part: typeof people) => {
    for (const p of part) {
      if (!p.i || p.i > today) continue
      const end = p.o && p.o <= today ? p.o : null
      const days: [string, string][] = [[p.i, 'intake']]
      for (
        let d = addMonths(p.i, rng.int(5, 7));
        d < (end ?? today);
        d = addMonths(d, rng.int(5, 7))
      )
        days.push([d, 'reassessment'])
      if (end && end > p.i) days.push([end, 'end'])
      const scores = ZRM11_DOMAINS.map(() => rng.int(1, 4))
      for (const [day, moment] of days) {
        if (moment !== 'intake')
          for (let k = 0; k < scores.length; k++)
            scores[k] = Math.max(
              1,
              Math.min(5, scores[k] + (rng.chance(0.3) ? 1 : rng.chance(0.08) ? -1 : 0)),
            )
        const id = ++mId
        const at = atOn(day, rng.int(0, 479))
        mStmt.run(id, p.id, day, moment, at, scores.join(''))
        ZRM11_DOMAINS.forEach((domain, k) => sStmt.run(id, domain, scores[k]))
        measurements++
        scoreRows += ZRM11_DOMAINS.length
        events.push({
          at,
          seq: seq(),
          actor: 'coordinator',
          action: 'create',
          entityType: 'measurement',
          entity: id,
          household: null,
          subject: { kind: 'person', id: p.id },
          fields: [
            'measuredOn',
            'moment',
            'version',
            ...ZRM11_DOMAINS.map((d) => `score.${d}`),
          ].join(','),
          detail: null,
        })
      }
    }
  })
  for (let i = 0; i < people.length; i += 5_000) writeMeasurements(people.slice(i, i + 5_000))
  return { hourRows: rows.length, measurements, scores: scoreRows }
}
