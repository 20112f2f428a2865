import { sql } from 'kysely'
import { inTransaction } from '../../db/in-transaction'
import type { MethodParsed } from '../../../shared/api'
import { conflict, notFound, validationError, type FieldError } from '../../../shared/errors'
import { auditNote } from '../../../shared/audit-text'
import { normalisePhone } from '../../../shared/schemas/common'
import type {
  HalfDay,
  OutflowKind,
  PeopleSearchResult,
  Person,
  PersonListItem,
  PersonMove,
} from '../../../shared/schemas/volunteers'
import type { Db, ServiceContext } from '../../context'
import { searchKey } from '../../db/text'
import { audit, changedFields, filledFields } from '../audit/audit'
import {
  checkOptionIds,
  PERSON_LIST_COLUMNS,
  personReference,
  readPerson,
  toListItem,
} from './people-queries'
import { closePlacementsForOutflow, statusByFacts } from './outflow'
import { matchPeople } from './list-queries'

type CreateInput = MethodParsed<'people.create'>
type UpdateInput = MethodParsed<'people.update'>

const subjectOf = (id: number): { kind: string; id: number } => ({ kind: 'person', id })

/** The search key of a person: first and last name, folded as household names are. */
export function personSearchName(firstName: string, lastName: string): string {
  return searchKey(`${firstName} ${lastName}`)
}

/** Composed (NFC), with a lone surrogate as SQLite stores it. */
function stored(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8').normalize('NFC')
}

interface Keep {
  options: Set<number>
  programmeId: number | null
  referralSourceId: number | null
}

const NOTHING_KEPT: Keep = { options: new Set(), programmeId: null, referralSourceId: null }

/**
 * Everything main checks beyond the schema, with each problem at its field: days not in the
 * future, a birth year not after this year, choices that exist (an inactive one only where it
 * was chosen before), a household that exists and is not anonymised.
 */
async function checkPerson(
  db: Db,
  today: string,
  input: Omit<CreateInput, 'status' | 'householdId'> & { householdId?: number | null },
  keep: Keep,
): Promise<void> {
  const errors: FieldError[] = []
  if (input.registeredOn > today) errors.push({ path: 'registeredOn', key: 'futureDate' })
  if (input.intakeOn && input.intakeOn > today) errors.push({ path: 'intakeOn', key: 'futureDate' })
  if (input.birthYear !== null && input.birthYear > Number(today.slice(0, 4)))
    errors.push({ path: 'birthYear', key: 'birthYearFuture' })
  errors.push(
    ...(await checkOptionIds(db, 'skill', input.skillIds, 'skillIds', keep.options)),
    ...(await checkOptionIds(db, 'interest', input.interestIds, 'interestIds', keep.options)),
    ...(await checkOptionIds(
      db,
      'learning_goal',
      input.learningGoalIds,
      'learningGoalIds',
      keep.options,
    )),
    ...(await checkOptionIds(db, 'limitation', input.limitationIds, 'limitationIds', keep.options)),
  )
  if (input.referralSourceId !== null) {
    const bad = await checkOptionIds(
      db,
      'referral_source',
      [input.referralSourceId],
      'referralSourceId',
      new Set(keep.referralSourceId ? [keep.referralSourceId] : []),
    )
    if (bad.length) errors.push({ path: 'referralSourceId', key: 'unknownOption' })
  }
  if (input.programmeId !== null) {
    const p = await db
      .selectFrom('programme')
      .select('active')
      .where('id', '=', input.programmeId)
      .executeTakeFirst()
    if (!p || (p.active !== 1 && keep.programmeId !== input.programmeId))
      errors.push({ path: 'programmeId', key: 'unknownOption' })
  }
  if (input.householdId) {
    const h = await db
      .selectFrom('household')
      .select('anonymisedAt')
      .where('id', '=', input.householdId)
      .executeTakeFirst()
    if (!h || h.anonymisedAt) errors.push({ path: 'householdId', key: 'unknownOption' })
  }
  if (errors.length) throw validationError(errors)
}

function optionIdsOf(input: {
  skillIds: number[]
  interestIds: number[]
  learningGoalIds: number[]
  limitationIds: number[]
}): number[] {
  return [...input.skillIds, ...input.interestIds, ...input.learningGoalIds, ...input.limitationIds]
}

async function writeOptionsAndSlots(
  trx: Db,
  personId: number,
  optionIds: number[],
  slots: HalfDay[],
): Promise<void> {
  await trx.deleteFrom('personOption').where('personId', '=', personId).execute()
  await trx.deleteFrom('personSlot').where('personId', '=', personId).execute()
  if (optionIds.length)
    await trx
      .insertInto('personOption')
      .values(optionIds.map((optionId) => ({ personId, optionId })))
      .execute()
  if (slots.length)
    await trx
      .insertInto('personSlot')
      .values(slots.map((s) => ({ personId, weekday: s.weekday, part: s.part })))
      .execute()
}

/** The columns of the person row an input sets (names folded, phone digits kept for search). */
function rowValues(input: Omit<CreateInput, 'status' | 'householdId'>) {
  const firstName = stored(input.firstName)
  const lastName = stored(input.lastName)
  return {
    firstName,
    lastName,
    searchName: personSearchName(firstName, lastName),
    phone: input.phone,
    phoneDigits: input.phone ? normalisePhone(input.phone) : null,
    email: input.email,
    address: input.address,
    postcode: input.postcode,
    place: input.place,
    district: input.district,
    birthYear: input.birthYear,
    gender: input.gender,
    maritalStatus: input.maritalStatus,
    registeredOn: input.registeredOn,
    intakeOn: input.intakeOn,
    programmeId: input.programmeId,
    participationDuty: input.participationDuty ? 1 : 0,
    dutyToApply: input.dutyToApply ? 1 : 0,
    ownTransport: input.ownTransport ? 1 : 0,
    languages: input.languages,
    referralSourceId: input.referralSourceId,
    referrer: input.referrer,
    notes: input.notes,
  }
}

/** Registers a person; the intake date, when known, makes the status 'intake' by default. */
export async function createPerson(ctx: ServiceContext, input: CreateInput): Promise<Person> {
  await checkPerson(ctx.db, ctx.clock.today(), input, NOTHING_KEPT)
  return inTransaction(ctx.db, async (trx) => {
    const now = ctx.clock.now().toISOString()
    // An intake date makes the status at least 'intake', whatever was chosen (no placements yet).
    const status =
      input.status === 'active'
        ? 'active'
        : input.intakeOn
          ? 'intake'
          : (input.status ?? 'registered')
    const { id } = await trx
      .insertInto('person')
      .values({
        ...rowValues(input),
        // A unique stand-in until the id is known; replaced in the same transaction.
        reference: `new-${now}-${Math.random()}`,
        householdId: input.householdId,
        status,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx
      .updateTable('person')
      .set({ reference: personReference(id) })
      .where('id', '=', id)
      .execute()
    await writeOptionsAndSlots(trx, id, optionIdsOf(input), input.availability)
    await audit(trx, ctx, {
      action: 'create',
      entityType: 'person',
      entityId: id,
      subject: subjectOf(id),
      fields: filledFields({
        ...rowValues(input),
        searchName: null,
        phoneDigits: null,
        participationDuty: input.participationDuty || null,
        dutyToApply: input.dutyToApply || null,
        ownTransport: input.ownTransport || null,
        householdId: input.householdId,
        skills: input.skillIds,
        interests: input.interestIds,
        learningGoals: input.learningGoalIds,
        limitations: input.limitationIds,
        availability: input.availability,
      }),
    })
    return (await readPerson(trx, id)) as Person
  })
}

/** The person's changeable facts as compared for the audit entry's changed fields. */
function snapshot(p: Person): Record<string, unknown> {
  return {
    firstName: p.firstName,
    lastName: p.lastName,
    phone: p.phone,
    email: p.email,
    address: p.address,
    postcode: p.postcode,
    place: p.place,
    district: p.district,
    birthYear: p.birthYear,
    gender: p.gender,
    maritalStatus: p.maritalStatus,
    registeredOn: p.registeredOn,
    intakeOn: p.intakeOn,
    programmeId: p.programmeId,
    participationDuty: p.participationDuty,
    dutyToApply: p.dutyToApply,
    ownTransport: p.ownTransport,
    languages: p.languages,
    referralSourceId: p.referralSourceId,
    referrer: p.referrer,
    notes: p.notes,
    status: p.status,
    skills: p.skills.map((o) => o.id).sort((a, b) => a - b),
    interests: p.interests.map((o) => o.id).sort((a, b) => a - b),
    learningGoals: p.learningGoals.map((o) => o.id).sort((a, b) => a - b),
    limitations: p.limitations.map((o) => o.id).sort((a, b) => a - b),
    availability: p.availability.map((s) => `${s.weekday}-${s.part}`),
  }
}

async function writablePersonRow(db: Db, id: number): Promise<Person> {
  const p = await readPerson(db, id)
  if (!p) throw notFound('person')
  if (p.anonymised) throw conflict('personAnonymised')
  return p
}

export async function updatePerson(ctx: ServiceContext, input: UpdateInput): Promise<Person> {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await writablePersonRow(trx, input.id)
    const keptOptions = new Set(
      [
        ...current.skills,
        ...current.interests,
        ...current.learningGoals,
        ...current.limitations,
      ].map((o) => o.id),
    )
    await checkPerson(trx, ctx.clock.today(), input, {
      options: keptOptions,
      programmeId: current.programmeId,
      referralSourceId: current.referralSourceId,
    })
    if (current.outflowOn && input.registeredOn > current.outflowOn)
      throw validationError([{ path: 'registeredOn', key: 'registeredAfterOutflow' }])
    // 'left' belongs to the outflow: it stays until people.setOutflow undoes it. Otherwise the
    // facts set the lowest status (intake date, a placement in "placed"); a higher one by hand.
    const status =
      current.status === 'left'
        ? 'left'
        : await statusByFacts(trx, input.id, input.intakeOn, input.status)
    await trx
      .updateTable('person')
      .set({ ...rowValues(input), status, updatedAt: ctx.clock.now().toISOString() })
      .where('id', '=', input.id)
      .execute()
    await writeOptionsAndSlots(trx, input.id, optionIdsOf(input), input.availability)
    const after = (await readPerson(trx, input.id)) as Person
    const fields = changedFields(snapshot(current), snapshot(after))
    if (fields.length)
      await audit(trx, ctx, {
        action: 'update',
        entityType: 'person',
        entityId: input.id,
        subject: subjectOf(input.id),
        fields,
      })
    return after
  })
}

/** A person's profile; every look is in the audit log under the person. */
export async function getPerson(ctx: ServiceContext, input: { id: number }): Promise<Person> {
  const p = await readPerson(ctx.db, input.id)
  if (!p) throw notFound('person')
  await audit(ctx.db, ctx, {
    action: 'view',
    entityType: 'person',
    entityId: p.id,
    subject: subjectOf(p.id),
  })
  return p
}

/**
 * People by name (every word of the query, folded, somewhere in "first last"), reference
 * ("D-00042", "42"), phone or postcode; narrowed by status, programme, district and "waiting
 * since" (registered on or before that day, no intake yet, not left). Ordered by last name.
 */
export async function searchPeople(
  ctx: ServiceContext,
  input: MethodParsed<'people.search'>,
): Promise<PeopleSearchResult> {
  const base = matchPeople(ctx.db, input)
  const [rows, count] = await Promise.all([
    base
      .leftJoin('programme', 'programme.id', 'p.programmeId')
      .select(PERSON_LIST_COLUMNS)
      .orderBy(sql`p.last_name collate nocase`)
      .orderBy(sql`p.first_name collate nocase`)
      .orderBy('p.id')
      .limit(input.limit)
      .offset(input.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  // A search result is a list: one entry with how many it showed (never the search words, which
  // may be a name), as the page of one person is logged under that person.
  await audit(ctx.db, ctx, {
    action: 'view',
    entityType: 'person',
    detail: auditNote({ k: 'peopleShown', count: rows.length }),
  })
  return { rows: rows.map(toListItem), total: Number(count.n) }
}

/**
 * Records how and when a person left ('left'), or undoes it (kind null): then the status goes
 * back to 'intake' when the intake was held, else 'registered'.
 */
export async function setOutflow(
  ctx: ServiceContext,
  input: { id: number; kind: OutflowKind | null; on: string | null; note: string | null },
): Promise<Person> {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await writablePersonRow(trx, input.id)
    const next =
      input.kind === null
        ? {
            outflowKind: null,
            outflowOn: null,
            outflowNote: null,
            // Back by the facts; the outflow ended the placements, so never 'active' by them.
            status: await statusByFacts(trx, input.id, current.intakeOn, null),
          }
        : {
            outflowKind: input.kind,
            outflowOn: input.on,
            outflowNote: input.note,
            status: 'left' as const,
          }
    if (input.kind !== null && input.on) {
      const errors: FieldError[] = []
      if (input.on > ctx.clock.today()) errors.push({ path: 'on', key: 'futureDate' })
      if (input.on < current.registeredOn)
        errors.push({ path: 'on', key: 'outflowBeforeRegistration' })
      if (errors.length) throw validationError(errors)
    }
    const before = {
      outflowKind: current.outflowKind,
      outflowOn: current.outflowOn,
      outflowNote: current.outflowNote,
      status: current.status,
    }
    // Leaving ends every running placement on the outflow day, in this same transaction.
    if (input.kind !== null)
      await closePlacementsForOutflow(trx, ctx, input.id, input.kind, input.on ?? ctx.clock.today())
    const fields = changedFields(before, next)
    if (!fields.length) return current
    await trx
      .updateTable('person')
      .set({ ...next, updatedAt: ctx.clock.now().toISOString() })
      .where('id', '=', input.id)
      .execute()
    await audit(trx, ctx, {
      action: 'update',
      entityType: 'person',
      entityId: input.id,
      subject: subjectOf(input.id),
      fields,
    })
    return (await readPerson(trx, input.id)) as Person
  })
}

/** Doorstroom: the person moved on to another role or place within the organisation. */
export async function addMove(
  ctx: ServiceContext,
  input: { personId: number; movedOn: string; toText: string; note: string | null },
): Promise<PersonMove> {
  return ctx.db.transaction().execute(async (trx) => {
    const p = await writablePersonRow(trx, input.personId)
    const errors: FieldError[] = []
    if (input.movedOn > ctx.clock.today()) errors.push({ path: 'movedOn', key: 'futureDate' })
    if (input.movedOn < p.registeredOn)
      errors.push({ path: 'movedOn', key: 'moveBeforeRegistration' })
    if (errors.length) throw validationError(errors)
    const row = await trx
      .insertInto('personMove')
      .values({
        personId: input.personId,
        movedOn: input.movedOn,
        toText: stored(input.toText),
        note: input.note,
        createdAt: ctx.clock.now().toISOString(),
      })
      .returning(['id', 'movedOn', 'toText', 'note'])
      .executeTakeFirstOrThrow()
    await audit(trx, ctx, {
      action: 'create',
      entityType: 'personMove',
      entityId: row.id,
      subject: subjectOf(input.personId),
      fields: filledFields({ movedOn: input.movedOn, toText: input.toText, note: input.note }),
    })
    return row
  })
}

export async function removeMove(ctx: ServiceContext, input: { id: number }): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const m = await trx
      .selectFrom('personMove')
      .select(['id', 'personId'])
      .where('id', '=', input.id)
      .executeTakeFirst()
    if (!m) throw notFound('personMove')
    await writablePersonRow(trx, m.personId)
    await trx.deleteFrom('personMove').where('id', '=', input.id).execute()
    await audit(trx, ctx, {
      action: 'delete',
      entityType: 'personMove',
      entityId: m.id,
      subject: subjectOf(m.personId),
    })
  })
}

/**
 * "Interesse in vrijwilligerswerk": a shop household opens a registration here, linked to it.
 * Address, place, district, phone and e-mail come from the household; "aangemeld via" is the
 * shop when that item is in the list.
 */
export async function registerFromHousehold(
  ctx: ServiceContext,
  input: { householdId: number; firstName: string; lastName: string; registeredOn: string },
): Promise<Person> {
  const h = await ctx.db
    .selectFrom('household')
    .select([
      'street',
      'houseNumber',
      'postcode',
      'city',
      'district',
      'phone',
      'email',
      'anonymisedAt',
    ])
    .where('id', '=', input.householdId)
    .executeTakeFirst()
  if (!h) throw notFound('household')
  if (h.anonymisedAt) throw conflict('householdAnonymised')
  const shop = await ctx.db
    .selectFrom('volOption')
    .select('id')
    .where('kind', '=', 'referral_source')
    .where('searchName', '=', 'de winkel')
    .where('active', '=', 1)
    .executeTakeFirst()
  const address = [h.street, h.houseNumber].filter(Boolean).join(' ') || null
  return createPerson(ctx, {
    firstName: input.firstName,
    lastName: input.lastName,
    phone: h.phone,
    email: h.email,
    address,
    postcode: h.postcode || null,
    place: h.city || null,
    district: h.district,
    birthYear: null,
    gender: 'unknown',
    maritalStatus: null,
    registeredOn: input.registeredOn,
    intakeOn: null,
    programmeId: null,
    participationDuty: false,
    dutyToApply: false,
    ownTransport: false,
    languages: null,
    referralSourceId: shop?.id ?? null,
    referrer: null,
    notes: null,
    skillIds: [],
    interestIds: [],
    learningGoalIds: [],
    limitationIds: [],
    availability: [],
    status: 'registered',
    householdId: input.householdId,
  })
}

/** The people registered from a household (its page shows them); each is a view of a person. */
export async function peopleOfHousehold(
  ctx: ServiceContext,
  input: { householdId: number },
): Promise<PersonListItem[]> {
  const rows = await ctx.db
    .selectFrom('person as p')
    .leftJoin('programme', 'programme.id', 'p.programmeId')
    .select(PERSON_LIST_COLUMNS)
    .where('p.householdId', '=', input.householdId)
    .orderBy('p.id')
    .execute()
  for (const r of rows)
    await audit(ctx.db, ctx, {
      action: 'view',
      entityType: 'person',
      entityId: r.id,
      subject: subjectOf(r.id),
    })
  return rows.map(toListItem)
}
