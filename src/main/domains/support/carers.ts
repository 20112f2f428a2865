import { sql } from 'kysely'
import type { MethodParsed } from '../../../shared/api'
import { conflict, notFound, validationError, type FieldError } from '../../../shared/errors'
import type { Carer, CarerList, CarerSupportKind } from '../../../shared/schemas/support'
import type { Db, ServiceContext } from '../../context'
import { audit, auditMany } from '../audit/audit'
import { readCarerRows } from './queries'

/*
 * Informal carers (mantelzorgers): a person of the register with a carer record, their load over
 * time (1 light .. 5 overloaded; the first is the one at registration) and the support given.
 */

const subject = (id: number) => ({ kind: 'person', id })

async function readCarer(db: Db, personId: number): Promise<Carer | null> {
  const { carer, loads, support } = await readCarerRows(db, personId)
  if (!carer) return null
  return {
    ...carer,
    consent: carer.consent === 1,
    loads,
    support: support.map((s) => ({ ...s, kind: s.kind as CarerSupportKind })),
  }
}

export async function getCarer(
  ctx: ServiceContext,
  input: MethodParsed<'carers.get'>,
): Promise<Carer | null> {
  const person = await ctx.db
    .selectFrom('person')
    .select('id')
    .where('id', '=', input.personId)
    .executeTakeFirst()
  if (!person) throw notFound('person')
  const carer = await readCarer(ctx.db, input.personId)
  if (carer)
    await audit(ctx.db, ctx, {
      action: 'view',
      entityType: 'informalCarer',
      entityId: input.personId,
      subject: subject(input.personId),
    })
  return carer
}

/** A person who can be changed: there, and not anonymised. */
async function writable(db: Db, personId: number): Promise<void> {
  const p = await db
    .selectFrom('person')
    .select(['id', 'anonymisedAt'])
    .where('id', '=', personId)
    .executeTakeFirst()
  if (!p) throw notFound('person')
  if (p.anonymisedAt) throw conflict('personAnonymised')
}

/** Registers a person as informal carer (with their load at registration), or changes the record. */
export async function saveCarer(
  ctx: ServiceContext,
  input: MethodParsed<'carers.save'>,
): Promise<Carer> {
  const iso = ctx.clock.now().toISOString()
  const today = ctx.clock.today()
  await ctx.db.transaction().execute(async (trx) => {
    await writable(trx, input.personId)
    const errors: FieldError[] = []
    for (const f of ['registeredOn', 'endedOn', 'caringSince'] as const)
      if (input[f] !== null && input[f]! > today) errors.push({ path: f, key: 'futureDate' })
    const before = await trx
      .selectFrom('informalCarer')
      .selectAll()
      .where('personId', '=', input.personId)
      .executeTakeFirst()
    if (!before && input.load === null) errors.push({ path: 'load', key: 'required' })
    if (before) {
      const first = await trx
        .selectFrom('carerLoad')
        .select((eb) => eb.fn.min('measuredOn').as('d'))
        .where('personId', '=', input.personId)
        .executeTakeFirstOrThrow()
      if (first.d && first.d < input.registeredOn)
        errors.push({ path: 'registeredOn', key: 'periodOrder' })
    }
    if (errors.length) throw validationError(errors)
    const values = {
      caresFor: input.caresFor,
      caringSince: input.caringSince,
      registeredOn: input.registeredOn,
      endedOn: input.endedOn,
      consent: input.consent ? 1 : 0,
      // The day consent was given is kept while it stands; withdrawn, it goes.
      consentOn: input.consent ? (before?.consent === 1 ? before.consentOn : today) : null,
    }
    if (!before) {
      await trx
        .insertInto('informalCarer')
        .values({ personId: input.personId, ...values, createdAt: iso, updatedAt: iso })
        .execute()
      await trx
        .insertInto('carerLoad')
        .values({
          personId: input.personId,
          measuredOn: input.registeredOn,
          load: input.load!,
          createdAt: iso,
          createdBy: ctx.session.userId,
        })
        .execute()
      await audit(trx, ctx, {
        action: 'create',
        entityType: 'informalCarer',
        entityId: input.personId,
        subject: subject(input.personId),
        fields: [
          'caresFor',
          'registeredOn',
          'consent',
          'load',
          ...(input.caringSince ? ['caringSince'] : []),
          ...(input.endedOn ? ['endedOn'] : []),
        ],
      })
      return
    }
    const fields = (Object.keys(values) as (keyof typeof values)[]).filter(
      (k) => values[k] !== before[k],
    )
    if (!fields.length) return
    await trx
      .updateTable('informalCarer')
      .set({ ...values, updatedAt: iso })
      .where('personId', '=', input.personId)
      .execute()
    await audit(trx, ctx, {
      action: 'update',
      entityType: 'informalCarer',
      entityId: input.personId,
      subject: subject(input.personId),
      fields,
    })
  })
  return (await readCarer(ctx.db, input.personId))!
}

async function registeredCarer(db: Db, personId: number): Promise<{ registeredOn: string }> {
  await writable(db, personId)
  const c = await db
    .selectFrom('informalCarer')
    .select('registeredOn')
    .where('personId', '=', personId)
    .executeTakeFirst()
  if (!c) throw notFound('informalCarer')
  return c
}

/** A new load on a day (one per day; not before the registration, not in the future). */
export async function addLoad(
  ctx: ServiceContext,
  input: MethodParsed<'carers.addLoad'>,
): Promise<Carer> {
  await ctx.db.transaction().execute(async (trx) => {
    const c = await registeredCarer(trx, input.personId)
    if (input.measuredOn > ctx.clock.today())
      throw validationError([{ path: 'measuredOn', key: 'futureDate' }])
    if (input.measuredOn < c.registeredOn)
      throw validationError([{ path: 'measuredOn', key: 'periodOrder' }])
    const taken = await trx
      .selectFrom('carerLoad')
      .select('id')
      .where('personId', '=', input.personId)
      .where('measuredOn', '=', input.measuredOn)
      .executeTakeFirst()
    if (taken) throw validationError([{ path: 'measuredOn', key: 'loadTaken' }])
    const row = await trx
      .insertInto('carerLoad')
      .values({
        personId: input.personId,
        measuredOn: input.measuredOn,
        load: input.load,
        createdAt: ctx.clock.now().toISOString(),
        createdBy: ctx.session.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, ctx, {
      action: 'create',
      entityType: 'carerLoad',
      entityId: row.id,
      subject: subject(input.personId),
      fields: ['measuredOn', 'load'],
    })
  })
  return (await readCarer(ctx.db, input.personId))!
}

export async function addSupport(
  ctx: ServiceContext,
  input: MethodParsed<'carers.addSupport'>,
): Promise<Carer> {
  await ctx.db.transaction().execute(async (trx) => {
    const c = await registeredCarer(trx, input.personId)
    if (input.givenOn > ctx.clock.today())
      throw validationError([{ path: 'givenOn', key: 'futureDate' }])
    if (input.givenOn < c.registeredOn)
      throw validationError([{ path: 'givenOn', key: 'periodOrder' }])
    const row = await trx
      .insertInto('carerSupport')
      .values({
        personId: input.personId,
        kind: input.kind,
        givenOn: input.givenOn,
        note: input.note,
        createdAt: ctx.clock.now().toISOString(),
        createdBy: ctx.session.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, ctx, {
      action: 'create',
      entityType: 'carerSupport',
      entityId: row.id,
      subject: subject(input.personId),
      fields: ['kind', 'givenOn', ...(input.note ? ['note'] : [])],
    })
  })
  return (await readCarer(ctx.db, input.personId))!
}

/** The carers, newest registration first, with their first and latest load. */
export async function listCarers(
  ctx: ServiceContext,
  input: MethodParsed<'carers.list'>,
): Promise<CarerList> {
  const on = input.activeOn
  const base = ctx.db
    .selectFrom('informalCarer as c')
    .innerJoin('person as p', 'p.id', 'c.personId')
    .$if(on !== null, (q) =>
      q
        .where('c.registeredOn', '<=', on!)
        .where((eb) => eb.or([eb('c.endedOn', 'is', null), eb('c.endedOn', '>=', on!)])),
    )
  const [rows, total] = await Promise.all([
    base
      .select([
        'c.personId',
        'p.reference',
        sql<string>`trim(coalesce(p.first_name, '') || ' ' || coalesce(p.last_name, ''))`.as(
          'name',
        ),
        'p.district',
        'c.caresFor',
        'c.registeredOn',
        'c.endedOn',
        sql<number | null>`(select l.load from carer_load l where l.person_id = c.person_id
          order by l.measured_on, l.id limit 1)`.as('firstLoad'),
        sql<number | null>`(select l.load from carer_load l where l.person_id = c.person_id
          order by l.measured_on desc, l.id desc limit 1)`.as('latestLoad'),
        sql<number>`(select count(*) from help_request r where r.person_id = c.person_id
          and r.status = 'open')`.as('openRequests'),
      ])
      .orderBy('c.registeredOn', 'desc')
      .orderBy('c.personId', 'desc')
      .limit(input.limit)
      .offset(input.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  await auditMany(
    ctx.db,
    ctx,
    rows.length
      ? rows.map((r) => ({
          action: 'view' as const,
          entityType: 'informalCarer',
          entityId: r.personId,
          subject: subject(r.personId),
        }))
      : [{ action: 'view', entityType: 'informalCarer', detail: 'lijst' }],
  )
  return {
    rows: rows.map((r) => ({ ...r, openRequests: Number(r.openRequests) })),
    total: Number(total.n),
  }
}
