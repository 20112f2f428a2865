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

/** A download's file as text (a CSV, a JSON export). */
export async function downloadedText(
  app: TestApp,
  ticket: Pick<DownloadTicket, 'ticket'>,
  caller: Caller = app.admin,
): Promise<string> {
  return (await downloaded(app, ticket, caller)).toString('utf8')
}

/** A download's bytes as a picked file gives them to a restore: a plain Uint8Array. */
export async function downloadedBytes(
  app: TestApp,
  ticket: Pick<DownloadTicket, 'ticket'>,
  caller: Caller = app.admin,
): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await downloaded(app, ticket, caller))
}
