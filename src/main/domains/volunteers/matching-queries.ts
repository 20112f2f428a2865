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
import { MATCHING_PEOPLE, MATCHING_REGISTER } from '../../db/schema'
import { dayNumber } from '../../../shared/dates'
import { placeKey } from '../../../shared/search-key'

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

/**
 * Everyone who can still be matched, column by column (index `i` of each array is one person, in
 * id order): no names, no lists, no object per person. Shared between calls: never changed.
 */
export interface CandidateBase {
  ids: readonly number[]
  masks: readonly number[]
  interestCounts: readonly number[]
  goalCounts: readonly number[]
  /**
   * The intake day (or the registration day without one) as a `dayNumber`, and the place as a
   * `placeKey`: worked out once per read, not per look.
   */
  sinceDays: readonly number[]
  placeKeys: readonly (string | null)[]
}

/** The same people as numbers about one vacancy: how much of what it asks each one has. */
export interface CandidateColumns extends CandidateBase {
  /** Of the place's skills, interests and learning goals: how many the person has. */
  skillsMatched: Uint8Array
  interestsMatched: Uint8Array
  goalsMatched: Uint8Array
  /** The person's limitations that rule the place out. */
  limitationHits: Uint8Array
}

/** The running placements (proposed up to placed), column by column. */
export interface RunningColumns {
  personIds: readonly number[]
  vacancyIds: readonly number[]
  steps: readonly string[]
  masks: readonly number[]
}

/** A parameter list for `in (...)` of a non-empty list. */
function inValues(values: readonly (number | string)[]): RawBuilder<unknown> {
  return sql.join(values.map((x) => sql`${x}`))
}

/** People per statement of a list: a few milliseconds of SQLite each on the shop's PC. */
const PEOPLE_PER_READ = 4000

/** Lets other work (another window's call, a timer) run before going on. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/** A JSON array SQLite built, read back; an empty list when there were no rows. */
function parsed<T>(text: string | null | undefined): T[] {
  return text ? (JSON.parse(text) as T[]) : []
}

/** The register as one connection read it, and the counts it was read at. */
interface Register {
  /** The count `MATCHING_REGISTER`: when it moves, the register is read whole again. */
  change: number
  /** The count `MATCHING_PEOPLE`: people marked after it are read again one by one. */
  seq: number
  people: CandidateBase
  running: RunningColumns
  /** Person id to index in the columns. */
  at: Map<number, number>
  /** Every person in the table, candidate or not (for the count of those who are not). */
  everyone: Set<number>
  /**
   * Who holds each option asked so far (person ids), filled as vacancies ask them. A list is
   * never changed in place: a person's change replaces the lists they were or are in.
   */
  holders: Map<number, readonly number[]>
  /** Goes up with every update in place, so a look can tell it ranked over one state. */
  version: number
  /** Whether every option's holders were read (`keepAllHolders`). */
  allHolders?: boolean
}

/**
 * The last register read over each connection (its query builder: a restore or a worker's new
 * connection makes a new one, so a register never outlives its database).
 */
const registers = new WeakMap<Db, Register>()

/** Above this many marked people the register is read whole rather than person by person. */
const MARKED_AT_MOST = 1000

/**
 * The two counts the register is kept by (migrations 0023 and 0024); null before them. Read
 * before anything of the register, so a change that lands in between makes the next look read
 * it again rather than keep a stale part.
 */
async function registerCounts(db: Db): Promise<{ change: number; seq: number } | null> {
  const rows = await db
    .selectFrom('keptChange')
    .select(['name', 'n'])
    .where('name', 'in', [MATCHING_REGISTER, MATCHING_PEOPLE])
    .execute()
  const change = rows.find((r) => r.name === MATCHING_REGISTER)
  const seq = rows.find((r) => r.name === MATCHING_PEOPLE)
  return change && seq ? { change: Number(change.n), seq: Number(seq.n) } : null
}

/** A person's part of the register, as one statement of `readPeople` gives it. */
interface PeopleColumns {
  ids: number[]
  waitingSince: string[]
  places: (string | null)[]
  masks: number[]
  interestCounts: number[]
  goalCounts: number[]
}

/**
 * The register's columns of the people who can still be matched (not left, not anonymised)
 * among those `where` picks. Each statement answers a few JSON arrays of plain numbers or dates
 * that SQLite builds (one row of text): handing thousands of rows to JavaScript one by one, or an
 * array per person, cost more than SQLite's reading.
 */
async function readPeople(db: Db, where: RawBuilder<unknown>, into: PeopleColumns): Promise<void> {
  const part = await sql<{
    i: string | null
    w: string | null
    p: string | null
    m: string | null
    ic: string | null
    gc: string | null
  }>`select json_group_array(p.id) as i,
      json_group_array(coalesce(p.intake_on, p.registered_on)) as w,
      json_group_array(p.place) as p, json_group_array(p.slot_mask) as m,
      json_group_array(p.interest_count) as ic, json_group_array(p.goal_count) as gc
    from person p indexed by person_matchable
    where p.status in (${MATCHABLE}) and p.anonymised_at is null and ${where}`.execute(db)
  const r = part.rows[0]
  into.ids.push(...parsed<number>(r?.i))
  into.waitingSince.push(...parsed<string>(r?.w))
  into.places.push(...parsed<string | null>(r?.p))
  into.masks.push(...parsed<number>(r?.m))
  into.interestCounts.push(...parsed<number>(r?.ic))
  into.goalCounts.push(...parsed<number>(r?.gc))
}

/** Running placements of the people `where` picks (of `pl`), as columns. */
async function readRunning(db: Db, where: RawBuilder<unknown>): Promise<RunningColumns> {
  const rows = await sql<{
    p: string | null
    v: string | null
    s: string | null
    m: string | null
  }>`
    select json_group_array(pl.person_id) as p, json_group_array(pl.vacancy_id) as v,
      json_group_array(pl.step) as s, json_group_array(pl.slot_mask) as m
    from placement pl indexed by placement_step_mask where pl.step in (${ACTIVE}) and ${where}`.execute(
    db,
  )
  const r = rows.rows[0]
  return {
    personIds: parsed<number>(r?.p),
    vacancyIds: parsed<number>(r?.v),
    steps: parsed<string>(r?.s),
    masks: parsed<number>(r?.m),
  }
}

/** Works out each day and place once: many people share a day and a place. */
function worked(columns: PeopleColumns): { sinceDays: number[]; placeKeys: (string | null)[] } {
  const dayOf = new Map<string, number>()
  const keyOf = new Map<string | null, string | null>()
  return {
    sinceDays: columns.waitingSince.map((day) => {
      let n = dayOf.get(day)
      if (n === undefined) dayOf.set(day, (n = dayNumber(day)))
      return n
    }),
    placeKeys: columns.places.map((place) => {
      let key = keyOf.get(place)
      if (key === undefined) keyOf.set(place, (key = placeKey(place)))
      return key
    }),
  }
}

const emptyColumns = (): PeopleColumns => ({
  ids: [],
  waitingSince: [],
  places: [],
  masks: [],
  interestCounts: [],
  goalCounts: [],
})

/** Everyone who can still be matched, and every running placement: the whole register. */
async function readRegister(db: Db, counts: { change: number; seq: number }): Promise<Register> {
  const [running, bounds, everyone] = await Promise.all([
    readRunning(db, sql`1`),
    db
      .selectFrom('person')
      .select((eb) => [eb.fn.min('id').as('lo'), eb.fn.max('id').as('hi')])
      .executeTakeFirstOrThrow(),
    sql<{ j: string | null }>`select json_group_array(id) as j from person`.execute(db),
  ])
  const columns = emptyColumns()
  // Everything read of a person is kept on the person (migration 0022: half-days as a mask, the
  // number of interests and learning goals) and in the partial index `person_matchable`, so
  // this reads one index, in id order. better-sqlite3 answers synchronously: one statement over
  // everyone would hold main's thread for its whole length. In ranges of ids, with a turn of the
  // event loop between them, no stretch grows with the number of people.
  const lo = Number(bounds.lo ?? 1)
  const hi = Number(bounds.hi ?? 0)
  for (let from = lo; from <= hi; from += PEOPLE_PER_READ) {
    if (from > lo) await nextTurn()
    await readPeople(db, sql`p.id between ${from} and ${from + PEOPLE_PER_READ - 1}`, columns)
  }
  const at = new Map<number, number>()
  for (let i = 0; i < columns.ids.length; i++) at.set(columns.ids[i], i)
  const { sinceDays, placeKeys } = worked(columns)
  return {
    ...counts,
    people: {
      ids: columns.ids,
      masks: columns.masks,
      interestCounts: columns.interestCounts,
      goalCounts: columns.goalCounts,
      sinceDays,
      placeKeys,
    },
    running,
    at,
    everyone: new Set(parsed<number>(everyone.rows[0]?.j)),
    holders: new Map(),
    version: 0,
  }
}

/**
 * Brings the register up to date for the people marked since it was read (migration 0024): only
 * their rows, running placements and options are read, then the register is changed in one
 * stretch with no wait in it. False when too many were marked (reading it whole is quicker).
 */
async function updateRegister(
  db: Db,
  register: Register,
  counts: { change: number; seq: number },
): Promise<boolean> {
  const marked = (
    await db
      .selectFrom('keptPersonChange')
      .select('personId')
      .where('n', '>', register.seq)
      .limit(MARKED_AT_MOST + 1)
      .execute()
  ).map((r) => Number(r.personId))
  if (marked.length > MARKED_AT_MOST) return false
  const ids = sql`(select value from json_each(${JSON.stringify(marked)}))`
  const fresh = emptyColumns()
  const cachedOptions = [...register.holders.keys()]
  const [, running, options, existing] = await Promise.all([
    readPeople(db, sql`p.id in ${ids}`, fresh),
    readRunning(db, sql`pl.person_id in ${ids}`),
    cachedOptions.length
      ? db
          .selectFrom('personOption')
          .select(['personId', 'optionId'])
          .where(sql<boolean>`person_id in ${ids}`)
          .where('optionId', 'in', cachedOptions)
          .execute()
      : Promise.resolve([]),
    db
      .selectFrom('person')
      .select('id')
      .where(sql<boolean>`id in ${ids}`)
      .execute(),
  ])
  // Another look may have brought it up to date meanwhile: then these reads are not needed.
  if (register.seq >= counts.seq) return true
  // From here on nothing waits: the register changes in one stretch.
  const gone = new Set(marked)
  const { sinceDays: freshDays, placeKeys: freshKeys } = worked(fresh)
  const people = register.people as {
    [K in keyof CandidateBase]: CandidateBase[K] extends readonly (infer E)[] ? E[] : never
  }
  const at = register.at
  // Those marked who can no longer be matched leave; the last one takes each empty place.
  const stillIn = new Set(fresh.ids)
  for (const id of marked) {
    const i = at.get(id)
    if (i === undefined || stillIn.has(id)) continue
    const last = people.ids.length - 1
    for (const column of Object.values(people) as unknown[][]) {
      column[i] = column[last]
      column.pop()
    }
    if (i !== last) at.set(people.ids[i], i)
    at.delete(id)
  }
  for (let k = 0; k < fresh.ids.length; k++) {
    const id = fresh.ids[k]
    let i = at.get(id)
    if (i === undefined) at.set(id, (i = people.ids.length))
    people.ids[i] = id
    people.masks[i] = fresh.masks[k]
    people.interestCounts[i] = fresh.interestCounts[k]
    people.goalCounts[i] = fresh.goalCounts[k]
    people.sinceDays[i] = freshDays[k]
    people.placeKeys[i] = freshKeys[k]
  }
  for (const id of marked) register.everyone.delete(id)
  for (const r of existing) register.everyone.add(Number(r.id))
  const keep = register.running.personIds.map((id) => !gone.has(id))
  const was = register.running
  register.running = {
    personIds: [...was.personIds.filter((_, k) => keep[k]), ...running.personIds],
    vacancyIds: [...was.vacancyIds.filter((_, k) => keep[k]), ...running.vacancyIds],
    steps: [...was.steps.filter((_, k) => keep[k]), ...running.steps],
    masks: [...was.masks.filter((_, k) => keep[k]), ...running.masks],
  }
  const heldNow = new Map<number, number[]>()
  for (const o of options) {
    const l = heldNow.get(o.optionId)
    if (l) l.push(o.personId)
    else heldNow.set(o.optionId, [o.personId])
  }
  const holds = (list: readonly number[]): boolean =>
    marked.length <= 8 ? marked.some((id) => list.includes(id)) : list.some((id) => gone.has(id))
  for (const [optionId, list] of register.holders) {
    const added = heldNow.get(optionId) ?? []
    if (added.length || holds(list))
      register.holders.set(optionId, [...list.filter((id) => !gone.has(id)), ...added])
  }
  register.seq = counts.seq
  register.version++
  return true
}

/** The register over this connection, read whole or brought up to date as needed. */
async function currentRegister(db: Db): Promise<Register> {
  const counts = await registerCounts(db)
  // Before migration 0024 (a test of an older schema): read whole every time.
  if (!counts) return readRegister(db, { change: -1, seq: -1 })
  const kept = registers.get(db)
  if (kept && kept.change === counts.change)
    if (kept.seq >= counts.seq || (await updateRegister(db, kept, counts))) return kept
  const register = await readRegister(db, counts)
  registers.set(db, register)
  return register
}

/**
 * Who holds each of the options (person ids, one list per option), kept in the register. A list
 * is kept only when no change was brought in while it was read: then it is at least as new as
 * the register, and whoever changed since is marked and put right at the next update.
 */
async function holdersOf(
  db: Db,
  register: Register,
  optionIds: readonly number[],
): Promise<number[]> {
  const missing = optionIds.filter((id) => !register.holders.has(id))
  if (missing.length) {
    const version = register.version
    // Only the rows of those few options (the index `person_option_option`).
    const rows = await sql<{ o: number; j: string | null }>`select po.option_id as o,
        json_group_array(po.person_id) as j
      from person_option po indexed by person_option_option
      where po.option_id in (${inValues(missing)}) group by po.option_id`.execute(db)
    const read = new Map<number, number[]>(missing.map((id) => [id, []]))
    for (const r of rows.rows) read.set(Number(r.o), parsed<number>(r.j))
    if (register.version === version)
      for (const [id, list] of read) if (!register.holders.has(id)) register.holders.set(id, list)
    return optionIds.flatMap((id) => register.holders.get(id) ?? read.get(id) ?? [])
  }
  return optionIds.flatMap((id) => register.holders.get(id) ?? [])
}

/**
 * Reads who holds every option at once into the register over `db`, once per register: the
 * first look at each vacancy then finds its lists kept. A worker asks for this after answering
 * the look that read the register whole; it runs `afterMs` later (tens of milliseconds of reading
 * at ten years of data) and only if that register is still the one kept, so looks in a quick row
 * do not wait for it.
 */
export function keepAllHoldersLater(db: Db, afterMs: number): void {
  const register = registers.get(db)
  if (!register || register.allHolders) return
  register.allHolders = true
  const timer = setTimeout(() => {
    if (registers.get(db) !== register) return
    void db
      .selectFrom('volOption')
      .select('id')
      .execute()
      .then((options) =>
        holdersOf(
          db,
          register,
          options.map((o) => o.id),
        ),
      )
      .catch(() => undefined)
  }, afterMs)
  timer.unref?.()
}

/**
 * Everyone who can still be matched as numbers about vacancy `v`, every running placement, and
 * how many people there are in all. The register is kept between looks over the same connection
 * and brought up to date for the people changed since (migrations 0023 and 0024): looking at one
 * vacancy after another reads only what each one asks, and a change reads only its person.
 */
export async function readCandidateRows(
  db: Db,
  v: VacancyFacts,
): Promise<{
  people: CandidateColumns
  running: RunningColumns
  count: number
  /** False once another look changed the register since these columns were taken. */
  current: () => boolean
}> {
  const register = await currentRegister(db)
  const limitationIds = v.demands.length
    ? (
        await db
          .selectFrom('volOption')
          .select('id')
          .where('kind', '=', 'limitation')
          .where('demand', 'in', [...v.demands])
          .execute()
      ).map((o) => o.id)
    : []
  const [skillHolders, interestHolders, goalHolders, limitationHolders] = await Promise.all([
    holdersOf(
      db,
      register,
      v.skills.map((o) => o.id),
    ),
    holdersOf(
      db,
      register,
      v.interests.map((o) => o.id),
    ),
    holdersOf(
      db,
      register,
      v.learningGoals.map((o) => o.id),
    ),
    holdersOf(db, register, limitationIds),
  ])
  const version = register.version
  const n = register.people.ids.length
  const tally = (holderIds: readonly number[]): Uint8Array => {
    const out = new Uint8Array(n)
    for (const id of holderIds) {
      const i = register.at.get(id)
      if (i !== undefined) out[i]++
    }
    return out
  }
  return {
    people: {
      ...register.people,
      skillsMatched: tally(skillHolders),
      interestsMatched: tally(interestHolders),
      goalsMatched: tally(goalHolders),
      limitationHits: tally(limitationHolders),
    },
    running: register.running,
    count: register.everyone.size,
    current: () => register.version === version,
  }
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
