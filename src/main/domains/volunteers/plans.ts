import type { MethodParsed } from '../../../shared/api'
import { validationError, type FieldError } from '../../../shared/errors'
import type {
  GoalStatus,
  Plan,
  PlanAim,
  PlanGoal,
  PlanReview,
} from '../../../shared/schemas/volunteers-followup'
import type { ZrmDomain } from '../../../shared/zrm'
import type { Db, ServiceContext } from '../../context'
import { audit } from '../audit/audit'
import { personOrThrow, writablePerson } from './followup-queries'

/** Plans before the app kept records are a typo (1026 for 2026). */
const FIRST_DAY = '2000-01-01'

export async function readPlan(db: Db, personId: number): Promise<Plan> {
  const [plan, goals, reviews] = await Promise.all([
    db
      .selectFrom('plan')
      .select(['barriers', 'aim', 'updatedAt'])
      .where('personId', '=', personId)
      .executeTakeFirst(),
    db
      .selectFrom('planGoal')
      .select(['id', 'text', 'zrmDomain', 'status', 'closedOn'])
      .where('personId', '=', personId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('planReview')
      .select(['id', 'plannedOn', 'doneOn', 'note'])
      .where('personId', '=', personId)
      .orderBy('plannedOn')
      .orderBy('id')
      .execute(),
  ])
  return {
    personId,
    barriers: plan?.barriers ?? null,
    aim: (plan?.aim ?? null) as PlanAim | null,
    updatedAt: plan?.updatedAt ?? null,
    goals: goals.map((g): PlanGoal => ({
      id: g.id,
      text: g.text,
      zrmDomain: (g.zrmDomain ?? null) as ZrmDomain | null,
      status: g.status as GoalStatus,
      closedOn: g.closedOn ?? null,
    })),
    reviews: reviews.map((r): PlanReview => ({
      id: r.id,
      plannedOn: r.plannedOn,
      doneOn: r.doneOn ?? null,
      note: r.note ?? null,
    })),
  }
}

/** A person's trajectory plan (empty when none was made yet); a view, audited. */
export async function getPlan(
  ctx: ServiceContext,
  input: MethodParsed<'plans.get'>,
): Promise<Plan> {
  await personOrThrow(ctx.db, input.personId)
  const plan = await readPlan(ctx.db, input.personId)
  await audit(ctx.db, ctx, {
    action: 'view',
    entityType: 'plan',
    entityId: input.personId,
    subject: { kind: 'person', id: input.personId },
  })
  return plan
}

function sameGoal(a: PlanGoal, b: Omit<PlanGoal, 'id'>): boolean {
  return (
    a.text === b.text &&
    a.zrmDomain === b.zrmDomain &&
    a.status === b.status &&
    a.closedOn === b.closedOn
  )
}

/**
 * Saves the plan as the form holds it: barriers, aim, the whole list of goals and of
 * re-assessments (an id changes that one, no id adds one, one left out is removed). A goal that
 * is no longer open is closed as realised, partly or not realised, on the day given or today
 * (a goal already closed keeps its day). One audit entry names what changed; saving the same
 * again logs nothing.
 */
export async function updatePlan(
  ctx: ServiceContext,
  input: MethodParsed<'plans.update'>,
): Promise<Plan> {
  const today = ctx.clock.today()
  await ctx.db.transaction().execute(async (trx) => {
    await writablePerson(trx, input.personId)
    const before = await readPlan(trx, input.personId)
    const goalsById = new Map(before.goals.map((g) => [g.id, g]))
    const reviewsById = new Map(before.reviews.map((r) => [r.id, r]))
    const problems: FieldError[] = []
    const checkDay = (path: string, day: string | null): void => {
      if (day === null) return
      if (day > today) problems.push({ path, key: 'futureDate' })
      else if (day < FIRST_DAY)
        problems.push({ path, key: 'dateTooEarly', params: { date: '01-01-2000' } })
    }
    const goals = input.goals.map((g, i) => {
      const old = g.id === null ? undefined : goalsById.get(g.id)
      if (g.id !== null && !old) problems.push({ path: `goals.${i}.id`, key: 'unknownOption' })
      const closedOn =
        g.status === 'open'
          ? null
          : (g.closedOn ?? (old && old.status !== 'open' ? old.closedOn : null) ?? today)
      if (g.status !== 'open') checkDay(`goals.${i}.closedOn`, closedOn)
      return { id: g.id, text: g.text, zrmDomain: g.zrmDomain, status: g.status, closedOn }
    })
    input.reviews.forEach((r, i) => {
      if (r.id !== null && !reviewsById.has(r.id))
        problems.push({ path: `reviews.${i}.id`, key: 'unknownOption' })
      if (r.plannedOn < FIRST_DAY)
        problems.push({
          path: `reviews.${i}.plannedOn`,
          key: 'dateTooEarly',
          params: { date: '01-01-2000' },
        })
      checkDay(`reviews.${i}.doneOn`, r.doneOn)
    })
    if (problems.length) throw validationError(problems)

    const fields: string[] = []
    if (before.barriers !== input.barriers) fields.push('barriers')
    if (before.aim !== input.aim) fields.push('aim')

    let goalsChanged = false
    const keptGoals = new Set<number>()
    for (const g of goals) {
      if (g.id === null) {
        await trx
          .insertInto('planGoal')
          .values({
            personId: input.personId,
            text: g.text,
            zrmDomain: g.zrmDomain,
            status: g.status,
            closedOn: g.closedOn,
            createdAt: ctx.clock.now().toISOString(),
          })
          .execute()
        goalsChanged = true
        continue
      }
      keptGoals.add(g.id)
      const old = goalsById.get(g.id)
      if (old && sameGoal(old, g)) continue
      await trx
        .updateTable('planGoal')
        .set({ text: g.text, zrmDomain: g.zrmDomain, status: g.status, closedOn: g.closedOn })
        .where('id', '=', g.id)
        .where('personId', '=', input.personId)
        .execute()
      goalsChanged = true
    }
    const goneGoals = before.goals.filter((g) => !keptGoals.has(g.id)).map((g) => g.id)
    if (goneGoals.length) {
      await trx.deleteFrom('planGoal').where('id', 'in', goneGoals).execute()
      goalsChanged = true
    }
    if (goalsChanged) fields.push('goals')

    let reviewsChanged = false
    const keptReviews = new Set<number>()
    for (const r of input.reviews) {
      if (r.id === null) {
        await trx
          .insertInto('planReview')
          .values({
            personId: input.personId,
            plannedOn: r.plannedOn,
            doneOn: r.doneOn,
            note: r.note,
          })
          .execute()
        reviewsChanged = true
        continue
      }
      keptReviews.add(r.id)
      const old = reviewsById.get(r.id)
      if (old && old.plannedOn === r.plannedOn && old.doneOn === r.doneOn && old.note === r.note)
        continue
      await trx
        .updateTable('planReview')
        .set({ plannedOn: r.plannedOn, doneOn: r.doneOn, note: r.note })
        .where('id', '=', r.id)
        .where('personId', '=', input.personId)
        .execute()
      reviewsChanged = true
    }
    const goneReviews = before.reviews.filter((r) => !keptReviews.has(r.id)).map((r) => r.id)
    if (goneReviews.length) {
      await trx.deleteFrom('planReview').where('id', 'in', goneReviews).execute()
      reviewsChanged = true
    }
    if (reviewsChanged) fields.push('reviews')

    if (!fields.length) return
    const now = ctx.clock.now().toISOString()
    await trx
      .insertInto('plan')
      .values({
        personId: input.personId,
        barriers: input.barriers,
        aim: input.aim,
        updatedAt: now,
      })
      .onConflict((oc) =>
        oc
          .column('personId')
          .doUpdateSet({ barriers: input.barriers, aim: input.aim, updatedAt: now }),
      )
      .execute()
    await audit(trx, ctx, {
      action: before.updatedAt === null ? 'create' : 'update',
      entityType: 'plan',
      entityId: input.personId,
      subject: { kind: 'person', id: input.personId },
      fields,
    })
  })
  return readPlan(ctx.db, input.personId)
}
