import { conflict, notFound, validationError } from '../../../shared/errors'
import { inTransaction } from '../../db/in-transaction'
import type { MethodParsed } from '../../../shared/api'
import { normalisePhone } from '../../../shared/schemas/common'
import { ELIGIBLE_MAX_MONTHS } from '../../../shared/schemas/household'
import { addMonths, addDays, toDutchDate } from '../../../shared/dates'
import type { Appointment, Visit } from '../../../shared/schemas/shop'
import type {
  DuplicateCandidate,
  Household,
  HouseholdDetail,
  HouseholdSummary,
  Member,
} from '../../../shared/schemas/household'
import type { Warning } from '../../../shared/schemas/common'
import type { Db, ServiceContext } from '../../context'
import { searchKey, similarNames } from '../../db/text'
import {
  COUNTER_MIN_QUERY,
  COUNTER_SEARCH_LIMIT,
  optionalSearchKey,
  searchKeyLength,
} from '../../../shared/search-key'
import {
  eligibilityExpired,
  eligibilityStatus,
  eligibilityWarnings,
  getShopSettings,
  listAppointments,
  listIntakes,
  intakeForCounter,
  listVisits,
  referenceFor,
} from './queries'
import { assertCounterMayOpen, COUNTER_HIDDEN_FIELDS, forRole, volunteerMay } from './counter'
import {
  conversationHistory,
  visitWithConversation,
  type ConversationView,
} from './conversation-queries'
import { checkIntakeDate, writeIntake } from './intakes'
import { childCount, lastVisitOn, matchHouseholds } from './list-queries'
import { audit, changedFields, filledFields } from '../audit/audit'

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
    maritalStatus: input.maritalStatus,
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
  return inTransaction(ctx.db, async (trx) => {
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
            searchName: optionalSearchKey(m.firstName),
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
        searchName: optionalSearchKey(m.firstName),
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
    maritalStatus: h.maritalStatus,
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
  // The counter sees a family's earlier topics and referrals only with the admin's history switch,
  // and never the notes; the conversation of today's visit it may record (and so read in full)
  // with the record switch. Staff see everything.
  const [seeHistory, mayRecord] = counter
    ? await Promise.all([volunteerMay(ctx, 'seeHistory'), volunteerMay(ctx, 'recordConversation')])
    : [true, true]
  const conversationView = (v: Visit): ConversationView =>
    !counter || (mayRecord && v.date === today) ? 'full' : seeHistory ? 'withoutNotes' : 'none'
  return {
    household,
    ...(counter && seeHistory ? { conversations: await conversationHistory(ctx.db, id) } : {}),
    // Whatever a volunteer is later allowed of earlier intakes, never their notes or problems.
    ...(intakes ? { intakes: counter ? intakes.map(intakeForCounter) : intakes } : {}),
    restricted: counter,
    appointments: (appointments as Appointment[]).map((a) => forRole(ctx.session.role, a)),
    visits: (visits as Visit[]).map((v) => visitWithConversation(v, conversationView(v))),
    eligibilityExpired: eligibilityExpired(full.eligibleUntil, today),
    eligibility: eligibilityStatus(full.eligibleUntil, today, expiringWithinDays),
  }
}

/** Columns of a household summary, with last visit and children counted in the same query. */
function summaryQuery(db: Db, today: string) {
  return db
    .selectFrom('household as h')
    .select([
      'h.id',
      'h.reference',
      'h.contactName',
      'h.postcode',
      'h.city',
      'h.district',
      'h.phone',
      'h.status',
      'h.eligibleUntil',
      lastVisitOn.as('lastVisitOn'),
      childCount(today).as('childCount'),
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
  const filtered = matchHouseholds(ctx.db, input, counter)

  const page = filtered
    .select('h.id')
    .orderBy('h.contactName')
    .orderBy('h.id')
    .limit(limit)
    .offset(input.offset)
  const rows = await summaryQuery(ctx.db, ctx.clock.today())
    .where('h.id', 'in', page)
    .orderBy('h.contactName')
    .orderBy('h.id')
    .execute()
  // What the counter was shown is what it may open (see assertCounterMayOpen).
  if (counter)
    ctx.session.lookups?.remember(
      rows.map((r) => r.id),
      ctx.clock.now().getTime(),
    )
  const { total } = await ctx.db
    .selectFrom(filtered.select('h.id').as('f'))
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
