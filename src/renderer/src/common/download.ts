import type { DownloadTicket, ExportFile } from '../../../shared/schemas/subjects'
import { AppError, isAppErrorData, type ApiResult } from '../../../shared/errors'

/** Follows a link as a download, the way a browser saves a link with `download`. */
function clickDownload(href: string, filename: string): void {
  const a = document.createElement('a')
  a.href = href
  a.download = filename
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
}

/** Offers a Blob as a file download. */
function saveBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  clickDownload(url, filename)
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** The bridge's path for a download ticket's file (see scripts/web-server.ts). */
const DOWNLOAD_PATH = 'api/download/'

/**
 * Saves a file main made (a backup, a PDF, an audit CSV) by its download ticket; its bytes never
 * come to the page. In the app main asks where with its save dialog and copies the file; in the
 * browser the bridge streams it as an ordinary download. Resolves false when the user cancelled
 * the dialog; rejects with an AppError when main no longer holds the file.
 */
export async function saveDownload(file: DownloadTicket): Promise<boolean> {
  if (window.api) {
    const result = (await window.api.save(file.ticket)) as ApiResult<{ saved: boolean }>
    if (result && result.ok === true) return result.value.saved
    const error = result && !result.ok && isAppErrorData(result.error) ? result.error : null
    throw new AppError(error ?? { code: 'INTERNAL', key: 'internal' })
  }
  clickDownload(DOWNLOAD_PATH + encodeURIComponent(file.ticket), file.filename)
  return true
}

/** Offers a CSV text as a file download. */
export function downloadCsv(filename: string, csv: string): void {
  saveBlob(filename, new Blob([csv], { type: 'text/csv;charset=utf-8' }))
}

/**
 * Offers a small file main sent as bytes (the recovery key sheet) as a download; the Blob takes
 * them without a text form in between.
 */
export function downloadFile(file: ExportFile): void {
  // IPC and the bridge's decoder give a Uint8Array over a plain ArrayBuffer, never a shared one.
  const bytes = file.bytes as Uint8Array<ArrayBuffer>
  saveBlob(file.filename, new Blob([bytes], { type: file.mime }))
}
