import type { MethodInput } from '../../src/shared/api'
import { ADMIN_PASSWORD, type TestApp } from './db'

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

export async function listIds(app: TestApp, kind: 'topic' | 'category'): Promise<number[]> {
  return (await app.call('lists.list', { kind })).map((i) => i.id)
}

/**
 * The active partners' ids in the order they were added: on a new file the six referral
 * destinations the first version shipped (Schuldhulpverlening first), now on the sociale kaart.
 */
export async function partnerIds(app: TestApp): Promise<number[]> {
  return (await app.call('partners.list', {})).map((p) => p.id).sort((a, b) => a - b)
}

type Connection = TestApp['open']['sqlite']

/**
 * A value that moves whenever a row in the file may have changed: rows this connection inserted,
 * updated or deleted (total_changes also counts triggers, foreign key actions and statements
 * rolled back later), commits by any other connection (data_version; the worker threads have
 * their own) and any change of the schema (schema_version).
 */
function changeStamp(sqlite: Connection): string {
  const own = (sqlite.prepare('select total_changes() as n').get() as { n: number }).n
  const others = sqlite.pragma('data_version', { simple: true }) as number
  const schema = sqlite.pragma('schema_version', { simple: true }) as number
  return `${own}:${others}:${schema}`
}

/** The last full read per connection, with the stamp it was read at. */
const lastRead = new WeakMap<Connection, { stamp: string; text: string }>()

/**
 * Every row of every table, to prove that a refused call changed nothing. Reading the whole
 * file costs milliseconds, and the property tests take thousands of snapshots; when nothing was
 * written since the last read (same stamp), reading again would give the same text, so that
 * text is returned. After any write the file is read in full, so rows that were written back
 * unchanged still compare equal, as before.
 */
export function snapshot(app: TestApp): string {
  const sqlite = app.open.sqlite
  const stamp = changeStamp(sqlite)
  const last = lastRead.get(sqlite)
  if (last?.stamp === stamp) return last.text
  const tables = sqlite
    .prepare(
      "select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
    )
    .all() as { name: string; sql: string }[]
  // A table without rowid (the kept year rows) is read in the order of its primary key.
  const order = (t: { sql: string }) => (/without rowid\s*$/i.test(t.sql) ? '' : 'order by rowid')
  const text = JSON.stringify(
    tables.map((t) => [t.name, sqlite.prepare(`select * from "${t.name}" ${order(t)}`).all()]),
  )
  lastRead.set(sqlite, { stamp, text })
  return text
}

let nextPostcode = 5000
/** A new household with a postcode of its own, so the duplicate check never stops it. */
export async function addHousehold(
  app: TestApp,
  contactName: string,
  over: Partial<MethodInput<'households.create'>> = {},
): Promise<number> {
  const postcode = `${nextPostcode++} AB`
  return (
    await app.call(
      'households.create',
      householdInput({ contactName, postcode, phone: null, ...over }),
    )
  ).id
}

/** The half-day on `date` (of `part`, or the first of that day). */
export async function slotOn(
  app: TestApp,
  date: string,
  part?: 'morning' | 'afternoon' | 'evening',
): Promise<number> {
  const found = (await app.call('slots.list', { from: date, to: date })).find(
    (s) => !part || s.part === part,
  )
  if (!found) throw new Error(`no half-day on ${date} ${part ?? ''}`)
  return found.id
}

/**
 * Runs `fn` at an earlier moment, then returns to now and unlocks the admin's screen (the jump
 * back makes it look idle).
 */
export async function atMoment<T>(app: TestApp, at: string, fn: () => Promise<T>): Promise<T> {
  const now = app.clock.now().toISOString()
  app.clock.set(at)
  try {
    return await fn()
  } finally {
    app.clock.set(now)
    await app.call('auth.unlock', { password: ADMIN_PASSWORD })
  }
}
