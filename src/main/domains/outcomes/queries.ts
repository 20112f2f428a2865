import { sql } from 'kysely'
import type {
  CareSignal,
  CareSignalKind,
  CareSignalParty,
  Story,
  SurveyInvite,
  SurveyInviteList,
} from '../../../shared/schemas/outcomes'
import type { ReportSection } from '../../../shared/schemas/reports'
import type { Db } from '../../context'
import { notFound } from '../../../shared/errors'

/* The reads of the outcome records that services of this and other domains share. */

function inviteSelect(db: Db) {
  return db
    .selectFrom('surveyInvite as i')
    .leftJoin('person as p', 'p.id', 'i.personId')
    .leftJoin('activity as a', 'a.id', 'i.activityId')
    .select([
      'i.id',
      'i.occasion',
      'i.personId',
      sql<string | null>`case when p.id is null then null
        else trim(coalesce(p.first_name, '') || ' ' || coalesce(p.last_name, '')) end`.as(
        'personName',
      ),
      'i.activityId',
      'a.title as activityTitle',
      'i.about',
      'i.invitedOn',
      'i.invited',
      'i.answered',
    ])
}

export async function readInvite(db: Db, id: number): Promise<SurveyInvite> {
  const row = await inviteSelect(db).where('i.id', '=', id).executeTakeFirst()
  if (!row) throw notFound('surveyInvite')
  return row
}

/** Invitations newest first, of one person or activity, or those with forms still to enter. */
export async function inviteRows(
  db: Db,
  input: {
    personId: number | null
    activityId: number | null
    open: boolean
    limit: number
    offset: number
  },
): Promise<SurveyInviteList> {
  let q = inviteSelect(db)
  if (input.personId !== null) q = q.where('i.personId', '=', input.personId)
  if (input.activityId !== null) q = q.where('i.activityId', '=', input.activityId)
  if (input.open) q = q.whereRef('i.answered', '<', 'i.invited')
  const rows = await q
    .orderBy('i.invitedOn', 'desc')
    .orderBy('i.id', 'desc')
    .limit(input.limit)
    .offset(input.offset)
    .execute()
  let c = db.selectFrom('surveyInvite as i').select((eb) => eb.fn.countAll<number>().as('n'))
  if (input.personId !== null) c = c.where('i.personId', '=', input.personId)
  if (input.activityId !== null) c = c.where('i.activityId', '=', input.activityId)
  if (input.open) c = c.whereRef('i.answered', '<', 'i.invited')
  const { n } = await c.executeTakeFirstOrThrow()
  return { rows, total: Number(n) }
}

/** The signals of one household or person, newest first, with who recorded them. */
export async function careSignalRows(
  db: Db,
  where: { householdId: number | null; personId: number | null } | { id: number },
): Promise<CareSignal[]> {
  let q = db
    .selectFrom('careSignal as s')
    .leftJoin('account as a', 'a.id', 's.byAccountId')
    .select([
      's.id',
      's.householdId',
      's.personId',
      's.signalledOn',
      's.kind',
      's.discussedWith',
      's.discussedOther',
      's.note',
      'a.displayName as byName',
      's.createdAt',
      's.updatedAt',
    ])
  if ('id' in where) q = q.where('s.id', '=', where.id)
  else if (where.householdId !== null) q = q.where('s.householdId', '=', where.householdId)
  else q = q.where('s.personId', '=', where.personId)
  const rows = await q.orderBy('s.signalledOn', 'desc').orderBy('s.id', 'desc').execute()
  return rows.map((r) => ({
    ...r,
    kind: r.kind as CareSignalKind,
    discussedWith: (r.discussedWith ? r.discussedWith.split(',') : []) as CareSignalParty[],
  }))
}

export function storyRows(db: Db) {
  return db
    .selectFrom('story')
    .select([
      'id',
      'section',
      'about',
      'name',
      'title',
      'text',
      'toldOn',
      'consentOn',
      'area',
      'updatedAt',
    ])
}

export const asStory = (r: Awaited<ReturnType<ReturnType<typeof storyRows>['execute']>>[number]) =>
  ({ ...r, section: r.section as ReportSection }) satisfies Story
