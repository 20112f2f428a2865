import { createReadStream, createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import type { ApiResult } from '../../shared/errors'
import type { Caller } from '../domains/accounts/auth'
import type { TakenDownload } from './tickets'

/** What the save needs of the router: the ticket's file, checked against the caller's session. */
export interface DownloadSource {
  takeDownload(caller: Caller, ticket: unknown): Promise<TakenDownload | null>
}

/**
 * Asks where to save a file (main's save dialog): the full path chosen, or null when cancelled.
 * `filename` is the suggested name; the dialog opens in the user's Downloads folder.
 */
export type AskSavePath = (filename: string) => Promise<string | null>

/**
 * Saves a download ticket's file where the user chooses: the ticket is taken first (one use; a
 * ticket of another session, a used, expired or guessed one is refused before any dialog), then
 * the file is copied as a stream, so a backup of hundreds of MB never sits in memory. The screen
 * sends only the ticket and never learns a path; the answer is in the API's result shape.
 */
export async function saveDownload(
  source: DownloadSource,
  caller: Caller,
  ticket: unknown,
  ask: AskSavePath,
): Promise<ApiResult<{ saved: boolean }>> {
  const file = await source.takeDownload(caller, ticket)
  if (!file) return { ok: false, error: { code: 'NOT_FOUND', key: 'downloadGone' } }
  try {
    const target = await ask(file.filename)
    if (!target) return { ok: true, value: { saved: false } }
    try {
      await pipeline(createReadStream(file.path), createWriteStream(target))
    } catch {
      // Half a file where the user expects a whole one would be worse than none.
      await rm(target, { force: true }).catch(() => undefined)
      return { ok: false, error: { code: 'CONFLICT', key: 'downloadNotSaved' } }
    }
    return { ok: true, value: { saved: true } }
  } finally {
    file.release()
  }
}
