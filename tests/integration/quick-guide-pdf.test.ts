import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, rejection, type TestApp } from '../helpers/db'
import { downloaded } from '../helpers/downloads'
import { pdfPageCount, pdfText, pdfTitle } from '../helpers/pdf'
import { pagesAsPng } from '../helpers/pdf-pages'
import { GUIDE_TEXT } from '../../src/main/domains/help/guide-text'

let app: TestApp
beforeEach(async () => {
  app = await createTestApp()
})
afterEach(async () => app.close())

/** pdftotext -layout spreads words over columns; compare with single spaces. */
const flat = (text: string): string => text.replace(/\s+/g, ' ')

describe('the quick guides (help.quickGuide)', () => {
  it('the coordinator guide has its title and every heading: shop day, intake, volunteers, complaints, reports', async () => {
    const file = await app.call('help.quickGuide', { guide: 'coordinator' })
    expect(file).toMatchObject({
      filename: 'snelstartgids-coordinatoren.pdf',
      mime: 'application/pdf',
    })
    const pdf = await downloaded(app, file)
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(pdfTitle(pdf)).toBe('Snelstartgids voor coördinatoren')
    const text = flat(pdfText(pdf))
    for (const heading of [
      'Snelstartgids voor coördinatoren',
      'Een winkeldag',
      'Intake en huishoudens',
      'Vrijwilligers',
      'Klachten',
      'Rapportage',
    ])
      expect(text).toContain(heading)
    // The shop's real words: half-days, "Gekomen", "Toch opslaan", the complaint terms.
    expect(text).toContain('Dagdelen aanmaken')
    expect(text).toContain('Gekomen')
    expect(text).toContain('Toch opslaan')
    expect(text).toContain('5 werkdagen')
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(2)
    expect(pagesAsPng(pdf, 'guide-coordinator', 'shots-search-help')).toBe(pdfPageCount(pdf))
  })

  it('the counter guide, which a volunteer may download too, explains the shop day at the counter', async () => {
    const counter = await app.loginAs('volunteer')
    const file = await app.call('help.quickGuide', { guide: 'counter' }, counter)
    expect(file.filename).toBe('snelstartgids-balie.pdf')
    const pdf = await downloaded(app, file, counter)
    expect(pdfTitle(pdf)).toBe('Snelstartgids voor de balie')
    const text = flat(pdfText(pdf))
    for (const section of GUIDE_TEXT.counter.sections) expect(text).toContain(section.heading)
    expect(text).toContain('Ctrl+K')
    expect(text).toContain('dagdeel')
    // Nothing of the coordinator's guide in it.
    expect(text).not.toContain('Rapportage')
    expect(pagesAsPng(pdf, 'guide-counter', 'shots-search-help')).toBeGreaterThanOrEqual(1)
  })

  it('refuses an unknown guide at its field', async () => {
    const err = await rejection(
      app.call('help.quickGuide', { guide: 'admin' } as unknown as { guide: 'counter' }),
    )
    expect(err).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'guide' }] })
  })
})
