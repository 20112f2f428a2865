import type { MethodParsed } from '../../../shared/api'
import { notFound, validationError, type FieldError } from '../../../shared/errors'
import type {
  PersonTraining,
  TrainingCourse,
  TrainingParticipant,
  TrainingSession,
  TrainingSessionSummary,
  TrainingStaff,
} from '../../../shared/schemas/trainings'
import type { Db, ServiceContext } from '../../context'
import { audit, auditMany, changedFields, filledFields, type AuditEvent } from '../audit/audit'
import { personTrainingRows } from './queries'

/** A period's sessions are tens; more than this is never one screen. */
const LIST_LIMIT = 2000

function meanOf(marks: readonly number[]): number | null {
  if (!marks.length) return null
  return Math.round((marks.reduce((a, b) => a + b, 0) / marks.length) * 10) / 10
}

/** Every course, active ones first, with the number of sessions held. */
export async function listCourses(ctx: ServiceContext): Promise<TrainingCourse[]> {
  const rows = await ctx.db
    .selectFrom('trainingCourse as c')
    .select((eb) => [
      'c.id',
      'c.title',
      'c.level',
      'c.givenBy',
      'c.active',
      eb
        .selectFrom('trainingSession as s')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('s.courseId', '=', 'c.id')
        .as('sessions'),
    ])
    .orderBy('c.active', 'desc')
    .orderBy('c.title')
    .execute()
  return rows.map((r) => ({ ...r, active: r.active === 1, sessions: Number(r.sessions ?? 0) }))
}

/** Creates a course, or changes one (its sessions keep their course). */
export async function saveCourse(
  ctx: ServiceContext,
  input: MethodParsed<'trainings.saveCourse'>,
): Promise<TrainingCourse> {
  const { id, ...fields } = input
  const values = { ...fields, active: fields.active ? 1 : 0 }
  const iso = ctx.clock.now().toISOString()
  return ctx.db.transaction().execute(async (trx) => {
    if (id === null) {
      const row = await trx
        .insertInto('trainingCourse')
        .values({ ...values, createdAt: iso, updatedAt: iso })
        .returning('id')
        .executeTakeFirstOrThrow()
      await audit(trx, ctx, {
        action: 'create',
        entityType: 'trainingCourse',
        entityId: row.id,
        fields: filledFields(fields),
      })
      return { id: row.id, ...fields, sessions: 0 }
    }
    const before = await trx
      .selectFrom('trainingCourse')
      .select(['title', 'level', 'givenBy', 'active'])
      .where('id', '=', id)
      .executeTakeFirst()
    if (!before) throw notFound('trainingCourse')
    const changed = changedFields({ ...before, active: before.active === 1 }, fields)
    if (changed.length) {
      await trx
        .updateTable('trainingCourse')
        .set({ ...values, updatedAt: iso })
        .where('id', '=', id)
        .execute()
      await audit(trx, ctx, {
        action: 'update',
        entityType: 'trainingCourse',
        entityId: id,
        fields: changed,
      })
    }
    const sessions = await trx
      .selectFrom('trainingSession')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('courseId', '=', id)
      .executeTakeFirstOrThrow()
    return { id, ...fields, sessions: Number(sessions.n) }
  })
}

/** Named participants and marks per session, for summaries of many sessions at once. */
async function sessionCounts(
  db: Db,
  ids: readonly number[],
): Promise<Map<number, { named: number; marks: number[] }>> {
  const out = new Map<number, { named: number; marks: number[] }>()
  for (const id of ids) out.set(id, { named: 0, marks: [] })
  if (!ids.length) return out
  const named = await db
    .selectFrom('trainingParticipant')
    .select(['sessionId', 'mark'])
    .where('sessionId', 'in', ids)
    .execute()
  for (const r of named) {
    const c = out.get(r.sessionId)!
    c.named += 1
    if (r.mark !== null) c.marks.push(r.mark)
  }
  const external = await db
    .selectFrom('trainingExternalMark')
    .select(['sessionId', 'mark'])
    .where('sessionId', 'in', ids)
    .execute()
  for (const r of external) out.get(r.sessionId)!.marks.push(r.mark)
  return out
}

/** Sessions with their course's title: what a list row and a whole session both show. */
function sessionsWithCourse(db: Db) {
  return db
    .selectFrom('trainingSession as s')
    .innerJoin('trainingCourse as c', 'c.id', 's.courseId')
    .select([
      's.id',
      's.courseId',
      'c.title as courseTitle',
      's.date',
      's.place',
      's.externalCount',
    ])
}

/** The sessions of a period (optionally of one course), newest first, without names. */
export async function listSessions(
  ctx: ServiceContext,
  input: MethodParsed<'trainings.sessions'>,
): Promise<TrainingSessionSummary[]> {
  const rows = await sessionsWithCourse(ctx.db)
    .where('s.date', '>=', input.from)
    .where('s.date', '<=', input.to)
    .$if(input.courseId !== null, (q) => q.where('s.courseId', '=', input.courseId!))
    .orderBy('s.date', 'desc')
    .orderBy('s.id', 'desc')
    .limit(LIST_LIMIT)
    .execute()
  const counts = await sessionCounts(
    ctx.db,
    rows.map((r) => r.id),
  )
  return rows.map((r) => {
    const c = counts.get(r.id)!
    return { ...r, participants: c.named + r.externalCount, meanMark: meanOf(c.marks) }
  })
}

/** One session with everyone named on it. */
async function readSession(db: Db, id: number): Promise<TrainingSession | null> {
  const s = await sessionsWithCourse(db).where('s.id', '=', id).executeTakeFirst()
  if (!s) return null
  const named = await db
    .selectFrom('trainingParticipant as p')
    .leftJoin('account as a', 'a.id', 'p.accountId')
    .leftJoin('person as q', 'q.id', 'p.personId')
    .select([
      'p.accountId',
      'p.personId',
      'p.completed',
      'p.mark',
      'a.displayName',
      'q.firstName',
      'q.lastName',
    ])
    .where('p.sessionId', '=', id)
    .orderBy('p.id')
    .execute()
  const externalMarks = (
    await db
      .selectFrom('trainingExternalMark')
      .select('mark')
      .where('sessionId', '=', id)
      .orderBy('id')
      .execute()
  ).map((r) => r.mark)
  const people: TrainingParticipant[] = named.map((p) => ({
    kind: p.personId !== null ? 'person' : 'account',
    id: (p.personId ?? p.accountId)!,
    name:
      p.personId !== null
        ? `${p.firstName ?? ''} ${p.lastName ?? ''}`.trim()
        : (p.displayName ?? ''),
    completed: p.completed === 1,
    mark: p.mark,
  }))
  const marks = [...people.flatMap((p) => (p.mark === null ? [] : [p.mark])), ...externalMarks]
  return {
    ...s,
    participants: people.length + s.externalCount,
    meanMark: meanOf(marks),
    externalMarks,
    named: people,
  }
}

/** The people a session names, as the log's subjects. */
function subjectsOf(session: Pick<TrainingSession, 'named'>): number[] {
  return session.named.filter((p) => p.kind === 'person').map((p) => p.id)
}

/** One session with its participants; a view of each person named on it is logged. */
export async function getSession(
  ctx: ServiceContext,
  input: MethodParsed<'trainings.session'>,
): Promise<TrainingSession> {
  const session = await readSession(ctx.db, input.id)
  if (!session) throw notFound('trainingSession')
  const people = subjectsOf(session)
  await auditMany(
    ctx.db,
    ctx,
    people.length
      ? people.map((id) => ({
          action: 'view' as const,
          entityType: 'trainingSession',
          entityId: input.id,
          subject: { kind: 'person', id },
        }))
      : [{ action: 'view', entityType: 'trainingSession', entityId: input.id }],
  )
  return session
}

/**
 * Checks what a session names: its course (an inactive one only for a session it already had),
 * and every account and person (a person anonymised since cannot be added anew). Field errors
 * name the row, so the screen marks it.
 */
async function checkNames(
  db: Db,
  input: MethodParsed<'trainings.saveSession'>,
  before: TrainingSession | null,
): Promise<void> {
  const errors: FieldError[] = []
  const course = await db
    .selectFrom('trainingCourse')
    .select('active')
    .where('id', '=', input.courseId)
    .executeTakeFirst()
  if (!course || (course.active !== 1 && before?.courseId !== input.courseId))
    errors.push({ path: 'courseId', key: 'unknownOption' })
  const ids = (kind: 'account' | 'person') =>
    input.participants.filter((p) => p.kind === kind).map((p) => p.id)
  const wasOn = new Set((before?.named ?? []).map((p) => `${p.kind}:${p.id}`))
  const accounts = new Set(
    ids('account').length
      ? (
          await db.selectFrom('account').select('id').where('id', 'in', ids('account')).execute()
        ).map((r) => r.id)
      : [],
  )
  const people = new Set(
    ids('person').length
      ? (
          await db
            .selectFrom('person')
            .select('id')
            .where('id', 'in', ids('person'))
            .where('anonymisedAt', 'is', null)
            .execute()
        ).map((r) => r.id)
      : [],
  )
  input.participants.forEach((p, i) => {
    const known = p.kind === 'account' ? accounts.has(p.id) : people.has(p.id)
    if (!known && !wasOn.has(`${p.kind}:${p.id}`))
      errors.push({ path: `participants.${i}.id`, key: 'unknownOption' })
  })
  if (errors.length) throw validationError(errors)
}

/**
 * Creates or changes a session with everyone on it, in one transaction: the named participants
 * and the external marks are replaced by those given. Logged once for the session and once for
 * each person added, changed or taken off (their subject access export lists it).
 */
export async function saveSession(
  ctx: ServiceContext,
  input: MethodParsed<'trainings.saveSession'>,
): Promise<TrainingSession> {
  const iso = ctx.clock.now().toISOString()
  return ctx.db.transaction().execute(async (trx) => {
    const before = input.id === null ? null : await readSession(trx, input.id)
    if (input.id !== null && !before) throw notFound('trainingSession')
    await checkNames(trx, input, before)
    const fields = {
      courseId: input.courseId,
      date: input.date,
      place: input.place,
      externalCount: input.externalCount,
    }
    let id = input.id
    if (id === null) {
      const row = await trx
        .insertInto('trainingSession')
        .values({ ...fields, createdAt: iso, createdBy: ctx.session.userId, updatedAt: iso })
        .returning('id')
        .executeTakeFirstOrThrow()
      id = row.id
    } else {
      await trx
        .updateTable('trainingSession')
        .set({ ...fields, updatedAt: iso })
        .where('id', '=', id)
        .execute()
      await trx.deleteFrom('trainingParticipant').where('sessionId', '=', id).execute()
      await trx.deleteFrom('trainingExternalMark').where('sessionId', '=', id).execute()
    }
    const sessionId = id
    if (input.participants.length)
      await trx
        .insertInto('trainingParticipant')
        .values(
          input.participants.map((p) => ({
            sessionId,
            accountId: p.kind === 'account' ? p.id : null,
            personId: p.kind === 'person' ? p.id : null,
            completed: p.completed ? 1 : 0,
            mark: p.mark,
          })),
        )
        .execute()
    if (input.externalMarks.length)
      await trx
        .insertInto('trainingExternalMark')
        .values(input.externalMarks.map((mark) => ({ sessionId, mark })))
        .execute()

    const events: AuditEvent[] = []
    const sessionFields =
      before === null
        ? filledFields({ ...fields, externalMarks: input.externalMarks.length || null })
        : changedFields(
            {
              courseId: before.courseId,
              date: before.date,
              place: before.place,
              externalCount: before.externalCount,
              externalMarks: before.externalMarks.join(','),
              participants: before.named
                .map((p) => `${p.kind}:${p.id}:${p.completed}:${p.mark}`)
                .join(','),
            },
            {
              ...fields,
              externalMarks: input.externalMarks.join(','),
              participants: input.participants
                .map((p) => `${p.kind}:${p.id}:${p.completed}:${p.mark}`)
                .join(','),
            },
          )
    if (before === null || sessionFields.length)
      events.push({
        action: before === null ? 'create' : 'update',
        entityType: 'trainingSession',
        entityId: sessionId,
        fields: sessionFields,
      })
    // Each person whose place on the session came, went or changed.
    const old = new Map(
      (before?.named ?? [])
        .filter((p) => p.kind === 'person')
        .map((p) => [p.id, `${p.completed}:${p.mark}`]),
    )
    const now = new Map(
      input.participants
        .filter((p) => p.kind === 'person')
        .map((p) => [p.id, `${p.completed}:${p.mark}`]),
    )
    for (const [person, state] of now)
      if (old.get(person) !== state)
        events.push({
          action: old.has(person) ? 'update' : 'create',
          entityType: 'trainingSession',
          entityId: sessionId,
          subject: { kind: 'person', id: person },
          fields: old.has(person) ? ['completed', 'mark'] : ['participant'],
        })
    for (const person of old.keys())
      if (!now.has(person))
        events.push({
          action: 'delete',
          entityType: 'trainingSession',
          entityId: sessionId,
          subject: { kind: 'person', id: person },
          fields: ['participant'],
        })
    await auditMany(trx, ctx, events)
    return (await readSession(trx, sessionId))!
  })
}

/** Removes a session and everyone's place on it (logged per person named on it). */
export async function removeSession(
  ctx: ServiceContext,
  input: MethodParsed<'trainings.removeSession'>,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await readSession(trx, input.id)
    if (!before) throw notFound('trainingSession')
    await trx.deleteFrom('trainingSession').where('id', '=', input.id).execute()
    await auditMany(trx, ctx, [
      { action: 'delete', entityType: 'trainingSession', entityId: input.id },
      ...subjectsOf(before).map((id) => ({
        action: 'delete' as const,
        entityType: 'trainingSession',
        entityId: input.id,
        subject: { kind: 'person', id },
        fields: ['participant'],
      })),
    ])
  })
}

/** A person's trainings for their page (completed ones feed a help request's filter). */
export async function personTrainings(
  ctx: ServiceContext,
  input: MethodParsed<'trainings.forPerson'>,
): Promise<PersonTraining[]> {
  const person = await ctx.db
    .selectFrom('person')
    .select('id')
    .where('id', '=', input.personId)
    .executeTakeFirst()
  if (!person) throw notFound('person')
  const rows = await personTrainingRows(ctx.db, input.personId)
  await audit(ctx.db, ctx, {
    action: 'view',
    entityType: 'trainingSession',
    subject: { kind: 'person', id: input.personId },
    fields: ['trainings'],
  })
  return rows.map((r) => ({ ...r, completed: r.completed === 1 }))
}

/** The active accounts by name, to put staff on a session (their names only). */
export async function listStaff(ctx: ServiceContext): Promise<TrainingStaff[]> {
  return ctx.db
    .selectFrom('account')
    .select(['id', 'displayName'])
    .where('active', '=', 1)
    .orderBy('displayName')
    .execute()
}
