import type { MethodParsed } from '../../../shared/api'
import { notFound, validationError, type FieldError } from '../../../shared/errors'
import type { Story } from '../../../shared/schemas/outcomes'
import type { ServiceContext } from '../../context'
import { audit } from '../audit/audit'
import { asStory, storyRows } from './queries'

/*
 * Stories beside the report's figures ("tellen en vertellen"): a resident's or volunteer's story
 * under a first name or pseudonym, with the day they agreed to its publication. The report of the
 * period it was told in prints it in its section. Consent withdrawn: remove it (a report already
 * sent and frozen keeps what it held).
 */

export async function listStories(
  ctx: ServiceContext,
  input: MethodParsed<'stories.list'>,
): Promise<Story[]> {
  const rows = await storyRows(ctx.db)
    .where('toldOn', '>=', input.from)
    .where('toldOn', '<=', input.to)
    .orderBy('toldOn', 'desc')
    .orderBy('id', 'desc')
    .execute()
  return rows.map(asStory)
}

export async function saveStory(
  ctx: ServiceContext,
  input: MethodParsed<'stories.save'>,
): Promise<Story> {
  const iso = ctx.clock.now().toISOString()
  const today = ctx.clock.today()
  const values = {
    section: input.section,
    about: input.about,
    name: input.name,
    title: input.title,
    text: input.text,
    toldOn: input.toldOn,
    consentOn: input.consentOn,
    area: input.area,
  }
  const id = await ctx.db.transaction().execute(async (trx) => {
    const errors: FieldError[] = []
    for (const f of ['toldOn', 'consentOn'] as const)
      if (input[f] > today) errors.push({ path: f, key: 'futureDate' })
    if (errors.length) throw validationError(errors)
    if (input.id === null) {
      const row = await trx
        .insertInto('story')
        .values({ ...values, createdAt: iso, createdBy: ctx.session.userId, updatedAt: iso })
        .returning('id')
        .executeTakeFirstOrThrow()
      await audit(trx, ctx, {
        action: 'create',
        entityType: 'story',
        entityId: row.id,
        fields: (Object.keys(values) as (keyof typeof values)[]).filter((k) => values[k] !== null),
      })
      return row.id
    }
    const before = await trx
      .selectFrom('story')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirst()
    if (!before) throw notFound('story')
    const fields = (Object.keys(values) as (keyof typeof values)[]).filter(
      (k) => values[k] !== before[k],
    )
    if (fields.length) {
      await trx
        .updateTable('story')
        .set({ ...values, updatedAt: iso })
        .where('id', '=', input.id)
        .execute()
      await audit(trx, ctx, { action: 'update', entityType: 'story', entityId: input.id, fields })
    }
    return input.id
  })
  return asStory(await storyRows(ctx.db).where('id', '=', id).executeTakeFirstOrThrow())
}

export async function removeStory(
  ctx: ServiceContext,
  input: MethodParsed<'stories.remove'>,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const n = await trx.deleteFrom('story').where('id', '=', input.id).executeTakeFirst()
    if (!n.numDeletedRows) throw notFound('story')
    await audit(trx, ctx, { action: 'delete', entityType: 'story', entityId: input.id })
  })
}
