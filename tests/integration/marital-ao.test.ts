import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, rejection, type TestApp } from '../helpers/db'
import { householdInput } from '../helpers/fixtures'
import { downloaded } from '../helpers/downloads'
import type { SubjectReport } from '../../src/main/domains/subjects/types'

/**
 * Issue 17's small additions: "AO" (arbeidsongeschiktheid, WIA/WAO) as an income source, and an
 * optional burgerlijke staat of a household's contact and of a person of the volunteers register
 * (migration 0033): saved, shown, refused at its field when the code is not on the list, in the
 * subject access export, and blanked when the record is anonymised.
 */

let app: TestApp
beforeEach(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
})
afterEach(async () => app.close())

const householdRow = (id: number) =>
  app.open.sqlite.prepare('select * from household where id = ?').get(id)
const personRow = (id: number) =>
  app.open.sqlite.prepare('select * from person where id = ?').get(id)
const auditCount = () =>
  (app.open.sqlite.prepare('select count(*) as n from audit_log').get() as { n: number }).n

async function subjectReport(kind: 'household' | 'person', id: number): Promise<SubjectReport> {
  const file = await app.call('subjects.export', { kind, id, format: 'json' })
  return JSON.parse((await downloaded(app, file)).toString('utf8')) as SubjectReport
}

function detailsRow(report: SubjectReport, part: string): Record<string, unknown> {
  const table = report.parts.find((p) => p.key === part)?.tables.find((t) => t.key === 'details')
  if (!table) throw new Error(`no details in ${part}`)
  return table.rows[0] as Record<string, unknown>
}

describe('a household on AO with a burgerlijke staat', () => {
  it('is saved, shown to staff, exported, and audited by field name only', async () => {
    const { id } = await app.call(
      'households.create',
      householdInput({ incomeSource: 'ao', maritalStatus: 'married' }),
    )
    const { household } = await app.call('households.get', { id })
    expect(household).toMatchObject({ incomeSource: 'ao', maritalStatus: 'married' })

    await app.call('households.update', {
      id,
      ...householdInput({ incomeSource: 'ao', maritalStatus: 'divorced' }),
    })
    expect((await app.call('households.get', { id })).household.maritalStatus).toBe('divorced')
    const update = app.open.sqlite
      .prepare(
        `select fields from audit_log where action = 'update' and entity_type = 'household'
         order by id desc limit 1`,
      )
      .get() as { fields: string }
    expect(update.fields).toBe('maritalStatus')
    expect(JSON.stringify(app.open.sqlite.prepare('select * from audit_log').all())).not.toContain(
      'divorced',
    )

    // Left empty it is unknown again.
    await app.call('households.update', { id, ...householdInput({ incomeSource: 'ao' }) })
    expect((await app.call('households.get', { id })).household.maritalStatus).toBeNull()
    await app.call('households.update', {
      id,
      ...householdInput({ incomeSource: 'ao', maritalStatus: 'married' }),
    })

    // The counter volunteer gets neither the income source nor the burgerlijke staat.
    const counter = await app.loginAs('volunteer')
    await app.call('households.search', { query: 'Sanne de Vries' }, counter)
    const seen = (await app.call('households.get', { id }, counter)).household
    expect(seen).not.toHaveProperty('maritalStatus')
    expect(seen).not.toHaveProperty('incomeSource')

    const coordinator = await app.loginAs('coordinator')
    const made = await app.call('exports.list', { list: 'households', format: 'csv' }, coordinator)
    const csv = (await downloaded(app, made, coordinator)).toString('utf8')
    expect(csv).toContain('AO-uitkering (WIA, WAO)')

    const report = await subjectReport('household', id)
    const about = report.parts
      .find((p) => p.key === 'processing')
      ?.tables.find((t) => t.key === 'processing')?.rows[0] as { categories: string[] }
    expect(about.categories).toContain('contactgegevens, adres en burgerlijke staat')
    const details = detailsRow(report, 'household')
    expect(details).toMatchObject({
      incomeSource: 'AO-uitkering (WIA, WAO)',
      maritalStatus: 'gehuwd of geregistreerd partner',
    })
  })

  it('refuses a code not on the list at its field, and changes nothing', async () => {
    const { id } = await app.call('households.create', householdInput({ maritalStatus: 'single' }))
    const before = householdRow(id)
    const audits = auditCount()
    for (const maritalStatus of ['engaged', '', 3]) {
      const refused = await rejection(
        app.call('households.update', {
          id,
          ...householdInput(),
          maritalStatus: maritalStatus as 'single',
        }),
      )
      expect(refused.code).toBe('VALIDATION')
      expect(refused.fields?.map((f) => f.path)).toEqual(['maritalStatus'])
    }
    const wrongIncome = await rejection(
      app.call('households.create', householdInput({ incomeSource: 'wia' as 'ao' })),
    )
    expect(wrongIncome.fields).toEqual([{ path: 'incomeSource', key: 'invalidOption' }])
    const badNew = await rejection(
      app.call('households.create', householdInput({ maritalStatus: 'engaged' as 'single' })),
    )
    expect(badNew.fields).toEqual([{ path: 'maritalStatus', key: 'invalidOption' }])
    expect(householdRow(id)).toEqual(before)
    expect(auditCount()).toBe(audits)
    expect(
      (app.open.sqlite.prepare('select count(*) as n from household').get() as { n: number }).n,
    ).toBe(1)
  })

  it('loses its burgerlijke staat when anonymised', async () => {
    const { id } = await app.call(
      'households.create',
      householdInput({ incomeSource: 'ao', maritalStatus: 'widowed' }),
    )
    await app.call('retention.anonymise', { kind: 'household', id })
    expect(householdRow(id)).toMatchObject({ marital_status: null, income_source: 'anders' })
    const entry = app.open.sqlite
      .prepare(`select fields from audit_log where action = 'anonymise'`)
      .get() as { fields: string }
    expect(entry.fields.split(',')).toContain('maritalStatus')
  })
})

describe('a person with a burgerlijke staat', () => {
  const person = {
    firstName: 'Marja',
    lastName: 'Visser',
    registeredOn: '2026-03-01',
    maritalStatus: 'widowed',
  } as const

  it('is saved, returned, changed, exported and blanked when anonymised', async () => {
    const created = await app.call('people.create', person)
    expect(created.maritalStatus).toBe('widowed')
    expect((await app.call('people.get', { id: created.id })).maritalStatus).toBe('widowed')

    const updated = await app.call('people.update', {
      ...person,
      id: created.id,
      status: 'registered',
      maritalStatus: 'cohabiting',
    })
    expect(updated.maritalStatus).toBe('cohabiting')
    const entry = app.open.sqlite
      .prepare(
        `select fields from audit_log where action = 'update' and entity_type = 'person'
         order by id desc limit 1`,
      )
      .get() as { fields: string }
    expect(entry.fields).toBe('maritalStatus')

    expect(detailsRow(await subjectReport('person', created.id), 'person')).toMatchObject({
      maritalStatus: 'samenwonend',
    })

    await app.call('retention.anonymise', { kind: 'person', id: created.id })
    expect(personRow(created.id)).toMatchObject({ marital_status: null })
  })

  it('starts unknown, and a code not on the list is refused at its field', async () => {
    const plain = await app.call('people.create', { ...person, maritalStatus: undefined })
    expect(plain.maritalStatus).toBeNull()
    const before = personRow(plain.id)
    const audits = auditCount()
    const refused = await rejection(
      app.call('people.update', {
        ...person,
        id: plain.id,
        status: 'registered',
        maritalStatus: 'partner' as 'single',
      }),
    )
    expect(refused.code).toBe('VALIDATION')
    expect(refused.fields).toEqual([{ path: 'maritalStatus', key: 'invalidOption' }])
    expect(personRow(plain.id)).toEqual(before)
    expect(auditCount()).toBe(audits)
  })
})
