import type { MethodParsed } from '../../../shared/api'
import { conflict, notFound, validationError } from '../../../shared/errors'
import { CARE_SIGNAL_PARTIES, type CareSignal } from '../../../shared/schemas/outcomes'
import type { Db, ServiceContext } from '../../context'
import { audit } from '../audit/audit'
import { careSignalRows } from './queries'

/*
 * Confidential safety signals (zorgsignalen) on a household or a person: what was seen, when,
 * and with whom it was discussed. Coordinators and admins only (the API's roles; the counter is
 * refused), every view and change logged under the household or person. The app records; it does
 * not run the Meldcode's steps.
 */

type Owner = { householdId: number | null; personId: number | null }

const subjectOf = (o: Owner) =>
  o.householdId !== null
    ? { kind: 'household', id: o.householdId }
    : { kind: 'person', id: o.personId as number }

/** The household or person exists; `write`: and may still be changed (not anonymised). */
async function checkOwner(db: Db, o: Owner, write: boolean): Promise<void> {
  const row =
    o.householdId !== null
      ? await db
          .selectFrom('household')
          .select('anonymisedAt')
          .where('id', '=', o.householdId)
          .executeTakeFirst()
      : await db
          .selectFrom('person')
          .select('anonymisedAt')
          .where('id', '=', o.personId as number)
          .executeTakeFirst()
  if (!row) throw notFound(o.householdId !== null ? 'household' : 'person')
  if (write && row.anonymisedAt)
    throw conflict(o.householdId !== null ? 'householdAnonymised' : 'personAnonymised')
}

export async function listCareSignals(
  ctx: ServiceContext,
  input: MethodParsed<'careSignals.list'>,
): Promise<CareSignal[]> {
  await checkOwner(ctx.db, input, false)
  const rows = await careSignalRows(ctx.db, input)
  // Always logged, also when there is none: that someone looked is itself worth knowing.
  await audit(ctx.db, ctx, {
    action: 'view',
    entityType: 'careSignal',
    subject: subjectOf(input),
    detail: `${rows.length}`,
  })
  return rows
}

function orderedParties(parties: readonly string[]): string {
  return CARE_SIGNAL_PARTIES.filter((p) => parties.includes(p)).join(',')
}

export async function saveCareSignal(
  ctx: ServiceContext,
  input: MethodParsed<'careSignals.save'>,
): Promise<CareSignal> {
  const iso = ctx.clock.now().toISOString()
  const values = {
    signalledOn: input.signalledOn,
    kind: input.kind,
    discussedWith: orderedParties(input.discussedWith),
    discussedOther: input.discussedWith.includes('other') ? input.discussedOther : null,
    note: input.note,
  }
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (input.signalledOn > ctx.clock.today())
      throw validationError([{ path: 'signalledOn', key: 'futureDate' }])
    await checkOwner(trx, input, true)
    if (input.id === null) {
      const row = await trx
        .insertInto('careSignal')
        .values({
          householdId: input.householdId,
          personId: input.personId,
          ...values,
          byAccountId: ctx.session.userId,
          createdAt: iso,
          updatedAt: iso,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await audit(trx, ctx, {
        action: 'create',
        entityType: 'careSignal',
        entityId: row.id,
        subject: subjectOf(input),
        fields: (Object.keys(values) as (keyof typeof values)[]).filter(
          (k) => values[k] !== null && values[k] !== '',
        ),
      })
      return row.id
    }
    const before = await trx
      .selectFrom('careSignal')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirst()
    // A signal stays with the household or person it was recorded on.
    if (!before || before.householdId !== input.householdId || before.personId !== input.personId)
      throw notFound('careSignal')
    const fields = (Object.keys(values) as (keyof typeof values)[]).filter(
      (k) => values[k] !== before[k],
    )
    if (fields.length) {
      await trx
        .updateTable('careSignal')
        .set({ ...values, updatedAt: iso })
        .where('id', '=', input.id)
        .execute()
      await audit(trx, ctx, {
        action: 'update',
        entityType: 'careSignal',
        entityId: input.id,
        subject: subjectOf(input),
        fields,
      })
    }
    return input.id
  })
  const [signal] = await careSignalRows(ctx.db, { id })
  return signal
}

/** Removes a signal recorded by mistake (on the wrong household, say); logged. */
export async function removeCareSignal(
  ctx: ServiceContext,
  input: MethodParsed<'careSignals.remove'>,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('careSignal')
      .select(['householdId', 'personId'])
      .where('id', '=', input.id)
      .executeTakeFirst()
    if (!row) throw notFound('careSignal')
    await checkOwner(trx, row, true)
    await trx.deleteFrom('careSignal').where('id', '=', input.id).execute()
    await audit(trx, ctx, {
      action: 'delete',
      entityType: 'careSignal',
      entityId: input.id,
      subject: subjectOf(row),
    })
  })
}
