/**
 * Demo data for the core of the volunteers domain: host organisations (the shop itself among
 * them), their vacancies, and about 120 people registered over the last two years: most had
 * their intake, some left (with how), a few moved on within the organisation, and a handful came
 * from a shop family that showed "interesse in vrijwilligerswerk". Written through the real
 * router with the clock at the day each thing happened. Placements (V2) and follow-up (V3) are
 * seeded afterwards from the people and vacancies made here.
 */
import type { MethodInput, MethodName, MethodOutput } from '../src/shared/api'
import { addDays } from '../src/shared/dates'
import {
  DEMANDS,
  OUTFLOW_KINDS,
  type Demand,
  type HalfDay,
  type OutflowKind,
} from '../src/shared/schemas/volunteers'

/** What this part needs of the demo's writer (scripts/demo-data.ts `Writer`). */
export interface VolunteersWriter {
  call<M extends MethodName>(
    instant: string,
    method: M,
    input: MethodInput<M>,
  ): Promise<MethodOutput<M>>
}

/** What this part needs of the demo's random numbers (scripts/demo-data.ts `Rng`). */
export interface VolunteersRng {
  int(min: number, max: number): number
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  sample<T>(items: readonly T[], n: number): T[]
  weighted<T>(items: readonly (readonly [T, number])[]): T
}

export interface VolunteersSummary {
  hosts: number
  vacancies: number
  people: number
  withIntake: number
  left: number
  moves: number
  fromHouseholds: number
}

const at = (day: string, hour = 10, minute = 0): string =>
  `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`

/** Invented host organisations of the demo town Eemstad, with their contact person. */
const HOSTS: { name: string; area: string | null; contact: string; helps: string }[] = [
  {
    name: 'Buurthuis De Linde',
    area: 'Noord',
    contact: 'Henk Smit',
    helps: 'Buurtactiviteiten, koffieochtenden',
  },
  {
    name: 'Zorgcentrum Eemhof',
    area: 'Binnenstad',
    contact: 'Ria Mulder',
    helps: 'Ouderenzorg, dagbesteding',
  },
  {
    name: 'Kringloop De Cirkel',
    area: 'Zuid',
    contact: 'Ahmed Benali',
    helps: 'Tweedehands spullen, sorteren',
  },
  {
    name: 'Stadsboerderij Eemweide',
    area: 'Oost',
    contact: 'Joke de Haan',
    helps: 'Dieren, tuin, educatie',
  },
  {
    name: 'Bibliotheek Eemstad',
    area: null,
    contact: 'Pieter Vos',
    helps: 'Taalcafé, digitale hulp',
  },
  {
    name: 'Voetbalvereniging EVV',
    area: 'West',
    contact: 'Ronald Bos',
    helps: 'Kantine, materiaal, jeugd',
  },
  { name: 'Repair Café Eemstad', area: null, contact: 'Gerrit Kok', helps: 'Reparaties, techniek' },
  {
    name: 'Speeltuin De Bolderik',
    area: 'Noord',
    contact: 'Sandra Peters',
    helps: 'Speeltuin, kinderactiviteiten',
  },
  {
    name: 'Wijkrestaurant Smaak',
    area: 'Zuid',
    contact: 'Fatma Yildiz',
    helps: 'Koken, bediening, afwas',
  },
  { name: 'Dierenasiel Eemland', area: null, contact: 'Lotte Jansen', helps: 'Verzorging dieren' },
  {
    name: 'Stichting Taalmaatjes',
    area: null,
    contact: 'Karin Dekker',
    helps: 'Taal, begeleiding',
  },
  {
    name: 'Hospice De Overkant',
    area: 'Oost',
    contact: 'Marianne de Wit',
    helps: 'Gastvrouw, tuin',
  },
  {
    name: 'Museum Het Eemhuis',
    area: 'Binnenstad',
    contact: 'Thomas Brouwer',
    helps: 'Suppoost, balie',
  },
  {
    name: 'Sportcentrum De Eem',
    area: 'West',
    contact: 'Dennis Hermans',
    helps: 'Sport, beweging',
  },
  {
    name: 'Moestuin Samen',
    area: 'Zuid',
    contact: 'Anouk Verhoeven',
    helps: 'Tuinieren, oogst delen',
  },
  {
    name: 'Kerk aan de Gracht',
    area: 'Binnenstad',
    contact: 'Wim Schouten',
    helps: 'Ontmoeting, maaltijden',
  },
  {
    name: 'Kinderboerderij Hoefslag',
    area: 'Hoogland',
    contact: 'Ilse Kramer',
    helps: 'Dieren, kinderen',
  },
  {
    name: 'Wijkteam Eemstad Zuid',
    area: 'Zuid',
    contact: 'Yusuf Demir',
    helps: 'Ondersteuning, activiteiten',
  },
  {
    name: 'Fietsenwerkplaats Trapkracht',
    area: 'Noord',
    contact: 'Bas Maas',
    helps: 'Fietsen opknappen',
  },
  {
    name: 'Theater De Schakel',
    area: 'Binnenstad',
    contact: 'Esther Groen',
    helps: 'Zaalwacht, garderobe',
  },
  { name: 'Zwembad Het Eemdal', area: 'Oost', contact: 'Niels Dijkstra', helps: 'Kassa, toezicht' },
  {
    name: 'Ouderensoos De Zonnebloem',
    area: 'Hoogland',
    contact: 'Truus Prins',
    helps: 'Spelmiddagen, vervoer',
  },
  { name: 'Natuurwerkgroep Eemoever', area: null, contact: 'Jeroen Post', helps: 'Natuurbeheer' },
  {
    name: 'Vluchtelingenwerk Eemstad',
    area: null,
    contact: 'Nadia Haddad',
    helps: 'Taal, maatjes',
  },
]

const TITLES: { title: string; tasks: string; demands: Demand[] }[] = [
  {
    title: 'Gastvrouw of gastheer',
    tasks: 'Koffie schenken, mensen welkom heten, praatje maken',
    demands: ['standing', 'customer_contact'],
  },
  {
    title: 'Hulp in de keuken',
    tasks: 'Groente snijden, afwassen, opruimen',
    demands: ['standing'],
  },
  {
    title: 'Sorteren en prijzen',
    tasks: 'Spullen sorteren, prijzen, in de schappen zetten',
    demands: ['lifting', 'standing'],
  },
  { title: 'Tuinonderhoud', tasks: 'Wieden, snoeien, harken', demands: ['lifting', 'walking'] },
  {
    title: 'Administratief medewerker',
    tasks: 'Post, archief, invoer in de computer',
    demands: ['screen_work'],
  },
  {
    title: 'Chauffeur',
    tasks: 'Mensen of spullen rondbrengen',
    demands: ['public_transport', 'lifting'],
  },
  {
    title: 'Baliemedewerker',
    tasks: 'Telefoon, bezoekers ontvangen, vragen beantwoorden',
    demands: ['customer_contact'],
  },
  { title: 'Dierverzorger', tasks: 'Voeren, hokken schoonmaken', demands: ['lifting', 'walking'] },
  { title: 'Klusjesman of -vrouw', tasks: 'Kleine reparaties, schilderen', demands: ['lifting'] },
  {
    title: 'Activiteitenbegeleider',
    tasks: 'Spelmiddag of creatieve middag begeleiden',
    demands: ['customer_contact'],
  },
  {
    title: 'Zaalwacht avond',
    tasks: 'Toezicht bij voorstellingen, garderobe',
    demands: ['evening', 'standing'],
  },
  {
    title: 'Kassamedewerker',
    tasks: 'Afrekenen, klanten helpen',
    demands: ['customer_contact', 'standing'],
  },
]

const FIRST = {
  female: [
    'Anja',
    'Sandra',
    'Linda',
    'Fatima',
    'Naima',
    'Petra',
    'Yvonne',
    'Ayse',
    'Marieke',
    'Ilona',
    'Bianca',
    'Samira',
    'Joke',
    'Hanna',
    'Lieke',
    'Esra',
  ],
  male: [
    'Jan',
    'Peter',
    'Mohamed',
    'Dennis',
    'Kevin',
    'Ahmet',
    'Sander',
    'Rob',
    'Erik',
    'Youssef',
    'Martijn',
    'Gerrit',
    'Daan',
    'Tarik',
    'Wouter',
    'Piotr',
  ],
}
const LAST = [
  'de Jong',
  'Jansen',
  'de Vries',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'Yilmaz',
  'El Amrani',
  'Bos',
  'Kowalski',
  'Hendriks',
  'Dekker',
  'Öztürk',
  'Brouwer',
  'de Wit',
  'Kaya',
  'van Dijk',
  'Nowak',
  'Haddou',
  'van der Meer',
  'Kok',
]
const DISTRICTS: [string, string][] = [
  ['Binnenstad', 'Eemstad'],
  ['Noord', 'Eemstad'],
  ['Zuid', 'Eemstad'],
  ['Oost', 'Eemstad'],
  ['West', 'Eemstad'],
  ['Hoogland', 'Hoogland'],
]
const LANGUAGES = [
  null,
  null,
  'Nederlands',
  'Nederlands, Engels',
  'Turks, Nederlands',
  'Arabisch, Nederlands',
  'Pools, Engels',
  'Tigrinya',
]
const REFERRERS = [
  null,
  null,
  null,
  'Wijkcoach Noord',
  'Klantmanager W&I',
  'Praktijkondersteuner huisarts',
  'Schuldhulpmaatje',
]
const MOVES = [
  'Teamleider kassa',
  'Vaste chauffeur',
  'Coördinator sorteerteam',
  'Maatje voor nieuwe vrijwilligers',
  'Balie op zaterdag',
]

const OUTFLOW_WEIGHTS: (readonly [OutflowKind, number])[] = [
  ['paid_work', 5],
  ['other_volunteer_work', 2],
  ['education', 2],
  ['stopped', 3],
  ['dropped_out', 2],
  ['moved', 1],
  ['other', 1],
]

function grid(rng: VolunteersRng, n: number): HalfDay[] {
  const all: HalfDay[] = []
  for (let weekday = 1; weekday <= 6; weekday++)
    for (const part of ['morning', 'afternoon', 'evening'] as const)
      if (part !== 'evening' || rng.chance(0.3)) all.push({ weekday, part })
  return rng.sample(all, n)
}

async function ids(
  writer: VolunteersWriter,
  instant: string,
  kind: 'skill' | 'interest' | 'learning_goal' | 'referral_source' | 'limitation',
) {
  return writer.call(instant, 'volunteerLists.list', { kind })
}

/**
 * Hosts, vacancies and people, from a random sequence of their own so the rest of the demo stays
 * as its seed made it. `households` are ids of shop families a few of the people come from.
 */
export async function seedVolunteers(
  writer: VolunteersWriter,
  rng: VolunteersRng,
  today: string,
  households: number[],
  /** The demo's size: 120 people and 60 vacancies at the usual 300 households. */
  size = { people: 120, vacancies: 60 },
): Promise<VolunteersSummary> {
  const start = addDays(today, -730)
  const setup = at(start, 8)
  // Maatwerk with the municipality's Werk en inkomen, Samen Sterk with the GGZ.
  const ggz = await writer.call(setup, 'organisations.create', {
    name: 'GGZ Eemland',
    kind: 'health_care',
    contactPerson: 'Marloes Evers',
    helpsWith: 'Samen Sterk: meedoen vanaf de aanmelding',
  })
  const programmes = await writer.call(setup, 'programmes.list', {})
  for (const p of programmes)
    if (p.name === 'Samen Sterk')
      await writer.call(setup, 'programmes.update', {
        id: p.id,
        name: p.name,
        partnerId: ggz.id,
        fundedPerYear: 12,
        active: true,
      })

  const hostIds: number[] = [ggz.id]
  for (const h of HOSTS) {
    const o = await writer.call(setup, 'organisations.create', {
      name: h.name,
      kind: h.name.startsWith('Wijkteam') ? 'municipality' : 'neighbourhood',
      area: h.area,
      contactPerson: h.contact,
      phone: `0${rng.int(30, 38)}-${rng.int(2000000, 7999999)}`,
      helpsWith: h.helps,
    })
    hostIds.push(o.id)
  }
  const own = (await writer.call(setup, 'organisations.list', {})).find((o) => o.isOwn)
  if (own) hostIds.unshift(own.id)

  const skills = await ids(writer, setup, 'skill')
  const interests = await ids(writer, setup, 'interest')
  const goals = await ids(writer, setup, 'learning_goal')
  const sources = await ids(writer, setup, 'referral_source')
  const limitations = await ids(writer, setup, 'limitation')

  // The vacancies: the shop's own first (counter, sorting, the cash desk), then over the hosts.
  let vacancies = 0
  for (let i = 0; i < size.vacancies; i++) {
    const hostId = i < 4 ? hostIds[0] : hostIds[1 + ((i - 4) % (hostIds.length - 1))]
    const t = i < 4 ? TITLES[[6, 2, 11, 0][i]] : rng.pick(TITLES)
    const [district, place] = rng.pick(DISTRICTS)
    await writer.call(at(addDays(start, rng.int(0, 60)), 9), 'vacancies.create', {
      partnerId: hostId,
      title: t.title,
      tasks: t.tasks,
      place,
      district,
      places: rng.int(1, 4),
      skillIds: rng.sample(skills, rng.int(0, 2)).map((o) => o.id),
      learningGoalIds: rng.sample(goals, rng.int(1, 3)).map((o) => o.id),
      interestIds: rng.sample(interests, rng.int(0, 2)).map((o) => o.id),
      demands: t.demands.filter((d) => DEMANDS.includes(d)),
      availability: grid(rng, rng.int(1, 4)),
    })
    vacancies++
  }

  // The people registered over two years, in the order they came.
  const days = Array.from({ length: size.people }, () => rng.int(0, 725)).sort((a, b) => a - b)
  let withIntake = 0
  let left = 0
  let moves = 0
  let fromHouseholds = 0
  const shopSource = sources.find((s) => s.name === 'De winkel')
  for (const [i, offset] of days.entries()) {
    const registeredOn = addDays(start, offset)
    const gender = rng.chance(0.55) ? 'female' : rng.chance(0.95) ? 'male' : 'other'
    const firstName = rng.pick(FIRST[gender === 'female' ? 'female' : 'male'])
    const lastName = rng.pick(LAST)
    // A few families of the shop's last year asked about volunteer work there.
    const fromShop = households.length > 0 && i % 20 === 7 && offset >= 400
    if (fromShop) {
      const h = households[(i * 7) % households.length]
      await writer.call(at(registeredOn, 11), 'people.fromHousehold', {
        householdId: h,
        firstName,
        lastName,
        registeredOn,
      })
      fromHouseholds++
      continue
    }
    // Waiting for an intake: 0 to 10 weeks; the most recent ones are still waiting.
    const wait = rng.int(3, 70)
    const intakeOn =
      addDays(registeredOn, wait) < today && rng.chance(0.9) ? addDays(registeredOn, wait) : null
    const [district, place] = rng.pick(DISTRICTS)
    const programme = rng.weighted([
      [programmes.find((p) => p.name === 'Maatwerk')?.id ?? null, 5],
      [programmes.find((p) => p.name === 'Samen Sterk')?.id ?? null, 2],
      [programmes.find((p) => p.name === 'Eigen vrijwilligers')?.id ?? null, 2],
      [null, 1],
    ] as const)
    const source =
      programme === programmes.find((p) => p.name === 'Eigen vrijwilligers')?.id && shopSource
        ? shopSource
        : rng.pick(sources)
    const person = await writer.call(at(intakeOn ?? registeredOn, 10, i % 60), 'people.create', {
      firstName,
      lastName,
      phone: rng.chance(0.9) ? `06-${rng.int(10000000, 99999999)}` : null,
      email: rng.chance(0.5) ? `${firstName.toLowerCase()}.${i}@voorbeeld.nl` : null,
      address: `${rng.pick(['Kerkstraat', 'Lindelaan', 'Molenweg', 'Eemkade', 'Dorpsstraat'])} ${rng.int(1, 140)}`,
      postcode: `38${rng.int(11, 29)} ${rng.pick(['AB', 'CD', 'EG', 'HK', 'LM', 'PR'])}`,
      place,
      district,
      birthYear: rng.int(1958, 2004),
      gender,
      registeredOn,
      intakeOn,
      programmeId: programme,
      participationDuty: programme !== null && rng.chance(0.6),
      dutyToApply: rng.chance(0.1),
      ownTransport: rng.chance(0.35),
      languages: rng.pick(LANGUAGES),
      referralSourceId: source.id,
      referrer: rng.pick(REFERRERS),
      notes: rng.chance(0.3)
        ? rng.pick([
            'Eerst schuldenvrij, dan participeren',
            'Wil graag met mensen werken',
            'Rugklachten: geen zwaar werk',
            'Komt met de fiets',
          ])
        : null,
      skillIds: rng.sample(skills, rng.int(0, 3)).map((o) => o.id),
      interestIds: rng.sample(interests, rng.int(1, 3)).map((o) => o.id),
      learningGoalIds: rng.sample(goals, rng.int(1, 2)).map((o) => o.id),
      limitationIds: rng.chance(0.4) ? rng.sample(limitations, rng.int(1, 2)).map((o) => o.id) : [],
      availability: grid(rng, rng.int(1, 5)),
      status: intakeOn ? 'intake' : 'registered',
    })
    if (intakeOn) withIntake++
    // Doorstroom for a few who stayed a while.
    let movedOn: string | null = null
    if (intakeOn && offset < 500 && rng.chance(0.06)) {
      movedOn = addDays(intakeOn, rng.int(90, 200))
      if (movedOn < today) {
        await writer.call(at(movedOn, 14), 'people.addMove', {
          personId: person.id,
          movedOn,
          toText: rng.pick(MOVES),
        })
        moves++
      }
    }
    // About a quarter of those registered in the first eighteen months left since.
    if (intakeOn && offset < 540 && rng.chance(0.3)) {
      const drawn = addDays(intakeOn, rng.int(60, 300))
      const on = movedOn && drawn <= movedOn ? addDays(movedOn, 30) : drawn
      if (on < today) {
        const kind = rng.weighted(OUTFLOW_WEIGHTS)
        await writer.call(at(on, 15), 'people.setOutflow', {
          id: person.id,
          kind: OUTFLOW_KINDS.includes(kind) ? kind : 'other',
          on,
          note:
            kind === 'paid_work'
              ? rng.pick([
                  'Baan via uitzendbureau',
                  'Contract bij de supermarkt',
                  'Werk in de zorg',
                ])
              : null,
        })
        left++
      }
    }
  }
  return {
    hosts: hostIds.length,
    vacancies,
    people: days.length,
    withIntake,
    left,
    moves,
    fromHouseholds,
  }
}
