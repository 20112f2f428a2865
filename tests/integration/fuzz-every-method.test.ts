import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { api, METHOD_NAMES, type MethodName } from '../../src/shared/api'
import { ERROR_CODES } from '../../src/shared/errors'
import type { Role } from '../../src/shared/schemas/accounts'
import { AUTH_METHODS } from '../../src/main/router'
import type { Caller } from '../../src/main/domains/accounts/auth'
import { ADMIN_PASSWORD, createTestApp, newCaller, type TestApp } from '../helpers/db'
import { householdInput, listIds, snapshot, partnerIds } from '../helpers/fixtures'
import { complaintAndLetterBases } from '../helpers/complaint-letters'
import { volunteerCoreBases, volunteerFixture } from '../helpers/volunteers'
import { followupBases, followupFixture } from '../helpers/volunteers-followup'
import { matchingBases, matchingFixture } from '../helpers/volunteers-matching'
import { reportBases, reportFixture } from '../helpers/reports'
import { trainingBases, trainingFixture } from '../helpers/trainings'
import { supportBases, supportFixture } from '../helpers/support'
import { areasBases, areasFixture, outcomesBases, outcomesFixture } from '../helpers/outcomes'

/*
 * A fuzz run over every method of the contract, as every role and as nobody, with inputs made
 * from a valid one by replacing parts with crafted values: unicode that normalises to nothing,
 * lone surrogates, dotless i, path tricks, absurd numbers and dates, deep nesting. Whatever comes
 * in, main answers with an AppError a screen can show (never INTERNAL), a role that is not listed
 * gets FORBIDDEN, and a refused call changes nothing: no row and no file in the data folder.
 */

// Strings that look harmless and are not, or normalise to something else.
const CRAFTED_STRINGS = [
  '',
  ' ',
  '\u0300\u0300',
  '\u200b\u200b\u200b',
  '\u00ad\u00ad',
  'a\u0301',
  'ı',
  'İİ',
  'Yılmaz',
  '\ud800\udc00\ud800',
  '\u202eoiduA',
  '\u0000\u0000',
  '%00%2e%2e',
  '../../dichtbij-sleutels.json',
  '..\\..\\x.dichtbij-backup',
  'bestaat-niet.dichtbij-backup',
  "'; drop table household; --",
  '<img src=x onerror=alert(1)>',
  '=HYPERLINK("http://x")',
  '2026-02-30',
  '1900-01-01',
  '0000-01-01',
  '9999-12-31',
  '2026-06-15T10:00:00Z',
  'x'.repeat(5000),
  '🙂'.repeat(60),
]
const CRAFTED_NUMBERS = [0, -1, 1, 2, 3, 7, 999_999, 2 ** 31, 2 ** 53, -(2 ** 53), 1.5, -0, NaN]

function deepNest(depth: number): unknown {
  let v: unknown = 1
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v }
  return v
}

const craftedValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...CRAFTED_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom(...CRAFTED_NUMBERS) },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false, [], {}) },
  // Files travel as bytes now: bytes where main wants text or a number, and a tag that IPC
  // never decodes (only the browser bridge knows `$bytes`).
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      new Uint8Array(0),
      new Uint8Array([0x44, 0x49, 0x43, 0x48, 0x54, 0x42, 0x49, 0x4a]),
      { $bytes: 'RElDSFRCSUo=' },
    ),
  },
  { weight: 1, arbitrary: fc.constant(deepNest(150)) },
  { weight: 1, arbitrary: fc.constant(Array.from({ length: 20_000 }, () => 1)) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12, unit: 'grapheme-composite' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
)

/** Replaces the leaves of `value` chosen by `picks` with crafted values (one path at a time). */
function mutate(value: unknown, picks: number[], replacements: unknown[], depth = 0): unknown {
  if (!picks.length) return value
  if (Array.isArray(value)) {
    if (!value.length) return replacements[0]
    const i = picks[0] % (value.length + 1)
    if (i === value.length) return replacements[0]
    const copy = [...value]
    copy[i] = mutate(value[i], picks.slice(1), replacements.slice(1), depth + 1)
    return copy
  }
  if (value && typeof value === 'object') {
    const keys = Object.keys(value)
    const i = picks[0] % (keys.length + 2)
    // Past the keys: an unknown extra key, or the whole object replaced.
    if (i === keys.length) return { ...value, ['__proto__x' + depth]: replacements[0] }
    if (i === keys.length + 1) return replacements[0]
    const key = keys[i]
    return {
      ...value,
      [key]: mutate(
        (value as Record<string, unknown>)[key],
        picks.slice(1),
        replacements.slice(1),
        depth + 1,
      ),
    }
  }
  return replacements[0]
}

/** A small spreadsheet for the import methods (a header and one row). */
const IMPORT_CSV = new TextEncoder().encode('Naam;Postcode\nJansen;3811 AB\n')

let app: TestApp
let callers: Record<Exclude<Role, never>, Caller>
let base: Record<MethodName, unknown>
let protectedAccountIds: number[]

const SECRET = {
  referrer: 'GEHEIM-VERWIJZER-Q7',
  notes: 'GEHEIM-NOTITIE-Q7',
  intakeNote: 'GEHEIM-INTAKE-Q7',
  visitReferralNote: 'GEHEIM-DOORVERWIJZING-Q7',
}

beforeAll(async () => {
  app = await createTestApp('2026-06-16T08:00:00Z')
  const h = await app.call(
    'households.create',
    householdInput({
      contactName: 'Ayşe Yılmaz',
      referrer: SECRET.referrer,
      notes: SECRET.notes,
    } as Parameters<typeof householdInput>[0]),
  )
  const other = await app.call(
    'households.create',
    householdInput({ contactName: 'Wim Wisbaar', postcode: '9711 AA', phone: null }),
  )
  const colleague = await app.call('users.create', {
    username: 'collega',
    displayName: 'Collega',
    role: 'coordinator',
    password: 'Eerste-wachtwoord-voor-jou',
  })
  const coordinator = await app.loginAs('coordinator', 'coco')
  const volunteer = await app.loginAs('volunteer', 'vera')
  callers = { admin: app.admin, coordinator, volunteer }
  const accounts = await app.call('users.list', {})
  protectedAccountIds = accounts.filter((a) => a.username !== 'collega').map((a) => a.id)
  await app.call('slots.generate', {
    from: '2026-06-15',
    to: '2026-07-31',
    template: [
      { weekday: 2, part: 'morning', capacity: 4 },
      { weekday: 2, part: 'afternoon', capacity: 4 },
    ],
  })
  const slots = await app.call('slots.list', { from: '2026-06-16', to: '2026-06-23' })
  const [category] = await listIds(app, 'category')
  const [topic] = await listIds(app, 'topic')
  const [destination] = await partnerIds(app)
  await app.call('intakes.create', {
    householdId: h.id,
    date: '2026-06-16',
    doneBy: 'Anja',
    topicIds: [topic],
    referrals: [{ destinationId: destination }],
    notes: SECRET.intakeNote,
  } as never)
  const booked = await app.call('appointments.book', { slotId: slots[0].id, householdId: h.id })
  // Last week's visit, with a conversation whose referral note the counter never reads.
  const { visit: lastWeek } = await app.call('visits.register', {
    householdId: h.id,
    date: '2026-06-09',
    servedBy: 'Anja',
    items: [],
    topics: [topic],
    referrals: [{ destinationId: destination, note: SECRET.visitReferralNote }],
  })
  // Two collections: one the fuzz may let leave, one to tell families of.
  const collection = await app.call('collections.create', {
    name: 'Zomer',
    season: 'summer',
    arrivesOn: '2026-06-16',
  })
  const leaving = await app.call('collections.create', {
    name: 'Winter',
    season: 'winter',
    arrivesOn: '2026-01-01',
  })
  const { backup } = await app.call('backup.create', { download: false })
  const bases: Partial<Record<MethodName, unknown>> = {
    'setup.status': {},
    'setup.create': {
      organisation: { name: 'Nog een winkel' },
      admin: {
        username: 'tweede',
        displayName: 'Tweede',
        password: 'Een-ander-lang-wachtwoord',
        passwordRepeat: 'Een-ander-lang-wachtwoord',
      },
    },
    'auth.login': { username: 'beheerder', password: 'Niet-het-goede-1' },
    'auth.session': { activity: true },
    'setup.restore': {
      source: { kind: 'folder', name: backup.name },
      secret: { method: 'password', username: 'beheerder', password: ADMIN_PASSWORD },
      confirm: true,
    },
    'setup.damaged': {},
    'computer.language': {},
    'computer.setLanguage': { language: 'en' },
    'auth.logout': {},
    'auth.lock': { reason: 'button' },
    'auth.unlock': { password: 'Niet-het-goede-1' },
    'auth.changePassword': {
      currentPassword: 'Niet-het-goede-1',
      newPassword: 'Een-nieuw-lang-wachtwoord',
      newPasswordRepeat: 'Een-nieuw-lang-wachtwoord',
    },
    'users.list': {},
    'users.create': {
      username: 'nieuw',
      displayName: 'Nieuw',
      role: 'volunteer',
      password: 'Lange-zin-als-wachtwoord',
    },
    'users.update': { id: colleague.id, displayName: 'Andere Naam', role: 'volunteer' },
    'users.resetPassword': { id: colleague.id, password: 'Tijdelijk-wachtwoord-77' },
    'audit.list': { action: 'view', page: 1, pageSize: 20 },
    'audit.verify': {},
    'audit.export': { action: 'create', from: '2026-01-01', to: '2026-06-16' },
    'organisation.get': {},
    'organisation.update': { name: 'Stichting Nieuw', city: 'Zwolle', postcode: '8011 AB' },
    'households.create': householdInput({ contactName: 'Kees Bakker', phone: null }),
    'households.update': { id: other.id, ...householdInput({ contactName: 'Wim Wisbaar' }) },
    'households.get': { id: h.id },
    'households.search': { query: 'yilmaz', status: 'all', limit: 25, offset: 0 },
    'households.duplicates': { contactName: 'Ayse Yilmaz', postcode: '3811 HZ' },
    'households.districts': {},
    'households.callList': { notSeenSince: '2026-05-01' },
    'households.callListCsv': { notSeenSince: '2026-05-01' },
    'households.markContacted': { householdId: other.id, date: '2026-06-16' },
    'collections.list': {},
    'collections.create': { name: 'Najaar', season: 'autumn', arrivesOn: '2026-09-01' },
    'collections.update': {
      id: collection.id,
      name: 'Zomer 2026',
      season: 'summer',
      arrivesOn: '2026-06-16',
    },
    'collections.callList': { id: collection.id, told: 'notTold' },
    'collections.markTold': {
      id: collection.id,
      householdId: other.id,
      how: 'phone',
      date: '2026-06-16',
    },
    'collections.leave': { id: leaving.id, date: '2026-06-16', note: 'Naar de kringloop' },
    'intakes.create': {
      householdId: other.id,
      date: '2026-06-16',
      doneBy: 'Anja',
      topicIds: [topic],
      referrals: [{ destinationId: destination }],
      debts: 'yes',
      multipleProblems: 'unknown',
    },
    'intakes.blankForm': {},
    'slots.generate': {
      from: '2026-08-01',
      to: '2026-08-31',
      template: [{ weekday: 4, part: 'morning', capacity: 5 }],
    },
    'slots.list': { from: '2026-06-16', to: '2026-06-30' },
    'slots.update': { id: slots[1].id, capacity: 3 },
    'slots.remove': { id: slots[slots.length - 1].id },
    'appointments.book': { slotId: slots[1].id, householdId: other.id },
    'appointments.setStatus': { appointmentId: booked.appointment.id, status: 'came' },
    'appointments.check': { slotId: slots[1].id, householdId: other.id },
    'appointments.move': { id: booked.appointment.id, slotId: slots[1].id },
    'appointments.byDay': { date: '2026-06-16' },
    'visits.register': {
      householdId: h.id,
      appointmentId: booked.appointment.id,
      date: '2026-06-16',
      servedBy: 'Vera',
      items: [{ categoryId: category, count: 2 }],
      topics: [topic],
      referrals: [{ destinationId: destination, note: 'Belt zelf' }],
    },
    'visits.recordConversation': {
      visitId: lastWeek.id,
      topics: [topic],
      referrals: [{ destinationId: destination, note: 'Afspraak gemaakt' }],
    },
    'visits.check': {
      householdId: h.id,
      date: '2026-06-16',
      servedBy: 'Vera',
      items: [{ categoryId: category, count: 30 }],
    },
    'lists.list': { kind: 'topic' },
    'lists.create': { kind: 'topic', name: 'Nieuw onderwerp' },
    'lists.update': { id: topic, name: 'Opvoeding', active: true },
    'partners.list': { query: 'schuld' },
    'search.global': { query: 'vries' },
    'help.quickGuide': { guide: 'counter' },
    // The oefenomgeving: refused where none is set up (the test app has none).
    'workshop.status': {},
    'workshop.open': { username: 'beheerder', password: 'Niet-het-goede-1' },
    'workshop.leave': { username: 'beheerder', password: 'Niet-het-goede-1' },
    'workshop.reset': {},
    'workshop.loginsSheet': {},
    'firstSteps.get': {},
    'partners.areas': {},
    'partners.create': { name: 'Taalhuis', kind: 'education_language', area: 'Noord' },
    'partners.update': {
      id: destination,
      name: 'Schuldhulpverlening',
      kind: 'debt_help',
      area: 'Eemstad',
      active: true,
    },
    'settings.get': {},
    'settings.update': { defaultCapacity: 4 },
    'shop.dashboard': { date: '2026-06-16' },
    'shop.day': {},
    'shop.stats': { from: '2026-01-01', to: '2026-06-16' },
    'shop.totals': { date: '2026-06-16' },
    'retention.due': {},
    'retention.anonymise': { id: other.id },
    'retention.delete': { id: other.id },
    'retention.terms': {},
    'retention.updateTerms': { households: 36 },
    'subjects.export': { kind: 'household', id: h.id, format: 'json' },
    'backup.list': {},
    'backup.create': { download: false },
    'backup.verify': { name: backup.name },
    'backup.restore': {
      source: { kind: 'folder', name: backup.name },
      secret: { method: 'recoveryKey', recoveryKey: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF' },
      confirm: true,
    },
    'backup.setFolder': { folder: null },
    'recovery.regenerate': {},
    'recovery.confirm': {},
    'jobs.list': {},
    // No such job: refused as not found, whoever asks.
    'jobs.cancel': { id: '00000000-0000-4000-8000-000000000000' },
    'imports.inspect': { file: { fileName: 'lijst.csv', bytes: IMPORT_CSV } },
    'imports.check': {
      file: { fileName: 'lijst.csv', bytes: IMPORT_CSV },
      kind: 'households',
      mapping: [{ field: 'contactName', column: 'Naam', fixed: null }],
    },
    'imports.run': {
      file: { fileName: 'lijst.csv', bytes: IMPORT_CSV },
      kind: 'households',
      mapping: [{ field: 'contactName', column: 'Naam', fixed: null }],
      strict: true,
      importDuplicates: [],
    },
    'imports.progress': { jobId: '00000000-0000-4000-8000-000000000000' },
    'imports.cancel': { jobId: '00000000-0000-4000-8000-000000000000' },
    'imports.errorReport': { jobId: '00000000-0000-4000-8000-000000000000' },
    'imports.mappings.list': { kind: 'people' },
    'imports.mappings.save': {
      kind: 'people',
      name: 'Vrijwilligerslijst',
      mapping: [{ field: 'firstName', column: 'Voornaam', fixed: null }],
    },
    'imports.mappings.delete': { id: 999_999 },
    // Complaints (C1, tests/helpers/complaints.ts) and their letters and annual report (C2,
    // tests/helpers/complaint-letters.ts): one valid input per method.
    ...(await complaintAndLetterBases(app, other.id)),
    // The volunteers core: one valid input per method (tests/helpers/volunteers.ts), and the
    // trainings register on its person (tests/helpers/trainings.ts).
    ...(await (async () => {
      const core = await volunteerFixture(app, other.id)
      const training = await trainingFixture(app, core.personId)
      return {
        ...volunteerCoreBases(core),
        ...trainingBases(training),
        // Help requests and carers on the same person and course (tests/helpers/support.ts).
        ...supportBases(await supportFixture(app, training)),
        // The questionnaire, safety signals and stories (tests/helpers/outcomes.ts).
        ...outcomesBases(
          await outcomesFixture(app, { personId: core.personId, householdId: other.id }),
        ),
      }
    })()),
    // Follow-up and figures (V3), on the same person (tests/helpers/volunteers-followup.ts).
    ...followupBases(await followupFixture(app)),
    // Matching and placements (V2), after the core's host (tests/helpers/volunteers-matching.ts).
    ...matchingBases(await matchingFixture(app)),
    // The activities register and the subsidy report (tests/helpers/reports.ts).
    ...reportBases(await reportFixture(app)),
    // The areas tree, and the report side by side and for the team (tests/helpers/outcomes.ts).
    ...areasBases(await areasFixture(app)),
  }
  base = bases as Record<MethodName, unknown>
})

afterAll(async () => app?.close())

/**
 * Every row but the audit log's (compared apart). A failed login may count the failure on its
 * account (the back-off), so `failedOnly` leaves those two columns out.
 */
function dataSnapshot(failedOnly = false): {
  rows: string
  audit: { action: string }[]
} {
  const rows = JSON.parse(snapshot(app)) as [string, Record<string, unknown>[]][]
  const audit = (rows.find(([t]) => t === 'audit_log')?.[1] ?? []) as { action: string }[]
  const kept = rows
    .filter(([t]) => t !== 'audit_log')
    .map(([t, r]): [string, Record<string, unknown>[]] =>
      failedOnly && t === 'account'
        ? [t, r.map(({ failed_attempts: _f, wait_until: _w, ...rest }) => rest)]
        : [t, r],
    )
  return {
    rows: JSON.stringify(kept),
    audit,
  }
}

/** Sessions the fuzz must keep: logging them out or changing their accounts ends the run early. */
function keepsCallersAlive(method: MethodName, input: unknown): boolean {
  if (!method.startsWith('users.')) return true
  const id = (input as { id?: unknown } | null)?.id
  return !protectedAccountIds.includes(id as number)
}

type Who = Role | 'nobody'
const WHO: Who[] = ['admin', 'coordinator', 'volunteer', 'nobody']
const SESSION_METHODS = new Set<string>(AUTH_METHODS)

/** Rows changed through the app's connection since it opened: every write goes through it. */
function changes(): number {
  return (app.open.sqlite.prepare('select total_changes() as n').get() as { n: number }).n
}

/** Names, sizes and times of the files beside the database: cheap enough to take per call. */
function filesFingerprint(): string {
  const out: string[] = []
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name)
      if (/^dichtbij\.sqlite(-wal|-shm)?$/.test(name)) continue
      const st = statSync(path)
      if (st.isDirectory()) walk(path)
      else out.push(`${path}:${st.size}:${st.mtimeMs}`)
    }
  }
  walk(app.dir)
  return out.join('\n')
}

async function fuzzOne(method: MethodName, who: Who, input: unknown): Promise<void> {
  // Session methods run on a screen of their own, so the fuzz never logs its own callers out.
  const caller = who === 'nobody' || SESSION_METHODS.has(method) ? newCaller('fuzz') : callers[who]
  // A wrong secret for a restore meets the login's back-off too.
  // Work an earlier call left running (resealing backups) must not count against this one.
  await app.vault.settled()
  const loginLike = SESSION_METHODS.has(method) || method === 'backup.restore'
  // A failed login counts on its account (back-off), so those calls get the full comparison.
  const before = loginLike ? dataSnapshot(true) : null
  const changesBefore = changes()
  const filesBefore = filesFingerprint()
  const result = await app.router.call(caller, method, input)
  await app.vault.settled()
  const label = `${method} as ${who}: ${JSON.stringify(input)?.slice(0, 200)}`
  if (!result.ok) {
    expect(ERROR_CODES, label).toContain(result.error.code)
    expect(result.error.code, label).not.toBe('INTERNAL')
    expect(filesFingerprint(), `${label} changed files although refused`).toBe(filesBefore)
    if (before) {
      const after = dataSnapshot(true)
      expect(after.rows, `${label} changed data although refused`).toBe(before.rows)
      // A refused login may leave only a record of the failed login in the log.
      const added = after.audit.slice(before.audit.length).map((e) => e.action)
      expect(
        added.filter((a) => a !== 'login_failed'),
        label,
      ).toEqual([])
    } else expect(changes(), `${label} changed data although refused`).toBe(changesBefore)
  }
  const roles = api[method].roles
  if (roles !== 'public' && !SESSION_METHODS.has(method)) {
    if (who === 'nobody' || !roles.includes(who)) {
      expect(result.ok, `${label} allowed for ${who}`).toBe(false)
      if (!result.ok) expect(result.error.code).toBe('FORBIDDEN')
    }
  }
  if (result.ok && who === 'volunteer') {
    const text = JSON.stringify(result.value)
    for (const secret of Object.values(SECRET)) expect(text, label).not.toContain(secret)
  }
}

/** Every path to a leaf of a valid input (arrays by their first element). */
function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.length ? leafPaths(value[0], [...prefix, 0]) : [prefix]
  if (value && typeof value === 'object') {
    const keys = Object.keys(value)
    if (!keys.length) return [prefix]
    return keys.flatMap((k) => leafPaths((value as Record<string, unknown>)[k], [...prefix, k]))
  }
  return [prefix]
}

function setPath(value: unknown, path: (string | number)[], leaf: unknown): unknown {
  if (!path.length) return leaf
  const [head, ...rest] = path
  if (Array.isArray(value)) {
    const copy = [...value]
    copy[head as number] = setPath(value[head as number], rest, leaf)
    return copy
  }
  const obj = value as Record<string, unknown>
  return { ...obj, [head]: setPath(obj[head], rest, leaf) }
}

const SWEEP_VALUES: unknown[] = [
  ...CRAFTED_STRINGS,
  ...CRAFTED_NUMBERS,
  null,
  undefined,
  true,
  [],
  {},
  deepNest(500),
]

describe('fuzz over every method, every role', () => {
  it('every leaf of every valid input replaced by every crafted value (beheerder and vrijwilliger)', async () => {
    const failures: string[] = []
    for (const method of METHOD_NAMES) {
      const roles = api[method].roles
      const who: Who[] =
        roles !== 'public' && roles.includes('volunteer') ? ['admin', 'volunteer'] : ['admin']
      for (const path of leafPaths(base[method]))
        for (const value of SWEEP_VALUES) {
          const input = setPath(base[method], path, value)
          if (!keepsCallersAlive(method, input)) continue
          if (method === 'backup.setFolder' && typeof value === 'string') continue
          for (const w of who)
            await fuzzOne(method, w, input).catch((e: Error) =>
              failures.push(e.message.split('\n')[0].slice(0, 300)),
            )
        }
    }
    // All of them at once: one run names every input that still fails.
    expect(failures).toEqual([])
  }, 600_000)

  it('has a valid starting input for every method of the contract', () => {
    const missing = METHOD_NAMES.filter((m) => !(m in base))
    expect(missing, 'add a base input for new methods here').toEqual([])
  })

  // Several methods lay out a PDF in a worker for each role: more than the default 30 s on a
  // busy machine.
  it('the valid inputs themselves never fail with INTERNAL', async () => {
    for (const method of METHOD_NAMES)
      for (const who of WHO) {
        if (!keepsCallersAlive(method, base[method])) continue
        await fuzzOne(method, who, base[method])
      }
  }, 300_000)

  it('crafted and random inputs: never INTERNAL, FORBIDDEN by role, nothing changed when refused', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...METHOD_NAMES),
        fc.constantFrom(...WHO),
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        fc.array(craftedValue, { minLength: 4, maxLength: 4 }),
        fc.boolean(),
        async (method, who, picks, replacements, twice) => {
          let input = mutate(base[method], picks, replacements)
          if (twice) input = mutate(input, [...picks].reverse(), [...replacements].reverse())
          fc.pre(keepsCallersAlive(method, input))
          fc.pre(
            !(
              method === 'backup.setFolder' &&
              typeof (input as { folder?: unknown })?.folder === 'string'
            ),
          )
          await fuzzOne(method, who, input)
        },
      ),
      { numRuns: 2000, seed: Number(process.env.FUZZ_SEED ?? 20261204) },
    )
  }, 300_000)

  it('random values for every method as every role', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...METHOD_NAMES),
        fc.constantFrom(...WHO),
        fc.oneof(fc.anything(), fc.object(), craftedValue),
        async (method, who, input) => {
          fc.pre(keepsCallersAlive(method, input))
          fc.pre(method !== 'backup.setFolder')
          await fuzzOne(method, who, input)
        },
      ),
      { numRuns: 1000, seed: Number(process.env.FUZZ_SEED ?? 20261204) },
    )
  }, 300_000)
})
