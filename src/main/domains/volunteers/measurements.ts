import type { MethodParsed } from '../../../shared/api'
import { notFound, validationError, type FieldError } from '../../../shared/errors'
import { toDutchDate } from '../../../shared/dates'
import type { Measurement, MeasurementSettings } from '../../../shared/schemas/volunteers-followup'
import {
  domainsOf,
  isDomainOf,
  progressScores,
  type LadderStep,
  type MeasurementMoment,
  type ZrmDomain,
  type ZrmVersion,
} from '../../../shared/zrm'
import type { Db, ServiceContext } from '../../context'
import { audit, changedFields } from '../audit/audit'
import {
  getMeasurementSettings,
  MEASUREMENT_SETTINGS_KEY,
  personOrThrow,
  writablePerson,
} from './followup-queries'

/** The admin's choice of ZRM version and the ladder; audited as a settings change. */
export async function updateMeasurementSettings(
  ctx: ServiceContext,
  input: MethodParsed<'measurements.updateSettings'>,
): Promise<MeasurementSettings> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getMeasurementSettings(trx)
    const next: MeasurementSettings = {
      version: input.version ?? before.version,
      ladder: input.ladder ?? before.ladder,
    }
    const fields = changedFields(before, next)
    if (!fields.length) return next
    await trx
      .insertInto('setting')
      .values({ key: MEASUREMENT_SETTINGS_KEY, value: JSON.stringify(next) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(next) }))
      .execute()
    await audit(trx, ctx, {
      action: 'settings_change',
      entityType: 'settings',
      entityId: MEASUREMENT_SETTINGS_KEY,
      fields: fields.map((f) => (f === 'version' ? 'zrmVersion' : 'zrmLadder')),
    })
    return next
  })
}

/**
 * What a measurement's day and scores must be, recorded or corrected: not in the future, not
 * before the person's registration, and only domains of its ZRM version.
 */
function dayAndDomainProblems(
  input: { measuredOn: string; scores: readonly { domain: string }[] },
  version: ZrmVersion,
  registeredOn: string,
  today: string,
): FieldError[] {
  const problems: FieldError[] = []
  if (input.measuredOn > today) problems.push({ path: 'measuredOn', key: 'futureDate' })
  else if (input.measuredOn < registeredOn)
    problems.push({
      path: 'measuredOn',
      key: 'beforeRegistration',
      params: { date: toDutchDate(registeredOn) },
    })
  input.scores.forEach((s, i) => {
    if (!isDomainOf(version, s.domain))
      problems.push({ path: `scores.${i}.domain`, key: 'domainNotInVersion' })
  })
  return problems
}

/**
 * Records a ZRM measurement: dated (not in the future, not before the registration), by the
 * user, at a moment of the trajectory, in a version (the setting's unless given), with one score
 * per domain scored, and the ladder's step while the ladder is on.
 */
export async function recordMeasurement(
  ctx: ServiceContext,
  input: MethodParsed<'measurements.record'>,
): Promise<Measurement> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const person = await writablePerson(trx, input.personId)
    const settings = await getMeasurementSettings(trx)
    const version = input.version ?? settings.version
    const problems = dayAndDomainProblems(input, version, person.registeredOn, ctx.clock.today())
    if (input.ladder !== null && !settings.ladder)
      problems.push({ path: 'ladder', key: 'ladderOff' })
    if (problems.length) throw validationError(problems)
    const { id } = await trx
      .insertInto('measurement')
      .values({
        personId: input.personId,
        measuredOn: input.measuredOn,
        moment: input.moment,
        version,
        ladder: input.ladder,
        byAccountId: ctx.session.userId,
        createdAt: ctx.clock.now().toISOString(),
        progressScores: progressScores(version, input.scores),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('measurementScore')
      .values(input.scores.map((s) => ({ measurementId: id, domain: s.domain, score: s.score })))
      .execute()
    await audit(trx, ctx, {
      action: 'create',
      entityType: 'measurement',
      entityId: id,
      subject: { kind: 'person', id: input.personId },
      fields: [
        'measuredOn',
        'moment',
        'version',
        ...input.scores.map((s) => `score.${s.domain}`),
        ...(input.ladder === null ? [] : ['ladder']),
      ],
    })
    return id
  })
  const [m] = await readMeasurements(ctx.db, input.personId, id)
  return m
}

/** A measurement as stored, with the person it is about; NOT_FOUND when there is none. */
async function storedMeasurement(db: Db, id: number) {
  const m = await db
    .selectFrom('measurement')
    .select(['id', 'personId', 'measuredOn', 'moment', 'version', 'ladder'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!m) throw notFound('measurement')
  const scores = await db
    .selectFrom('measurementScore')
    .select(['domain', 'score'])
    .where('measurementId', '=', id)
    .execute()
  return { ...m, version: m.version as ZrmVersion, scores }
}

/**
 * Corrects a measurement entered wrongly: day, moment, scores and ladder step, under the same
 * rules as recording it, in the version it was scored in. Who measured stays; the log names who
 * corrected it and which fields (`score.<domain>` per score changed, added or removed). The scores
 * on the 11 domains kept for the figures (`progress_scores`) are written anew, so
 * `volunteers.stats` follows the correction. The same values again change and log nothing.
 */
export async function updateMeasurement(
  ctx: ServiceContext,
  input: MethodParsed<'measurements.update'>,
): Promise<Measurement> {
  const personId = await ctx.db.transaction().execute(async (trx) => {
    const current = await storedMeasurement(trx, input.id)
    const person = await writablePerson(trx, current.personId)
    const settings = await getMeasurementSettings(trx)
    const problems = dayAndDomainProblems(
      input,
      current.version,
      person.registeredOn,
      ctx.clock.today(),
    )
    // A step recorded while the ladder was on may stay; a new or other one needs the ladder on.
    if (input.ladder !== null && input.ladder !== current.ladder && !settings.ladder)
      problems.push({ path: 'ladder', key: 'ladderOff' })
    if (problems.length) throw validationError(problems)

    const before = new Map(current.scores.map((s) => [s.domain, Number(s.score)]))
    const after = new Map(input.scores.map((s) => [s.domain as string, s.score]))
    const scoreFields = [...new Set([...before.keys(), ...after.keys()])]
      .filter((d) => before.get(d) !== after.get(d))
      .sort(
        (a, b) =>
          domainsOf(current.version).indexOf(a as ZrmDomain) -
          domainsOf(current.version).indexOf(b as ZrmDomain),
      )
      .map((d) => `score.${d}`)
    const fields = [
      ...changedFields(
        { measuredOn: current.measuredOn, moment: current.moment },
        { measuredOn: input.measuredOn, moment: input.moment },
      ),
      ...scoreFields,
      ...((current.ladder ?? null) !== input.ladder ? ['ladder'] : []),
    ]
    if (!fields.length) return current.personId
    await trx
      .updateTable('measurement')
      .set({
        measuredOn: input.measuredOn,
        moment: input.moment,
        ladder: input.ladder,
        progressScores: progressScores(current.version, input.scores),
      })
      .where('id', '=', input.id)
      .execute()
    if (scoreFields.length) {
      await trx.deleteFrom('measurementScore').where('measurementId', '=', input.id).execute()
      await trx
        .insertInto('measurementScore')
        .values(
          input.scores.map((s) => ({ measurementId: input.id, domain: s.domain, score: s.score })),
        )
        .execute()
    }
    await audit(trx, ctx, {
      action: 'update',
      entityType: 'measurement',
      entityId: input.id,
      subject: { kind: 'person', id: current.personId },
      fields,
    })
    return current.personId
  })
  const [m] = await readMeasurements(ctx.db, personId, input.id)
  return m
}

/**
 * Removes a measurement entered by mistake, with its scores; the figures no longer count it. The
 * log keeps that it was there (which fields it held), never its values.
 */
export async function deleteMeasurement(
  ctx: ServiceContext,
  input: MethodParsed<'measurements.delete'>,
): Promise<{ id: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await storedMeasurement(trx, input.id)
    await writablePerson(trx, current.personId)
    // The score rows go with it (on delete cascade, migration 0014).
    await trx.deleteFrom('measurement').where('id', '=', input.id).execute()
    await audit(trx, ctx, {
      action: 'delete',
      entityType: 'measurement',
      entityId: input.id,
      subject: { kind: 'person', id: current.personId },
      fields: [
        'measuredOn',
        'moment',
        'version',
        ...domainsOf(current.version)
          .filter((d) => current.scores.some((s) => s.domain === d))
          .map((d) => `score.${d}`),
        ...(current.ladder === null ? [] : ['ladder']),
      ],
    })
    return { id: input.id }
  })
}

async function readMeasurements(db: Db, personId: number, onlyId?: number): Promise<Measurement[]> {
  const rows = await db
    .selectFrom('measurement as m')
    .leftJoin('account as a', 'a.id', 'm.byAccountId')
    .select([
      'm.id',
      'm.personId',
      'm.measuredOn',
      'm.moment',
      'm.version',
      'm.ladder',
      'm.byAccountId',
      'a.displayName as byName',
      'm.createdAt',
    ])
    .where('m.personId', '=', personId)
    .$if(onlyId !== undefined, (q) => q.where('m.id', '=', onlyId ?? 0))
    .orderBy('m.measuredOn')
    .orderBy('m.id')
    .execute()
  if (!rows.length) return []
  const scores = await db
    .selectFrom('measurementScore as s')
    .innerJoin('measurement as m', 'm.id', 's.measurementId')
    .select(['s.measurementId', 's.domain', 's.score'])
    .where('m.personId', '=', personId)
    .$if(onlyId !== undefined, (q) => q.where('m.id', '=', onlyId ?? 0))
    .execute()
  const byMeasurement = new Map<number, { domain: ZrmDomain; score: number }[]>()
  for (const s of scores) {
    const list = byMeasurement.get(s.measurementId) ?? []
    list.push({ domain: s.domain as ZrmDomain, score: Number(s.score) })
    byMeasurement.set(s.measurementId, list)
  }
  return rows.map((r) => ({
    id: r.id,
    personId: r.personId,
    measuredOn: r.measuredOn,
    moment: r.moment as MeasurementMoment,
    version: r.version as ZrmVersion,
    ladder: (r.ladder ?? null) as LadderStep | null,
    byAccountId: r.byAccountId ?? null,
    byName: r.byName ?? null,
    // In the matrix's own order, as the form and the chart list the domains.
    scores: (byMeasurement.get(r.id) ?? []).sort(
      (a, b) =>
        domainsOf(r.version as ZrmVersion).indexOf(a.domain) -
        domainsOf(r.version as ZrmVersion).indexOf(b.domain),
    ),
    createdAt: r.createdAt,
  }))
}

/** A person's measurements, oldest first (the page draws a line per domain); a view, audited. */
export async function listMeasurements(
  ctx: ServiceContext,
  input: MethodParsed<'measurements.list'>,
): Promise<Measurement[]> {
  await personOrThrow(ctx.db, input.personId)
  const list = await readMeasurements(ctx.db, input.personId)
  await audit(ctx.db, ctx, {
    action: 'view',
    entityType: 'measurement',
    subject: { kind: 'person', id: input.personId },
  })
  return list
}
