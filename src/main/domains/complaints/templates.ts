import type { MethodParsed } from '../../../shared/api'
import { notFound, validationError, type FieldError } from '../../../shared/errors'
import {
  LETTER_KINDS,
  unknownPlaceholders,
  type LetterKind,
  type LetterTemplate,
  type LetterTemplateDetail,
} from '../../../shared/schemas/complaint-letters'
import type { ComplaintLetterTemplateTable } from '../../db/schema'
import type { Db, ServiceContext } from '../../context'
import type { Selectable } from 'kysely'
import { audit } from '../audit/audit'

type TemplateRow = Selectable<ComplaintLetterTemplateTable>

function toTemplate(r: TemplateRow): LetterTemplate {
  return {
    id: r.id,
    kind: r.kind,
    version: r.version,
    subject: r.subject,
    body: r.body,
    createdAt: r.createdAt,
    createdBy: r.createdByName,
  }
}

/** The version new letters of this kind use: the highest. */
export async function currentTemplate(db: Db, kind: LetterKind): Promise<LetterTemplate> {
  const row = await db
    .selectFrom('complaintLetterTemplate')
    .selectAll()
    .where('kind', '=', kind)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst()
  // Migration 0017 writes version 1 of every kind, and no version is ever deleted.
  if (!row) throw new Error(`No letter template of kind ${kind}`)
  return toTemplate(row)
}

export async function templateById(db: Db, id: number): Promise<LetterTemplate> {
  const row = await db
    .selectFrom('complaintLetterTemplate')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  return toTemplate(row)
}

/** The current version of each of the three letters, in the order of a complaint's life. */
export async function listTemplates(ctx: ServiceContext): Promise<LetterTemplate[]> {
  const out: LetterTemplate[] = []
  for (const kind of LETTER_KINDS) out.push(await currentTemplate(ctx.db, kind))
  return out
}

/** One version (the current one unless asked), with the list of all versions of its kind. */
export async function getTemplate(
  ctx: ServiceContext,
  input: MethodParsed<'complaints.template'>,
): Promise<LetterTemplateDetail> {
  const rows = await ctx.db
    .selectFrom('complaintLetterTemplate')
    .selectAll()
    .where('kind', '=', input.kind)
    .orderBy('version', 'desc')
    .execute()
  const wanted = input.version ?? rows[0]?.version
  const row = rows.find((r) => r.version === wanted)
  if (!row) throw notFound('letterTemplate')
  return {
    ...toTemplate(row),
    current: row.version === rows[0]?.version,
    versions: rows.map((r) => ({
      version: r.version,
      createdAt: r.createdAt,
      createdBy: r.createdByName,
    })),
  }
}

/**
 * Saves the text as the next version of its kind; the earlier versions stay as they were, so a
 * letter made from one of them can be made again. A placeholder the letters cannot fill in (a
 * typo like `{{klachnummer}}`) is refused at its field rather than printed as typed. Saving the
 * very text of the current version adds nothing.
 */
export async function saveTemplate(
  ctx: ServiceContext,
  input: MethodParsed<'complaints.saveTemplate'>,
): Promise<LetterTemplateDetail> {
  const problems: FieldError[] = []
  for (const field of ['subject', 'body'] as const) {
    const unknown = unknownPlaceholders(input[field])
    if (unknown.length)
      problems.push({
        path: field,
        key: 'unknownPlaceholder',
        params: { names: unknown.map((n) => `{{${n}}}`).join(', ') },
      })
  }
  if (problems.length) throw validationError(problems)
  await ctx.db.transaction().execute(async (trx) => {
    const current = await currentTemplate(trx, input.kind)
    if (current.subject === input.subject && current.body === input.body) return
    const version = current.version + 1
    const { id } = await trx
      .insertInto('complaintLetterTemplate')
      .values({
        kind: input.kind,
        version,
        subject: input.subject,
        body: input.body,
        createdAt: ctx.clock.now().toISOString(),
        createdByAccountId: ctx.session.userId,
        createdByName: ctx.session.userName,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, ctx, {
      action: 'create',
      entityType: 'letterTemplate',
      entityId: id,
      fields: [
        ...(current.subject !== input.subject ? ['subject'] : []),
        ...(current.body !== input.body ? ['body'] : []),
      ],
      detail: `${input.kind} v${version}`,
    })
  })
  return getTemplate(ctx, { kind: input.kind, version: null })
}
