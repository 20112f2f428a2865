import { readFileSync } from 'node:fs'
import type { DownloadTicket } from '../../src/shared/schemas/subjects'
import type { Caller } from '../../src/main/domains/accounts/auth'
import type { TestApp } from './db'

/** The file behind a download ticket, taken through the router as the screen's save would. */
export async function downloaded(
  app: TestApp,
  ticket: Pick<DownloadTicket, 'ticket'>,
  caller: Caller = app.admin,
): Promise<Buffer> {
  const file = await app.router.takeDownload(caller, ticket.ticket)
  if (!file) throw new Error('download ticket refused')
  try {
    return readFileSync(file.path)
  } finally {
    file.release()
  }
}
