/**
 * Demo data for volunteers for residents (issue 16): the Vrijwilligersacademie's courses and a
 * dozen sessions over the demo's two years (volunteers of the register, a staff member or two,
 * guests from other organisations, with their marks), about fifteen informal carers from the
 * people of the register (whom they care for, their load measured now and then so change shows,
 * the support they had), and about 25 help requests of every kind, from carers, shop families
 * and residents known only by a name and a phone number, in every status: the matched ones
 * matched to the first volunteer `helpRequests.candidates` ranks, as a coordinator would.
 * Written through the real router with the clock at each moment, in the order things happened,
 * from the people and households the demo made before.
 */
import type { Kysely } from 'kysely'
import type { DB } from '../src/main/db/schema'
import type { MethodInput, MethodName, MethodOutput } from '../src/shared/api'
import { addDays, addMonths, daysBetween } from '../src/shared/dates'
import type { Demand, HalfDay } from '../src/shared/schemas/volunteers'
import type { CarerSupportKind, HelpStatus } from '../src/shared/schemas/support'

/** What this part needs of the demo's writer (scripts/demo-data.ts `Writer`). */
export interface SupportWriter {
  vault: { db: Kysely<DB> }
  call<M extends MethodName>(
    instant: string,
    method: M,
    input: MethodInput<M>,
  ): Promise<MethodOutput<M>>
}

/** What this part needs of the demo's random numbers (scripts/demo-data.ts `Rng`). */
export interface SupportRng {
  int(min: number, max: number): number
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  sample<T>(items: readonly T[], n: number): T[]
  weighted<T>(items: readonly (readonly [T, number])[]): T
}

export interface SupportSummary {
  courses: number
  sessions: number
  /** Named participants (people and staff) and guests counted, over all sessions. */
  participants: number
  guests: number
  carers: number
  loads: number
  support: number
  requests: number
  byStatus: Record<HelpStatus, number>
}

/** The courses of the Vrijwilligersacademie; the last one is no longer given. */
export const SUPPORT_COURSES: readonly {
  title: string
  level: string
  givenBy: string
  retired?: boolean
}[] = [
  { title: 'Basiscursus vrijwilligerswerk', level: 'Basis', givenBy: 'Vrijwilligersacademie' },
  { title: 'Maatjescursus', level: 'Basis', givenBy: 'Vrijwilligersacademie' },
  {
    title: 'Respijtzorg thuis',
    level: 'Verdieping',
    givenBy: 'Steunpunt Mantelzorg Eemland',
  },
  {
    title: 'Omgaan met dementie',
    level: 'Verdieping',
    givenBy: 'Ontmoetingscentrum De Eemhof',
  },
  { title: 'Thuisadministratie op orde', level: 'Basis', givenBy: 'Vrijwilligersacademie' },
  {
    title: 'Signaleren van eenzaamheid',
    level: 'Kennismaking',
    givenBy: 'GGD regio Eemland',
    retired: true,
  },
]

/** The five kinds of help of migration 0031, in their order. */
export const HELP_KIND_NAMES = [
  'Maatje',
  'Respijt voor een mantelzorger',
  'Thuisadministratie',
  'Vervoer of wandelen',
  'Anders',
] as const
export type HelpKindName = (typeof HELP_KIND_NAMES)[number]

/** What residents ask, by kind. */
export const ASKED: Record<HelpKindName, readonly string[]> = {
  Maatje: [
    'Iemand om wekelijks mee te wandelen en koffie te drinken',
    'Een maatje voor een buurman die sinds de dood van zijn vrouw weinig mensen ziet',
    'Samen naar de markt en de bibliotheek, om weer wat vaker buiten te komen',
    'Iemand die af en toe langskomt voor een praatje en een spelletje',
  ],
  'Respijt voor een mantelzorger': [
    'Een middag per week iemand bij mijn man met dementie, zodat ik even weg kan',
    'Oppas voor mijn zoon met een beperking, één avond in de week',
    'Iemand die bij mijn moeder blijft als ik naar mijn eigen afspraken moet',
    'Een vaste ochtend vrij van de zorg, om naar de sportschool te gaan',
  ],
  Thuisadministratie: [
    'Hulp bij het ordenen van de post en de rekeningen',
    'Samen de toeslagen en de belastingaangifte doen',
    'Overzicht krijgen in de betalingen na het overlijden van mijn partner',
  ],
  'Vervoer of wandelen': [
    'Vervoer naar het ziekenhuis voor de controles',
    'Wandelen met mijn partner in de rolstoel, een keer per week',
    'Meerijden naar de dagbesteding op dinsdag en donderdag',
  ],
  Anders: [
    'Hulp bij het instellen van een tablet om te beeldbellen met de kleinkinderen',
    'Kleine klusjes in de tuin, het gras en de heg',
    'Boodschappen halen zolang ik herstel van een nieuwe heup',
  ],
}

/** Whom an informal carer cares for, as the coordinator noted it. */
const CARES_FOR: readonly ((own: string) => string)[] = [
  (own) => `${own} partner met dementie`,
  (own) => `${own} zoon met een beperking`,
  (own) => `${own} dochter met een chronische ziekte`,
  (own) => `${own} moeder, die na een beroerte hulp nodig heeft`,
  (own) => `${own} vader met de ziekte van Parkinson`,
  (own) => `${own} partner met longkanker`,
  (own) => `${own} broer met psychische problemen`,
  (own) => `${own} buurvrouw die slecht ter been is`,
]

const SUPPORT_NOTES: Record<CarerSupportKind, readonly string[]> = {
  respite: [
    'Een vrijwilliger komt wekelijks een middag',
    'Logeeropvang geregeld via het wijkteam',
    'Een vaste ochtend vrij, een maatje neemt het over',
  ],
  course: ['Cursus Omgaan met dementie gevolgd', 'Cursus Respijtzorg thuis gevolgd'],
  activity: ['Mantelzorgcafé in het buurthuis', 'Dag van de Mantelzorg: uitje naar de Eemhof'],
  other: ['Gesprek met de mantelzorgconsulent', 'Doorverwezen naar de wijkverpleging'],
}

const END_NOTES_MATCHED = [
  'Hulp afgerond, bewoner en vrijwilliger tevreden',
  'De mantelzorger kan het weer zelf aan',
  'Bewoner verhuisd naar een verpleeghuis',
  'Vrijwilliger gestopt; de bewoner wil geen nieuw maatje',
]
const END_NOTES_OPEN = [
  'Vraag ingetrokken door de bewoner',
  'Elders geholpen, via het wijkteam',
  'Geen passende vrijwilliger gevonden',
]

const PLACES = [
  'Buurthuis De Linde, Eemstad',
  'Wijkcentrum Hoogland',
  'Kantoor Stichting Dichtbij',
] as const
const TOWNS = ['Eemstad', 'Eemstad', 'Eemstad', 'Hoogland', 'Eemdijk'] as const

/** Marks as people give them: mostly a seven to a nine. */
const MARKS: readonly (readonly [number, number])[] = [
  [6, 1],
  [7, 3],
  [8, 5],
  [9, 3],
  [10, 1],
]

/** The names and phone numbers of residents who are not in the app. */
const CONTACTS: readonly [string, string][] = [
  ['Mevrouw Hendriks', '033-555 2811'],
  ['Meneer Bakker', '06-41 22 87 10'],
  ['Familie El Idrissi', 'via de wijkverpleegkundige, 033-555 0420'],
  ['Mevrouw Van Dam', '06-18 40 33 92'],
  ['Meneer Schouten', '033-555 7310'],
  ['Mevrouw Öztürk', 'via haar dochter, 06-28 11 74 55'],
  ['Meneer Kuipers', '033-555 9023'],
  ['Mevrouw De Graaf', '06-55 90 12 64'],
]

const at = (day: string, hour: number, minute = 0): string =>
  `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`
const later = (a: string, b: string): string => (a > b ? a : b)

function clampLoad(n: number): number {
  return Math.max(1, Math.min(5, n))
}

/** One to three half-days, mostly in the daytime, Monday to Saturday. */
export function requestHalfDays(rng: SupportRng, n: number): HalfDay[] {
  const all: HalfDay[] = []
  for (let weekday = 1; weekday <= 6; weekday++)
    for (const part of ['morning', 'afternoon', 'evening'] as const)
      if (part !== 'evening' || weekday <= 5) all.push({ weekday, part })
  return rng.sample(all, n)
}

/** The demands a kind of help now and then makes (about one request in four or five). */
export function requestDemands(rng: SupportRng, kind: HelpKindName, evening: boolean): Demand[] {
  if (!rng.chance(0.25)) return []
  if (kind === 'Vervoer of wandelen') return [rng.pick<Demand>(['walking', 'public_transport'])]
  if (kind === 'Thuisadministratie') return ['screen_work']
  if (kind === 'Maatje') return ['walking']
  if (kind === 'Anders') return ['lifting']
  return evening ? ['evening'] : []
}

/** The courses a kind of help may require (by title), a volunteer must have completed them. */
export const REQUIRED_FOR: Record<HelpKindName, readonly string[]> = {
  Maatje: ['Maatjescursus'],
  'Respijt voor een mantelzorger': ['Respijtzorg thuis', 'Omgaan met dementie'],
  Thuisadministratie: ['Thuisadministratie op orde'],
  'Vervoer of wandelen': [],
  Anders: [],
}

type Action = { instant: string; order: number; run: () => Promise<void> }

/**
 * Writes the courses, sessions, carers and requests up to `today` (run after the volunteers demo
 * and its placements: the volunteers matched are the people it registered).
 */
export async function seedSupport(
  writer: SupportWriter,
  rng: SupportRng,
  today: string,
): Promise<SupportSummary> {
  const db = writer.vault.db
  const start = addDays(today, -730)
  const summary: SupportSummary = {
    courses: 0,
    sessions: 0,
    participants: 0,
    guests: 0,
    carers: 0,
    loads: 0,
    support: 0,
    requests: 0,
    byStatus: { open: 0, matched: 0, ended: 0 },
  }
  const people = await db
    .selectFrom('person')
    .select(['id', 'registeredOn', 'intakeOn', 'outflowOn', 'gender', 'place'])
    .where('anonymisedAt', 'is', null)
    .orderBy('id')
    .execute()
  const households = await db
    .selectFrom('household')
    .select(['id', 'createdAt', 'city'])
    .where('anonymisedAt', 'is', null)
    .where('status', '=', 'active')
    .orderBy('id')
    .limit(60)
    .execute()
  const kinds = await writer.call(at(start, 8), 'helpRequests.kinds', {})
  const kindId = (name: HelpKindName): number => {
    const k = kinds.find((x) => x.name === name)
    if (!k) throw new Error(`help kind ${name} is missing`)
    return k.id
  }
  const staff = (await writer.call(at(start, 8), 'trainings.staff', {})).map((s) => s.id)

  // The courses, when the academy started two years ago.
  const courseIds = new Map<string, number>()
  for (const c of SUPPORT_COURSES) {
    const saved = await writer.call(at(addDays(start, 2), 9), 'trainings.saveCourse', {
      id: null,
      title: c.title,
      level: c.level,
      givenBy: c.givenBy,
      active: true,
    })
    courseIds.set(c.title, saved.id)
    summary.courses++
  }

  const actions: Action[] = []
  let order = 0
  const push = (instant: string, run: () => Promise<void>): void => {
    actions.push({ instant, order: order++, run })
  }

  // A dozen sessions over the two years: the basic course and the buddies' course most often.
  const plan: [string, number][] = [
    ['Basiscursus vrijwilligerswerk', 690],
    ['Maatjescursus', 620],
    ['Respijtzorg thuis', 560],
    ['Signaleren van eenzaamheid', 500],
    ['Omgaan met dementie', 450],
    ['Basiscursus vrijwilligerswerk', 390],
    ['Thuisadministratie op orde', 330],
    ['Maatjescursus', 260],
    ['Respijtzorg thuis', 200],
    ['Basiscursus vrijwilligerswerk', 140],
    ['Omgaan met dementie', 90],
    ['Thuisadministratie op orde', 35],
  ]
  /** The first day each course was given: a request requires it only after that. */
  const firstGiven = new Map<string, string>()
  for (const [title, daysAgo] of plan) {
    const date = addDays(today, -(daysAgo + rng.int(-10, 10)))
    if (!firstGiven.has(title)) firstGiven.set(title, date)
    const present = people.filter(
      (p) =>
        p.intakeOn !== null && p.intakeOn <= date && (p.outflowOn === null || p.outflowOn > date),
    )
    const named = rng.sample(present, rng.int(4, 9)).map((p) => ({
      kind: 'person' as const,
      id: p.id,
      completed: rng.chance(0.9),
      mark: rng.chance(0.8) ? rng.weighted(MARKS) : null,
    }))
    const staffOn = rng.sample(staff, rng.chance(0.5) ? rng.int(1, 2) : 0).map((id) => ({
      kind: 'account' as const,
      id,
      completed: true,
      mark: rng.chance(0.7) ? rng.weighted(MARKS) : null,
    }))
    const externalCount = rng.chance(0.7) ? rng.int(1, 6) : 0
    const externalMarks = Array.from({ length: externalCount }, () =>
      rng.chance(0.75) ? rng.weighted(MARKS) : null,
    ).filter((m): m is number => m !== null)
    const place = rng.pick(PLACES)
    // Registered the day after, from the attendance list.
    push(at(addDays(date, 1), 9, 30), async () => {
      await writer.call(at(addDays(date, 1), 9, 30), 'trainings.saveSession', {
        id: null,
        courseId: courseIds.get(title)!,
        date,
        place,
        externalCount,
        externalMarks,
        participants: [...named, ...staffOn],
      })
      summary.sessions++
      summary.participants += named.length + staffOn.length
      summary.guests += externalCount
    })
  }
  // The course no longer given goes inactive after its one session.
  const retired = SUPPORT_COURSES.find((c) => c.retired)
  if (retired) {
    const day = addDays(today, -420)
    push(at(day, 11), async () => {
      await writer.call(at(day, 11), 'trainings.saveCourse', {
        id: courseIds.get(retired.title)!,
        title: retired.title,
        level: retired.level,
        givenBy: retired.givenBy,
        active: false,
      })
    })
  }

  // About fifteen informal carers among the people of the register.
  const carerPeople = rng.sample(people, Math.min(15, people.length))
  const carers: { id: number; registeredOn: string; place: string | null }[] = []
  for (const p of carerPeople) {
    const registeredOn = later(p.registeredOn, addDays(today, -rng.int(45, 700)))
    if (registeredOn > addDays(today, -7)) continue
    const own = p.gender === 'female' ? 'haar' : p.gender === 'male' ? 'zijn' : 'de'
    const caresFor = rng.pick(CARES_FOR)(own)
    const caringSince = rng.chance(0.8) ? addMonths(registeredOn, -rng.int(6, 96)) : null
    const consent = rng.chance(0.85)
    // A few stopped: the one they cared for moved to a home or died.
    const endedOn = rng.chance(0.15) ? addDays(registeredOn, rng.int(120, 400)) : null
    const stop = endedOn !== null && endedOn < today ? endedOn : today
    let load = rng.weighted([
      [2, 1],
      [3, 3],
      [4, 4],
      [5, 2],
    ] as const) as number
    const firstLoad = load
    push(at(registeredOn, 13, rng.int(0, 59)), async () => {
      await writer.call(at(registeredOn, 13), 'carers.save', {
        personId: p.id,
        caresFor,
        caringSince,
        registeredOn,
        endedOn: null,
        consent,
        load: firstLoad,
      })
      summary.carers++
      summary.loads++
    })
    carers.push({ id: p.id, registeredOn, place: p.place })
    // The load asked again every two to five months: support often makes it lighter.
    for (
      let d = addDays(registeredOn, rng.int(60, 150));
      d < stop;
      d = addDays(d, rng.int(60, 150))
    ) {
      load = clampLoad(
        load +
          rng.weighted([
            [-1, 4],
            [0, 4],
            [1, 2],
          ] as const),
      )
      const measuredOn = d
      const value = load
      push(at(measuredOn, 14, rng.int(0, 59)), async () => {
        await writer.call(at(measuredOn, 14), 'carers.addLoad', {
          personId: p.id,
          measuredOn,
          load: value,
        })
        summary.loads++
      })
    }
    for (let i = rng.int(0, 3); i > 0; i--) {
      const givenOn = addDays(registeredOn, rng.int(7, 300))
      if (givenOn >= stop) continue
      const kind = rng.weighted<CarerSupportKind>([
        ['respite', 4],
        ['course', 2],
        ['activity', 3],
        ['other', 1],
      ])
      const note = rng.pick(SUPPORT_NOTES[kind])
      push(at(givenOn, 15, rng.int(0, 59)), async () => {
        await writer.call(at(givenOn, 15), 'carers.addSupport', {
          personId: p.id,
          kind,
          givenOn,
          note,
        })
        summary.support++
      })
    }
    if (endedOn !== null && endedOn < today)
      push(at(endedOn, 16), async () => {
        await writer.call(at(endedOn, 16), 'carers.save', {
          personId: p.id,
          caresFor,
          caringSince,
          registeredOn,
          endedOn,
          consent,
        })
      })
  }

  // About 25 help requests over the last eighteen months, from carers, families and others.
  const days = Array.from({ length: 25 }, () => rng.int(3, 540)).sort((a, b) => b - a)
  const contacts = rng.sample(CONTACTS, CONTACTS.length)
  for (const [i, daysAgo] of days.entries()) {
    let openedOn = addDays(today, -daysAgo)
    const who = i % 3 === 0 ? 'person' : i % 3 === 1 ? 'household' : 'contact'
    let requester: Pick<
      MethodInput<'helpRequests.save'>,
      'requesterKind' | 'personId' | 'householdId' | 'requesterName' | 'requesterContact'
    >
    let kind: HelpKindName
    let place: string | null = rng.pick(TOWNS)
    if (who === 'person' && carers.length) {
      const c = carers[Math.floor(i / 3) % carers.length]
      openedOn = later(openedOn, addDays(c.registeredOn, 1))
      requester = { requesterKind: 'person', personId: c.id }
      kind = rng.weighted([
        ['Respijt voor een mantelzorger', 5],
        ['Vervoer of wandelen', 2],
        ['Maatje', 1],
      ] as const)
      place = c.place ?? place
    } else if (who === 'household' && households.length) {
      const h = households[(i * 7) % households.length]
      openedOn = later(openedOn, addDays(h.createdAt.slice(0, 10), 1))
      requester = { requesterKind: 'household', householdId: h.id }
      kind = rng.pick(['Thuisadministratie', 'Maatje', 'Anders', 'Vervoer of wandelen'] as const)
      place = h.city
    } else {
      const [name, contact] = contacts[i % contacts.length]
      requester = { requesterKind: 'contact', requesterName: name, requesterContact: contact }
      kind = rng.pick(HELP_KIND_NAMES)
    }
    // Every kind at least once.
    if (i < HELP_KIND_NAMES.length && who === 'contact') kind = HELP_KIND_NAMES[i]
    if (openedOn >= today) openedOn = addDays(today, -1)
    const halfDays = requestHalfDays(rng, rng.int(1, 3))
    const demands = requestDemands(
      rng,
      kind,
      halfDays.some((h) => h.part === 'evening'),
    )
    const required = REQUIRED_FOR[kind].filter((t) => (firstGiven.get(t) ?? today) < openedOn)
    const courses = required.length && rng.chance(0.45) ? [courseIds.get(rng.pick(required))!] : []
    const endsOn = rng.chance(0.4) ? addDays(openedOn, rng.int(30, 120)) : null
    const asked = rng.pick(ASKED[kind])
    // What became of it: older requests mostly ended, recent ones open or matched.
    const age = daysBetween(openedOn, today)
    const fate =
      age > 60
        ? rng.weighted<'open' | 'matched' | 'matchedEnded' | 'ended'>([
            ['matchedEnded', 5],
            ['ended', 2],
            ['matched', 2],
            ['open', 1],
          ])
        : rng.weighted<'open' | 'matched'>([
            ['open', 1],
            ['matched', 1],
          ])
    const matchOn = addDays(openedOn, Math.min(age, rng.int(2, 30)))
    const endOn =
      fate === 'matchedEnded'
        ? addDays(matchOn, rng.int(30, 200))
        : addDays(openedOn, rng.int(10, 60))
    const request = { id: 0 }
    push(at(openedOn, 10, rng.int(0, 59)), async () => {
      const saved = await writer.call(at(openedOn, 10), 'helpRequests.save', {
        id: null,
        kindId: kindId(kind),
        ...requester,
        asked,
        place,
        halfDays,
        endsOn,
        openedOn,
        demands,
        courseIds: courses,
      })
      request.id = saved.id
      summary.requests++
    })
    let matched = false
    if (fate !== 'open' && fate !== 'ended' && matchOn <= today)
      push(at(matchOn, 11, rng.int(0, 59)), async () => {
        const list = await writer.call(at(matchOn, 11), 'helpRequests.candidates', {
          id: request.id,
          limit: 5,
          excludedLimit: 0,
        })
        const first = list.ranked[0]
        if (!first) return
        await writer.call(at(matchOn, 11), 'helpRequests.match', {
          id: request.id,
          personId: first.personId,
          date: matchOn,
        })
        matched = true
      })
    if ((fate === 'matchedEnded' || fate === 'ended') && endOn < today)
      push(at(endOn, 16, rng.int(0, 59)), async () => {
        await writer.call(at(endOn, 16), 'helpRequests.end', {
          id: request.id,
          date: endOn,
          note: rng.pick(matched ? END_NOTES_MATCHED : END_NOTES_OPEN),
        })
      })
  }

  actions.sort((a, b) => a.instant.localeCompare(b.instant) || a.order - b.order)
  for (const a of actions) await a.run()

  const statuses = await db
    .selectFrom('helpRequest')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute()
  for (const s of statuses) summary.byStatus[s.status as HelpStatus] = Number(s.n)
  return summary
}
