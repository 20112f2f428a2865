import { sql } from 'kysely'
import type { MethodParsed } from '../../../shared/api'
import { auditNote } from '../../../shared/audit-text'
import { addDays, toDutchDate } from '../../../shared/dates'
import { conflict, notFound, validationError, type FieldError } from '../../../shared/errors'
import { EARLIEST_VOLUNTEER_DATE } from '../../../shared/schemas/volunteers'
import {
  ACTIVE_STEPS,
  HARD_REASONS,
  halfDaysToMask,
  maskToHalfDays,
  PLACEMENT_STEPS,
  PLACEMENT_TAKING_STEPS,
  type Explanation,
  type ExclusionReason,
  type HalfDay,
  type Placement,
  type PlacementCheck,
  type PlacementList,
  type PlacementProposed,
  type PlacementStep,
} from '../../../shared/schemas/volunteers-matching'
import type { Db, ServiceContext } from '../../context'
import { audit } from '../audit/audit'
import { exclusionReasons, halfDayKeys, proposalMask, type PersonFacts } from './matching-score'
import {
  optionMap,
  readPersonRecord,
  readVacancyRecord,
  type PersonRecord,
  type VacancyRecord,
} from './matching-queries'
import { statusByFacts } from './outflow'
import { placementSteps } from './list-queries'

/*
 * Placements (koppelingen): proposed -> introduction -> trial -> placed -> ended, or declined.
 * Every step is dated; a decline or an end has a reason. A proposal goes through the same filters
 * as the matching list: a candidate who fails one is proposed only with a written reason, stored
 * on the placement and named in the audit entry. Every change is audited under the person.
 */

const personSubject = (id: number): { kind: string; id: number } => ({ kind: 'person', id })

/** The column that dates each step. */
const STEP_DATE = {
  proposed: 'proposedOn',
  introduction: 'introductionOn',
  trial: 'trialOn',
  placed: 'placedOn',
  ended: 'endedOn',
  declined: 'declinedOn',
} as const satisfies Record<PlacementStep, string>

/** A trial longer than a year is a typo, not a trial. */
const MAX_TRIAL_DAYS = 366

const isActive = (step: string): boolean => (ACTIVE_STEPS as readonly string[]).includes(step)
const takesPlace = (step: string): boolean =>
  (PLACEMENT_TAKING_STEPS as readonly string[]).includes(step)

function explain(
  key: string,
  params: Record<string, string | number>,
  codes?: Record<string, string[]>,
): Explanation {
  return codes ? { key: `matching.${key}`, params, codes } : { key: `matching.${key}`, params }
}

// --- Reading -------------------------------------------------------------------------------------

type PlacementRow = Omit<Placement, 'halfDays' | 'step' | 'personName'> & {
  step: string
  mask: number | null
  firstName: string
  lastName: string
}

function placementQuery(db: Db) {
  return db
    .selectFrom('placement as pl')
    .innerJoin('person as p', 'p.id', 'pl.personId')
    .innerJoin('vacancy as v', 'v.id', 'pl.vacancyId')
    .innerJoin('partner as o', 'o.id', 'v.partnerId')
    .select([
      'pl.id',
      'pl.personId',
      'p.reference as personReference',
      'p.firstName',
      'p.lastName',
      'pl.vacancyId',
      'v.title as vacancyTitle',
      'v.partnerId',
      'o.name as partnerName',
      'pl.step',
      'pl.proposedOn',
      'pl.introductionOn',
      'pl.trialOn',
      'pl.trialEndsOn',
      'pl.placedOn',
      'pl.endedOn',
      'pl.declinedOn',
      'pl.reason',
      'pl.overrideReason',
      sql<number | null>`(select sum(1 << ((s.weekday - 1) * 3 + case s.part
        when 'morning' then 0 when 'afternoon' then 1 else 2 end))
        from placement_slot s where s.placement_id = pl.id)`.as('mask'),
    ])
}

function toPlacement(r: PlacementRow): Placement {
  const { mask, firstName, lastName, ...rest } = r
  return {
    ...rest,
    personName: `${firstName} ${lastName}`.trim(),
    step: r.step as PlacementStep,
    halfDays: maskToHalfDays(Number(mask ?? 0)),
  }
}

async function readPlacement(db: Db, id: number): Promise<Placement | null> {
  const r = await placementQuery(db).where('pl.id', '=', id).executeTakeFirst()
  return r ? toPlacement(r) : null
}

/**
 * `placements.list`: a person's placements, a vacancy's, or the board (running ones by step).
 * Newest proposal first. The counts per step are counted in SQL for the same filters, so a
 * column's number is true however few of its rows are sent. A person's list is a view of that
 * person and logged as one.
 */
export async function listPlacements(
  ctx: ServiceContext,
  input: MethodParsed<'placements.list'>,
): Promise<PlacementList> {
  const steps = placementSteps(input)
  let q = placementQuery(ctx.db)
  if (input.personId !== null) q = q.where('pl.personId', '=', input.personId)
  if (input.vacancyId !== null) q = q.where('pl.vacancyId', '=', input.vacancyId)
  const newestFirst = (x: typeof q): typeof q =>
    x.orderBy('pl.proposedOn', 'desc').orderBy('pl.id', 'desc')
  // The board asks a few of each step: one short query per step reads only those rows
  // (placement_step_proposed), where one list of all would sort every running placement.
  const parts =
    input.perStep !== null
      ? steps.map((step) =>
          newestFirst(q.where('pl.step', '=', step))
            .limit(input.perStep as number)
            .offset(input.offset)
            .execute(),
        )
      : input.personId === null && input.vacancyId === null && steps.length > 1
        ? // All closed ones (27,000 at ten years): the newest of each step from the index, merged
          // here, instead of sorting every closed placement for one page.
          [
            Promise.all(
              steps.map((step) =>
                newestFirst(q.where('pl.step', '=', step))
                  .limit(input.offset + input.limit)
                  .execute(),
              ),
            ).then((each) =>
              each
                .flat()
                .sort((a, b) =>
                  a.proposedOn === b.proposedOn
                    ? b.id - a.id
                    : a.proposedOn < b.proposedOn
                      ? 1
                      : -1,
                )
                .slice(input.offset, input.offset + input.limit),
            ),
          ]
        : [
            newestFirst(q.where('pl.step', 'in', [...steps]))
              .limit(input.limit)
              .offset(input.offset)
              .execute(),
          ]
  let c = ctx.db
    .selectFrom('placement as pl')
    .select(['pl.step', (eb) => eb.fn.countAll<number>().as('n')])
    .where('pl.step', 'in', [...steps])
  if (input.personId !== null) c = c.where('pl.personId', '=', input.personId)
  if (input.vacancyId !== null) c = c.where('pl.vacancyId', '=', input.vacancyId)
  const [found, counted] = await Promise.all([Promise.all(parts), c.groupBy('pl.step').execute()])
  const rows = found.flat()
  const counts = Object.fromEntries(PLACEMENT_STEPS.map((s) => [s, 0])) as Record<
    PlacementStep,
    number
  >
  for (const r of counted) counts[r.step as PlacementStep] = Number(r.n)
  const total = steps.reduce((sum, s) => sum + counts[s], 0)
  // One person's placements are a view of that person; the board (names and steps of many) is
  // one entry with how many it showed, as a list is not a view of each row.
  await audit(
    ctx.db,
    ctx,
    input.personId !== null
      ? { action: 'view', entityType: 'placement', subject: personSubject(input.personId) }
      : {
          action: 'view',
          entityType: 'placement',
          detail: auditNote({ k: 'peopleShown', count: rows.length }),
        },
  )
  return { rows: rows.map(toPlacement), total, counts }
}

// --- Proposing -----------------------------------------------------------------------------------

interface Candidate {
  person: PersonRecord
  vacancy: VacancyRecord
  facts: PersonFacts
  chosenMask: number | null
  reasons: ExclusionReason[]
  warnings: Explanation[]
  mask: number
}

/** Both sides of a proposal, the filters they fail and what to warn about. Writes nothing. */
async function candidate(
  db: Db,
  input: { personId: number; vacancyId: number; halfDays: HalfDay[] | null },
): Promise<Candidate> {
  const options = await optionMap(db)
  const [found, vacancy] = await Promise.all([
    readPersonRecord(db, input.personId, options, input.vacancyId),
    readVacancyRecord(db, input.vacancyId, options),
  ])
  if (!found) throw notFound('person')
  if (!vacancy) throw notFound('vacancy')
  const facts = found.record.facts
  const v = vacancy.facts
  const fieldErrors: FieldError[] = []
  input.halfDays?.forEach((h, i) => {
    if (!(v.mask & halfDaysToMask([h])))
      fieldErrors.push({ path: `halfDays.${i}`, key: 'halfDayNotInVacancy' })
  })
  if (fieldErrors.length) throw validationError(fieldErrors)
  const chosenMask = input.halfDays ? halfDaysToMask(input.halfDays) : null
  const mask = chosenMask ?? proposalMask(facts, v)
  const reasons = exclusionReasons(facts, v, chosenMask)
  const name = found.record.name
  const warnings: Explanation[] = []
  for (const o of facts.otherPlacements)
    if (o.mask & mask)
      warnings.push(
        explain(
          'warnings.doubleBooked',
          { name, vacancy: o.vacancyTitle },
          { halfDays: halfDayKeys(o.mask & mask) },
        ),
      )
  const unavailable = mask & ~facts.mask
  if (unavailable)
    warnings.push(
      explain('warnings.notAvailable', { name }, { halfDays: halfDayKeys(unavailable) }),
    )
  return { person: found.record, vacancy, facts, chosenMask, reasons, warnings, mask }
}

/** `placements.check`: what proposing would meet, so the screen can ask first. */
export async function checkPlacement(
  ctx: ServiceContext,
  input: MethodParsed<'placements.check'>,
): Promise<PlacementCheck> {
  const c = await candidate(ctx.db, input)
  // The check says which of the person's limitations and half-days rule the place out.
  await audit(ctx.db, ctx, {
    action: 'view',
    entityType: 'placement',
    entityId: input.vacancyId,
    subject: personSubject(input.personId),
    fields: ['vacancyId'],
  })
  return { reasons: c.reasons, warnings: c.warnings, halfDays: maskToHalfDays(c.mask) }
}

function dateProblems(
  path: string,
  date: string,
  today: string,
  notBefore: string | null,
): FieldError[] {
  if (date > today) return [{ path, key: 'futureDate' }]
  if (date < EARLIEST_VOLUNTEER_DATE)
    return [{ path, key: 'dateTooEarly', params: { date: toDutchDate(EARLIEST_VOLUNTEER_DATE) } }]
  if (notBefore && date < notBefore)
    return [{ path, key: 'beforePreviousStep', params: { date: toDutchDate(notBefore) } }]
  return []
}

/**
 * `placements.propose`: a new placement in step "proposed", with its half-days (by default the
 * shared ones still free). A candidate the filters exclude is proposed only with a written reason
 * (`overrideReason`), except one who left, an inactive vacancy or a second placement at the same
 * vacancy: those would contradict what is recorded. Runs in one transaction, so two proposals at
 * once meet each other's half-days.
 */
export async function proposePlacement(
  ctx: ServiceContext,
  input: MethodParsed<'placements.propose'>,
): Promise<PlacementProposed> {
  const today = ctx.clock.today()
  const date = input.date ?? today
  const problems = dateProblems('date', date, today, null)
  if (problems.length) throw validationError(problems)
  const id = await ctx.db.transaction().execute(async (trx) => {
    const c = await candidate(trx, input)
    const hard = c.reasons.find((r) => HARD_REASONS.includes(r.code))
    if (hard)
      throw conflict(
        hard.code === 'personLeft'
          ? 'placementPersonLeft'
          : hard.code === 'vacancyInactive'
            ? 'placementVacancyInactive'
            : 'placementAlreadyHere',
      )
    if (c.reasons.length && !input.overrideReason)
      throw validationError([{ path: 'overrideReason', key: 'overrideReasonRequired' }])
    // A placement entered from paper may lie in the past, never before the person registered.
    const { registeredOn } = await trx
      .selectFrom('person')
      .select('registeredOn')
      .where('id', '=', c.facts.id)
      .executeTakeFirstOrThrow()
    if (date < registeredOn)
      throw validationError([
        {
          path: 'date',
          key: 'proposedBeforeRegistration',
          params: { date: toDutchDate(registeredOn) },
        },
      ])
    // A reason given for a candidate who passes every filter is not an override: not stored.
    const overrideReason = c.reasons.length ? input.overrideReason : null
    const now = ctx.clock.now().toISOString()
    const { id } = await trx
      .insertInto('placement')
      .values({
        personId: c.facts.id,
        vacancyId: c.vacancy.facts.id,
        step: 'proposed',
        proposedOn: date,
        overrideReason,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const halfDays = maskToHalfDays(c.mask)
    if (halfDays.length)
      await trx
        .insertInto('placementSlot')
        .values(halfDays.map((h) => ({ placementId: id, weekday: h.weekday, part: h.part })))
        .execute()
    await audit(trx, ctx, {
      action: 'create',
      entityType: 'placement',
      entityId: id,
      subject: personSubject(c.facts.id),
      fields: [
        'vacancyId',
        'step',
        'proposedOn',
        'halfDays',
        ...(overrideReason ? ['overrideReason'] : []),
      ],
      // Which filters the coordinator overrode, as codes; the reason itself stays on the row.
      detail: overrideReason
        ? auditNote(...c.reasons.map((r) => ({ k: 'matchOverride' as const, reason: r.code })))
        : null,
    })
    return { id, warnings: c.warnings }
  })
  const placement = await readPlacement(ctx.db, id.id)
  if (!placement) throw notFound('placement')
  return { placement, warnings: id.warnings }
}

// --- The next steps ------------------------------------------------------------------------------

interface StoredPlacement {
  id: number
  personId: number
  vacancyId: number
  step: PlacementStep
  dates: string[]
  anonymisedAt: string | null
  places: number
}

async function stored(db: Db, id: number): Promise<StoredPlacement> {
  const r = await db
    .selectFrom('placement as pl')
    .innerJoin('person as p', 'p.id', 'pl.personId')
    .innerJoin('vacancy as v', 'v.id', 'pl.vacancyId')
    .select([
      'pl.id',
      'pl.personId',
      'pl.vacancyId',
      'pl.step',
      'pl.proposedOn',
      'pl.introductionOn',
      'pl.trialOn',
      'pl.placedOn',
      'p.anonymisedAt',
      'v.places',
    ])
    .where('pl.id', '=', id)
    .executeTakeFirst()
  if (!r) throw notFound('placement')
  return {
    id: r.id,
    personId: r.personId,
    vacancyId: r.vacancyId,
    step: r.step,
    dates: [r.proposedOn, r.introductionOn, r.trialOn, r.placedOn].filter((d): d is string => !!d),
    anonymisedAt: r.anonymisedAt,
    places: r.places,
  }
}

/** The latest day a step so far was dated: a next step cannot lie before it. */
const lastDate = (p: StoredPlacement): string =>
  p.dates.reduce((a, b) => (b > a ? b : a), p.dates[0])

function assertOpen(p: StoredPlacement): void {
  if (p.anonymisedAt) throw conflict('placementPersonAnonymised')
  if (p.step === 'ended') throw conflict('placementEnded')
  if (!isActive(p.step)) throw conflict('placementDeclined')
}

/**
 * `placements.advance`: on to a later step (introduction, trial, placed), dated. A step may be
 * skipped (not every place has a trial); it then stays undated. The trial has an end date. From
 * a proposal into a step that takes a place, the vacancy must still have one.
 */
export async function advancePlacement(
  ctx: ServiceContext,
  input: MethodParsed<'placements.advance'>,
): Promise<Placement> {
  const today = ctx.clock.today()
  await ctx.db.transaction().execute(async (trx) => {
    const p = await stored(trx, input.id)
    assertOpen(p)
    const from = PLACEMENT_STEPS.indexOf(p.step)
    if (PLACEMENT_STEPS.indexOf(input.to) <= from) throw conflict('placementStepBack')
    const problems = dateProblems('date', input.date, today, lastDate(p))
    if (input.to === 'trial') {
      if (!input.trialEndsOn) problems.push({ path: 'trialEndsOn', key: 'required' })
      else if (input.trialEndsOn < input.date)
        problems.push({ path: 'trialEndsOn', key: 'trialEndsBeforeStart' })
      else if (input.trialEndsOn > addDays(input.date, MAX_TRIAL_DAYS))
        problems.push({
          path: 'trialEndsOn',
          key: 'trialTooLong',
          params: { date: toDutchDate(addDays(input.date, MAX_TRIAL_DAYS)) },
        })
    } else if (input.trialEndsOn) problems.push({ path: 'trialEndsOn', key: 'onlyWithTrial' })
    if (problems.length) throw validationError(problems)
    if (!takesPlace(p.step)) {
      const taken = await trx
        .selectFrom('placement')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('vacancyId', '=', p.vacancyId)
        .where('step', 'in', [...PLACEMENT_TAKING_STEPS])
        .executeTakeFirstOrThrow()
      if (Number(taken.n) >= p.places) throw conflict('placementVacancyFull', { places: p.places })
    }
    const column = STEP_DATE[input.to]
    await trx
      .updateTable('placement')
      .set({
        step: input.to,
        [column]: input.date,
        ...(input.to === 'trial' ? { trialEndsOn: input.trialEndsOn } : {}),
        updatedAt: ctx.clock.now().toISOString(),
      })
      .where('id', '=', p.id)
      .execute()
    await audit(trx, ctx, {
      action: 'update',
      entityType: 'placement',
      entityId: p.id,
      subject: personSubject(p.personId),
      fields: ['step', column, ...(input.to === 'trial' ? ['trialEndsOn'] : [])],
      detail: auditNote({ k: 'stepChanged', fromStep: p.step, toStep: input.to }),
    })
    // Placed means taking part: the person's status follows (never over an outflow).
    if (input.to === 'placed') await markActive(trx, ctx, p.personId)
  })
  const placement = await readPlacement(ctx.db, input.id)
  if (!placement) throw notFound('placement')
  return placement
}

async function markActive(trx: Db, ctx: ServiceContext, personId: number): Promise<void> {
  const changed = await trx
    .updateTable('person')
    .set({ status: 'active', updatedAt: ctx.clock.now().toISOString() })
    .where('id', '=', personId)
    .where('status', 'in', ['registered', 'intake'])
    .executeTakeFirst()
  if (Number(changed.numUpdatedRows))
    await audit(trx, ctx, {
      action: 'update',
      entityType: 'person',
      entityId: personId,
      subject: personSubject(personId),
      fields: ['status'],
    })
}

/**
 * The way back of `markActive`: a person no longer placed anywhere goes from 'active' to what the
 * facts still say ('intake' with an intake date, else 'registered'). Only 'active' is lowered, so
 * an outflow ('left') is never overwritten; called only when a placed placement closed, so a
 * status chosen by hand is not touched by a trial or proposal that ends.
 */
async function followFactsDown(trx: Db, ctx: ServiceContext, personId: number): Promise<void> {
  const person = await trx
    .selectFrom('person')
    .select(['status', 'intakeOn'])
    .where('id', '=', personId)
    .executeTakeFirstOrThrow()
  if (person.status !== 'active') return
  const floor = await statusByFacts(trx, personId, person.intakeOn, null)
  if (floor === 'active') return
  await trx
    .updateTable('person')
    .set({ status: floor, updatedAt: ctx.clock.now().toISOString() })
    .where('id', '=', personId)
    .execute()
  await audit(trx, ctx, {
    action: 'update',
    entityType: 'person',
    entityId: personId,
    subject: personSubject(personId),
    fields: ['status'],
  })
}

/**
 * Ends (`placements.end`, from the introduction on) or declines (`placements.decline`, before
 * "placed") a running placement, with its day and a reason. Its half-days and its place are free
 * again; its hours stay.
 */
async function closePlacement(
  ctx: ServiceContext,
  input: MethodParsed<'placements.end'>,
  to: 'ended' | 'declined',
): Promise<Placement> {
  const today = ctx.clock.today()
  await ctx.db.transaction().execute(async (trx) => {
    const p = await stored(trx, input.id)
    assertOpen(p)
    if (to === 'ended' && p.step === 'proposed') throw conflict('placementNotStarted')
    if (to === 'declined' && p.step === 'placed') throw conflict('placementAlreadyPlaced')
    const problems = dateProblems('date', input.date, today, lastDate(p))
    if (problems.length) throw validationError(problems)
    const column = STEP_DATE[to]
    await trx
      .updateTable('placement')
      .set({
        step: to,
        [column]: input.date,
        reason: input.reason,
        updatedAt: ctx.clock.now().toISOString(),
      })
      .where('id', '=', p.id)
      .execute()
    await audit(trx, ctx, {
      action: 'update',
      entityType: 'placement',
      entityId: p.id,
      subject: personSubject(p.personId),
      fields: ['step', column, 'reason'],
      detail: auditNote({ k: 'stepChanged', fromStep: p.step, toStep: to }),
    })
    // "Actief" means placed somewhere: ending the last placed placement takes that back.
    if (p.step === 'placed') await followFactsDown(trx, ctx, p.personId)
  })
  const placement = await readPlacement(ctx.db, input.id)
  if (!placement) throw notFound('placement')
  return placement
}

export function endPlacement(
  ctx: ServiceContext,
  input: MethodParsed<'placements.end'>,
): Promise<Placement> {
  return closePlacement(ctx, input, 'ended')
}

export function declinePlacement(
  ctx: ServiceContext,
  input: MethodParsed<'placements.decline'>,
): Promise<Placement> {
  return closePlacement(ctx, input, 'declined')
}
