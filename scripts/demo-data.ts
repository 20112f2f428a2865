/**
 * Deterministic demo data for the clothing shop: a year of invented households, slots,
 * appointments, intakes and visits. Every write goes through the real router (input schemas,
 * roles, services and their rules), with the clock set to each simulated moment, so the services
 * see the day on which the coordinator or volunteer would have done it. The same seed, today
 * and household count give the same data.
 */
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Kysely } from 'kysely'
import type { DB } from '../src/main/db/schema'
import { randomBytes } from 'node:crypto'
import { manualClock, type ManualClock } from '../src/main/clock'
import { PASSWORD_PARAMS, type ScryptParams } from '../src/main/crypto/passwords'
import { DB_FILE_NAME, KEYS_FILE_NAME, Vault } from '../src/main/vault/vault'
import { createRouter, type Router } from '../src/main/router'
import type { Caller } from '../src/main/domains/accounts/auth'
import type { MethodInput, MethodName, MethodOutput } from '../src/shared/api'
import type { AppErrorData } from '../src/shared/errors'
import { addDays, addMonths, daysBetween } from '../src/shared/dates'
import type { Gender, IncomeSource, IntakeAnswer } from '../src/shared/schemas/household'
import {
  APPOINTMENT_STATUSES,
  DEFAULT_SHOP_SETTINGS,
  type AppointmentStatus,
} from '../src/shared/schemas/shop'
import type { ListItem } from '../src/shared/schemas/lists'
import type { Slot } from '../src/shared/schemas/shop'
import type { Warning } from '../src/shared/schemas/common'
import { seedComplaints } from './demo-complaints'
import { seedVolunteers } from './demo-volunteers'
import { seedPlacements } from './demo-placements'
import { seedFollowup } from './demo-followup'
import { seedActivities, seedReportTargets } from './demo-activities'
import { seedSupport } from './demo-support'
import { seedOutcomes } from './demo-outcomes'

export interface SeedOptions {
  /** Folder that holds (or will hold) `dichtbij.sqlite`. */
  dataDir: string
  seed: number
  /** `YYYY-MM-DD`: the day the demo is "now". The year of data ends the day before. */
  today: string
  /** Number of households; 300 when not given. */
  households?: number
  /** Delete the database file (and its -wal/-shm) first. */
  reset?: boolean
  /** Password of the demo accounts; a random one is made (and returned) when not given. */
  password?: string
  /** Cost of the password hashes and key slots; the app's own unless a test asks for less. */
  passwordParams?: ScryptParams
  /** Progress lines, for the command line. */
  onProgress?: (message: string) => void
  /**
   * The shop's data only (accounts, households, the year at the counter, collections): no
   * volunteers, placements, follow-up or complaints. For tests about the shop's demo that seed it
   * several times, where the other domains would only cost time.
   */
  shopOnly?: boolean
  /** Path to a better-sqlite3 `.node` built for Electron (the app's oefenomgeving, in a worker). */
  nativeBinding?: string
}

/** The accounts the demo makes: one per role, all with the same (given or random) password. */
export const DEMO_ACCOUNTS = [
  { username: 'beheerder', displayName: 'Bea Beheer', role: 'admin' },
  { username: 'coordinator', displayName: 'Cor Coördinator', role: 'coordinator' },
  { username: 'vrijwilliger', displayName: 'Vera Vrijwilliger', role: 'volunteer' },
] as const

export interface SeedSummary {
  file: string
  /** Usernames of the demo accounts and their shared password. */
  accounts: string[]
  password: string
  seed: number
  today: string
  households: number
  members: number
  children: number
  intakes: number
  slots: number
  appointments: number
  appointmentsByStatus: Record<AppointmentStatus, number>
  visits: number
  visitItems: number
  expiredEligibility: number
  /** Rows of the activities register, information-and-advice contacts tallied, targets set. */
  activities: number
  adviceContacts: number
  targets: number
  /** Router calls made, and warnings the services returned (by key). */
  calls: number
  warnings: Record<string, number>
  durationMs: number
}

export const DEFAULT_HOUSEHOLDS = 300

/** The database already holds households or accounts; nothing was changed. */
export class SeedRefusedError extends Error {
  constructor(
    readonly file: string,
    readonly households: number,
  ) {
    super(
      `De database ${file} is al in gebruik (${households} huishoudens, of er zijn al ` +
        'gebruikers). Er is niets veranderd. ' +
        'Gebruik --reset om deze database te wissen en opnieuw met demodata te vullen.',
    )
    this.name = 'SeedRefusedError'
  }
}

/** A router call that did not answer ok: a rule or a schema rejected generated data. */
export class SeedCallError extends Error {
  constructor(
    readonly method: string,
    readonly input: unknown,
    readonly error: AppErrorData,
    readonly internal?: unknown,
  ) {
    super(
      `${method} gaf een fout: ${JSON.stringify(error)}\ninvoer: ${JSON.stringify(input)}` +
        (internal ? `\ninterne fout: ${String(internal)}` : ''),
    )
    this.name = 'SeedCallError'
  }
}

// --- Seeded randomness -------------------------------------------------------------------------

/** mulberry32: small, fast, and the same sequence for the same seed on every platform. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export class Rng {
  private readonly next: () => number
  constructor(seed: number) {
    this.next = mulberry32(seed)
  }
  float(): number {
    return this.next()
  }
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }
  chance(p: number): boolean {
    return this.next() < p
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0)
    let r = this.next() * total
    for (const [item, w] of items) {
      r -= w
      if (r < 0) return item
    }
    return items[items.length - 1][0]
  }
  /** `n` distinct items, in the order drawn. */
  sample<T>(items: readonly T[], n: number): T[] {
    const pool = [...items]
    const out: T[] = []
    while (out.length < n && pool.length) out.push(pool.splice(this.int(0, pool.length - 1), 1)[0])
    return out
  }
}

// --- Invented people and places ----------------------------------------------------------------

/** Splits a comma-separated list written over several lines. */
function list(s: string): string[] {
  return s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)
}

interface Origin {
  women: readonly string[]
  men: readonly string[]
  girls: readonly string[]
  boys: readonly string[]
  /** Family names; `male/female` where the language has both forms (Polish). */
  surnames: readonly string[]
}

export const ORIGINS = {
  dutch: {
    women: list(`Anja, Sandra, Linda, Monique, Petra, Marieke, Esther, Kim, Naomi, Sanne, Lisa,
      Jessica, Chantal, Daphne, Wendy, Ilse, Marloes, Shirley, Romy, Femke, Bianca, Joyce, Mandy,
      Kelly`),
    men: list(`Jan, Peter, Mark, Dennis, Kevin, Sander, Rob, Erik, Martijn, Jeroen, Bas, Niels,
      Ricardo, Patrick, Stefan, Ronald, Mike, Danny`),
    girls: list(`Emma, Julia, Tess, Sophie, Mila, Saar, Lotte, Zoë, Nina, Fleur, Evi, Noor, Yara,
      Isa, Liv, Anna, Sara, Lieke`),
    boys: list(`Noah, Liam, Luuk, Daan, Sem, Finn, Levi, Jesse, Bram, Milan, Thijs, Lucas, Mees,
      Gijs, Ruben, Tim, Sven, Jayden`),
    surnames: list(`de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Janssen, Visser,
      Smit, Meijer, de Boer, Mulder, de Groot, Bos, Vos, Peters, Hendriks, van Leeuwen, Dekker,
      Brouwer, de Wit, Dijkstra, Smits, de Graaf, van der Meer, van der Linden, Kok, Jacobs,
      de Haan, Vermeulen, van den Heuvel, van der Veen, van den Broek, de Bruijn,
      van der Heijden, Schouten, van Beek, Willems, van Vliet, Hoekstra, Maas, Verhoeven, Koster,
      van Dam, Prins, Blom, Huisman, Kuipers, Veenstra, Post, van Wijk, Timmermans, Groen, Evers,
      Wolters, Hermans, Boersma, Kramer, van Rijn, Sterk`),
  },
  moroccan: {
    women: list(`Fatima, Khadija, Naima, Samira, Hanane, Nadia, Malika, Zineb, Latifa, Imane,
      Souad, Loubna`),
    men: list(`Mohamed, Youssef, Said, Karim, Soufiane, Abdelkader, Rachid, Hamid, Mustapha,
      Ahmed`),
    girls: list('Amira, Yasmine, Nour, Sara, Malak, Aya, Lina, Hiba, Salma, Ines'),
    boys: list('Adam, Rayan, Ilyas, Ayoub, Amin, Zakaria, Yassin, Bilal, Anas'),
    surnames: list(`El Amrani, Bouzid, El Idrissi, Benali, Ouali, Azzouzi, El Khatib, Boukhari,
      Tahiri, Chaouch, Bakkali, El Hamdaoui, Ait Said, Zarouali, Boujadi`),
  },
  turkish: {
    women: list('Ayşe, Emine, Fatma, Hatice, Zeynep, Elif, Gül, Sevgi, Hülya, Derya'),
    men: list('Mehmet, Mustafa, Ahmet, Hakan, Murat, Hüseyin, Osman, Serkan, Kemal, Erdal'),
    girls: list('Elif, Zeynep, Ecrin, Defne, Azra, Esila, Meryem, Nisa, Eylül'),
    boys: list('Yusuf, Emir, Eymen, Kerem, Mert, Ömer, Aras, Burak, Efe, Kaan'),
    surnames: list(`Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Öztürk, Aydın, Arslan, Doğan, Koç,
      Kılıç, Aslan, Güneş, Kurt`),
  },
  surinamese: {
    women: list(`Sharda, Roshni, Priya, Anjali, Shanti, Jennifer, Sherida, Marcia, Gracia,
      Sabitri`),
    men: list('Ashwin, Ravi, Glenn, Marciano, Rudy, Sunil, Ramon, Clyde, Orlando'),
    girls: list('Kavita, Shreya, Naomi, Aaliyah, Kimberley, Anaïs, Shania, Riya'),
    boys: list('Jayden, Dinesh, Rohan, Jordan, Giovanni, Xavier, Arjun, Quincy'),
    surnames: list(`Ramdin, Sitaldin, Biharie, Mahabier, Soekhoe, Kanhai, Dwarka, Pinas, Linger,
      Macnack, Doelwijt, Karijo, Kartosen, Wongsodikromo, Jurgens`),
  },
  polish: {
    women: list('Agnieszka, Katarzyna, Marta, Anna, Magdalena, Joanna, Ewa, Monika, Beata'),
    men: list('Piotr, Tomasz, Krzysztof, Paweł, Marcin, Łukasz, Michał, Grzegorz'),
    girls: list('Zuzanna, Julia, Oliwia, Lena, Maja, Hanna, Alicja, Zofia, Amelia'),
    boys: list('Jakub, Kacper, Szymon, Filip, Antoni, Franciszek, Mikołaj, Igor'),
    surnames: list(`Kowalski/Kowalska, Nowak, Wiśniewski/Wiśniewska, Wójcik, Kamiński/Kamińska,
      Lewandowski/Lewandowska, Zieliński/Zielińska, Szymański/Szymańska, Woźniak,
      Dąbrowski/Dąbrowska, Mazur, Krawczyk`),
  },
  syrian: {
    women: list('Rasha, Amal, Hala, Rima, Lama, Dima'),
    men: list('Ahmad, Omar, Khaled, Mahmoud, Samer, Fadi'),
    girls: list('Sham, Joud, Lana, Maya, Tala, Rahaf'),
    boys: list('Karam, Hamza, Ali, Yamen, Majd, Zaid'),
    surnames: list('Al-Hassan, Haddad, Khalil, Al-Ahmad, Darwish, Hamdan, Saleh'),
  },
  eritrean: {
    women: list('Senait, Helen, Mebrat, Yordanos, Selam, Saba'),
    men: list('Yonas, Tesfay, Mehari, Robel, Filmon, Amanuel'),
    girls: list('Luwam, Eden, Hermon, Sara, Ruta, Bethlehem'),
    boys: list('Natnael, Abel, Samuel, Yohannes, Biniam, Daniel'),
    surnames: list('Tesfamariam, Ghebremedhin, Habte, Kidane, Tekle, Berhane, Woldu'),
  },
} satisfies Record<string, Origin>

export const ORIGIN_WEIGHTS: readonly (readonly [keyof typeof ORIGINS, number])[] = [
  ['dutch', 54],
  ['moroccan', 13],
  ['turkish', 11],
  ['surinamese', 9],
  ['polish', 7],
  ['syrian', 4],
  ['eritrean', 2],
]

export interface District {
  name: string
  city: string
  /** First and last four-digit part of the postcodes in this district. */
  postcodes: readonly [number, number]
  weight: number
  streets: readonly string[]
}

/** An invented municipality "Eemstad" with two villages (kernen). */
export const DISTRICTS: readonly District[] = [
  {
    name: 'Binnenstad',
    city: 'Eemstad',
    postcodes: [3811, 3812],
    weight: 10,
    streets: list(`Kerkstraat, Lange Gracht, Achter de Muur, Torenplein, Kortestraat, Weversgang,
      Zuidsingel`),
  },
  {
    name: 'Noord',
    city: 'Eemstad',
    postcodes: [3813, 3815],
    weight: 20,
    streets: list(`Merelstraat, Lijsterlaan, Vinkenstraat, Spreeuwenhof, Kievitweg, Zwaluwstraat,
      Reigerlaan, Putterstraat`),
  },
  {
    name: 'Kruiskamp',
    city: 'Eemstad',
    postcodes: [3816, 3818],
    weight: 25,
    streets: list(`Amethiststraat, Robijnstraat, Saffierlaan, Smaragdstraat, Topaasweg,
      Granaatplein, Opaalstraat, Jaspishof`),
  },
  {
    name: 'Molenwijk',
    city: 'Eemstad',
    postcodes: [3819, 3821],
    weight: 15,
    streets: list(`Molenweg, Korenbloemstraat, Windvang, Maalderij, Stellingmolen, Wiekstraat,
      Graanhof`),
  },
  {
    name: 'Eemkwartier',
    city: 'Eemstad',
    postcodes: [3822, 3824],
    weight: 12,
    streets: list('Eemkade, Schuitenweg, Veerhaven, Jaagpad, Sluiswachter, Kadehof'),
  },
  {
    name: 'Hoogland',
    city: 'Hoogland',
    postcodes: [3825, 3827],
    weight: 10,
    streets: list('Dorpsstraat, Brinkweg, Kerkplein, Engweg, Hessenweg, Akkerlaan'),
  },
  {
    name: 'Leusden-Zuid',
    city: 'Leusden',
    postcodes: [3828, 3829],
    weight: 8,
    streets: list('Kastanjelaan, Beukenhof, Eikenlaan, Lindeweg, Populierenstraat, Esdoornlaan'),
  },
]

export const INCOME: readonly (readonly [IncomeSource, number])[] = [
  ['bijstand', 55],
  ['werk', 15],
  ['ww', 8],
  ['wajong', 6],
  ['aow', 3],
  ['anders', 13],
]

export const REFERRERS: readonly (readonly [string | null, number])[] = [
  ['Wijkteam', 22],
  ['Schuldhulpverlening', 14],
  ['Voedselbank', 12],
  ['Maatschappelijk werk', 10],
  ['School (intern begeleider)', 9],
  ['Consultatiebureau', 5],
  ['Vluchtelingenwerk', 4],
  ['Sociaal raadslieden', 5],
  ['Kerk of moskee', 3],
  ['Via bekenden', 8],
  ['Zelf aangemeld', 5],
  [null, 3],
]

export const COORDINATORS = list('Marieke Stam, Hans Veldhuis, Samira Ouali')
export const VOLUNTEERS = list(
  'Ans, Gerda, Henk, Joyce, Monique, Rik, Wilma, Naima, Piet, Fatma, Ellen',
)

export const HOUSEHOLD_NOTES = [
  'Spreekt beperkt Nederlands; dochter tolkt.',
  'Voorkeur voor afspraken op zaterdag (werkt doordeweeks).',
  'Loopt een schuldhulptraject.',
  'Komt met de bus; graag geen afspraak vóór 10 uur.',
  'Oudste kind heeft een beperking; extra tijd nemen.',
  'Belt liever dan dat ze mailt.',
  'Via wijkteam ook bekend bij de voedselbank.',
]

const INTAKE_NOTES = [
  'Gesprek ging vooral over de schulden; doorverwezen.',
  'Moeder wil graag vrijwilligerswerk gaan doen.',
  'Kinderen hebben nieuwe winterjassen nodig.',
  'Net verhuisd naar de wijk, kent nog weinig mensen.',
  'Wist niet van de regelingen van de gemeente (meedoenregeling).',
  'Vader zoekt werk; uitleg gegeven over het werkplein.',
]

export const APPOINTMENT_NOTES = list(`Komt met tolk, Eerste bezoek, Vooral schoenen nodig,
  Komt met de kinderwagen, Graag winterkleding`)

export const VISIT_NOTES = [
  'Winterjassen meegegeven.',
  'Schooltas meegenomen.',
  'Maat 128 was op; volgende keer vragen.',
  'Kinderen mochten zelf speelgoed kiezen.',
]

const REFERRAL_NOTES = ['Afspraak gemaakt', 'Folder meegegeven', 'Via het wijkteam', null]

/** Children's clothing sizes (height in cm), then the smallest adult sizes. */
const SIZES = list(`56, 62, 68, 74, 80, 86, 92, 98, 104, 110, 116, 122, 128, 134, 140, 146, 152,
  158, 164, 170, 176, S, M`)

/** A likely size for a child of `age` years: 92 at two, six centimetres a year after that. */
export function sizeFor(age: number, rng: Rng): string {
  if (age <= 0) return SIZES[rng.int(0, 3)]
  if (age === 1) return SIZES[rng.int(4, 5)]
  const shift = rng.weighted([
    [-1, 15],
    [0, 65],
    [1, 20],
  ] as const)
  return SIZES[Math.max(0, Math.min(SIZES.length - 1, age + 4 + shift))]
}

function sizeIndex(size: string): number {
  return SIZES.indexOf(size)
}

export function ascii(s: string): string {
  return s
    .replace(/ı/g, 'i')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')
}

// --- Plans: what each household is and does, drawn before any write ---------------------------

type HouseholdCreate = MethodInput<'households.create'>
type MemberPlan = HouseholdCreate['members'][number]

interface HouseholdPlan {
  index: number
  /** existing: entered from the paper files just before the year; new: registered during it. */
  kind: 'existing' | 'new'
  /** Day the household is created in Dichtbij. */
  entryDay: string
  /** Day of the (paper) intake. */
  intakeDay: string
  /** A visit before the year, entered from paper (existing households only). */
  legacyVisitDay: string | null
  /** Proof ran out and the family stopped coming. */
  lapsed: boolean
  inactive: boolean
  /** Days this family wants between visits. */
  intervalDays: number
  surname: string
  input: HouseholdCreate
}

interface PlanContext {
  rng: Rng
  today: string
  start: string
  usedPostcodes: Set<string>
  usedPhones: Set<string>
}

function drawPostcode(ctx: PlanContext, district: District): string {
  for (;;) {
    const digits = ctx.rng.int(district.postcodes[0], district.postcodes[1])
    const letters = String.fromCharCode(65 + ctx.rng.int(0, 23), 65 + ctx.rng.int(0, 25))
    const pc = `${digits} ${letters}`
    if (['SA', 'SD', 'SS'].includes(letters) || ctx.usedPostcodes.has(pc)) continue
    ctx.usedPostcodes.add(pc)
    return pc
  }
}

function drawPhone(ctx: PlanContext): string | null {
  const { rng } = ctx
  if (rng.chance(0.06)) return null
  for (;;) {
    const landline = rng.chance(0.1)
    const rest = landline
      ? `4${String(rng.int(0, 999999)).padStart(6, '0')}`
      : String(rng.int(10000000, 99999999))
    const digits = landline ? `033${rest}` : `06${rest}`
    if (ctx.usedPhones.has(digits)) continue
    ctx.usedPhones.add(digits)
    if (landline) return `033-${rest}`
    return rng.weighted([
      [`06-${rest}`, 45],
      [`06 ${rest}`, 25],
      [`06${rest}`, 20],
      [`+31 6 ${rest}`, 10],
    ] as const)
  }
}

export function surnameFor(s: string, gender: Gender): string {
  const [male, female] = s.split('/')
  return gender === 'f' ? (female ?? male) : male
}

function planHousehold(ctx: PlanContext, index: number, total: number): HouseholdPlan {
  const { rng, start, today } = ctx
  const originKey = rng.weighted(ORIGIN_WEIGHTS)
  const origin = ORIGINS[originKey]
  const familySurname = rng.pick(origin.surnames)
  const district = rng.weighted(DISTRICTS.map((d) => [d, d.weight] as const))

  // The household's life in the shop.
  const forcedLapsed = index === Math.min(3, total - 1)
  const kind = forcedLapsed || rng.chance(0.6) ? 'existing' : 'new'
  const lapsed = kind === 'existing' && (forcedLapsed || rng.chance(0.06))
  const inactive = kind === 'existing' && !lapsed && rng.chance(0.04)
  const intervalDays = rng.weighted([
    [28, 20],
    [35, 25],
    [42, 25],
    [56, 20],
    [70, 10],
  ] as const)

  let entryDay: string
  let consentDate: string
  let proofSeenOn: string | null
  let legacyVisitDay: string | null = null
  if (kind === 'existing') {
    entryDay = addDays(start, -rng.int(1, 28))
    if (lapsed) {
      consentDate = addDays(start, -rng.int(500, 1100))
      proofSeenOn = addDays(addMonths(start, -12), -rng.int(1, 120))
      legacyVisitDay = addDays(start, -rng.int(60, 200))
    } else {
      consentDate = addDays(start, -rng.int(90, 1100))
      const earliest = addMonths(start, -11)
      const from = consentDate > earliest ? consentDate : earliest
      proofSeenOn = addDays(from, rng.int(0, Math.max(0, daysBetween(from, entryDay))))
      legacyVisitDay = addDays(start, -rng.int(1, intervalDays))
    }
  } else {
    entryDay = addDays(start, rng.int(0, daysBetween(start, today) - 1))
    consentDate = entryDay
    proofSeenOn = rng.chance(0.04) ? null : addDays(entryDay, -rng.int(0, 14))
  }
  const entryYear = Number(entryDay.slice(0, 4))

  // Members: one or two adults and one to five children.
  const twoAdults = rng.chance(0.45)
  const contactGender: Gender = rng.chance(twoAdults ? 0.65 : 0.82) ? 'f' : 'm'
  const contactAge = rng.int(21, 54)
  const contactFirst = rng.pick(contactGender === 'f' ? origin.women : origin.men)
  let contactSurname = surnameFor(familySurname, contactGender)
  if (originKey === 'dutch' && contactGender === 'f' && twoAdults && rng.chance(0.1)) {
    contactSurname = `${surnameFor(rng.pick(ORIGINS.dutch.surnames), 'm')}-${contactSurname}`
  }
  const members: MemberPlan[] = [
    {
      firstName: contactFirst,
      birthYear: entryYear - contactAge,
      gender: contactGender,
      clothingSize: null,
    },
  ]
  if (twoAdults) {
    const partnerGender: Gender = rng.chance(0.96) ? (contactGender === 'f' ? 'm' : 'f') : 'f'
    const partnerOrigin = rng.chance(0.85) ? origin : ORIGINS.dutch
    members.push({
      firstName: rng.pick(partnerGender === 'f' ? partnerOrigin.women : partnerOrigin.men),
      birthYear: entryYear - Math.max(20, contactAge + rng.int(-4, 7)),
      gender: partnerGender,
      clothingSize: null,
    })
  }
  const childCount = rng.weighted([
    [1, 28],
    [2, 34],
    [3, 22],
    [4, 11],
    [5, 5],
  ] as const)
  const maxChildAge = Math.min(17, contactAge - 18)
  const usedNames = new Set<string>()
  for (let c = 0; c < childCount; c++) {
    const age = rng.int(0, maxChildAge)
    const gender: Gender = rng.weighted([
      ['f', 49],
      ['m', 49],
      ['x', 2],
    ] as const)
    const names = rng.chance(0.2)
      ? gender === 'f'
        ? ORIGINS.dutch.girls
        : ORIGINS.dutch.boys
      : gender === 'f'
        ? origin.girls
        : gender === 'm'
          ? origin.boys
          : [...origin.girls, ...origin.boys]
    let name = rng.pick(names)
    for (let tries = 0; usedNames.has(name) && tries < 10; tries++) name = rng.pick(names)
    usedNames.add(name)
    members.push({
      firstName: name,
      birthYear: entryYear - age,
      gender,
      clothingSize: sizeFor(age, rng),
    })
  }

  const street = rng.pick(district.streets)
  const suffix = rng.chance(0.12) ? rng.pick(['A', 'B', '-1', '-2', ' bis']) : ''
  const houseNumber = `${rng.int(1, 180)}${suffix}`
  const noDistrict = rng.chance(0.03)
  let email: string | null = null
  if (rng.chance(0.45)) {
    const separator = rng.pick(['.', '', '_'])
    const number = rng.chance(0.4) ? String(rng.int(1, 99)) : ''
    const domain = rng.pick(['example.com', 'example.org', 'example.net'])
    email = `${ascii(contactFirst)}${separator}${ascii(contactSurname)}${number}@${domain}`
  }
  const explicitUntil =
    proofSeenOn && !lapsed && rng.chance(0.05) ? addMonths(proofSeenOn, rng.pick([3, 6])) : null

  const input: HouseholdCreate = {
    contactName: `${contactFirst} ${contactSurname}`,
    street,
    houseNumber,
    postcode: drawPostcode(ctx, district),
    city: district.city,
    district: noDistrict ? null : district.name,
    phone: drawPhone(ctx),
    email,
    incomeSource: rng.weighted(INCOME),
    referrer: rng.weighted(REFERRERS),
    proofSeenOn,
    eligibleUntil: explicitUntil,
    consentDate,
    consentBy: rng.pick(COORDINATORS),
    status: inactive ? 'inactive' : 'active',
    notes: inactive
      ? 'Verhuisd naar buiten de gemeente.'
      : rng.chance(0.15)
        ? rng.pick(HOUSEHOLD_NOTES)
        : null,
    members,
  }
  return {
    index,
    kind,
    entryDay,
    intakeDay: consentDate,
    legacyVisitDay,
    lapsed,
    inactive,
    intervalDays,
    surname: contactSurname,
    input,
  }
}

/** A few families share an address with relatives (a grown-up daughter, a sister). */
function addSharedAddresses(ctx: PlanContext, plans: HouseholdPlan[]): void {
  for (let i = 12; i < plans.length; i++) {
    if (!ctx.rng.chance(0.015)) continue
    const plan = plans[i]
    const other = plans[ctx.rng.int(0, i - 1)]
    if (plan.input.status === 'inactive' || plan.input.members.length === 0) continue
    const first = plan.input.members[0].firstName ?? 'Lisa'
    plan.surname = other.surname
    plan.input = {
      ...plan.input,
      contactName: `${first} ${other.surname}`,
      street: other.input.street,
      houseNumber: `${other.input.houseNumber}A`,
      postcode: other.input.postcode,
      city: other.input.city,
      district: other.input.district,
    }
  }
}

// --- Simulation --------------------------------------------------------------------------------

interface HouseholdState {
  plan: HouseholdPlan
  id: number
  eligibleUntil: string | null
  /** Last day with an appointment that was not cancelled (or the last paper visit). */
  lastBooked: string | null
  bookedDays: Set<string>
  birthYears: number[]
}

export const PART_HOURS = { morning: [8, 10], afternoon: [12, 14], evening: [17, 18] } as const

/** An instant on `day`; UTC hours stay well inside the same Amsterdam date. */
function at(day: string, hour: number, minute: number): string {
  return `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`
}

export class Writer {
  calls = 0
  readonly warnings: Record<string, number> = {}
  private lastInternal: unknown = undefined
  private readonly router: Router
  /** The demo admin's screen: logged in by the setup call at the start of the seed. */
  readonly caller: Caller = { sessionId: null, workstation: 'demo-gegevens' }

  constructor(
    readonly vault: Vault,
    private readonly clock: ManualClock,
    passwordParams?: ScryptParams,
  ) {
    // The clock jumps through a year of data between calls: the idle lock would trip each time.
    this.router = createRouter({
      vault,
      clock: this.clock,
      passwordParams,
      idleLock: false,
      logError: (_m, err) => {
        this.lastInternal = err instanceof Error ? (err.stack ?? err.message) : err
      },
    })
  }

  /** Calls `method` through the real router as the demo admin, with the clock at `instant`. */
  async raw<M extends MethodName>(instant: string, method: M, input: MethodInput<M>) {
    this.calls++
    this.lastInternal = undefined
    this.clock.set(instant)
    return this.router.call(this.caller, method, input)
  }

  async call<M extends MethodName>(
    instant: string,
    method: M,
    input: MethodInput<M>,
  ): Promise<MethodOutput<M>> {
    const result = await this.raw(instant, method, input)
    if (!result.ok) throw new SeedCallError(method, input, result.error, this.lastInternal)
    const value = result.value as MethodOutput<M>
    this.count(value)
    return value
  }

  count(value: unknown): void {
    if (typeof value !== 'object' || value === null || !('warnings' in value)) return
    for (const w of (value as { warnings: Warning[] }).warnings)
      this.warnings[w.key] = (this.warnings[w.key] ?? 0) + 1
  }
}

export function byName(
  items: ListItem[],
  name: string,
  fallbackIndex: number,
): ListItem | undefined {
  return items.find((i) => i.name === name) ?? items[fallbackIndex]
}

/**
 * The sociale kaart of the demo town (invented organisations, numbers and addresses): the six
 * destinations a new file starts with, filled in, and a few more, two of them partner projects
 * where old collections go.
 */
const SOCIAL_MAP: (Omit<MethodInput<'partners.create'>, 'name'> & {
  name: string
  was?: string
})[] = [
  {
    was: 'Schuldhulpverlening',
    name: 'Schuldhulpverlening Eemstad',
    kind: 'debt_help',
    area: 'Eemstad',
    contactPerson: 'Marleen Bosch',
    phone: '033-555 0101',
    email: 'schuldhulp@eemstad.example',
    address: 'Stadhuisplein 1, Eemstad',
    helpsWith: 'Schulden op een rij, budgetbeheer, betalingsregelingen met schuldeisers',
  },
  {
    was: 'Maatschappelijk werk',
    name: 'Maatschappelijk werk De Eem',
    kind: 'social_work',
    area: 'Eemstad',
    contactPerson: 'Youssef El Idrissi',
    phone: '033-555 0202',
    email: 'info@mwdeeem.example',
    address: 'Leusderweg 40, Eemstad',
    helpsWith: 'Gesprekken bij zorgen thuis, opvoeding, relatie, rouw',
  },
  {
    was: 'Sociaal raadslieden',
    name: 'Sociaal raadslieden',
    kind: 'legal',
    area: 'Eemstad',
    contactPerson: null,
    phone: '033-555 0303',
    email: null,
    address: 'Molenweg 12, Eemstad',
    helpsWith: 'Formulieren, toeslagen, bezwaar maken, brieven van instanties',
  },
  {
    was: 'Voedselbank',
    name: 'Voedselbank Eemstad',
    kind: 'food_bank',
    area: 'Eemstad',
    contactPerson: 'Henk Veldhuis',
    phone: '06-55501234',
    email: 'aanmelden@voedselbank-eemstad.example',
    address: 'Industrieweg 7, Eemstad',
    helpsWith: 'Wekelijks voedselpakket, aanmelden via een hulpverlener',
  },
  {
    was: 'Gemeente (regelingen)',
    name: 'Gemeente Eemstad (regelingen)',
    kind: 'municipality',
    area: 'Eemstad',
    contactPerson: null,
    phone: '033-555 0505',
    email: null,
    address: 'Stadhuisplein 1, Eemstad',
    helpsWith: 'Bijzondere bijstand, stadspas, kindpakket, individuele inkomenstoeslag',
  },
  {
    was: 'Vrijwilligerscentrale',
    name: 'Vrijwilligerscentrale',
    kind: 'work_income',
    area: 'Eemstad',
    contactPerson: 'Ria de Wit',
    phone: '033-555 0606',
    email: 'vacatures@vrijwilligerscentrale.example',
    address: null,
    helpsWith: 'Vrijwilligerswerk als opstap naar werk, meedoen in de buurt',
  },
  {
    name: 'Wijkteam Noord',
    kind: 'municipality',
    area: 'Noord',
    contactPerson: 'Sandra Mulder',
    phone: '033-555 0707',
    email: 'noord@wijkteam.example',
    address: 'Noorderplein 3, Eemstad',
    helpsWith: 'Eerste vragen over zorg, geld, opvoeding en wonen in de wijk',
  },
  {
    name: 'Taalhuis Kruiskamp',
    kind: 'education_language',
    area: 'Kruiskamp',
    contactPerson: null,
    phone: null,
    email: 'taalhuis@bibliotheek.example',
    address: 'Bibliotheek Kruiskamp, Kruiskamp 20',
    helpsWith: 'Nederlands leren, lezen en schrijven, digitale vaardigheden',
  },
  {
    name: 'Buurthuis De Molen',
    kind: 'neighbourhood',
    area: 'Molenwijk',
    contactPerson: 'Fatima Açar',
    phone: '033-555 0909',
    email: null,
    address: 'Molenstraat 5, Eemstad',
    helpsWith: 'Koffieochtend, moedergroep, huiswerkbegeleiding',
  },
  {
    name: 'Kringloop Hoogland',
    kind: 'partner_project',
    area: 'Hoogland',
    contactPerson: 'Gert Hendriks',
    phone: '033-555 1010',
    email: null,
    address: 'Zevenhuizerstraat 80, Hoogland',
    helpsWith: 'Neemt kleding en speelgoed van vorige collecties over',
  },
  {
    name: 'Stichting Kinderkleding Oost-Europa',
    kind: 'partner_project',
    area: null,
    contactPerson: null,
    phone: null,
    email: 'info@kinderkleding-oe.example',
    address: null,
    helpsWith: 'Haalt ingezamelde kinderkleding op voor gezinnen in Roemenië',
  },
]

/**
 * Fills in the sociale kaart as a coordinator would, and returns the organisations families are
 * referred to (not the partner projects), in the order they were added.
 */
export async function seedSocialMap(
  writer: Writer,
  instant: string,
): Promise<{ id: number; name: string }[]> {
  const shipped = await writer.call(instant, 'partners.list', { includeInactive: true })
  for (const { was, ...p } of SOCIAL_MAP) {
    const old = was ? shipped.find((s) => s.name === was) : undefined
    if (old) await writer.call(instant, 'partners.update', { ...p, id: old.id, active: true })
    else await writer.call(instant, 'partners.create', p)
  }
  const all = await writer.call(instant, 'partners.list', {})
  return all
    .filter((p) => p.kind !== 'partner_project')
    .sort((a, b) => a.id - b.id)
    .map(({ id, name }) => ({ id, name }))
}

export interface Lists {
  topics: ListItem[]
  destinations: { id: number; name: string }[]
  categories: { clothing?: ListItem; shoes?: ListItem; toys?: ListItem; baby?: ListItem }
}

export function intakeInput(
  rng: Rng,
  lists: Lists,
  householdId: number,
  date: string,
  incomeSource: IncomeSource | undefined,
  followUp: boolean,
): MethodInput<'intakes.create'> {
  const topicChance: Record<string, number> = {
    Opvoeding: 0.45,
    'Werk en bijstand': incomeSource === 'bijstand' || incomeSource === 'ww' ? 0.65 : 0.3,
    'Financiën en schulden': 0.85,
    Gezondheid: 0.25,
    Wonen: 0.2,
    'Sociaal netwerk': 0.25,
  }
  const scale = followUp ? 0.4 : 1
  let topics = lists.topics.filter((t) => rng.chance((topicChance[t.name] ?? 0.3) * scale))
  if (!topics.length && lists.topics.length) topics = [rng.pick(lists.topics)]
  const debts = topics.some((t) => t.name === 'Financiën en schulden')
  const referralChance: Record<string, number> = {
    'Schuldhulpverlening Eemstad': debts ? 0.35 : 0.05,
    'Maatschappelijk werk De Eem': 0.15,
    'Sociaal raadslieden': 0.2,
    'Voedselbank Eemstad': 0.22,
    'Gemeente Eemstad (regelingen)': 0.3,
    Vrijwilligerscentrale: 0.08,
    'Wijkteam Noord': 0.05,
    'Taalhuis Kruiskamp': 0.04,
    'Buurthuis De Molen': 0.04,
  }
  const referrals = lists.destinations
    .filter((d) => rng.chance((referralChance[d.name] ?? 0.15) * scale))
    .map((d) => ({ destinationId: d.id, note: rng.chance(0.3) ? rng.pick(REFERRAL_NOTES) : null }))
  return {
    householdId,
    date,
    doneBy: rng.chance(0.8) ? rng.pick(COORDINATORS) : rng.pick(VOLUNTEERS),
    topicIds: topics.map((t) => t.id),
    referrals,
    notes: rng.chance(followUp ? 0.5 : 0.3) ? rng.pick(INTAKE_NOTES) : null,
    ...intakeProblems(rng, debts),
  }
}

/**
 * The intake's two questions as the seeds' shop answers them: "praktisch elk gezin heeft
 * schulden", and some families face several problems at once; a few never said.
 */
function intakeProblems(
  rng: Rng,
  talkedAboutDebts: boolean,
): { debts: IntakeAnswer; multipleProblems: IntakeAnswer } {
  const answer = (yes: number): IntakeAnswer =>
    rng.chance(yes) ? 'yes' : rng.chance(0.75) ? 'no' : 'unknown'
  return { debts: answer(talkedAboutDebts ? 0.95 : 0.6), multipleProblems: answer(0.35) }
}

/** Short referral notes as volunteers type them at the counter. */
const VISIT_REFERRAL_NOTES = [
  'Belt zelf deze week',
  'Folder meegegeven',
  'Samen het nummer opgezocht',
  'Komt terug als het niet lukt',
]

/**
 * The conversation at about a third of the visits, as the seeds' shop has it: upbringing, work
 * and benefits, money and debts most of all, and now and then a referral with a short note.
 */
export function visitConversation(
  rng: Rng,
  lists: Lists,
): { topics: number[]; referrals: { destinationId: number; note: string | null }[] } {
  if (!rng.chance(1 / 3) || !lists.topics.length) return { topics: [], referrals: [] }
  const weight: Record<string, number> = {
    Opvoeding: 4,
    'Werk en bijstand': 3,
    'Financiën en schulden': 4,
    Gezondheid: 1,
    Wonen: 1,
    'Sociaal netwerk': 1,
  }
  const weighted = lists.topics.map((t) => [t, weight[t.name] ?? 1] as const)
  const first = rng.weighted(weighted)
  const second = rng.chance(0.4) ? rng.weighted(weighted) : first
  const topics = [...new Set([first.id, second.id])]
  const referrals =
    lists.destinations.length && rng.chance(0.3)
      ? [
          {
            destinationId: rng.pick(lists.destinations).id,
            note: rng.chance(0.6) ? rng.pick(VISIT_REFERRAL_NOTES) : null,
          },
        ]
      : []
  return { topics, referrals }
}

export function visitItems(
  rng: Rng,
  lists: Lists,
  birthYears: number[],
  date: string,
  maxItemsPerChild: number,
): { categoryId: number; count: number }[] {
  const year = Number(date.slice(0, 4))
  const ages = birthYears.map((b) => year - b).filter((a) => a >= 0 && a < 18)
  const kids = Math.max(1, ages.length)
  const { clothing, shoes, toys, baby } = lists.categories
  const counts: [ListItem | undefined, number][] = [
    [clothing, ages.reduce((s) => s + rng.int(1, 5), 0) || rng.int(1, 3)],
    [shoes, ages.reduce((s) => s + (rng.chance(0.35) ? 1 : 0), 0)],
    [toys, ages.filter((a) => a < 12).reduce((s) => s + (rng.chance(0.5) ? rng.int(1, 2) : 0), 0)],
    [baby, ages.some((a) => a <= 1) ? rng.int(1, 4) : 0],
  ]
  // Mostly within the limit; now and then a coordinator gives more (the app warns).
  const limit = kids * maxItemsPerChild
  const generous = rng.chance(0.03)
  let total = counts.reduce((s, [, n]) => s + n, 0)
  while (!generous && total > limit) {
    const biggest = counts.reduce((a, b) => (b[1] > a[1] ? b : a))
    biggest[1]--
    total--
  }
  if (generous) counts[0][1] += limit - total + rng.int(1, 4)
  return counts.flatMap(([item, count]) =>
    item && (count > 0 || rng.chance(0.3)) ? [{ categoryId: item.id, count }] : [],
  )
}

export async function seedDemo(options: SeedOptions): Promise<SeedSummary> {
  const started = performance.now()
  const total = options.households ?? DEFAULT_HOUSEHOLDS
  if (!Number.isInteger(total) || total < 1) throw new Error('households must be at least 1')
  const file = join(options.dataDir, DB_FILE_NAME)
  if (options.reset) {
    for (const f of [file, `${file}-wal`, `${file}-shm`, join(options.dataDir, KEYS_FILE_NAME)])
      rmSync(f, { force: true })
  }
  const progress = options.onProgress ?? (() => undefined)
  const seedClock = manualClock('2000-01-01T00:00:00Z')
  const vault = await Vault.start({
    dataDir: options.dataDir,
    clock: seedClock,
    slotParams: options.passwordParams ?? PASSWORD_PARAMS,
    nativeBinding: options.nativeBinding,
  })
  try {
    // Only into an empty data folder: demo families must never mix with real ones.
    if (vault.state !== 'empty') {
      const existing = vault.isOpen
        ? Number(
            (
              await vault.db
                .selectFrom('household')
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          )
        : -1
      throw new SeedRefusedError(file, existing)
    }

    const writer = new Writer(vault, seedClock, options.passwordParams)
    const password = options.password ?? `demo-${randomBytes(6).toString('hex')}`
    await createAccounts(writer, options.today, password)
    await simulate(writer, options, total, progress)
    await seedCollections(writer, options.today)
    if (!options.shopOnly) {
      // Volunteers: hosts, vacancies and people, from a random sequence of their own.
      const families = await vault.db
        .selectFrom('household')
        .select('id')
        .where('status', '=', 'active')
        .orderBy('id')
        .limit(40)
        .execute()
      const volunteers = await seedVolunteers(
        writer,
        new Rng(options.seed + 13),
        options.today,
        families.map((f) => f.id),
        // As many as the shop's size asks: 120 people and 60 vacancies at 300 households.
        {
          people: Math.max(10, Math.round((120 * total) / DEFAULT_HOUSEHOLDS)),
          vacancies: Math.max(6, Math.round((60 * total) / DEFAULT_HOUSEHOLDS)),
        },
      )
      progress(
        `vrijwilligers: ${volunteers.people} deelnemers, ${volunteers.hosts} organisaties, ${volunteers.vacancies} vacatures`,
      )
      // Placements in every step, matched person by person (after the people, before the hours).
      const placements = await seedPlacements(writer, new Rng(options.seed + 17), options.today)
      progress(
        `koppelingen: ${placements.placements} (${Object.entries(placements.byStep)
          .map(([step, n]) => `${step} ${n}`)
          .join(', ')}; ${placements.overrides} ondanks een filter)`,
      )
      // Follow-up after matching (V3): a year of month hours, measurements, plans and contacts.
      const followup = await seedFollowup(writer, options.today, new Rng(options.seed + 19))
      progress(
        `opvolging: ${followup.hourRows} urenregels, ${followup.measurements} metingen, ${followup.plans} plannen, ${followup.contacts} contacten`,
      )
      // Complaints in every state over the last two years, from households and people of the app.
      const complainants = await vault.db
        .selectFrom('household')
        .select('id')
        .orderBy('id')
        .limit(60)
        .execute()
      const people = await vault.db
        .selectFrom('person')
        .select('id')
        .orderBy('id')
        .limit(60)
        .execute()
      const complaints = await seedComplaints(
        writer,
        new Rng(options.seed + 23),
        options.today,
        complainants.map((h) => h.id),
        people.map((p) => p.id),
      )
      progress(
        `klachten: ${complaints.complaints} (${complaints.open} open, ${complaints.decided} besloten, ${complaints.closed} gesloten; ${complaints.atCommittee} bij de klachtencommissie)`,
      )
      // The activities register and the advice tally (issue 15), from a sequence of their own.
      const activities = await seedActivities(writer, new Rng(options.seed + 31), options.today)
      progress(
        `activiteiten: ${activities.collective} collectief, ${activities.initiatives} bewonersinitiatieven; informatie en advies: ${activities.adviceContacts} contacten op ${activities.adviceDays} dagen`,
      )
      // Courses, informal carers and help requests (issue 16), matched to the volunteers above.
      const support = await seedSupport(writer, new Rng(options.seed + 41), options.today)
      progress(
        `cursussen: ${support.courses}, ${support.sessions} bijeenkomsten (${support.participants} deelnemers, ${support.guests} van elders); mantelzorgers: ${support.carers} (${support.loads} belastingmetingen, ${support.support} keer steun); hulpvragen: ${support.requests} (open ${support.byStatus.open}, gekoppeld ${support.byStatus.matched}, afgesloten ${support.byStatus.ended})`,
      )
      // Outcome indicators (issue 17): questionnaires of people who left and after activities,
      // safety signals and stories, from the people, families and activities above.
      const outcomes = await seedOutcomes(writer, new Rng(options.seed + 43), options.today)
      progress(
        `uitkomsten: ${outcomes.invites} uitnodigingen voor de vragenlijst (traject ${outcomes.byOccasion.trajectory}, activiteit ${outcomes.byOccasion.activity}, dienst ${outcomes.byOccasion.service}; ${outcomes.answered} van ${outcomes.invited} ingevuld); zorgsignalen: ${outcomes.careSignals}; verhalen: ${outcomes.stories}`,
      )
      // Last: the targets are set from the figures everything above gives.
      const targets = await seedReportTargets(writer, new Rng(options.seed + 37), options.today)
      progress(
        `streefwaarden ${targets.year}: ${targets.targets} (bewust anders: ${targets.offTarget.join(', ')})`,
      )
    }
    const summary = {
      ...(await summarise(vault.db, writer, options, file)),
      accounts: DEMO_ACCOUNTS.map((a) => a.username),
      password,
    }
    // Compacts the file and clears free space, which still holds the random temporary
    // reference that households.create writes before the real one.
    vault.sqlite.exec('VACUUM')
    return { ...summary, durationMs: Math.round(performance.now() - started) }
  } finally {
    await vault.close()
  }
}

/**
 * The setup screen's call (organisation and first admin), then one account per other role. The
 * demo accounts keep the given password: they are for trying the app, not for real families.
 */
export async function createAccounts(
  writer: Writer,
  today: string,
  password: string,
  instant = at(addMonths(today, -12), 7, 0),
): Promise<void> {
  const [admin, ...others] = DEMO_ACCOUNTS
  await writer.call(instant, 'setup.create', {
    organisation: {
      name: 'Stichting Dichtbij (demo)',
      address: 'Voorbeeldstraat 1',
      postcode: '1234 AB',
      city: 'Ergens',
    },
    admin: { ...admin, password, passwordRepeat: password },
  })
  for (const other of others) {
    const created = await writer.call(instant, 'users.create', { ...other, password })
    // A real account must choose its own password at first login; a demo account may not.
    await writer.vault.db
      .updateTable('account')
      .set({ mustChangePassword: 0 })
      .where('id', '=', created.id)
      .execute()
  }
}

async function simulate(
  writer: Writer,
  options: SeedOptions,
  total: number,
  progress: (message: string) => void,
): Promise<void> {
  const today = options.today
  const start = addMonths(today, -12)
  const rng = new Rng(options.seed)
  // Conversations draw from their own sequence, so the families, bookings and visits stay the
  // ones the same seed always gave.
  const talk = new Rng(options.seed ^ 0x6e5a11)
  const settings = await writer.call(at(today, 8, 0), 'settings.get', {})

  // 1. Plans, in the order of the seed; then created in the order they entered the app.
  const ctx: PlanContext = {
    rng,
    today,
    start,
    usedPostcodes: new Set(),
    usedPhones: new Set(),
  }
  const plans = Array.from({ length: total }, (_, i) => planHousehold(ctx, i, total))
  plans.sort((a, b) => a.entryDay.localeCompare(b.entryDay) || a.index - b.index)
  addSharedAddresses(ctx, plans)

  const lists: Lists = await (async () => {
    const list = (kind: 'topic' | 'category') =>
      writer.call(at(today, 8, 0), 'lists.list', { kind })
    const categories = await list('category')
    return {
      topics: await list('topic'),
      destinations: await seedSocialMap(writer, at(addDays(start, -30), 8, 30)),
      categories: {
        clothing: byName(categories, 'Kleding', 0),
        shoes: byName(categories, 'Schoenen', 1),
        toys: byName(categories, 'Speelgoed', 2),
        baby: byName(categories, 'Babyspullen', 3),
      },
    }
  })()

  // 2. A year of slots from the default template, and four weeks ahead.
  const template = DEFAULT_SHOP_SETTINGS.slotTemplate
  await writer.call(at(addDays(start, -30), 9, 0), 'slots.generate', {
    from: start,
    to: today,
    template,
  })
  await writer.call(at(today, 8, 5), 'slots.generate', {
    from: addDays(today, 1),
    to: addDays(today, 28),
    template,
  })
  const slots = await writer.call(at(today, 8, 10), 'slots.list', {
    from: start,
    to: addDays(today, 28),
  })
  const slotsByDay = new Map<string, Slot[]>()
  for (const s of slots) slotsByDay.set(s.date, [...(slotsByDay.get(s.date) ?? []), s])

  // Days the shop was closed (Christmas, King's Day, a few odd days off).
  const closed = new Set<string>()
  for (const s of slots) {
    const md = s.date.slice(5)
    if (md >= '12-24' || md <= '01-01' || md === '04-27' || rng.chance(0.015)) closed.add(s.date)
  }

  const states: HouseholdState[] = []
  const eligibleUntilOf = (input: HouseholdCreate): string | null =>
    input.eligibleUntil ??
    (input.proofSeenOn ? addMonths(input.proofSeenOn, settings.eligibilityMonths) : null)

  async function createHousehold(plan: HouseholdPlan): Promise<HouseholdState> {
    const instant = at(plan.entryDay, rng.int(8, 15), rng.int(0, 59))
    let result = await writer.raw(instant, 'households.create', plan.input)
    if (!result.ok && result.error.code === 'CONFLICT' && result.error.key === 'duplicates') {
      // The coordinator sees the possible duplicate, checks it is another family, goes on.
      result = await writer.raw(instant, 'households.create', {
        ...plan.input,
        confirmDuplicate: true,
      })
    }
    if (!result.ok) throw new SeedCallError('households.create', plan.input, result.error)
    const created = result.value as MethodOutput<'households.create'>
    writer.count(created)
    const state: HouseholdState = {
      plan,
      id: created.id,
      eligibleUntil: eligibleUntilOf(plan.input),
      lastBooked: plan.legacyVisitDay,
      bookedDays: new Set(),
      birthYears: plan.input.members.filter((m) => m.clothingSize !== null).map((m) => m.birthYear),
    }
    await writer.call(
      at(plan.entryDay, 16, rng.int(0, 59)),
      'intakes.create',
      intakeInput(rng, lists, state.id, plan.intakeDay, plan.input.incomeSource, false),
    )
    if (plan.legacyVisitDay) {
      const when = plan.legacyVisitDay > plan.entryDay ? plan.legacyVisitDay : plan.entryDay
      await writer.call(at(when, 16, 30), 'visits.register', {
        householdId: state.id,
        appointmentId: null,
        date: plan.legacyVisitDay,
        servedBy: rng.pick(VOLUNTEERS),
        items: visitItems(
          rng,
          lists,
          state.birthYears,
          plan.legacyVisitDay,
          settings.maxItemsPerChild,
        ),
        note: 'Overgenomen uit de papieren kaartenbak.',
      })
    }
    states.push(state)
    return state
  }

  /** The coordinator saw a new proof of income: a round trip through get and update. */
  async function renewProof(state: HouseholdState, day: string, instant: string): Promise<void> {
    const { household } = await writer.call(instant, 'households.get', { id: state.id })
    const year = Number(day.slice(0, 4))
    const members = household.members.map((m) => {
      // Children grow: the coordinator updates the sizes at the same time.
      if (m.clothingSize === null || !rng.chance(0.5)) return m
      const size = sizeFor(year - m.birthYear, rng)
      return sizeIndex(size) > sizeIndex(m.clothingSize) ? { ...m, clothingSize: size } : m
    })
    const input: MethodInput<'households.update'> = {
      id: household.id,
      contactName: household.contactName,
      street: household.street,
      houseNumber: household.houseNumber,
      postcode: household.postcode,
      city: household.city,
      district: household.district,
      phone: household.phone,
      email: household.email,
      // The demo admin sees everything; only a counter volunteer gets these fields removed.
      incomeSource: household.incomeSource ?? 'anders',
      referrer: household.referrer ?? null,
      proofSeenOn: day,
      eligibleUntil: null,
      consentDate: household.consentDate,
      consentBy: household.consentBy,
      status: household.status,
      notes: household.notes,
      members,
    }
    await writer.call(instant, 'households.update', input)
    state.eligibleUntil = addMonths(day, settings.eligibilityMonths)
  }

  function candidatesFor(day: string): HouseholdState[] {
    return states
      .filter(
        (s) =>
          !s.plan.inactive &&
          !s.plan.lapsed &&
          daysBetween(s.plan.entryDay, day) >= 2 &&
          !s.bookedDays.has(day) &&
          (s.lastBooked === null || daysBetween(s.lastBooked, day) >= s.plan.intervalDays),
      )
      .map((s) => ({
        s,
        // New families first, then the longest overdue, with some chance in between.
        score:
          (s.lastBooked === null ? 1000 : daysBetween(s.lastBooked, day) - s.plan.intervalDays) +
          rng.int(0, 20),
      }))
      .sort((a, b) => b.score - a.score || a.s.id - b.s.id)
      .map((c) => c.s)
  }

  // 3. Existing households are entered from paper in the weeks before the year starts.
  const existing = plans.filter((p) => p.kind === 'existing')
  progress(`Huishoudens uit de kaartenbak: ${existing.length}`)
  for (const plan of existing) await createHousehold(plan)
  const newcomers = plans.filter((p) => p.kind === 'new')
  let nextNew = 0

  // 4. Day by day through the year, then four weeks of planned appointments.
  const end = addDays(today, 28)
  for (let day = start; day <= end; day = addDays(day, 1)) {
    while (nextNew < newcomers.length && newcomers[nextNew].entryDay <= day) {
      await createHousehold(newcomers[nextNew++])
    }
    if (day.endsWith('-01')) progress(`${day}: ${states.length} huishoudens`)
    const daySlots = slotsByDay.get(day) ?? []
    if (!daySlots.length || closed.has(day)) continue
    const past = day < today
    const ahead = daysBetween(today, day)
    for (const slot of daySlots) {
      const want = past
        ? rng.weighted([
            [slot.capacity, 35],
            [slot.capacity - 1, 35],
            [slot.capacity - 2, 20],
            [slot.capacity - 3, 7],
            [1, 3],
          ] as const)
        : Math.max(0, slot.capacity - 1 - Math.floor(ahead / 7) - rng.int(0, 1))
      const chosen = candidatesFor(day).slice(0, Math.max(0, Math.min(want, slot.capacity)))
      const [h0, h1] = PART_HOURS[slot.part]
      for (const s of chosen) {
        const earliest = past ? addDays(day, -21) : addDays(today, -14)
        const from = s.plan.entryDay > earliest ? s.plan.entryDay : earliest
        const latest = past ? addDays(day, -1) : today
        const bookedOn = addDays(from, rng.int(0, Math.max(0, daysBetween(from, latest))))
        // Booked before the half-day is over (main refuses a booking after that): on the day
        // itself at the opening hour. The draw stays, so the data is the same as before.
        const hour = rng.int(8, 15)
        const booked = await writer.call(
          at(bookedOn, bookedOn === day ? 8 : hour, rng.int(0, 59)),
          'appointments.book',
          {
            slotId: slot.id,
            householdId: s.id,
            note: rng.chance(s.lastBooked === null ? 0.3 : 0.05)
              ? rng.pick(APPOINTMENT_NOTES)
              : null,
          },
        )
        const appointmentId = booked.appointment.id
        const previous = s.lastBooked
        s.lastBooked = day
        s.bookedDays.add(day)

        const cancelled = rng.chance(past ? 0.08 : 0.04)
        if (cancelled) {
          // Called off on the day itself (before opening) or up to three days before.
          const on = addDays(day, -rng.int(0, Math.min(3, daysBetween(bookedOn, day))))
          const when = past || on <= today ? on : today
          await writer.call(
            at(when, when === bookedOn ? 16 : 7, rng.int(0, 59)),
            'appointments.setStatus',
            { appointmentId, status: 'cancelled' },
          )
          s.lastBooked = previous
          s.bookedDays.delete(day)
          continue
        }
        if (!past) continue

        if (rng.chance(0.105)) {
          await writer.call(at(day, h1 + 1, rng.int(0, 59)), 'appointments.setStatus', {
            appointmentId,
            status: 'no_show',
          })
          // Families who missed a turn are called again sooner.
          s.lastBooked = addDays(day, -Math.floor(s.plan.intervalDays / 2))
          continue
        }

        // Came: proof checked at the desk, checked in, visit registered.
        const checkIn = at(day, rng.int(h0, h1), rng.int(0, 39))
        const expired = s.eligibleUntil === null || s.eligibleUntil < day
        // The desk asks for a new proof when the old one has run out or soon will.
        const expiringSoon = !expired && daysBetween(day, s.eligibleUntil ?? day) <= 60
        if ((expired && rng.chance(0.85)) || (expiringSoon && rng.chance(0.5)))
          await renewProof(s, day, checkIn)
        await writer.call(checkIn, 'appointments.setStatus', { appointmentId, status: 'came' })
        await writer.call(
          at(day, Number(checkIn.slice(11, 13)), Number(checkIn.slice(14, 16)) + 15),
          'visits.register',
          {
            householdId: s.id,
            appointmentId,
            date: day,
            servedBy: rng.pick(VOLUNTEERS),
            items: visitItems(rng, lists, s.birthYears, day, settings.maxItemsPerChild),
            note: rng.chance(0.05) ? rng.pick(VISIT_NOTES) : null,
            ...visitConversation(talk, lists),
          },
        )
        if (rng.chance(0.05))
          await writer.call(
            at(day, h1 + 1, rng.int(0, 59)),
            'intakes.create',
            intakeInput(rng, lists, s.id, day, s.plan.input.incomeSource, true),
          )
      }
    }
  }
}

const NOTICE_WAYS_DEMO = ['phone', 'phone', 'text_message', 'in_person', 'email'] as const

/**
 * Three collections as a shop has them: last winter's, gone to a partner project three weeks ago
 * (its families told when it came in); the current one, two thirds of its call list told in the
 * last days; and the next one, not in yet. Families are taken from each collection's own call
 * list at the time, and only those already known to the shop then.
 */
async function seedCollections(writer: Writer, today: string): Promise<void> {
  const db = writer.vault.db
  const knownBy = async (day: string): Promise<Set<number>> =>
    new Set(
      (
        await db
          .selectFrom('household')
          .select('id')
          .where('createdAt', '<', `${day}T00:00:00`)
          .execute()
      ).map((h) => h.id),
    )
  const tell = async (id: number, days: string[], share: number): Promise<void> => {
    let n = 0
    for (const day of days) {
      const known = await knownBy(day)
      const list = await writer.call(at(day, 9, 0), 'collections.callList', { id, told: 'notTold' })
      const due = list.entries.filter((e) => known.has(e.householdId))
      const quota = Math.ceil((list.counts.total * share) / days.length)
      for (const e of due.slice(0, quota)) {
        n += 1
        await writer.call(at(day, 10 + (n % 6), (n * 7) % 60), 'collections.markTold', {
          id,
          householdId: e.householdId,
          how: e.phone ? NOTICE_WAYS_DEMO[n % NOTICE_WAYS_DEMO.length] : 'letter',
          date: day,
        })
      }
    }
  }

  const winterIn = addMonths(today, -5)
  const winter = await writer.call(at(addDays(winterIn, -10), 9, 30), 'collections.create', {
    name: 'Wintercollectie',
    season: 'winter',
    arrivesOn: winterIn,
  })
  await tell(winter.id, [winterIn, addDays(winterIn, 1), addDays(winterIn, 2)], 0.5)
  const projects = await writer.call(at(today, 8, 0), 'partners.list', {})
  const project = projects.find((p) => p.kind === 'partner_project') ?? projects[0]
  await writer.call(at(addDays(today, -21), 16, 0), 'collections.leave', {
    id: winter.id,
    date: addDays(today, -21),
    partnerId: project?.id ?? null,
    note: 'Vier dozen winterjassen en truien',
  })

  const currentIn = addDays(today, -6)
  const current = await writer.call(at(addDays(currentIn, -14), 9, 30), 'collections.create', {
    name: 'Nieuwe collectie kinderkleding',
    season: 'year_round',
    arrivesOn: currentIn,
  })
  await tell(
    current.id,
    Array.from({ length: 6 }, (_, i) => addDays(currentIn, i)),
    0.65,
  )

  await writer.call(at(today, 8, 30), 'collections.create', {
    name: 'Zomercollectie',
    season: 'summer',
    arrivesOn: addMonths(today, 3),
  })
}

async function summarise(
  db: Kysely<DB>,
  writer: Writer,
  options: SeedOptions,
  file: string,
): Promise<Omit<SeedSummary, 'durationMs' | 'accounts' | 'password'>> {
  const count = async (
    table: 'household' | 'member' | 'intake' | 'slot' | 'appointment' | 'visit' | 'visitItem',
  ): Promise<number> => {
    const { n } = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(n)
  }
  const byStatus = await db
    .selectFrom('appointment')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute()
  const appointmentsByStatus = Object.fromEntries(
    APPOINTMENT_STATUSES.map((s) => [s, Number(byStatus.find((r) => r.status === s)?.n ?? 0)]),
  ) as Record<AppointmentStatus, number>
  const childYear = Number(options.today.slice(0, 4)) - 17
  const { children } = await db
    .selectFrom('member')
    .select((eb) => eb.fn.countAll<number>().as('children'))
    .where('birthYear', '>=', childYear)
    .executeTakeFirstOrThrow()
  const { expired } = await db
    .selectFrom('household')
    .select((eb) => eb.fn.countAll<number>().as('expired'))
    .where('eligibleUntil', '<', options.today)
    .executeTakeFirstOrThrow()
  const { activities } = await db
    .selectFrom('activity')
    .select((eb) => eb.fn.countAll<number>().as('activities'))
    .executeTakeFirstOrThrow()
  const { advice } = await db
    .selectFrom('adviceTally')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('count'), eb.lit(0)).as('advice'))
    .executeTakeFirstOrThrow()
  const { targets } = await db
    .selectFrom('reportTarget')
    .select((eb) => eb.fn.countAll<number>().as('targets'))
    .executeTakeFirstOrThrow()
  return {
    file,
    seed: options.seed,
    today: options.today,
    households: await count('household'),
    members: await count('member'),
    children: Number(children),
    intakes: await count('intake'),
    slots: await count('slot'),
    appointments: await count('appointment'),
    appointmentsByStatus,
    visits: await count('visit'),
    visitItems: await count('visitItem'),
    expiredEligibility: Number(expired),
    activities: Number(activities),
    adviceContacts: Number(advice),
    targets: Number(targets),
    calls: writer.calls,
    warnings: writer.warnings,
  }
}

/** The summary as a few Dutch lines, for the command line and the bench. */
export function formatSummary(s: SeedSummary): string {
  const st = s.appointmentsByStatus
  const warnings = Object.entries(s.warnings)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')
  return [
    `Demodata in ${s.file} (seed ${s.seed}, vandaag ${s.today})`,
    `  gebruikers    ${s.accounts.join(', ')}; wachtwoord: ${s.password}`,
    `  huishoudens   ${s.households} (${s.members} personen, ${s.children} kinderen; ` +
      `${s.expiredEligibility} met verlopen recht)`,
    `  intakes       ${s.intakes}`,
    `  dagdelen      ${s.slots}`,
    `  afspraken     ${s.appointments} (gekomen ${st.came}, niet gekomen ${st.no_show}, ` +
      `afgezegd ${st.cancelled}, gepland ${st.planned})`,
    `  bezoeken      ${s.visits} (${s.visitItems} regels met aantallen)`,
    `  activiteiten  ${s.activities}; informatie en advies ${s.adviceContacts} contacten; ` +
      `${s.targets} streefwaarden`,
    `  aanroepen     ${s.calls} via de router; waarschuwingen: ${warnings || 'geen'}`,
    `  duur          ${(s.durationMs / 1000).toFixed(1)} s`,
  ].join('\n')
}
