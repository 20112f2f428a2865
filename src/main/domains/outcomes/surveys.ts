import { randomInt } from 'node:crypto'
import type { MethodParsed } from '../../../shared/api'
import { conflict, notFound, validationError } from '../../../shared/errors'
import type {
  SurveyInvite,
  SurveyInviteList,
  SurveyQuestion,
} from '../../../shared/schemas/outcomes'
import type { Db, ServiceContext } from '../../context'
import { audit } from '../audit/audit'
import { inviteRows, readInvite } from './queries'

/*
 * The satisfaction questionnaire. An invitation records who was asked (a person at the end of
 * their trajectory, or the forms handed out after an activity or a service) and how many forms
 * were entered. The answers themselves are stored apart: a response row holds the occasion, the
 * district of the moment and the month, never the invitation, the person or the day, and its id is
 * drawn at random. Nothing logged names a response either, so no figure or log reveals who said
 * what.
 */

const personSubject = (id: number | null) => (id === null ? null : { kind: 'person', id })

export async function listQuestions(ctx: ServiceContext): Promise<SurveyQuestion[]> {
  const rows = await ctx.db
    .selectFrom('surveyQuestion')
    .select(['id', 'text', 'active'])
    .orderBy('sort')
    .orderBy('id')
    .execute()
  return rows.map((r) => ({ ...r, active: r.active === 1 }))
}

/** A new statement (last in the list) or a changed one; a text already used is refused. */
export async function saveQuestion(
  ctx: ServiceContext,
  input: MethodParsed<'surveys.saveQuestion'>,
): Promise<SurveyQuestion> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const same = await trx
      .selectFrom('surveyQuestion')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['text']), '=', input.text.toLowerCase()))
      .executeTakeFirst()
    if (same && same.id !== input.id) throw validationError([{ path: 'text', key: 'nameTaken' }])
    if (input.id === null) {
      const last = await trx
        .selectFrom('surveyQuestion')
        .select((eb) => eb.fn.max('sort').as('s'))
        .executeTakeFirstOrThrow()
      const row = await trx
        .insertInto('surveyQuestion')
        .values({ text: input.text, active: input.active ? 1 : 0, sort: (last.s ?? 0) + 1 })
        .returning('id')
        .executeTakeFirstOrThrow()
      await audit(trx, ctx, {
        action: 'create',
        entityType: 'surveyQuestion',
        entityId: row.id,
        fields: ['text', 'active'],
      })
      return row.id
    }
    const before = await trx
      .selectFrom('surveyQuestion')
      .select(['text', 'active'])
      .where('id', '=', input.id)
      .executeTakeFirst()
    if (!before) throw notFound('surveyQuestion')
    const fields = [
      ...(before.text !== input.text ? ['text'] : []),
      ...(before.active !== (input.active ? 1 : 0) ? ['active'] : []),
    ]
    if (fields.length) {
      await trx
        .updateTable('surveyQuestion')
        .set({ text: input.text, active: input.active ? 1 : 0 })
        .where('id', '=', input.id)
        .execute()
      await audit(trx, ctx, {
        action: 'update',
        entityType: 'surveyQuestion',
        entityId: input.id,
        fields,
      })
    }
    return input.id
  })
  const row = await ctx.db
    .selectFrom('surveyQuestion')
    .select(['id', 'text', 'active'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  return { ...row, active: row.active === 1 }
}

/** Offers the questionnaire: to a person at the end of their trajectory, or after an activity. */
export async function inviteSurvey(
  ctx: ServiceContext,
  input: MethodParsed<'surveys.invite'>,
): Promise<SurveyInvite> {
  const iso = ctx.clock.now().toISOString()
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (input.invitedOn > ctx.clock.today())
      throw validationError([{ path: 'invitedOn', key: 'futureDate' }])
    let district: string | null = null
    if (input.personId !== null) {
      const p = await trx
        .selectFrom('person')
        .select(['district', 'anonymisedAt'])
        .where('id', '=', input.personId)
        .executeTakeFirst()
      if (!p) throw notFound('person')
      if (p.anonymisedAt) throw conflict('personAnonymised')
      district = p.district
      // One open invitation at a time: a second would count the person twice among those asked.
      const open = await trx
        .selectFrom('surveyInvite')
        .select('id')
        .where('personId', '=', input.personId)
        .where('occasion', '=', 'trajectory')
        .whereRef('answered', '<', 'invited')
        .executeTakeFirst()
      if (input.occasion === 'trajectory' && open) throw conflict('surveyAlreadyOffered')
    }
    if (input.activityId !== null) {
      const a = await trx
        .selectFrom('activity')
        .select('area')
        .where('id', '=', input.activityId)
        .executeTakeFirst()
      if (!a) throw notFound('activity')
      district = a.area
    }
    const row = await trx
      .insertInto('surveyInvite')
      .values({
        occasion: input.occasion,
        personId: input.occasion === 'trajectory' ? input.personId : null,
        activityId: input.occasion === 'activity' ? input.activityId : null,
        about: input.occasion === 'service' ? input.about : null,
        district,
        invitedOn: input.invitedOn,
        invited: input.invited,
        createdAt: iso,
        createdBy: ctx.session.userId,
        updatedAt: iso,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, ctx, {
      action: 'create',
      entityType: 'surveyInvite',
      entityId: row.id,
      subject: personSubject(input.occasion === 'trajectory' ? input.personId : null),
      fields: ['occasion', 'invitedOn', 'invited'],
    })
    return row.id
  })
  return readInvite(ctx.db, id)
}

export async function listInvites(
  ctx: ServiceContext,
  input: MethodParsed<'surveys.invites'>,
): Promise<SurveyInviteList> {
  if (input.personId !== null) {
    const p = await ctx.db
      .selectFrom('person')
      .select('id')
      .where('id', '=', input.personId)
      .executeTakeFirst()
    if (!p) throw notFound('person')
  }
  const list = await inviteRows(ctx.db, input)
  // Each person whose invitation is shown is a subject whose record was seen.
  for (const r of list.rows)
    if (r.personId !== null)
      await audit(ctx.db, ctx, {
        action: 'view',
        entityType: 'surveyInvite',
        entityId: r.id,
        subject: personSubject(r.personId),
      })
  return list
}

/** A random id for a response, unused so far: the rows' order says nothing of when they came. */
async function freshResponseId(db: Db): Promise<number> {
  for (;;) {
    const id = randomInt(1, 2 ** 47)
    const used = await db
      .selectFrom('surveyResponse')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst()
    if (!used) return id
  }
}

/**
 * One filled-in questionnaire of an invitation. The invitation counts it; the answers go to a
 * response row of their own that does not point back. A statement set inactive or unknown is
 * refused at its field; an invitation with every form entered is refused as complete.
 */
export async function answerSurvey(
  ctx: ServiceContext,
  input: MethodParsed<'surveys.answer'>,
): Promise<SurveyInvite> {
  const iso = ctx.clock.now().toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    const invite = await trx
      .selectFrom('surveyInvite')
      .select(['id', 'occasion', 'personId', 'district', 'invitedOn', 'invited', 'answered'])
      .where('id', '=', input.inviteId)
      .executeTakeFirst()
    if (!invite) throw notFound('surveyInvite')
    if (input.answeredOn > ctx.clock.today())
      throw validationError([{ path: 'answeredOn', key: 'futureDate' }])
    if (input.answeredOn < invite.invitedOn)
      throw validationError([{ path: 'answeredOn', key: 'beforeInvited' }])
    if (invite.answered >= invite.invited) throw conflict('surveyComplete')
    const active = new Set(
      (await trx.selectFrom('surveyQuestion').select('id').where('active', '=', 1).execute()).map(
        (q) => q.id,
      ),
    )
    const errors = input.answers.flatMap((a, i) =>
      active.has(a.questionId) ? [] : [{ path: `answers.${i}.questionId`, key: 'invalidOption' }],
    )
    if (errors.length) throw validationError(errors)
    const id = await freshResponseId(trx)
    await trx
      .insertInto('surveyResponse')
      .values({
        id,
        occasion: invite.occasion,
        district: invite.district,
        month: input.answeredOn.slice(0, 7),
        mode: input.mode,
        mark: input.mark,
      })
      .execute()
    if (input.answers.length)
      await trx
        .insertInto('surveyAnswer')
        .values(
          input.answers.map((a) => ({ responseId: id, questionId: a.questionId, score: a.score })),
        )
        .execute()
    await trx
      .updateTable('surveyInvite')
      .set({ answered: invite.answered + 1, updatedAt: iso })
      .where('id', '=', invite.id)
      .execute()
    // The invitation is logged, never the response: the log must not lead to the answers either.
    await audit(trx, ctx, {
      action: 'update',
      entityType: 'surveyInvite',
      entityId: invite.id,
      subject: personSubject(invite.personId),
      fields: ['answered'],
    })
  })
  return readInvite(ctx.db, input.inviteId)
}

/**
 * Removes an invitation made by mistake, while none of its forms was entered (an entered form
 * cannot be taken back: nothing leads from the invitation to it).
 */
export async function removeInvite(
  ctx: ServiceContext,
  input: MethodParsed<'surveys.removeInvite'>,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const invite = await trx
      .selectFrom('surveyInvite')
      .select(['id', 'personId', 'answered'])
      .where('id', '=', input.id)
      .executeTakeFirst()
    if (!invite) throw notFound('surveyInvite')
    if (invite.answered > 0) throw conflict('surveyAnswered')
    await trx.deleteFrom('surveyInvite').where('id', '=', input.id).execute()
    await audit(trx, ctx, {
      action: 'delete',
      entityType: 'surveyInvite',
      entityId: input.id,
      subject: personSubject(invite.personId),
    })
  })
}
