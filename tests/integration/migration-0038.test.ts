import { expect, it } from 'vitest'
import { migratedBefore } from '../helpers/migration'

/**
 * Migration 0038: narrow indexes for the subsidy report counted from scratch. Each read the
 * report makes of a household's district, a person's district and gender, an intake's answers and
 * referrals, the questionnaires and the goals comes from an index alone, not from the wide rows;
 * the indexes that gained columns keep those they had in front.
 */

const file = migratedBefore('0038-report-cold-indexes')
const { columns, plan } = file

it('gives the report its reads from narrow indexes, keeping the columns each had in front', async () => {
  const before = {
    person_group: columns('person_group'),
    intake_date_household: columns('intake_date_household'),
    intake_referral_intake: columns('intake_referral_intake'),
    survey_response_month: columns('survey_response_month'),
    survey_invite_on: columns('survey_invite_on'),
    plan_goal_closed: columns('plan_goal_closed'),
  }
  expect(columns('household_id_district')).toEqual([])
  await file.up()

  expect(columns('household_id_district')).toEqual(['id', 'district'])
  const after = {
    person_group: ['id', 'district', 'programme_id', 'gender'],
    intake_date_household: ['date', 'household_id', 'debts', 'multiple_problems'],
    intake_referral_intake: ['intake_id', 'destination_id'],
    survey_response_month: ['month', 'district', 'occasion', 'mark'],
    survey_invite_on: ['invited_on', 'district', 'invited', 'answered'],
    plan_goal_closed: ['closed_on', 'status', 'person_id'],
  }
  for (const [index, cols] of Object.entries(after)) {
    expect(columns(index)).toEqual(cols)
    expect(cols.slice(0, before[index as keyof typeof before].length)).toEqual(
      before[index as keyof typeof before],
    )
  }
  // The goals index stays partial: open goals have no day closed.
  expect(
    (
      file.sqlite
        .prepare(`select sql from sqlite_master where name = 'plan_goal_closed'`)
        .get() as {
        sql: string
      }
    ).sql,
  ).toMatch(/where closed_on is not null/i)

  // The shop's intake figures, as stats-queries.ts reads them: no table row at all.
  const referrals = `select coalesce(h.district, '') as d, r.destination_id, count(*) as n
    from intake i indexed by intake_date_household
      cross join household h indexed by household_id_district on h.id = i.household_id
      join intake_referral r indexed by intake_referral_intake on r.intake_id = i.id
    where i.date >= '2025-01-01' and i.date <= '2025-12-31' group by 1, 2`
  expect(plan(referrals)).toContain('COVERING INDEX intake_date_household')
  expect(plan(referrals)).toContain('COVERING INDEX household_id_district')
  expect(plan(referrals)).toContain('COVERING INDEX intake_referral_intake')
  const answers = `select coalesce(h.district, '') as d, sum(i.debts = 'yes'),
      sum(i.multiple_problems = 'yes')
    from intake i indexed by intake_date_household
      cross join household h indexed by household_id_district on h.id = i.household_id
    where i.date >= '2025-01-01' and i.date <= '2025-12-31' group by 1`
  expect(plan(answers)).not.toMatch(/ USING INDEX|INTEGER PRIMARY KEY/)
  // The questionnaires of a period and area.
  const responses = `select occasion, count(*), sum(mark) from survey_response
    where month between '2025-01' and '2025-12' and district = 'Noord' group by occasion`
  expect(plan(responses)).toContain('COVERING INDEX survey_response_month')
  const invites = `select sum(invited), sum(answered) from survey_invite
    where invited_on between '2025-01-01' and '2025-12-31' and district = 'Noord'`
  expect(plan(invites)).toContain('COVERING INDEX survey_invite_on')
  // The goals of an area and the carers' gender: the person from its narrow index.
  const goals = `select g.status, count(*) from plan_goal g indexed by plan_goal_closed
      join person p indexed by person_group on p.id = g.person_id
    where g.closed_on between '2025-01-01' and '2025-12-31' and p.district = 'Noord'
    group by g.status`
  expect(plan(goals)).toContain('COVERING INDEX plan_goal_closed')
  expect(plan(goals)).toContain('COVERING INDEX person_group')
  const carers = `select p.gender, p.district from informal_carer c
      join person p indexed by person_group on p.id = c.person_id`
  expect(plan(carers)).toContain('COVERING INDEX person_group')
})
