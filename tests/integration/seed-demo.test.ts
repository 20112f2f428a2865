import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import Database from 'better-sqlite3-multiple-ciphers'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SeedRefusedError, seedDemo, type SeedSummary } from '../../scripts/demo-data'
import { fixedClock } from '../../src/main/clock'
import { DB_FILE_NAME, Vault } from '../../src/main/vault/vault'
import { readBackup } from '../../src/main/vault/backup-file'
import { TEST_PASSWORD_PARAMS } from '../helpers/db'
import { createRouter } from '../../src/main/router'
import { addDays, addMonths, isoWeekday } from '../../src/shared/dates'
import { AppError } from '../../src/shared/errors'
import { DEFAULT_SHOP_SETTINGS } from '../../src/shared/schemas/shop'
import type { ShopStats } from '../../src/shared/schemas/shop'
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/api'

const TODAY = '2026-03-10'
const HOUSEHOLDS = 40
const PASSWORD = 'Demo-wachtwoord-voor-tests'
/** The demo password, hashed cheaply: these tests are about the data, not about guessing. */
const CHEAP = { password: PASSWORD, passwordParams: TEST_PASSWORD_PARAMS }
const YEAR = { from: addDays(addMonths(TODAY, -12), 1), to: TODAY }

const dirs: string[] = []
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dichtbij-seed-'))
  dirs.push(dir)
  return dir
}

/** Everything the tests compare, read from the seeded file with a fresh connection. */
async function readBack(dir: string) {
  const clock = fixedClock(`${TODAY}T12:00:00Z`)
  // Encrypted: only the login (through the coordinator's key slot) opens it.
  const open = await Vault.start({ dataDir: dir, clock, slotParams: TEST_PASSWORD_PARAMS })
  try {
    expect(open.state).toBe('locked')
    const router = createRouter({
      vault: open,
      clock,
      passwordParams: TEST_PASSWORD_PARAMS,
      logError: () => undefined,
    })
    const caller = { sessionId: null, workstation: 'test' }
    const login = await router.call(caller, 'auth.login', {
      username: 'coordinator',
      password: PASSWORD,
    })
    if (!login.ok) throw new AppError(login.error)
    // A backup by hand beside the daily one that this first login of the day starts.
    const admin = { sessionId: null, workstation: 'test' }
    const adminLogin = await router.call(admin, 'auth.login', {
      username: 'beheerder',
      password: PASSWORD,
    })
    if (!adminLogin.ok) throw new AppError(adminLogin.error)
    const manual = await router.call(admin, 'backup.create', {})
    if (!manual.ok) throw new AppError(manual.error)
    const result = await router.call(caller, 'shop.stats', YEAR)
    if (!result.ok) throw new AppError(result.error)
    const households = await open.db
      .selectFrom('household')
      .select(['id', 'reference', 'contactName', 'postcode', 'eligibleUntil', 'status'])
      .orderBy('id')
      .execute()
    const members = await open.db
      .selectFrom('member')
      .select(['householdId', 'firstName', 'birthYear', 'gender', 'clothingSize'])
      .orderBy('id')
      .execute()
    const appointments = await open.db
      .selectFrom('appointment as a')
      .leftJoin('visit as v', 'v.appointmentId', 'a.id')
      .select(['a.id', 'a.householdId', 'a.date', 'a.status', 'v.id as visitId'])
      .orderBy('a.id')
      .execute()
    const intakes = await open.db.selectFrom('intake').select(['householdId', 'date']).execute()
    const slots = await open.db.selectFrom('slot').select(['date', 'part', 'capacity']).execute()
    const visits = await open.db.selectFrom('visit').select(['id', 'date']).execute()
    // The registers of issue 16, as the coordinator's screens read them.
    const call = async <M extends MethodName>(
      method: M,
      input: MethodInput<M>,
    ): Promise<MethodOutput<M>> => {
      const r = await router.call(caller, method, input)
      if (!r.ok) throw new AppError(r.error)
      return r.value as MethodOutput<M>
    }
    const requests = await call('helpRequests.list', { limit: 500 })
    const support = {
      courses: await call('trainings.courses', {}),
      sessions: await call('trainings.sessions', { from: addDays(TODAY, -800), to: TODAY }),
      carers: await call('carers.list', { limit: 500 }),
      requests,
      // The volunteers matched, and whether each one still passes the request's filters now.
      matched: await Promise.all(
        requests.rows
          .filter((r) => r.status === 'matched')
          .map(async (r) => {
            const c = await call('helpRequests.candidates', {
              id: r.id,
              limit: 200,
              excludedLimit: 200,
            })
            return {
              volunteerId: r.volunteerId,
              // A matched request is no longer open, for everyone: the other reasons count.
              excluded: (
                c.excluded.find((x) => x.personId === r.volunteerId)?.reasons ?? []
              ).filter((x) => x.code !== 'requestNotOpen'),
              shown: [...c.ranked, ...c.excluded].some((x) => x.personId === r.volunteerId),
            }
          }),
      ),
      figures: (await call('volunteers.stats', YEAR)).support,
    }
    // The outcome indicators of issue 17: the coordinator's lists, the rows kept apart from who
    // answered, and the admin's report of the year.
    const subsidy = await router.call(admin, 'reports.subsidy', { ...YEAR, area: null })
    if (!subsidy.ok) throw new AppError(subsidy.error)
    const report = subsidy.value as MethodOutput<'reports.subsidy'>
    const outcomes = {
      invites: await call('surveys.invites', { limit: 500 }),
      questions: await call('surveys.questions', {}),
      responses: await open.db
        .selectFrom('surveyResponse')
        .select(['id', 'occasion', 'district', 'month', 'mode', 'mark'])
        .orderBy('id')
        .execute(),
      answers: await open.db.selectFrom('surveyAnswer').selectAll().execute(),
      signals: await open.db
        .selectFrom('careSignal')
        .select(['id', 'householdId', 'personId', 'signalledOn', 'kind', 'discussedWith'])
        .orderBy('id')
        .execute(),
      stories: await call('stories.list', { from: addDays(TODAY, -800), to: TODAY }),
      leavers: await open.db
        .selectFrom('person')
        .select(['id', 'outflowOn'])
        .where('outflowOn', 'is not', null)
        .execute(),
      activities: await open.db.selectFrom('activity').select(['id', 'participants']).execute(),
      logged: await open.db
        .selectFrom('auditLog')
        .select(['entityType', 'action', (eb) => eb.fn.countAll<number>().as('n')])
        .where('entityType', 'in', ['surveyInvite', 'careSignal', 'story'])
        .where('action', 'in', ['create', 'update'])
        .groupBy(['entityType', 'action'])
        .execute(),
      figures: report.figures.filter((f) => f.section === 'outcomes'),
      reportStories: report.stories,
      areas: await call('areas.list', {}),
    }
    return {
      outcomes,
      support,
      stats: result.value as ShopStats,
      households,
      members,
      appointments,
      intakes,
      slots,
      visits,
    }
  } finally {
    await open.close()
  }
}

describe('seed-demo', () => {
  let first: SeedSummary
  let a: Awaited<ReturnType<typeof readBack>>
  let b: Awaited<ReturnType<typeof readBack>>
  let other: Awaited<ReturnType<typeof readBack>>

  let dirA: string
  // Also the folder in use that the last case refuses and resets (it was read back by then).
  let dirC: string
  beforeAll(async () => {
    dirA = tempDir()
    const dirB = tempDir()
    dirC = tempDir()
    first = await seedDemo({
      dataDir: dirA,
      seed: 7,
      today: TODAY,
      households: HOUSEHOLDS,
      ...CHEAP,
    })
    // A is the whole demo; B and C are compared with it on the shop's data only, so they leave out
    // volunteers, placements, follow-up and complaints (a third of a seed's time), which must not
    // change the shop's data (B equals A below).
    await seedDemo({
      dataDir: dirB,
      seed: 7,
      today: TODAY,
      households: HOUSEHOLDS,
      shopOnly: true,
      ...CHEAP,
    })
    await seedDemo({
      dataDir: dirC,
      seed: 8,
      today: TODAY,
      households: HOUSEHOLDS,
      shopOnly: true,
      ...CHEAP,
    })
    a = await readBack(dirA)
    b = await readBack(dirB)
    other = await readBack(dirC)
  }, 120_000)

  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })

  it('creates the households asked for, each with adults, children and an intake', () => {
    expect(first.households).toBe(HOUSEHOLDS)
    expect(a.households).toHaveLength(HOUSEHOLDS)
    expect(first.intakes).toBe(a.intakes.length)
    expect(first.appointments).toBe(a.appointments.length)
    expect(first.visits).toBe(a.visits.length)
    const year = Number(TODAY.slice(0, 4))
    for (const h of a.households) {
      const members = a.members.filter((m) => m.householdId === h.id)
      const adults = members.filter((m) => m.clothingSize === null)
      const children = members.filter((m) => m.clothingSize !== null)
      expect(adults.length).toBeGreaterThanOrEqual(1)
      expect(adults.length).toBeLessThanOrEqual(2)
      expect(children.length).toBeGreaterThanOrEqual(1)
      expect(children.length).toBeLessThanOrEqual(5)
      for (const c of children) expect(year - c.birthYear).toBeLessThanOrEqual(19)
      expect(a.intakes.some((i) => i.householdId === h.id)).toBe(true)
      expect(h.postcode).toMatch(/^38[12]\d [A-Z]{2}$/)
    }
  })

  it('generates the default template from a year ago to four weeks ahead', () => {
    const start = addMonths(TODAY, -12)
    const end = addDays(TODAY, 28)
    let expected = 0
    for (let day = start; day <= end; day = addDays(day, 1))
      expected += DEFAULT_SHOP_SETTINGS.slotTemplate.filter(
        (t) => t.weekday === isoWeekday(day),
      ).length
    expect(a.slots).toHaveLength(expected)
    const dates = a.slots.map((s) => s.date).sort()
    expect(dates[0] >= start && dates[0] < addDays(start, 7)).toBe(true)
    expect(dates[dates.length - 1] <= end && dates[dates.length - 1] > addDays(end, -7)).toBe(true)
  })

  it('keeps appointments and visits consistent: past ones settled, future ones planned', () => {
    const counts = { planned: 0, came: 0, no_show: 0, cancelled: 0 }
    for (const ap of a.appointments) {
      counts[ap.status]++
      if (ap.status === 'planned') expect(ap.date >= TODAY).toBe(true)
      else if (ap.status !== 'cancelled') expect(ap.date < TODAY).toBe(true)
      expect(ap.visitId !== null).toBe(ap.status === 'came')
    }
    expect(counts.came).toBeGreaterThan(0)
    expect(counts.no_show).toBeGreaterThan(0)
    expect(counts.cancelled).toBeGreaterThan(0)
    expect(counts.planned).toBeGreaterThan(0)
    expect(a.visits.every((v) => v.date < TODAY)).toBe(true)
  })

  it('gives the same data for the same seed', () => {
    expect(b.stats).toEqual(a.stats)
    expect(b.households).toEqual(a.households)
    expect(b.members).toEqual(a.members)
    expect(b.appointments).toEqual(a.appointments)
  })

  it('gives other names for another seed', () => {
    const names = (r: typeof a) => r.households.map((h) => h.contactName)
    expect(names(other)).not.toEqual(names(a))
    expect(other.households).toHaveLength(HOUSEHOLDS)
  })

  it('leaves no family name or postcode in the clear in the data folder or its backups', () => {
    const files = readdirSync(dirA, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
    const backups = files.filter((f) => f.endsWith('.dichtbij-backup'))
    // The daily backup of the first login and the one made by hand.
    expect(backups.map((f) => f.replace(/.*-(\w+)\.dichtbij-backup$/, '$1')).sort()).toEqual([
      'dagelijks',
      'handmatig',
    ])
    expect(files.some((f) => f.endsWith(DB_FILE_NAME))).toBe(true)
    const secrets = [
      ...new Set(a.households.flatMap((h) => [h.contactName, h.postcode ?? ''])),
    ].filter((s) => s.length >= 6)
    expect(secrets.length).toBeGreaterThan(HOUSEHOLDS)
    for (const file of files) {
      const bytes = readFileSync(file)
      const leaked = secrets.filter((s) => bytes.includes(s))
      expect(leaked, file).toEqual([])
    }
    // Neither the database nor any backup's database part opens without the key.
    const parts: Buffer[] = [readFileSync(join(dirA, DB_FILE_NAME))]
    for (const f of backups) parts.push(readBackup(readFileSync(f)).database)
    for (const [i, part] of parts.entries()) {
      const copy = join(dirA, `zonder-sleutel-${i}.sqlite`)
      writeFileSync(copy, part)
      const raw = new Database(copy, { readonly: true })
      try {
        expect(() => raw.prepare('select count(*) from sqlite_master').get()).toThrow(
          /not a database/,
        )
      } finally {
        raw.close()
        rmSync(copy)
      }
    }
  })

  it('has courses, informal carers and help requests in every status (issue 16)', () => {
    const s = a.support
    expect(s.courses.length).toBeGreaterThanOrEqual(4)
    expect(s.courses.length).toBeLessThanOrEqual(6)
    expect(s.courses.some((c) => !c.active)).toBe(true)
    expect(s.sessions.length).toBe(12)
    expect(s.sessions.every((x) => x.participants > 0)).toBe(true)
    expect(s.sessions.some((x) => x.externalCount > 0)).toBe(true)
    expect(s.sessions.some((x) => x.meanMark !== null)).toBe(true)
    expect(s.carers.total).toBeGreaterThanOrEqual(10)
    expect(s.carers.total).toBeLessThanOrEqual(15)
    // Loads measured more than once, and somewhere it changed.
    expect(s.carers.rows.some((c) => c.firstLoad !== null && c.latestLoad !== c.firstLoad)).toBe(
      true,
    )
    const r = s.requests
    expect(r.total).toBe(25)
    expect(r.counts.open).toBeGreaterThan(0)
    expect(r.counts.matched).toBeGreaterThan(0)
    expect(r.counts.ended).toBeGreaterThan(0)
    expect(new Set(r.rows.map((x) => x.kindName)).size).toBe(5)
    expect(new Set(r.rows.map((x) => x.requesterKind))).toEqual(
      new Set(['person', 'household', 'contact']),
    )
    expect(r.rows.some((x) => x.courses.length > 0)).toBe(true)
    expect(r.rows.some((x) => x.demands.length > 0)).toBe(true)
    expect(r.rows.every((x) => x.halfDays.length >= 1 && x.halfDays.length <= 3)).toBe(true)
    for (const x of r.rows) {
      expect(x.volunteerId !== null).toBe(x.matchedOn !== null)
      if (x.status === 'matched') expect(x.endedOn).toBeNull()
      if (x.status === 'ended') expect(x.endedOn).not.toBeNull()
    }
    expect(r.rows.some((x) => x.status === 'ended' && x.volunteerId !== null)).toBe(true)
    // Matched to the first one ranked: still not left out by a hard filter.
    for (const m of s.matched) {
      expect(m.shown).toBe(true)
      expect(m.excluded).toEqual([])
    }
    // The figures of the year see them.
    expect(s.figures.carers.registered).toBeGreaterThan(0)
    expect(s.figures.helpRequests.opened).toBeGreaterThan(0)
    expect(s.figures.trainings.sessions).toBeGreaterThan(0)
  })

  it('has questionnaires, safety signals and stories for the outcome indicators (issue 17)', () => {
    const o = a.outcomes
    const invites = o.invites.rows
    const of = (occasion: string) => invites.filter((v) => v.occasion === occasion)
    // People whose trajectory ended (a dozen at most; a small demo has fewer who left), three
    // activities and the shop.
    const left = new Map(o.leavers.map((p) => [p.id, p.outflowOn!]))
    expect(of('trajectory').length).toBeGreaterThanOrEqual(Math.min(3, left.size))
    expect(of('trajectory').length).toBeLessThanOrEqual(12)
    for (const v of of('trajectory')) {
      expect(v.invited).toBe(1)
      expect(v.invitedOn >= left.get(v.personId!)!).toBe(true)
    }
    expect(of('trajectory').some((v) => v.answered === 1)).toBe(true)
    const participants = new Map(o.activities.map((x) => [x.id, x.participants]))
    expect(of('activity')).toHaveLength(3)
    for (const v of of('activity')) {
      expect(v.invited).toBeLessThanOrEqual(participants.get(v.activityId!)!)
      expect(v.answered).toBeGreaterThan(0)
      expect(v.answered).toBeLessThan(v.invited)
    }
    expect(of('service').map((v) => v.about)).toEqual(['Kledingwinkel'])
    expect(invites.every((v) => v.invitedOn < TODAY && v.answered <= v.invited)).toBe(true)
    // Each form entered is one response, kept apart: a random id, the month only.
    const responses = o.responses
    expect(responses).toHaveLength(invites.reduce((n, v) => n + v.answered, 0))
    expect(new Set(responses.map((r) => r.mode))).toEqual(new Set(['screen', 'paper']))
    expect(new Set(responses.map((r) => r.occasion))).toEqual(
      new Set(['trajectory', 'activity', 'service']),
    )
    expect(responses.every((r) => r.month <= TODAY.slice(0, 7))).toBe(true)
    expect(responses.some((r) => r.id > 1_000_000)).toBe(true)
    const months = responses.map((r) => r.month)
    expect(months).not.toEqual([...months].sort())
    // Mostly a seven to a nine, a few lower.
    const marks = responses.map((r) => r.mark)
    const mean = marks.reduce((n, m) => n + m, 0) / marks.length
    expect(mean).toBeGreaterThan(6.5)
    expect(mean).toBeLessThan(9)
    expect(marks.filter((m) => m >= 7).length / marks.length).toBeGreaterThan(0.6)
    expect(marks.some((m) => m < 7)).toBe(true)
    // Statements scored 1-5, each of the active ones by several people.
    const ids = new Set(o.questions.filter((q) => q.active).map((q) => q.id))
    expect(o.answers.length).toBeGreaterThan(responses.length * 2)
    for (const q of ids)
      expect(o.answers.filter((x) => x.questionId === q).length).toBeGreaterThan(4)
    expect(o.answers.every((x) => ids.has(x.questionId) && x.score >= 1 && x.score <= 5)).toBe(true)
    // Four signals of different kinds, on families and people, discussed with the usual parties.
    expect(o.signals).toHaveLength(4)
    expect(new Set(o.signals.map((x) => x.kind)).size).toBe(4)
    expect(o.signals.some((x) => x.householdId !== null)).toBe(true)
    expect(o.signals.some((x) => x.personId !== null)).toBe(true)
    const parties = new Set(o.signals.flatMap((x) => x.discussedWith.split(',')))
    for (const p of ['access_team', 'veilig_thuis', 'gp']) expect(parties.has(p)).toBe(true)
    // Four stories with consent, each in a section of its own, under a first name.
    expect(o.stories).toHaveLength(4)
    expect(new Set(o.stories.map((x) => x.section)).size).toBe(4)
    for (const x of o.stories) {
      expect(x.consentOn >= x.toldOn && x.consentOn < TODAY).toBe(true)
      expect(x.name).toMatch(/^\p{Lu}\p{Ll}+$/u)
      expect(x.text.length).toBeGreaterThan(100)
    }
    // Each with the entry the app writes for it: the invitation, then its count per form.
    const logged = Object.fromEntries(o.logged.map((r) => [`${r.entityType}.${r.action}`, r.n]))
    expect(logged).toEqual({
      'surveyInvite.create': invites.length,
      'surveyInvite.update': responses.length,
      'careSignal.create': 4,
      'story.create': 4,
    })
    // The areas tree: Leusden asks for its own figures, Eemstad for all.
    const leusden = o.areas.find((x) => x.name === 'Leusden')!
    expect(o.areas.map((x) => x.name)).toContain('Hoogland')
    expect(leusden.indicators).toContain('shop.visits')
    // The report of the year counts them, and prints the stories told in it.
    const figure = (key: string) => o.figures.find((f) => f.key === key)?.value ?? null
    expect(figure('outcomes.responses')).toBeGreaterThan(0)
    expect(figure('outcomes.meanMark')).toBeGreaterThan(6)
    expect(o.reportStories.length).toBeGreaterThan(0)
    expect(o.reportStories.every((x) => x.toldOn >= YEAR.from && x.toldOn <= YEAR.to)).toBe(true)
  })

  it('has households whose eligibility has expired', () => {
    expect(a.households.some((h) => h.eligibleUntil !== null && h.eligibleUntil < TODAY)).toBe(true)
    expect(first.expiredEligibility).toBeGreaterThan(0)
  })

  it('shows a year of figures in shop.stats', () => {
    expect(a.stats.visits).toBeGreaterThan(0)
    expect(a.stats.householdsReached).toBeGreaterThan(0)
    expect(a.stats.childrenReached).toBeGreaterThan(0)
    expect(a.stats.noShowRate).not.toBeNull()
    expect(a.stats.noShowRate!).toBeGreaterThanOrEqual(0.02)
    expect(a.stats.noShowRate!).toBeLessThanOrEqual(0.3)
    expect(a.stats.topics.length).toBeGreaterThan(0)
    expect(a.stats.byDistrict.length).toBeGreaterThan(1)
  })

  it('refuses a database that already holds households, unless reset', async () => {
    // C was seeded in beforeAll (and read back there); seeding it again is refused.
    const dir = dirC
    await expect(
      seedDemo({ dataDir: dir, seed: 2, today: TODAY, households: 3, ...CHEAP }),
    ).rejects.toThrow(SeedRefusedError)
    const again = await seedDemo({
      dataDir: dir,
      seed: 2,
      today: TODAY,
      households: 3,
      reset: true,
      shopOnly: true,
      ...CHEAP,
    })
    expect(again.households).toBe(3)
    expect((await readBack(dir)).households).toHaveLength(3)
  })
})
