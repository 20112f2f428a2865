import { rmSync } from 'node:fs'
import type { MethodParsed } from '../../../shared/api'
import { conflict, notFound } from '../../../shared/errors'
import type {
  ComplaintLetter,
  ComplaintLetterResult,
  LetterKind,
} from '../../../shared/schemas/complaint-letters'
import type { DownloadTicket } from '../../../shared/schemas/subjects'
import type { Organisation } from '../../../shared/schemas/accounts'
import type { ServiceContext, Db } from '../../context'
import type { DownloadIssuer } from '../../downloads/tickets'
import type { Vault } from '../../vault/vault'
import { labelsT } from '../../i18n'
import { toDutchDate } from '../../../shared/dates'
import { audit } from '../audit/audit'
import { getOrganisation } from '../accounts/organisation'
import type { LetterCopy } from './letter-pdf'
import { complaintLetterTask } from './letter-task'
import { letterCopies, originalDecisionDue, type ComplaintForLetter } from './letter-values'
import { currentTemplate, templateById } from './templates'
import { refuseIfAbout, sessionDisplayName } from './guards'
import { getComplaintSettings } from './queries'
import { refreshSummary } from './summary'

/** Letters are written in a worker and handed to the screen as a download ticket. */
export interface LetterContext extends ServiceContext {
  downloads: DownloadIssuer
  vault: Pick<Vault, 'workers'>
}

const FILE_PREFIX: Record<LetterKind, string> = {
  acknowledgement: 'ontvangstbevestiging',
  extension: 'verlenging',
  decision: 'beslissing',
}

type LetterComplaint = ComplaintForLetter & {
  decisionWeeks: number
  anonymisedAt: string | null
  closedOn: string | null
}

async function complaintForLetter(db: Db, id: number): Promise<LetterComplaint> {
  const c = await db
    .selectFrom('complaint')
    .select([
      'id',
      'number',
      'receivedOn',
      'complainantKind',
      'complainantName',
      'complainantContact',
      'householdId',
      'personId',
      'aboutKind',
      'aboutAccountId',
      'aboutText',
      'description',
      'wish',
      'handlerId',
      'step',
      'ackDueOn',
      'decisionDueOn',
      'decisionWeeks',
      'extensionWeeks',
      'decidedOn',
      'outcome',
      'anonymisedAt',
      'closedOn',
    ])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!c) throw notFound('complaint')
  return c
}

/** Why a letter of this kind cannot be made yet, as an error key; null when it can. */
function notYet(c: LetterComplaint, kind: LetterKind): string | null {
  if (c.anonymisedAt) return 'complaintAnonymised'
  if (c.closedOn) return 'complaintClosed'
  if (kind === 'extension' && c.extensionWeeks <= 0) return 'letterNoExtension'
  if (kind === 'decision' && (!c.outcome || !c.decidedOn)) return 'letterNoDecision'
  return null
}

async function renderToTicket(
  ctx: LetterContext,
  input: {
    organisation: Organisation
    subject: string
    body: string
    copies: LetterCopy[]
    filename: string
  },
): Promise<DownloadTicket & { path: string }> {
  const organisation = input.organisation
  const path = ctx.downloads.tempPath('pdf')
  try {
    const sizeBytes = await ctx.vault.workers.run(
      complaintLetterTask,
      {
        organisation,
        subject: input.subject,
        body: input.body,
        copies: input.copies,
        printedAt: ctx.clock.now().toISOString(),
        path,
      },
      {
        jobLabelKey: 'jobs.labels.complaintLetter',
        owner: { sessionId: ctx.session.sessionId ?? null, accountId: ctx.session.userId },
      },
    )
    const ticket = ctx.downloads.issue({
      path,
      filename: input.filename,
      mime: 'application/pdf',
      sizeBytes,
      temp: true,
    })
    return { ...ticket, path }
  } catch (err) {
    rmSync(path, { force: true })
    throw err
  }
}

/**
 * What a letter keeps of what it was filled in with: the copies with their values, and the
 * organisation's name and address as the letterhead printed them (its logo is not copied into
 * every letter; a reprint uses the logo of today).
 */
interface StoredLetter {
  organisation: Omit<Organisation, 'logo'>
  copies: LetterCopy[]
}

function readStored(json: string | null): StoredLetter | null {
  return json ? (JSON.parse(json) as StoredLetter) : null
}

type LetterRow = {
  id: number
  complaintId: number
  kind: LetterKind
  version: number
  letterDate: string
  entryId: number | null
  createdAt: string
  createdByName: string
  valuesJson: string | null
}

function toLetter(r: LetterRow): ComplaintLetter {
  const copies = readStored(r.valuesJson)?.copies ?? []
  return {
    id: r.id,
    complaintId: r.complaintId,
    kind: r.kind,
    templateVersion: r.version,
    letterDate: r.letterDate,
    entryId: r.entryId,
    createdAt: r.createdAt,
    createdBy: r.createdByName,
    recipients: copies.map((c) => c.values.ontvanger),
  }
}

function letterRows(db: Db) {
  return db
    .selectFrom('complaintLetter as l')
    .innerJoin('complaintLetterTemplate as t', 't.id', 'l.templateId')
    .select([
      'l.id',
      'l.complaintId',
      'l.kind',
      't.version',
      'l.letterDate',
      'l.entryId',
      'l.createdAt',
      'l.createdByName',
      'l.valuesJson',
    ])
}

/**
 * A letter for a complaint from the current template of its kind, filled in with the complaint's
 * fields today, laid out in a worker. Once the file is there, one transaction records it: the
 * letter (with the template version and the values used, so it can be printed again exactly),
 * a timeline entry "letter", and the audit entry. An extension letter needs a recorded
 * extension, a decision letter a decision; an anonymous complaint gets letters only to the
 * person complained about, and a letter with nobody to send it to is refused.
 */
export async function makeLetter(
  ctx: LetterContext,
  input: MethodParsed<'complaints.letter'>,
): Promise<ComplaintLetterResult> {
  const c = await complaintForLetter(ctx.db, input.complaintId)
  refuseIfAbout(c, ctx)
  const why = notYet(c, input.kind)
  if (why === 'complaintClosed') throw conflict(why, { date: toDutchDate(c.closedOn) })
  if (why) throw conflict(why)
  const settings = await getComplaintSettings(ctx.db)
  const today = ctx.clock.today()
  const authorName = await sessionDisplayName(ctx.db, ctx)
  const template = await currentTemplate(ctx.db, input.kind)
  const organisation = await getOrganisation(ctx.db)
  const copies = await letterCopies(
    ctx.db,
    c,
    input.kind,
    {
      organisation,
      deciderTitle: settings.deciderTitle,
      today,
      authorName,
    },
    originalDecisionDue(c),
  )
  if (!copies.length) throw conflict('letterNoRecipient')
  const file = await renderToTicket(ctx, {
    organisation,
    subject: template.subject,
    body: template.body,
    copies,
    filename: `${FILE_PREFIX[input.kind]}-${c.number}-${today}.pdf`,
  })
  const t = labelsT('nl')
  try {
    const letterId = await ctx.db.transaction().execute(async (trx) => {
      const at = ctx.clock.now()
      const now = at.toISOString()
      const { id: entryId } = await trx
        .insertInto('complaintEntry')
        .values({
          complaintId: c.id,
          kind: 'letter',
          date: today,
          authorId: ctx.session.userId,
          authorName,
          // The letter's kind: an acknowledgement letter counts as the acknowledgement.
          party: input.kind,
          // What was sent, from which version, to whom (by role, not by name).
          text: t('pdf.complaintLetter.entryText', {
            kind: t(`pdf.complaintLetter.kinds.${input.kind}`),
            version: template.version,
            count: copies.length,
          }),
          createdAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await refreshSummary(trx, c.id, at)
      await audit(trx, ctx, {
        action: 'create',
        entityType: 'complaintEntry',
        entityId: entryId,
        subject: { kind: 'complaint', id: c.id },
        fields: ['kind', 'date', 'party', 'text'],
      })
      const { id } = await trx
        .insertInto('complaintLetter')
        .values({
          complaintId: c.id,
          kind: input.kind,
          templateId: template.id,
          letterDate: today,
          entryId,
          valuesJson: JSON.stringify({
            organisation: {
              name: organisation.name,
              address: organisation.address,
              postcode: organisation.postcode,
              city: organisation.city,
            },
            copies,
          } satisfies StoredLetter),
          createdAt: now,
          createdByAccountId: ctx.session.userId,
          createdByName: authorName,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await audit(trx, ctx, {
        action: 'print',
        entityType: 'complaintLetter',
        entityId: id,
        subject: { kind: 'complaint', id: c.id },
        detail: `${input.kind} v${template.version}`,
      })
      return id
    })
    const row = await letterRows(ctx.db).where('l.id', '=', letterId).executeTakeFirstOrThrow()
    const { path: _path, ...ticket } = file
    void _path
    return { letter: toLetter(row), file: ticket }
  } catch (err) {
    rmSync(file.path, { force: true })
    throw err
  }
}

/** The letters made for a complaint, newest first. */
export async function listLetters(
  ctx: ServiceContext,
  input: MethodParsed<'complaints.letters'>,
): Promise<ComplaintLetter[]> {
  const exists = await ctx.db
    .selectFrom('complaint')
    .select('id')
    .where('id', '=', input.complaintId)
    .executeTakeFirst()
  if (!exists) throw notFound('complaint')
  const rows = await letterRows(ctx.db)
    .where('l.complaintId', '=', input.complaintId)
    .orderBy('l.id', 'desc')
    .execute()
  return rows.map(toLetter)
}

/**
 * A letter made before, made again: the template version it used and the values it was filled
 * in with then, dated as it was. Nothing is added to the timeline (nothing was sent); printing
 * it is logged. After the complaint was anonymised the values are gone; the letter is then made
 * from what the complaint still holds, so no removed name comes back.
 */
export async function reprintLetter(
  ctx: LetterContext,
  input: MethodParsed<'complaints.reprintLetter'>,
): Promise<DownloadTicket> {
  const row = await letterRows(ctx.db).where('l.id', '=', input.letterId).executeTakeFirst()
  if (!row) throw notFound('complaintLetter')
  const tpl = await ctx.db
    .selectFrom('complaintLetter')
    .select('templateId')
    .where('id', '=', row.id)
    .executeTakeFirstOrThrow()
  const template = await templateById(ctx.db, tpl.templateId)
  const c = await complaintForLetter(ctx.db, row.complaintId)
  const current = await getOrganisation(ctx.db)
  const stored = readStored(row.valuesJson)
  const organisation: Organisation = stored
    ? { ...stored.organisation, logo: current.logo }
    : current
  let copies: LetterCopy[]
  if (stored) copies = stored.copies
  else {
    const settings = await getComplaintSettings(ctx.db)
    copies = await letterCopies(
      ctx.db,
      c,
      row.kind,
      {
        organisation,
        deciderTitle: settings.deciderTitle,
        today: row.letterDate,
        authorName: row.createdByName,
      },
      originalDecisionDue(c),
    )
  }
  if (!copies.length) throw conflict('letterNoRecipient')
  const file = await renderToTicket(ctx, {
    organisation,
    subject: template.subject,
    body: template.body,
    copies,
    filename: `${FILE_PREFIX[row.kind]}-${c.number}-${row.letterDate}-kopie.pdf`,
  })
  try {
    await audit(ctx.db, ctx, {
      action: 'print',
      entityType: 'complaintLetter',
      entityId: row.id,
      subject: { kind: 'complaint', id: c.id },
      detail: `${row.kind} v${row.version}`,
    })
  } catch (err) {
    rmSync(file.path, { force: true })
    throw err
  }
  const { path: _path, ...ticket } = file
  void _path
  return ticket
}

/**
 * Anonymising a complaint clears the names and addresses its letters were filled in with; the
 * letters themselves (kind, date, template version) stay, like the timeline. Call inside the
 * anonymisation's transaction.
 */
export async function anonymiseLetters(db: Db, complaintId: number): Promise<void> {
  await db
    .updateTable('complaintLetter')
    .set({ valuesJson: null })
    .where('complaintId', '=', complaintId)
    .execute()
}
