import type { MethodName } from '../../src/shared/api'
import type { TestApp } from './db'

/** What the fuzz and property tests need to call every complaints method with a valid input. */
export interface ComplaintFixture {
  householdId: number
  categoryId: number
  /** An open complaint at step 3 with advice, acknowledged. */
  open: number
  /** A decided complaint with a measure. */
  decided: number
  measureId: number
  /** A closed complaint (to reopen). */
  closed: number
  entryId: number
  coordinatorId: number
  volunteerAccountId: number
}

/** Makes the complaints the methods act on; the app's clock stands on 2026-06-15. */
export async function complaintFixture(
  app: TestApp,
  householdId: number,
): Promise<ComplaintFixture> {
  const [cat] = await app.call('complaints.categories', {})
  const coordinator = await app.call('users.create', {
    username: 'klachtbehandelaar',
    displayName: 'Klaas Behandelaar',
    role: 'coordinator',
    password: 'Eerste-wachtwoord-klachten',
  })
  const volunteer = await app.call('users.create', {
    username: 'klachtvrijwilliger',
    displayName: 'Vera Vrijwilliger',
    role: 'volunteer',
    password: 'Eerste-wachtwoord-vrijwilliger',
  })
  const make = (receivedOn: string, step: 1 | 2 | 3 = 1) =>
    app.call('complaints.create', {
      receivedOn,
      channel: 'email',
      complainantKind: 'household',
      householdId,
      aboutKind: 'staff',
      aboutAccountId: volunteer.id,
      categoryId: cat!.id,
      description: 'Onvriendelijk behandeld aan de balie',
      step,
    })
  const open = await make('2026-06-01', 3)
  await app.call('complaints.addEntry', {
    complaintId: open.id,
    kind: 'advice',
    date: '2026-06-10',
    text: 'Advies: gegrond',
  })
  const decided = await make('2026-05-01')
  const withMeasure = await app.call('complaints.decide', {
    complaintId: decided.id,
    date: '2026-06-01',
    outcome: 'mediated',
    text: 'Opgelost in een gesprek',
    measures: [{ text: 'Werkoverleg over bejegening' }],
  })
  const closed = await make('2026-04-01')
  await app.call('complaints.decide', {
    complaintId: closed.id,
    date: '2026-05-01',
    outcome: 'unfounded',
    text: 'Niet gegrond',
  })
  await app.call('complaints.close', { complaintId: closed.id, date: '2026-05-02' })
  return {
    householdId,
    categoryId: cat!.id,
    open: open.id,
    decided: decided.id,
    measureId: withMeasure.measures[0]!.id,
    closed: closed.id,
    entryId: open.entries[0]!.id,
    coordinatorId: coordinator.id,
    volunteerAccountId: volunteer.id,
  }
}

/** One valid input per complaints method (C1's part). */
export function complaintCoreBases(f: ComplaintFixture): Partial<Record<MethodName, unknown>> {
  return {
    'complaints.create': {
      receivedOn: '2026-06-12',
      channel: 'letter',
      complainantKind: 'contact',
      complainantName: 'Mevrouw Jansen',
      complainantContact: 'Dorpsstraat 1, Eemstad',
      aboutKind: 'service',
      aboutText: 'De wachtrij',
      categoryId: f.categoryId,
      description: 'Lang gewacht',
      wish: 'Betere planning',
      step: 1,
    },
    'complaints.get': { id: f.open },
    'complaints.list': { state: 'all', q: 'jansen' },
    'complaints.addEntry': {
      complaintId: f.open,
      kind: 'hearing',
      date: '2026-06-12',
      party: 'complainant',
      persons: 'Mevrouw Jansen',
      text: 'Verslag',
    },
    'complaints.escalate': { complaintId: f.decided, step: 2, date: '2026-06-12', text: 'Verder' },
    'complaints.assign': { complaintId: f.open, handlerId: f.coordinatorId, date: '2026-06-12' },
    'complaints.extend': {
      complaintId: f.open,
      weeks: 2,
      date: '2026-06-12',
      reason: 'Commissie komt later bijeen',
      withConsent: false,
    },
    'complaints.decide': {
      complaintId: f.open,
      date: '2026-06-12',
      outcome: 'founded',
      text: 'Gegrond',
      measures: [{ text: 'Scholing' }],
    },
    'complaints.close': { complaintId: f.decided, date: '2026-06-12', text: 'Afgerond' },
    'complaints.reopen': { complaintId: f.closed, date: '2026-06-12', text: 'Nieuwe feiten' },
    'complaints.measureDone': { measureId: f.measureId, doneOn: '2026-06-12' },
    'complaints.deadlines': {},
    'complaints.lateCount': {},
    'complaints.proposeHandler': { aboutAccountId: f.volunteerAccountId },
    'complaints.accounts': {},
    'complaints.setManager': { accountId: f.volunteerAccountId, managerId: f.coordinatorId },
    'complaints.categories': { includeInactive: true },
    'complaints.createCategory': { name: 'Toegankelijkheid' },
    'complaints.updateCategory': { id: f.categoryId, name: 'Bejegening', active: true },
    'complaints.settings': {},
    'complaints.updateSettings': { ackWorkingDays: 4, closedDays: ['2026-12-28'] },
  }
}

/** Valid-looking inputs that point at nothing: refused without writing. */
export function complaintCoreGhosts(f: ComplaintFixture): [MethodName, Record<string, unknown>][] {
  const b = complaintCoreBases(f) as Record<string, Record<string, unknown>>
  return [
    ['complaints.get', { id: 999_999 }],
    ['complaints.create', { ...b['complaints.create'], categoryId: 999_999 }],
    [
      'complaints.create',
      { ...b['complaints.create'], complainantKind: 'household', householdId: 999_999 },
    ],
    ['complaints.addEntry', { ...b['complaints.addEntry'], complaintId: 999_999 }],
    [
      'complaints.addEntry',
      {
        complaintId: f.open,
        kind: 'correction',
        date: '2026-06-12',
        correctsId: 999_999,
        text: 'x',
      },
    ],
    ['complaints.escalate', { ...b['complaints.escalate'], complaintId: 999_999 }],
    ['complaints.assign', { ...b['complaints.assign'], handlerId: 999_999 }],
    ['complaints.extend', { ...b['complaints.extend'], complaintId: 999_999 }],
    ['complaints.decide', { ...b['complaints.decide'], complaintId: 999_999 }],
    ['complaints.close', { ...b['complaints.close'], complaintId: 999_999 }],
    ['complaints.reopen', { ...b['complaints.reopen'], complaintId: 999_999 }],
    ['complaints.measureDone', { measureId: 999_999, doneOn: null }],
    ['complaints.setManager', { accountId: 999_999, managerId: null }],
    ['complaints.setManager', { accountId: f.volunteerAccountId, managerId: 999_999 }],
    ['complaints.updateCategory', { id: 999_999, name: 'x', active: true }],
  ]
}
