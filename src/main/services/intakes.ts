import { notFound, validationError, type FieldError } from '../../shared/errors'
import type { MethodParsed } from '../../shared/api'
import type { Intake } from '../../shared/types'
import type { ServiceContext } from './context'
import { checkListIds } from './lists'
import { listIntakes } from './households'

export async function createIntake(
  ctx: ServiceContext,
  input: MethodParsed<'intakes.create'>,
): Promise<Intake> {
  const fields: FieldError[] = []
  if (input.date > ctx.clock.today()) fields.push({ path: 'date', key: 'futureDate' })
  if (fields.length) throw validationError(fields)
  const topicIds = [...new Set(input.topicIds)]
  return ctx.db.transaction().execute(async (trx) => {
    const household = await trx
      .selectFrom('household')
      .select('id')
      .where('id', '=', input.householdId)
      .executeTakeFirst()
    if (!household) throw notFound('household')
    const unknown = [
      ...(await checkListIds(trx, 'topic', input.topicIds, (i) => `topicIds.${i}`)),
      ...(await checkListIds(
        trx,
        'destination',
        input.referrals.map((r) => r.destinationId),
        (i) => `referrals.${i}.destinationId`,
      )),
    ]
    if (unknown.length) throw validationError(unknown)
    const { id } = await trx
      .insertInto('intake')
      .values({
        householdId: input.householdId,
        date: input.date,
        doneBy: input.doneBy,
        notes: input.notes,
        createdAt: ctx.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
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
    const intakes = await listIntakes(trx, input.householdId)
    return intakes.find((i) => i.id === id)!
  })
}
