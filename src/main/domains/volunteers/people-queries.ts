import type { FieldError } from '../../../shared/errors'
import type { NamedRef } from '../../../shared/schemas/common'
import type {
  Demand,
  HalfDay,
  OptionKind,
  Person,
  PersonListItem,
} from '../../../shared/schemas/volunteers'
import type { Db } from '../../context'

/** A person's reference as people say it on the phone: D-00042. */
export function personReference(id: number): string {
  return `D-${String(id).padStart(5, '0')}`
}

/** What anonymised people are called on every screen and list. */
export const ANONYMISED_PERSON_NAME = 'Geanonimiseerd'

/**
 * Field errors for ids that are not an option of the kind, or that are inactive while not kept
 * from before (an option put aside stays on whom it was chosen for, but is not chosen anew).
 */
export async function checkOptionIds(
  db: Db,
  kind: OptionKind,
  ids: readonly number[],
  field: string,
  keep: ReadonlySet<number> = new Set(),
): Promise<FieldError[]> {
  if (!ids.length) return []
  const rows = await db
    .selectFrom('volOption')
    .select(['id', 'active'])
    .where('kind', '=', kind)
    .where('id', 'in', [...ids])
    .execute()
  const ok = new Set(rows.filter((r) => r.active === 1 || keep.has(r.id)).map((r) => r.id))
  return ids.flatMap((id, i) =>
    ok.has(id) ? [] : [{ path: `${field}.${i}`, key: 'unknownOption' }],
  )
}

/** The half-days of a grid in a fixed order (Monday morning first). */
export function sortSlots<T extends HalfDay>(slots: T[]): HalfDay[] {
  const order = { morning: 0, afternoon: 1, evening: 2 }
  return slots
    .map((s) => ({ weekday: s.weekday, part: s.part }))
    .sort((a, b) => a.weekday - b.weekday || order[a.part] - order[b.part])
}

/** A person's options by kind, as names. */
export async function personOptions(
  db: Db,
  personId: number,
): Promise<{
  skill: NamedRef[]
  interest: NamedRef[]
  learning_goal: NamedRef[]
  limitation: (NamedRef & { demand: Demand | null })[]
}> {
  const rows = await db
    .selectFrom('personOption')
    .innerJoin('volOption', 'volOption.id', 'personOption.optionId')
    .select(['volOption.id', 'volOption.kind', 'volOption.name', 'volOption.demand'])
    .where('personOption.personId', '=', personId)
    .orderBy('volOption.sort')
    .orderBy('volOption.searchName')
    .execute()
  const of = (kind: OptionKind): NamedRef[] =>
    rows.filter((r) => r.kind === kind).map((r) => ({ id: r.id, name: r.name }))
  return {
    skill: of('skill'),
    interest: of('interest'),
    learning_goal: of('learning_goal'),
    limitation: rows
      .filter((r) => r.kind === 'limitation')
      .map((r) => ({ id: r.id, name: r.name, demand: (r.demand as Demand | null) ?? null })),
  }
}

type ListRow = {
  id: number
  reference: string
  firstName: string
  lastName: string
  place: string | null
  district: string | null
  status: PersonListItem['status']
  programmeId: number | null
  programmeName: string | null
  registeredOn: string
  intakeOn: string | null
  outflowKind: PersonListItem['outflowKind']
  outflowOn: string | null
  anonymisedAt: string | null
}

export function toListItem(r: ListRow): PersonListItem {
  const { anonymisedAt, ...rest } = r
  return { ...rest, anonymised: anonymisedAt !== null }
}

export const PERSON_LIST_COLUMNS = [
  'p.id',
  'p.reference',
  'p.firstName',
  'p.lastName',
  'p.place',
  'p.district',
  'p.status',
  'p.programmeId',
  'programme.name as programmeName',
  'p.registeredOn',
  'p.intakeOn',
  'p.outflowKind',
  'p.outflowOn',
  'p.anonymisedAt',
] as const

/** Everything the person page shows of the profile, or null when there is no such person. */
export async function readPerson(db: Db, id: number): Promise<Person | null> {
  const p = await db
    .selectFrom('person as p')
    .leftJoin('programme', 'programme.id', 'p.programmeId')
    .leftJoin('volOption as src', 'src.id', 'p.referralSourceId')
    .leftJoin('household as h', 'h.id', 'p.householdId')
    .select([
      ...PERSON_LIST_COLUMNS,
      'p.phone',
      'p.email',
      'p.address',
      'p.postcode',
      'p.birthYear',
      'p.gender',
      'p.maritalStatus',
      'p.participationDuty',
      'p.dutyToApply',
      'p.ownTransport',
      'p.languages',
      'p.referralSourceId',
      'src.name as referralSourceName',
      'p.referrer',
      'p.notes',
      'p.outflowNote',
      'p.householdId',
      'h.reference as householdReference',
      'h.contactName as householdName',
      'p.createdAt',
      'p.updatedAt',
    ])
    .where('p.id', '=', id)
    .executeTakeFirst()
  if (!p) return null
  const [options, slots, moves] = await Promise.all([
    personOptions(db, id),
    db.selectFrom('personSlot').select(['weekday', 'part']).where('personId', '=', id).execute(),
    db
      .selectFrom('personMove')
      .select(['id', 'movedOn', 'toText', 'note'])
      .where('personId', '=', id)
      .orderBy('movedOn')
      .orderBy('id')
      .execute(),
  ])
  return {
    ...toListItem(p),
    phone: p.phone,
    email: p.email,
    address: p.address,
    postcode: p.postcode,
    birthYear: p.birthYear,
    gender: p.gender,
    maritalStatus: p.maritalStatus,
    participationDuty: p.participationDuty === 1,
    dutyToApply: p.dutyToApply === 1,
    ownTransport: p.ownTransport === 1,
    languages: p.languages,
    referralSourceId: p.referralSourceId,
    referralSourceName: p.referralSourceName ?? null,
    referrer: p.referrer,
    notes: p.notes,
    outflowNote: p.outflowNote,
    household:
      p.householdId !== null && p.householdReference
        ? { id: p.householdId, reference: p.householdReference, contactName: p.householdName ?? '' }
        : null,
    skills: options.skill,
    interests: options.interest,
    learningGoals: options.learning_goal,
    limitations: options.limitation,
    availability: sortSlots(slots),
    moves,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  }
}
