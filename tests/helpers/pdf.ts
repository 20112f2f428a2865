import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Runs a poppler tool (Debian's poppler-utils) on the PDF in a temp file and returns its output. */
function poppler(tool: 'pdftotext' | 'pdfinfo', pdf: Buffer, args: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'dichtbij-pdf-'))
  try {
    const file = join(dir, 'doc.pdf')
    writeFileSync(file, pdf)
    return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], {
      encoding: 'utf8',
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The text a reader gets out of the PDF, laid out as on the page. */
export function pdfText(pdf: Buffer): string {
  return poppler('pdftotext', pdf, ['-layout'])
}

export function pdfPageCount(pdf: Buffer): number {
  const m = /^Pages:\s+(\d+)/m.exec(poppler('pdfinfo', pdf, []))
  if (!m) throw new Error('pdfinfo gave no page count')
  return Number(m[1])
}

export function pdfTitle(pdf: Buffer): string | null {
  return /^Title:\s+(.*)$/m.exec(poppler('pdfinfo', pdf, []))?.[1]?.trim() ?? null
}
