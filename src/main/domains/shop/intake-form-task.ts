import { rmSync } from 'node:fs'
import type { DownloadTicket } from '../../../shared/schemas/subjects'
import type { ServiceContext } from '../../context'
import type { DownloadIssuer } from '../../downloads/tickets'
import type { Vault } from '../../vault/vault'
import { defineTask } from '../../workers/task'
import { audit } from '../audit/audit'
import { getOrganisation } from '../accounts/organisation'
import { writeIntakeForm, type IntakeFormInput } from './intake-form'

/**
 * The blank intake form laid out in a worker thread: pdfmake takes a few hundred milliseconds for
 * two pages with a letterhead, which on main's thread would hold up every window at the counter.
 */
export const intakeFormTask = defineTask<IntakeFormInput & { path: string }, number>(
  'intakes.blankForm',
  (input) => writeIntakeForm(input),
)

/** The blank form is written to a temp file and handed to the screen as a ticket. */
export interface IntakeFormContext extends ServiceContext {
  downloads: DownloadIssuer
  vault: Pick<Vault, 'workers'>
}

/**
 * The paper intake form a new family fills in at the counter, on the organisation's letterhead,
 * with the shop's own income sources and its active topics. It holds nobody's data, so every
 * role may print it; it is logged as `print` without a subject once the file is there.
 */
export async function blankIntakeForm(ctx: IntakeFormContext): Promise<DownloadTicket> {
  const organisation = await getOrganisation(ctx.db)
  const topics = await ctx.db
    .selectFrom('listItem')
    .select('name')
    .where('kind', '=', 'topic')
    .where('active', '=', 1)
    .orderBy('sort')
    .orderBy('name')
    .execute()
  const path = ctx.downloads.tempPath('pdf')
  try {
    const sizeBytes = await ctx.vault.workers.run(
      intakeFormTask,
      {
        organisation,
        topics: topics.map((r) => r.name),
        printedAt: ctx.clock.now().toISOString(),
        path,
      },
      {
        jobLabelKey: 'jobs.labels.intakeForm',
        owner: { sessionId: ctx.session.sessionId ?? null, accountId: ctx.session.userId },
      },
    )
    await audit(ctx.db, ctx, { action: 'print', entityType: 'intakeForm' })
    return ctx.downloads.issue({
      path,
      filename: `aanmeldformulier-${ctx.clock.today()}.pdf`,
      mime: 'application/pdf',
      sizeBytes,
      temp: true,
    })
  } catch (err) {
    rmSync(path, { force: true })
    throw err
  }
}
