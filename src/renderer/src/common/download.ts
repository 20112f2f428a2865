import type { ExportFile } from '../../../shared/schemas/subjects'

/** Offers a Blob as a file download, the way a browser saves a link with `download`. */
function saveBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** Offers a CSV text as a file download. */
export function downloadCsv(filename: string, csv: string): void {
  saveBlob(filename, new Blob([csv], { type: 'text/csv;charset=utf-8' }))
}

/**
 * Offers a file main made (a PDF, a JSON export, a backup) as a download. Main sends its bytes as
 * they are; the Blob takes them without a text form in between.
 */
export function downloadFile(file: ExportFile): void {
  // IPC and the bridge's decoder give a Uint8Array over a plain ArrayBuffer, never a shared one.
  const bytes = file.bytes as Uint8Array<ArrayBuffer>
  saveBlob(file.filename, new Blob([bytes], { type: file.mime }))
}
