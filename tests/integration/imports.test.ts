import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MethodInput } from '../../src/shared/api'
import type { ImportJobView, ImportMapping } from '../../src/shared/schemas/imports'
import type { Caller } from '../../src/main/domains/accounts/auth'
import { createTestApp, rejection, type TestApp } from '../helpers/db'
import { addHousehold } from '../helpers/fixtures'
import { downloaded } from '../helpers/downloads'

/*
 * The spreadsheet import through the real router (today 2026-06-15). The messy CSV
 * (tests/fixtures/import/messy-households.csv) has a UTF-8 BOM in front of Windows-1252 text,
 * semicolons, dates as dd-mm-jjjj, d/m/yy, jjjj-mm-dd and d-m-jjjj, postcodes without a space,
 * two empty rows, four invalid rows (lines 6, 7, 9, 10) and at line 11 the existing household
 * "Fam. Oudewater, 3817 MN".
 */

let app: TestApp
let coordinator: Caller
let volunteer: Caller

const messy = (): Uint8Array<ArrayBuffer> =>
  new Uint8Array(readFileSync('tests/fixtures/import/messy-households.csv'))

async function finished(jobId: string, caller: Caller = coordinator): Promise<ImportJobView> {
  for (;;) {
    const view = await app.call('imports.progress', { jobId }, caller)
    if (view.state !== 'running') return view
    await new Promise((r) => setTimeout(r, 10))
  }
}

async function guessFor(
  bytes: Uint8Array<ArrayBuffer>,
  kind: 'households' | 'people',
): Promise<ImportMapping> {
  const seen = await app.call(
    'imports.inspect',
    { file: { fileName: 'f.csv', bytes } },
    coordinator,
  )
  return seen.guess[kind]
}

async function householdCount(): Promise<number> {
  const row = app.open.sqlite.prepare('select count(*) as n from household').get() as { n: number }
  return row.n
}

beforeAll(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
  coordinator = await app.loginAs('coordinator', 'coord.import')
  volunteer = await app.loginAs('volunteer', 'balie.import')
  await addHousehold(app, 'Fam. Oudewater', { postcode: '3817 MN' })
})
afterAll(() => app.close())

describe('imports.inspect', () => {
  it('reads the messy CSV: BOM, Windows-1252, semicolons, empty rows left out', async () => {
    const seen = await app.call(
      'imports.inspect',
      { file: { fileName: 'messy.csv', bytes: messy() } },
      coordinator,
    )
    expect(seen).toMatchObject({ format: 'csv', separator: ';', encoding: 'windows-1252' })
    expect(seen.headers[0]).toBe('Naam contactpersoon')
    expect(seen.rowCount).toBe(9)
    expect(seen.sample.map((r) => r[0])).toEqual([
      'Müller',
      'Çelik',
      'Zoë de Vries',
      'Jansen',
      'Pietersen',
    ])
    const guess = Object.fromEntries(seen.guess.households.map((m) => [m.field, m.column]))
    expect(guess).toMatchObject({
      contactName: 'Naam contactpersoon',
      postcode: 'Postcode',
      city: 'Woonplaats',
      district: 'Wijk',
      incomeSource: 'Inkomen',
      proofSeenOn: 'Inkomensbewijs gezien',
      consentDate: 'Toestemming',
      consentBy: 'Toestemming door',
      contactBirthYear: 'Geboortejaar',
      contactGender: 'Geslacht',
      members: 'Gezinsleden',
      email: null,
    })
  })

  it('refuses a file that is neither CSV nor a workbook, at the field', async () => {
    const err = await rejection(
      app.call(
        'imports.inspect',
        { file: { fileName: 'x.xls', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0, 0, 1]) } },
        coordinator,
      ),
    )
    expect(err.code).toBe('VALIDATION')
    expect(err.fields).toEqual([{ path: 'file.bytes', key: 'importUnreadable' }])
  })

  it('is refused to the counter volunteer', async () => {
    const err = await rejection(
      app.call('imports.inspect', { file: { fileName: 'm.csv', bytes: messy() } }, volunteer),
    )
    expect(err.code).toBe('FORBIDDEN')
  })
})

describe('imports.check and imports.run on the messy CSV', () => {
  let checkJob: string

  it('previews the valid rows as stored and reports every invalid row', async () => {
    const mapping = await guessFor(messy(), 'households')
    const before = await householdCount()
    const { jobId } = await app.call(
      'imports.check',
      { file: { fileName: 'messy.csv', bytes: messy() }, kind: 'households', mapping },
      coordinator,
    )
    checkJob = jobId
    const view = await finished(jobId)
    expect(view.state).toBe('done')
    const check = view.check!
    expect(check).toMatchObject({ rowCount: 9, validCount: 5, invalidCount: 4 })
    expect(check.problems.map((p) => [p.line, p.fieldLabel, p.message])).toEqual([
      [6, 'Postcode', 'Geen geldige postcode (1234 AB)'],
      [7, 'Inkomen', 'Onbekend inkomen: bijstand, WW, AOW, WIA/WAO, Wajong, werk of anders'],
      [9, 'Inkomensbewijs gezien op', 'Geen geldige datum (dd-mm-jjjj)'],
      [10, 'Naam contactpersoon', 'Dit veld is verplicht'],
    ])
    expect(check.duplicates).toEqual([
      { line: 11, label: 'Fam. Oudewater, 3817 MN', existing: expect.stringMatching(/^H-/) },
    ])
    const first = Object.fromEntries(check.preview[0].values.map((v) => [v.field, v.value]))
    expect(first).toMatchObject({
      contactName: 'Müller',
      postcode: '3811 AB',
      incomeSource: 'bijstand',
      proofSeenOn: '03-02-2026',
      members: 'Müller 1980 f; Lena 2012 f; Tom 2015 m',
    })
    const second = Object.fromEntries(check.preview[1].values.map((v) => [v.field, v.value]))
    // 5/3/26 is 5 March 2026.
    expect(second).toMatchObject({ contactName: 'Çelik', consentDate: '05-03-2026' })
    const fourth = Object.fromEntries(check.preview[3].values.map((v) => [v.field, v.value]))
    expect(fourth).toMatchObject({ contactName: 'Fam. Oudewater', consentDate: '07-04-2026' })
    expect(await householdCount()).toBe(before)
  })

  it('hands out the error report as a CSV: line, field, Dutch message', async () => {
    const ticket = await app.call('imports.errorReport', { jobId: checkJob }, coordinator)
    expect(ticket.filename).toBe('importfouten-2026-06-15.csv')
    const text = (await downloaded(app, ticket, coordinator)).toString('utf8')
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe('"Regel";"Veld";"Melding"')
    expect(lines).toContain('"6";"Postcode";"Geen geldige postcode (1234 AB)"')
    expect(lines).toContain('"10";"Naam contactpersoon";"Dit veld is verplicht"')
    expect(lines.some((l) => l.startsWith('"11";"";"Mogelijk dubbel, lijkt op H-'))).toBe(true)
    expect(lines).toHaveLength(6)
  })

  it('a job of another account is not found', async () => {
    const other = await app.loginAs('coordinator', 'coord.ander')
    const err = await rejection(app.call('imports.progress', { jobId: checkJob }, other))
    expect(err.code).toBe('NOT_FOUND')
  })

  it('progress and cancel, answered outside the queue, still refuse a disabled or locked account', async () => {
    const other = await app.loginAs('coordinator', 'coord.weg')
    const { jobId } = await app.call(
      'imports.check',
      {
        file: { fileName: 'rommelig.csv', bytes: messy() },
        kind: 'households',
        mapping: await guessFor(messy(), 'households'),
      },
      other,
    )
    await finished(jobId, other)
    await app.call('auth.lock', {}, other)
    expect((await rejection(app.call('imports.progress', { jobId }, other))).code).toBe('LOCKED')
    app.open.sqlite.prepare(`update account set active = 0 where username = 'coord.weg'`).run()
    for (const method of ['imports.progress', 'imports.cancel'] as const)
      expect(await rejection(app.call(method, { jobId }, other))).toMatchObject({
        code: 'FORBIDDEN',
        key: 'notLoggedIn',
      })
  })

  it('keeps the last four finished jobs of an account, not every file checked in half an hour', async () => {
    const other = await app.loginAs('coordinator', 'coord.vaak')
    const mapping = await guessFor(messy(), 'households')
    const ids: string[] = []
    for (let i = 0; i < 5; i++) {
      const { jobId } = await app.call(
        'imports.check',
        { file: { fileName: 'rommelig.csv', bytes: messy() }, kind: 'households', mapping },
        other,
      )
      await finished(jobId, other)
      ids.push(jobId)
    }
    expect((await rejection(app.call('imports.progress', { jobId: ids[0] }, other))).code).toBe(
      'NOT_FOUND',
    )
    for (const jobId of ids.slice(1))
      expect((await app.call('imports.progress', { jobId }, other)).state).toBe('done')
  })

  it('strict mode imports nothing when a row is invalid', async () => {
    const before = await householdCount()
    const mapping = await guessFor(messy(), 'households')
    const { jobId } = await app.call(
      'imports.run',
      {
        file: { fileName: 'messy.csv', bytes: messy() },
        kind: 'households',
        mapping,
        strict: true,
      },
      coordinator,
    )
    const view = await finished(jobId)
    expect(view.run).toMatchObject({ imported: 0, strictRefused: true })
    expect(await householdCount()).toBe(before)
  })

  it('imports the valid rows, skips the duplicate, and logs the import once', async () => {
    const before = await householdCount()
    const auditBefore = (
      app.open.sqlite.prepare('select max(id) as n from audit_log').get() as { n: number }
    ).n
    const mapping = await guessFor(messy(), 'households')
    const { jobId } = await app.call(
      'imports.run',
      { file: { fileName: 'messy.csv', bytes: messy() }, kind: 'households', mapping },
      coordinator,
    )
    const view = await finished(jobId)
    expect(view.state).toBe('done')
    expect(view.run).toEqual({
      imported: 4,
      skippedInvalid: 4,
      skippedDuplicates: 1,
      strictRefused: false,
    })
    expect(await householdCount()).toBe(before + 4)
    const muller = app.open.sqlite
      .prepare(
        `select h.id, h.postcode, h.proof_seen_on as proof, h.consent_date as consent, h.income_source as income
         from household h where contact_name = 'Müller'`,
      )
      .get() as { id: number; postcode: string; proof: string; consent: string; income: string }
    expect(muller).toMatchObject({ postcode: '3811 AB', proof: '2026-02-03', income: 'bijstand' })
    const members = app.open.sqlite
      .prepare(
        'select first_name as n, birth_year as y, gender as g from member where household_id = ? order by id',
      )
      .all(muller.id)
    expect(members).toEqual([
      { n: 'Müller', y: 1980, g: 'f' },
      { n: 'Lena', y: 2012, g: 'f' },
      { n: 'Tom', y: 2015, g: 'm' },
    ])
    const entries = app.open.sqlite
      .prepare('select action, entity_type as t from audit_log where id > ? order by id')
      .all(auditBefore) as { action: string; t: string }[]
    expect(entries.filter((e) => e.t === 'household' && e.action === 'create')).toHaveLength(4)
    expect(entries.filter((e) => e.t === 'import' && e.action === 'create')).toHaveLength(1)
    // The households list finds an imported household.
    const found = await app.call('households.search', { query: 'Zoë' }, coordinator)
    expect(found.rows.map((r) => r.contactName)).toContain('Zoë de Vries')
  })

  it('imports a flagged duplicate only when its line is ticked', async () => {
    const before = await householdCount()
    const mapping = await guessFor(messy(), 'households')
    // Every other valid row is now a duplicate of the rows imported above.
    const { jobId } = await app.call(
      'imports.run',
      {
        file: { fileName: 'messy.csv', bytes: messy() },
        kind: 'households',
        mapping,
        importDuplicates: [11],
      },
      coordinator,
    )
    const view = await finished(jobId)
    expect(view.run).toMatchObject({ imported: 1, skippedDuplicates: 4 })
    expect(await householdCount()).toBe(before + 1)
  })
})

/** A workbook as a coordinator's spreadsheet holds it: serial dates, date cells, empty rows. */
async function messyWorkbook(): Promise<Uint8Array<ArrayBuffer>> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('Vrijwilligers')
  sheet.addRow([
    'First name',
    'Last name',
    'Zip',
    'Birth year',
    'Gender',
    'Registered on',
    'Intake',
  ])
  sheet.addRow(['Fatma', 'Çelik', '3811ab', 1984, 'v', 46023, null]) // 2026-01-01 as a serial number
  sheet.addRow([])
  sheet.addRow([
    'Sem',
    'de Boer',
    '3812 CD',
    1999,
    'm',
    new Date(Date.UTC(2026, 1, 14)),
    '1-3-2026',
  ])
  sheet.addRow(['', 'Zonder', '', '', '', '01-02-2026', ''])
  sheet.addRow(['Toekomst', 'Jansen', '', 2030, 'x', '2026-02-01', ''])
  return new Uint8Array(await book.xlsx.writeBuffer())
}

describe('people from an .xlsx', () => {
  it('reads serial and date cells, imports the valid people through people.create', async () => {
    const bytes = await messyWorkbook()
    const seen = await app.call(
      'imports.inspect',
      { file: { fileName: 'v.xlsx', bytes } },
      coordinator,
    )
    expect(seen).toMatchObject({ format: 'xlsx', rowCount: 4 })
    const mapping = seen.guess.people
    expect(Object.fromEntries(mapping.map((m) => [m.field, m.column]))).toMatchObject({
      firstName: 'First name',
      lastName: 'Last name',
      postcode: 'Zip',
      birthYear: 'Birth year',
      gender: 'Gender',
      registeredOn: 'Registered on',
      intakeOn: 'Intake',
    })
    const check = await finished(
      (
        await app.call(
          'imports.check',
          { file: { fileName: 'v.xlsx', bytes }, kind: 'people', mapping },
          coordinator,
        )
      ).jobId,
    )
    expect(check.check!.problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [5, 'firstName', 'Dit veld is verplicht'],
      [6, 'birthYear', 'Dit geboortejaar ligt in de toekomst'],
    ])
    const run = await finished(
      (
        await app.call(
          'imports.run',
          { file: { fileName: 'v.xlsx', bytes }, kind: 'people', mapping },
          coordinator,
        )
      ).jobId,
    )
    expect(run.run).toMatchObject({ imported: 2, skippedInvalid: 2 })
    const people = app.open.sqlite
      .prepare(
        `select first_name as f, postcode as p, registered_on as r, intake_on as i, gender as g, status as s
         from person where last_name in ('Çelik', 'de Boer') order by id`,
      )
      .all()
    expect(people).toEqual([
      { f: 'Fatma', p: '3811 AB', r: '2026-01-01', i: null, g: 'female', s: 'registered' },
      { f: 'Sem', p: '3812 CD', r: '2026-02-14', i: '2026-03-01', g: 'male', s: 'intake' },
    ])
  })
})

describe('files that would make the read run away', () => {
  /** The field error `imports.inspect` answers for this file. */
  async function refusedKey(fileName: string, bytes: Uint8Array<ArrayBuffer>): Promise<string> {
    const err = await rejection(
      app.call('imports.inspect', { file: { fileName, bytes } }, coordinator),
    )
    expect(err.code).toBe('VALIDATION')
    return err.fields?.[0]?.key ?? ''
  }

  it('refuses a workbook with a cell far out (XFD1048576) before reading billions of cells', async () => {
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('Blad1')
    sheet.getCell('A1').value = 'Naam'
    sheet.getCell('XFD1048576').value = 'x'
    const bytes = new Uint8Array(await book.xlsx.writeBuffer())
    expect(bytes.byteLength).toBeLessThan(20_000)
    expect(await refusedKey('ver.xlsx', bytes)).toBe('importTooManyColumns')
  })

  it('refuses a workbook of a few kB that unpacks to megabytes (a zip bomb), before unpacking', async () => {
    const book = new ExcelJS.Workbook()
    book.addWorksheet('Blad1').addRow(['Naam', 'x'.repeat(5_000_000)])
    const bytes = new Uint8Array(await book.xlsx.writeBuffer())
    expect(bytes.byteLength).toBeLessThan(100_000)
    expect(await refusedKey('bom.xlsx', bytes)).toBe('importUnpackedTooLarge')
  })

  it('refuses a CSV of more than 200 columns', async () => {
    const header = Array.from({ length: 201 }, (_, i) => `Kolom ${i + 1}`).join(';')
    const bytes = new TextEncoder().encode(`${header}\n${'a;'.repeat(200)}a`)
    expect(await refusedKey('breed.csv', bytes)).toBe('importTooManyColumns')
  })

  it('a cancel while a large workbook is read ends the read at once, in its thread', async () => {
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('Blad1')
    sheet.addRow(['Naam', 'Postcode', 'Plaats', 'Inkomen', 'Toestemming', 'Toestemming door'])
    for (let i = 0; i < 20_000; i++)
      sheet.addRow([`Leesgezin ${i}`, '3811 AB', 'Amersfoort', 'werk', '01-03-2026', 'Anja'])
    const bytes = new Uint8Array(await book.xlsx.writeBuffer())
    const mapping = await guessFor(
      new TextEncoder().encode(
        'Naam;Postcode;Plaats;Inkomen;Toestemming;Toestemming door\nA;3811 AB;A;werk;01-03-2026;A',
      ),
      'households',
    )
    // How the read in the worker ends: with its answer, or ended by the cancel.
    const pool = app.vault.workers
    const run = pool.run.bind(pool)
    const reads: Promise<string>[] = []
    pool.run = ((task, taskInput, options) => {
      const answer = run(task, taskInput, options)
      if (task.name === 'imports.readFile')
        reads.push(
          answer.then(
            () => 'read whole',
            (err: Error) => err.name,
          ),
        )
      return answer
    }) as typeof pool.run
    try {
      const { jobId } = await app.call(
        'imports.check',
        { file: { fileName: 'groot.xlsx', bytes }, kind: 'households', mapping },
        coordinator,
      )
      const asked = await app.call('imports.cancel', { jobId }, coordinator)
      expect(asked).toMatchObject({ state: 'running', phase: 'reading' })
      const view = await finished(jobId)
      expect(view.state).toBe('cancelled')
      expect(view.check).toBeNull()
      // The reading thread was ended, not left to finish the workbook.
      expect(await Promise.all(reads)).toEqual(['TaskCancelledError'])
    } finally {
      pool.run = run
    }
  })
})

describe('saved mappings', () => {
  it('saves a named mapping per kind and loads it again; the same name replaces it', async () => {
    const mapping: MethodInput<'imports.mappings.save'>['mapping'] = [
      { field: 'contactName', column: 'Naam', fixed: null },
      { field: 'consentBy', column: null, fixed: 'Anja' },
    ]
    const saved = await app.call(
      'imports.mappings.save',
      { kind: 'households', name: 'Oude lijst', mapping },
      coordinator,
    )
    await app.call(
      'imports.mappings.save',
      { kind: 'households', name: 'oude lijst', mapping: mapping.slice(0, 1) },
      coordinator,
    )
    const list = await app.call('imports.mappings.list', { kind: 'households' }, coordinator)
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({ id: saved.id, name: 'oude lijst', mapping: [mapping[0]] })
    expect(await app.call('imports.mappings.list', { kind: 'people' }, coordinator)).toEqual([])
    const err = await rejection(
      app.call(
        'imports.mappings.save',
        {
          kind: 'people',
          name: 'x',
          mapping: [{ field: 'contactName', column: 'a', fixed: null }],
        },
        coordinator,
      ),
    )
    expect(err.fields).toEqual([{ path: 'mapping.0.field', key: 'invalidOption' }])
    await app.call('imports.mappings.delete', { id: saved.id }, coordinator)
    expect(await app.call('imports.mappings.list', { kind: 'households' }, coordinator)).toEqual([])
  })
})

describe('a large file', () => {
  /** 10,000 households, every one valid, each named `<name> <number>`. */
  function bigCsv(name = 'Gezin'): Uint8Array<ArrayBuffer> {
    const lines = ['Naam;Postcode;Plaats;Inkomen;Toestemming;Toestemming door']
    for (let i = 0; i < 10_000; i++) {
      const pc = `${1000 + (i % 8999)} AB`
      lines.push(`${name} ${i};${pc};Amersfoort;werk;01-03-2026;Anja`)
    }
    return new TextEncoder().encode(lines.join('\n'))
  }

  it('shows progress while it imports 10,000 rows, and finishes', async () => {
    const bytes = bigCsv()
    const before = await householdCount()
    const mapping = await guessFor(bytes, 'households')
    const { jobId } = await app.call(
      'imports.run',
      { file: { fileName: 'groot.csv', bytes }, kind: 'households', mapping },
      coordinator,
    )
    const seen: string[] = []
    let view: ImportJobView
    for (;;) {
      view = await app.call('imports.progress', { jobId }, coordinator)
      if (view.state !== 'running') break
      if (view.total > 0 && view.done > 0 && view.done < view.total) seen.push(view.phase)
      await new Promise((r) => setTimeout(r, 5))
    }
    expect(view.state).toBe('done')
    // The bar moves in both phases: while the rows are written too, the progress is answered
    // before the commit.
    expect(seen).toContain('checking')
    expect(seen).toContain('saving')
    expect(view.run!.skippedInvalid).toBe(0)
    expect(view.run!.imported + view.run!.skippedDuplicates).toBe(10_000)
    expect(await householdCount()).toBe(before + view.run!.imported)
  }, 300_000)

  it('a cancel before the commit changes nothing', async () => {
    // Other names than the test before: not one of them a duplicate, so every row is written.
    const bytes = bigCsv('Familie')
    const before = await householdCount()
    const auditBefore = app.open.sqlite.prepare('select count(*) as n from audit_log').get()
    const mapping = await guessFor(bytes, 'households')
    const { jobId } = await app.call(
      'imports.run',
      { file: { fileName: 'groot.csv', bytes }, kind: 'households', mapping, importDuplicates: [] },
      coordinator,
    )
    // Stopped while the rows are being written, in the one transaction.
    for (;;) {
      const view = await app.call('imports.progress', { jobId }, coordinator)
      if (view.phase === 'saving' && view.done > 0) break
      expect(view.state).toBe('running')
      await new Promise((r) => setTimeout(r, 5))
    }
    const asked = await app.call('imports.cancel', { jobId }, coordinator)
    // The cancel was answered while the writing went on, not after it.
    expect(asked.state).toBe('running')
    expect(asked.done).toBeLessThan(asked.total)
    const view = await finished(jobId)
    expect(view.state).toBe('cancelled')
    expect(await householdCount()).toBe(before)
    expect(app.open.sqlite.prepare('select count(*) as n from audit_log').get()).toEqual(
      auditBefore,
    )
  }, 300_000)
})
