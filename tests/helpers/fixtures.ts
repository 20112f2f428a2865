import type { MethodInput } from '../../src/shared/api'
import type { TestApp } from './db'

/** A valid new household; override any field. */
export function householdInput(
  over: Partial<MethodInput<'households.create'>> = {},
): MethodInput<'households.create'> {
  return {
    contactName: 'Sanne de Vries',
    street: 'Lindelaan',
    houseNumber: '12',
    postcode: '3811 HZ',
    city: 'Amersfoort',
    district: 'Binnenstad',
    phone: '06-12345678',
    email: 'sanne@example.nl',
    incomeSource: 'bijstand',
    referrer: 'Wijkteam',
    proofSeenOn: '2026-03-01',
    consentDate: '2026-03-01',
    consentBy: 'Anja (coördinator)',
    members: [
      { firstName: 'Sanne', birthYear: 1988, gender: 'f' },
      { firstName: 'Noah', birthYear: 2016, gender: 'm', clothingSize: '128' },
      { firstName: 'Lotte', birthYear: 2020, gender: 'f', clothingSize: '110' },
    ],
    ...over,
  }
}

export async function listIds(
  app: TestApp,
  kind: 'topic' | 'destination' | 'category',
): Promise<number[]> {
  return (await app.call('lists.list', { kind })).map((i) => i.id)
}

/** Every row of every table, to prove that a refused call changed nothing. */
export function snapshot(app: TestApp): string {
  const tables = app.open.sqlite
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
    )
    .all() as { name: string }[]
  return JSON.stringify(
    tables.map((t) => [
      t.name,
      app.open.sqlite.prepare(`select * from "${t.name}" order by rowid`).all(),
    ]),
  )
}
