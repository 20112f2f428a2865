import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { z } from 'zod'
import { api, METHOD_NAMES, type MethodName } from '../../src/shared/api'
import { ERROR_CODES } from '../../src/shared/errors'
import { AUTH_METHODS } from '../../src/main/router'
import { createTestApp, type TestApp } from '../helpers/db'
import { householdInput, listIds, snapshot, partnerIds } from '../helpers/fixtures'
import {
  complaintCoreBases,
  complaintCoreGhosts,
  complaintFixture,
  type ComplaintFixture,
} from '../helpers/complaints'
import { letterBases, letterGhosts, type LetterFixture } from '../helpers/complaint-letters'
import {
  volunteerCoreBases,
  volunteerCoreGhosts,
  volunteerFixture,
  type VolunteerFixture,
} from '../helpers/volunteers'
import {
  followupBases,
  followupFixture,
  followupGhosts,
  type FollowupFixture,
} from '../helpers/volunteers-followup'
import { reportBases, reportFixture, reportGhosts } from '../helpers/reports'
import { trainingBases, trainingFixture, trainingGhosts } from '../helpers/trainings'
import { supportBases, supportFixture, supportGhosts } from '../helpers/support'
import {
  areasBases,
  areasFixture,
  areasGhosts,
  outcomesBases,
  outcomesFixture,
  outcomesGhosts,
} from '../helpers/outcomes'
import {
  matchingBases,
  matchingFixture,
  matchingGhosts,
  type MatchingFixture,
} from '../helpers/volunteers-matching'

/** A small spreadsheet for the import methods (a header and one row). */
const IMPORT_CSV = new TextEncoder().encode('Naam;Postcode\nJansen;3811 AB\n')

let app: TestApp
let base: Record<string, Record<string, unknown>>
let complaints: ComplaintFixture
let letters: LetterFixture
let volunteers: VolunteerFixture
let followup: FollowupFixture
let matching: MatchingFixture

beforeAll(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
  const h = await app.call('households.create', householdInput())
  const erasable = await app.call(
    'households.create',
    householdInput({ contactName: 'Wim Wisbaar', postcode: '9711 AA', phone: null }),
  )
  const other = await app.call('users.create', {
    username: 'collega',
    displayName: 'Collega',
    role: 'coordinator',
    password: 'Eerste-wachtwoord-voor-jou',
  })
  await app.call('slots.generate', {
    from: '2026-06-15',
    to: '2026-06-21',
    template: [{ weekday: 1, part: 'morning', capacity: 1 }],
  })
  const [slot] = await app.call('slots.list', { from: '2026-06-15', to: '2026-06-15' })
  const [category] = await listIds(app, 'category')
  const [topic] = await listIds(app, 'topic')
  const [destination] = await partnerIds(app)
  const collection = await app.call('collections.create', {
    name: 'Zomer',
    season: 'summer',
    arrivesOn: '2026-06-15',
  })
  const leaving = await app.call('collections.create', {
    name: 'Winter',
    season: 'winter',
    arrivesOn: '2026-01-01',
  })
  // A visit of last week, so a conversation can be recorded for it.
  const { visit } = await app.call('visits.register', {
    householdId: h.id,
    date: '2026-06-08',
    servedBy: 'Anja',
    items: [],
  })
  // One valid input per writing method; the properties break one field at a time.
  base = {
    'households.create': {
      ...householdInput({
        contactName: 'Kees Bakker',
        phone: null,
        postcode: '1011 AB',
        maritalStatus: 'widowed',
      }),
    },
    'households.update': { id: h.id, ...householdInput({ maritalStatus: 'cohabiting' }) },
    'intakes.create': {
      householdId: h.id,
      date: '2026-06-15',
      doneBy: 'Anja',
      topicIds: [topic],
      referrals: [{ destinationId: destination }],
      debts: 'no',
      multipleProblems: 'yes',
    },
    // No fields: only arbitrary values are tried; an accepted one prints the form.
    'intakes.blankForm': {},
    'slots.generate': {
      from: '2026-07-01',
      to: '2026-07-31',
      template: [{ weekday: 2, part: 'morning', capacity: 5 }],
    },
    'appointments.book': { slotId: slot.id, householdId: h.id },
    'slots.update': { id: slot.id, capacity: 3 },
    'slots.remove': { id: slot.id },
    'appointments.setStatus': { appointmentId: 1, status: 'came' },
    'visits.register': {
      householdId: h.id,
      date: '2026-06-15',
      servedBy: 'Anja',
      items: [{ categoryId: category, count: 2 }],
      topics: [topic],
      referrals: [{ destinationId: destination, note: 'Belt zelf' }],
    },
    'visits.recordConversation': {
      visitId: visit.id,
      topics: [topic],
      referrals: [{ destinationId: destination, note: 'Afspraak gemaakt' }],
    },
    'lists.create': { kind: 'topic', name: 'Nieuw onderwerp' },
    'lists.update': { id: topic, name: 'Opvoeding', active: true },
    'partners.create': {
      name: 'Wijkteam Zuid',
      kind: 'municipality',
      area: 'Zuid',
      phone: '033-555 0707',
      email: 'zuid@wijkteam.example',
      helpsWith: 'Vragen over zorg en geld',
    },
    'partners.update': {
      id: destination,
      name: 'Schuldhulpverlening',
      kind: 'debt_help',
      area: 'Eemstad',
      active: true,
    },
    'settings.update': { defaultCapacity: 4 },
    'users.create': {
      username: 'nieuwe.collega',
      displayName: 'Nieuwe Collega',
      role: 'coordinator',
      password: 'Lange-zin-als-wachtwoord',
    },
    'users.update': { id: other.id, displayName: 'Andere Naam', role: 'volunteer' },
    'users.resetPassword': { id: other.id, password: 'Tijdelijk-wachtwoord-77' },
    'organisation.update': { name: 'Stichting Nieuw', city: 'Zwolle' },
    'audit.list': { action: 'view', page: 1, pageSize: 20 },
    'audit.verify': { full: true },
    'audit.export': { action: 'create', from: '2026-01-01', to: '2026-06-15' },
    'subjects.export': { kind: 'household', id: h.id, format: 'json' },
    // A household of its own, so an accepted erasure does not change what the others test.
    'retention.due': { kind: 'person', limit: 20, offset: 0 },
    'retention.anonymise': { id: erasable.id },
    'retention.delete': { id: erasable.id },
    'retention.updateTerms': { households: 36, people: 24, complaints: 12 },
    // Reads with fields: broken fields must be refused as cleanly as a write's.
    'households.get': { id: h.id },
    'households.search': { query: 'jansen', status: 'all', limit: 25, offset: 0 },
    'households.duplicates': { contactName: 'Kees Bakker', postcode: '1011 AB' },
    'households.callList': { notSeenSince: '2026-05-01' },
    'households.callListCsv': { notSeenSince: '2026-05-01' },
    'households.markContacted': { householdId: h.id, date: '2026-06-15' },
    'collections.create': { name: 'Najaar', season: 'autumn', arrivesOn: '2026-09-01' },
    'collections.update': {
      id: collection.id,
      name: 'Zomer 2026',
      season: 'summer',
      arrivesOn: '2026-06-15',
    },
    'collections.callList': { id: collection.id, district: 'Noord', told: 'told' },
    'collections.markTold': {
      id: collection.id,
      householdId: h.id,
      how: 'email',
      date: '2026-06-15',
    },
    'collections.leave': { id: leaving.id, date: '2026-06-15', note: 'Naar de kringloop' },
    'slots.list': { from: '2026-06-15', to: '2026-06-21' },
    'appointments.check': { slotId: slot.id, householdId: h.id },
    'appointments.move': { id: 1, slotId: slot.id },
    'appointments.byDay': { date: '2026-06-15' },
    'visits.check': {
      householdId: h.id,
      date: '2026-06-15',
      servedBy: 'Anja',
      items: [{ categoryId: category, count: 2 }],
    },
    'lists.list': { kind: 'topic' },
    'partners.list': { area: 'Eemstad', kind: 'debt_help', includeInactive: true, query: 'schuld' },
    'search.global': { query: 'vries' },
    'help.quickGuide': { guide: 'coordinator' },
    // The oefenomgeving: refused where none is set up (the test app has none).
    'workshop.status': {},
    'workshop.open': { username: 'beheerder', password: 'Niet-het-goede-1' },
    'workshop.leave': { username: 'beheerder', password: 'Niet-het-goede-1' },
    'workshop.reset': {},
    'workshop.loginsSheet': {},
    'firstSteps.get': {},
    'shop.dashboard': { date: '2026-06-15' },
    'shop.stats': { from: '2026-01-01', to: '2026-06-15' },
    'shop.totals': { date: '2026-06-15', district: 'Noord' },
    'backup.create': { download: false },
    'backup.verify': { name: 'bestaat-niet.dichtbij-backup' },
    // A key that opens nothing: an accepted input is refused after the check, changing nothing.
    'backup.restore': {
      source: { kind: 'folder', name: 'bestaat-niet.dichtbij-backup' },
      secret: { method: 'recoveryKey', recoveryKey: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF' },
      confirm: true,
    },
    'backup.setFolder': { folder: null },
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
    'computer.setLanguage': { language: 'nl' },
  }
  // Complaints (C1): one valid input per method (tests/helpers/complaints.ts).
  complaints = await complaintFixture(app, h.id)
  Object.assign(base, complaintCoreBases(complaints))
  // Letters and the annual report (C2): tests/helpers/complaint-letters.ts. Only their fields are
  // broken here, so no letter is laid out first (a PDF in this hook would cost seconds).
  letters = { complaint: complaints, letterId: 1 }
  Object.assign(base, letterBases(letters))
  // The volunteers core: one valid input per method (tests/helpers/volunteers.ts).
  volunteers = await volunteerFixture(app, h.id)
  Object.assign(base, volunteerCoreBases(volunteers))
  // The trainings register on the same person (tests/helpers/trainings.ts).
  const training = await trainingFixture(app, volunteers.personId)
  Object.assign(base, trainingBases(training))
  // Help requests and carers on the same person and course (tests/helpers/support.ts).
  Object.assign(base, supportBases(await supportFixture(app, training)))
  // The questionnaire, safety signals and stories (tests/helpers/outcomes.ts).
  Object.assign(
    base,
    outcomesBases(await outcomesFixture(app, { personId: volunteers.personId, householdId: h.id })),
  )
  // Follow-up and figures (V3), on the same person (tests/helpers/volunteers-followup.ts).
  followup = await followupFixture(app)
  Object.assign(base, followupBases(followup))
  // Matching and placements (V2), after the core's host (tests/helpers/volunteers-matching.ts).
  matching = await matchingFixture(app)
  Object.assign(base, matchingBases(matching))
  // The activities register and the subsidy report (tests/helpers/reports.ts).
  Object.assign(base, reportBases(await reportFixture(app)))
  // The areas tree, and the report side by side and for the team (tests/helpers/outcomes.ts).
  Object.assign(base, areasBases(await areasFixture(app)))
})

afterAll(async () => app?.close())

/** Values that are wrong for nearly every field: wrong types, empty, absurdly long, not a day. */
const wrongValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant(''),
  fc.constant('2026-02-30'),
  fc.constant('9999-99-99'),
  fc.constant('x'.repeat(6000)),
  fc.integer({ min: -1_000_000, max: 0 }),
  fc.constant(2 ** 53),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
  fc.string({ maxLength: 5 }),
)

async function expectRefusedCleanly(method: MethodName, input: unknown): Promise<void> {
  const before = snapshot(app)
  const result = await app.router.call(app.admin, method, input)
  const schemaAccepts = api[method].input.safeParse(input ?? {}).success
  if (!schemaAccepts) {
    expect(result.ok, `${method} accepted input its schema refuses`).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('VALIDATION')
      expect(result.error.fields?.length).toBeGreaterThan(0)
    }
  }
  if (!result.ok) {
    expect(ERROR_CODES).toContain(result.error.code)
    // An INTERNAL error would mean a crash that the user sees as "something went wrong".
    expect(result.error.code, `${method}: ${JSON.stringify(input)?.slice(0, 300)}`).not.toBe(
      'INTERNAL',
    )
    expect(snapshot(app)).toBe(before)
  }
}

// Logging in and out changes the session under test; those have their own property (auth).
const SESSION_BOUND = new Set<string>(AUTH_METHODS)

/** Methods whose input has no fields at all: nothing in them can be broken one at a time. */
function takesNoInput(method: MethodName): boolean {
  const input = api[method].input
  return input instanceof z.ZodObject && Object.keys(input.shape).length === 0
}
const DATA_METHODS = METHOD_NAMES.filter((m) => !SESSION_BOUND.has(m))

describe('every method refuses bad input with an AppError and changes nothing', () => {
  it.each(DATA_METHODS)('%s: arbitrary values', async (method) => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.anything(), fc.object()), async (input) => {
        await expectRefusedCleanly(method, input)
      }),
      { numRuns: 40 },
    )
  })

  it.each(DATA_METHODS.filter((m) => !takesNoInput(m)))(
    '%s: one field of a valid input broken',
    async (method) => {
      const valid = base?.[method]
      // A new method with input fields needs a valid input above; it fails here until it has one.
      expect(valid, `add a valid input for ${method} to base`).toBeDefined()
      const keys = Object.keys(valid)
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...keys), wrongValue, async (key, value) => {
          await expectRefusedCleanly(method as MethodName, { ...valid, [key]: value })
        }),
        { numRuns: 60 },
      )
    },
  )

  it('refuses valid-looking input that points at nothing, without writing', async () => {
    const ghosts: [MethodName, Record<string, unknown>][] = [
      ['households.update', { ...base['households.update'], id: 999_999 }],
      ['households.get', { id: 999_999 }],
      ['intakes.create', { ...base['intakes.create'], householdId: 999_999 }],
      ['intakes.create', { ...base['intakes.create'], topicIds: [999_999] }],
      ['appointments.book', { ...base['appointments.book'], slotId: 999_999 }],
      ['appointments.book', { ...base['appointments.book'], householdId: 999_999 }],
      ['appointments.setStatus', { appointmentId: 999_999, status: 'came' }],
      ['appointments.move', { id: 999_999, slotId: base['appointments.book'].slotId }],
      ['slots.update', { id: 999_999, capacity: 3 }],
      ['slots.remove', { id: 999_999 }],
      ['visits.register', { ...base['visits.register'], householdId: 999_999 }],
      [
        'visits.register',
        { ...base['visits.register'], items: [{ categoryId: 999_999, count: 1 }] },
      ],
      ['visits.register', { ...base['visits.register'], appointmentId: 999_999 }],
      ['visits.register', { ...base['visits.register'], date: '2026-06-16' }],
      ['visits.register', { ...base['visits.register'], topics: [999_999] }],
      [
        'visits.register',
        { ...base['visits.register'], referrals: [{ destinationId: 999_999, note: null }] },
      ],
      ['visits.recordConversation', { ...base['visits.recordConversation'], visitId: 999_999 }],
      ['visits.recordConversation', { ...base['visits.recordConversation'], topics: [999_999] }],
      [
        'visits.recordConversation',
        {
          ...base['visits.recordConversation'],
          referrals: [{ destinationId: 999_999, note: null }],
        },
      ],
      ['lists.update', { id: 999_999, name: 'x', active: true }],
      ['partners.update', { ...base['partners.update'], id: 999_999 }],
      ['collections.update', { ...base['collections.update'], id: 999_999 }],
      ['collections.callList', { id: 999_999 }],
      ['collections.markTold', { ...base['collections.markTold'], id: 999_999 }],
      ['collections.markTold', { ...base['collections.markTold'], householdId: 999_999 }],
      ['collections.leave', { ...base['collections.leave'], id: 999_999 }],
      ...complaintCoreGhosts(complaints),
      ...letterGhosts(letters),
      ...volunteerCoreGhosts(volunteers),
      ...followupGhosts(followup),
      ...matchingGhosts(matching),
      ...reportGhosts(),
      ...trainingGhosts(base),
      ...supportGhosts(base),
      ...outcomesGhosts(base),
      ...areasGhosts(base),
    ]
    for (const [method, input] of ghosts) {
      const before = snapshot(app)
      const result = await app.router.call(app.admin, method, input)
      expect(result.ok, method).toBe(false)
      if (!result.ok) expect(['NOT_FOUND', 'VALIDATION']).toContain(result.error.code)
      expect(snapshot(app)).toBe(before)
    }
  })
})
