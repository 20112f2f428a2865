import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, rejection, type TestApp } from '../helpers/db'
import { downloadedText } from '../helpers/downloads'
import { addHousehold } from '../helpers/fixtures'
import type { SubjectReport } from '../../src/main/domains/subjects/types'
import { reapplyErasures } from '../../src/main/domains/retention/erasures'

let app: TestApp
beforeEach(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
})
afterEach(async () => app.close())

const rows = (q: string, ...params: unknown[]): Record<string, unknown>[] =>
  app.open.sqlite.prepare(q).all(...params) as Record<string, unknown>[]

/** A closed complaint of a household, through step 3, with a hearing of both sides. */
async function closedComplaint(householdId: number): Promise<number> {
  const [cat] = await app.call('complaints.categories', {})
  const c = await app.call('complaints.create', {
    receivedOn: '2026-03-02',
    channel: 'letter',
    complainantKind: 'household',
    householdId,
    aboutKind: 'other',
    aboutText: 'Een opmerking van Piet over het inkomen van de familie',
    categoryId: cat!.id,
    description: 'Mijn inkomen werd hardop genoemd aan de balie',
    wish: 'Dat Piet zijn excuses maakt',
    step: 3,
  })
  for (const [party, text] of [
    ['complainant', 'Mevrouw vertelt dat iedereen het hoorde'],
    ['staff', 'Piet zegt dat hij zacht sprak'],
  ] as const)
    await app.call('complaints.addEntry', {
      complaintId: c.id,
      kind: 'hearing',
      date: '2026-03-20',
      party,
      persons: party === 'staff' ? 'Piet' : 'Mevrouw Bakker',
      text,
    })
  await app.call('complaints.addEntry', {
    complaintId: c.id,
    kind: 'advice',
    date: '2026-03-25',
    text: 'Gegrond',
    outcome: 'founded',
  })
  await app.call('complaints.decide', {
    complaintId: c.id,
    date: '2026-04-01',
    outcome: 'founded',
    text: 'Gegrond: Piet had discreter moeten zijn',
    measures: [{ text: 'Afspraak: inkomen nooit hardop noemen' }],
  })
  await app.call('complaints.close', { complaintId: c.id, date: '2026-04-02' })
  return c.id
}

describe('complaints and the AVG', () => {
  it("a household's subject access export lists the complaints it made, without what staff said", async () => {
    const h = await addHousehold(app, 'Fam. Bakker')
    const id = await closedComplaint(h)
    const file = await app.call('subjects.export', { kind: 'household', id: h, format: 'json' })
    const report = JSON.parse(await downloadedText(app, file)) as SubjectReport
    const part = report.parts.find((p) => p.key === 'complaints')
    expect(part?.title).toBe('Klachten')
    expect(part?.tables[0]?.rows).toEqual([
      expect.objectContaining({
        number: 'K-2026-001',
        channel: 'Brief',
        description: 'Mijn inkomen werd hardop genoemd aan de balie',
        outcome: 'Gegrond',
        closedOn: '2026-04-02',
      }),
    ])
    const texts = part?.tables[1]?.rows.map((r) => r.text)
    expect(texts).toContain('Mevrouw vertelt dat iedereen het hoorde')
    expect(texts).not.toContain('Piet zegt dat hij zacht sprak')
    // The complaint is a subject of its own too (a complainant known only by name).
    const own = await app.call('subjects.export', { kind: 'complaint', id, format: 'json' })
    const alone = JSON.parse(await downloadedText(app, own)) as SubjectReport
    expect(alone.subject).toMatchObject({ kind: 'complaint', reference: 'K-2026-001' })
  })

  it('is due 24 months after closing; anonymising keeps every annual report identical', async () => {
    const h = await addHousehold(app, 'Fam. Bakker')
    const id = await closedComplaint(h)
    const report2026 = await app.call('complaints.annualReport', { year: 2026 })
    expect((await app.call('retention.due', { kind: 'complaint' })).rows).toEqual([])
    app.clock.set('2028-04-03T10:00:00Z')
    await app.call('auth.unlock', { password: 'Zonnebloem-veld-42' })
    const due = (await app.call('retention.due', { kind: 'complaint' })).rows
    expect(due).toEqual([
      {
        kind: 'complaint',
        id,
        reference: 'K-2026-001',
        name: expect.stringContaining('Fam. Bakker'),
        district: null,
        lastContact: '2026-04-02',
        canDelete: false,
      },
    ])
    const refused = await rejection(app.call('retention.delete', { kind: 'complaint', id }))
    expect(refused).toMatchObject({ code: 'CONFLICT', key: 'complaintInReports' })
    await app.call('retention.anonymise', { kind: 'complaint', id })
    expect(await app.call('complaints.annualReport', { year: 2026 })).toEqual(report2026)
    const c = await app.call('complaints.get', { id })
    expect(c).toMatchObject({
      anonymised: true,
      description: 'Geanonimiseerd',
      wish: null,
      complainant: { kind: 'household', householdId: null, label: null },
      about: { text: null },
    })
    expect(c.entries.every((e) => e.text === null && e.anonymised)).toBe(true)
    // A measure's text can name someone; whether it was carried out stays for the report.
    expect(c.measures.map((m) => m.text)).toEqual(['Geanonimiseerd'])
    const e = await rejection(
      app.call('complaints.addEntry', {
        complaintId: id,
        kind: 'note',
        date: '2028-04-03',
        text: 'x',
      }),
    )
    expect(e.key).toBe('complaintAnonymised')
    expect((await app.call('retention.due', { kind: 'complaint' })).rows).toEqual([])
    expect(rows("select action, fields from audit_log where action = 'anonymise'")).toEqual([
      {
        action: 'anonymise',
        fields:
          'householdId,personId,complainantName,complainantContact,aboutAccountId,aboutText,description,wish,entries,measures,letters',
      },
    ])
  })

  it('anonymises again when an erasure is re-applied after a restore', async () => {
    const h = await addHousehold(app, 'Fam. Bakker')
    const id = await closedComplaint(h)
    const now = app.clock.now()
    expect(
      await reapplyErasures(
        app.open.db,
        [{ at: now.toISOString(), action: 'anonymise', kind: 'complaint', id }],
        now,
      ),
    ).toBe(1)
    expect(rows('select description, household_id from complaint')).toEqual([
      { description: 'Geanonimiseerd', household_id: null },
    ])
    expect(rows('select count(*) as n from complaint_entry where text is not null')).toEqual([
      { n: 0 },
    ])
    // A delete in the record is an anonymisation: the complaint counts in its annual report.
    expect(
      await reapplyErasures(
        app.open.db,
        [{ at: now.toISOString(), action: 'delete', kind: 'complaint', id }],
        now,
      ),
    ).toBe(0)
    expect(rows('select count(*) as n from complaint')).toEqual([{ n: 1 }])
  })

  it('a household deleted under its own term leaves its complaint for the figures, anonymised', async () => {
    const h = await addHousehold(app, 'Fam. Kort')
    const id = await closedComplaint(h)
    const before = await app.call('complaints.annualReport', { year: 2026 })
    await app.call('retention.delete', { id: h })
    const c = await app.call('complaints.get', { id })
    expect(c.complainant).toMatchObject({ kind: 'household', householdId: null })
    expect(JSON.stringify(c)).not.toMatch(/Kort|Piet|inkomen/)
    expect(await app.call('complaints.annualReport', { year: 2026 })).toEqual(before)
    // Both erasures are in the log, each under its own subject.
    expect(
      rows(`select action, entity_type, cast(entity_id as integer) as entity_id from audit_log
        where action in ('anonymise', 'delete') order by id`),
    ).toEqual([
      { action: 'anonymise', entity_type: 'complaint', entity_id: id },
      { action: 'delete', entity_type: 'household', entity_id: h },
    ])
  })

  it('anonymising the household or person who complained anonymises their complaints too, each logged as an erasure of its own', async () => {
    const h = await addHousehold(app, 'Fam. Qqhuis')
    const byHousehold = await closedComplaint(h)
    const [cat] = await app.call('complaints.categories', {})
    const person = await app.call('people.create', {
      firstName: 'Hendrika',
      lastName: 'Zzvoort',
      registeredOn: '2026-03-02',
      availability: [],
    })
    const byPerson = await app.call('complaints.create', {
      receivedOn: '2026-05-04',
      channel: 'phone',
      complainantKind: 'person',
      personId: person.id,
      aboutKind: 'other',
      aboutText: 'De telefoon',
      categoryId: cat!.id,
      description: 'Hendrika Zzvoort kreeg geen antwoord',
      step: 1,
    })
    await app.call('complaints.letter', { complaintId: byPerson.id, kind: 'acknowledgement' })
    // A complaint of someone else stays as it is.
    const other = await addHousehold(app, 'Fam. Anders')
    const untouched = await closedComplaint(other)

    expect(await app.call('retention.anonymise', { kind: 'household', id: h })).toMatchObject({
      changed: true,
    })
    expect(await app.call('retention.anonymise', { kind: 'person', id: person.id })).toMatchObject({
      changed: true,
    })
    for (const id of [byHousehold, byPerson.id]) {
      const c = await app.call('complaints.get', { id })
      expect(JSON.stringify(c)).not.toMatch(/Qqhuis|Zzvoort|Hendrika|Piet|inkomen/)
      const letters = await app.call('complaints.letters', { complaintId: id })
      expect(JSON.stringify(letters)).not.toMatch(/Zzvoort|Hendrika/)
    }
    expect((await app.call('complaints.get', { id: untouched })).description).toBe(
      'Mijn inkomen werd hardop genoemd aan de balie',
    )
    const logged =
      rows(`select entity_type, cast(entity_id as integer) as entity_id from audit_log where action = 'anonymise'
      order by id`)
    expect(logged).toEqual([
      { entity_type: 'complaint', entity_id: byHousehold },
      { entity_type: 'household', entity_id: h },
      { entity_type: 'complaint', entity_id: byPerson.id },
      { entity_type: 'person', entity_id: person.id },
    ])
    // The household's subject access export no longer holds the complaint.
    const file = await app.call('subjects.export', { kind: 'household', id: h, format: 'json' })
    const txt = await downloadedText(app, file)
    expect(txt).not.toMatch(/Piet|hardop|K-2026-001/)
  })
})
