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

/** Offers a file main made (a PDF, a JSON export) as a download; main sends its bytes as base64. */
export function downloadFile(file: ExportFile): void {
  const binary = atob(file.base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  saveBlob(file.filename, new Blob([bytes], { type: file.mime }))
}
