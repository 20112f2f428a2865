import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, rejection, type TestApp } from '../helpers/db'
import { downloaded } from '../helpers/downloads'
import { pdfPageCount, pdfText, pdfTitle } from '../helpers/pdf'
import { DEFAULT_MATCH_WEIGHTS } from '../../src/shared/schemas/volunteers-matching'

let app: TestApp
beforeEach(async () => {
  app = await createTestApp()
})
afterEach(async () => app.close())

/** pdftotext -layout spreads words over columns; compare with single spaces. */
const flat = (text: string): string => text.replace(/\s+/g, ' ')

/** Every page as a PNG under SHOTS (kept for a person to look at); returns how many. */
function pagesAsPng(pdf: Buffer, name: string): number {
  const shots = process.env.SHOTS ?? join(tmpdir(), 'shots-v2')
  mkdirSync(shots, { recursive: true })
  const dir = mkdtempSync(join(tmpdir(), 'dichtbij-match-'))
  try {
    const file = join(dir, 'page.pdf')
    writeFileSync(file, pdf)
    execFileSync('pdftoppm', ['-png', '-r', '80', file, join(dir, name)])
    const pngs = readdirSync(dir).filter((f) => f.endsWith('.png'))
    for (const png of pngs) copyFileSync(join(dir, png), join(shots, png))
    return pngs.length
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('the "hoe wij matchen" page (matching.howWeMatch)', () => {
  it('states the filters, the parts and the weights as set now, on the letterhead', async () => {
    await app.call('organisation.update', {
      name: 'Stichting Heel Goed',
      address: 'Kerkstraat 4',
      postcode: '8011 AA',
      city: 'Zwolle',
    })
    await app.call('matching.updateWeights', {
      ...DEFAULT_MATCH_WEIGHTS,
      skills: 40,
      waiting: 25,
      waitingFullDays: 180,
    })
    const coordinator = await app.loginAs('coordinator')
    const file = await app.call('matching.howWeMatch', {}, coordinator)
    expect(file).toMatchObject({
      mime: 'application/pdf',
      filename: 'hoe-wij-matchen-2026-06-15.pdf',
    })
    const pdf = await downloaded(app, file, coordinator)
    expect(file.sizeBytes).toBe(pdf.byteLength)
    expect(pdfTitle(pdf)).toBe('Hoe wij matchen')
    const text = flat(pdfText(pdf))
    for (const words of [
      'Stichting Heel Goed',
      '8011 AA Zwolle',
      'Hoe wij matchen',
      'De app doet een voorstel, de coördinator beslist',
      'Wie niet in aanmerking komt',
      'Geen gemeenschappelijk dagdeel',
      'Een beperking tegen wat de plek vraagt',
      'Geen plaats meer vrij',
      'Dubbel geboekt',
      'Beide kanten actief',
      'alleen met een geschreven reden',
      'Hoe de punten worden geteld',
      'Vaardigheden 40',
      'Interesses 15',
      'Leerdoelen 20',
      'Dagdelen 15',
      'Zelfde plaats 10',
      'Wachttijd 25',
      '(samen 125 punten)',
      'naar rato tot 180 dagen',
      'Gelijke punten',
      'wie het langst wacht',
      'Wat ontbreekt',
      'Wie beslist',
      'De gewichten zoals ze op 15-06-2026 zijn ingesteld',
    ])
      expect(text, words).toContain(words)

    const pages = pdfPageCount(pdf)
    expect(pages).toBeLessThanOrEqual(2)
    expect(pagesAsPng(pdf, 'hoe-wij-matchen')).toBe(pages)

    // Printed by the coordinator, about nobody.
    expect(
      app.open.sqlite
        .prepare(
          `select action, role, subject_kind from audit_log where entity_type = 'howWeMatch'`,
        )
        .all(),
    ).toEqual([{ action: 'print', role: 'coordinator', subject_kind: null }])
  })

  it('is made in a worker thread, and in English when the screen asks', async () => {
    const seen: string[] = []
    let done = false
    const watching = (async () => {
      while (!done) {
        for (const j of app.vault.workers.jobs()) seen.push(j.labelKey)
        await new Promise((r) => setTimeout(r, 1))
      }
    })()
    let file
    try {
      file = await app.call('matching.howWeMatch', { language: 'en' })
    } finally {
      done = true
      await watching
    }
    expect(seen).toContain('jobs.labels.howWeMatch')
    expect(file.filename).toBe('how-we-match-2026-06-15.pdf')
    const pdf = await downloaded(app, file, app.admin)
    const text = flat(pdfText(pdf))
    expect(text).toContain('How we match')
    expect(text).toContain('The app proposes, the coordinator decides')
    expect(text).toContain('Skills 30')
    expect(pagesAsPng(pdf, 'how-we-match-en')).toBe(pdfPageCount(pdf))
  })

  it('is refused to a counter volunteer', async () => {
    const volunteer = await app.loginAs('volunteer')
    const e = await rejection(app.call('matching.howWeMatch', {}, volunteer))
    expect(e.code).toBe('FORBIDDEN')
  })
})
