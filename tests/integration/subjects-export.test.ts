import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, rejection, type TestApp } from '../helpers/db'
import { householdInput, listIds, partnerIds } from '../helpers/fixtures'
import { pdfText } from '../helpers/pdf'
import type { SubjectReport, SubjectTable } from '../../src/main/domains/subjects/types'
import type { DownloadTicket } from '../../src/shared/schemas/subjects'
import { downloaded } from '../helpers/downloads'

let app: TestApp
beforeEach(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
})
afterEach(async () => app.close())

/** A household with members, an intake with a topic and a referral, an appointment and a visit. */
async function family(): Promise<number> {
  const [topic] = await listIds(app, 'topic')
  const [destination] = await partnerIds(app)
  const [category] = await listIds(app, 'category')
  const { id } = await app.call('households.create', householdInput({ notes: 'Liever bellen' }))
  await app.call('intakes.create', {
    householdId: id,
    date: '2026-06-15',
    doneBy: 'Anja Intake',
    notes: 'Zorgen over de energierekening',
    topicIds: [topic],
    referrals: [{ destinationId: destination, note: 'afspraak gemaakt' }],
  })
  await app.call('slots.generate', {
    from: '2026-06-15',
    to: '2026-06-15',
    template: [{ weekday: 1, part: 'morning', capacity: 3 }],
  })
  const [slot] = await app.call('slots.list', { from: '2026-06-15', to: '2026-06-15' })
  const { appointment } = await app.call('appointments.book', {
    slotId: slot.id,
    householdId: id,
    note: 'Komt met de bakfiets',
  })
  await app.call('appointments.setStatus', { appointmentId: appointment.id, status: 'came' })
  await app.call('visits.register', {
    householdId: id,
    appointmentId: appointment.id,
    date: '2026-06-15',
    servedBy: 'Vera Balie',
    items: [{ categoryId: category, count: 3 }],
  })
  await app.call('households.get', { id })
  return id
}

/** The export's file, taken by its ticket as the screen's save does. */
function decode(file: DownloadTicket): Promise<Buffer> {
  return downloaded(app, file)
}

function table(report: SubjectReport, part: string, key: string): SubjectTable {
  const section = report.parts.find((p) => p.key === part)
  const found = section?.tables.find((t) => t.key === key)
  if (!found) throw new Error(`no table ${part}/${key}`)
  return found
}

describe('subjects.export (AVG art. 15)', () => {
  it('exports every part about a household as JSON, with the audit entries about it', async () => {
    const id = await family()
    const file = await app.call('subjects.export', { kind: 'household', id, format: 'json' })
    expect(file.filename).toBe('inzage-H-00001-2026-06-15.json')
    expect(file.mime).toBe('application/json')
    const report = JSON.parse((await decode(file)).toString('utf8')) as SubjectReport
    expect(report).toMatchObject({
      format: 'dichtbij-inzage',
      version: 1,
      title: 'Inzage persoonsgegevens',
      subject: { kind: 'household', id, reference: 'H-00001', name: 'Sanne de Vries' },
      organisation: { name: 'Stichting Testwinkel' },
      exportedAt: '2026-06-15T10:00:00.000Z',
      exportedBy: 'Bea Beheer',
    })
    expect(report.organisation).not.toHaveProperty('logo')
    expect(report.parts.map((p) => p.key)).toEqual([
      'processing',
      'household',
      'intakes',
      'appointments',
      'visits',
      'callListContacts',
      'collectionNotices',
      'support',
      'outcomes',
      'complaints',
      'audit',
    ])
    for (const part of report.parts) {
      expect(part.title).toMatch(/\S/)
      for (const t of part.tables)
        for (const c of t.columns) expect(c.label, `${part.key}.${t.key}.${c.key}`).toMatch(/\S/)
    }

    const [details] = table(report, 'household', 'details').rows
    expect(details).toMatchObject({
      reference: 'H-00001',
      contactName: 'Sanne de Vries',
      street: 'Lindelaan',
      postcode: '3811 HZ',
      phone: '06-12345678',
      email: 'sanne@example.nl',
      incomeSource: 'Bijstand',
      referrer: 'Wijkteam',
      proofSeenOn: '2026-03-01',
      consentBy: 'Anja (coördinator)',
      status: 'actief',
      notes: 'Liever bellen',
    })
    expect(table(report, 'household', 'members').rows).toEqual([
      { firstName: 'Sanne', birthYear: 1988, gender: 'vrouw', clothingSize: null },
      { firstName: 'Noah', birthYear: 2016, gender: 'man', clothingSize: '128' },
      { firstName: 'Lotte', birthYear: 2020, gender: 'vrouw', clothingSize: '110' },
    ])
    const [intake] = table(report, 'intakes', 'intakes').rows
    expect(intake).toMatchObject({
      date: '2026-06-15',
      doneBy: 'Anja Intake',
      notes: 'Zorgen over de energierekening',
    })
    expect(intake.topics).toHaveLength(1)
    expect(intake.referrals).toEqual([expect.stringMatching(/: afspraak gemaakt$/)])
    expect(table(report, 'appointments', 'appointments').rows).toEqual([
      expect.objectContaining({
        date: '2026-06-15',
        part: 'ochtend',
        status: 'gekomen',
        note: 'Komt met de bakfiets',
      }),
    ])
    const [visit] = table(report, 'visits', 'visits').rows
    expect(visit).toMatchObject({ date: '2026-06-15', servedBy: 'Vera Balie' })
    expect(visit.items).toEqual([expect.stringMatching(/: 3$/)])

    const entries = table(report, 'audit', 'entries').rows
    expect(entries.map((e) => [e.action, e.about])).toEqual([
      ['vastgelegd', 'huishouden'],
      ['vastgelegd', 'intakegesprek'],
      ['vastgelegd', 'afspraak'],
      ['gewijzigd', 'afspraak'],
      ['vastgelegd', 'bezoek'],
      ['bekeken', 'huishouden'],
    ])
    expect(entries[0]).toMatchObject({ at: '2026-06-15T10:00:00.000Z', user: 'beheerder' })
    expect(entries[0].fields).toEqual(
      expect.arrayContaining(['naam contactpersoon', 'postcode', 'gezinsleden']),
    )
  })

  it('opens with purposes, data, recipients, retention, source and rights (art. 15)', async () => {
    const id = await family()
    await app.call('organisation.update', {
      name: 'Stichting Testwinkel',
      address: 'Kerkstraat 1',
      postcode: '3811 AA',
      city: 'Amersfoort',
    })
    await app.call('retention.updateTerms', { households: 36 })
    const [destinationId] = await partnerIds(app)
    const destinations = await app.call('partners.list', {})
    const destination = destinations.find((d) => d.id === destinationId)!.name

    const file = await app.call('subjects.export', { kind: 'household', id, format: 'json' })
    const report = JSON.parse((await decode(file)).toString('utf8')) as SubjectReport
    expect(report.parts[0]).toMatchObject({ key: 'processing', title: expect.stringMatching(/\S/) })
    const [about] = table(report, 'processing', 'processing').rows
    expect(about.controller).toBe('Stichting Testwinkel, Kerkstraat 1, 3811 AA Amersfoort')
    expect(about.purposes).toEqual([
      'toegang tot de kleding- en speelgoedwinkel voor gezinnen met een laag inkomen',
      'het intakegesprek en doorverwijzingen',
      'afspraken maken en bezoeken bijhouden',
      'geanonimiseerde cijfers voor de verantwoording aan de gemeente (cijfers bevatten geen namen)',
      'u laten weten dat er nieuwe kleding en speelgoed is',
      'uw hulpvraag koppelen aan een vrijwilliger, en u als mantelzorger ondersteunen',
      'zorgen dat u en uw gezin veilig zijn (een zorgsignaal), en meten of onze hulp goed was',
      'uw klacht behandelen volgens onze klachtenregeling',
      expect.stringContaining('bekeken of gewijzigd'),
    ])
    expect(about.categories).toEqual(
      expect.arrayContaining([
        'contactgegevens, adres en burgerlijke staat',
        'gezinsleden (voornaam, geboortejaar, geslacht, kledingmaat)',
        expect.stringContaining('het bewijs zelf wordt niet bewaard'),
        expect.stringContaining('geen burgerservicenummer (BSN)'),
        'afspraken',
        'bezoeken',
      ]),
    )
    expect(about.recipients).toEqual([
      'niemand buiten Stichting Testwinkel krijgt uw gegevens',
      `doorverwezen naar: ${destination}`,
    ])
    expect(about.retention).toBe(
      'tot 36 maanden na het laatste contact; daarna worden de gegevens geanonimiseerd of ' +
        'verwijderd',
    )
    expect(about.sources).toEqual([
      'uzelf, bij het intakegesprek',
      'de verwijzer die u naar ons stuurde: Wijkteam',
    ])
    const rights = table(report, 'processing', 'rights')
    expect(rights.title).toBe('Uw rechten')
    expect(rights.columns.map((c) => c.label)).toEqual(
      expect.arrayContaining(['Inzage', 'Correctie', 'Verwijdering', 'Beperking', 'Bezwaar']),
    )
    expect(rights.rows[0].contact).toContain(
      'Stichting Testwinkel, Kerkstraat 1, 3811 AA Amersfoort',
    )
    expect(rights.rows[0].complaint).toContain(
      'Autoriteit Persoonsgegevens (autoriteitpersoonsgegevens.nl)',
    )

    const pdf = pdfText(
      await decode(await app.call('subjects.export', { kind: 'household', id, format: 'pdf' })),
    )
    for (const expected of [
      'Waarvoor wij uw gegevens gebruiken en wat uw rechten zijn',
      'Autoriteit Persoonsgegevens',
      'tot 36 maanden na het laatste contact',
      `doorverwezen naar: ${destination}`,
      'Wijkteam',
      'Uw rechten',
      'Beperking',
      'Bezwaar',
    ])
      expect(pdf, expected).toContain(expected)
    // It comes before the data itself.
    expect(pdf.indexOf('Autoriteit Persoonsgegevens')).toBeLessThan(
      pdf.indexOf('Huishouden en gezinsleden'),
    )
  })

  it('says "geen" without referrals and leaves out a referrer that is not recorded', async () => {
    const { id } = await app.call('households.create', householdInput({ referrer: null }))
    const file = await app.call('subjects.export', { kind: 'household', id, format: 'json' })
    const report = JSON.parse((await decode(file)).toString('utf8')) as SubjectReport
    const [about] = table(report, 'processing', 'processing').rows
    expect(about.controller).toBe('Stichting Testwinkel')
    expect(about.recipients).toContain('doorverwezen naar: geen')
    expect(about.sources).toEqual(['uzelf, bij het intakegesprek'])
    // The default term until a beheerder changes it.
    expect(about.retention).toMatch(/^tot 24 maanden na het laatste contact/)
  })

  it('logs the export itself as an export about the household, and it shows in the next one', async () => {
    const id = await family()
    const coordinator = await app.loginAs('coordinator', 'carla')
    await app.call('subjects.export', { kind: 'household', id, format: 'pdf' }, coordinator)
    const [last] = await app.open.db
      .selectFrom('auditLog')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(1)
      .execute()
    expect(last).toMatchObject({
      action: 'export',
      entityType: 'household',
      entityId: String(id),
      householdId: id,
      userName: 'carla',
      detail: 'inzage pdf',
    })
    const file = await app.call('subjects.export', { kind: 'household', id, format: 'json' })
    const report = JSON.parse((await decode(file)).toString('utf8')) as SubjectReport
    const entries = table(report, 'audit', 'entries').rows
    expect(entries.at(-1)).toMatchObject({
      action: 'geëxporteerd',
      user: 'carla',
      role: 'coördinator',
      detail: 'inzage pdf',
    })
    expect((await app.call('audit.verify', {})).ok).toBe(true)
  })

  it('keeps another household out of the export', async () => {
    const id = await family()
    const other = await app.call(
      'households.create',
      householdInput({ contactName: 'Piet Pietersen', postcode: '1011 AB', phone: '06-99999999' }),
    )
    await app.call('households.get', { id: other.id })
    const file = await app.call('subjects.export', { kind: 'household', id, format: 'json' })
    const text = (await decode(file)).toString('utf8')
    expect(text).not.toContain('Piet Pietersen')
    expect(text).not.toContain('H-00002')
  })

  it('makes a PDF with the letterhead, every part and the audit entries in Dutch', async () => {
    const id = await family()
    const file = await app.call('subjects.export', { kind: 'household', id, format: 'pdf' })
    expect(file).toMatchObject({
      filename: 'inzage-H-00001-2026-06-15.pdf',
      mime: 'application/pdf',
    })
    const pdf = await decode(file)
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const text = pdfText(pdf)
    for (const expected of [
      'Stichting Testwinkel',
      'Inzage persoonsgegevens',
      'Huishouden H-00001 (Sanne de Vries)',
      'Huishouden en gezinsleden',
      'Naam contactpersoon',
      'Anja (coördinator)',
      'Intakegesprekken',
      'Zorgen over de energierekening',
      'Afspraken',
      'Komt met de bakfiets',
      'Bezoeken aan de winkel',
      'Vera Balie',
      'Wie heeft de gegevens bekeken of gewijzigd',
      'vastgelegd',
      'bekeken',
      // Dates as dd-mm-jjjj, times in Dutch summer time.
      '01-03-2026',
      '15-06-2026 12:00',
      'Afgedrukt op 15-06-2026',
    ])
      expect(text, expected).toContain(expected)
    expect(text).toMatch(/pagina 1 van \d/)
    expect(text).not.toContain('2026-03-01')
  })

  it('answers an unknown household with NOT_FOUND and logs nothing', async () => {
    await family()
    const before = await app.open.db.selectFrom('auditLog').select('id').execute()
    const err = await rejection(
      app.call('subjects.export', { kind: 'household', id: 999, format: 'json' }),
    )
    expect(err.code).toBe('NOT_FOUND')
    const after = await app.open.db.selectFrom('auditLog').select('id').execute()
    expect(after.length).toBe(before.length)
  })

  it('is not for a counter volunteer', async () => {
    const id = await family()
    const volunteer = await app.loginAs('volunteer')
    const err = await rejection(
      app.call('subjects.export', { kind: 'household', id, format: 'json' }, volunteer),
    )
    expect(err.code).toBe('FORBIDDEN')
  })
})
