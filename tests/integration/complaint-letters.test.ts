import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, rejection, type TestApp } from '../helpers/db'
import { addHousehold } from '../helpers/fixtures'
import { downloaded } from '../helpers/downloads'
import { pdfPageCount, pdfText, pdfTitle } from '../helpers/pdf'
import { pagesAsPng } from '../helpers/pdf-pages'
import type { Caller } from '../../src/main/domains/accounts/auth'

let app: TestApp
let coordinator: Caller
let householdId: number
let veraId: number

beforeEach(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
  await app.call('organisation.update', {
    name: 'Stichting De Kledingkast',
    address: 'Kerkstraat 4',
    postcode: '8011 AA',
    city: 'Zwolle',
  })
  coordinator = await app.loginAs('coordinator', 'carla')
  await app.loginAs('volunteer', 'vera')
  veraId = accountId('vera')
  householdId = await addHousehold(app, 'Fatima Bouzid', {
    street: 'Lindenlaan',
    houseNumber: '3',
    city: 'Zwolle',
  })
})
afterEach(async () => app.close())

const rows = (q: string, ...params: unknown[]): Record<string, unknown>[] =>
  app.open.sqlite.prepare(q).all(...params) as Record<string, unknown>[]
function accountId(username: string): number {
  return (rows('select id from account where username = ?', username)[0] as { id: number }).id
}
const flat = (text: string): string => text.replace(/\s+/g, ' ')

/** A complaint of the household about the volunteer Vera, received Monday 1 June 2026. */
async function complaint(): Promise<number> {
  const [cat] = await app.call('complaints.categories', {}, coordinator)
  const c = await app.call(
    'complaints.create',
    {
      receivedOn: '2026-06-01',
      channel: 'letter',
      complainantKind: 'household',
      householdId,
      aboutKind: 'staff',
      aboutAccountId: veraId,
      categoryId: cat!.id,
      description: 'Bij de balie werd ik onvriendelijk te woord gestaan en weggestuurd.',
      wish: 'Excuses',
      handlerId: accountId('carla'),
    },
    coordinator,
  )
  return c.id
}

async function letterPdf(
  complaintId: number,
  kind: 'acknowledgement' | 'extension' | 'decision',
): Promise<{ pdf: Buffer; letterId: number; filename: string }> {
  const made = await app.call('complaints.letter', { complaintId, kind }, coordinator)
  return {
    pdf: await downloaded(app, made.file, coordinator),
    letterId: made.letter.id,
    filename: made.file.filename,
  }
}

describe('complaint letters', () => {
  it('makes the acknowledgement on the letterhead, filled in, and records it on the timeline', async () => {
    const id = await complaint()
    const made = await app.call(
      'complaints.letter',
      { complaintId: id, kind: 'acknowledgement' },
      coordinator,
    )
    expect(made.letter).toMatchObject({
      complaintId: id,
      kind: 'acknowledgement',
      templateVersion: 1,
      letterDate: '2026-06-15',
      recipients: ['Fatima Bouzid'],
    })
    expect(made.file.filename).toBe('ontvangstbevestiging-K-2026-001-2026-06-15.pdf')
    const pdf = await downloaded(app, made.file, coordinator)
    expect(pdfPageCount(pdf)).toBe(1)
    expect(pdfTitle(pdf)).toBe('Ontvangstbevestiging van uw klacht K-2026-001')
    const text = flat(pdfText(pdf))
    for (const words of [
      'Stichting De Kledingkast',
      'Kerkstraat 4',
      'Fatima Bouzid',
      'Lindenlaan 3',
      'Zwolle',
      'Datum 15 juni 2026',
      'Kenmerk K-2026-001',
      'Geachte Fatima Bouzid,',
      'Op 1 juni 2026 hebben wij uw klacht ontvangen.',
      'Bij de balie werd ik onvriendelijk te woord gestaan en weggestuurd.',
      // Six weeks after 1 June 2026: Monday 13 July.
      'uiterlijk op 13 juli 2026',
      'Neem dan contact op met Test coordinator.',
    ])
      expect(text, words).toContain(words)
    expect(text).not.toContain('{{')
    expect(pagesAsPng(pdf, 'letter-acknowledgement')).toBe(1)

    // The timeline has the letter; it counts as the acknowledgement (on 15 June: late).
    const detail = await app.call('complaints.get', { id }, coordinator)
    const entry = detail.entries.find((e) => e.kind === 'letter')!
    expect(entry).toBeDefined()
    expect(entry.id).toBe(made.letter.entryId)
    expect(detail.deadlines.acknowledgement.metOn).toBe('2026-06-15')
    // Printed, about the complaint.
    expect(
      rows(
        `select action, entity_type, subject_kind, subject_id from audit_log
         where entity_type = 'complaintLetter'`,
      ),
    ).toEqual([
      {
        action: 'print',
        entity_type: 'complaintLetter',
        subject_kind: 'complaint',
        subject_id: id,
      },
    ])
    expect(await app.call('complaints.letters', { complaintId: id }, coordinator)).toEqual([
      made.letter,
    ])
  })

  it('sends the extension to the complainant and to the volunteer complained about', async () => {
    const id = await complaint()
    // Nothing to write about before the extension is recorded; nothing is recorded either.
    const early = await rejection(
      app.call('complaints.letter', { complaintId: id, kind: 'extension' }, coordinator),
    )
    expect(early).toMatchObject({ code: 'CONFLICT', key: 'letterNoExtension' })
    expect(rows('select count(*) as n from complaint_letter')).toEqual([{ n: 0 }])

    await app.call(
      'complaints.extend',
      {
        complaintId: id,
        weeks: 4,
        date: '2026-06-15',
        reason: 'De klachtencommissie kan pas op 20 juli bijeenkomen.',
        withConsent: false,
      },
      coordinator,
    )
    const { pdf, filename } = await letterPdf(id, 'extension')
    expect(filename).toBe('verlenging-K-2026-001-2026-06-15.pdf')
    expect(pdfPageCount(pdf)).toBe(2)
    const [first, second] = pdfText(pdf).split('\f').map(flat)
    expect(first).toContain('Geachte Fatima Bouzid,')
    expect(second).toContain('Geachte Test volunteer,')
    for (const page of [first!, second!]) {
      for (const words of [
        'Verlenging van de termijn voor klacht K-2026-001',
        'uiterlijk op 13 juli 2026 over deze klacht worden beslist',
        'De klachtencommissie kan pas op 20 juli bijeenkomen.',
        // Ten weeks after 1 June: Monday 10 August.
        'De beslissing volgt nu uiterlijk op 10 augustus 2026.',
      ])
        expect(page, words).toContain(words)
      expect(page).not.toContain('{{')
    }
    // The volunteer's copy goes to her at the organisation, never to the family's address.
    expect(second).toContain('Stichting De Kledingkast')
    expect(second).not.toContain('Lindenlaan')
    expect(pagesAsPng(pdf, 'letter-extension')).toBe(2)
  })

  it('writes the decision with its outcome, grounds, measures and who decided', async () => {
    const id = await complaint()
    expect(
      await rejection(
        app.call('complaints.letter', { complaintId: id, kind: 'decision' }, coordinator),
      ),
    ).toMatchObject({ code: 'CONFLICT', key: 'letterNoDecision' })
    await app.call(
      'complaints.decide',
      {
        complaintId: id,
        date: '2026-06-15',
        outcome: 'partly_founded',
        text: 'De toon was onvriendelijk; dat de winkel die dag vol was, klopte wel.',
        measures: [{ text: 'Training bejegening voor de balie' }, { text: 'Een rustiger rooster' }],
      },
      coordinator,
    )
    const { pdf } = await letterPdf(id, 'decision')
    const text = flat(pdfText(pdf))
    for (const words of [
      'Beslissing op klacht K-2026-001',
      // Before the committee, the handler decides.
      'laten wij u weten wat Test coordinator over de klacht heeft besloten',
      'De klacht is deels gegrond.',
      'De toon was onvriendelijk',
      'Training bejegening voor de balie',
      'Een rustiger rooster',
    ])
      expect(text, words).toContain(words)
    expect(text).not.toContain('{{')
    expect(pagesAsPng(pdf, 'letter-decision')).toBe(pdfPageCount(pdf))
  })

  it('prints an old letter again as it was, after the template and the organisation changed', async () => {
    const id = await complaint()
    const old = await letterPdf(id, 'acknowledgement')
    const before = flat(pdfText(old.pdf))

    const tpl = await app.call('complaints.template', { kind: 'acknowledgement' }, app.admin)
    await app.call(
      'complaints.saveTemplate',
      { kind: 'acknowledgement', subject: tpl.subject, body: `${tpl.body}\n\nPS: nieuwe zin.` },
      app.admin,
    )
    await app.call('organisation.update', {
      name: 'Stichting Nieuwe Naam',
      address: 'Markt 1',
      postcode: '8011 AA',
      city: 'Zwolle',
    })
    const again = await app.call('complaints.reprintLetter', { letterId: old.letterId }, app.admin)
    expect(again.filename).toBe('ontvangstbevestiging-K-2026-001-2026-06-15-kopie.pdf')
    const after = flat(pdfText(await downloaded(app, again, app.admin)))
    expect(after).toContain('Stichting De Kledingkast')
    expect(after).not.toContain('Stichting Nieuwe Naam')
    expect(after).not.toContain('PS: nieuwe zin.')
    // The same letter, but for the footer's words, which carry no date.
    expect(after).toBe(before)
    // A new letter takes the new version and the new name; reprinting adds no timeline entry.
    const letters = rows(`select count(*) as n from complaint_entry where kind = 'letter'`)
    expect(letters).toEqual([{ n: 1 }])
  })
})

describe('complaint letters after anonymising', () => {
  it('forgets the names a letter was filled in with; a copy then names nobody', async () => {
    const id = await complaint()
    const { letterId } = await letterPdf(id, 'acknowledgement')
    await app.call('retention.anonymise', { kind: 'complaint', id }, app.admin)
    expect(rows('select values_json from complaint_letter')).toEqual([{ values_json: null }])
    // The letter itself stays: kind, day, template version.
    const [kept] = await app.call('complaints.letters', { complaintId: id }, coordinator)
    expect(kept).toMatchObject({
      kind: 'acknowledgement',
      letterDate: '2026-06-15',
      templateVersion: 1,
    })
    expect(kept!.recipients).toEqual([])
    // No new letters; a copy of the old one has no one to go to.
    expect(
      await rejection(
        app.call('complaints.letter', { complaintId: id, kind: 'acknowledgement' }, coordinator),
      ),
    ).toMatchObject({ code: 'CONFLICT', key: 'complaintAnonymised' })
    expect(
      await rejection(app.call('complaints.reprintLetter', { letterId }, coordinator)),
    ).toMatchObject({ code: 'CONFLICT', key: 'letterNoRecipient' })
  })
})

describe('letter templates', () => {
  it('lists the current version of each letter and keeps every saved version', async () => {
    const list = await app.call('complaints.templates', {}, coordinator)
    expect(list.map((t) => [t.kind, t.version, t.createdBy])).toEqual([
      ['acknowledgement', 1, null],
      ['extension', 1, null],
      ['decision', 1, null],
    ])
    const saved = await app.call(
      'complaints.saveTemplate',
      { kind: 'decision', subject: 'Uw klacht {{klachtnummer}}', body: 'Geachte {{ontvanger}},' },
      app.admin,
    )
    expect(saved).toMatchObject({
      version: 2,
      current: true,
      subject: 'Uw klacht {{klachtnummer}}',
    })
    expect(saved.versions.map((v) => v.version)).toEqual([2, 1])
    // Saving the same text again adds no version.
    const same = await app.call(
      'complaints.saveTemplate',
      { kind: 'decision', subject: 'Uw klacht {{klachtnummer}}', body: 'Geachte {{ontvanger}},' },
      app.admin,
    )
    expect(same.version).toBe(2)
    const v1 = await app.call('complaints.template', { kind: 'decision', version: 1 }, coordinator)
    expect(v1).toMatchObject({ version: 1, current: false })
    expect(v1.body).toContain('{{maatregelen}}')
    expect(
      rows(
        `select action, entity_type, fields, detail from audit_log where entity_type = 'letterTemplate'`,
      ),
    ).toEqual([
      {
        action: 'create',
        entity_type: 'letterTemplate',
        fields: 'subject,body',
        detail: 'decision v2',
      },
    ])
  })

  it('refuses a placeholder the letters do not know, at its field, and saves nothing', async () => {
    const err = await rejection(
      app.call(
        'complaints.saveTemplate',
        { kind: 'extension', subject: 'Klacht {{klachnummer}}', body: 'Tot {{nieuwe_termijn}}.' },
        app.admin,
      ),
    )
    expect(err.code).toBe('VALIDATION')
    expect(err.fields).toEqual([
      { path: 'subject', key: 'unknownPlaceholder', params: { names: '{{klachnummer}}' } },
      { path: 'body', key: 'unknownPlaceholder', params: { names: '{{nieuwe_termijn}}' } },
    ])
    expect(rows('select count(*) as n from complaint_letter_template')).toEqual([{ n: 3 }])
    expect(
      await rejection(
        app.call('complaints.template', { kind: 'extension', version: 7 }, coordinator),
      ),
    ).toMatchObject({ code: 'NOT_FOUND' })
  })

  it('lets only the beheerder change a template; a volunteer gets nothing of letters or the report', async () => {
    const volunteer = await app.loginAs('volunteer', 'wim')
    const id = await complaint()
    const input = { kind: 'extension' as const, subject: 'x', body: 'y' }
    expect(await rejection(app.call('complaints.saveTemplate', input, coordinator))).toMatchObject({
      code: 'FORBIDDEN',
    })
    for (const [method, body] of [
      ['complaints.templates', {}],
      ['complaints.template', { kind: 'decision' }],
      ['complaints.saveTemplate', input],
      ['complaints.letter', { complaintId: id, kind: 'acknowledgement' }],
      ['complaints.letters', { complaintId: id }],
      ['complaints.reprintLetter', { letterId: 1 }],
      ['complaints.annualReport', { year: 2026 }],
      ['complaints.annualReportPdf', { year: 2026 }],
    ] as const) {
      const res = await app.router.call(volunteer, method, body)
      expect(res.ok, method).toBe(false)
      if (!res.ok) expect(res.error.code, method).toBe('FORBIDDEN')
    }
    expect(rows('select count(*) as n from complaint_letter')).toEqual([{ n: 0 }])
  })
})
