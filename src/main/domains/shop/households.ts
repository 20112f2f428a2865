import { sql } from 'kysely'
import { AppError, conflict, notFound, validationError } from '../../../shared/errors'
import type { MethodParsed } from '../../../shared/api'
import { normalisePhone } from '../../../shared/schemas/common'
import { ELIGIBLE_MAX_MONTHS } from '../../../shared/schemas/household'
import { addMonths, addDays, toDutchDate } from '../../../shared/dates'
import type {
  Appointment,
  CallListEntry,
  DuplicateCandidate,
  Eligibility,
  Household,
  HouseholdDetail,
  HouseholdSummary,
  Intake,
  Member,
  Visit,
  Warning,
} from '../../../shared/types'
import type { Db, ServiceContext } from '../../context'
import { getShopSettings } from './settings'
import { searchKey, similarNames, toCsv } from '../../db/text'
import { COUNTER_MIN_QUERY, COUNTER_SEARCH_LIMIT, searchKeyLength } from '../../../shared/search-key'
import { forRole, listAppointments } from './appointments'
import { listVisits } from './visits'
import { sameDistrict } from './stats'
import { checkIntakeDate, writeIntake } from './intakes'
import { audit, changedFields, filledFields } from '../audit/audit'

export function referenceFor(id: number): string {
  return `H-${String(id).padStart(5, '0')}`
}

/** A household counts as eligible on `day` when its proof covers that day. */
export function eligibilityExpired(eligibleUntil: string | null, day: string): boolean {
  return eligibleUntil === null || eligibleUntil < day
}

/** The right on `today` in words the counter may see (see Eligibility). */
export function eligibilityStatus(
  eligibleUntil: string | null,
  today: string,
  expiringWithinDays: number,
): Eligibility {
  if (eligibleUntil === null) return 'unknown'
  if (eligibleUntil < today) return 'expired'
  return eligibleUntil <= addDays(today, expiringWithinDays) ? 'expiring' : 'valid'
}

export function eligibilityWarnings(eligibleUntil: string | null, day: string): Warning[] {
  if (eligibleUntil === null) return [{ key: 'eligibilityUnknown' }]
  if (eligibleUntil < day) return [{ key: 'eligibilityExpired', params: { until: eligibleUntil } }]
  return []
}

type HouseholdFields = Omit<MethodParsed<'households.update'>, 'id'>

async function deriveEligibleUntil(db: Db, input: HouseholdFields): Promise<string | null> {
  if (input.eligibleUntil) return input.eligibleUntil
  if (!input.proofSeenOn) return null
  const settings = await getShopSettings(db)
  return addMonths(input.proofSeenOn, settings.eligibilityMonths)
}

function validateDates(input: HouseholdFields, today: string, checkEligibleOrder = true): void {
  const fields = []
  if (input.proofSeenOn && input.proofSeenOn > today)
    fields.push({ path: 'proofSeenOn', key: 'futureDate' })
  if (input.consentDate > today) fields.push({ path: 'consentDate', key: 'futureDate' })
  if (checkEligibleOrder && eligibleBeforeProof(input))
    fields.push({ path: 'eligibleUntil', key: 'beforeProof' })
  const year = Number(today.slice(0, 4))
  input.members.forEach((m, i) => {
    if (m.birthYear > year) fields.push({ path: `members.${i}.birthYear`, key: 'birthYearFuture' })
  })
  if (fields.length) throw validationError(fields)
}

/**
 * A right set by hand runs at most as far as the longest eligibility term from today: 2200 is
 * a typing error, and would keep the family "eligible" forever.
 */
function assertEligibleNotTooFar(eligibleUntil: string | null, today: string): void {
  const latest = addMonths(today, ELIGIBLE_MAX_MONTHS)
  if (eligibleUntil && eligibleUntil > latest)
    throw validationError([
      { path: 'eligibleUntil', key: 'eligibleTooFar', params: { date: toDutchDate(latest) } },
    ])
}

function eligibleBeforeProof(input: HouseholdFields): boolean {
  return !!input.eligibleUntil && !!input.proofSeenOn && input.eligibleUntil < input.proofSeenOn
}

function columns(input: HouseholdFields, eligibleUntil: string | null) {
  return {
    contactName: input.contactName,
    searchName: searchKey(input.contactName),
    street: input.street,
    houseNumber: input.houseNumber,
    postcode: input.postcode,
    city: input.city,
    district: input.district,
    phone: input.phone,
    phoneDigits: input.phone ? normalisePhone(input.phone) : null,
    email: input.email,
    incomeSource: input.incomeSource,
    referrer: input.referrer,
    proofSeenOn: input.proofSeenOn,
    eligibleUntil,
    consentDate: input.consentDate,
    consentBy: input.consentBy,
    status: input.status,
    notes: input.notes,
  }
}

export async function findDuplicates(
  db: Db,
  input: {
    contactName: string
    postcode?: string | null
    phone?: string | null
    excludeId?: number
  },
): Promise<DuplicateCandidate[]> {
  const found = new Map<number, DuplicateCandidate>()
  const postcode = input.postcode?.replace(/\s+/g, '').toUpperCase()
  if (postcode && postcode.length === 6 && input.contactName.trim()) {
    const samePostcode = await db
      .selectFrom('household')
      .select(['id', 'reference', 'contactName', 'postcode', 'phone'])
      .where('postcode', '=', `${postcode.slice(0, 4)} ${postcode.slice(4)}`)
      .execute()
    for (const h of samePostcode) {
      if (h.id !== input.excludeId && similarNames(h.contactName, input.contactName))
        found.set(h.id, { ...h, reason: 'postcodeAndName' })
    }
  }
  const digits = input.phone ? normalisePhone(input.phone) : ''
  if (digits.length >= 10) {
    const samePhone = await db
      .selectFrom('household')
      .select(['id', 'reference', 'contactName', 'postcode', 'phone'])
      .where('phoneDigits', '=', digits)
      .execute()
    for (const h of samePhone) {
      if (h.id !== input.excludeId && !found.has(h.id)) found.set(h.id, { ...h, reason: 'phone' })
    }
  }
  return [...found.values()]
}

export async function createHousehold(
  ctx: ServiceContext,
  input: MethodParsed<'households.create'>,
): Promise<{ id: number; reference: string; warnings: Warning[] }> {
  const today = ctx.clock.today()
  validateDates(input, today)
  assertEligibleNotTooFar(input.eligibleUntil, today)
  if (input.intake) checkIntakeDate(input.intake, today, 'intake.')
  return ctx.db.transaction().execute(async (trx) => {
    if (!input.confirmDuplicate) {
      const duplicates = await findDuplicates(trx, input)
      if (duplicates.length) throw conflict('duplicates', { count: duplicates.length }, duplicates)
    }
    const eligibleUntil = await deriveEligibleUntil(trx, input)
    const now = ctx.clock.now().toISOString()
    const { id } = await trx
      .insertInto('household')
      .values({
        ...columns(input, eligibleUntil),
        // Replaced by the id-based reference below, in the same transaction.
        reference: 'pending',
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const reference = referenceFor(id)
    await trx.updateTable('household').set({ reference }).where('id', '=', id).execute()
    if (input.members.length) {
      await trx
        .insertInto('member')
        .values(
          input.members.map((m) => ({
            householdId: id,
            firstName: m.firstName,
            birthYear: m.birthYear,
            gender: m.gender,
            clothingSize: m.clothingSize,
          })),
        )
        .execute()
    }
    const { intake, confirmDuplicate: _confirm, ...fields } = input
    await audit(trx, ctx, {
      action: 'create',
      entityType: 'household',
      entityId: id,
      householdId: id,
      fields: filledFields(fields),
    })
    if (intake) {
      const intakeId = await writeIntake(trx, now, id, intake, 'intake.')
      await audit(trx, ctx, {
        action: 'create',
        entityType: 'intake',
        entityId: intakeId,
        householdId: id,
        fields: filledFields(intake),
      })
    }
    return { id, reference, warnings: eligibilityWarnings(eligibleUntil, today) }
  })
}

export async function updateHousehold(
  ctx: ServiceContext,
  input: MethodParsed<'households.update'>,
): Promise<{ id: number }> {
  // The order of proof and end date is checked below, once a renewal is known.
  validateDates(input, ctx.clock.today(), false)
  return ctx.db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('household')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirst()
    if (!current) throw notFound('household')
    // Filling in an anonymised household again would bring back what was erased.
    if (current.anonymisedAt) throw conflict('householdAnonymised')
    // Only a new value is checked: a date stored before this rule does not block other changes.
    if (input.eligibleUntil !== current.eligibleUntil)
      assertEligibleNotTooFar(input.eligibleUntil, ctx.clock.today())
    const membersBefore = await trx
      .selectFrom('member')
      .select(['id', 'firstName', 'birthYear', 'gender', 'clothingSize'])
      .where('householdId', '=', input.id)
      .orderBy('id')
      .execute()
    const existingMembers = await trx
      .selectFrom('member')
      .select('id')
      .where('householdId', '=', input.id)
      .execute()
    const ownIds = new Set(existingMembers.map((m) => m.id))
    const foreign = input.members.flatMap((m, i) =>
      m.id !== undefined && !ownIds.has(m.id) ? [{ path: `members.${i}.id`, key: 'invalid' }] : [],
    )
    if (foreign.length) throw validationError(foreign)

    // A new proof of income renews the eligibility, unless the user also set its end by hand.
    const renewed =
      input.proofSeenOn !== current.proofSeenOn && input.eligibleUntil === current.eligibleUntil
    if (!renewed && eligibleBeforeProof(input))
      throw validationError([{ path: 'eligibleUntil', key: 'beforeProof' }])
    const eligibleUntil = await deriveEligibleUntil(
      trx,
      renewed ? { ...input, eligibleUntil: null } : input,
    )
    const next = columns(input, eligibleUntil)
    await trx
      .updateTable('household')
      .set({ ...next, updatedAt: ctx.clock.now().toISOString() })
      .where('id', '=', input.id)
      .execute()

    const keep = new Set(input.members.flatMap((m) => (m.id ? [m.id] : [])))
    const removed = [...ownIds].filter((mid) => !keep.has(mid))
    if (removed.length) await trx.deleteFrom('member').where('id', 'in', removed).execute()
    for (const m of input.members) {
      const values = {
        firstName: m.firstName,
        birthYear: m.birthYear,
        gender: m.gender,
        clothingSize: m.clothingSize,
      }
      if (m.id) await trx.updateTable('member').set(values).where('id', '=', m.id).execute()
      else
        await trx
          .insertInto('member')
          .values({ ...values, householdId: input.id })
          .execute()
    }
    const membersAfter = await trx
      .selectFrom('member')
      .select(['id', 'firstName', 'birthYear', 'gender', 'clothingSize'])
      .where('householdId', '=', input.id)
      .orderBy('id')
      .execute()
    // Derived search columns are not fields a user changed.
    const fields = changedFields(current, next).filter(
      (f) => !['searchName', 'phoneDigits'].includes(f),
    )
    // Members compared by what they are, not by row id: re-entering the same child is no change.
    const people = (rows: typeof membersBefore) =>
      JSON.stringify(
        rows
          .map(({ id: _id, ...m }) => m)
          .sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1)),
      )
    if (people(membersBefore) !== people(membersAfter)) fields.push('members')
    await audit(trx, ctx, {
      action: 'update',
      entityType: 'household',
      entityId: input.id,
      householdId: input.id,
      fields,
    })
    return { id: input.id }
  })
}

export async function loadHousehold(db: Db, id: number): Promise<Household> {
  const h = await db.selectFrom('household').selectAll().where('id', '=', id).executeTakeFirst()
  if (!h) throw notFound('household')
  const members: Member[] = await db
    .selectFrom('member')
    .select(['id', 'firstName', 'birthYear', 'gender', 'clothingSize'])
    .where('householdId', '=', id)
    .orderBy('birthYear')
    .orderBy('id')
    .execute()
  return {
    id: h.id,
    reference: h.reference,
    contactName: h.contactName,
    street: h.street,
    houseNumber: h.houseNumber,
    postcode: h.postcode,
    city: h.city,
    district: h.district,
    phone: h.phone,
    email: h.email,
    incomeSource: h.incomeSource as Household['incomeSource'],
    referrer: h.referrer,
    proofSeenOn: h.proofSeenOn,
    eligibleUntil: h.eligibleUntil,
    consentDate: h.consentDate,
    consentBy: h.consentBy,
    status: h.status,
    notes: h.notes,
    createdAt: h.createdAt,
    updatedAt: h.updatedAt,
    anonymisedAt: h.anonymisedAt,
    members,
  }
}

export async function listIntakes(db: Db, householdId: number): Promise<Intake[]> {
  const intakes = await db
    .selectFrom('intake')
    .select(['id', 'householdId', 'date', 'doneBy', 'notes'])
    .where('householdId', '=', householdId)
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .execute()
  if (!intakes.length) return []
  const ids = intakes.map((i) => i.id)
  const topics = await db
    .selectFrom('intakeTopic')
    .innerJoin('listItem', 'listItem.id', 'intakeTopic.topicId')
    .select(['intakeTopic.intakeId', 'listItem.id', 'listItem.name'])
    .where('intakeTopic.intakeId', 'in', ids)
    .orderBy('listItem.sort')
    .execute()
  const referrals = await db
    .selectFrom('intakeReferral')
    .innerJoin('listItem', 'listItem.id', 'intakeReferral.destinationId')
    .select(['intakeReferral.intakeId', 'listItem.id', 'listItem.name', 'intakeReferral.note'])
    .where('intakeReferral.intakeId', 'in', ids)
    .orderBy('intakeReferral.id')
    .execute()
  return intakes.map((i) => ({
    ...i,
    topics: topics.filter((t) => t.intakeId === i.id).map((t) => ({ id: t.id, name: t.name })),
    referrals: referrals
      .filter((r) => r.intakeId === i.id)
      .map((r) => ({ destination: { id: r.id, name: r.name }, note: r.note })),
  }))
}

/**
 * A counter volunteer opens a household it found by a search on this screen within the last
 * hour, or one with an appointment today (the dashboard and the day list). Walking the ids
 * therefore lists nobody; staff open any household.
 */
export async function assertCounterMayOpen(
  ctx: Pick<ServiceContext, 'clock' | 'session'> & { db: Db },
  householdId: number,
): Promise<void> {
  if (ctx.session.role !== 'volunteer') return
  if (ctx.session.lookups?.has(householdId, ctx.clock.now().getTime())) return
  const today = await ctx.db
    .selectFrom('appointment')
    .select('id')
    .where('householdId', '=', householdId)
    .where('date', '=', ctx.clock.today())
    .executeTakeFirst()
  if (!today) throw new AppError({ code: 'FORBIDDEN', key: 'counterLookupFirst' })
}

/** Parts of a household a counter volunteer does not see: removed here, not hidden on screen. */
export const COUNTER_HIDDEN_FIELDS = ['incomeSource', 'referrer', 'proofSeenOn', 'notes'] as const

/**
 * A household's detail. Opening it is a `view` in the audit log. A counter volunteer gets it
 * without intakes (notes, topics, referrals), income details, referrer and notes.
 */
export async function getHousehold(ctx: ServiceContext, id: number): Promise<HouseholdDetail> {
  // Before anything is read: the refusal is the same for an id that does not exist.
  await assertCounterMayOpen(ctx, id)
  const full = await loadHousehold(ctx.db, id)
  const counter = ctx.session.role === 'volunteer'
  const [intakes, appointments, visits] = await Promise.all([
    counter ? Promise.resolve(null) : listIntakes(ctx.db, id),
    listAppointments(ctx.db, { householdId: id }),
    listVisits(ctx.db, { householdId: id }),
  ])
  await audit(ctx.db, ctx, {
    action: 'view',
    entityType: 'household',
    entityId: id,
    householdId: id,
  })
  const household: Household = { ...full }
  // The end of the right minus the eligibility term is the proof date: the counter gets the
  // status only.
  if (counter) {
    for (const f of COUNTER_HIDDEN_FIELDS) delete household[f]
    household.eligibleUntil = null
  }
  const today = ctx.clock.today()
  const { expiringWithinDays } = await getShopSettings(ctx.db)
  return {
    household,
    ...(intakes ? { intakes } : {}),
    restricted: counter,
    appointments: (appointments as Appointment[]).map((a) => forRole(ctx.session.role, a)),
    visits: visits as Visit[],
    eligibilityExpired: eligibilityExpired(full.eligibleUntil, today),
    eligibility: eligibilityStatus(full.eligibleUntil, today, expiringWithinDays),
  }
}

/** Columns of a household summary, with last visit and children counted in the same query. */
function summaryQuery(db: Db, today: string) {
  const childYear = Number(today.slice(0, 4)) - 17
  return db.selectFrom('household as h').select([
    'h.id',
    'h.reference',
    'h.contactName',
    'h.postcode',
    'h.city',
    'h.district',
    'h.phone',
    'h.status',
    'h.eligibleUntil',
    (eb) =>
      eb
        .selectFrom('visit')
        .select((e) => e.fn.max('visit.date').as('d'))
        .whereRef('visit.householdId', '=', 'h.id')
        .as('lastVisitOn'),
    (eb) =>
      eb
        .selectFrom('member')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('member.householdId', '=', 'h.id')
        .where('member.birthYear', '>=', childYear)
        .as('childCount'),
  ])
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['execute']>>[number]

function toSummary(r: SummaryRow): HouseholdSummary {
  return {
    ...r,
    lastVisitOn: (r.lastVisitOn as string | null) ?? null,
    childCount: Number(r.childCount ?? 0),
  }
}

export async function searchHouseholds(
  ctx: ServiceContext,
  input: MethodParsed<'households.search'>,
): Promise<{ rows: HouseholdSummary[]; total: number }> {
  const q = input.query
  // At the counter one looks a family up; browsing the whole list is not for this role. The
  // length that counts is that of what is searched: "\u0300\u0300" folds to nothing and would
  // match everyone, "a\u0301" is one letter.
  const counter = ctx.session.role === 'volunteer'
  const key = searchKey(q)
  if (counter && !q) return { rows: [], total: 0 }
  if (counter && searchKeyLength(key) < COUNTER_MIN_QUERY)
    throw validationError([
      { path: 'query', key: 'searchTooShort', params: { min: COUNTER_MIN_QUERY } },
    ])
  // One short page at the counter: with more matches, a longer query narrows them. Paging
  // through two-letter searches would list nearly everyone.
  if (counter && input.offset > 0)
    throw validationError([
      { path: 'query', key: 'searchRefine', params: { max: COUNTER_SEARCH_LIMIT } },
    ])
  const limit = counter ? Math.min(input.limit, COUNTER_SEARCH_LIMIT) : input.limit
  const digits = q.replace(/\D/g, '')
  const compact = q.replace(/\s+/g, '').toUpperCase()
  const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`)

  const base = summaryQuery(ctx.db, ctx.clock.today()).where((eb) => {
    const ors = []
    if (input.status !== 'all') ors.push(eb('h.status', '=', input.status))
    return ors.length ? eb.and(ors) : eb.lit(true)
  })
  const filtered = !q
    ? base
    : base.where((eb) => {
        const ors = [
          eb(sql`h.search_name`, 'like', sql`${'%' + likeEscape(key) + '%'} escape '\\'`),
          // At the counter a reference is looked up whole: "H-" must not list every family.
          counter
            ? eb(sql`upper(h.reference)`, '=', compact)
            : eb(sql`upper(h.reference)`, 'like', sql`${likeEscape(compact) + '%'} escape '\\'`),
        ]
        if (/^\d{4}[A-Z]{0,2}$/.test(compact)) {
          const pc = compact.length > 4 ? `${compact.slice(0, 4)} ${compact.slice(4)}` : compact
          ors.push(eb('h.postcode', 'like', `${pc}%`))
        }
        const onlyDigits = digits.length > 0 && digits.length === q.replace(/[\s()+-]/g, '').length
        if (onlyDigits && digits.length >= 3)
          ors.push(eb('h.phoneDigits', 'like', `%${normalisePhone(q)}%`))
        // "42" finds H-00042 as well.
        if (onlyDigits && digits.length <= 9)
          ors.push(eb('h.reference', '=', referenceFor(Number(digits))))
        return eb.or(ors)
      })

  const rows = await filtered
    .orderBy('h.contactName')
    .orderBy('h.id')
    .limit(limit)
    .offset(input.offset)
    .execute()
  // What the counter was shown is what it may open (see assertCounterMayOpen).
  if (counter)
    ctx.session.lookups?.remember(
      rows.map((r) => r.id),
      ctx.clock.now().getTime(),
    )
  const { total } = await ctx.db
    .selectFrom(filtered.as('f'))
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow()
  const today = ctx.clock.today()
  const { expiringWithinDays } = await getShopSettings(ctx.db)
  return {
    rows: rows.map((r) => {
      const summary = toSummary(r)
      summary.eligibility = eligibilityStatus(r.eligibleUntil, today, expiringWithinDays)
      return forRole(ctx.session.role, summary)
    }),
    total: Number(total),
  }
}

/** The districts and villages in use, for suggestions, so one place is not spelled three ways. */
export async function listDistricts(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('household')
    .select('district')
    .distinct()
    .where('district', 'is not', null)
    .orderBy('district')
    .execute()
  return rows.map((r) => r.district as string)
}

/**
 * Eligible, active households not seen since a date (no visit and no appointment marked came)
 * and without an appointment coming.
 */
function callListQuery(ctx: ServiceContext, input: MethodParsed<'households.callList'>) {
  const today = ctx.clock.today()
  return ctx.db
    .selectFrom('household as h')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('visit')
          .select(['visit.householdId', (e) => e.fn.max('visit.date').as('last')])
          .groupBy('visit.householdId')
          .as('lv'),
      (join) => join.onRef('lv.householdId', '=', 'h.id'),
    )
    .select([
      'h.id',
      'h.reference',
      'h.contactName',
      'h.phone',
      'h.email',
      'h.district',
      'lv.last as lastVisitOn',
      'h.eligibleUntil',
      (eb) =>
        eb
          .selectFrom('callListContact')
          .select((e) => e.fn.max('callListContact.date').as('d'))
          .whereRef('callListContact.householdId', '=', 'h.id')
          .as('lastContactOn'),
    ])
    .where('h.status', '=', 'active')
    .where('h.eligibleUntil', '>=', today)
    .where((eb) => eb.or([eb('lv.last', 'is', null), eb('lv.last', '<', input.notSeenSince)]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('appointment')
            .select('appointment.id')
            .whereRef('appointment.householdId', '=', 'h.id')
            .where((w) =>
              w.or([
                w.and([
                  w('appointment.status', '=', 'planned'),
                  w('appointment.date', '>=', today),
                ]),
                // A family marked "came" was seen, even before its visit is saved at the counter.
                w.and([
                  w('appointment.status', '=', 'came'),
                  w('appointment.date', '>=', input.notSeenSince),
                ]),
              ]),
            ),
        ),
      ),
    )
    .$if(!!input.district, (q) => q.where(sameDistrict(input.district ?? null)))
}

export async function callList(
  ctx: ServiceContext,
  input: MethodParsed<'households.callList'>,
  limit?: number,
): Promise<CallListEntry[]> {
  const q = callListQuery(ctx, input).orderBy('lv.last').orderBy('h.contactName')
  const rows = await (limit ? q.limit(limit) : q).execute()
  return rows.map((r) => ({
    ...r,
    lastVisitOn: (r.lastVisitOn as string | null) ?? null,
    lastContactOn: (r.lastContactOn as string | null) ?? null,
  }))
}

/** Calls before the shop kept records are not plausible; a typo such as 1026 is refused. */
const FIRST_CONTACT_DAY = '2000-01-01'

/**
 * "Gebeld / uitgenodigd": records that the family was called or invited on a day (today or
 * earlier), with its audit entry in the same transaction. An anonymised household has nobody
 * left to call.
 */
export async function markContacted(
  ctx: ServiceContext,
  input: MethodParsed<'households.markContacted'>,
): Promise<{ id: number; householdId: number; date: string }> {
  if (input.date > ctx.clock.today()) throw validationError([{ path: 'date', key: 'futureDate' }])
  if (input.date < FIRST_CONTACT_DAY)
    throw validationError([
      { path: 'date', key: 'dateTooEarly', params: { date: toDutchDate(FIRST_CONTACT_DAY) } },
    ])
  return ctx.db.transaction().execute(async (trx) => {
    const h = await trx
      .selectFrom('household')
      .select(['id', 'anonymisedAt'])
      .where('id', '=', input.householdId)
      .executeTakeFirst()
    if (!h) throw notFound('household')
    if (h.anonymisedAt) throw conflict('householdAnonymised')
    const { id } = await trx
      .insertInto('callListContact')
      .values({
        householdId: h.id,
        date: input.date,
        createdAt: ctx.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, ctx, {
      action: 'create',
      // One entity for everything done from the call list, so the log has one label for it.
      entityType: 'callList',
      entityId: id,
      householdId: h.id,
      fields: ['date'],
    })
    return { id, householdId: h.id, date: input.date }
  })
}

export async function countCallList(ctx: ServiceContext, notSeenSince: string): Promise<number> {
  const { n } = await ctx.db
    .selectFrom(callListQuery(ctx, { notSeenSince, district: null }).as('c'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(n)
}

export async function callListCsv(
  ctx: ServiceContext,
  input: MethodParsed<'households.callListCsv'>,
): Promise<{ filename: string; csv: string }> {
  const rows = await callList(ctx, input)
  const csv = toCsv(
    [
      'Referentie',
      'Naam',
      'Telefoon',
      'E-mail',
      'Wijk/kern',
      'Laatste bezoek',
      'Recht tot',
      'Gebeld / uitgenodigd',
    ],
    rows.map((r) => [
      r.reference,
      r.contactName,
      r.phone,
      r.email,
      r.district,
      toDutchDate(r.lastVisitOn),
      toDutchDate(r.eligibleUntil),
      toDutchDate(r.lastContactOn),
    ]),
  )
  await audit(ctx.db, ctx, {
    action: 'export',
    entityType: 'callList',
    detail: `${rows.length} huishoudens`,
  })
  return { filename: `bellijst-${ctx.clock.today()}.csv`, csv }
}

export async function listExpiring(
  ctx: ServiceContext,
  withinDays: number,
): Promise<HouseholdSummary[]> {
  const today = ctx.clock.today()
  const rows = await summaryQuery(ctx.db, today)
    .where('h.status', '=', 'active')
    .where('h.eligibleUntil', '>=', today)
    .where('h.eligibleUntil', '<=', addDays(today, withinDays))
    .orderBy('h.eligibleUntil')
    .limit(50)
    .execute()
  return rows.map(toSummary)
}
