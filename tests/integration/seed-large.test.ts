import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { seedLarge, type LargeSeedSummary } from '../../scripts/demo-large'
import { fixedClock } from '../../src/main/clock'
import { ERASURES_FILE_NAME, Vault } from '../../src/main/vault/vault'
import { TEST_PASSWORD_PARAMS, createTestApp } from '../helpers/db'
import { keptDrift } from '../helpers/kept-figures'
import { createRouter } from '../../src/main/router'
import { AppError } from '../../src/shared/errors'
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/api'
import { searchKey } from '../../src/shared/search-key'

// A small shop over ten years: the same generator as --scale=large, a fiftieth of the size.
const TODAY = '2026-03-10'
const HOUSEHOLDS = 160
const PASSWORD = 'Demo-wachtwoord-voor-tests'

const dirs: string[] = []
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dichtbij-large-'))
  dirs.push(dir)
  return dir
}

/** Opens the seeded folder as the app does, logs the admin in, and reads what the tests need. */
async function readBack(dir: string) {
  // Late on the demo's today, after the bookings the seed made during it.
  const clock = fixedClock(`${TODAY}T21:00:00Z`)
  const vault = await Vault.start({ dataDir: dir, clock, slotParams: TEST_PASSWORD_PARAMS })
  try {
    const router = createRouter({
      vault,
      clock,
      passwordParams: TEST_PASSWORD_PARAMS,
      logError: () => undefined,
    })
    const caller = { sessionId: null, workstation: 'test' }
    const call = async <M extends MethodName>(
      method: M,
      input: MethodInput<M>,
    ): Promise<MethodOutput<M>> => {
      const result = await router.call(caller, method, input)
      if (!result.ok) throw new AppError(result.error)
      return result.value as MethodOutput<M>
    }
    await call('auth.login', { username: 'beheerder', password: PASSWORD })
    await vault.settled()
    const verify = await call('audit.verify', {})
    const due = await call('retention.due', {})
    const db = vault.sqlite
    const all = (sql: string) => db.prepare(sql).all() as Record<string, unknown>[]
    /** A digest of a table's content, to compare two builds without holding both in memory. */
    const digest = (sql: string) =>
      createHash('sha256')
        .update(JSON.stringify(db.prepare(sql).raw().all()))
        .digest('hex')
    return {
      schema: all(`select type, name, tbl_name, sql from sqlite_master
        where name not like 'sqlite_%' order by type, name`),
      verify,
      due: due.counts.household,
      digests: {
        household: digest('select * from household order by id'),
        member: digest('select * from member order by id'),
        appointment: digest('select * from appointment order by id'),
        visit: digest('select * from visit order by id'),
        visitTopic: digest('select * from visit_topic order by visit_id, topic_id'),
        visitReferral: digest('select * from visit_referral order by id'),
        activity: digest('select * from activity order by id'),
        adviceTally: digest('select * from advice_tally order by id'),
        reportTarget: digest('select * from report_target order by year, area, figure_key'),
        trainingSession: digest('select * from training_session order by id'),
        trainingParticipant: digest('select * from training_participant order by id'),
        informalCarer: digest('select * from informal_carer order by person_id'),
        carerLoad: digest('select * from carer_load order by id'),
        helpRequest: digest('select * from help_request order by id'),
        planGoal: digest('select * from plan_goal order by id'),
        surveyInvite: digest('select * from survey_invite order by id'),
        surveyResponse: digest('select * from survey_response order by id'),
        surveyAnswer: digest('select * from survey_answer order by response_id, question_id'),
        careSignal: digest('select * from care_signal order by id'),
        story: digest('select * from story order by id'),
        // Users and their password hashes differ (random salt); what they did does not.
        audit: digest(
          `select id, at, user_id, action, entity_type, entity_id, household_id, fields, detail,
            hash from audit_log order by id`,
        ),
      },
      auditRows: all(`select id, at, action, entity_type, entity_id, household_id, user_id
        from audit_log order by id`),
      overfull: all(`select s.id from slot s join appointment a on a.slot_id = s.id
        where a.status <> 'cancelled' group by s.id having count(*) > s.capacity`),
      appointments: all(`select a.id, a.date, a.status, a.booked_at, a.slot_id, s.date as slotDate,
        v.id as visitId, v.date as visitDate from appointment a join slot s on s.id = a.slot_id
        left join visit v on v.appointment_id = a.id`),
      visitsWithoutAppointment: all('select id from visit where appointment_id is null').length,
      anonymised: all(`select id, contact_name from household where anonymised_at is not null`),
      spans: all(`select count(*) as n from household_visit_span`)[0].n as number,
      keptDrift: keptDrift(db),
      keptHours: all(`select count(*) as n from volunteer_hours_by_month`)[0].n as number,
      visitedHouseholds: all(`select count(distinct household_id) as n from visit`)[0].n as number,
      conversations: all(`select count(distinct visit_id) as n from (
        select visit_id from visit_topic union all select visit_id from visit_referral)`)[0]
        .n as number,
      activities: all(`select substr(date, 1, 4) as year, kind, count(*) as n,
        sum(waiting_list is not null) as waiting, count(distinct coalesce(area, '')) as areas
        from activity group by 1, 2 order by 1, 2`),
      adviceDays: all(`select substr(date, 1, 4) as year, count(*) as n, min(count) as least,
        max(count) as most from advice_tally group by 1 order by 1`),
      targets: all(`select year, count(*) as n, min(value) as least from report_target
        where area = '' group by year order by year`),
      loggedRegister: all(`select entity_type as type, count(*) as n from audit_log
        where action = 'create' and entity_type in ('activity', 'adviceTally')
        group by 1 order by 1`),
      supportRows: Object.fromEntries(
        [
          'training_course',
          'training_session',
          'training_participant',
          'training_external_mark',
          'informal_carer',
          'carer_load',
          'carer_support',
          'help_request',
          'help_request_demand',
          'help_request_course',
        ].map((t) => [t, all(`select count(*) as n from ${t}`)[0].n as number]),
      ),
      requestsByStatus: all(`select status, count(*) as n, sum(volunteer_id is not null) as v,
        sum(opened_on < date('${TODAY}', '-1 year')) as old from help_request group by status`),
      requestKinds: all(`select count(distinct kind_id) as n from help_request`)[0].n as number,
      requesters: all(`select sum(person_id is not null) as person,
        sum(household_id is not null) as household, sum(requester_name is not null) as contact
        from help_request`)[0],
      // A matched volunteer passes the hard filters on the day of the match: in the register and
      // not left, a shared half-day, no limitation against a demand, every required course done.
      unfitMatches: all(`select r.id from help_request r join person p on p.id = r.volunteer_id
        where p.intake_on is null or p.intake_on > r.matched_on
          or (p.outflow_on is not null and p.outflow_on <= coalesce(r.ended_on, '${TODAY}'))
          or (p.slot_mask & r.slot_mask) = 0 or p.id is r.person_id
          or exists (select 1 from help_request_demand d join person_option po
            on po.person_id = p.id join vol_option o on o.id = po.option_id
            where d.help_request_id = r.id and o.demand = d.demand)
          or exists (select 1 from help_request_course c where c.help_request_id = r.id
            and not exists (select 1 from training_participant tp join training_session ts
              on ts.id = tp.session_id where tp.person_id = p.id and tp.completed = 1
                and ts.course_id = c.course_id and ts.date <= r.matched_on))`),
      // Open: nothing yet; matched: a volunteer, not ended; ended: a volunteer if it was matched.
      statusMismatch: all(`select id from help_request where not (case status
        when 'open' then volunteer_id is null and matched_on is null and ended_on is null
        when 'matched' then volunteer_id is not null and matched_on is not null and ended_on is null
        else ended_on is not null and (volunteer_id is null) = (matched_on is null) end)`),
      carerLoads: all(`select min(n) as least, max(n) as most from (select count(*) as n
        from carer_load group by person_id)`)[0],
      loadsBeforeRegistration: all(`select l.id from carer_load l join informal_carer c
        on c.person_id = l.person_id where l.measured_on < c.registered_on`).length,
      sessionSizes: all(`select min(n) as least, max(n) as most from (select count(*) as n
        from training_participant where person_id is not null group by session_id)`)[0],
      // A session's entry of its own (its participants each have one under their name).
      loggedSupport: all(`select entity_type as type, count(*) as n from audit_log
        where action = 'create' and entity_type in ('trainingCourse', 'trainingSession',
          'informalCarer', 'carerLoad', 'carerSupport', 'helpRequest')
          and (entity_type <> 'trainingSession' or subject_kind is null)
        group by 1 order by 1`),
      // The outcome indicators of issue 17, per year.
      outcomeYears: all(`select y.year,
          (select count(*) from person where substr(outflow_on, 1, 4) = y.year) as left,
          (select count(*) from survey_invite where occasion = 'trajectory'
            and substr(invited_on, 1, 4) = y.year) as trajectory,
          (select coalesce(sum(answered), 0) from survey_invite where occasion = 'trajectory'
            and substr(invited_on, 1, 4) = y.year) as trajectoryAnswered,
          (select count(*) from survey_invite where occasion = 'activity'
            and substr(invited_on, 1, 4) = y.year) as activity,
          (select count(*) from survey_invite where occasion = 'service'
            and substr(invited_on, 1, 4) = y.year) as service,
          (select count(*) from survey_response where substr(month, 1, 4) = y.year) as responses,
          (select count(*) from care_signal where substr(signalled_on, 1, 4) = y.year) as signals,
          (select count(*) from story where substr(told_on, 1, 4) = y.year) as stories
        from (select distinct substr(date, 1, 4) as year from activity) y order by y.year`),
      outcomeTotals: all(`select
          (select count(*) from survey_invite) as invites,
          (select sum(answered) from survey_invite) as answered,
          (select count(*) from survey_response) as responses,
          (select count(*) from survey_answer) as answers,
          (select count(*) from survey_invite where answered > invited) as overfull,
          (select count(*) from survey_invite i join activity a on a.id = i.activity_id
            where i.invited > a.participants or i.invited_on <> a.date
              or i.district is not a.area) as activityMismatch,
          (select count(*) from survey_invite i join person p on p.id = i.person_id
            where p.outflow_on is null or i.invited_on < p.outflow_on
              or i.district is not p.district) as trajectoryMismatch,
          (select count(*) from survey_response where id > 4294967296) as bigIds,
          (select avg(mark) from survey_response) as meanMark,
          (select avg(mark >= 7) from survey_response) as satisfied,
          (select count(distinct mode) from survey_response) as modes,
          (select count(distinct kind) from care_signal) as kinds,
          (select count(*) from care_signal where household_id is not null) as onHouseholds,
          (select count(*) from care_signal where person_id is not null) as onPeople,
          (select count(distinct section) from story) as sections,
          (select count(*) from story where consent_on < told_on) as consentBefore,
          (select count(*) from plan) as plans,
          (select count(*) from plan_goal) as goals`)[0],
      // Months of the responses in the order of their ids: drawn at random, not in time order.
      responseMonths: all(`select month from survey_response order by id`).map((r) =>
        String(r.month),
      ),
      badScores: all(`select count(*) as n from survey_answer a
        left join survey_question q on q.id = a.question_id
        where q.id is null or a.score not between 1 and 5`)[0].n as number,
      parties: all(`select discussed_with from care_signal`).flatMap((r) =>
        String(r.discussed_with).split(','),
      ),
      // Goals of someone who left are all closed, on or before the day they left.
      goalsOfLeavers: all(`select p.outflow_kind as kind, g.status, count(*) as n,
          sum(g.closed_on is null or g.closed_on > p.outflow_on) as bad
        from plan_goal g join person p on p.id = g.person_id
        where p.outflow_on is not null group by 1, 2`),
      goalsOpenWithDay: all(`select count(*) as n from plan_goal
        where (status = 'open') <> (closed_on is null)`)[0].n as number,
      loggedOutcomes: all(`select entity_type || '.' || action as k, count(*) as n from audit_log
        where entity_type in ('plan', 'surveyInvite', 'careSignal', 'story')
          and action in ('create', 'update') group by 1 order by 1`),
      referralNotesOfAnonymised: all(`select count(*) as n from visit_referral r
        join visit v on v.id = r.visit_id join household h on h.id = v.household_id
        where h.anonymised_at is not null and r.note is not null`)[0].n as number,
      /** Members by whether they still have a first name and the key Ctrl+K finds them by. */
      memberNames: all(`select (m.first_name is not null) as named, (h.anonymised_at is not null)
          as anonymised, count(*) as n, sum(m.search_name is not null) as keyed from member m
          join household h on h.id = m.household_id group by 1, 2 order by 1, 2`),
      memberKeys: all(`select first_name, search_name from member
        where first_name is not null order by id limit 500`),
    }
  } finally {
    await vault.close()
  }
}

describe('seed-demo --scale=large', () => {
  let first: LargeSeedSummary
  let a: Awaited<ReturnType<typeof readBack>>
  let b: Awaited<ReturnType<typeof readBack>>
  let dirA: string

  beforeAll(async () => {
    dirA = tempDir()
    const dirB = tempDir()
    const options = {
      seed: 5,
      today: TODAY,
      households: HOUSEHOLDS,
      password: PASSWORD,
      // Cheap password hashes: the test is about the data, not about guessing.
      passwordParams: TEST_PASSWORD_PARAMS,
    }
    first = await seedLarge({ ...options, dataDir: dirA })
    await seedLarge({ ...options, dataDir: dirB })
    a = await readBack(dirA)
    b = await readBack(dirB)
  }, 240_000)

  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })

  it('gives the same data for the same seed and day', () => {
    expect(b.digests).toEqual(a.digests)
  })

  it('writes an audit log whose chain the app itself finds intact', () => {
    expect(a.verify.ok).toBe(true)
    // Every entry the seed wrote, and the login of this check.
    if (a.verify.ok) expect(a.verify.count).toBe(first.auditEntries + 1)
    // The seed ran the full check, as a shop does now and then: the first routine check after
    // it goes on from the point that check recorded instead of walking the whole log.
    if (a.verify.ok) expect(a.verify.full).toBe(false)
    // In time order, as the app writes them.
    for (let i = 1; i < a.auditRows.length; i++)
      expect(String(a.auditRows[i].at) >= String(a.auditRows[i - 1].at)).toBe(true)
  })

  it('has the proportions of the ten-year shop in the issue', () => {
    const s = first
    expect(s.households).toBe(HOUSEHOLDS)
    // 8,000 households : 26,000 people : 185,000 appointments : 150,000 visits : 12,500
    // intakes : 780,000 audit entries. A small shop logs in as often as a big one, so its log
    // is relatively longer.
    expect(s.members / s.households).toBeGreaterThan(2.9)
    expect(s.members / s.households).toBeLessThan(3.7)
    expect(s.intakes / s.households).toBeGreaterThan(1.3)
    expect(s.intakes / s.households).toBeLessThan(1.9)
    expect(s.visits / s.households).toBeGreaterThan(12)
    expect(s.visits / s.households).toBeLessThan(26)
    expect(s.appointments / s.visits).toBeGreaterThan(1.15)
    expect(s.appointments / s.visits).toBeLessThan(1.35)
    expect(s.auditEntries / s.appointments).toBeGreaterThan(3.5)
    const st = s.appointmentsByStatus
    expect(st.no_show / s.appointments).toBeGreaterThan(0.06)
    expect(st.cancelled / s.appointments).toBeGreaterThan(0.04)
    expect(st.planned).toBeGreaterThan(0)
  })

  it('leaves the schema exactly as the migrations make it (indexes and triggers set aside come back)', async () => {
    const fresh = await createTestApp()
    try {
      const schema = fresh.open.sqlite
        .prepare(
          `select type, name, tbl_name, sql from sqlite_master
            where name not like 'sqlite_%' order by type, name`,
        )
        .all()
      expect(a.schema).toEqual(schema)
    } finally {
      await fresh.close()
    }
  })

  it('keeps appointments, slots and visits consistent with the rules of the app', () => {
    expect(a.overfull).toEqual([])
    for (const ap of a.appointments) {
      expect(ap.date).toBe(ap.slotDate)
      expect(String(ap.booked_at).slice(0, 10) <= String(ap.date)).toBe(true)
      expect(ap.visitId !== null).toBe(ap.status === 'came')
      if (ap.visitId !== null) expect(ap.visitDate).toBe(ap.date)
      if (ap.status === 'planned') expect(String(ap.date) >= TODAY).toBe(true)
      if (ap.status === 'came' || ap.status === 'no_show')
        expect(String(ap.date) < TODAY).toBe(true)
    }
    expect(a.visitsWithoutAppointment).toBe(0)
    // About a third of the visits carry a conversation (topics, now and then a referral).
    expect(a.conversations / first.visits).toBeGreaterThan(0.28)
    expect(a.conversations / first.visits).toBeLessThan(0.39)
    // The first and last visit kept per household (migration 0008) are filled by its triggers.
    expect(a.spans).toBe(a.visitedHouseholds)
    // The volunteers' kept values (migration 0022), filled after the bulk load, equal their rows.
    expect(a.keptDrift).toEqual([])
    expect(a.keptHours).toBeGreaterThan(0)
  })

  it('has the activities register, the advice tally and targets for every subsidy year', () => {
    const years = Array.from({ length: 11 }, (_, i) => 2016 + i)
    const full = years.slice(1, -1).map(String)
    const of = (kind: string) =>
      a.activities.filter((r) => r.kind === kind && full.includes(String(r.year)))
    // About 150 activities a year: three weekly groups, and a dozen and more initiatives with
    // some waiting lists, in several areas and none.
    for (const r of of('collective')) expect(Number(r.n)).toBeGreaterThan(115)
    for (const r of of('initiative')) {
      expect(Number(r.n)).toBeGreaterThan(15)
      expect(Number(r.waiting)).toBeGreaterThan(0)
      expect(Number(r.areas)).toBeGreaterThan(1)
    }
    expect(of('collective')).toHaveLength(full.length)
    expect(of('initiative')).toHaveLength(full.length)
    expect(a.activities.reduce((n, r) => n + Number(r.n), 0)).toBe(first.activities)
    // The tally on days the shop was open (fewer in a small shop), one to eight contacts a day.
    const tallied = a.adviceDays.filter((r) => full.includes(String(r.year)))
    expect(tallied).toHaveLength(full.length)
    for (const r of tallied) {
      expect(Number(r.n)).toBeGreaterThan(40)
      expect(Number(r.least)).toBeGreaterThanOrEqual(1)
      expect(Number(r.most)).toBeLessThanOrEqual(8)
    }
    // A dozen targets for every subsidy year, each above nothing.
    expect(a.targets.map((r) => Number(r.year))).toEqual(years)
    for (const r of a.targets) {
      expect(Number(r.n)).toBe(12)
      expect(Number(r.least)).toBeGreaterThan(0)
    }
    expect(first.targets).toBe(12 * years.length)
    // Each row with the entry the app writes for it.
    const tallyRows = a.adviceDays.reduce((n, r) => n + Number(r.n), 0)
    expect(a.loggedRegister).toEqual([
      { type: 'activity', n: first.activities },
      { type: 'adviceTally', n: tallyRows },
    ])
  })

  it('has courses, informal carers and help requests over the years (issue 16)', () => {
    const rows = a.supportRows
    // A fiftieth of 40 courses, 400 sessions, 2,500 carers and 6,000 requests, with a floor.
    expect(rows.training_course).toBeGreaterThanOrEqual(6)
    expect(rows.training_session).toBeGreaterThanOrEqual(12)
    expect(rows.training_participant).toBeGreaterThan(rows.training_session * 3)
    expect(rows.training_external_mark).toBeGreaterThan(0)
    expect(rows.informal_carer).toBeGreaterThanOrEqual(10)
    expect(rows.carer_load).toBeGreaterThan(rows.informal_carer)
    expect(rows.carer_support).toBeGreaterThan(0)
    expect(rows.help_request).toBe(first.helpRequests)
    expect(rows.help_request).toBeGreaterThanOrEqual(100)
    expect(rows.help_request_demand).toBeGreaterThan(0)
    expect(rows.help_request_course).toBeGreaterThan(0)
    expect(a.requestKinds).toBe(5)
    for (const n of Object.values(a.requesters)) expect(Number(n)).toBeGreaterThan(0)
    // Every status; old requests mostly ended, many after a match.
    const st = Object.fromEntries(a.requestsByStatus.map((r) => [String(r.status), r]))
    for (const s of ['open', 'matched', 'ended']) expect(Number(st[s]?.n)).toBeGreaterThan(0)
    expect(Number(st.matched.v)).toBe(Number(st.matched.n))
    expect(Number(st.ended.v)).toBeGreaterThan(0)
    expect(Number(st.ended.old)).toBeGreaterThan(Number(st.open.old) + Number(st.matched.old))
    expect(a.unfitMatches).toEqual([])
    expect(a.statusMismatch).toEqual([])
    // One to six loads each, none before the registration; 5 to 15 people a session.
    expect(Number(a.carerLoads.least)).toBeGreaterThanOrEqual(1)
    expect(Number(a.carerLoads.most)).toBeLessThanOrEqual(6)
    expect(a.loadsBeforeRegistration).toBe(0)
    expect(Number(a.sessionSizes.most)).toBeLessThanOrEqual(15)
    // Each with the entry the app writes for it.
    const logged = Object.fromEntries(a.loggedSupport.map((r) => [String(r.type), Number(r.n)]))
    expect(logged).toEqual({
      trainingCourse: rows.training_course,
      trainingSession: rows.training_session,
      informalCarer: rows.informal_carer,
      // The first load comes with the registration, in its entry.
      carerLoad: rows.carer_load - rows.informal_carer,
      carerSupport: rows.carer_support,
      helpRequest: rows.help_request,
    })
  })

  it('has plans and goals, questionnaires, safety signals and stories over the years (issue 17)', () => {
    const t = a.outcomeTotals
    const num = (v: unknown) => Number(v)
    // Full years (not the first and last, which are parts).
    const years = a.outcomeYears.slice(1, -1)
    expect(years.length).toBeGreaterThanOrEqual(8)
    for (const y of years) {
      // Most people who left are asked, about seven in ten of them answer.
      expect(num(y.trajectory)).toBeGreaterThan(num(y.left) * 0.5)
      expect(num(y.trajectory)).toBeLessThanOrEqual(num(y.left))
      expect(num(y.trajectoryAnswered)).toBeGreaterThan(num(y.trajectory) * 0.45)
      expect(num(y.trajectoryAnswered)).toBeLessThan(num(y.trajectory) * 0.95)
      expect(num(y.activity)).toBeGreaterThan(0)
      expect(num(y.service)).toBeGreaterThanOrEqual(1)
      expect(num(y.service)).toBeLessThanOrEqual(3)
      expect(num(y.responses)).toBeGreaterThan(0)
      // Three to five stories a year (one may fall in the next year's January with its consent).
      expect(num(y.stories)).toBeGreaterThanOrEqual(2)
      expect(num(y.stories)).toBeLessThanOrEqual(6)
    }
    // A fiftieth of 20 to 60 signals a year, with a floor of two a year.
    expect(a.outcomeYears.reduce((n, y) => n + num(y.signals), 0)).toBeGreaterThanOrEqual(19)
    // Each form entered is one response, with its statements; none leads back to an invitation.
    expect(num(t.responses)).toBe(num(t.answered))
    expect(num(t.answers)).toBeGreaterThan(num(t.responses) * 2)
    expect(a.badScores).toBe(0)
    expect(num(t.overfull)).toBe(0)
    expect(num(t.activityMismatch)).toBe(0)
    expect(num(t.trajectoryMismatch)).toBe(0)
    expect(num(t.bigIds)).toBeGreaterThan(0)
    expect(a.responseMonths).not.toEqual([...a.responseMonths].sort())
    expect(num(t.meanMark)).toBeGreaterThan(6.8)
    expect(num(t.meanMark)).toBeLessThan(8.5)
    expect(num(t.satisfied)).toBeGreaterThan(0.6)
    expect(num(t.modes)).toBe(2)
    expect(num(t.kinds)).toBeGreaterThanOrEqual(3)
    expect(num(t.onHouseholds)).toBeGreaterThan(0)
    expect(num(t.onPeople)).toBeGreaterThan(0)
    expect(new Set(a.parties).has('access_team')).toBe(true)
    expect(new Set(a.parties).has('veilig_thuis')).toBe(true)
    expect(num(t.sections)).toBeGreaterThanOrEqual(4)
    expect(num(t.consentBefore)).toBe(0)
    // Goals of people who left are closed, by the day they left, the more often reached the
    // better the way they left.
    expect(a.goalsOpenWithDay).toBe(0)
    const goals = a.goalsOfLeavers
    expect(goals.every((g) => g.status !== 'open' && num(g.bad) === 0)).toBe(true)
    const share = (kind: string, status: string) => {
      const all = goals.filter((g) => g.kind === kind).reduce((n, g) => n + num(g.n), 0)
      const some = goals.find((g) => g.kind === kind && g.status === status)
      return num(some?.n ?? 0) / all
    }
    expect(share('paid_work', 'realised')).toBeGreaterThan(share('dropped_out', 'realised'))
    expect(share('dropped_out', 'not_realised')).toBeGreaterThan(share('paid_work', 'not_realised'))
    // Each with the entries the app writes: an invitation, then its count per form entered.
    const logged = Object.fromEntries(a.loggedOutcomes.map((r) => [String(r.k), num(r.n)]))
    expect(logged['plan.create']).toBe(num(t.plans))
    expect(logged['plan.update']).toBeGreaterThan(0)
    expect(logged['surveyInvite.create']).toBe(num(t.invites))
    expect(logged['surveyInvite.update']).toBe(num(t.responses))
    expect(logged['careSignal.create']).toBe(a.outcomeYears.reduce((n, y) => n + num(y.signals), 0))
    expect(logged['story.create']).toBe(a.outcomeYears.reduce((n, y) => n + num(y.stories), 0))
  })

  it('has anonymised families of past years, and some due for retention now', () => {
    expect(first.anonymised).toBeGreaterThan(0)
    expect(a.anonymised).toHaveLength(first.anonymised)
    expect(a.anonymised.every((h) => h.contact_name === 'Geanonimiseerd')).toBe(true)
    // The app's own anonymisation cleared what was noted with their referrals at visits.
    expect(a.referralNotesOfAnonymised).toBe(0)
    // Their members' first names went, and so did the keys Ctrl+K found them by; every other
    // member has both, the key as the app makes it.
    expect(a.memberNames).toEqual([
      { named: 0, anonymised: 1, n: expect.any(Number), keyed: 0 },
      { named: 1, anonymised: 0, n: expect.any(Number), keyed: expect.any(Number) },
    ])
    expect(a.memberNames[1].keyed).toBe(a.memberNames[1].n)
    for (const m of a.memberKeys) expect(m.search_name).toBe(searchKey(String(m.first_name)))
    // The app's own retention list finds exactly the families whose last contact is too old.
    expect(first.retentionDue).toBeGreaterThan(0)
    expect(a.due).toBe(first.retentionDue)
    // Each erasure is in the log outside the database too, as the app records it.
    const erasures = readFileSync(join(dirA, ERASURES_FILE_NAME), 'utf8').trim().split('\n')
    expect(erasures).toHaveLength(first.anonymised)
    const anonymiseEntries = a.auditRows.filter((r) => r.action === 'anonymise')
    expect(anonymiseEntries.map((r) => Number(r.household_id)).sort((x, y) => x - y)).toEqual(
      a.anonymised.map((h) => Number(h.id)).sort((x, y) => x - y),
    )
  })
})

describe('seed-demo --scale=large on the demo day the tester seeded (2026-12-05)', () => {
  const DAY = '2026-12-05'
  let rows: {
    afterToday: Record<string, unknown>[]
    openOfAnonymised: Record<string, unknown>[]
    complaints: Record<string, unknown>[]
    outcomesAfterToday: Record<string, unknown>[]
  }

  beforeAll(async () => {
    const dir = tempDir()
    await seedLarge({
      seed: 7,
      today: DAY,
      households: 120,
      password: PASSWORD,
      passwordParams: TEST_PASSWORD_PARAMS,
      dataDir: dir,
    })
    const clock = fixedClock(`${DAY}T21:00:00Z`)
    const vault = await Vault.start({ dataDir: dir, clock, slotParams: TEST_PASSWORD_PARAMS })
    try {
      const router = createRouter({
        vault,
        clock,
        passwordParams: TEST_PASSWORD_PARAMS,
        logError: () => undefined,
      })
      const login = await router.call({ sessionId: null, workstation: 'test' }, 'auth.login', {
        username: 'beheerder',
        password: PASSWORD,
      })
      expect(login.ok).toBe(true)
      await vault.settled()
      const all = (sql: string, ...p: unknown[]) =>
        vault.sqlite.prepare(sql).all(...p) as Record<string, unknown>[]
      const end = `${DAY}T23:59:59.999Z`
      rows = {
        // Entries written before the login above: what the seed itself dated.
        afterToday: [
          ...all(`select 'audit' as t, at from audit_log where at > ? and action <> 'login'`, end),
          ...all(
            `select 'hours' as t, created_at as at from volunteer_hours where created_at > ?`,
            end,
          ),
          ...all(
            `select 'measurement' as t, measured_on as at from measurement where measured_on > ?`,
            DAY,
          ),
          ...all(
            `select 'complaint entry' as t, date as at from complaint_entry where date > ?`,
            DAY,
          ),
          ...all(
            `select 'complaint' as t, received_on as at from complaint where received_on > ?`,
            DAY,
          ),
          ...all(`select 'activity' as t, date as at from activity where date >= ?`, DAY),
          ...all(`select 'advice' as t, date as at from advice_tally where date >= ?`, DAY),
          ...all(
            `select 'target' as t, updated_at as at from report_target where updated_at > ?`,
            end,
          ),
        ],
        openOfAnonymised:
          all(`select c.number from complaint c join household h on h.id = c.household_id
          where h.anonymised_at is not null
            and (c.closed_on is null or c.closed_on > substr(h.anonymised_at, 1, 10))`),
        complaints: all(`select number, step, received_on, ack_due_on, acknowledged_on,
          decision_due_on, decided_on, closed_on from complaint`),
        outcomesAfterToday: [
          ...all(
            `select 'invite' as t, invited_on as at from survey_invite where invited_on >= ?
            or updated_at > ?`,
            DAY,
            end,
          ),
          ...all(
            `select 'response' as t, month as at from survey_response where month > ?`,
            DAY.slice(0, 7),
          ),
          ...all(
            `select 'signal' as t, signalled_on as at from care_signal where signalled_on >= ?
            or created_at > ?`,
            DAY,
            end,
          ),
          ...all(`select 'story' as t, consent_on as at from story where consent_on >= ?`, DAY),
          ...all(`select 'goal' as t, closed_on as at from plan_goal where closed_on >= ?`, DAY),
        ],
      }
    } finally {
      await vault.close()
    }
  }, 240_000)

  it('dates nothing after its today: no audit entry, hours, measurement, complaint step or activity', () => {
    expect(rows.afterToday).toEqual([])
  })

  it('dates no invitation, answer, signal, story or closed goal on or after its today', () => {
    expect(rows.outcomesAfterToday).toEqual([])
  })

  it('leaves no complaint of a family its retention anonymised open', () => {
    expect(rows.openOfAnonymised).toEqual([])
  })

  it('keeps the terms of complaints mostly, a few late on purpose', () => {
    const all = rows.complaints
    const ackLate = all.filter((c) =>
      c.acknowledged_on
        ? String(c.acknowledged_on) > String(c.ack_due_on)
        : String(c.ack_due_on) < DAY,
    )
    const decisionLate = all.filter((c) =>
      c.decided_on
        ? String(c.decided_on) > String(c.decision_due_on)
        : String(c.decision_due_on) < DAY,
    )
    expect(ackLate.length).toBeGreaterThan(0)
    expect(ackLate.length / all.length).toBeLessThan(0.06)
    expect(decisionLate.length).toBeGreaterThan(0)
    expect(decisionLate.length / all.length).toBeLessThan(0.08)
    // No acknowledgement months overdue, as T3 found (108 days) on a complaint at step 2.
    const longOverdue = all.filter(
      (c) => !c.acknowledged_on && String(c.ack_due_on) < String(addDaysTo(DAY, -14)),
    )
    expect(longOverdue).toEqual([])
  })
})

function addDaysTo(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}
