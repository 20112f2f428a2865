import { sql, type Kysely } from 'kysely'

// Frozen in time: this file never imports app code, so later changes cannot alter what it did.
type SchemaThen = Record<string, Record<string, unknown>>

/**
 * The subsidy report counted from scratch (the first call after a restore or an update, or after
 * a change in both years) reads on a connection whose cache a write elsewhere emptied: every
 * page it touches is decrypted again. Rows looked up one by one in wide tables cost a page each.
 * These narrow indexes hold what the report's queries read, so they read a few hundred pages
 * instead of thousands:
 * - `household_id_district`: a household's district by its id (the shop's intakes, referrals,
 *   topics and first visits, and an area's visits per month);
 * - `person_group` gains the gender (the informal carers' figures), after the columns every
 *   query that used it still reads;
 * - `intake_date_household` gains the two yes / no questions the intake figures count;
 * - `intake_referral_intake` gains the partner referred to;
 * - `survey_response_month` and `survey_invite_on` gain the district and what is summed;
 * - `plan_goal_closed` gains the person, for the goals of an area.
 * Each gains columns after those it had, so every query that used it still can.
 */
export async function up(db: Kysely<SchemaThen>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db)
  await run('create index household_id_district on household (id, district)')
  await run('drop index person_group')
  await run('create index person_group on person (id, district, programme_id, gender)')
  await run('drop index intake_date_household')
  await run(
    'create index intake_date_household on intake (date, household_id, debts, multiple_problems)',
  )
  await run('drop index intake_referral_intake')
  await run('create index intake_referral_intake on intake_referral (intake_id, destination_id)')
  await run('drop index survey_response_month')
  await run(
    'create index survey_response_month on survey_response (month, district, occasion, mark)',
  )
  await run('drop index survey_invite_on')
  await run(
    'create index survey_invite_on on survey_invite (invited_on, district, invited, answered)',
  )
  await run('drop index plan_goal_closed')
  await run(`create index plan_goal_closed on plan_goal (closed_on, status, person_id)
    where closed_on is not null`)
}
