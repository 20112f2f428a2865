import { rmSync } from 'node:fs'
import type { MethodParsed } from '../../../shared/api'
import type { DownloadTicket } from '../../../shared/schemas/subjects'
import type { ServiceContext } from '../../context'
import type { DownloadIssuer } from '../../downloads/tickets'
import type { Vault } from '../../vault/vault'
import { defineTask } from '../../workers/task'
import { getOrganisation } from '../accounts/organisation'
import { writeQuickGuide, type QuickGuideInput } from './quick-guide'

/** The guide is laid out in a worker thread, as the other PDFs: pdfmake would hold up main. */
export const quickGuideTask = defineTask<QuickGuideInput & { path: string }, number>(
  'help.quickGuide',
  (input) => writeQuickGuide(input),
)

export interface QuickGuideContext extends ServiceContext {
  downloads: DownloadIssuer
  vault: Pick<Vault, 'workers'>
}

const FILE_NAMES = {
  coordinator: 'snelstartgids-coordinatoren',
  counter: 'snelstartgids-balie',
} as const

/**
 * A printable quick guide on the organisation's letterhead. It holds no one's data, so every role
 * may print either guide and nothing is logged, as for a blank page.
 */
export async function quickGuide(
  ctx: QuickGuideContext,
  input: MethodParsed<'help.quickGuide'>,
): Promise<DownloadTicket> {
  const organisation = await getOrganisation(ctx.db)
  const path = ctx.downloads.tempPath('pdf')
  try {
    const sizeBytes = await ctx.vault.workers.run(
      quickGuideTask,
      { guide: input.guide, organisation, printedAt: ctx.clock.now().toISOString(), path },
      {
        jobLabelKey: 'jobs.labels.quickGuide',
        owner: { sessionId: ctx.session.sessionId ?? null, accountId: ctx.session.userId },
      },
    )
    return ctx.downloads.issue({
      path,
      filename: `${FILE_NAMES[input.guide]}.pdf`,
      mime: 'application/pdf',
      sizeBytes,
      temp: true,
    })
  } catch (err) {
    rmSync(path, { force: true })
    throw err
  }
}
