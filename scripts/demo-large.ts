/**
 * Ten years of a busy clothing shop, for measuring the app at the size a long-standing
 * organisation reaches (issue 11): about 8,000 households, 26,000 people, 185,000 appointments,
 * 150,000 visits, 12,500 intakes and 780,000 audit entries with a valid hash chain.
 *
 * The database is made the app's own way (setup, accounts, key slots, migrations, shop settings
 * through the router), then filled with batched prepared statements on the raw connection: the
 * router would take hours for this many rows. What the services would have written is mirrored
 * row by row: the same columns, the same derived values (reference, search key, phone digits,
 * eligibility), and an audit entry for every action at the moment it happened, hashed with the
 * app's own `auditHash`. Households whose last contact passed the retention term in an earlier
 * year were anonymised by the app's own retention code, at the yearly retention round.
 *
 * Everything comes from the seed and `today`: the same two give the same data.
 */
import { rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { randomBytes } from 'node:crypto'
import type Database from 'better-sqlite3-multiple-ciphers'
import { manualClock } from '../src/main/clock'
import { PASSWORD_PARAMS, type ScryptParams } from '../src/main/crypto/passwords'
import { DB_FILE_NAME, KEYS_FILE_NAME, Vault } from '../src/main/vault/vault'
import { auditHash, GENESIS_HASH } from '../src/main/domains/audit/audit'
import { referenceFor } from '../src/main/domains/shop/queries'
import {
  HOUSEHOLD_ANONYMISED_FIELDS,
  householdRetention,
} from '../src/main/domains/shop/subject-parts/retention'
import { searchKey } from '../src/main/db/text'
import { optionalSearchKey } from '../src/shared/search-key'
import { fillKept, KEPT_TRIGGER_MARK } from '../src/main/db/migrations/0022-volunteer-figures-kept'
import { fillHouseholdYear } from '../src/main/db/migrations/0027-household-year'
import { fillHouseholdYearItems } from '../src/main/db/migrations/0029-household-year-items'
import { dutchNote } from '../src/main/i18n'
import { auditNote } from '../src/shared/audit-text'
import { normalisePhone } from '../src/shared/schemas/common'
import { addDays, addMonths, daysBetween, isoWeekday } from '../src/shared/dates'
import type { Gender, IncomeSource, IntakeAnswer } from '../src/shared/schemas/household'
import type { AppointmentStatus } from '../src/shared/schemas/shop'
import { APPOINTMENT_STATUSES } from '../src/shared/schemas/shop'
import {
  APPOINTMENT_NOTES,
  COORDINATORS,
  DEMO_ACCOUNTS,
  DISTRICTS,
  HOUSEHOLD_NOTES,
  INCOME,
  ORIGINS,
  ORIGIN_WEIGHTS,
  PART_HOURS,
  REFERRERS,
  Rng,
  SeedRefusedError,
  VISIT_NOTES,
  VOLUNTEERS,
  Writer,
  ascii,
  byName,
  createAccounts,
  intakeInput,
  seedSocialMap,
  sizeFor,
  surnameFor,
  visitConversation,
  visitItems,
  type Lists,
} from './demo-data'
import { writeLargeComplaints } from './demo-large-complaints'
import {
  LARGE_PEOPLE,
  LARGE_VACANCIES,
  LARGE_VOLUNTEER_TABLES,
  planLargeVolunteers,
  writeLargeVolunteers,
  type LargeVolunteerLists,
} from './demo-large-volunteers'
import {
  LARGE_PLACEMENT_TABLES,
  LARGE_PLACEMENTS,
  planLargePlacements,
  writeLargePlacements,
} from './demo-large-placements'
import { LARGE_FOLLOWUP_TABLES, LARGE_HOUR_ROWS, writeLargeFollowup } from './demo-large-followup'
import {
  LARGE_ACTIVITY_TABLES,
  planLargeTargets,
  writeLargeActivities,
  writeLargeTargets,
} from './demo-large-activities'
import {
  LARGE_SUPPORT_TABLES,
  planLargeSupport,
  writeLargeSupport,
  type LargeSupportSummary,
} from './demo-large-support'
import { HELP_KIND_NAMES, type HelpKindName } from './demo-support'
import {
  LARGE_OUTCOME_TABLES,
  planLargeOutcomes,
  writeLargeOutcomes,
  type LargeOutcomesSummary,
} from './demo-large-outcomes'

/**
 * The host organisations of the large demo (through the router, with their audit entries), and
 * the ids of the lists and programmes the people and vacancies draw from.
 */
async function largeVolunteerLists(writer: Writer, at: string): Promise<LargeVolunteerLists> {
  const hostIds: number[] = []
  for (let i = 1; i <= 24; i++) {
    const o = await writer.call(at, 'organisations.create', {
      name: `Gastorganisatie ${String(i).padStart(2, '0')}`,
      kind: 'neighbourhood',
      contactPerson: `Contactpersoon ${i}`,
    })
    hostIds.push(o.id)
  }
  const own = (await writer.call(at, 'organisations.list', {})).find((o) => o.isOwn)
  if (own) hostIds.push(own.id)
  const options: { id: number; kind: string }[] = []
  for (const kind of ['skill', 'interest', 'learning_goal', 'limitation'] as const)
    for (const o of await writer.call(at, 'volunteerLists.list', { kind }))
      options.push({ id: o.id, kind })
  const programmeIds = (await writer.call(at, 'programmes.list', {})).map((p) => p.id)
  return { hostIds, programmeIds, options }
}

export const LARGE_HOUSEHOLDS = 8000
export const LARGE_YEARS = 10

export interface LargeSeedOptions {
  dataDir: string
  seed: number
  /** `YYYY-MM-DD`: the day the demo is "now". The data runs from `years` before it. */
  today: string
  /** Households over the whole period; 8,000 when not given. */
  households?: number
  /** Years of history; 10 when not given. */
  years?: number
  /** People of the volunteers domain; 20,000 per 8,000 households when not given. */
  people?: number
  reset?: boolean
  password?: string
  /** Cost of the password hashes and key slots; the app's own unless a test asks for less. */
  passwordParams?: ScryptParams
  onProgress?: (message: string) => void
}

export interface LargeSeedSummary {
  file: string
  accounts: string[]
  password: string
  seed: number
  today: string
  years: number
  households: number
  anonymised: number
  members: number
  intakes: number
  slots: number
  appointments: number
  appointmentsByStatus: Record<AppointmentStatus, number>
  visits: number
  visitItems: number
  callListContacts: number
  people: number
  vacancies: number
  /** Rows of the activities register, advice contacts tallied, targets set over the years. */
  activities: number
  adviceContacts: number
  targets: number
  /** Sessions of the trainings register, informal carers, help requests (issue 16). */
  trainingSessions: number
  carers: number
  helpRequests: number
  helpRequestsByStatus: LargeSupportSummary['byStatus']
  auditEntries: number
  /** Households retention would list today (last contact before the term, not anonymised). */
  retentionDue: number
  /** Size of the database file (with its WAL, if any) after closing. */
  fileBytes: number
  durationMs: number
}

// --- What the shop keeps in memory while it simulates ------------------------------------------

/** A row that gets its id only at the end, once all rows of its table are in creation order. */
interface Entity {
  id: number
  /** ISO instant it was written: ids follow this order, as the autoincrement did. */
  created: string
  seq: number
}

interface MemberRow {
  firstName: string | null
  birthYear: number
  gender: Gender
  child: boolean
}

interface HouseholdRow extends Entity {
  contactName: string
  street: string
  houseNumber: string
  postcode: string
  city: string
  district: string | null
  phone: string | null
  email: string | null
  incomeSource: IncomeSource
  referrer: string | null
  proofSeenOn: string | null
  eligibleUntil: string | null
  consentDate: string
  consentBy: string
  status: 'active' | 'inactive'
  notes: string | null
  updatedAt: string
  members: MemberRow[]
  // Simulation state, not stored.
  entryDay: string
  activeUntil: string
  intervalDays: number
  nextDue: string
  lastContact: string
  lastVisit: string | null
  anonymised: boolean
}

interface IntakeRow extends Entity {
  household: HouseholdRow
  date: string
  doneBy: string
  notes: string | null
  debts: IntakeAnswer
  multipleProblems: IntakeAnswer
  topicIds: number[]
  referrals: { destinationId: number; note: string | null }[]
}

interface SlotRow extends Entity {
  date: string
  part: SlotPart
  capacity: number
  taken: number
}

interface AppointmentRow extends Entity {
  slot: SlotRow
  household: HouseholdRow
  date: string
  status: AppointmentStatus
  note: string | null
  statusChangedAt: string | null
}

interface VisitRow extends Entity {
  household: HouseholdRow
  appointment: AppointmentRow
  date: string
  servedBy: string
  note: string | null
  items: { categoryId: number; count: number }[]
  topics: number[]
  referrals: { destinationId: number; note: string | null }[]
}

interface ContactRow extends Entity {
  household: HouseholdRow
  date: string
}

type Actor = 'admin' | 'coordinator' | 'volunteer'
type SlotPart = 'morning' | 'afternoon' | 'evening'

/** One audit entry as the service would write it; hashed once all are in time order. */
interface AuditEvent {
  at: string
  seq: number
  actor: Actor
  action: string
  entityType: string | null
  entity: Entity | number | null
  household: HouseholdRow | null
  /** Another data subject than a household (a person of the volunteers domain). */
  subject?: { kind: string; id: number } | null
  fields: string
  detail: string | null
}

/** Where each role works: the counter computer and the office. */
const WORKSTATION: Record<Actor, string> = {
  admin: 'KANTOOR-PC',
  coordinator: 'KANTOOR-PC',
  volunteer: 'BALIE-PC',
}

/** A busy shop: open on weekday mornings and afternoons, Saturday morning and Thursday evening. */
function largeTemplate(capacity: number): { weekday: number; part: SlotPart; capacity: number }[] {
  const template: { weekday: number; part: SlotPart; capacity: number }[] = []
  for (let weekday = 1; weekday <= 5; weekday++) {
    template.push({ weekday, part: 'morning', capacity })
    template.push({ weekday, part: 'afternoon', capacity })
    if (weekday === 4) template.push({ weekday, part: 'evening', capacity })
  }
  template.push({ weekday: 6, part: 'morning', capacity })
  return template
}

function two(n: number): string {
  return String(n).padStart(2, '0')
}

class Sim {
  readonly rng: Rng
  /** The visits' conversations draw from their own sequence (as in the small demo). */
  readonly talk: Rng
  private seqNo = 0
  readonly events: AuditEvent[] = []
  readonly households: HouseholdRow[] = []
  readonly intakes: IntakeRow[] = []
  readonly slots: SlotRow[] = []
  readonly appointments: AppointmentRow[] = []
  readonly visits: VisitRow[] = []
  readonly contacts: ContactRow[] = []
  readonly anonymisations: { household: HouseholdRow; at: string; day: string }[] = []
  private readonly usedPhones = new Set<string>()

  constructor(
    seed: number,
    readonly today: string,
    readonly start: string,
    readonly lists: Lists,
    readonly eligibilityMonths: number,
    readonly maxItemsPerChild: number,
  ) {
    this.rng = new Rng(seed)
    this.talk = new Rng(seed ^ 0x6e5a11)
  }

  seq(): number {
    return this.seqNo++
  }

  /** An instant on `day` (UTC hours stay well inside the same Amsterdam date). */
  at(day: string, hour: number, minute: number, second = this.rng.int(0, 59)): string {
    return `${day}T${two(hour)}:${two(Math.min(59, minute))}:${two(second)}.000Z`
  }

  log(
    e: Omit<AuditEvent, 'seq' | 'fields' | 'detail' | 'household' | 'entity'> & {
      entity?: Entity | number | null
      household?: HouseholdRow | null
      fields?: readonly string[]
      detail?: string | null
    },
  ): void {
    this.events.push({
      at: e.at,
      seq: this.seq(),
      actor: e.actor,
      action: e.action,
      entityType: e.entityType,
      entity: e.entity ?? null,
      household: e.household ?? null,
      fields: (e.fields ?? []).join(','),
      detail: e.detail ?? null,
    })
  }

  // --- Households --------------------------------------------------------------------------

  private drawPhone(): string | null {
    const { rng } = this
    if (rng.chance(0.06)) return null
    for (;;) {
      const landline = rng.chance(0.1)
      const rest = landline
        ? `4${String(rng.int(0, 999999)).padStart(6, '0')}`
        : String(rng.int(10000000, 99999999))
      const digits = landline ? `033${rest}` : `06${rest}`
      if (this.usedPhones.has(digits)) continue
      this.usedPhones.add(digits)
      if (landline) return `033-${rest}`
      return rng.weighted([
        [`06-${rest}`, 45],
        [`06 ${rest}`, 25],
        [`06${rest}`, 20],
        [`+31 6 ${rest}`, 10],
      ] as const)
    }
  }

  /** Draws a household that registers on `entryDay`; it comes for a while, then stops. */
  planHousehold(entryDay: string): HouseholdRow {
    const { rng } = this
    const originKey = rng.weighted(ORIGIN_WEIGHTS)
    const origin = ORIGINS[originKey]
    const familySurname = rng.pick(origin.surnames)
    const district = rng.weighted(DISTRICTS.map((d) => [d, d.weight] as const))
    const entryYear = Number(entryDay.slice(0, 4))
    const twoAdults = rng.chance(0.35)
    const contactGender: Gender = rng.chance(twoAdults ? 0.65 : 0.82) ? 'f' : 'm'
    const contactAge = rng.int(21, 54)
    const contactFirst = rng.pick(contactGender === 'f' ? origin.women : origin.men)
    const contactSurname = surnameFor(familySurname, contactGender)
    const members: MemberRow[] = [
      {
        firstName: contactFirst,
        birthYear: entryYear - contactAge,
        gender: contactGender,
        child: false,
      },
    ]
    if (twoAdults) {
      const partnerGender: Gender = rng.chance(0.96) ? (contactGender === 'f' ? 'm' : 'f') : 'f'
      const partnerOrigin = rng.chance(0.85) ? origin : ORIGINS.dutch
      members.push({
        firstName: rng.pick(partnerGender === 'f' ? partnerOrigin.women : partnerOrigin.men),
        birthYear: entryYear - Math.max(20, contactAge + rng.int(-4, 7)),
        gender: partnerGender,
        child: false,
      })
    }
    const childCount = rng.weighted([
      [1, 42],
      [2, 33],
      [3, 16],
      [4, 7],
      [5, 2],
    ] as const)
    const maxChildAge = Math.min(17, contactAge - 18)
    for (let c = 0; c < childCount; c++) {
      const gender: Gender = rng.weighted([
        ['f', 49],
        ['m', 49],
        ['x', 2],
      ] as const)
      const names =
        gender === 'f'
          ? origin.girls
          : gender === 'm'
            ? origin.boys
            : origin.girls.concat(origin.boys)
      members.push({
        firstName: rng.pick(names),
        birthYear: entryYear - rng.int(0, maxChildAge),
        gender,
        child: true,
      })
    }
    let email: string | null = null
    if (rng.chance(0.45)) {
      const separator = rng.pick(['.', '', '_'])
      const number = rng.chance(0.4) ? String(rng.int(1, 99)) : ''
      const domain = rng.pick(['example.com', 'example.org', 'example.net'])
      email = `${ascii(contactFirst)}${separator}${ascii(contactSurname)}${number}@${domain}`
    }
    // Postcodes are shared by the houses of a street side, as in life: no uniqueness here.
    const digits = rng.int(district.postcodes[0], district.postcodes[1])
    const letters = String.fromCharCode(65 + rng.int(0, 23), 65 + rng.int(0, 25))
    const postcode = `${digits} ${letters.replace(/S[ADS]/, 'SB')}`
    const proofSeenOn = rng.chance(0.04) ? null : addDays(entryDay, -rng.int(0, 14))
    // How long the family comes: some months for most, years for some.
    const activeDays = 60 + Math.floor(-Math.log(1 - rng.float() * 0.999) * 1270)
    const intervalDays = rng.weighted([
      [28, 20],
      [35, 25],
      [42, 25],
      [56, 20],
      [70, 10],
    ] as const)
    const explicitUntil =
      proofSeenOn && rng.chance(0.05) ? addMonths(proofSeenOn, rng.pick([3, 6])) : null
    const created = this.at(entryDay, rng.int(8, 15), rng.int(0, 59))
    return {
      id: 0,
      created,
      seq: this.seq(),
      contactName: `${contactFirst} ${contactSurname}`,
      street: rng.pick(district.streets),
      houseNumber: `${rng.int(1, 180)}${rng.chance(0.12) ? rng.pick(['A', 'B', '-1', '-2', ' bis']) : ''}`,
      postcode,
      city: district.city,
      district: rng.chance(0.03) ? null : district.name,
      phone: this.drawPhone(),
      email,
      incomeSource: rng.weighted(INCOME),
      referrer: rng.weighted(REFERRERS),
      proofSeenOn,
      eligibleUntil:
        explicitUntil ?? (proofSeenOn ? addMonths(proofSeenOn, this.eligibilityMonths) : null),
      consentDate: entryDay,
      consentBy: rng.pick(COORDINATORS),
      status: 'active',
      notes: rng.chance(0.15) ? rng.pick(HOUSEHOLD_NOTES) : null,
      updatedAt: created,
      members,
      entryDay,
      activeUntil: addDays(entryDay, activeDays),
      intervalDays,
      nextDue: addDays(entryDay, rng.int(2, 10)),
      lastContact: entryDay,
      lastVisit: null,
      anonymised: false,
    }
  }

  /** households.create, then the intake the coordinator enters right after. */
  createHousehold(h: HouseholdRow): void {
    this.households.push(h)
    const filled = [
      'contactName',
      'street',
      'houseNumber',
      'postcode',
      'city',
      ...(h.district ? ['district'] : []),
      ...(h.phone ? ['phone'] : []),
      ...(h.email ? ['email'] : []),
      'incomeSource',
      ...(h.referrer ? ['referrer'] : []),
      ...(h.proofSeenOn ? ['proofSeenOn'] : []),
      ...(h.eligibleUntil !== null &&
      h.proofSeenOn &&
      h.eligibleUntil !== addMonths(h.proofSeenOn, this.eligibilityMonths)
        ? ['eligibleUntil']
        : []),
      'consentDate',
      'consentBy',
      'status',
      ...(h.notes ? ['notes'] : []),
      'members',
    ]
    this.log({
      at: h.created,
      actor: 'coordinator',
      action: 'create',
      entityType: 'household',
      entity: h,
      household: h,
      fields: filled,
    })
    this.addIntake(h, h.entryDay, this.at(h.entryDay, 16, this.rng.int(0, 59)), false)
  }

  addIntake(h: HouseholdRow, day: string, created: string, followUp: boolean): void {
    const input = intakeInput(this.rng, this.lists, 0, day, h.incomeSource, followUp)
    const intake: IntakeRow = {
      id: 0,
      created,
      seq: this.seq(),
      household: h,
      date: day,
      doneBy: input.doneBy,
      notes: input.notes ?? null,
      debts: input.debts ?? 'unknown',
      multipleProblems: input.multipleProblems ?? 'unknown',
      topicIds: input.topicIds ?? [],
      referrals: (input.referrals ?? []).map((r) => ({
        destinationId: r.destinationId,
        note: r.note ?? null,
      })),
    }
    this.intakes.push(intake)
    this.log({
      at: created,
      actor: 'coordinator',
      action: 'create',
      entityType: 'intake',
      entity: intake,
      household: h,
      fields: [
        'date',
        'doneBy',
        ...(intake.topicIds.length ? ['topicIds'] : []),
        ...(intake.referrals.length ? ['referrals'] : []),
        ...(intake.notes ? ['notes'] : []),
        // Always filled: 'unknown' is an answer too, as the router logs it.
        'debts',
        'multipleProblems',
      ],
    })
    if (day > h.lastContact) h.lastContact = day
  }

  /** A new proof of income seen at the desk: households.get, then households.update. */
  renewProof(h: HouseholdRow, day: string, instant: string): void {
    this.log({
      at: instant,
      actor: 'coordinator',
      action: 'view',
      entityType: 'household',
      entity: h,
      household: h,
    })
    const fields = ['proofSeenOn', 'eligibleUntil']
    // Now and then the children's sizes are brought up to date at the same time.
    if (this.rng.chance(0.4)) fields.push('members')
    h.proofSeenOn = day
    h.eligibleUntil = addMonths(day, this.eligibilityMonths)
    const updated = this.at(day, Number(instant.slice(11, 13)), Number(instant.slice(14, 16)) + 2)
    h.updatedAt = updated
    this.log({
      at: updated,
      actor: 'coordinator',
      action: 'update',
      entityType: 'household',
      entity: h,
      household: h,
      fields,
    })
    if (day > h.lastContact) h.lastContact = day
  }
}

const STATUS_NOTE = new Map<string, string | null>()
function statusNote(from: AppointmentStatus, to: AppointmentStatus): string | null {
  const key = `${from}>${to}`
  if (!STATUS_NOTE.has(key)) STATUS_NOTE.set(key, dutchNote({ k: 'statusChanged', from, to }))
  return STATUS_NOTE.get(key) ?? null
}

/** Days the shop is closed: Christmas to New Year, King's Day, now and then a day off. */
function closedDay(day: string, rng: Rng): boolean {
  const md = day.slice(5)
  return md >= '12-24' || md <= '01-01' || md === '04-27' || rng.chance(0.012)
}

/** The simulation itself: day by day through the years, then four weeks of bookings ahead. */
function simulate(sim: Sim, total: number, capacity: number, progress: (m: string) => void): void {
  const { rng, today, start } = sim
  const template = largeTemplate(capacity)
  const end = addDays(today, 28)
  const totalDays = daysBetween(start, today)

  // When each household registers: the paper files in the first month, then a steady inflow.
  const paper = Math.round(total * 0.03)
  const entryDays: string[] = []
  for (let i = 0; i < total; i++)
    entryDays.push(
      i < paper
        ? addDays(start, rng.int(0, 27))
        : addDays(start, rng.int(28, Math.max(28, totalDays - 1))),
    )
  entryDays.sort()
  let nextEntry = 0

  // Slots are generated a quarter at a time, a month before the quarter starts.
  let slotsUntil = addDays(start, -1)
  const slotsByDay = new Map<string, SlotRow[]>()
  function generateSlots(from: string, to: string, instant: string): void {
    let created = 0
    for (let day = from; day <= to; day = addDays(day, 1)) {
      const wd = isoWeekday(day)
      const daySlots: SlotRow[] = []
      for (const t of template) {
        if (t.weekday !== wd) continue
        const slot: SlotRow = {
          id: 0,
          created: instant,
          seq: sim.seq(),
          date: day,
          part: t.part,
          capacity: t.capacity,
          taken: 0,
        }
        sim.slots.push(slot)
        daySlots.push(slot)
        created++
      }
      if (daySlots.length) slotsByDay.set(day, daySlots)
    }
    sim.log({
      at: instant,
      actor: 'coordinator',
      action: 'create',
      entityType: 'slot',
      fields: ['date', 'part', 'capacity'],
      detail: `${created} dagdelen, ${from} t/m ${to}`,
    })
  }

  let active: HouseholdRow[] = []
  const lapsed: HouseholdRow[] = []
  let lastRetentionYear = Number(start.slice(0, 4)) + 1

  for (let day = start; day <= end; day = addDays(day, 1)) {
    const past = day < today
    // Slots up to the end of the next quarter, generated a month ahead.
    if (slotsUntil < addDays(day, 31) && slotsUntil < end) {
      const from = addDays(slotsUntil, 1)
      let to = addDays(addMonths(from.slice(0, 8) + '01', 3), -1)
      if (to > end) to = end
      const genDay = day < from ? day : from
      generateSlots(from, to, sim.at(genDay <= today ? genDay : today, 7, rng.int(0, 30)))
      slotsUntil = to
    }
    if (day.endsWith('-01-01'))
      progress(`${day}: ${sim.households.length} huishoudens, ${sim.visits.length} bezoeken`)

    // New families registered today (only on days before "today": the future is only bookings).
    while (nextEntry < entryDays.length && entryDays[nextEntry] <= day && day < today) {
      const h = sim.planHousehold(day)
      nextEntry++
      sim.createHousehold(h)
      active.push(h)
    }

    // Families that stopped coming; half of them are set to inactive by the coordinator later.
    if (past) {
      const still: HouseholdRow[] = []
      for (const h of active) {
        if (h.activeUntil >= day) {
          still.push(h)
          continue
        }
        lapsed.push(h)
        const when = addDays(day, rng.int(14, 120))
        if (when < today && rng.chance(0.5)) {
          const instant = sim.at(when, rng.int(9, 15), rng.int(0, 59))
          h.status = 'inactive'
          h.updatedAt = instant
          sim.log({
            at: instant,
            actor: 'coordinator',
            action: 'update',
            entityType: 'household',
            entity: h,
            household: h,
            fields: ['status'],
          })
        }
      }
      active = still
    }

    const daySlots = slotsByDay.get(day) ?? []
    if (!daySlots.length || closedDay(day, rng)) continue

    // The yearly retention round in January: families without contact for the term are
    // anonymised (2 years, the app's default term).
    const year = Number(day.slice(0, 4))
    if (past && year > lastRetentionYear && day.slice(5) >= '01-10') {
      lastRetentionYear = year
      const cutoff = addMonths(day, -24)
      const loginAt = sim.at(day, 14, 0)
      sim.log({ at: loginAt, actor: 'admin', action: 'login', entityType: 'account', entity: -1 })
      let minute = 5
      for (const h of lapsed) {
        if (h.anonymised || h.lastContact >= cutoff) continue
        h.anonymised = true
        const instant = sim.at(day, 14 + Math.floor(minute / 60), minute % 60)
        minute = Math.min(minute + 1, 60 * 4 - 1)
        sim.anonymisations.push({ household: h, at: instant, day })
        sim.log({
          at: instant,
          actor: 'admin',
          action: 'anonymise',
          entityType: 'household',
          entity: h,
          household: h,
          fields: HOUSEHOLD_ANONYMISED_FIELDS,
        })
      }
      sim.log({
        at: sim.at(day, 18, 30),
        actor: 'admin',
        action: 'logout',
        entityType: 'account',
        entity: -1,
      })
    }

    // Who works today: the counter volunteer and the coordinator log in, lock now and then.
    if (past) dailySessions(sim, day)

    // Who comes: families due, longest waiting first; future days fill up less the further away.
    const ahead = daysBetween(today, day)
    const due = active
      .filter((h) => h.nextDue <= day && daysBetween(h.entryDay, day) >= 2)
      .sort((a, b) => a.nextDue.localeCompare(b.nextDue) || a.seq - b.seq)
    let chosen = due
    if (!past) chosen = due.filter(() => rng.chance(Math.max(0, 0.9 - ahead / 30)))
    let slotIndex = 0
    for (const h of chosen) {
      let slot: SlotRow | undefined
      for (let tries = 0; tries < daySlots.length; tries++) {
        const s = daySlots[(slotIndex + tries) % daySlots.length]
        if (s.taken < s.capacity) {
          slot = s
          slotIndex = (slotIndex + tries + 1) % daySlots.length
          break
        }
      }
      if (!slot) break
      book(sim, h, slot, day)
    }
  }
}

function dailySessions(sim: Sim, day: string): void {
  const { rng } = sim
  const account = (actor: Actor) => ({
    actor,
    entityType: 'account',
    entity: actor === 'admin' ? -1 : actor === 'coordinator' ? -2 : -3,
  })
  for (const actor of ['volunteer', 'coordinator'] as const) {
    if (actor === 'coordinator' && !rng.chance(0.85)) continue
    sim.log({ at: sim.at(day, 7, rng.int(30, 59)), action: 'login', ...account(actor) })
    const locks = rng.int(0, 2)
    for (let i = 0; i < locks; i++) {
      const hour = rng.int(9, 15)
      sim.log({
        at: sim.at(day, hour, 10 + i * 20),
        action: 'lock',
        detail: auditNote({ k: rng.chance(0.7) ? 'lockIdle' : 'lockButton' }),
        ...account(actor),
      })
      sim.log({ at: sim.at(day, hour, 15 + i * 20), action: 'unlock', ...account(actor) })
    }
    sim.log({ at: sim.at(day, 18, rng.int(0, 59)), action: 'logout', ...account(actor) })
  }
  // Monday: the admin makes a backup by hand and the coordinator exports the call list.
  if (isoWeekday(day) === 1) {
    const instant = sim.at(day, 16, rng.int(0, 29))
    sim.log({ at: instant, actor: 'admin', action: 'login', entityType: 'account', entity: -1 })
    const stamp = instant.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
    sim.log({
      at: sim.at(day, 16, 31),
      actor: 'admin',
      action: 'backup',
      entityType: 'backup',
      detail: `dichtbij-${stamp}-handmatig.dichtbij-backup`,
    })
    sim.log({ at: sim.at(day, 16, 40), action: 'logout', ...account('admin') })
    sim.log({
      at: sim.at(day, 10, rng.int(0, 59)),
      actor: 'coordinator',
      action: 'export',
      entityType: 'callList',
      detail: `${rng.int(8, 60)} huishoudens`,
    })
  }
}

/** One booking and what came of it: cancelled, no-show, or a visit at the counter. */
function book(sim: Sim, h: HouseholdRow, slot: SlotRow, day: string): void {
  const { rng, today } = sim
  const past = day < today
  const earliest = past ? addDays(day, -21) : addDays(today, -14)
  const from = h.entryDay > earliest ? h.entryDay : earliest
  const latest = past ? addDays(day, -1) : today
  const bookedOn = addDays(from, rng.int(0, Math.max(0, daysBetween(from, latest))))
  const bookedAt = sim.at(bookedOn, bookedOn === day ? 7 : rng.int(8, 15), rng.int(0, 59))

  // A family that waited long was called from the call list first.
  const overdue = h.lastVisit !== null && daysBetween(h.lastVisit, bookedOn) > 56
  if (overdue && rng.chance(0.5)) {
    const called = sim.at(bookedOn, Number(bookedAt.slice(11, 13)), 0)
    const contact: ContactRow = {
      id: 0,
      created: called,
      seq: sim.seq(),
      household: h,
      date: bookedOn,
    }
    sim.contacts.push(contact)
    sim.log({
      at: called,
      actor: 'coordinator',
      action: 'create',
      entityType: 'callList',
      entity: contact,
      household: h,
      fields: ['date'],
    })
  }
  if (rng.chance(0.5))
    sim.log({
      at: bookedAt,
      actor: 'coordinator',
      action: 'view',
      entityType: 'household',
      entity: h,
      household: h,
    })
  const note = rng.chance(h.lastVisit === null ? 0.3 : 0.04) ? rng.pick(APPOINTMENT_NOTES) : null
  const appointment: AppointmentRow = {
    id: 0,
    created: bookedAt,
    seq: sim.seq(),
    slot,
    household: h,
    date: day,
    status: 'planned',
    note,
    statusChangedAt: null,
  }
  sim.appointments.push(appointment)
  slot.taken++
  sim.log({
    at: bookedAt,
    actor: 'coordinator',
    action: 'create',
    entityType: 'appointment',
    entity: appointment,
    household: h,
    fields: note ? ['slotId', 'note'] : ['slotId'],
  })
  const setStatus = (status: AppointmentStatus, instant: string, actor: Actor): void => {
    sim.log({
      at: instant,
      actor,
      action: 'update',
      entityType: 'appointment',
      entity: appointment,
      household: h,
      fields: ['status'],
      detail: statusNote(appointment.status, status),
    })
    appointment.status = status
    appointment.statusChangedAt = instant
  }

  if (rng.chance(past ? 0.08 : 0.04)) {
    // Called off on the day itself (before opening) or up to three days before.
    const on = addDays(day, -rng.int(0, Math.min(3, daysBetween(bookedOn, day))))
    const when = past || on <= today ? on : today
    const instant = sim.at(when, when === bookedOn ? 16 : 7, rng.int(0, 59))
    setStatus('cancelled', instant > bookedAt ? instant : bookedAt, 'coordinator')
    slot.taken--
    h.nextDue = addDays(day, rng.int(2, 10))
    return
  }
  if (day > h.lastContact) h.lastContact = day
  h.nextDue = addDays(day, h.intervalDays + rng.int(0, 10))
  if (!past) return
  const [h0, h1] = PART_HOURS[slot.part]
  if (rng.chance(0.105)) {
    setStatus('no_show', sim.at(day, h1 + 1, rng.int(0, 59)), 'volunteer')
    // Families who missed a turn are invited again sooner.
    h.nextDue = addDays(day, Math.floor(h.intervalDays / 2))
    return
  }

  // Came: looked up at the counter, proof checked, checked in, visit registered.
  const hour = rng.int(h0, h1)
  const minute = rng.int(0, 39)
  const checkIn = sim.at(day, hour, minute)
  if (rng.chance(0.45))
    sim.log({
      at: sim.at(day, hour, minute, 0),
      actor: 'volunteer',
      action: 'view',
      entityType: 'household',
      entity: h,
      household: h,
    })
  const expired = h.eligibleUntil === null || h.eligibleUntil < day
  const expiringSoon = !expired && daysBetween(day, h.eligibleUntil ?? day) <= 60
  if ((expired && rng.chance(0.85)) || (expiringSoon && rng.chance(0.5)))
    sim.renewProof(h, day, checkIn)
  setStatus('came', sim.at(day, hour, minute + 5), 'volunteer')
  const visitAt = sim.at(day, hour, minute + 15)
  const birthYears = h.members.filter((m) => m.child).map((m) => m.birthYear)
  const visit: VisitRow = {
    id: 0,
    created: visitAt,
    seq: sim.seq(),
    household: h,
    appointment,
    date: day,
    servedBy: rng.pick(VOLUNTEERS),
    note: rng.chance(0.04) ? rng.pick(VISIT_NOTES) : null,
    items: visitItems(rng, sim.lists, birthYears, day, sim.maxItemsPerChild),
    ...visitConversation(sim.talk, sim.lists),
  }
  visit.items = visit.items.filter((i) => i.count > 0)
  sim.visits.push(visit)
  h.lastVisit = day
  sim.log({
    at: visitAt,
    actor: 'volunteer',
    action: 'create',
    entityType: 'visit',
    entity: visit,
    household: h,
    fields: [
      'date',
      'servedBy',
      ...(visit.note ? ['note'] : []),
      ...(visit.items.length ? ['items'] : []),
      ...(visit.topics.length ? ['topics'] : []),
      ...(visit.referrals.length ? ['referrals'] : []),
    ],
  })
  // Now and then a follow-up conversation after the visit.
  if (rng.chance(0.031)) sim.addIntake(h, day, sim.at(day, h1 + 1, rng.int(0, 59)), true)
  // A family asks what the shop keeps about them.
  if (rng.chance(0.0008))
    sim.log({
      at: sim.at(day, h1 + 2, rng.int(0, 59)),
      actor: 'coordinator',
      action: 'export',
      entityType: 'household',
      entity: h,
      household: h,
      detail: 'inzage pdf',
    })
}

/** Ids in the order the rows were written, as SQLite's autoincrement gave them. */
function assignIds(rows: Entity[], first = 1): void {
  rows.sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : a.seq - b.seq))
  rows.forEach((r, i) => (r.id = first + i))
}

function sizeAt(m: MemberRow, day: string, rng: Rng): string | null {
  if (!m.child) return null
  return sizeFor(Math.max(0, Number(day.slice(0, 4)) - m.birthYear), rng)
}

/** Writes every row with prepared statements, in transactions of a few thousand rows. */
function writeRows(
  sqlite: Database.Database,
  sim: Sim,
  accounts: Record<Actor, { id: number; username: string; role: string }>,
  progress: (m: string) => void,
): number {
  const { rng } = sim
  const batch = <T>(rows: readonly T[], sql: string, values: (r: T) => unknown[]): void => {
    const stmt = sqlite.prepare(sql)
    const run = sqlite.transaction((part: readonly T[]) => {
      for (const r of part) stmt.run(values(r))
    })
    for (let i = 0; i < rows.length; i += 20_000) run(rows.slice(i, i + 20_000))
  }
  const maxId = (table: string): number =>
    Number(
      (sqlite.prepare(`select coalesce(max(id), 0) as n from ${table}`).get() as { n: number }).n,
    )

  assignIds(sim.households, maxId('household') + 1)
  assignIds(sim.intakes, maxId('intake') + 1)
  assignIds(sim.slots, maxId('slot') + 1)
  assignIds(sim.appointments, maxId('appointment') + 1)
  assignIds(sim.visits, maxId('visit') + 1)
  assignIds(sim.contacts, maxId('call_list_contact') + 1)

  progress(`Schrijven: ${sim.households.length} huishoudens`)
  batch(
    sim.households,
    `insert into household (id, reference, contact_name, search_name, street, house_number,
      postcode, city, district, phone, phone_digits, email, income_source, referrer, proof_seen_on,
      eligible_until, consent_date, consent_by, status, notes, created_at, updated_at)
      values (${Array(22).fill('?').join(',')})`,
    (h) => [
      h.id,
      referenceFor(h.id),
      h.contactName,
      searchKey(h.contactName),
      h.street,
      h.houseNumber,
      h.postcode,
      h.city,
      h.district,
      h.phone,
      h.phone ? normalisePhone(h.phone) : null,
      h.email,
      h.incomeSource,
      h.referrer,
      h.proofSeenOn,
      h.eligibleUntil,
      h.consentDate,
      h.consentBy,
      h.status,
      h.notes,
      h.created,
      h.updatedAt,
    ],
  )
  const members = sim.households.flatMap((h) =>
    h.members.map((m) => ({ h, m, size: sizeAt(m, h.lastContact, rng) })),
  )
  batch(
    members,
    `insert into member (household_id, first_name, search_name, birth_year, gender, clothing_size)
      values (?, ?, ?, ?, ?, ?)`,
    ({ h, m, size }) => [
      h.id,
      m.firstName,
      optionalSearchKey(m.firstName),
      m.birthYear,
      m.gender,
      size,
    ],
  )
  progress(`Schrijven: ${sim.intakes.length} intakes, ${sim.slots.length} dagdelen`)
  batch(
    sim.intakes,
    `insert into intake (id, household_id, date, done_by, notes, debts, multiple_problems,
      created_at) values (?, ?, ?, ?, ?, ?, ?, ?)`,
    (i) => [
      i.id,
      i.household.id,
      i.date,
      i.doneBy,
      i.notes,
      i.debts,
      i.multipleProblems,
      i.created,
    ],
  )
  batch(
    sim.intakes.flatMap((i) => i.topicIds.map((t) => [i.id, t])),
    'insert into intake_topic (intake_id, topic_id) values (?, ?)',
    (r) => r,
  )
  batch(
    sim.intakes.flatMap((i) => i.referrals.map((r) => [i.id, r.destinationId, r.note])),
    'insert into intake_referral (intake_id, destination_id, note) values (?, ?, ?)',
    (r) => r,
  )
  batch(sim.slots, 'insert into slot (id, date, part, capacity) values (?, ?, ?, ?)', (s) => [
    s.id,
    s.date,
    s.part,
    s.capacity,
  ])
  progress(`Schrijven: ${sim.appointments.length} afspraken, ${sim.visits.length} bezoeken`)
  batch(
    sim.appointments,
    `insert into appointment (id, slot_id, household_id, date, status, note, booked_at,
      status_changed_at) values (?, ?, ?, ?, ?, ?, ?, ?)`,
    (a) => [
      a.id,
      a.slot.id,
      a.household.id,
      a.date,
      a.status,
      a.note,
      a.created,
      a.statusChangedAt,
    ],
  )
  batch(
    sim.visits,
    `insert into visit (id, household_id, appointment_id, date, served_by, note, created_at)
      values (?, ?, ?, ?, ?, ?, ?)`,
    (v) => [v.id, v.household.id, v.appointment.id, v.date, v.servedBy, v.note, v.created],
  )
  batch(
    sim.visits.flatMap((v) => v.items.map((i) => [v.id, i.categoryId, i.count])),
    'insert into visit_item (visit_id, category_id, count) values (?, ?, ?)',
    (r) => r,
  )
  batch(
    sim.visits.flatMap((v) => v.topics.map((t) => [v.id, t])),
    'insert into visit_topic (visit_id, topic_id) values (?, ?)',
    (r) => r,
  )
  batch(
    sim.visits.flatMap((v) => v.referrals.map((r) => [v.id, r.destinationId, r.note])),
    'insert into visit_referral (visit_id, destination_id, note) values (?, ?, ?)',
    (r) => r,
  )
  batch(
    sim.contacts,
    'insert into call_list_contact (id, household_id, date, created_at) values (?, ?, ?, ?)',
    (c) => [c.id, c.household.id, c.date, c.created],
  )

  // The audit log last: in time order, each entry chained to the one before.
  sim.events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.seq - b.seq))
  progress(`Schrijven: ${sim.events.length} regels in het logboek`)
  const last = sqlite.prepare('select id, hash from audit_log order by id desc limit 1').get() as
    { id: number; hash: string } | undefined
  let id = last?.id ?? 0
  let prevHash = last?.hash ?? GENESIS_HASH
  const accountIds: Record<number, number> = {
    [-1]: accounts.admin.id,
    [-2]: accounts.coordinator.id,
    [-3]: accounts.volunteer.id,
  }
  batch(
    sim.events,
    `insert into audit_log (id, at, user_id, user_name, role, workstation, action, entity_type,
      entity_id, household_id, subject_kind, subject_id, fields, detail, prev_hash, hash)
      values (${Array(16).fill('?').join(',')})`,
    (e) => {
      const who = accounts[e.actor]
      const entityId =
        e.entity === null
          ? null
          : typeof e.entity === 'number'
            ? String(accountIds[e.entity] ?? e.entity)
            : String(e.entity.id)
      const householdId = e.household?.id ?? null
      const row = {
        id: ++id,
        at: e.at,
        userId: who.id,
        userName: who.username,
        role: who.role,
        workstation: WORKSTATION[e.actor],
        action: e.action,
        entityType: e.entityType,
        entityId,
        householdId,
        subjectKind: e.subject?.kind ?? (householdId === null ? null : 'household'),
        subjectId: e.subject?.id ?? householdId,
        fields: e.fields,
        detail: e.detail,
        prevHash,
      }
      prevHash = auditHash(row)
      return [
        row.id,
        row.at,
        row.userId,
        row.userName,
        row.role,
        row.workstation,
        row.action,
        row.entityType,
        row.entityId,
        row.householdId,
        row.subjectKind,
        row.subjectId,
        row.fields,
        row.detail,
        row.prevHash,
        prevHash,
      ]
    },
  )
  return sim.events.length
}

/** The tables written in bulk; their own indexes are set aside while the rows go in. */
const BULK_TABLES = [
  'household',
  'member',
  'intake',
  'intake_topic',
  'intake_referral',
  'slot',
  'appointment',
  'visit',
  'visit_item',
  'visit_topic',
  'visit_referral',
  'call_list_contact',
  ...LARGE_VOLUNTEER_TABLES,
  ...LARGE_PLACEMENT_TABLES,
  ...LARGE_FOLLOWUP_TABLES,
  ...LARGE_ACTIVITY_TABLES,
  ...LARGE_SUPPORT_TABLES,
  ...LARGE_OUTCOME_TABLES,
  'audit_log',
]

/**
 * Drops the indexes of the bulk tables (and the log's per-row insert trigger, which looks up
 * every new id) and returns how to make them again from their own text in sqlite_master, so the
 * schema ends exactly as the migrations left it. An index per row costs more than the row: the
 * log's seven made each insert ten times slower. Unique constraints (autoindexes, no text) stay
 * and so do the other triggers: the visit span of migration 0008 is kept by its trigger, and the
 * log's UPDATE and DELETE triggers do not fire on inserts. The volunteers' kept values of
 * migration 0022 are the exception: their triggers read the tables whose indexes are set aside,
 * so they are set aside too and the values are filled in once after the load (`fillKept`).
 */
function setIndexesAside(sqlite: Database.Database): () => number {
  const marks = BULK_TABLES.map(() => '?').join(',')
  const aside = sqlite
    .prepare(
      `select type, name, sql from sqlite_master where tbl_name in (${marks}) and sql is not null
        and (type = 'index' or (type = 'trigger' and tbl_name = 'audit_log' and sql like '%INSERT%')
          or (type = 'trigger' and instr(name, ?) > 0))
        order by type, name`,
    )
    .all(...BULK_TABLES, KEPT_TRIGGER_MARK) as {
    type: 'index' | 'trigger'
    name: string
    sql: string
  }[]
  sqlite.transaction(() => {
    for (const o of aside) sqlite.exec(`drop ${o.type} "${o.name}"`)
  })()
  return () => {
    sqlite.transaction(() => {
      for (const o of aside) sqlite.exec(o.sql)
    })()
    return aside.length
  }
}

export async function seedLarge(options: LargeSeedOptions): Promise<LargeSeedSummary> {
  const started = performance.now()
  const total = options.households ?? LARGE_HOUSEHOLDS
  const years = options.years ?? LARGE_YEARS
  if (!Number.isInteger(total) || total < 1) throw new Error('households must be at least 1')
  const file = join(options.dataDir, DB_FILE_NAME)
  if (options.reset)
    for (const f of [file, `${file}-wal`, `${file}-shm`, join(options.dataDir, KEYS_FILE_NAME)])
      rmSync(f, { force: true })
  const progress = options.onProgress ?? (() => undefined)
  const today = options.today
  const start = addMonths(today, -12 * years)
  const clock = manualClock('2000-01-01T00:00:00Z')
  const passwordParams = options.passwordParams ?? PASSWORD_PARAMS
  const vault = await Vault.start({ dataDir: options.dataDir, clock, slotParams: passwordParams })
  try {
    if (vault.state !== 'empty') throw new SeedRefusedError(file, -1)
    const writer = new Writer(vault, clock, passwordParams)
    const password = options.password ?? `demo-${randomBytes(6).toString('hex')}`
    const setupAt = `${addDays(start, -7)}T07:00:00.000Z`
    progress('Database en gebruikers aanmaken')
    await createAccounts(writer, today, password, setupAt)
    // The shop's opening hours and places per half-day, set by the admin as the app does.
    const capacity = Math.max(3, Math.round(total / 200))
    await writer.call(setupAt, 'settings.update', {
      defaultCapacity: capacity,
      slotTemplate: largeTemplate(capacity),
    })
    const settings = await writer.call(setupAt, 'settings.get', {})
    const list = (kind: 'topic' | 'category') => writer.call(setupAt, 'lists.list', { kind })
    const categories = await list('category')
    const lists: Lists = {
      topics: await list('topic'),
      destinations: await seedSocialMap(writer, setupAt),
      categories: {
        clothing: byName(categories, 'Kleding', 0),
        shoes: byName(categories, 'Schoenen', 1),
        toys: byName(categories, 'Speelgoed', 2),
        baby: byName(categories, 'Babyspullen', 3),
      },
    }
    const rows = vault.sqlite.prepare('select id, username, role from account').all() as {
      id: number
      username: string
      role: string
    }[]
    const account = (username: string) => {
      const found = rows.find((r) => r.username === username)
      if (!found) throw new Error(`demo account ${username} is missing`)
      return found
    }
    const accounts: Record<Actor, { id: number; username: string; role: string }> = {
      admin: account(DEMO_ACCOUNTS[0].username),
      coordinator: account(DEMO_ACCOUNTS[1].username),
      volunteer: account(DEMO_ACCOUNTS[2].username),
    }

    const sim = new Sim(
      options.seed,
      today,
      start,
      lists,
      settings.eligibilityMonths,
      settings.maxItemsPerChild,
    )
    progress(`Simuleren: ${years} jaar, ${total} huishoudens`)
    simulate(sim, total, capacity, progress)

    // Volunteers: host organisations through the router, people and vacancies in bulk, from a
    // random sequence of their own so the shop's data stays as the seed made it.
    const volunteerPlan = planLargeVolunteers(
      new Rng(options.seed + 13),
      await largeVolunteerLists(writer, setupAt),
      { start, today },
      { firstPersonId: 1, firstVacancyId: 1 },
      sim.events,
      () => sim.seq(),
      // As many as the shop's size asks: 20,000 people and 1,000 vacancies at 8,000 households.
      options.people ?? Math.round((LARGE_PEOPLE * total) / LARGE_HOUSEHOLDS),
      Math.max(10, Math.round((LARGE_VACANCIES * total) / LARGE_HOUSEHOLDS)),
    )
    progress(
      `Vrijwilligers: ${volunteerPlan.people.length} deelnemers, ${volunteerPlan.vacancies.length} vacatures`,
    )
    // Placements (V2): one after another per person, from a random sequence of their own; about
    // 30,000 for 20,000 people.
    const placements = planLargePlacements(
      new Rng(options.seed + 17),
      volunteerPlan.people,
      volunteerPlan.vacancies,
      today,
      sim.events,
      () => sim.seq(),
      Math.round((LARGE_PLACEMENTS * volunteerPlan.people.length) / 20_000),
    )
    progress(`Koppelingen: ${placements.length}`)

    const sqlite = vault.sqlite
    // Pages of the indexes stay in memory while millions of rows go in; the app's own setting
    // comes back when the vault closes this connection.
    sqlite.pragma('cache_size = -262144')
    sqlite.pragma('temp_store = MEMORY')
    // Each commit of the bulk load need not wait for the disk: an interrupted seed is made again
    // from scratch. The app's FULL comes back with the next connection.
    sqlite.pragma('synchronous = OFF')
    const restoreIndexes = setIndexesAside(sqlite)
    writeLargeVolunteers(sqlite, volunteerPlan)
    writeLargePlacements(sqlite, placements)
    // Hours and measurements (V3), planned from the people and placements just written; their
    // audit entries join the others before the chain is written.
    const followup = writeLargeFollowup(
      sqlite,
      new Rng(options.seed + 19),
      today,
      sim.events,
      () => sim.seq(),
      Math.round((LARGE_HOUR_ROWS * volunteerPlan.people.length) / 20_000),
    )
    progress(`Opvolging: ${followup.hourRows} urenregels, ${followup.measurements} metingen`)
    // The activities register and the advice tally on days the shop was open (issue 15), and
    // the entries of each year's targets, from random sequences of their own.
    const activities = writeLargeActivities(
      sqlite,
      new Rng(options.seed + 31),
      {
        start,
        today,
        shopDays: [...new Set(sim.visits.map((v) => v.date))].sort(),
        coordinatorId: accounts.coordinator.id,
      },
      sim.events,
      () => sim.seq(),
    )
    const targetYears = planLargeTargets(start, today, sim.events, () => sim.seq())
    progress(
      `Activiteiten: ${activities.activities}; informatie en advies: ${activities.adviceContacts} contacten op ${activities.adviceDays} dagen`,
    )
    // Courses, informal carers and help requests (issue 16), from a sequence of their own:
    // planned now so their entries join the log, written once the families have their ids.
    const kinds = sqlite.prepare('select id, name from help_kind').all() as {
      id: number
      name: string
    }[]
    const kindIds = Object.fromEntries(
      HELP_KIND_NAMES.map((name) => {
        const kind = kinds.find((k) => k.name === name)
        if (!kind) throw new Error(`help kind ${name} is missing`)
        return [name, kind.id]
      }),
    ) as Record<HelpKindName, number>
    const limitations = sqlite
      .prepare(`select id, demand from vol_option where kind = 'limitation' and demand is not null`)
      .all() as { id: number; demand: string }[]
    const supportPlan = planLargeSupport(
      new Rng(options.seed + 41),
      {
        start,
        today,
        people: volunteerPlan.people,
        households: sim.households.map((h) => ({
          row: h,
          since: h.entryDay,
          until: h.lastContact < today ? h.lastContact : addDays(today, -1),
        })),
        staffIds: [accounts.coordinator.id, accounts.volunteer.id, accounts.admin.id],
        kindIds,
        limitationDemand: new Map(limitations.map((l) => [l.id, l.demand])),
        scale: volunteerPlan.people.length / LARGE_PEOPLE,
      },
      sim.events,
      () => sim.seq(),
    )
    // Outcome indicators (issue 17): plans and goals, questionnaires, safety signals and stories,
    // from a sequence of their own, planned now and written with the support part.
    const outcomesPlan = planLargeOutcomes(
      new Rng(options.seed + 43),
      {
        start,
        today,
        people: volunteerPlan.people,
        households: sim.households.map((h) => ({
          row: h,
          since: h.entryDay,
          until: h.lastContact < today ? h.lastContact : addDays(today, -1),
        })),
        activities: sqlite
          .prepare('select id, date, area, participants from activity order by id')
          .all() as { id: number; date: string; area: string | null; participants: number }[],
        questionIds: sqlite
          .prepare('select id from survey_question where active = 1 order by sort, id')
          .pluck()
          .all() as number[],
        scale: volunteerPlan.people.length / LARGE_PEOPLE,
      },
      sim.events,
      () => sim.seq(),
    )
    const auditEntries = writeRows(sqlite, sim, accounts, progress)
    const support: LargeSupportSummary = writeLargeSupport(
      sqlite,
      supportPlan,
      accounts.coordinator.id,
    )
    progress(
      `Cursussen: ${support.courses}, ${support.sessions} bijeenkomsten; mantelzorgers: ${support.carers}; hulpvragen: ${support.requests} (open ${support.byStatus.open}, gekoppeld ${support.byStatus.matched}, afgesloten ${support.byStatus.ended})`,
    )
    const outcomes: LargeOutcomesSummary = writeLargeOutcomes(
      sqlite,
      outcomesPlan,
      accounts.coordinator.id,
    )
    progress(
      `Uitkomsten: ${outcomes.plans} plannen (${outcomes.goalsClosed} van ${outcomes.goals} doelen afgesloten); vragenlijst: ${outcomes.invites} uitnodigingen, ${outcomes.answered} van ${outcomes.invited} ingevuld; zorgsignalen: ${outcomes.careSignals}; verhalen: ${outcomes.stories}`,
    )
    progress('Indexen opbouwen')
    restoreIndexes()
    await fillKept(vault.db as unknown as Parameters<typeof fillKept>[0])
    await fillHouseholdYear(vault.db as unknown as Parameters<typeof fillHouseholdYear>[0])
    await fillHouseholdYearItems(
      vault.db as unknown as Parameters<typeof fillHouseholdYearItems>[0],
    )
    // Complaints over the same years, in bulk as the services would have left them (issue 14).
    const complaints = writeLargeComplaints(sqlite, {
      rng: new Rng(options.seed + 29),
      start,
      today,
      authorId: accounts.coordinator.id,
      authorName: DEMO_ACCOUNTS[1].displayName,
      handlerId: accounts.coordinator.id,
      // A household's complaint comes from a family the retention rounds leave alone (an
      // anonymised family's complaint would be anonymised with it), registered by then.
      households: sim.households
        .filter((h) => !h.anonymised && h.lastContact >= addMonths(today, -24))
        .map((h) => ({ id: h.id, since: h.entryDay }))
        .sort((x, y) => (x.since < y.since ? -1 : x.since > y.since ? 1 : x.id - y.id)),
    })
    progress(
      `Klachten: ${complaints.complaints} met ${complaints.entries} stappen (${complaints.open} open)`,
    )
    // Each year's targets, now that every row they are counted from is written.
    const targets = writeLargeTargets(sqlite, new Rng(options.seed + 37), {
      start,
      today,
      years: targetYears,
      adminId: accounts.admin.id,
    })
    progress(`Streefwaarden: ${targets} over ${targetYears.length} subsidiejaren`)

    // The yearly retention rounds, done by the app's own anonymisation, at the time they took
    // place, and recorded in the erasure log outside the database as the app does.
    progress(`Bewaartermijn: ${sim.anonymisations.length} huishoudens geanonimiseerd`)
    await vault.db.transaction().execute(async (trx) => {
      for (const a of sim.anonymisations)
        await householdRetention.anonymise(trx, a.household.id, new Date(a.at), a.day)
    })
    progress('Register van gewiste gegevens bijwerken')
    for (const a of sim.anonymisations)
      vault.erasures.append({
        at: a.at,
        action: 'anonymise',
        kind: 'household',
        id: a.household.id,
      })
    sqlite.pragma('synchronous = FULL')
    sqlite.pragma('wal_checkpoint(TRUNCATE)')

    // A shop that has run for years has checked its log before: the admin logs in after the
    // last entry of the day and runs the full check (in the app's worker), which records the
    // point later routine checks go on from.
    progress('Logboek volledig controleren')
    const lastAt = Date.parse(sim.events[sim.events.length - 1]?.at ?? setupAt)
    const checkAt = new Date(Math.max(lastAt + 60_000, Date.parse(`${today}T17:00:00Z`)))
    const admin = DEMO_ACCOUNTS[0].username
    await writer.call(checkAt.toISOString(), 'auth.login', { username: admin, password })
    const verified = await writer.call(checkAt.toISOString(), 'audit.verify', { full: true })
    if (!verified.ok)
      throw new Error(`the seeded audit log does not verify: ${JSON.stringify(verified)}`)
    progress('Afronden')

    const count = (sql: string): number => Number((sqlite.prepare(sql).get() as { n: number }).n)
    const byStatus = sqlite
      .prepare('select status, count(*) as n from appointment group by status')
      .all() as { status: AppointmentStatus; n: number }[]
    const appointmentsByStatus = Object.fromEntries(
      APPOINTMENT_STATUSES.map((s) => [s, byStatus.find((r) => r.status === s)?.n ?? 0]),
    ) as Record<AppointmentStatus, number>
    const summary = {
      file,
      accounts: DEMO_ACCOUNTS.map((a) => a.username),
      password,
      seed: options.seed,
      today,
      years,
      households: count('select count(*) as n from household'),
      anonymised: count('select count(*) as n from household where anonymised_at is not null'),
      members: count('select count(*) as n from member'),
      intakes: count('select count(*) as n from intake'),
      slots: count('select count(*) as n from slot'),
      appointments: count('select count(*) as n from appointment'),
      appointmentsByStatus,
      visits: count('select count(*) as n from visit'),
      visitItems: count('select count(*) as n from visit_item'),
      callListContacts: count('select count(*) as n from call_list_contact'),
      people: count('select count(*) as n from person'),
      vacancies: count('select count(*) as n from vacancy'),
      activities: count('select count(*) as n from activity'),
      adviceContacts: count('select coalesce(sum(count), 0) as n from advice_tally'),
      targets: count('select count(*) as n from report_target'),
      trainingSessions: support.sessions,
      carers: support.carers,
      helpRequests: support.requests,
      helpRequestsByStatus: support.byStatus,
      auditEntries: count('select count(*) as n from audit_log'),
      retentionDue: sim.households.filter(
        (h) => !h.anonymised && h.lastContact < addMonths(today, -24),
      ).length,
    }
    void auditEntries
    await vault.close()
    let fileBytes = 0
    for (const f of [file, `${file}-wal`]) {
      try {
        fileBytes += statSync(f).size
      } catch {
        // No WAL left after the checkpoint: nothing to add.
      }
    }
    return { ...summary, fileBytes, durationMs: Math.round(performance.now() - started) }
  } finally {
    await vault.close()
  }
}

/** The summary as a few Dutch lines, for the command line and the bench. */
export function formatLargeSummary(s: LargeSeedSummary): string {
  const st = s.appointmentsByStatus
  return [
    `Demodata (groot) in ${s.file} (seed ${s.seed}, vandaag ${s.today}, ${s.years} jaar)`,
    `  gebruikers    ${s.accounts.join(', ')}; wachtwoord: ${s.password}`,
    `  huishoudens   ${s.households} (${s.anonymised} geanonimiseerd, ${s.retentionDue} nu over ` +
      `de bewaartermijn); ${s.members} personen`,
    `  intakes       ${s.intakes}`,
    `  dagdelen      ${s.slots}`,
    `  afspraken     ${s.appointments} (gekomen ${st.came}, niet gekomen ${st.no_show}, ` +
      `afgezegd ${st.cancelled}, gepland ${st.planned})`,
    `  bezoeken      ${s.visits} (${s.visitItems} regels met aantallen)`,
    `  belcontacten  ${s.callListContacts}`,
    `  deelnemers    ${s.people}; vacatures ${s.vacancies}`,
    `  activiteiten  ${s.activities}; informatie en advies ${s.adviceContacts} contacten; ` +
      `${s.targets} streefwaarden`,
    `  hulpvragen    ${s.helpRequests} (open ${s.helpRequestsByStatus.open}, gekoppeld ` +
      `${s.helpRequestsByStatus.matched}, afgesloten ${s.helpRequestsByStatus.ended}); ` +
      `${s.carers} mantelzorgers; ${s.trainingSessions} cursusbijeenkomsten`,
    `  logboek       ${s.auditEntries} regels`,
    `  bestand       ${(s.fileBytes / 1e6).toFixed(0)} MB`,
    `  duur          ${(s.durationMs / 1000).toFixed(1)} s`,
  ].join('\n')
}
