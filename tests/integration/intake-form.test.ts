import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/db'
import { downloaded } from '../helpers/downloads'
import { pdfPageCount, pdfText, pdfTitle } from '../helpers/pdf'
import { INCOME_SOURCES } from '../../src/shared/schemas/household'
import { labelsT } from '../../src/main/i18n'

let app: TestApp
beforeEach(async () => {
  app = await createTestApp()
})
afterEach(async () => app.close())

/** pdftotext -layout spreads words over columns; compare with single spaces. */
const flat = (text: string): string => text.replace(/\s+/g, ' ')

/**
 * Every page as a PNG under SHOTS (kept for a person to look at), and how many there were. Set
 * SHOTS to another folder to keep them elsewhere.
 */
function pagesAsPng(pdf: Buffer, name: string): number {
  const shots = process.env.SHOTS ?? join(tmpdir(), 'shots-h4')
  mkdirSync(shots, { recursive: true })
  const dir = mkdtempSync(join(tmpdir(), 'dichtbij-form-'))
  try {
    const file = join(dir, 'form.pdf')
    writeFileSync(file, pdf)
    execFileSync('pdftoppm', ['-png', '-r', '80', file, join(dir, name)])
    const pngs = readdirSync(dir).filter((f) => f.endsWith('.png'))
    for (const png of pngs) copyFileSync(join(dir, png), join(shots, png))
    return pngs.length
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('the blank intake form (intakes.blankForm)', () => {
  it('prints the form on the letterhead with the labels, the income list and only the active topics', async () => {
    await app.call('organisation.update', {
      name: 'Stichting Heel Goed',
      address: 'Kerkstraat 4',
      postcode: '8011 AA',
      city: 'Zwolle',
    })
    const topics = await app.call('lists.list', { kind: 'topic' })
    const gone = topics.find((tp) => tp.name === 'Wonen')!
    await app.call('lists.update', { id: gone.id, name: gone.name, active: false })
    await app.call('lists.create', { kind: 'topic', name: 'Taal en inburgering' })

    const volunteer = await app.loginAs('volunteer')
    const file = await app.call('intakes.blankForm', {}, volunteer)
    expect(file.mime).toBe('application/pdf')
    expect(file.filename).toBe('aanmeldformulier-2026-06-15.pdf')
    const pdf = await downloaded(app, file, volunteer)
    expect(file.sizeBytes).toBe(pdf.byteLength)
    const text = flat(pdfText(pdf))

    const t = labelsT('nl')
    expect(pdfTitle(pdf)).toBe('Aanmeldformulier kledingwinkel')
    for (const words of [
      'Stichting Heel Goed',
      'Kerkstraat 4',
      '8011 AA Zwolle',
      'Aanmeldformulier kledingwinkel',
      'Naam contactpersoon',
      'Straat en huisnummer',
      'Postcode',
      'Plaats',
      'Wijk of kern',
      'Telefoon',
      'E-mail',
      'Gezinsleden',
      'Voornaam',
      'Geboortejaar',
      'Geslacht',
      'Kledingmaat',
      'Waar komt het geld van het huishouden vooral vandaan?',
      'Wie heeft u naar de winkel verwezen?',
      'Heeft het gezin schulden?',
      'Speelt er meer dan één probleem tegelijk',
      'Weet ik niet',
      'Waar wilt u met ons over praten?',
      'Ik geef Stichting Heel Goed toestemming',
      'Handtekening',
      'In te vullen door de winkel',
      'Datum intake',
      'Intake gedaan door',
      'Inkomensbewijs gezien op',
      'Referentie',
      ...INCOME_SOURCES.map((code) => t(`income.${code}`)),
    ])
      expect(text, words).toContain(words)
    for (const topic of topics.filter((tp) => tp.id !== gone.id))
      expect(text, topic.name).toContain(topic.name)
    expect(text).toContain('Taal en inburgering')
    expect(text).not.toContain('Wonen')

    // Each page as the printer gets it, for a person to look at.
    const pages = pdfPageCount(pdf)
    expect(pages).toBeLessThanOrEqual(2)
    expect(pagesAsPng(pdf, 'blank-intake-form')).toBe(pages)

    // Printed, not about anybody: no household in the log entry.
    const entry = app.open.sqlite
      .prepare(
        `select action, entity_type, entity_id, household_id, subject_kind, role from audit_log
         where entity_type = 'intakeForm'`,
      )
      .all()
    expect(entry).toEqual([
      {
        action: 'print',
        entity_type: 'intakeForm',
        entity_id: null,
        household_id: null,
        subject_kind: null,
        role: 'volunteer',
      },
    ])
  })

  it('is made in a worker thread, listed as a job of the screen that asked', async () => {
    const seen: string[] = []
    let done = false
    const watching = (async () => {
      while (!done) {
        for (const j of app.vault.workers.jobs()) seen.push(j.labelKey)
        await new Promise((r) => setTimeout(r, 1))
      }
    })()
    try {
      await app.call('intakes.blankForm', {})
    } finally {
      done = true
      await watching
    }
    expect(seen).toContain('jobs.labels.intakeForm')
  })

  it('prints without a letterhead name or topics and still reads as the form', async () => {
    const topics = await app.call('lists.list', { kind: 'topic' })
    for (const tp of topics)
      await app.call('lists.update', { id: tp.id, name: tp.name, active: false })
    const coordinator = await app.loginAs('coordinator')
    const file = await app.call('intakes.blankForm', {}, coordinator)
    const pdf = await downloaded(app, file, coordinator)
    const text = flat(pdfText(pdf))
    expect(text).toContain('Stichting Testwinkel')
    expect(text).toContain('Vertel het ons aan de balie.')
    // Nothing to tick, so no "kruis aan".
    expect(text).not.toContain('Kruis aan')
    for (const tp of topics) expect(text).not.toContain(tp.name)
    pagesAsPng(pdf, 'blank-intake-form-no-topics')
  })

  it('refuses input it does not take, and a screen that is not logged in', async () => {
    const bad = await app.router.call(app.admin, 'intakes.blankForm', { extra: 1 })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error.code).toBe('VALIDATION')
    const anonymous = await app.router.call(
      { sessionId: null, workstation: 'x' },
      'intakes.blankForm',
      {},
    )
    expect(anonymous.ok).toBe(false)
  })
})
