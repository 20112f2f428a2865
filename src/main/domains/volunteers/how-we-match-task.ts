import { rmSync } from 'node:fs'
import type { DownloadTicket } from '../../../shared/schemas/subjects'
import type { ServiceContext } from '../../context'
import type { DownloadIssuer } from '../../downloads/tickets'
import type { Vault } from '../../vault/vault'
import { defineTask } from '../../workers/task'
import { audit } from '../audit/audit'
import { getOrganisation } from '../accounts/organisation'
import type { LabelLanguage } from '../../i18n'
import { writeHowWeMatch, type HowWeMatchInput } from './how-we-match'
import { getMatchWeights } from './matching-queries'

/** Laid out in a worker thread, as every PDF: pdfmake would hold main for a few hundred ms. */
export const howWeMatchTask = defineTask<HowWeMatchInput & { path: string }, number>(
  'matching.howWeMatch',
  (input) => writeHowWeMatch(input),
)

/** What the handlers of matching and placements get: the PDF needs the workers and tickets. */
export interface HowWeMatchContext extends ServiceContext {
  downloads: DownloadIssuer
  vault: Pick<Vault, 'workers'>
}

/**
 * `matching.howWeMatch`: the printable page with the filters, the parts and the current weights,
 * on the letterhead. It holds nobody's data; it is logged as `print` once the file is there.
 */
export async function howWeMatchPdf(
  ctx: HowWeMatchContext,
  input: { language: LabelLanguage } = { language: 'nl' },
): Promise<DownloadTicket> {
  const [organisation, weights] = await Promise.all([
    getOrganisation(ctx.db),
    getMatchWeights(ctx.db),
  ])
  const path = ctx.downloads.tempPath('pdf')
  try {
    const sizeBytes = await ctx.vault.workers.run(
      howWeMatchTask,
      {
        organisation,
        weights,
        printedAt: ctx.clock.now().toISOString(),
        language: input.language,
        path,
      },
      {
        jobLabelKey: 'jobs.labels.howWeMatch',
        owner: { sessionId: ctx.session.sessionId ?? null, accountId: ctx.session.userId },
      },
    )
    await audit(ctx.db, ctx, { action: 'print', entityType: 'howWeMatch' })
    return ctx.downloads.issue({
      path,
      filename: `${input.language === 'en' ? 'how-we-match' : 'hoe-wij-matchen'}-${ctx.clock.today()}.pdf`,
      mime: 'application/pdf',
      sizeBytes,
      temp: true,
    })
  } catch (err) {
    rmSync(path, { force: true })
    throw err
  }
}
