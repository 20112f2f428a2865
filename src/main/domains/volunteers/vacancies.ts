import { sql } from 'kysely'
import type { MethodParsed } from '../../../shared/api'
import { notFound, validationError, type FieldError } from '../../../shared/errors'
import type { NamedRef } from '../../../shared/schemas/common'
import type {
  Demand,
  OptionKind,
  Vacancy,
  VacancyList,
  VacancyListItem,
} from '../../../shared/schemas/volunteers'
import type { Db, ServiceContext } from '../../context'
import { searchKey } from '../../db/text'
import { audit, changedFields, filledFields } from '../audit/audit'
import { checkOptionIds, sortSlots } from './people-queries'

type CreateInput = MethodParsed<'vacancies.create'>
type UpdateInput = MethodParsed<'vacancies.update'>

const takingSteps = sql.join(['introduction', 'trial', 'placed'].map((s) => sql.lit(s)))

function stored(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8').normalize('NFC')
}

function listQuery(db: Db) {
  return db
    .selectFrom('vacancy as v')
    .innerJoin('partner as o', 'o.id', 'v.partnerId')
    .select([
      'v.id',
      'v.partnerId',
      'o.name as partnerName',
      'v.title',
      'v.place',
      'v.district',
      'v.places',
      'v.active',
      sql<number>`(select count(*) from placement pl
        where pl.vacancy_id = v.id and pl.step in (${takingSteps}))`.as('taken'),
    ])
}

type ListRow = Omit<VacancyListItem, 'active' | 'taken'> & { active: number; taken: number }

function toListItem(r: ListRow): VacancyListItem {
  return { ...r, active: r.active === 1, taken: Number(r.taken) }
}

/** Vacancies by host and title; narrowed by host, place (folded) and a search in title/tasks. */
export async function listVacancies(
  ctx: ServiceContext,
  input: MethodParsed<'vacancies.list'>,
): Promise<VacancyList> {
  let q = listQuery(ctx.db)
  if (!input.includeInactive) q = q.where('v.active', '=', 1)
  if (input.partnerId !== null) q = q.where('v.partnerId', '=', input.partnerId)
  if (input.place) q = q.where(sql`lower(v.place)`, '=', input.place.toLowerCase())
  if (input.query) {
    const words = searchKey(input.query).split(' ').filter(Boolean)
    for (const w of words) {
      const like = `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
      q = q.where((eb) =>
        eb.or([
          eb(sql`v.search_title`, 'like', sql`${like} escape '\\'`),
          eb(sql`o.search_name`, 'like', sql`${like} escape '\\'`),
        ]),
      )
    }
  }
  const [rows, counted] = await Promise.all([
    q
      .orderBy('o.searchName')
      .orderBy('v.searchTitle')
      .orderBy('v.id')
      .limit(input.limit)
      .offset(input.offset)
      .execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { rows: rows.map(toListItem), total: Number(counted.n) }
}

export async function readVacancy(db: Db, id: number): Promise<Vacancy | null> {
  const v = await listQuery(db)
    .select(['v.tasks', 'v.notes', 'v.createdAt', 'v.updatedAt'])
    .where('v.id', '=', id)
    .executeTakeFirst()
  if (!v) return null
  const [options, demands, slots] = await Promise.all([
    db
      .selectFrom('vacancyOption')
      .innerJoin('volOption', 'volOption.id', 'vacancyOption.optionId')
      .select(['volOption.id', 'volOption.kind', 'volOption.name'])
      .where('vacancyOption.vacancyId', '=', id)
      .orderBy('volOption.sort')
      .orderBy('volOption.searchName')
      .execute(),
    db.selectFrom('vacancyDemand').select('demand').where('vacancyId', '=', id).execute(),
    db.selectFrom('vacancySlot').select(['weekday', 'part']).where('vacancyId', '=', id).execute(),
  ])
  const of = (kind: OptionKind): NamedRef[] =>
    options.filter((o) => o.kind === kind).map((o) => ({ id: o.id, name: o.name }))
  return {
    ...toListItem(v),
    tasks: v.tasks,
    notes: v.notes,
    skills: of('skill'),
    learningGoals: of('learning_goal'),
    interests: of('interest'),
    demands: demands.map((d) => d.demand as Demand).sort(),
    availability: sortSlots(slots),
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
  }
}

export async function getVacancy(ctx: ServiceContext, input: { id: number }): Promise<Vacancy> {
  const v = await readVacancy(ctx.db, input.id)
  if (!v) throw notFound('vacancy')
  return v
}

/** The host must be a host organisation (an inactive one only where it already was). */
async function checkVacancy(
  db: Db,
  input: CreateInput,
  keep: { partnerId: number | null; options: Set<number> },
): Promise<void> {
  const errors: FieldError[] = []
  const host = await db
    .selectFrom('partner')
    .select(['isHost', 'active'])
    .where('id', '=', input.partnerId)
    .executeTakeFirst()
  if (!host || host.isHost !== 1 || (host.active !== 1 && keep.partnerId !== input.partnerId))
    errors.push({ path: 'partnerId', key: 'notAHost' })
  errors.push(
    ...(await checkOptionIds(db, 'skill', input.skillIds, 'skillIds', keep.options)),
    ...(await checkOptionIds(
      db,
      'learning_goal',
      input.learningGoalIds,
      'learningGoalIds',
      keep.options,
    )),
    ...(await checkOptionIds(db, 'interest', input.interestIds, 'interestIds', keep.options)),
  )
  if (errors.length) throw validationError(errors)
}

async function writeParts(trx: Db, vacancyId: number, input: CreateInput): Promise<void> {
  await trx.deleteFrom('vacancyOption').where('vacancyId', '=', vacancyId).execute()
  await trx.deleteFrom('vacancyDemand').where('vacancyId', '=', vacancyId).execute()
  await trx.deleteFrom('vacancySlot').where('vacancyId', '=', vacancyId).execute()
  const optionIds = [...input.skillIds, ...input.learningGoalIds, ...input.interestIds]
  if (optionIds.length)
    await trx
      .insertInto('vacancyOption')
      .values(optionIds.map((optionId) => ({ vacancyId, optionId })))
      .execute()
  if (input.demands.length)
    await trx
      .insertInto('vacancyDemand')
      .values(input.demands.map((demand) => ({ vacancyId, demand })))
      .execute()
  if (input.availability.length)
    await trx
      .insertInto('vacancySlot')
      .values(input.availability.map((s) => ({ vacancyId, weekday: s.weekday, part: s.part })))
      .execute()
}

function rowValues(input: CreateInput) {
  const title = stored(input.title)
  return {
    partnerId: input.partnerId,
    title,
    searchTitle: searchKey(title),
    tasks: input.tasks,
    place: input.place,
    district: input.district,
    places: input.places,
    notes: input.notes,
  }
}

export async function createVacancy(ctx: ServiceContext, input: CreateInput): Promise<Vacancy> {
  await checkVacancy(ctx.db, input, { partnerId: null, options: new Set() })
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now().toISOString()
    const { id } = await trx
      .insertInto('vacancy')
      .values({ ...rowValues(input), active: 1, createdAt: now, updatedAt: now })
      .returning('id')
      .executeTakeFirstOrThrow()
    await writeParts(trx, id, input)
    await audit(trx, ctx, {
      action: 'create',
      entityType: 'vacancy',
      entityId: id,
      fields: filledFields({ ...rowValues(input), searchTitle: null }).concat(
        filledFields({
          skills: input.skillIds,
          learningGoals: input.learningGoalIds,
          interests: input.interestIds,
          demands: input.demands,
          availability: input.availability,
        }),
      ),
    })
    return (await readVacancy(trx, id)) as Vacancy
  })
}

function snapshot(v: Vacancy): Record<string, unknown> {
  const ids = (l: NamedRef[]): number[] => l.map((o) => o.id).sort((a, b) => a - b)
  return {
    partnerId: v.partnerId,
    title: v.title,
    tasks: v.tasks,
    place: v.place,
    district: v.district,
    places: v.places,
    notes: v.notes,
    active: v.active,
    skills: ids(v.skills),
    learningGoals: ids(v.learningGoals),
    interests: ids(v.interests),
    demands: v.demands,
    availability: v.availability.map((s) => `${s.weekday}-${s.part}`),
  }
}

export async function updateVacancy(ctx: ServiceContext, input: UpdateInput): Promise<Vacancy> {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await readVacancy(trx, input.id)
    if (!current) throw notFound('vacancy')
    await checkVacancy(trx, input, {
      partnerId: current.partnerId,
      options: new Set(
        [...current.skills, ...current.learningGoals, ...current.interests].map((o) => o.id),
      ),
    })
    // Fewer places than people already hold one would leave someone without a place.
    if (input.places < current.taken)
      throw validationError([
        { path: 'places', key: 'placesBelowTaken', params: { taken: current.taken } },
      ])
    await trx
      .updateTable('vacancy')
      .set({
        ...rowValues(input),
        active: input.active ? 1 : 0,
        updatedAt: ctx.clock.now().toISOString(),
      })
      .where('id', '=', input.id)
      .execute()
    await writeParts(trx, input.id, input)
    const after = (await readVacancy(trx, input.id)) as Vacancy
    const fields = changedFields(snapshot(current), snapshot(after))
    if (fields.length)
      await audit(trx, ctx, { action: 'update', entityType: 'vacancy', entityId: input.id, fields })
    return after
  })
}
