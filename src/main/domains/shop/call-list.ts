import type { MethodParsed } from '../../../shared/api'
import { conflict, notFound, validationError } from '../../../shared/errors'
import { toDutchDate } from '../../../shared/dates'
import type { CallListEntry } from '../../../shared/schemas/household'
import type { ServiceContext } from '../../context'
import { toCsv } from '../../db/text'
import { audit } from '../audit/audit'
import { sameDistrict } from './queries'

/**
 * Eligible, active households not seen since a date (no visit and no appointment marked came)
 * and without an appointment coming. A family marked "came" was seen, even before its visit is
 * saved at the counter. The two appointment questions are asked apart, not as one with an "or",
 * so each is one seek in the index on (household_id, status, date).
 */
function callListQuery(ctx: ServiceContext, input: MethodParsed<'households.callList'>) {
  const today = ctx.clock.today()
  // The last visit is kept per household (migration 0008): grouping every visit ever made, once
  // for the list and once for its count, made the dashboard slower each year.
  return ctx.db
    .selectFrom('household as h')
    .leftJoin('householdVisitSpan as lv', 'lv.householdId', 'h.id')
    .select([
      'h.id',
      'h.reference',
      'h.contactName',
      'h.phone',
      'h.email',
      'h.district',
      'lv.lastVisitOn',
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
    .where((eb) =>
      eb.or([eb('lv.lastVisitOn', 'is', null), eb('lv.lastVisitOn', '<', input.notSeenSince)]),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('appointment')
            .select('appointment.id')
            .whereRef('appointment.householdId', '=', 'h.id')
            .where('appointment.status', '=', 'planned')
            .where('appointment.date', '>=', today),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('appointment')
            .select('appointment.id')
            .whereRef('appointment.householdId', '=', 'h.id')
            .where('appointment.status', '=', 'came')
            .where('appointment.date', '>=', input.notSeenSince),
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
  const q = callListQuery(ctx, input).orderBy('lv.lastVisitOn').orderBy('h.contactName')
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
