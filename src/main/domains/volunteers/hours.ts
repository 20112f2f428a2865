import type { MethodParsed } from '../../../shared/api'
import { validationError, type FieldError } from '../../../shared/errors'
import { toDutchDate } from '../../../shared/dates'
import type {
  HoursLogged,
  HoursMonth,
  PersonHours,
} from '../../../shared/schemas/volunteers-followup'
import type { ServiceContext } from '../../context'
import { audit } from '../audit/audit'
import { firstDayOf, lastDayOf, monthOf, personOrThrow } from './followup-queries'
import { hoursGridPage } from './list-queries'

/** Hours before the app kept records are a typo (1026 for 2026). */
const FIRST_MONTH = '2000-01'

/**
 * Logs hours: one person's month, or the whole month grid at once. Every entry is checked
 * before anything is written (each problem at its own row), then all are written in one
 * transaction, each changed row with its audit entry under the person. Hours null removes a
 * row; the same hours again change nothing and log nothing.
 */
export async function logHours(
  ctx: ServiceContext,
  input: MethodParsed<'hours.log'>,
): Promise<HoursLogged> {
  const thisMonth = monthOf(ctx.clock.today())
  return ctx.db.transaction().execute(async (trx) => {
    const personIds = [...new Set(input.entries.map((e) => e.personId))]
    const placementIds = [
      ...new Set(input.entries.flatMap((e) => (e.placementId === null ? [] : [e.placementId]))),
    ]
    const people = new Map(
      (
        await trx
          .selectFrom('person')
          .select(['id', 'registeredOn', 'anonymisedAt'])
          .where('id', 'in', personIds)
          .execute()
      ).map((p) => [p.id, p]),
    )
    const placements = new Map(
      placementIds.length
        ? (
            await trx
              .selectFrom('placement')
              .select(['id', 'personId', 'step', 'trialOn', 'placedOn', 'endedOn'])
              .where('id', 'in', placementIds)
              .execute()
          ).map((p) => [p.id, p])
        : [],
    )
    const problems: FieldError[] = []
    input.entries.forEach((e, i) => {
      const at = (field: string): string => `entries.${i}.${field}`
      const person = people.get(e.personId)
      if (!person) return problems.push({ path: at('personId'), key: 'unknownOption' })
      if (person.anonymisedAt)
        return problems.push({ path: at('personId'), key: 'personAnonymised' })
      if (e.month > thisMonth) return problems.push({ path: at('month'), key: 'futureMonth' })
      if (e.month < FIRST_MONTH || e.month < monthOf(person.registeredOn))
        return problems.push({
          path: at('month'),
          key: 'beforeRegistration',
          params: { date: toDutchDate(person.registeredOn) },
        })
      if (e.placementId === null) return
      const pl = placements.get(e.placementId)
      if (!pl || pl.personId !== e.personId)
        return problems.push({ path: at('placementId'), key: 'unknownOption' })
      const start = pl.trialOn ?? pl.placedOn
      const runs =
        start !== null &&
        ['trial', 'placed', 'ended'].includes(pl.step) &&
        start <= lastDayOf(e.month) &&
        (pl.endedOn === null || pl.endedOn >= firstDayOf(e.month))
      // Hours are logged only while a real (hand-entered) value is possible; removing is always fine.
      if (!runs && e.hours !== null)
        problems.push({ path: at('month'), key: 'monthOutsidePlacement' })
    })
    if (problems.length) throw validationError(problems)

    let saved = 0
    let removed = 0
    const now = ctx.clock.now().toISOString()
    for (const e of input.entries) {
      const existing = await trx
        .selectFrom('volunteerHours')
        .select(['id', 'hours'])
        .where('personId', '=', e.personId)
        .where('month', '=', e.month)
        .$if(e.placementId === null, (q) => q.where('placementId', 'is', null))
        .$if(e.placementId !== null, (q) => q.where('placementId', '=', e.placementId))
        .executeTakeFirst()
      const subject = { kind: 'person', id: e.personId }
      if (e.hours === null) {
        if (!existing) continue
        await trx.deleteFrom('volunteerHours').where('id', '=', existing.id).execute()
        await audit(trx, ctx, {
          action: 'delete',
          entityType: 'volunteerHours',
          entityId: existing.id,
          subject,
          fields: ['hours'],
          detail: e.month,
        })
        removed++
      } else if (existing) {
        if (Number(existing.hours) === e.hours) continue
        await trx
          .updateTable('volunteerHours')
          .set({ hours: e.hours, updatedAt: now })
          .where('id', '=', existing.id)
          .execute()
        await audit(trx, ctx, {
          action: 'update',
          entityType: 'volunteerHours',
          entityId: existing.id,
          subject,
          fields: ['hours'],
          detail: e.month,
        })
        saved++
      } else {
        const { id } = await trx
          .insertInto('volunteerHours')
          .values({
            personId: e.personId,
            placementId: e.placementId,
            month: e.month,
            hours: e.hours,
            createdAt: now,
            updatedAt: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        await audit(trx, ctx, {
          action: 'create',
          entityType: 'volunteerHours',
          entityId: id,
          subject,
          fields: ['month', 'hours', ...(e.placementId === null ? [] : ['placementId'])],
          detail: e.month,
        })
        saved++
      }
    }
    return { saved, removed }
  })
}

/**
 * The month grid: every placement that runs in the month (see `placementRunsIn`) with the hours
 * logged for it, plus hours logged that month without a placement (or for a placement whose
 * dates were changed since). Ordered by name (the folded name, as people are searched), paged in
 * SQL: at ten years of data a month has over a thousand rows, and building, sorting and sending
 * all of them held main for well over 100 ms to show one screenful. Optionally one district,
 * words to find (person, reference, vacancy, host) and only the rows without hours; the month's
 * total, missing and row count stay those of the whole month (in the district).
 */
export async function hoursMonth(
  ctx: ServiceContext,
  input: MethodParsed<'hours.month'>,
): Promise<HoursMonth> {
  const { month } = input
  const found = { rows: await hoursGridPage(ctx.db, input, input.offset, input.limit) }
  await audit(ctx.db, ctx, {
    action: 'view',
    entityType: 'volunteerHours',
    entityId: month,
  })
  const s = found.rows[0]
  return {
    month,
    past: month < monthOf(ctx.clock.today()),
    rows: found.rows.flatMap((r) =>
      r.personId === null
        ? []
        : [
            {
              personId: r.personId,
              reference: r.reference,
              name: r.name,
              district: r.district ?? null,
              placementId: r.placementId ?? null,
              vacancyTitle: r.vacancyTitle ?? null,
              hostName: r.hostName ?? null,
              step: r.step ?? null,
              hours: r.hours === null || r.hours === undefined ? null : Number(r.hours),
            },
          ],
    ),
    count: Number(s?.count ?? 0),
    offset: input.offset,
    rowsInMonth: Number(s?.rowsInMonth ?? 0),
    total: Number(s?.total ?? 0),
    missing: Number(s?.missing ?? 0),
  }
}

/** One person's hours per month, newest first, with the placement's vacancy. */
export async function personHours(
  ctx: ServiceContext,
  input: MethodParsed<'hours.forPerson'>,
): Promise<PersonHours> {
  await personOrThrow(ctx.db, input.personId)
  const rows = await ctx.db
    .selectFrom('volunteerHours as h')
    .leftJoin('placement as pl', 'pl.id', 'h.placementId')
    .leftJoin('vacancy as v', 'v.id', 'pl.vacancyId')
    .select(['h.month', 'h.placementId', 'v.title as vacancyTitle', 'h.hours'])
    .where('h.personId', '=', input.personId)
    .orderBy('h.month', 'desc')
    .orderBy('h.id')
    .execute()
  await audit(ctx.db, ctx, {
    action: 'view',
    entityType: 'volunteerHours',
    entityId: input.personId,
    subject: { kind: 'person', id: input.personId },
  })
  const months = rows.map((r) => ({
    month: r.month,
    placementId: r.placementId ?? null,
    vacancyTitle: r.vacancyTitle ?? null,
    hours: Number(r.hours),
  }))
  return {
    personId: input.personId,
    months,
    total: months.reduce((n, r) => n + r.hours, 0),
  }
}
