/**
 * Volunteers for residents in `--scale=large` (issue 16): the Vrijwilligersacademie's 40 courses
 * and some 400 sessions over the ten years (5-15 people of the register each, now and then a staff
 * member or two, guests from other organisations, with their marks), about 2,500 informal carers
 * among the people of the register (one to six dated loads, up to four times support), and about
 * 6,000 help requests of every kind, from carers, families of the shop and residents known by a
 * name only. Old requests have mostly ended (many after a match), recent ones are open or
 * matched; a matched request names a volunteer who passes the hard filters of the matching
 * engine on the day of the match: in the register and not left, a shared half-day, no limitation
 * against a demand, and every required course completed before.
 *
 * Planned in memory before the large seed writes its audit log (each row gets the entries the app
 * would have made, pushed into the seed's list of events so the chain stays in time order), and
 * written with prepared statements once the families have their ids (`writeLargeSupport`), while
 * the indexes and kept-figure triggers of these tables are set aside.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { addDays, addMonths, daysBetween } from '../src/shared/dates'
import type { Demand } from '../src/shared/schemas/volunteers'
import { halfDaysToMask } from '../src/shared/schemas/volunteers-matching'
import type { CarerSupportKind, HelpStatus } from '../src/shared/schemas/support'
import type { LargePerson, LargeRng } from './demo-large-volunteers'
import {
  ASKED,
  HELP_KIND_NAMES,
  REQUIRED_FOR,
  SUPPORT_COURSES,
  requestDemands,
  requestHalfDays,
  type HelpKindName,
} from './demo-support'

/** The full size, at 20,000 people; a smaller seed scales them with its people. */
export const LARGE_COURSES = 40
export const LARGE_SESSIONS = 400
export const LARGE_CARERS = 2_500
export const LARGE_HELP_REQUESTS = 6_000

/** The tables written here, for the large seed's list of tables whose indexes wait. */
export const LARGE_SUPPORT_TABLES = [
  'training_course',
  'training_session',
  'training_participant',
  'training_external_mark',
  'help_request',
  'help_request_demand',
  'help_request_course',
  'informal_carer',
  'carer_load',
  'carer_support',
]

/** An audit entry as the large seed collects them (scripts/demo-large.ts `AuditEvent`). */
export interface LargeSupportEvent<H> {
  at: string
  seq: number
  actor: 'coordinator'
  action: 'create' | 'update'
  entityType: string
  entity: number
  /** The family a request is about (its id is known only when the shop's rows are written). */
  household: H | null
  subject: { kind: string; id: number } | null
  fields: string
  detail: null
}

/** A family of the shop that may ask for help between its first and last contact. */
export interface LargeSupportHousehold<H> {
  row: H
  since: string
  until: string
}

interface Course {
  id: number
  title: string
  level: string
  givenBy: string
  active: boolean
  createdAt: string
}

interface Session {
  id: number
  courseId: number
  date: string
  place: string
  externalCount: number
  externalMarks: number[]
  participants: {
    accountId: number | null
    personId: number | null
    completed: boolean
    mark: number | null
  }[]
  createdAt: string
}

interface Carer {
  personId: number
  caresFor: string
  caringSince: string | null
  registeredOn: string
  endedOn: string | null
  consent: boolean
  createdAt: string
  updatedAt: string
}

interface Load {
  id: number
  personId: number
  measuredOn: string
  load: number
  createdAt: string
}

interface Support {
  id: number
  personId: number
  kind: CarerSupportKind
  givenOn: string
  note: string | null
  createdAt: string
}

interface Request<H> {
  id: number
  kindId: number
  household: H | null
  personId: number | null
  requesterName: string | null
  requesterContact: string | null
  asked: string
  place: string | null
  slotMask: number
  endsOn: string | null
  status: HelpStatus
  openedOn: string
  matchedOn: string | null
  endedOn: string | null
  volunteerId: number | null
  endNote: string | null
  demands: Demand[]
  courseIds: number[]
  createdAt: string
  matchedAt: string | null
  updatedAt: string
}

export interface LargeSupportPlan<H> {
  courses: Course[]
  sessions: Session[]
  carers: Carer[]
  loads: Load[]
  support: Support[]
  requests: Request<H>[]
}

export interface LargeSupportSummary {
  courses: number
  sessions: number
  participants: number
  externalMarks: number
  carers: number
  loads: number
  support: number
  requests: number
  byStatus: Record<HelpStatus, number>
}

const EXTRA_COURSES = [
  'EHBO voor vrijwilligers',
  'Gespreksvaardigheden',
  'Omgaan met agressie',
  'Privacy en de AVG',
  'Reanimatie en AED',
  'Grenzen stellen als vrijwilliger',
  'Omgaan met schulden',
  'Laaggeletterdheid herkennen',
  'Digitale vaardigheden voor ouderen',
  'Mantelzorg en werk',
  'Niet-aangeboren hersenletsel',
  'Psychische kwetsbaarheid',
  'Rouw en verlies',
  'Cultuursensitief werken',
  'Rolstoelvaardigheid',
  'Tilinstructie',
  'Koken voor een groep',
  'Voedselveiligheid',
  'Training voor coördinatoren',
  'Intervisie voor maatjes',
  'Palliatieve zorg thuis',
  'Autisme in het gezin',
  'Ouderenmishandeling signaleren',
  'Valpreventie',
  'Eenzaamheid bij jongeren',
  'Sociale kaart van Eemstad',
  'Budgetcoach',
  'Formulierenhulp',
  'Voorlezen aan kinderen',
  'Taalmaatje',
  'Veilig klussen in huis',
  'Vervoer van rolstoelgebruikers',
  'Basiscursus vrijwilligerswerk, vervolg',
  'Dementievriendelijke buurt',
  'Omgaan met verslaving',
]
const GIVERS = [
  'Vrijwilligersacademie',
  'Steunpunt Mantelzorg Eemland',
  'GGD regio Eemland',
  'Wijkteam Eemstad',
  'Ontmoetingscentrum De Eemhof',
]
const PLACES = [
  'Buurthuis De Linde, Eemstad',
  'Wijkcentrum Hoogland',
  'Kantoor Stichting Dichtbij',
  'Bibliotheek Eemstad',
  'Dorpshuis Eemdijk',
]
const CARES_FOR = [
  'partner met dementie',
  'zoon met een beperking',
  'dochter met een chronische ziekte',
  'moeder, die na een beroerte hulp nodig heeft',
  'vader met de ziekte van Parkinson',
  'partner met kanker',
  'broer met psychische problemen',
  'buurvrouw die slecht ter been is',
  'ouders, die allebei hulp nodig hebben',
  'kind met autisme',
]
const SUPPORT_NOTES: Record<CarerSupportKind, readonly (string | null)[]> = {
  respite: ['Een vrijwilliger komt wekelijks een middag', 'Logeeropvang via het wijkteam', null],
  course: ['Cursus Omgaan met dementie', 'Cursus Respijtzorg thuis', null],
  activity: ['Mantelzorgcafé', 'Dag van de Mantelzorg', null],
  other: ['Gesprek met de mantelzorgconsulent', null],
}
const END_MATCHED = [
  'Hulp afgerond',
  'De mantelzorger kan het weer zelf aan',
  'Bewoner verhuisd naar een verpleeghuis',
  'Vrijwilliger gestopt',
  null,
]
const END_OPEN = [
  'Vraag ingetrokken',
  'Elders geholpen, via het wijkteam',
  'Geen passende vrijwilliger gevonden',
]
const CONTACTS = [
  'Mevrouw Hendriks',
  'Meneer Bakker',
  'Familie El Idrissi',
  'Mevrouw Van Dam',
  'Meneer Schouten',
  'Mevrouw Öztürk',
  'Meneer Kuipers',
  'Mevrouw De Graaf',
  'Meneer Visser',
  'Mevrouw Jansen',
  'Meneer Yilmaz',
  'Mevrouw Mulder',
]
const TOWNS = ['Eemstad', 'Eemstad', 'Eemstad', 'Hoogland', 'Eemdijk']
const MARKS: readonly (readonly [number, number])[] = [
  [5, 1],
  [6, 3],
  [7, 8],
  [8, 12],
  [9, 6],
  [10, 2],
]

const two = (n: number): string => String(n).padStart(2, '0')
const instant = (day: string, hour: number, minute: number): string =>
  `${day}T${two(hour)}:${two(minute)}:00.000Z`
const earlier = (a: string, b: string): string => (a < b ? a : b)

/** `n` distinct indexes below `size`, in the order drawn. */
function distinct(rng: LargeRng, size: number, n: number): number[] {
  const seen = new Set<number>()
  const out: number[] = []
  while (out.length < Math.min(n, size)) {
    const i = rng.int(0, size - 1)
    if (!seen.has(i)) {
      seen.add(i)
      out.push(i)
    }
  }
  return out
}

/** How many people registered on or before `day` (people are in the order they registered). */
function registeredBy(people: readonly LargePerson[], day: string): number {
  let lo = 0
  let hi = people.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (people[mid].registeredOn <= day) lo = mid + 1
    else hi = mid
  }
  return lo
}

const inRegister = (p: LargePerson, from: string, to: string): boolean =>
  p.intakeOn !== null && p.intakeOn <= from && (p.outflowOn === null || p.outflowOn > to)

/**
 * Plans courses, sessions, carers and requests from `start` to `today` and adds their audit
 * entries to `events`. `households` are the shop's families (their ids may still be unknown).
 */
export function planLargeSupport<H>(
  rng: LargeRng,
  input: {
    start: string
    today: string
    people: readonly LargePerson[]
    households: readonly LargeSupportHousehold<H>[]
    /** Accounts who can be on a session; the coordinator registers everything. */
    staffIds: readonly number[]
    /** `help_kind` ids by name, and the demand each limitation rules out. */
    kindIds: Record<HelpKindName, number>
    limitationDemand: ReadonlyMap<number, string>
    /** 1 at 20,000 people. */
    scale: number
  },
  events: { push(e: LargeSupportEvent<H>): unknown },
  seq: () => number,
): LargeSupportPlan<H> {
  const { start, today, people, households, scale } = input
  const span = Math.max(1, daysBetween(start, today))
  const last = addDays(today, -1)
  const event = (
    at: string,
    action: 'create' | 'update',
    entityType: string,
    entity: number,
    about: { household?: H | null; person?: number | null; request?: number },
    fields: readonly string[],
  ): void => {
    events.push({
      at,
      seq: seq(),
      actor: 'coordinator',
      action,
      entityType,
      entity,
      household: about.household ?? null,
      subject:
        about.person != null
          ? { kind: 'person', id: about.person }
          : about.request !== undefined
            ? { kind: 'helpRequest', id: about.request }
            : null,
      fields: fields.join(','),
      detail: null,
    })
  }

  // --- Courses: the five of the small demo from the start, the others over the years. -----------
  const courseCount = Math.max(SUPPORT_COURSES.length + 1, Math.round(LARGE_COURSES * scale))
  const courses: Course[] = []
  const titles = [
    ...SUPPORT_COURSES.filter((c) => !c.retired).map((c) => c.title),
    ...EXTRA_COURSES,
  ].slice(0, courseCount)
  const coreCount = SUPPORT_COURSES.filter((c) => !c.retired).length
  const courseDays = titles.map((_, i) => (i < coreCount ? rng.int(0, 30) : rng.int(0, span - 60)))
  const order = titles.map((_, i) => i).sort((a, b) => courseDays[a] - courseDays[b] || a - b)
  for (const i of order) {
    const day = addDays(start, courseDays[i])
    const core = SUPPORT_COURSES.find((c) => c.title === titles[i])
    const c: Course = {
      id: courses.length + 1,
      title: titles[i],
      level: core?.level ?? rng.pick(['Basis', 'Verdieping', 'Kennismaking']),
      givenBy: core?.givenBy ?? rng.pick(GIVERS),
      // Some courses of the first years are no longer given.
      active: core !== undefined || courseDays[i] > span / 2 || rng.chance(0.5),
      createdAt: instant(day, 9, rng.int(0, 59)),
    }
    courses.push(c)
    event(c.createdAt, 'create', 'trainingCourse', c.id, {}, [
      'title',
      'level',
      'givenBy',
      'active',
    ])
  }
  const byTitle = new Map(courses.map((c) => [c.title, c]))

  // --- Sessions: the core courses most often; a retired course last given halfway. -------------
  const sessionCount = Math.max(12, Math.round(LARGE_SESSIONS * scale))
  const weights = courses.map((c) => [c, titles.indexOf(c.title) < coreCount ? 6 : 1] as const)
  const planned: { course: Course; date: string }[] = []
  for (let i = 0; i < sessionCount; i++) {
    const course = rng.weighted(weights)
    const from = daysBetween(start, course.createdAt.slice(0, 10)) + 7
    const to = course.active ? span - 2 : Math.max(from, Math.floor(span / 2))
    if (from > to) continue
    planned.push({ course, date: addDays(start, rng.int(from, to)) })
  }
  planned.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.course.id - b.course.id))
  const sessions: Session[] = []
  /** Who completed which course, and when: what a required course is checked against. */
  const completedBy = new Map<number, { personId: number; date: string }[]>()
  const completed = new Map<number, Map<number, string>>()
  for (const { course, date } of planned) {
    const id = sessions.length + 1
    const pool = registeredBy(people, date)
    const chosen: number[] = []
    const want = rng.int(5, 15)
    for (let tries = 0; tries < 200 && chosen.length < want && pool > 0; tries++) {
      const p = people[rng.int(0, pool - 1)]
      if (inRegister(p, date, date) && !chosen.includes(p.id)) chosen.push(p.id)
    }
    const participants: Session['participants'] = chosen.map((personId) => ({
      accountId: null,
      personId,
      completed: rng.chance(0.92),
      mark: rng.chance(0.8) ? rng.weighted(MARKS) : null,
    }))
    const staffOn = rng.weighted([
      [0, 5],
      [1, 3],
      [2, 1],
    ] as const)
    for (const accountId of rng.sample(input.staffIds, staffOn))
      participants.push({
        accountId,
        personId: null,
        completed: true,
        mark: rng.chance(0.6) ? rng.weighted(MARKS) : null,
      })
    const externalCount = rng.chance(0.6) ? rng.int(1, 10) : 0
    const externalMarks: number[] = []
    for (let k = 0; k < externalCount; k++)
      if (rng.chance(0.7)) externalMarks.push(rng.weighted(MARKS))
    const s: Session = {
      id,
      courseId: course.id,
      date,
      place: rng.pick(PLACES),
      externalCount,
      externalMarks,
      participants,
      createdAt: instant(addDays(date, 1) > last ? date : addDays(date, 1), 9, rng.int(0, 59)),
    }
    sessions.push(s)
    event(s.createdAt, 'create', 'trainingSession', id, {}, [
      'courseId',
      'date',
      'place',
      'externalCount',
      ...(externalMarks.length ? ['externalMarks'] : []),
    ])
    for (const p of participants) {
      if (p.personId === null) continue
      event(s.createdAt, 'create', 'trainingSession', id, { person: p.personId }, ['participant'])
      if (!p.completed) continue
      const list = completedBy.get(course.id) ?? []
      list.push({ personId: p.personId, date })
      completedBy.set(course.id, list)
      const own = completed.get(p.personId) ?? new Map<number, string>()
      if (!own.has(course.id)) own.set(course.id, date)
      completed.set(p.personId, own)
    }
  }

  // --- Informal carers: people of the register, with their loads and support. ------------------
  const carerCount = Math.min(people.length, Math.max(10, Math.round(LARGE_CARERS * scale)))
  const carers: Carer[] = []
  const loads: Omit<Load, 'id'>[] = []
  const supports: Omit<Support, 'id'>[] = []
  const carerSpans: { personId: number; from: string; to: string; place: string }[] = []
  for (const index of distinct(rng, people.length, carerCount).sort((a, b) => a - b)) {
    const p = people[index]
    const registeredOn = earlier(addDays(p.registeredOn, rng.int(0, 1200)), addDays(today, -7))
    if (registeredOn < p.registeredOn) continue
    const old = daysBetween(registeredOn, today) > 3 * 365
    // Care ends: many of those registered years ago, a few of the recent ones.
    const endDraw = addDays(registeredOn, rng.int(200, 1400))
    const endOn = rng.chance(old ? 0.5 : 0.1) && endDraw < last ? endDraw : null
    const stop = endOn ?? today
    const createdAt = instant(registeredOn, 13, rng.int(0, 59))
    const caringSince = rng.chance(0.8) ? addMonths(registeredOn, -rng.int(6, 120)) : null
    const c: Carer = {
      personId: p.id,
      caresFor: `${p.gender === 'female' ? 'haar' : p.gender === 'male' ? 'zijn' : 'hun'} ${rng.pick(CARES_FOR)}`,
      caringSince,
      registeredOn,
      endedOn: endOn,
      consent: rng.chance(0.85),
      createdAt,
      updatedAt: endOn ? instant(endOn, 16, rng.int(0, 59)) : createdAt,
    }
    carers.push(c)
    carerSpans.push({ personId: p.id, from: registeredOn, to: stop, place: p.place })
    event(createdAt, 'create', 'informalCarer', p.id, { person: p.id }, [
      'caresFor',
      'registeredOn',
      'consent',
      'load',
      ...(caringSince ? ['caringSince'] : []),
    ])
    if (endOn) event(c.updatedAt, 'update', 'informalCarer', p.id, { person: p.id }, ['endedOn'])
    // The load at registration, then asked again now and then: one to six in all.
    let load = rng.weighted([
      [2, 1],
      [3, 3],
      [4, 4],
      [5, 2],
    ] as const) as number
    loads.push({ personId: p.id, measuredOn: registeredOn, load, createdAt })
    const more = rng.int(0, 5)
    let day = registeredOn
    for (let k = 0; k < more; k++) {
      day = addDays(day, rng.int(60, 240))
      if (day >= stop) break
      load = Math.max(
        1,
        Math.min(
          5,
          load +
            rng.weighted([
              [-1, 4],
              [0, 4],
              [1, 2],
            ] as const),
        ),
      )
      const at = instant(day, 14, rng.int(0, 59))
      loads.push({ personId: p.id, measuredOn: day, load, createdAt: at })
    }
    for (
      let k = rng.weighted([
        [0, 3],
        [1, 4],
        [2, 3],
        [3, 2],
        [4, 1],
      ] as const);
      k > 0;
      k--
    ) {
      const givenOn = addDays(registeredOn, rng.int(7, 500))
      if (givenOn >= stop) continue
      const kind = rng.weighted<CarerSupportKind>([
        ['respite', 4],
        ['course', 2],
        ['activity', 3],
        ['other', 1],
      ])
      supports.push({
        personId: p.id,
        kind,
        givenOn,
        note: rng.pick(SUPPORT_NOTES[kind]),
        createdAt: instant(givenOn, 15, rng.int(0, 59)),
      })
    }
  }
  const byCreated = <T extends { createdAt: string; personId: number }>(a: T, b: T): number =>
    a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.personId - b.personId
  const loadRows: Load[] = loads.sort(byCreated).map((l, i) => ({ ...l, id: i + 1 }))
  // The first load of each carer came with the registration (its entry above).
  const firstLoad = new Set<number>()
  for (const l of loadRows) {
    if (!firstLoad.has(l.personId)) {
      firstLoad.add(l.personId)
      continue
    }
    event(l.createdAt, 'create', 'carerLoad', l.id, { person: l.personId }, ['measuredOn', 'load'])
  }
  const supportRows: Support[] = supports.sort(byCreated).map((s, i) => ({ ...s, id: i + 1 }))
  for (const s of supportRows)
    event(s.createdAt, 'create', 'carerSupport', s.id, { person: s.personId }, [
      'kind',
      'givenOn',
      ...(s.note ? ['note'] : []),
    ])

  // --- Help requests over the years. -----------------------------------------------------------
  const requestCount = Math.max(25, Math.round(LARGE_HELP_REQUESTS * scale))
  const openDays = Array.from({ length: requestCount }, () => rng.int(0, span - 2)).sort(
    (a, b) => a - b,
  )
  const limitsOf = new Map<number, Set<string>>()
  for (const p of people) {
    const set = new Set<string>()
    for (const o of p.optionIds) {
      const d = input.limitationDemand.get(o)
      if (d) set.add(d)
    }
    if (set.size) limitsOf.set(p.id, set)
  }
  const masks = new Map(people.map((p) => [p.id, halfDaysToMask(p.slots)]))
  const byId = new Map(people.map((p) => [p.id, p]))
  /** A volunteer who passes the engine's hard filters from `from` until `to`. */
  const findVolunteer = (
    mask: number,
    demands: readonly Demand[],
    courseIds: readonly number[],
    from: string,
    to: string,
    asker: number | null,
  ): number | null => {
    const fits = (p: LargePerson): boolean => {
      if (p.id === asker || !inRegister(p, from, to)) return false
      if (((masks.get(p.id) ?? 0) & mask) === 0) return false
      const limits = limitsOf.get(p.id)
      if (limits && demands.some((d) => limits.has(d))) return false
      const own = completed.get(p.id)
      return courseIds.every((c) => {
        const on = own?.get(c)
        return on !== undefined && on <= from
      })
    }
    if (courseIds.length) {
      const pool = completedBy.get(courseIds[0]) ?? []
      for (let tries = 0; tries < 120 && pool.length; tries++) {
        const p = byId.get(pool[rng.int(0, pool.length - 1)].personId)
        if (p && fits(p)) return p.id
      }
      return null
    }
    const n = registeredBy(people, from)
    for (let tries = 0; tries < 300 && n > 0; tries++) {
      const p = people[rng.int(0, n - 1)]
      if (fits(p)) return p.id
    }
    return null
  }

  const requests: Request<H>[] = []
  for (const offset of openDays) {
    let openedOn = addDays(start, offset)
    const who = rng.weighted([
      ['person', 35],
      ['household', 35],
      ['contact', 30],
    ] as const)
    let kind: HelpKindName
    let household: H | null = null
    let personId: number | null = null
    let requesterName: string | null = null
    let requesterContact: string | null = null
    let place: string | null = rng.pick(TOWNS)
    const carer = who === 'person' ? pickSpan(rng, carerSpans, openedOn) : null
    const family = who === 'household' ? pickSpan(rng, households, openedOn) : null
    if (carer) {
      personId = carer.personId
      openedOn = clampDay(openedOn, carer.from, carer.to)
      place = carer.place
      kind = rng.weighted([
        ['Respijt voor een mantelzorger', 6],
        ['Vervoer of wandelen', 2],
        ['Maatje', 1],
        ['Thuisadministratie', 1],
      ] as const)
    } else if (family) {
      household = family.row
      openedOn = clampDay(openedOn, family.since, family.until)
      kind = rng.weighted([
        ['Thuisadministratie', 4],
        ['Maatje', 2],
        ['Anders', 2],
        ['Vervoer of wandelen', 1],
      ] as const)
    } else {
      requesterName = rng.pick(CONTACTS)
      requesterContact = rng.chance(0.8)
        ? `06-${rng.int(10000000, 99999999)}`
        : `via het wijkteam, 033-555 ${rng.int(1000, 9999)}`
      kind = rng.pick(HELP_KIND_NAMES)
    }
    if (openedOn > last) openedOn = last
    const halfDays = requestHalfDays(rng, rng.int(1, 3))
    const slotMask = halfDaysToMask(halfDays)
    const demands = requestDemands(
      rng,
      kind,
      halfDays.some((h) => h.part === 'evening'),
    )
    const needs = REQUIRED_FOR[kind].length ? REQUIRED_FOR[kind] : ['Basiscursus vrijwilligerswerk']
    const courseIds = rng.chance(0.3) ? [byTitle.get(rng.pick(needs))!.id] : []
    const age = daysBetween(openedOn, today)
    const fate =
      age > 180
        ? rng.weighted<HelpStatus | 'matchedEnded'>([
            ['matchedEnded', 62],
            ['ended', 26],
            ['matched', 8],
            ['open', 4],
          ])
        : age > 60
          ? rng.weighted<HelpStatus | 'matchedEnded'>([
              ['matchedEnded', 25],
              ['ended', 15],
              ['matched', 45],
              ['open', 15],
            ])
          : rng.weighted<HelpStatus | 'matchedEnded'>([
              ['matched', 45],
              ['open', 55],
            ])
    const matchOn = addDays(openedOn, Math.min(age, rng.int(2, 45)))
    const endAfterMatch = addDays(matchOn, rng.int(20, 400))
    const endUnmatched = addDays(openedOn, rng.int(10, 90))
    let status: HelpStatus = 'open'
    let matchedOn: string | null = null
    let endedOn: string | null = null
    let volunteerId: number | null = null
    let endNote: string | null = null
    if (fate === 'matched' || fate === 'matchedEnded') {
      const ends = fate === 'matchedEnded' && endAfterMatch < today ? endAfterMatch : null
      volunteerId = findVolunteer(slotMask, demands, courseIds, matchOn, ends ?? today, personId)
      if (volunteerId !== null && matchOn <= today) {
        status = 'matched'
        matchedOn = matchOn
        if (ends) {
          status = 'ended'
          endedOn = ends
          endNote = rng.pick(END_MATCHED)
        }
      } else volunteerId = null
    }
    // Ended without a match: withdrawn, helped elsewhere, or no volunteer was found.
    if (
      status === 'open' &&
      (fate === 'ended' || fate === 'matchedEnded') &&
      endUnmatched < today
    ) {
      status = 'ended'
      endedOn = endUnmatched
      endNote = fate === 'ended' ? rng.pick(END_OPEN) : 'Geen passende vrijwilliger gevonden'
    }
    const endsOn = rng.chance(0.4) ? addDays(openedOn, rng.int(30, 180)) : null
    const createdAt = instant(openedOn, 10, rng.int(0, 59))
    const matchedAt = matchedOn ? instant(matchedOn, 11, rng.int(0, 59)) : null
    const endedAt = endedOn ? instant(endedOn, 16, rng.int(0, 59)) : null
    requests.push({
      id: 0,
      kindId: input.kindIds[kind],
      household,
      personId,
      requesterName,
      requesterContact,
      asked: rng.pick(ASKED[kind]),
      place,
      slotMask,
      endsOn,
      status,
      openedOn,
      matchedOn,
      endedOn,
      volunteerId,
      endNote,
      demands: [...new Set(demands)].sort(),
      courseIds,
      createdAt,
      matchedAt,
      updatedAt: endedAt ?? matchedAt ?? createdAt,
    })
  }
  // Ids in the order the requests were made, as the autoincrement gave them.
  requests.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
  for (const [i, r] of requests.entries()) {
    r.id = i + 1
    const about = (volunteer: boolean) => {
      // Who asks (a resident known only by a name is a subject of its own: the request), and
      // the volunteer once matched.
      const out: { household?: H | null; person?: number | null; request?: number }[] = []
      if (r.personId !== null) out.push({ person: r.personId })
      else if (r.household !== null) out.push({ household: r.household })
      else out.push({ request: r.id })
      if (volunteer && r.volunteerId !== null) out.push({ person: r.volunteerId })
      return out
    }
    const fields = [
      'kindId',
      ...(r.household !== null ? ['householdId'] : []),
      ...(r.personId !== null ? ['personId'] : []),
      ...(r.requesterName !== null ? ['requesterName'] : []),
      ...(r.requesterContact !== null ? ['requesterContact'] : []),
      'asked',
      ...(r.place !== null ? ['place'] : []),
      ...(r.endsOn !== null ? ['endsOn'] : []),
      'openedOn',
      ...(r.slotMask ? ['halfDays'] : []),
      ...(r.demands.length ? ['demands'] : []),
      ...(r.courseIds.length ? ['courseIds'] : []),
    ]
    for (const a of about(false)) event(r.createdAt, 'create', 'helpRequest', r.id, a, fields)
    if (r.matchedAt)
      for (const a of about(true))
        event(r.matchedAt, 'update', 'helpRequest', r.id, a, ['status', 'volunteerId', 'matchedOn'])
    if (r.endedOn)
      for (const a of about(true))
        event(r.updatedAt, 'update', 'helpRequest', r.id, a, [
          'status',
          'endedOn',
          ...(r.endNote ? ['endNote'] : []),
        ])
  }
  return { courses, sessions, carers, loads: loadRows, support: supportRows, requests }
}

/** A carer or family whose span holds `day`, or one near it; null when there is none. */
function pickSpan<T extends { from?: string; to?: string; since?: string; until?: string }>(
  rng: LargeRng,
  spans: readonly T[],
  day: string,
): T | null {
  if (!spans.length) return null
  for (let tries = 0; tries < 40; tries++) {
    const s = spans[rng.int(0, spans.length - 1)]
    const from = s.from ?? s.since ?? ''
    const to = s.to ?? s.until ?? ''
    if (from <= day && day <= to) return s
  }
  return null
}

function clampDay(day: string, from: string, to: string): string {
  return day < from ? from : day > to ? to : day
}

/** Writes the planned rows with prepared statements (the families must have their ids now). */
export function writeLargeSupport<H extends { id: number }>(
  sqlite: Database.Database,
  plan: LargeSupportPlan<H>,
  coordinatorId: number,
): LargeSupportSummary {
  const batch = <T>(rows: readonly T[], sql: string, values: (r: T) => unknown[]): void => {
    const stmt = sqlite.prepare(sql)
    const run = sqlite.transaction((part: readonly T[]) => {
      for (const r of part) stmt.run(values(r))
    })
    for (let i = 0; i < rows.length; i += 20_000) run(rows.slice(i, i + 20_000))
  }
  batch(
    plan.courses,
    `insert into training_course (id, title, level, given_by, active, created_at, updated_at)
      values (?, ?, ?, ?, ?, ?, ?)`,
    (c) => [c.id, c.title, c.level, c.givenBy, c.active ? 1 : 0, c.createdAt, c.createdAt],
  )
  batch(
    plan.sessions,
    `insert into training_session (id, course_id, date, place, external_count, created_at,
      created_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)`,
    (s) => [
      s.id,
      s.courseId,
      s.date,
      s.place,
      s.externalCount,
      s.createdAt,
      coordinatorId,
      s.createdAt,
    ],
  )
  batch(
    plan.sessions.flatMap((s) => s.participants.map((p) => ({ sessionId: s.id, ...p }))),
    `insert into training_participant (session_id, account_id, person_id, completed, mark)
      values (?, ?, ?, ?, ?)`,
    (p) => [p.sessionId, p.accountId, p.personId, p.completed ? 1 : 0, p.mark],
  )
  batch(
    plan.sessions.flatMap((s) => s.externalMarks.map((mark) => [s.id, mark])),
    'insert into training_external_mark (session_id, mark) values (?, ?)',
    (r) => r,
  )
  batch(
    plan.carers,
    `insert into informal_carer (person_id, cares_for, caring_since, registered_on, ended_on,
      consent, consent_on, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    (c) => [
      c.personId,
      c.caresFor,
      c.caringSince,
      c.registeredOn,
      c.endedOn,
      c.consent ? 1 : 0,
      c.consent ? c.registeredOn : null,
      c.createdAt,
      c.updatedAt,
    ],
  )
  batch(
    plan.loads,
    `insert into carer_load (id, person_id, measured_on, load, created_at, created_by)
      values (?, ?, ?, ?, ?, ?)`,
    (l) => [l.id, l.personId, l.measuredOn, l.load, l.createdAt, coordinatorId],
  )
  batch(
    plan.support,
    `insert into carer_support (id, person_id, kind, given_on, note, created_at, created_by)
      values (?, ?, ?, ?, ?, ?, ?)`,
    (s) => [s.id, s.personId, s.kind, s.givenOn, s.note, s.createdAt, coordinatorId],
  )
  batch(
    plan.requests,
    `insert into help_request (id, kind_id, household_id, person_id, requester_name,
      requester_contact, asked, place, slot_mask, ends_on, status, opened_on, matched_on, ended_on,
      volunteer_id, end_note, created_at, created_by, updated_at)
      values (${Array(19).fill('?').join(',')})`,
    (r) => [
      r.id,
      r.kindId,
      r.household?.id ?? null,
      r.personId,
      r.requesterName,
      r.requesterContact,
      r.asked,
      r.place,
      r.slotMask,
      r.endsOn,
      r.status,
      r.openedOn,
      r.matchedOn,
      r.endedOn,
      r.volunteerId,
      r.endNote,
      r.createdAt,
      coordinatorId,
      r.updatedAt,
    ],
  )
  batch(
    plan.requests.flatMap((r) => r.demands.map((d) => [r.id, d])),
    'insert into help_request_demand (help_request_id, demand) values (?, ?)',
    (r) => r,
  )
  batch(
    plan.requests.flatMap((r) => r.courseIds.map((c) => [r.id, c])),
    'insert into help_request_course (help_request_id, course_id) values (?, ?)',
    (r) => r,
  )
  const byStatus: Record<HelpStatus, number> = { open: 0, matched: 0, ended: 0 }
  for (const r of plan.requests) byStatus[r.status]++
  return {
    courses: plan.courses.length,
    sessions: plan.sessions.length,
    participants: plan.sessions.reduce((n, s) => n + s.participants.length, 0),
    externalMarks: plan.sessions.reduce((n, s) => n + s.externalMarks.length, 0),
    carers: plan.carers.length,
    loads: plan.loads.length,
    support: plan.support.length,
    requests: plan.requests.length,
    byStatus,
  }
}
