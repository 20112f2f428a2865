import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Renders every page of the PDF as a PNG with pdftoppm and keeps them under SHOTS (default
 * a folder in the temp dir) for a person to look at; returns how many pages it rendered.
 */
export function pagesAsPng(pdf: Buffer, name: string, folder = 'shots-c2'): number {
  const shots = process.env.SHOTS ?? join(tmpdir(), folder)
  mkdirSync(shots, { recursive: true })
  const dir = mkdtempSync(join(tmpdir(), 'dichtbij-pages-'))
  try {
    const file = join(dir, 'doc.pdf')
    writeFileSync(file, pdf)
    execFileSync('pdftoppm', ['-png', '-r', '80', file, join(dir, name)])
    const pngs = readdirSync(dir).filter((f) => f.endsWith('.png'))
    for (const png of pngs) copyFileSync(join(dir, png), join(shots, png))
    return pngs.length
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
