import type { z } from 'zod'
import { conflict, notFound, validationError, type FieldError } from '../../../shared/errors'
import type { intakeFields } from '../../../shared/schemas/household'
import type { MethodParsed } from '../../../shared/api'
import type { Intake } from '../../../shared/schemas/household'
import type { Db, ServiceContext } from '../../context'
import { checkListIds } from '../lists/lists'
import { unknownOrInactivePartners } from '../partners/queries'
import { listIntakes } from './queries'
import { audit, filledFields } from '../audit/audit'

type ParsedIntake = z.output<typeof intakeFields>

export async function createIntake(
  ctx: ServiceContext,
  input: MethodParsed<'intakes.create'>,
): Promise<Intake> {
  checkIntakeDate(input, ctx.clock.today(), '')
  return ctx.db.transaction().execute(async (trx) => {
    const household = await trx
      .selectFrom('household')
      .select(['id', 'anonymisedAt'])
      .where('id', '=', input.householdId)
      .executeTakeFirst()
    if (!household) throw notFound('household')
    if (household.anonymisedAt) throw conflict('householdAnonymised')
    const id = await writeIntake(trx, ctx.clock.now().toISOString(), input.householdId, input, '')
    const { householdId: _household, ...fields } = input
    await audit(trx, ctx, {
      action: 'create',
      entityType: 'intake',
      entityId: id,
      householdId: input.householdId,
      fields: filledFields(fields),
    })
    const intakes = await listIntakes(trx, input.householdId)
    return intakes.find((i) => i.id === id)!
  })
}

/** An intake is a conversation that took place: not in the future. */
export function checkIntakeDate(intake: { date: string }, today: string, prefix: string): void {
  if (intake.date > today) throw validationError([{ path: `${prefix}date`, key: 'futureDate' }])
}

/**
 * Writes an intake with its topics and referrals inside the caller's transaction. Field errors
 * carry `prefix` (`intake.` when the intake came with a new household).
 */
export async function writeIntake(
  trx: Db,
  now: string,
  householdId: number,
  input: ParsedIntake,
  prefix: string,
): Promise<number> {
  // A referral goes to an organisation of the "sociale kaart" that is still in use.
  const badPartners = await unknownOrInactivePartners(
    trx,
    input.referrals.map((r) => r.destinationId),
  )
  const unknown: FieldError[] = [
    ...(await checkListIds(trx, 'topic', input.topicIds, (i) => `${prefix}topicIds.${i}`)),
    ...input.referrals.flatMap((r, i) =>
      badPartners.has(r.destinationId)
        ? [{ path: `${prefix}referrals.${i}.destinationId`, key: 'unknownOption' }]
        : [],
    ),
  ]
  if (unknown.length) throw validationError(unknown)
  // One referral per destination: a second would count the same referral twice in the figures.
  const seen = new Set<number>()
  const twice: FieldError[] = input.referrals.flatMap((r, i) => {
    if (!seen.has(r.destinationId)) {
      seen.add(r.destinationId)
      return []
    }
    return [{ path: `${prefix}referrals.${i}.destinationId`, key: 'duplicateReferral' }]
  })
  if (twice.length) throw validationError(twice)
  const { id } = await trx
    .insertInto('intake')
    .values({
      householdId,
      date: input.date,
      doneBy: input.doneBy,
      notes: input.notes,
      debts: input.debts,
      multipleProblems: input.multipleProblems,
      createdAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const topicIds = [...new Set(input.topicIds)]
  if (topicIds.length)
    await trx
      .insertInto('intakeTopic')
      .values(topicIds.map((topicId) => ({ intakeId: id, topicId })))
      .execute()
  if (input.referrals.length)
    await trx
      .insertInto('intakeReferral')
      .values(
        input.referrals.map((r) => ({
          intakeId: id,
          destinationId: r.destinationId,
          note: r.note,
        })),
      )
      .execute()
  return id
}
