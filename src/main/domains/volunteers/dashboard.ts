import { sql } from 'kysely'
import type { MethodParsed } from '../../../shared/api'
import { auditNote } from '../../../shared/audit-text'
import { addDays, daysBetween } from '../../../shared/dates'
import type { VolunteersDashboard } from '../../../shared/schemas/volunteers-followup'
import type { ServiceContext } from '../../context'
import { audit } from '../audit/audit'
import { addMonthsTo, monthOf, personName, placementRunsIn } from './followup-queries'

/** Trials whose end lies within this many days are listed (and those already past it). */
export const TRIAL_WINDOW_DAYS = 14
/**
 * Contacts planned up to this many days ahead are listed (and every overdue one). A rolling week
 * rather than the calendar week: on a Saturday next Wednesday's contact is already in sight.
 */
export const CONTACTS_WINDOW_DAYS = 7
/** At most this many rows per list; the counts say how many there are in all. */
const LIST_LIMIT = 100

/**
 * The coordinator's start of the week: people waiting for their intake (longest first), trials
 * ending within 14 days (or overdue), last month's placements without hours, and the contacts
 * due within the next 7 days (or overdue). Left and anonymised people are not listed.
 */
export async function volunteersDashboard(
  ctx: ServiceContext,
  input: MethodParsed<'volunteers.dashboard'>,
): Promise<VolunteersDashboard> {
  const date = input.date ?? ctx.clock.today()
  const lastMonth = addMonthsTo(monthOf(date), -1)
  const contactsUntil = addDays(date, CONTACTS_WINDOW_DAYS)

  // Each list shows its first LIST_LIMIT rows and says how many there are in all: the count is
  // taken with the same conditions (the waiting count from the partial index of migration 0019).
  const waitingBase = ctx.db
    .selectFrom('person as p')
    .where('p.intakeOn', 'is', null)
    .where('p.outflowOn', 'is', null)
    .where('p.anonymisedAt', 'is', null)
    .where('p.status', '=', 'registered')
    .where('p.registeredOn', '<=', date)
  const waiting = await waitingBase
    .select(['p.id as personId', 'p.reference', personName.as('name'), 'p.registeredOn'])
    .orderBy('p.registeredOn')
    .orderBy('p.id')
    .limit(LIST_LIMIT)
    .execute()
  const waitingCount = await waitingBase
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()

  const trialsBase = ctx.db
    .selectFrom('placement as pl')
    .innerJoin('person as p', 'p.id', 'pl.personId')
    .where('pl.step', '=', 'trial')
    .where('pl.trialEndsOn', 'is not', null)
    .where('pl.trialEndsOn', '<=', addDays(date, TRIAL_WINDOW_DAYS))
    .where('p.anonymisedAt', 'is', null)
  const trials = await trialsBase
    .innerJoin('vacancy as v', 'v.id', 'pl.vacancyId')
    .innerJoin('partner as o', 'o.id', 'v.partnerId')
    .select([
      'pl.id as placementId',
      'p.id as personId',
      'p.reference',
      personName.as('name'),
      'v.title as vacancyTitle',
      'o.name as hostName',
      'pl.trialEndsOn',
    ])
    .orderBy('pl.trialEndsOn')
    .orderBy('pl.id')
    .limit(LIST_LIMIT)
    .execute()
  const trialsCount = await trialsBase
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()

  const hours = await ctx.db
    .selectFrom('placement as pl')
    .innerJoin('person as p', 'p.id', 'pl.personId')
    .leftJoin('volunteerHours as h', (j) =>
      j
        .onRef('h.personId', '=', 'pl.personId')
        .onRef('h.placementId', '=', 'pl.id')
        .on('h.month', '=', lastMonth),
    )
    .select([
      (eb) => eb.fn.countAll<number>().as('total'),
      sql<number>`sum(h.id is null)`.as('missing'),
    ])
    .where(placementRunsIn(lastMonth))
    .where('p.anonymisedAt', 'is', null)
    .executeTakeFirst()

  // Per person who has not left, their latest contact (by day, then id); due when its next date
  // is at most CONTACTS_WINDOW_DAYS ahead. A later contact without a next date means no
  // follow-up is planned. At ten years of data most people have left and most contacts are long
  // superseded, so the people still in a trajectory come from the status index, each one's
  // latest contact from the (person, day) index, and only that contact's row and, when it is
  // due, the person's row are read: the fixed join order (cross join) keeps SQLite from reading
  // every person's row first or every contact with a past next date (17 ms against 2.5 ms CPU
  // at 20,000 people and 230,000 contacts, see the README).
  const due = await sql<{
    personId: number
    reference: string
    name: string
    nextOn: string
    lastContactOn: string
    /** All due contacts, before the limit. */
    total: number
  }>`with latest as (
      select p.id as person_id,
        (select c2.id from person_contact c2 where c2.person_id = p.id
          order by c2.contacted_on desc, c2.id desc limit 1) as contact_id
      from person p where p.status in ('registered', 'intake', 'active'))
    select p.id as person_id, p.reference, ${personName} as name, c.next_on,
      c.contacted_on as last_contact_on, count(*) over () as total
    from latest l cross join person_contact c cross join person p
    where c.id = l.contact_id and p.id = l.person_id
      and c.next_on is not null and c.next_on <= ${contactsUntil}
      and p.outflow_on is null and p.anonymised_at is null
    order by c.next_on, p.id
    limit ${LIST_LIMIT}`.execute(ctx.db)

  // The dashboard lists people by name: one entry with how many it showed.
  await audit(ctx.db, ctx, {
    action: 'view',
    entityType: 'person',
    detail: auditNote({
      k: 'peopleShown',
      count: new Set([...waiting, ...trials, ...due.rows].map((r) => r.personId)).size,
    }),
  })
  return {
    date,
    counts: {
      waitingForIntake: Number(waitingCount.n),
      trialsEnding: Number(trialsCount.n),
      contactsDue: Number(due.rows[0]?.total ?? 0),
    },
    waitingForIntake: waiting.map((w) => ({
      personId: w.personId,
      reference: w.reference,
      name: w.name,
      registeredOn: w.registeredOn,
      days: daysBetween(w.registeredOn, date),
    })),
    trialsEnding: trials.map((t) => ({
      placementId: t.placementId,
      personId: t.personId,
      reference: t.reference,
      name: t.name,
      vacancyTitle: t.vacancyTitle,
      hostName: t.hostName,
      trialEndsOn: t.trialEndsOn as string,
    })),
    hoursMissing: {
      month: lastMonth,
      count: Number(hours?.missing ?? 0),
      total: Number(hours?.total ?? 0),
    },
    contactsDue: due.rows.map((r) => ({
      personId: r.personId,
      reference: r.reference,
      name: r.name,
      nextOn: r.nextOn,
      lastContactOn: r.lastContactOn,
      overdue: r.nextOn < date,
    })),
    contactsDueUntil: contactsUntil,
  }
}
