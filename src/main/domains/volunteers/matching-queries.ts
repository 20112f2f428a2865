import { sql, type RawBuilder } from 'kysely'
import type { NamedRef } from '../../../shared/schemas/common'
import {
  ACTIVE_STEPS,
  DEFAULT_MATCH_WEIGHTS,
  matchWeights,
  PLACEMENT_TAKING_STEPS,
  type MatchWeights,
} from '../../../shared/schemas/volunteers-matching'
import type { Db } from '../../context'

/*
 * The reads behind matching, each one set-based: a handful of statements per call whatever the
 * number of people or vacancies, never one per candidate. The rules themselves are in
 * matching-score.ts; these only gather the facts.
 */

// --- The facts the rules (matching-score.ts) decide on -------------------------------------------

/** A limitation of a person and the demand of a place it rules out. */
export interface LimitationFact {
  id: number
  name: string
  demand: string | null
}

/** Another running placement of the person: its half-days can not be given twice. */
export interface OtherPlacementFact {
  placementId: number
  vacancyId: number
  vacancyTitle: string
  mask: number
}

export interface PersonFacts {
  id: number
  /** Status "left" or anonymised: not a candidate for anything. */
  left: boolean
  place: string | null
  /** The intake day, or the registration day when there was no intake yet. */
  waitingSince: string
  hasIntake: boolean
  mask: number
  skillIds: ReadonlySet<number>
  interestIds: ReadonlySet<number>
  learningGoalIds: ReadonlySet<number>
  limitations: readonly LimitationFact[]
  /** Running placements of the person at other vacancies. */
  otherPlacements: readonly OtherPlacementFact[]
  /** A running placement of the person at this very vacancy, if any. */
  placementHere: { id: number; step: string } | null
}

export interface VacancyFacts {
  id: number
  active: boolean
  place: string | null
  places: number
  /** Running placements at the vacancy (proposed up to placed): each holds a place. */
  taken: number
  mask: number
  demands: readonly string[]
  skills: readonly NamedRef[]
  interests: readonly NamedRef[]
  learningGoals: readonly NamedRef[]
}

export const MATCHING_SETTINGS_KEY = 'volunteers.matching'

/** The weights as the admin set them; the defaults for whatever was never set or is unusable. */
export async function getMatchWeights(db: Db): Promise<MatchWeights> {
  const row = await db
    .selectFrom('setting')
    .select('value')
    .where('key', '=', MATCHING_SETTINGS_KEY)
    .executeTakeFirst()
  if (!row) return DEFAULT_MATCH_WEIGHTS
  let value: unknown
  try {
    value = JSON.parse(row.value)
  } catch {
    return DEFAULT_MATCH_WEIGHTS
  }
  const parsed = matchWeights.partial().safeParse(value)
  return { ...DEFAULT_MATCH_WEIGHTS, ...(parsed.success ? parsed.data : {}) }
}

const list = (codes: readonly string[]): RawBuilder<unknown> =>
  sql.join(codes.map((c) => sql.lit(c)))
const ACTIVE = list(ACTIVE_STEPS)
const TAKING = list(PLACEMENT_TAKING_STEPS)
/** People who can still be matched: not left, not anonymised. */
const MATCHABLE = list(['registered', 'intake', 'active'])

/** A half-day's bit in a 21-bit mask, as `halfDayBit` computes it, in SQL. */
function bitOf(alias: string): RawBuilder<number> {
  return sql<number>`(1 << ((${sql.ref(`${alias}.weekday`)} - 1) * 3 + case ${sql.ref(
    `${alias}.part`,
  )} when 'morning' then 0 when 'afternoon' then 1 else 2 end))`
}

/** The mask of an owner's half-days; the bits are distinct per row, so their sum is their OR. */
function maskOf(table: 'person_slot' | 'vacancy_slot' | 'placement_slot', ownerRef: string) {
  const owner =
    table === 'person_slot' ? 'person_id' : table === 'vacancy_slot' ? 'vacancy_id' : 'placement_id'
  return sql<number | null>`(select sum(${bitOf('s')}) from ${sql.table(table)} s
    where ${sql.ref(`s.${owner}`)} = ${sql.ref(ownerRef)})`
}

interface OptionRow {
  id: number
  kind: string
  name: string
  demand: string | null
}

/** Every option of the volunteers' lists by id: a few hundred rows at most. */
export async function optionMap(db: Db): Promise<Map<number, OptionRow>> {
  const rows = await db.selectFrom('volOption').select(['id', 'kind', 'name', 'demand']).execute()
  return new Map(rows.map((r) => [r.id, r]))
}

/** A vacancy with what the matching needs of it and what the screen shows of it. */
export interface VacancyRecord {
  facts: VacancyFacts
  title: string
  partnerId: number
  partnerName: string
  createdAt: string
}

interface VacancyRow {
  id: number
  title: string
  partnerId: number
  partnerName: string
  place: string | null
  places: number
  active: number
  createdAt: string
  taken: number
  mask: number | null
  options: string | null
  demands: string | null
}

function vacancyQuery(db: Db) {
  return db
    .selectFrom('vacancy as v')
    .innerJoin('partner as o', 'o.id', 'v.partnerId')
    .select([
      'v.id',
      'v.title',
      'v.partnerId',
      'o.name as partnerName',
      'v.place',
      'v.places',
      'v.active',
      'v.createdAt',
      sql<number>`(select count(*) from placement pl
        where pl.vacancy_id = v.id and pl.step in (${TAKING}))`.as('taken'),
      maskOf('vacancy_slot', 'v.id').as('mask'),
      sql<string | null>`(select group_concat(vo.option_id) from vacancy_option vo
        where vo.vacancy_id = v.id)`.as('options'),
      sql<string | null>`(select group_concat(d.demand) from vacancy_demand d
        where d.vacancy_id = v.id)`.as('demands'),
    ])
}

function ids(concat: string | null): number[] {
  return concat ? concat.split(',').map(Number) : []
}

function toVacancyRecord(r: VacancyRow, options: Map<number, OptionRow>): VacancyRecord {
  const skills: NamedRef[] = []
  const interests: NamedRef[] = []
  const learningGoals: NamedRef[] = []
  for (const id of ids(r.options)) {
    const o = options.get(id)
    if (!o) continue
    const ref = { id: o.id, name: o.name }
    if (o.kind === 'skill') skills.push(ref)
    else if (o.kind === 'interest') interests.push(ref)
    else if (o.kind === 'learning_goal') learningGoals.push(ref)
  }
  const byName = (a: NamedRef, b: NamedRef): number =>
    a.name.localeCompare(b.name, 'nl') || a.id - b.id
  return {
    facts: {
      id: r.id,
      active: r.active === 1,
      place: r.place,
      places: r.places,
      taken: Number(r.taken),
      mask: Number(r.mask ?? 0),
      demands: r.demands ? r.demands.split(',').sort() : [],
      skills: skills.sort(byName),
      interests: interests.sort(byName),
      learningGoals: learningGoals.sort(byName),
    },
    title: r.title,
    partnerId: r.partnerId,
    partnerName: r.partnerName,
    createdAt: r.createdAt,
  }
}

export async function readVacancyRecord(
  db: Db,
  id: number,
  options: Map<number, OptionRow>,
): Promise<VacancyRecord | null> {
  const r = await vacancyQuery(db).where('v.id', '=', id).executeTakeFirst()
  return r ? toVacancyRecord(r, options) : null
}

/** Every active vacancy, and how many there are besides that are not active. */
export async function readActiveVacancies(
  db: Db,
  options: Map<number, OptionRow>,
): Promise<{ records: VacancyRecord[]; inactive: number }> {
  const [rows, inactive] = await Promise.all([
    vacancyQuery(db).where('v.active', '=', 1).execute(),
    db
      .selectFrom('vacancy')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('active', '=', 0)
      .executeTakeFirstOrThrow(),
  ])
  return { records: rows.map((r) => toVacancyRecord(r, options)), inactive: Number(inactive.n) }
}

/** A person with what the matching needs and what the screen shows. */
export interface PersonRecord {
  facts: PersonFacts
  reference: string
  name: string
  status: string
}

interface PersonRow {
  id: number
  reference: string
  firstName: string
  lastName: string
  place: string | null
  status: string
  intakeOn: string | null
  registeredOn: string
  anonymisedAt: string | null
  mask: number | null
  options: string | null
}

function personQuery(db: Db) {
  return db.selectFrom('person as p').select([
    'p.id',
    'p.reference',
    'p.firstName',
    'p.lastName',
    'p.place',
    'p.status',
    'p.intakeOn',
    'p.registeredOn',
    'p.anonymisedAt',
    maskOf('person_slot', 'p.id').as('mask'),
    sql<string | null>`(select group_concat(po.option_id) from person_option po
        where po.person_id = p.id)`.as('options'),
  ])
}

interface PlacementRow {
  id: number
  personId: number
  vacancyId: number
  step: string
  title: string
  mask: number | null
}

/** Running placements (proposed up to placed) with their half-days, of some people. */
async function runningPlacements(db: Db, personIds: readonly number[]): Promise<PlacementRow[]> {
  return db
    .selectFrom('placement as pl')
    .innerJoin('vacancy as v', 'v.id', 'pl.vacancyId')
    .select([
      'pl.id',
      'pl.personId',
      'pl.vacancyId',
      'pl.step',
      'v.title',
      maskOf('placement_slot', 'pl.id').as('mask'),
    ])
    .where(sql<boolean>`pl.step in (${ACTIVE})`)
    .where('pl.personId', 'in', [...personIds])
    .execute()
}

function toPersonRecord(
  r: PersonRow,
  options: Map<number, OptionRow>,
  placements: readonly PlacementRow[],
  vacancyId: number | null,
): PersonRecord {
  const skillIds = new Set<number>()
  const interestIds = new Set<number>()
  const learningGoalIds = new Set<number>()
  const limitations: LimitationFact[] = []
  for (const id of ids(r.options)) {
    const o = options.get(id)
    if (!o) continue
    if (o.kind === 'skill') skillIds.add(id)
    else if (o.kind === 'interest') interestIds.add(id)
    else if (o.kind === 'learning_goal') learningGoalIds.add(id)
    else if (o.kind === 'limitation') limitations.push({ id, name: o.name, demand: o.demand })
  }
  limitations.sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.id - b.id)
  const otherPlacements: OtherPlacementFact[] = []
  let placementHere: PersonFacts['placementHere'] = null
  for (const pl of placements) {
    if (pl.vacancyId === vacancyId) placementHere ??= { id: pl.id, step: pl.step }
    else
      otherPlacements.push({
        placementId: pl.id,
        vacancyId: pl.vacancyId,
        vacancyTitle: pl.title,
        mask: Number(pl.mask ?? 0),
      })
  }
  return {
    facts: {
      id: r.id,
      left: r.status === 'left' || r.anonymisedAt !== null,
      place: r.place,
      waitingSince: r.intakeOn ?? r.registeredOn,
      hasIntake: r.intakeOn !== null,
      mask: Number(r.mask ?? 0),
      skillIds,
      interestIds,
      learningGoalIds,
      limitations,
      otherPlacements,
      placementHere,
    },
    reference: r.reference,
    name: `${r.firstName} ${r.lastName}`.trim(),
    status: r.status,
  }
}

/**
 * One person's facts; `vacancyId` tells a running placement there apart from those elsewhere (or
 * null: every running placement counts as elsewhere, as for ranking vacancies, where each
 * vacancy is told apart by `placementsAt`).
 */
export async function readPersonRecord(
  db: Db,
  id: number,
  options: Map<number, OptionRow>,
  vacancyId: number | null,
): Promise<{ record: PersonRecord; placements: PlacementRow[] } | null> {
  const [row, placements] = await Promise.all([
    personQuery(db).where('p.id', '=', id).executeTakeFirst(),
    runningPlacements(db, [id]),
  ])
  if (!row) return null
  return { record: toPersonRecord(row, options, placements, vacancyId), placements }
}

/** The same person's facts as seen from one vacancy (its own placement there is not "elsewhere"). */
export function personAt(
  record: PersonRecord,
  placements: readonly PlacementRow[],
  vacancyId: number,
): PersonFacts {
  const here = placements.find((pl) => pl.vacancyId === vacancyId)
  return {
    ...record.facts,
    placementHere: here ? { id: here.id, step: here.step } : null,
    otherPlacements: placements
      .filter((pl) => pl.vacancyId !== vacancyId)
      .map((pl) => ({
        placementId: pl.id,
        vacancyId: pl.vacancyId,
        vacancyTitle: pl.title,
        mask: Number(pl.mask ?? 0),
      })),
  }
}

/** A person who can still be matched, as numbers about one vacancy (no names, no lists). */
export interface CandidateRow {
  id: number
  /** The intake day, or the registration day without one. */
  waitingSince: string
  place: string | null
  mask: number
  skillsMatched: number
  interestsPerson: number
  interestsMatched: number
  goalsPerson: number
  goalsMatched: number
  limitationHits: number
}

/** A running placement as numbers: whose, where, in which step, on which half-days. */
export interface RunningRow {
  id: number
  personId: number
  vacancyId: number
  step: string
  mask: number
}

/** A parameter list for `in (...)`; an empty set for an empty one, which matches nothing. */
function inValues(values: readonly (number | string)[]): RawBuilder<unknown> {
  // An empty list is an empty set, so `x in (...)` is false (0). `in (null)` would be null, and
  // a null term makes the whole packed sum of that option null: one empty list of the place
  // (no interests asked) then hid the person's skills and limitations from the ranking.
  return values.length ? sql.join(values.map((x) => sql`${x}`)) : sql`select null where 0`
}

/** People per statement of a list: a few milliseconds of SQLite each on the shop's PC. */
const PEOPLE_PER_READ = 4000

/** Lets other work (another window's call, a timer) run before going on. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/** The six option counts of a person packed in one integer, six bits each (at most 50 a kind). */
const PACK = [1, 64, 4096, 262144, 16777216, 1073741824] as const

/**
 * Everyone who can still be matched (not left, not anonymised) as numbers about vacancy `v`, and
 * every running placement: a few statements whatever the number of people, each answering one
 * row of text (SQLite builds it: handing thousands of rows to JavaScript one by one costs more
 * than reading them). The place's own options are looked up once, not per person.
 */
export async function readCandidateRows(
  db: Db,
  v: VacancyFacts,
): Promise<{ rows: CandidateRow[]; running: RunningRow[]; people: number }> {
  // Everything read of a person is kept on the person (migration 0022: half-days as a mask, the
  // number of interests and learning goals) and in the partial index `person_matchable`, so
  // this reads one index, not every person's rows in four other tables.
  const people = sql<{ j: string | null }>`select json_group_array(json_array(
        p.id, coalesce(p.intake_on, p.registered_on), p.place, p.slot_mask,
        p.interest_count, p.goal_count)) as j
      from person p indexed by person_matchable
      where p.status in (${MATCHABLE}) and p.anonymised_at is null`
  // Which of the place's options each person has: only the rows of those few options (the index
  // `person_option_option`), as "person,option" pairs.
  const skills = new Set(v.skills.map((o) => o.id))
  const interests = new Set(v.interests.map((o) => o.id))
  const goals = new Set(v.learningGoals.map((o) => o.id))
  const limitations = new Set(
    v.demands.length
      ? (
          await db
            .selectFrom('volOption')
            .select('id')
            .where('kind', '=', 'limitation')
            .where('demand', 'in', [...v.demands])
            .execute()
        ).map((o) => o.id)
      : [],
  )
  const asked = [...skills, ...interests, ...goals, ...limitations]
  const [running, all, held] = await Promise.all([
    sql<{ j: string | null }>`select json_group_array(json_array(
        pl.id, pl.person_id, pl.vacancy_id, pl.step, pl.slot_mask)) as j
      from placement pl indexed by placement_step_mask where pl.step in (${ACTIVE})`.execute(db),
    db
      .selectFrom('person')
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.min('id').as('lo'),
        eb.fn.max('id').as('hi'),
      ])
      .executeTakeFirstOrThrow(),
    asked.length
      ? sql<{ t: string | null }>`select group_concat(po.person_id || ',' || po.option_id, ';') as t
          from person_option po indexed by person_option_option
          where po.option_id in (${inValues(asked)})`.execute(db)
      : Promise.resolve({ rows: [] as { t: string | null }[] }),
  ])
  // Per person: skills, interests and goals matched, and limitations that rule the place out,
  // packed as six bits each (as `unpack` reads them).
  const hits = new Map<number, number>()
  const text = held.rows[0]?.t ?? ''
  for (let at = 0; at < text.length;) {
    let end = text.indexOf(';', at)
    if (end < 0) end = text.length
    const comma = text.indexOf(',', at)
    const person = Number(text.slice(at, comma))
    const option = Number(text.slice(comma + 1, end))
    at = end + 1
    const add = skills.has(option)
      ? PACK[0]
      : interests.has(option)
        ? PACK[2]
        : goals.has(option)
          ? PACK[4]
          : limitations.has(option)
            ? PACK[5]
            : 0
    if (add) hits.set(person, (hits.get(person) ?? 0) + add)
  }
  const unpack = (n: number, i: number): number => Math.floor(n / PACK[i]) % 64
  const rows: CandidateRow[] = []
  // better-sqlite3 answers synchronously: one statement over everyone would hold main's thread
  // for its whole length. In ranges of ids, with a turn of the event loop between them, no
  // stretch grows with the number of people.
  const lo = Number(all.lo ?? 1)
  const hi = Number(all.hi ?? 0)
  for (let from = lo; from <= hi; from += PEOPLE_PER_READ) {
    if (from > lo) await nextTurn()
    const part = await sql<{ j: string | null }>`${people}
      and p.id between ${from} and ${from + PEOPLE_PER_READ - 1}`.execute(db)
    for (const [id, waitingSince, place, mask, interestCount, goalCount] of JSON.parse(
      part.rows[0]?.j ?? '[]',
    ) as [number, string, string | null, number, number, number][]) {
      const packed = hits.get(id) ?? 0
      rows.push({
        id,
        waitingSince,
        place,
        mask,
        skillsMatched: unpack(packed, 0),
        interestsPerson: interestCount,
        interestsMatched: unpack(packed, 2),
        goalsPerson: goalCount,
        goalsMatched: unpack(packed, 4),
        limitationHits: unpack(packed, 5),
      })
    }
  }
  const runningRows = (
    JSON.parse(running.rows[0]?.j ?? '[]') as [number, number, number, string, number][]
  ).map(([id, personId, vacancyId, step, mask]) => ({ id, personId, vacancyId, step, mask }))
  return { rows, running: runningRows, people: Number(all.n) }
}

/** The full facts of a few people (the shown part of a list), seen from vacancy `vacancyId`. */
export async function readPersonRecords(
  db: Db,
  ids: readonly number[],
  options: Map<number, OptionRow>,
  vacancyId: number,
): Promise<PersonRecord[]> {
  if (!ids.length) return []
  const [rows, placements] = await Promise.all([
    personQuery(db)
      .where('p.id', 'in', [...ids])
      .execute(),
    runningPlacements(db, ids),
  ])
  const byPerson = new Map<number, PlacementRow[]>()
  for (const pl of placements) {
    const l = byPerson.get(pl.personId)
    if (l) l.push(pl)
    else byPerson.set(pl.personId, [pl])
  }
  const byId = new Map(rows.map((r) => [r.id, r]))
  return ids.flatMap((id) => {
    const r = byId.get(id)
    return r ? [toPersonRecord(r, options, byPerson.get(id) ?? [], vacancyId)] : []
  })
}
