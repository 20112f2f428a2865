/**
 * Demo data for the outcome indicators (issue 17): the satisfaction questionnaire offered to a
 * dozen people whose trajectory ended (most filled it in, on the PC at the last conversation or
 * on paper at home), after three activities and in the clothing shop (forms handed out, most of
 * them entered later), four confidential safety signals (zorgsignalen) on families and people,
 * discussed with the Toegangsteam, Veilig Thuis or the GP, and four stories with consent beside
 * the report's figures. Written through the real router with the clock at each moment, in the
 * order things happened, from the people, families and activities the demo made before. The
 * goals closed and trajectories ended that the figures also count are the follow-up demo's.
 */
import type { Kysely } from 'kysely'
import type { DB } from '../src/main/db/schema'
import type { MethodInput, MethodName, MethodOutput } from '../src/shared/api'
import { addDays } from '../src/shared/dates'
import type {
  CareSignalKind,
  CareSignalParty,
  StoryAbout,
  SurveyMode,
  SurveyOccasion,
} from '../src/shared/schemas/outcomes'
import type { ReportSection } from '../src/shared/schemas/reports'

/** What this part needs of the demo's writer (scripts/demo-data.ts `Writer`). */
export interface OutcomesWriter {
  vault: { db: Kysely<DB> }
  call<M extends MethodName>(
    instant: string,
    method: M,
    input: MethodInput<M>,
  ): Promise<MethodOutput<M>>
}

/** What this part needs of the demo's random numbers (scripts/demo-data.ts `Rng`). */
export interface OutcomesRng {
  int(min: number, max: number): number
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  sample<T>(items: readonly T[], n: number): T[]
  weighted<T>(items: readonly (readonly [T, number])[]): T
}

export interface OutcomesSummary {
  invites: number
  byOccasion: Record<SurveyOccasion, number>
  /** Forms handed out (people asked) and entered. */
  invited: number
  answered: number
  careSignals: number
  stories: number
  /** Areas of the tree drawn for the demo. */
  areas: number
}

/** "Welk rapportcijfer geeft u ons?": mostly a seven to a nine, now and then lower. */
export const SURVEY_MARKS: readonly (readonly [number, number])[] = [
  [3, 1],
  [4, 1],
  [5, 2],
  [6, 5],
  [7, 14],
  [8, 20],
  [9, 12],
  [10, 4],
]

/**
 * A score 1-5 per statement that goes with the mark (a nine agrees, a five mostly does not), or
 * none where the statement was left open. `ownWay` is the statement about managing on one's own,
 * which people after an activity or a visit to the shop leave open more often.
 */
export function statementScores(
  rng: Pick<OutcomesRng, 'chance' | 'weighted'>,
  mark: number,
  questionIds: readonly number[],
  occasion: SurveyOccasion,
): { questionId: number; score: number }[] {
  const base = mark >= 9 ? 5 : mark >= 7 ? 4 : mark >= 6 ? 3 : 2
  const out: { questionId: number; score: number }[] = []
  for (const [i, questionId] of questionIds.entries()) {
    const open = i === 2 && occasion !== 'trajectory' ? 0.4 : 0.06
    if (rng.chance(open)) continue
    const step = rng.weighted([
      [-1, 3],
      [0, 6],
      [1, 1],
    ] as const)
    out.push({ questionId, score: Math.max(1, Math.min(5, base + step)) })
  }
  return out
}

/** Services the forms are handed out at (the `about` of a service's invitation). */
export const SURVEY_SERVICES = [
  'Kledingwinkel',
  'Spreekuur formulierenhulp',
  'Inloop informatie en advies',
  'Kerstpakkettenactie',
] as const

/** What the coordinator notes with a signal: never a name, only what was seen and done. */
export const SIGNAL_NOTES: Record<CareSignalKind, readonly string[]> = {
  domestic_violence: [
    'Moeder vertelde bij de balie over spanningen en geweld thuis; samen met haar Veilig Thuis gebeld.',
    'Blauwe plekken gezien, bewoner wil er niet over praten. Advies gevraagd bij Veilig Thuis.',
    'Partner wacht steeds buiten en beslist over het geld; met toestemming het toegangsteam ingelicht.',
  ],
  child_abuse: [
    'Kind zei bij het passen dat het thuis vaak wordt geslagen. Meldcode gevolgd, Veilig Thuis ingeschakeld.',
    'Zorgen over de kinderen na een gesprek met de moeder; overlegd met school en Veilig Thuis.',
  ],
  elder_abuse: [
    'Oudere bewoner vertelt dat er geld van de rekening verdwijnt sinds een familielid bij haar woont.',
    'Vrijwilliger ziet dat de mantelzorger erg kortaf en hardhandig is; besproken met de huisarts.',
  ],
  acute_need: [
    'Geen eten meer in huis en de energie is afgesloten. Noodpakket meegegeven, toegangsteam gebeld.',
    'Huisuitzetting volgende week aangekondigd; dezelfde dag het toegangsteam ingeschakeld.',
    'Bewoner uitte gedachten aan zelfdoding; samen de huisarts gebeld, die hem nog dezelfde dag zag.',
  ],
  neglect: [
    'Kinderen komen in de winter zonder jas en zonder ontbijt; overlegd met school en het toegangsteam.',
    'Woning erg vervuild, bewoner lijkt niet meer voor zichzelf te zorgen. Wijkverpleging gevraagd langs te gaan.',
  ],
  other: [
    'Vermoeden van uitbuiting: werkt lange dagen zonder loon. Advies gevraagd bij het toegangsteam.',
    'Grote zorgen om de gezondheid, weigert hulp. Met de huisarts besproken.',
  ],
}

/** Other parties a signal is discussed with, where none of the fixed ones fits. */
export const SIGNAL_OTHERS = [
  'Wijkverpleging',
  'Schuldhulpverlening',
  'Woningcorporatie',
  'Wijkagent',
] as const

export interface DemoStory {
  section: ReportSection
  about: StoryAbout
  name: string
  title: string
  text: string
}

/** The small demo's four stories, each told with consent, in a section of its own. */
export const DEMO_STORIES: readonly DemoStory[] = [
  {
    section: 'shop',
    about: 'resident',
    name: 'Fatima',
    title: 'Weer kleren die passen',
    text:
      'Fatima kwam vorig najaar voor het eerst met haar drie kinderen naar de winkel. ‘Ze groeien ' +
      'zo snel, ik kon het gewoon niet meer bijhouden.’ Nu komt ze om de paar weken, en op ' +
      'zaterdag helpt ze zelf mee met het sorteren van de nieuwe kleding.',
  },
  {
    section: 'volunteers',
    about: 'volunteer',
    name: 'Kees',
    title: 'Van de bank naar de balie',
    text:
      'Na zijn ontslag zat Kees ruim een jaar thuis. Hij begon bij ons met twee ochtenden aan de ' +
      'balie en maakt nu het rooster van het sorteerteam. ‘Ik merk dat ik weer nodig ben, en dat ' +
      'geeft me energie.’',
  },
  {
    section: 'support',
    about: 'resident',
    name: 'Riet',
    title: 'Eén middag voor mezelf',
    text:
      'Riet zorgt al jaren voor haar man, die dementie heeft. Sinds een maatje elke dinsdagmiddag ' +
      'bij hem blijft, zingt ze weer in het koor. ‘Die ene middag houdt me overeind.’',
  },
  {
    section: 'interventions',
    about: 'resident',
    name: 'Yusuf',
    title: 'Repareren met de buren',
    text:
      'Yusuf kwam met een kapotte stofzuiger naar het Repair Café en ging naar huis met een ' +
      'stofzuiger die het weer deed en twee nieuwe kennissen. Hij komt nu elke maand, en ' +
      'repareert inmiddels zelf fietsen voor de kinderen uit de straat.',
  },
]

const at = (day: string, hour: number, minute = 0): string =>
  `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`
const earlier = (a: string, b: string): string => (a < b ? a : b)
const year = (day: string): number => Number(day.slice(0, 4))

type Action = { instant: string; order: number; run: () => Promise<void> }

/** The fixed signals of the small demo: a kind, on a family or a person, and whom with. */
const DEMO_SIGNALS: readonly {
  on: 'household' | 'person'
  kind: CareSignalKind
  with: readonly CareSignalParty[]
  other?: string
  daysAgo: number
}[] = [
  {
    on: 'household',
    kind: 'domestic_violence',
    with: ['veilig_thuis', 'access_team'],
    daysAgo: 300,
  },
  { on: 'person', kind: 'acute_need', with: ['access_team'], daysAgo: 190 },
  { on: 'household', kind: 'neglect', with: ['gp', 'school'], daysAgo: 95 },
  {
    on: 'person',
    kind: 'elder_abuse',
    with: ['gp', 'other'],
    other: 'Wijkverpleging',
    daysAgo: 40,
  },
]

/**
 * Writes invitations and their answers, signals and stories up to `today` (run after the
 * volunteers, follow-up and activities demos: the people who left and the activities are theirs).
 */
export async function seedOutcomes(
  writer: OutcomesWriter,
  rng: OutcomesRng,
  today: string,
): Promise<OutcomesSummary> {
  const db = writer.vault.db
  const last = addDays(today, -1)
  const summary: OutcomesSummary = {
    invites: 0,
    byOccasion: { trajectory: 0, activity: 0, service: 0 },
    invited: 0,
    answered: 0,
    careSignals: 0,
    stories: 0,
    areas: 0,
  }
  // The areas tree of the demo's districts (issue 17): Eemstad with two areas and a village, and
  // Leusden, which asks for a few figures of its own.
  const tree: [string, 'municipality' | 'area' | 'district' | 'village', string | null][] = [
    ['Eemstad', 'municipality', null],
    ['Eemstad-Centrum', 'area', 'Eemstad'],
    ['Binnenstad', 'district', 'Eemstad-Centrum'],
    ['Eemkwartier', 'district', 'Eemstad-Centrum'],
    ['Eemstad-Noord', 'area', 'Eemstad'],
    ['Noord', 'district', 'Eemstad-Noord'],
    ['Kruiskamp', 'district', 'Eemstad-Noord'],
    ['Molenwijk', 'district', 'Eemstad-Noord'],
    ['Hoogland', 'village', 'Eemstad'],
    ['Leusden', 'municipality', null],
    ['Leusden-Zuid', 'district', 'Leusden'],
  ]
  const areaIds = new Map<string, number>()
  const treeAt = at(addDays(today, -400), 9)
  for (const [name, kind, parent] of tree) {
    const saved = await writer.call(treeAt, 'areas.save', {
      id: null,
      name,
      kind,
      parentId: parent === null ? null : areaIds.get(parent)!,
    })
    areaIds.set(name, saved.id)
  }
  await writer.call(treeAt, 'areas.setIndicators', {
    id: areaIds.get('Leusden')!,
    keys: [
      'shop.householdsReached',
      'shop.visits',
      'shop.childrenReached',
      'volunteers.registered',
      'support.carersRegistered',
      'outcomes.responses',
      'outcomes.meanMark',
      'outcomes.goalsRealised',
    ],
  })
  summary.areas = tree.length

  const questions = await writer.call(at(last, 8), 'surveys.questions', {})
  const questionIds = questions.filter((q) => q.active).map((q) => q.id)

  const actions: Action[] = []
  let order = 0
  const push = (instant: string, run: () => Promise<void>): void => {
    actions.push({ instant, order: order++, run })
  }

  /** One form entered: on screen the day asked, on paper some days later. */
  const answer = (
    invite: { id: number },
    occasion: SurveyOccasion,
    mode: SurveyMode,
    answeredOn: string,
  ): void => {
    const mark = rng.weighted(SURVEY_MARKS)
    const answers = statementScores(rng, mark, questionIds, occasion)
    push(at(answeredOn, mode === 'screen' ? 15 : 10, rng.int(0, 59)), async () => {
      await writer.call(at(answeredOn, mode === 'screen' ? 15 : 10), 'surveys.answer', {
        inviteId: invite.id,
        mode,
        answeredOn,
        mark,
        answers,
      })
      summary.answered++
    })
  }

  // A dozen people whose trajectory ended: asked at (or just after) the last conversation.
  const leavers = await db
    .selectFrom('person')
    .select(['id', 'outflowOn'])
    .where('anonymisedAt', 'is', null)
    .where('outflowOn', 'is not', null)
    .where('outflowOn', '<=', last)
    .orderBy('id')
    .execute()
  for (const p of rng.sample(leavers, Math.min(12, leavers.length))) {
    const invitedOn = earlier(addDays(p.outflowOn!, rng.int(0, 3)), last)
    const invite = { id: 0 }
    push(at(invitedOn, 14, rng.int(0, 59)), async () => {
      const saved = await writer.call(at(invitedOn, 14), 'surveys.invite', {
        occasion: 'trajectory',
        personId: p.id,
        invitedOn,
        invited: 1,
      })
      invite.id = saved.id
      summary.invites++
      summary.byOccasion.trajectory++
      summary.invited++
    })
    // Four in five fill it in: most on the PC right away, some at home on paper.
    if (!rng.chance(0.8)) continue
    const onScreen = rng.chance(0.65)
    answer(
      invite,
      'trajectory',
      onScreen ? 'screen' : 'paper',
      onScreen ? invitedOn : earlier(addDays(invitedOn, rng.int(4, 20)), last),
    )
  }

  // Three activities with forms handed out at the end, entered from paper in the days after.
  const activities = await db
    .selectFrom('activity')
    .select(['id', 'title', 'date', 'participants'])
    .where('participants', '>=', 10)
    .where('date', '<=', addDays(today, -14))
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .execute()
  const byTitle = new Map<string, (typeof activities)[number]>()
  for (const a of activities) if (!byTitle.has(a.title)) byTitle.set(a.title, a)
  for (const a of rng.sample([...byTitle.values()], Math.min(3, byTitle.size))) {
    const invited = Math.min(a.participants, rng.int(10, 20))
    const entered = Math.round(invited * (0.55 + rng.int(0, 25) / 100))
    const invite = { id: 0 }
    push(at(a.date, 16, rng.int(0, 59)), async () => {
      const saved = await writer.call(at(a.date, 16), 'surveys.invite', {
        occasion: 'activity',
        activityId: a.id,
        invitedOn: a.date,
        invited,
      })
      invite.id = saved.id
      summary.invites++
      summary.byOccasion.activity++
      summary.invited += invited
    })
    for (let k = 0; k < entered; k++)
      answer(invite, 'activity', 'paper', earlier(addDays(a.date, rng.int(1, 10)), last))
  }

  // A month of forms on the shop's counter, entered as they came back.
  const serviceOn = addDays(today, -rng.int(50, 70))
  const serviceInvited = rng.int(35, 45)
  const service = { id: 0 }
  push(at(serviceOn, 9, 15), async () => {
    const saved = await writer.call(at(serviceOn, 9), 'surveys.invite', {
      occasion: 'service',
      about: SURVEY_SERVICES[0],
      invitedOn: serviceOn,
      invited: serviceInvited,
    })
    service.id = saved.id
    summary.invites++
    summary.byOccasion.service++
    summary.invited += serviceInvited
  })
  for (let k = Math.round(serviceInvited * 0.6); k > 0; k--)
    answer(service, 'service', 'paper', earlier(addDays(serviceOn, rng.int(2, 35)), last))

  // Four safety signals, on families of the shop and people of the register.
  const families = await db
    .selectFrom('household')
    .select(['id', 'createdAt'])
    .where('anonymisedAt', 'is', null)
    .where('status', '=', 'active')
    .orderBy('id')
    .limit(80)
    .execute()
  const people = await db
    .selectFrom('person')
    .select(['id', 'intakeOn', 'outflowOn', 'birthYear'])
    .where('anonymisedAt', 'is', null)
    .where('intakeOn', 'is not', null)
    .orderBy('id')
    .execute()
  for (const s of DEMO_SIGNALS) {
    const day = addDays(today, -(s.daysAgo + rng.int(-10, 10)))
    let subject: { householdId: number } | { personId: number } | null = null
    if (s.on === 'household') {
      const known = families.filter((h) => h.createdAt.slice(0, 10) < day)
      if (known.length) subject = { householdId: rng.pick(known).id }
    } else {
      const present = people.filter(
        (p) => p.intakeOn! <= day && (p.outflowOn === null || p.outflowOn > day),
      )
      // Abuse of an elder is signalled on one of the older people, where there is one.
      const old = present.filter((p) => p.birthYear !== null && p.birthYear <= year(day) - 60)
      const pool = s.kind === 'elder_abuse' && old.length ? old : present
      if (pool.length) subject = { personId: rng.pick(pool).id }
    }
    if (!subject) continue
    const input: MethodInput<'careSignals.save'> = {
      id: null,
      ...subject,
      signalledOn: day,
      kind: s.kind,
      discussedWith: [...s.with],
      discussedOther: s.other ?? null,
      note: rng.pick(SIGNAL_NOTES[s.kind]),
    }
    push(at(day, 12, rng.int(0, 59)), async () => {
      await writer.call(at(day, 12), 'careSignals.save', input)
      summary.careSignals++
    })
  }

  // Four stories, written down some days after they were told, once the person agreed.
  for (const [i, story] of DEMO_STORIES.entries()) {
    const toldOn = addDays(today, -(40 + i * 75 + rng.int(0, 30)))
    const consentOn = earlier(addDays(toldOn, rng.int(2, 14)), last)
    push(at(consentOn, 11, rng.int(0, 59)), async () => {
      await writer.call(at(consentOn, 11), 'stories.save', {
        id: null,
        section: story.section,
        about: story.about,
        name: story.name,
        title: story.title,
        text: story.text,
        toldOn,
        consentOn,
        area: null,
      })
      summary.stories++
    })
  }

  actions.sort((a, b) => a.instant.localeCompare(b.instant) || a.order - b.order)
  for (const a of actions) await a.run()
  return summary
}
