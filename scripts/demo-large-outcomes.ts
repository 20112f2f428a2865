/**
 * The outcome indicators of `--scale=large` (issue 17), over all the seed's years:
 *
 * - trajectory plans with goals for everyone who had an intake (the large seed had none): made
 *   a few days after the intake, a goal now and then realised at a review, the rest closed when
 *   the person left, realised or not as the way they left suggests (paid work mostly realised,
 *   dropped out mostly not);
 * - the satisfaction questionnaire: most people who left are asked at the end (about 1,000 a
 *   year at full size, of whom some 70% answer, on the PC or on paper), forms handed out after
 *   about one activity in eight and at two or three services a year; each form entered is a
 *   response with a random id and only its month, district and occasion, and its statements;
 * - 20 to 60 safety signals (zorgsignalen) a year at full size, on families of the shop and
 *   people of the register, discussed with the Toegangsteam, Veilig Thuis, the GP and others;
 * - three to five stories a year with consent, in the report's sections.
 *
 * Planned in memory before the large seed writes its audit log (each row gets the entries the app
 * would have made, pushed into the seed's list of events so the chain stays in time order), and
 * written with prepared statements once the families have their ids (`writeLargeOutcomes`),
 * while the indexes and kept-figure triggers of these tables are set aside.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { addDays, addMonths, daysBetween } from '../src/shared/dates'
import {
  CARE_SIGNAL_PARTIES,
  type CareSignalKind,
  type CareSignalParty,
  type StoryAbout,
  type SurveyMode,
  type SurveyOccasion,
} from '../src/shared/schemas/outcomes'
import type { ReportSection } from '../src/shared/schemas/reports'
import type { OutflowKind, PlanAim } from '../src/shared/schemas/volunteers'
import type { LargePerson, LargeRng } from './demo-large-volunteers'
import {
  SIGNAL_NOTES,
  SIGNAL_OTHERS,
  SURVEY_MARKS,
  SURVEY_SERVICES,
  statementScores,
} from './demo-outcomes'

/** Safety signals a year at full size (8,000 households, 20,000 people). */
export const LARGE_SIGNALS_PER_YEAR: readonly [number, number] = [20, 60]

/** The tables written here, for the large seed's list of tables whose indexes wait. */
export const LARGE_OUTCOME_TABLES = [
  'plan',
  'plan_goal',
  'plan_review',
  'survey_invite',
  'survey_response',
  'survey_answer',
  'care_signal',
  'story',
]

/** An audit entry as the large seed collects them (scripts/demo-large.ts `AuditEvent`). */
export interface LargeOutcomeEvent<H> {
  at: string
  seq: number
  actor: 'coordinator'
  action: 'create' | 'update'
  entityType: string
  entity: number | null
  /** The family a signal is about (its id is known only when the shop's rows are written). */
  household: H | null
  subject: { kind: string; id: number } | null
  fields: string
  detail: null
}

/** A family of the shop that may have a signal between its first and last contact. */
export interface LargeOutcomeHousehold<H> {
  row: H
  since: string
  until: string
}

/** An activity of the register as written by the activities part. */
export interface LargeOutcomeActivity {
  id: number
  date: string
  area: string | null
  participants: number
}

interface Plan {
  personId: number
  barriers: string | null
  aim: PlanAim | null
  updatedAt: string
}

interface Goal {
  id: number
  personId: number
  text: string
  zrmDomain: string | null
  status: 'open' | 'realised' | 'partly_realised' | 'not_realised'
  closedOn: string | null
  createdAt: string
}

interface Review {
  id: number
  personId: number
  plannedOn: string
  doneOn: string | null
}

interface Invite {
  id: number
  occasion: SurveyOccasion
  personId: number | null
  activityId: number | null
  about: string | null
  district: string | null
  invitedOn: string
  invited: number
  answered: number
  createdAt: string
  updatedAt: string
}

interface Response {
  id: number
  occasion: SurveyOccasion
  district: string | null
  month: string
  mode: SurveyMode
  mark: number
  answers: { questionId: number; score: number }[]
}

interface Signal<H> {
  id: number
  household: H | null
  personId: number | null
  signalledOn: string
  kind: CareSignalKind
  discussedWith: CareSignalParty[]
  discussedOther: string | null
  note: string | null
  createdAt: string
}

interface Story {
  id: number
  section: ReportSection
  about: StoryAbout
  name: string
  title: string
  text: string
  toldOn: string
  consentOn: string
  area: string | null
  createdAt: string
}

export interface LargeOutcomesPlan<H> {
  plans: Plan[]
  goals: Goal[]
  reviews: Review[]
  invites: Invite[]
  responses: Response[]
  signals: Signal<H>[]
  stories: Story[]
}

export interface LargeOutcomesSummary {
  plans: number
  goals: number
  goalsClosed: number
  invites: number
  /** Forms handed out (people asked) and entered. */
  invited: number
  answered: number
  answers: number
  careSignals: number
  stories: number
}

const GOALS: readonly [string, string | null][] = [
  ['Op tijd komen en afmelden bij ziekte', 'daytime'],
  ['Twee dagdelen per week vrijwilligerswerk', 'participation'],
  ['Schuldhulptraject afronden', 'finances'],
  ['Zelf de post en rekeningen bijhouden', 'adl'],
  ['Nederlands spreken met klanten', 'participation'],
  ['Een vast aanspreekpunt in de buurt hebben', 'social_network'],
  ['Kassawerk leren', null],
  ['Samenwerken in een team', 'social_network'],
  ['Werkritme opbouwen naar drie dagdelen', 'daytime'],
  ['Een sollicitatiebrief schrijven', 'daytime'],
  ['Zelfstandig met het openbaar vervoer reizen', 'adl'],
  ['Een cursus afronden', 'participation'],
]
const BARRIERS = [
  'Eerst schuldenvrij, dan participeren',
  'Eerst een vaste woonplek',
  'Taal: eerst de cursus Nederlands afmaken',
  'Gezondheid: geen zwaar werk',
  'Weinig zelfvertrouwen na lange tijd thuis',
  null,
  null,
]
const AIMS: readonly PlanAim[] = [
  'volunteer_place',
  'volunteer_place',
  'training',
  'activity',
  'tegenprestatie',
]

/** How the goals of a person who left end, by the way they left. */
const CLOSED_AS: Record<OutflowKind, readonly (readonly [Goal['status'], number])[]> = {
  paid_work: [
    ['realised', 6],
    ['partly_realised', 3],
    ['not_realised', 1],
  ],
  education: [
    ['realised', 5],
    ['partly_realised', 3],
    ['not_realised', 1],
  ],
  other_volunteer_work: [
    ['realised', 5],
    ['partly_realised', 3],
    ['not_realised', 2],
  ],
  stopped: [
    ['realised', 2],
    ['partly_realised', 4],
    ['not_realised', 4],
  ],
  moved: [
    ['realised', 3],
    ['partly_realised', 4],
    ['not_realised', 3],
  ],
  other: [
    ['realised', 3],
    ['partly_realised', 3],
    ['not_realised', 3],
  ],
  dropped_out: [
    ['realised', 1],
    ['partly_realised', 2],
    ['not_realised', 7],
  ],
}

/** A little lower after a trajectory that broke off, a little higher after paid work. */
const MARK_SHIFT: Partial<Record<OutflowKind, readonly (readonly [number, number])[]>> = {
  dropped_out: [
    [-2, 2],
    [-1, 3],
    [0, 4],
  ],
  paid_work: [
    [0, 4],
    [1, 1],
  ],
}

const KINDS_HOUSEHOLD: readonly (readonly [CareSignalKind, number])[] = [
  ['domestic_violence', 5],
  ['child_abuse', 3],
  ['acute_need', 6],
  ['neglect', 3],
  ['other', 1],
]
const KINDS_PERSON: readonly (readonly [CareSignalKind, number])[] = [
  ['domestic_violence', 3],
  ['elder_abuse', 2],
  ['acute_need', 6],
  ['neglect', 1],
  ['other', 2],
]
/** Whom a kind of signal is usually discussed with. */
const PARTIES: Record<CareSignalKind, readonly (readonly [CareSignalParty, number])[]> = {
  domestic_violence: [
    ['veilig_thuis', 6],
    ['access_team', 4],
    ['police', 1],
    ['gp', 1],
  ],
  child_abuse: [
    ['veilig_thuis', 6],
    ['school', 3],
    ['access_team', 2],
    ['gp', 1],
  ],
  elder_abuse: [
    ['veilig_thuis', 4],
    ['gp', 4],
    ['access_team', 2],
    ['other', 1],
  ],
  acute_need: [
    ['access_team', 7],
    ['gp', 2],
    ['other', 2],
  ],
  neglect: [
    ['access_team', 4],
    ['gp', 2],
    ['school', 2],
    ['other', 1],
  ],
  other: [
    ['access_team', 4],
    ['gp', 3],
    ['police', 1],
    ['other', 2],
  ],
}

/** Stories as the coordinator writes them down; `name` is a first name or a pseudonym. */
const STORIES: readonly {
  section: ReportSection
  about: StoryAbout
  gender: 'female' | 'male'
  title: string
  text: (name: string) => string
}[] = [
  {
    section: 'shop',
    about: 'resident',
    gender: 'female',
    title: 'Een winterjas voor iedereen',
    text: (n) =>
      `${n} kwam in november met vier kinderen en één winterjas. Na het eerste bezoek liep ` +
      `iedereen warm naar huis. ‘Ik hoefde me nergens voor te schamen, ze deden alsof ik ` +
      `gewoon kwam winkelen.’`,
  },
  {
    section: 'shop',
    about: 'resident',
    gender: 'male',
    title: 'Een pak voor het gesprek',
    text: (n) =>
      `${n} had een sollicitatiegesprek en niets om aan te trekken. Een vrijwilliger zocht ` +
      `samen met hem een colbert en nette schoenen uit. Twee weken later kwam hij vertellen ` +
      `dat hij was aangenomen.`,
  },
  {
    section: 'shop',
    about: 'resident',
    gender: 'female',
    title: 'Meer dan kleding',
    text: (n) =>
      `Bij het passen vertelde ${n} over de stapel brieven die ze niet meer durfde open te ` +
      `maken. Dezelfde week zat ze bij het spreekuur formulierenhulp, en nu is er een ` +
      `betalingsregeling. ‘Ik slaap weer.’`,
  },
  {
    section: 'volunteers',
    about: 'volunteer',
    gender: 'male',
    title: 'Weer een ritme',
    text: (n) =>
      `${n} zat na een burn-out lang thuis. Hij begon met één ochtend sorteren en staat nu ` +
      `drie dagdelen in de winkel. ‘Het team rekent op me, en dat helpt me om op te staan.’`,
  },
  {
    section: 'volunteers',
    about: 'volunteer',
    gender: 'female',
    title: 'Van vrijwilliger naar baan',
    text: (n) =>
      `${n} leerde bij ons aan de kassa werken en met klanten omgaan. Met die ervaring op ` +
      `haar cv vond ze werk in de supermarkt om de hoek. Op zaterdag komt ze nog graag helpen.`,
  },
  {
    section: 'volunteers',
    about: 'volunteer',
    gender: 'female',
    title: 'Nederlands aan de balie',
    text: (n) =>
      `Toen ${n} begon, durfde ze aan de balie nauwelijks iets te zeggen. Een jaar later ` +
      `legt ze nieuwe bezoekers in het Nederlands uit hoe de winkel werkt. ‘Ik oefen elke ` +
      `dag, zonder dat het voelt als les.’`,
  },
  {
    section: 'support',
    about: 'resident',
    gender: 'female',
    title: 'Een middag lucht',
    text: (n) =>
      `${n} zorgt dag en nacht voor haar zoon met een beperking. Een vrijwilliger neemt het ` +
      `nu elke donderdagmiddag over. ‘Die paar uur zijn voor mij, en dat had ik jaren niet.’`,
  },
  {
    section: 'support',
    about: 'resident',
    gender: 'male',
    title: 'Samen wandelen',
    text: (n) =>
      `Na de dood van zijn vrouw kwam ${n} de deur bijna niet meer uit. Zijn maatje haalt ` +
      `hem elke week op voor een wandeling en koffie bij de bakker. Inmiddels gaat hij ook ` +
      `alleen naar de koffieochtend.`,
  },
  {
    section: 'support',
    about: 'volunteer',
    gender: 'female',
    title: 'Orde in de post',
    text: (n) =>
      `${n} helpt als vrijwilliger bij de thuisadministratie. Bij een oudere meneer vond ze ` +
      `in een la drie maanden aan onbetaalde rekeningen; samen maakten ze een overzicht. ` +
      `‘Hij zegt nu zelf wanneer de post binnen is.’`,
  },
  {
    section: 'interventions',
    about: 'resident',
    gender: 'female',
    title: 'De naaiclub',
    text: (n) =>
      `${n} kwam naar de naaiclub om een gordijn in te korten en bleef voor de gezelligheid. ` +
      `Nu leert ze nieuwe deelnemers de naaimachine gebruiken. ‘Hier heb ik mijn buren leren ` +
      `kennen.’`,
  },
  {
    section: 'interventions',
    about: 'resident',
    gender: 'male',
    title: 'Groente uit de buurt',
    text: (n) =>
      `${n} had nooit eerder iets gekweekt. In de buurtmoestuin heeft hij nu een eigen bak ` +
      `met tomaten, en wat over is deelt hij uit bij de koffieochtend.`,
  },
  {
    section: 'interventions',
    about: 'volunteer',
    gender: 'male',
    title: 'Fietsen voor de buurt',
    text: (n) =>
      `Bij het Repair Café maakt ${n} elke maand een stuk of tien fietsen weer rijklaar. ` +
      `‘Een kind dat weer naar school kan fietsen, daar doe ik het voor.’`,
  },
  {
    section: 'outcomes',
    about: 'resident',
    gender: 'female',
    title: 'Weer zelf verder',
    text: (n) =>
      `Toen ${n} bij ons kwam, stond alles stil: schulden, geen werk, weinig contact. Na een ` +
      `jaar met vaste dagdelen en een maatje heeft ze een baan van twintig uur. ‘Ik kan het ` +
      `nu zelf, en ik weet waar ik moet aankloppen als het misgaat.’`,
  },
  {
    section: 'outcomes',
    about: 'resident',
    gender: 'male',
    title: 'Een plan dat werkte',
    text: (n) =>
      `${n} wilde vooral weer onder de mensen zijn. Samen spraken we drie doelen af; twee ` +
      `zijn gehaald, het derde ‘komt nog’. Zijn cijfer voor ons: een negen.`,
  },
  {
    section: 'complaints',
    about: 'resident',
    gender: 'female',
    title: 'Gehoord',
    text: (n) =>
      `${n} was boos omdat haar afspraak twee keer was verzet. Na een gesprek met de ` +
      `coördinator kreeg ze een vaste dag, en de manier van plannen is voor iedereen ` +
      `veranderd. ‘Het voelde alsof mijn klacht iets heeft opgeleverd.’`,
  },
]
const STORY_NAMES: Record<'female' | 'male', readonly string[]> = {
  female: ['Anja', 'Samira', 'Joke', 'Esra', 'Wendy', 'Marja', 'Naima', 'Lies', 'Hanneke', 'Ilse'],
  male: ['Kees', 'Mohamed', 'Henk', 'Dennis', 'Ahmet', 'Bram', 'Yusuf', 'Theo', 'Ruud', 'Piet'],
}
const STORY_AREAS = ['Binnenstad', 'Noord', 'Zuid', 'Oost', 'West', 'Hoogland', 'Eemdijk']

const two = (n: number): string => String(n).padStart(2, '0')
const instant = (day: string, hour: number, minute: number): string =>
  `${day}T${two(hour)}:${two(minute)}:00.000Z`
const earlier = (a: string, b: string): string => (a < b ? a : b)
const year = (day: string): number => Number(day.slice(0, 4))
const byAt = <T extends { createdAt: string }>(a: T, b: T): number =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0

/**
 * Plans plans and goals, invitations and responses, signals and stories from `start` to `today`
 * and adds their audit entries to `events`. `households` are the shop's families (their ids may
 * still be unknown); `activities` the register as written.
 */
export function planLargeOutcomes<H>(
  rng: LargeRng,
  input: {
    start: string
    today: string
    people: readonly LargePerson[]
    households: readonly LargeOutcomeHousehold<H>[]
    activities: readonly LargeOutcomeActivity[]
    /** Ids of the questionnaire's active statements, in their order. */
    questionIds: readonly number[]
    /** 1 at 8,000 households and 20,000 people. */
    scale: number
  },
  events: { push(e: LargeOutcomeEvent<H>): unknown },
  seq: () => number,
): LargeOutcomesPlan<H> {
  const { start, today, people, scale } = input
  const last = addDays(today, -1)
  const event = (
    at: string,
    action: 'create' | 'update',
    entityType: string,
    entity: number | null,
    about: { household?: H | null; person?: number | null },
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
      subject: about.person != null ? { kind: 'person', id: about.person } : null,
      fields: fields.join(','),
      detail: null,
    })
  }

  // --- Plans and goals: a few days after the intake, closed when the person left. --------------
  const plans: Plan[] = []
  const goals: Omit<Goal, 'id'>[] = []
  const reviews: Omit<Review, 'id'>[] = []
  for (const p of people) {
    if (!p.intakeOn) continue
    const planDay = addDays(p.intakeOn, rng.int(1, 10))
    const end = p.outflowOn !== null && p.outflowOn <= last ? p.outflowOn : null
    if (planDay > last || (end !== null && planDay >= end)) continue
    const minute = rng.int(0, 59)
    const createdAt = instant(planDay, 15, minute)
    const own: Omit<Goal, 'id'>[] = []
    const texts = new Set<string>()
    for (let k = rng.int(1, 3); k > 0; k--) {
      const [text, zrmDomain] = rng.pick(GOALS)
      if (texts.has(text)) continue
      texts.add(text)
      own.push({ personId: p.id, text, zrmDomain, status: 'open', closedOn: null, createdAt })
    }
    const barriers = rng.pick(BARRIERS)
    const aim = rng.pick(AIMS)
    event(createdAt, 'create', 'plan', p.id, { person: p.id }, [
      ...(barriers ? ['barriers'] : []),
      'aim',
      'goals',
      'reviews',
    ])
    let updatedAt = createdAt
    // A review every six months while the trajectory runs; now and then a goal is reached there.
    const stop = end ?? last
    for (let on = addMonths(planDay, 6); ; on = addMonths(on, 6)) {
      const done = on <= stop
      // The next one stays planned while the trajectory runs; none after the person left.
      if (!done && end) break
      reviews.push({ personId: p.id, plannedOn: on, doneOn: done ? on : null })
      if (!done) break
      const open = own.filter((g) => g.status === 'open')
      const reached = open.length && rng.chance(0.3) ? rng.pick(open) : null
      if (reached) {
        reached.status = rng.chance(0.8) ? 'realised' : 'partly_realised'
        reached.closedOn = on
      }
      updatedAt = instant(on, 15, rng.int(0, 59))
      event(updatedAt, 'update', 'plan', p.id, { person: p.id }, [
        ...(reached ? ['goals'] : []),
        'reviews',
      ])
    }
    if (end && p.outflowKind) {
      const open = own.filter((g) => g.status === 'open')
      for (const g of open) {
        g.status = rng.weighted(CLOSED_AS[p.outflowKind])
        g.closedOn = end
      }
      if (open.length) {
        updatedAt = instant(end, 16, rng.int(0, 59))
        event(updatedAt, 'update', 'plan', p.id, { person: p.id }, ['goals'])
      }
    }
    plans.push({ personId: p.id, barriers, aim, updatedAt })
    goals.push(...own)
  }

  // --- The questionnaire: invitations, and what was answered, apart from who answered. --------
  const invites: Omit<Invite, 'id'>[] = []
  /** A response not yet given its id, with the invitation it belongs to (for the count only). */
  const answered: { invite: Omit<Invite, 'id'>; response: Omit<Response, 'id'>; at: string }[] = []
  const respond = (
    invite: Omit<Invite, 'id'>,
    mode: SurveyMode,
    answeredOn: string,
    shift: readonly (readonly [number, number])[] | undefined,
  ): void => {
    const mark = Math.max(
      1,
      Math.min(10, rng.weighted(SURVEY_MARKS) + (shift ? rng.weighted(shift) : 0)),
    )
    const at = instant(answeredOn, mode === 'screen' ? 15 : 10, rng.int(0, 59))
    answered.push({
      invite,
      at: at < invite.createdAt ? invite.createdAt : at,
      response: {
        occasion: invite.occasion,
        district: invite.district,
        month: answeredOn.slice(0, 7),
        mode,
        mark,
        answers: statementScores(rng, mark, input.questionIds, invite.occasion),
      },
    })
  }
  // Most people who left are asked at the last conversation; who dropped out is seldom reached.
  for (const p of people) {
    if (!p.outflowOn || p.outflowOn > last || !p.outflowKind) continue
    if (!rng.chance(p.outflowKind === 'dropped_out' ? 0.25 : 0.85)) continue
    const invitedOn = earlier(addDays(p.outflowOn, rng.int(0, 3)), last)
    const invite: Omit<Invite, 'id'> = {
      occasion: 'trajectory',
      personId: p.id,
      activityId: null,
      about: null,
      district: p.district,
      invitedOn,
      invited: 1,
      answered: 0,
      createdAt: instant(invitedOn, 14, rng.int(0, 59)),
      updatedAt: '',
    }
    invites.push(invite)
    if (!rng.chance(p.outflowKind === 'dropped_out' ? 0.45 : 0.72)) continue
    const onScreen = rng.chance(0.6)
    respond(
      invite,
      onScreen ? 'screen' : 'paper',
      onScreen ? invitedOn : earlier(addDays(invitedOn, rng.int(3, 25)), last),
      MARK_SHIFT[p.outflowKind],
    )
  }
  // Forms handed out after about one activity in eight, entered from paper in the days after.
  for (const a of input.activities) {
    if (a.participants < 6 || a.date > last || !rng.chance(0.125)) continue
    const invited = Math.min(
      500,
      Math.max(3, Math.round(a.participants * (0.6 + rng.int(0, 40) / 100))),
    )
    const invite: Omit<Invite, 'id'> = {
      occasion: 'activity',
      personId: null,
      activityId: a.id,
      about: null,
      district: a.area,
      invitedOn: a.date,
      invited,
      answered: 0,
      createdAt: instant(a.date, 16, rng.int(0, 59)),
      updatedAt: '',
    }
    invites.push(invite)
    const entered = Math.round(invited * (0.4 + rng.int(0, 40) / 100))
    for (let k = 0; k < entered; k++)
      respond(invite, 'paper', earlier(addDays(a.date, rng.int(1, 12)), last), undefined)
  }
  // Two or three services a year: forms on the counter for a few weeks.
  for (let year = Number(start.slice(0, 4)); year <= Number(last.slice(0, 4)); year++) {
    for (const about of rng.sample(SURVEY_SERVICES, rng.int(2, 3))) {
      const invitedOn = `${year}-${two(rng.int(1, 12))}-${two(rng.int(1, 28))}`
      if (invitedOn < start || invitedOn > last) continue
      const invited = rng.int(20, 60)
      const invite: Omit<Invite, 'id'> = {
        occasion: 'service',
        personId: null,
        activityId: null,
        about,
        district: null,
        invitedOn,
        invited,
        answered: 0,
        createdAt: instant(invitedOn, 9, rng.int(0, 59)),
        updatedAt: '',
      }
      invites.push(invite)
      const entered = Math.round(invited * (0.45 + rng.int(0, 30) / 100))
      for (let k = 0; k < entered; k++)
        respond(invite, 'paper', earlier(addDays(invitedOn, rng.int(2, 35)), last), undefined)
    }
  }
  const inviteRows: Invite[] = invites.sort(byAt).map((v, i) => Object.assign(v, { id: i + 1 }))
  for (const v of inviteRows) {
    v.updatedAt = v.createdAt
    // As surveys.invite logs it: under the person a trajectory's invitation is about.
    event(v.createdAt, 'create', 'surveyInvite', v.id, { person: v.personId }, [
      'occasion',
      'invitedOn',
      'invited',
    ])
  }
  // Each response gets an id drawn at random: the order of the rows tells nothing of who or when.
  answered.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0))
  const taken = new Set<number>()
  const responses: Response[] = []
  for (const a of answered) {
    // Below 2^47, as surveys.answer draws them.
    let id = 0
    while (id === 0 || taken.has(id))
      id = rng.int(0, 2 ** 15 - 1) * 2 ** 32 + rng.int(0, 2 ** 32 - 1)
    taken.add(id)
    responses.push({ ...a.response, id })
    const v = a.invite as Invite
    v.answered++
    if (a.at > v.updatedAt) v.updatedAt = a.at
    // As surveys.answer logs it: the invitation whose count went up, never the response.
    event(a.at, 'update', 'surveyInvite', v.id, { person: v.personId }, ['answered'])
  }

  // --- Safety signals, on families of the shop and people of the register. ---------------------
  const signals: Omit<Signal<H>, 'id'>[] = []
  const span = Math.max(1, daysBetween(start, last))
  const years = span / 365.25
  const [few, many] = LARGE_SIGNALS_PER_YEAR
  // A small organisation still has a couple a year.
  const signalCount = Math.max(
    Math.round(2 * years),
    Math.round(((few + many) / 2) * years * scale),
  )
  const byId = new Map(people.map((p) => [p.id, p]))
  const inRegister = (p: LargePerson, day: string): boolean =>
    p.intakeOn !== null && p.intakeOn <= day && (p.outflowOn === null || p.outflowOn > day)
  for (let k = 0; k < signalCount; k++) {
    const day = addDays(start, rng.int(0, span))
    let household: H | null = null
    let personId: number | null = null
    // Two in three at the shop's counter, the others from the volunteers' trajectories.
    if (rng.chance(0.65) && input.households.length) {
      for (let tries = 0; tries < 40 && household === null; tries++) {
        const h = input.households[rng.int(0, input.households.length - 1)]
        if (h.since <= day && day <= h.until) household = h.row
      }
    }
    if (household === null)
      for (let tries = 0; tries < 60 && personId === null; tries++) {
        const p = people[rng.int(0, people.length - 1)]
        if (inRegister(p, day)) personId = p.id
      }
    if (household === null && personId === null) continue
    let kind = rng.weighted(household !== null ? KINDS_HOUSEHOLD : KINDS_PERSON)
    // Abuse of an elder is signalled on the older people only.
    if (kind === 'elder_abuse' && (byId.get(personId!)?.birthYear ?? 0) > year(day) - 60)
      kind = 'acute_need'
    const chosen = new Set<CareSignalParty>([rng.weighted(PARTIES[kind])])
    if (rng.chance(0.35)) chosen.add(rng.weighted(PARTIES[kind]))
    if (rng.chance(0.05)) chosen.delete(rng.pick([...chosen]))
    const discussedWith = CARE_SIGNAL_PARTIES.filter((c) => chosen.has(c))
    signals.push({
      household,
      personId,
      signalledOn: day,
      kind,
      discussedWith,
      discussedOther: chosen.has('other') ? rng.pick(SIGNAL_OTHERS) : null,
      note: rng.chance(0.85) ? rng.pick(SIGNAL_NOTES[kind]) : null,
      createdAt: instant(earlier(addDays(day, rng.chance(0.8) ? 0 : 1), last), 12, rng.int(0, 59)),
    })
  }
  const signalRows: Signal<H>[] = signals.sort(byAt).map((s, i) => Object.assign(s, { id: i + 1 }))
  // As careSignals.save logs it: under the household or person, the fields filled in.
  for (const s of signalRows)
    event(
      s.createdAt,
      'create',
      'careSignal',
      s.id,
      { household: s.household, person: s.personId },
      [
        'signalledOn',
        'kind',
        ...(s.discussedWith.length ? ['discussedWith'] : []),
        ...(s.discussedOther !== null ? ['discussedOther'] : []),
        ...(s.note !== null ? ['note'] : []),
      ],
    )

  // --- Stories: three to five a year, written down once the person agreed. --------------------
  const stories: Omit<Story, 'id'>[] = []
  let next = 0
  const order = rng.sample(
    STORIES.map((_, i) => i),
    STORIES.length,
  )
  // Names in turn too, so a year's report does not tell two stories of the same Marja.
  const names = {
    female: rng.sample(STORY_NAMES.female, STORY_NAMES.female.length),
    male: rng.sample(STORY_NAMES.male, STORY_NAMES.male.length),
  }
  const told = { female: 0, male: 0 }
  for (let year = Number(start.slice(0, 4)); year <= Number(last.slice(0, 4)); year++) {
    for (let k = rng.int(3, 5); k > 0; k--) {
      const toldOn = `${year}-${two(rng.int(1, 12))}-${two(rng.int(1, 28))}`
      const consentOn = addDays(toldOn, rng.int(2, 21))
      if (toldOn < start || consentOn > last) continue
      const s = STORIES[order[next++ % order.length]]
      const name = names[s.gender][told[s.gender]++ % names[s.gender].length]
      stories.push({
        section: s.section,
        about: s.about,
        name,
        title: s.title,
        text: s.text(name),
        toldOn,
        consentOn,
        area: rng.chance(0.25) ? rng.pick(STORY_AREAS) : null,
        createdAt: instant(consentOn, 11, rng.int(0, 59)),
      })
    }
  }
  const storyRows: Story[] = stories.sort(byAt).map((s, i) => Object.assign(s, { id: i + 1 }))
  for (const s of storyRows)
    event(s.createdAt, 'create', 'story', s.id, {}, [
      'section',
      'about',
      'name',
      'title',
      'text',
      'toldOn',
      'consentOn',
      ...(s.area !== null ? ['area'] : []),
    ])

  const goalRows: Goal[] = goals
    .sort((a, b) => byAt(a, b) || a.personId - b.personId)
    .map((g, i) => ({ ...g, id: i + 1 }))
  const reviewRows: Review[] = reviews.map((r, i) => ({ ...r, id: i + 1 }))
  return {
    plans,
    goals: goalRows,
    reviews: reviewRows,
    invites: inviteRows,
    responses,
    signals: signalRows,
    stories: storyRows,
  }
}

/** Writes the planned rows with prepared statements (the families must have their ids now). */
export function writeLargeOutcomes<H extends { id: number }>(
  sqlite: Database.Database,
  plan: LargeOutcomesPlan<H>,
  coordinatorId: number,
): LargeOutcomesSummary {
  const batch = <T>(rows: readonly T[], sql: string, values: (r: T) => unknown[]): void => {
    const stmt = sqlite.prepare(sql)
    const run = sqlite.transaction((part: readonly T[]) => {
      for (const r of part) stmt.run(values(r))
    })
    for (let i = 0; i < rows.length; i += 20_000) run(rows.slice(i, i + 20_000))
  }
  batch(
    plan.plans,
    'insert into plan (person_id, barriers, aim, updated_at) values (?, ?, ?, ?)',
    (p) => [p.personId, p.barriers, p.aim, p.updatedAt],
  )
  batch(
    plan.goals,
    `insert into plan_goal (id, person_id, text, zrm_domain, status, closed_on, created_at)
      values (?, ?, ?, ?, ?, ?, ?)`,
    (g) => [g.id, g.personId, g.text, g.zrmDomain, g.status, g.closedOn, g.createdAt],
  )
  batch(
    plan.reviews,
    'insert into plan_review (id, person_id, planned_on, done_on, note) values (?, ?, ?, ?, ?)',
    (r) => [r.id, r.personId, r.plannedOn, r.doneOn, null],
  )
  batch(
    plan.invites,
    `insert into survey_invite (id, occasion, person_id, activity_id, about, district, invited_on,
      invited, answered, created_at, created_by, updated_at)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    (v) => [
      v.id,
      v.occasion,
      v.personId,
      v.activityId,
      v.about,
      v.district,
      v.invitedOn,
      v.invited,
      v.answered,
      v.createdAt,
      coordinatorId,
      v.updatedAt,
    ],
  )
  batch(
    plan.responses,
    `insert into survey_response (id, occasion, district, month, mode, mark)
      values (?, ?, ?, ?, ?, ?)`,
    (r) => [r.id, r.occasion, r.district, r.month, r.mode, r.mark],
  )
  batch(
    plan.responses.flatMap((r) => r.answers.map((a) => [r.id, a.questionId, a.score])),
    'insert into survey_answer (response_id, question_id, score) values (?, ?, ?)',
    (r) => r,
  )
  batch(
    plan.signals,
    `insert into care_signal (id, household_id, person_id, signalled_on, kind, discussed_with,
      discussed_other, note, by_account_id, created_at, updated_at)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    (s) => [
      s.id,
      s.household?.id ?? null,
      s.personId,
      s.signalledOn,
      s.kind,
      s.discussedWith.join(','),
      s.discussedOther,
      s.note,
      coordinatorId,
      s.createdAt,
      s.createdAt,
    ],
  )
  batch(
    plan.stories,
    `insert into story (id, section, about, name, title, text, told_on, consent_on, area,
      created_at, created_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    (s) => [
      s.id,
      s.section,
      s.about,
      s.name,
      s.title,
      s.text,
      s.toldOn,
      s.consentOn,
      s.area,
      s.createdAt,
      coordinatorId,
      s.createdAt,
    ],
  )
  return {
    plans: plan.plans.length,
    goals: plan.goals.length,
    goalsClosed: plan.goals.filter((g) => g.status !== 'open').length,
    invites: plan.invites.length,
    invited: plan.invites.reduce((n, v) => n + v.invited, 0),
    answered: plan.responses.length,
    answers: plan.responses.reduce((n, r) => n + r.answers.length, 0),
    careSignals: plan.signals.length,
    stories: plan.stories.length,
  }
}
