import Database from 'better-sqlite3-multiple-ciphers'
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD, createTestApp, rejection, type TestApp } from '../helpers/db'
import { householdInput, listIds, partnerIds } from '../helpers/fixtures'
import { isoWeekday } from '../../src/shared/dates'
import type { DB } from '../../src/main/db/schema'
import type { ShopStats } from '../../src/shared/schemas/shop'
import { memoryErasureLog } from '../../src/main/vault/erasure-log'
import { reapplyErasures } from '../../src/main/domains/retention/erasures'

let app: TestApp
/** Households made so far in this test: their personal values carry this number. */
let n = 0
beforeEach(async () => {
  n = 0
  // The story starts early in 2023; `at` moves the clock forward as the years pass.
  app = await createTestApp('2023-01-02T09:00:00Z')
})
afterEach(async () => app.close())

/** Moves the clock; the admin's screen locks when idle that long, so it is unlocked again. */
async function at(iso: string): Promise<void> {
  app.clock.set(iso)
  await app.call('auth.unlock', { password: ADMIN_PASSWORD })
}

/** A household created on `day`, with personal values that can be searched for afterwards. */
async function household(
  name: string,
  day: string,
  members = householdInput().members,
  district = 'Binnenstad',
): Promise<number> {
  n += 1
  await at(`${day}T10:00:00Z`)
  const { id } = await app.call(
    'households.create',
    householdInput({
      contactName: name,
      street: `Geheimstraat${n}`,
      postcode: `${3800 + n} AB`,
      phone: `06-1111${String(n).padStart(4, '0')}`,
      email: `persoon${n}@voorbeeld.nl`,
      referrer: `Verwijzer${n}`,
      notes: `Huisnotitie${n}`,
      consentDate: day,
      proofSeenOn: day,
      district,
      members,
      confirmDuplicate: true,
    }),
  )
  return id
}

async function slotOn(day: string): Promise<number> {
  await app.call('slots.generate', {
    from: day,
    to: day,
    template: [{ weekday: isoWeekday(day), part: 'morning', capacity: 5 }],
  })
  const [slot] = await app.call('slots.list', { from: day, to: day })
  return slot.id
}

/** Booked, came and served on `day`, with notes that must not survive an anonymisation. */
async function visitOn(householdId: number, day: string): Promise<void> {
  await at(`${day}T09:00:00Z`)
  const [category] = await listIds(app, 'category')
  const [topic] = await listIds(app, 'topic')
  const [, destination] = await partnerIds(app)
  const { appointment } = await app.call('appointments.book', {
    slotId: await slotOn(day),
    householdId,
    note: `Afspraaknotitie${householdId}`,
  })
  await app.call('appointments.setStatus', { appointmentId: appointment.id, status: 'came' })
  await app.call('visits.register', {
    householdId,
    appointmentId: appointment.id,
    date: day,
    servedBy: `Baliemedewerker${householdId}`,
    items: [{ categoryId: category, count: 3 }],
    note: `Bezoeknotitie${householdId}`,
    // The conversation at the visit: the topic and destination count, the note is personal.
    topics: [topic],
    referrals: [{ destinationId: destination, note: `Doorverwijsnotitie${householdId}` }],
  })
}

async function intakeOn(householdId: number, day: string, counted: boolean): Promise<void> {
  await at(`${day}T11:00:00Z`)
  const [topic] = await listIds(app, 'topic')
  const [destination] = await partnerIds(app)
  await app.call('intakes.create', {
    householdId,
    date: day,
    doneBy: `Intaker${householdId}`,
    notes: `Intakenotitie${householdId}`,
    topicIds: counted ? [topic] : [],
    referrals: counted
      ? [{ destinationId: destination, note: `Verwijsnotitie${householdId}` }]
      : [],
  })
}

function stats(from: string, to: string, district?: string): Promise<ShopStats> {
  return app.call('shop.stats', { from, to, district })
}

/** Every text value of every row of every table, to search for personal values. */
function everything(): string {
  const tables = app.open.sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
    .all() as { name: string }[]
  return JSON.stringify(
    tables.map((t) => app.open.sqlite.prepare(`select * from "${t.name}"`).all()),
  )
}

const TODAY = '2026-06-15T10:00:00Z'

describe('retention.due', () => {
  it('lists households whose last contact is older than the term, oldest first', async () => {
    const oldVisit = await household('Anna Oudbezoek', '2023-02-01')
    await visitOn(oldVisit, '2023-03-07')
    const empty = await household('Bram Leeg', '2023-05-10')
    const recent = await household('Cor Recent', '2023-01-15')
    await visitOn(recent, '2025-01-10')
    const edge = await household('Dirk Grens', '2024-06-15')
    const justOver = await household('Eva Netover', '2024-06-14')
    const intake = await household('Fien Intake', '2023-01-20')
    await intakeOn(intake, '2024-07-01', false)
    const future = await household('Gijs Gepland', '2023-01-25')
    await at(TODAY)
    await app.call('appointments.book', {
      slotId: await slotOn('2026-06-20'),
      householdId: future,
    })

    const due = await app.call('retention.due', {})
    expect(due.today).toBe('2026-06-15')
    expect(due.terms.households).toBe(24)
    expect(due.cutoffs.households).toBe('2024-06-15')
    expect(due.rows.map((r) => [r.id, r.name, r.lastContact, r.canDelete])).toEqual([
      [oldVisit, 'Anna Oudbezoek', '2023-03-07', false],
      [empty, 'Bram Leeg', '2023-05-10', true],
      [justOver, 'Eva Netover', '2024-06-14', true],
    ])
    expect(due.rows[0]).toMatchObject({
      reference: expect.stringMatching(/^H-/),
      district: 'Binnenstad',
    })
    // Exactly on the cutoff is not older than the term; a planned appointment is a contact.
    expect(due.rows.map((r) => r.id)).not.toContain(edge)
    expect(due.rows.map((r) => r.id)).not.toContain(future)

    // A shorter term lists more; the term is the admin's setting.
    await app.call('retention.updateTerms', { households: 12 })
    const shorter = await app.call('retention.due', {})
    expect(shorter.cutoffs.households).toBe('2025-06-15')
    expect(shorter.rows.map((r) => r.id)).toEqual([oldVisit, empty, justOver, edge, intake, recent])
    expect(shorter.rows.find((r) => r.id === intake)?.lastContact).toBe('2024-07-01')

    // Later on, the recent household's visit is older than the term too.
    await at('2027-01-11T10:00:00Z')
    await app.call('retention.updateTerms', { households: 24 })
    expect((await app.call('retention.due', {})).rows.map((r) => r.id)).toContain(recent)
  })

  it('stores the terms for every kind, checks their range and logs the change', async () => {
    await at(TODAY)
    expect(await app.call('retention.terms', {})).toEqual({
      households: 24,
      people: 24,
      complaints: 24,
    })
    const saved = await app.call('retention.updateTerms', { people: 36, complaints: 60 })
    expect(saved).toEqual({ households: 24, people: 36, complaints: 60 })
    expect(await app.call('retention.terms', {})).toEqual(saved)
    const tooShort = await rejection(app.call('retention.updateTerms', { households: 3 }))
    expect(tooShort.code).toBe('VALIDATION')
    expect(tooShort.fields?.[0]).toMatchObject({ path: 'households', key: 'tooSmall' })
    const log = await app.open.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'settings_change')
      .where('fields', 'like', 'retention.%')
      .execute()
    expect(log.map((r) => r.fields)).toEqual(['retention.people,retention.complaints'])
  })
})

describe('retention.anonymise', () => {
  it("keeps last year's figures identical and removes the personal values everywhere", async () => {
    const members = [
      { firstName: 'Moeder', birthYear: 1988, gender: 'f' as const },
      { firstName: 'Tiener', birthYear: 2007, gender: 'm' as const, clothingSize: '176' },
      { firstName: 'Kleintje', birthYear: 2021, gender: 'f' as const, clothingSize: '92' },
    ]
    const a = await household('Anna Anoniem', '2023-02-01', members, 'Noord')
    await intakeOn(a, '2023-02-01', true)
    await visitOn(a, '2023-03-07')
    await visitOn(a, '2024-10-01')
    await visitOn(a, '2025-03-04')
    const b = await household('Bert Anoniem', '2024-01-09', members.slice(0, 2), 'Zuid')
    await intakeOn(b, '2025-02-11', true)
    await visitOn(b, '2025-02-11')
    // A member born after the household's only visit: the birth year stays exact.
    const c = await household(
      'Carla Anoniem',
      '2023-01-05',
      [{ firstName: 'Ouder', birthYear: 1990, gender: 'f' as const }],
      'Noord',
    )
    await visitOn(c, '2023-01-10')
    await at('2024-05-01T10:00:00Z')
    const { household: cNow } = await app.call('households.get', { id: c })
    await app.call('households.update', {
      id: c,
      ...householdInput({
        contactName: 'Carla Anoniem',
        district: 'Noord',
        consentDate: '2023-01-05',
        proofSeenOn: '2023-01-05',
        members: [
          { id: cNow.members[0].id, firstName: 'Ouder', birthYear: 1990, gender: 'f' },
          { firstName: 'Baby', birthYear: 2024, gender: 'm' },
        ],
      }),
    })
    const kept = await household('Karel Blijft', '2024-03-01', members, 'Noord')
    await visitOn(kept, '2025-05-06')
    await at(TODAY)

    const periods: [string, string, string?][] = [
      ['2025-01-01', '2025-12-31'],
      ['2025-01-01', '2025-12-31', 'Noord'],
      ['2024-01-01', '2024-12-31'],
      ['2023-01-01', '2023-12-31'],
    ]
    // One after the other, as a screen asks: a year is counted in a worker, and one account may
    // have only a few jobs at once (MAX_PER_SESSION).
    const allStats = async (): Promise<ShopStats[]> => {
      const out: ShopStats[] = []
      for (const p of periods) out.push(await stats(...p))
      return out
    }
    const before = await allStats()
    expect(before[0].visits).toBe(3)
    expect(before[0].childrenReached).toBeGreaterThan(0)

    for (const id of [a, b, c]) {
      const r = await app.call('retention.anonymise', { id })
      expect(r).toEqual({ kind: 'household', id, changed: true })
    }
    expect(await allStats()).toEqual(before)

    const text = everything()
    for (const who of [a, b, c]) {
      const i = [a, b, c].indexOf(who) + 1
      for (const value of [
        ['Anna', 'Bert', 'Carla'][i - 1] + ' Anoniem',
        `persoon${i}@voorbeeld.nl`,
        `Geheimstraat${i}`,
        `Verwijzer${i}`,
        `Huisnotitie${i}`,
        `Afspraaknotitie${who}`,
        `Bezoeknotitie${who}`,
        `Baliemedewerker${who}`,
      ])
        expect(text, value).not.toContain(value)
    }
    for (const value of [`Intakenotitie${a}`, `Verwijsnotitie${a}`, `Intaker${a}`, '06-11110001'])
      expect(text, value).not.toContain(value)
    // The household that was not anonymised keeps everything.
    expect(text).toContain('Karel Blijft')

    const rows = await app.open.db
      .selectFrom('household')
      .selectAll()
      .where('id', 'in', [a, b, c])
      .orderBy('id')
      .execute()
    for (const h of rows)
      expect(h).toMatchObject({
        contactName: 'Geanonimiseerd',
        street: null,
        houseNumber: null,
        postcode: '',
        city: '',
        phone: null,
        phoneDigits: null,
        email: null,
        referrer: null,
        notes: null,
        proofSeenOn: null,
        eligibleUntil: null,
        status: 'inactive',
        anonymisedAt: '2026-06-15T10:00:00.000Z',
      })
    expect(rows.map((h) => h.district)).toEqual(['Noord', 'Zuid', 'Noord'])
    const years = await app.open.db
      .selectFrom('member')
      .select(['householdId', 'birthYear', 'firstName', 'gender', 'clothingSize'])
      .where('householdId', 'in', [a, c])
      .orderBy('id')
      .execute()
    // The mother (adult at every visit) only keeps her decade; the children keep their year.
    expect(years.map((m) => [m.householdId, m.birthYear])).toEqual([
      [a, 1980],
      [a, 2007],
      [a, 2021],
      [c, 1990],
      [c, 2024],
    ])
    expect(new Set(years.map((m) => `${m.firstName}|${m.clothingSize}`))).toEqual(
      new Set(['null|null']),
    )
    // The gender stays: the subsidy report counts the people reached by it.
    expect(years.map((m) => m.gender)).toEqual(['f', 'm', 'f', 'f', 'm'])
    // Relations stay: the visits and appointments still count.
    const visits = await app.open.db
      .selectFrom('visit')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('householdId', '=', a)
      .executeTakeFirstOrThrow()
    expect(Number(visits.n)).toBe(3)
  })

  it('is idempotent, audited with an erasure entry, and then refuses changes', async () => {
    const id = await household('Anna Eenmalig', '2023-02-01')
    await at(TODAY)
    await app.call('retention.anonymise', { id })
    const again = await app.call('retention.anonymise', { id })
    expect(again.changed).toBe(false)
    const entries = await app.open.db
      .selectFrom('auditLog')
      .selectAll()
      .where('householdId', '=', id)
      .where('action', '=', 'anonymise')
      .execute()
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ entityType: 'household', entityId: String(id) })
    expect(entries[0].fields.split(',')).toEqual(expect.arrayContaining(['contactName', 'members']))
    // Not listed as due any more.
    expect((await app.call('retention.due', {})).rows.map((r) => r.id)).not.toContain(id)
    // Filling it in again would bring erased data back.
    const update = await rejection(
      app.call('households.update', { id, ...householdInput({ contactName: 'Terug' }) }),
    )
    expect(update).toMatchObject({ code: 'CONFLICT', key: 'householdAnonymised' })
    const book = await rejection(
      app.call('appointments.book', { slotId: await slotOn('2026-06-16'), householdId: id }),
    )
    expect(book.key).toBe('householdAnonymised')
    expect((await app.call('audit.verify', {})).ok).toBe(true)
  })

  it('is refused to a volunteer and a coordinator, and answers NOT_FOUND for no household', async () => {
    const id = await household('Anna Verboden', '2023-02-01')
    await at(TODAY)
    const volunteer = await app.loginAs('volunteer')
    const coordinator = await app.loginAs('coordinator')
    for (const caller of [volunteer, coordinator])
      for (const m of ['retention.anonymise', 'retention.delete'] as const)
        expect((await rejection(app.call(m, { id }, caller))).code).toBe('FORBIDDEN')
    expect((await rejection(app.call('retention.due', {}, coordinator))).code).toBe('FORBIDDEN')
    expect((await rejection(app.call('retention.anonymise', { id: 9999 }))).code).toBe('NOT_FOUND')
    expect((await rejection(app.call('retention.delete', { id: 9999 }))).code).toBe('NOT_FOUND')
  })
})

describe('retention.delete', () => {
  it('refuses a household that counts in a report, and suggests anonymising', async () => {
    const visited = await household('Anna Bezocht', '2023-02-01')
    await visitOn(visited, '2023-03-07')
    const intake = await household('Bram Intake', '2023-02-02')
    await intakeOn(intake, '2023-02-02', true)
    // An intake without topics or referrals counts too: among the period's intakes (debts,
    // multiple problems) and the households taken in since the start (shop.totals).
    const bare = await household('Bea Alleenintake', '2023-02-05')
    await intakeOn(bare, '2023-02-05', false)
    const noShow = await household('Cor Nietgekomen', '2023-02-03')
    // Even a cancelled appointment puts its district in that period's figures.
    const cancelled = await household('Dirk Afgezegd', '2023-02-04')
    await at('2023-02-07T09:00:00Z')
    const slotId = await slotOn('2023-02-07')
    for (const [householdId, status] of [
      [noShow, 'no_show'],
      [cancelled, 'cancelled'],
    ] as const) {
      const { appointment } = await app.call('appointments.book', { slotId, householdId })
      await app.call('appointments.setStatus', { appointmentId: appointment.id, status })
    }
    await at(TODAY)
    for (const id of [visited, intake, noShow, cancelled, bare]) {
      const e = await rejection(app.call('retention.delete', { id }))
      expect(e, String(id)).toMatchObject({ code: 'CONFLICT', key: 'retentionInReports' })
    }
    expect(await app.open.db.selectFrom('household').select('id').execute()).toHaveLength(5)
  })

  it('removes everything of a household no report counts, and logs it', async () => {
    // Registered and called, never taken in nor seen: no figure counts it.
    const id = await household('Dora Weg', '2023-02-01')
    await app.call('households.markContacted', { householdId: id, date: '2023-02-01' })
    const other = await household('Eef Blijft', '2023-02-02')
    await at(TODAY)
    const before = await stats('2023-01-01', '2023-12-31')

    expect((await app.call('retention.due', {})).rows.find((r) => r.id === id)?.canDelete).toBe(
      true,
    )
    expect(await app.call('retention.delete', { id })).toEqual({
      kind: 'household',
      id,
      changed: true,
    })
    for (const table of ['member', 'intake', 'appointment', 'visit'] as const) {
      const left = await app.open.db
        .selectFrom(table)
        .select('id')
        .where('householdId', '=', id)
        .execute()
      expect(left, table).toEqual([])
    }
    expect(
      await app.open.db.selectFrom('household').select('id').where('id', '=', id).execute(),
    ).toEqual([])
    expect(everything()).not.toContain('Dora Weg')
    expect(everything()).not.toContain('Intakenotitie')
    expect(everything()).toContain('Eef Blijft')
    expect(other).toBeGreaterThan(id)
    expect(await stats('2023-01-01', '2023-12-31')).toEqual(before)
    const entry = await app.open.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'delete')
      .executeTakeFirstOrThrow()
    expect(entry).toMatchObject({ entityType: 'household', householdId: id, userName: 'beheerder' })
    // The log of what happened to the household stays; the chain still holds.
    expect(
      (
        await app.open.db
          .selectFrom('auditLog')
          .select('id')
          .where('householdId', '=', id)
          .execute()
      ).length,
    ).toBeGreaterThan(2)
    expect((await app.call('audit.verify', {})).ok).toBe(true)
  })
})

describe('reapplyErasures after restoring an older copy', () => {
  it('brings nobody back', async () => {
    const anon = await household('Anna Terugzet', '2023-02-01')
    await visitOn(anon, '2023-03-07')
    const gone = await household('Bram Terugzet', '2023-02-02')
    await household('Cor Blijft', '2023-02-03')
    await at(TODAY)
    // The "backup": a copy of the data before anything was erased (in memory, in the clear, so
    // the test does not depend on how the app's file is keyed).
    const copy = app.open.sqlite.serialize()
    // Header bytes 18-19 say WAL; an in-memory copy must use the rollback journal to open.
    copy[18] = 1
    copy[19] = 1

    await app.call('retention.anonymise', { id: anon })
    await app.call('retention.delete', { id: gone })
    // Refused or repeated erasures change nothing and are not logged.
    await app.call('retention.anonymise', { id: anon })
    await rejection(app.call('retention.delete', { id: anon }))
    // What the app's log in the data folder holds: the same as the audit log's erasures.
    const log = memoryErasureLog()
    const erased = await app.open.db
      .selectFrom('auditLog')
      .select(['at', 'action', 'householdId'])
      .where('action', 'in', ['anonymise', 'delete'])
      .orderBy('id')
      .execute()
    for (const e of erased)
      log.append({
        at: e.at,
        action: e.action as 'anonymise' | 'delete',
        kind: 'household',
        id: e.householdId as number,
      })
    expect(log.entries().map((e) => [e.action, e.id])).toEqual([
      ['anonymise', anon],
      ['delete', gone],
    ])

    const sqlite = new Database(copy)
    const db = new Kysely<DB>({
      dialect: new SqliteDialect({ database: sqlite }),
      plugins: [new CamelCasePlugin()],
    })
    try {
      const names = (): string[] =>
        (
          sqlite.prepare('select contact_name as n from household order by id').all() as {
            n: string
          }[]
        ).map((r) => r.n)
      const visits2023 = (): unknown =>
        sqlite.prepare("select count(*) n from visit where date like '2023%'").get()
      expect(names()).toEqual(['Anna Terugzet', 'Bram Terugzet', 'Cor Blijft'])
      const visitsBefore = visits2023()

      const now = new Date('2026-06-16T08:00:00Z')
      expect(await reapplyErasures(db, log.entries(), now)).toBe(2)
      expect(names()).toEqual(['Geanonimiseerd', 'Cor Blijft'])
      const dump = JSON.stringify(
        ['household', 'member', 'visit', 'appointment', 'intake', 'visit_referral'].map((t) =>
          sqlite.prepare(`select * from ${t}`).all(),
        ),
      )
      for (const value of [
        'Anna Terugzet',
        'Bram Terugzet',
        'Geheimstraat1',
        'persoon1@voorbeeld.nl',
        'Geheimstraat2',
        `Bezoeknotitie${anon}`,
        `Doorverwijsnotitie${anon}`,
      ])
        expect(dump, value).not.toContain(value)
      // What the visit's conversation counts stays with it.
      expect(sqlite.prepare('select count(*) n from visit_topic').get()).toEqual({ n: 1 })
      expect(sqlite.prepare('select count(*) n from visit_referral').get()).toEqual({ n: 1 })
      // The visit still counts.
      expect(visits2023()).toEqual(visitsBefore)
      // Logged by the system, in the copy's own chain.
      const logged = sqlite
        .prepare(
          "select action, household_id as h from audit_log where user_name = 'systeem' order by id",
        )
        .all()
      expect(logged).toEqual([
        { action: 'anonymise', h: anon },
        { action: 'delete', h: gone },
      ])
      // Again: nothing left to do.
      expect(await reapplyErasures(db, log.entries(), now)).toBe(0)
      // A new household gets a new id, never the erased one's.
      const seq = sqlite.prepare("select seq from sqlite_sequence where name = 'household'").get()
      expect(seq).toEqual({ seq: 3 })
    } finally {
      await db.destroy()
    }
  })

  it('leaves a household created after the erasure alone, and anonymises a delete that now counts', async () => {
    const id = await household('Anna Later', '2023-02-01')
    await visitOn(id, '2023-03-07')
    await at(TODAY)
    const earlier = new Date('2023-01-01T00:00:00Z').toISOString()
    // An entry older than the household: it is about another household that had this id.
    expect(
      await reapplyErasures(
        app.open.db,
        [{ at: earlier, action: 'delete', kind: 'household', id }],
        app.clock.now(),
      ),
    ).toBe(0)
    expect(everything()).toContain('Anna Later')
    // A delete of a household with visits: anonymised instead, so past figures stay.
    const before = await stats('2023-01-01', '2023-12-31')
    expect(
      await reapplyErasures(
        app.open.db,
        [{ at: app.clock.now().toISOString(), action: 'delete', kind: 'household', id }],
        app.clock.now(),
      ),
    ).toBe(1)
    expect(everything()).not.toContain('Anna Later')
    expect(await stats('2023-01-01', '2023-12-31')).toEqual(before)
    // An entry for an id that does not exist is a no-op.
    expect(
      await reapplyErasures(
        app.open.db,
        [{ at: app.clock.now().toISOString(), action: 'delete', kind: 'household', id: 4242 }],
        app.clock.now(),
      ),
    ).toBe(0)
  })
})
