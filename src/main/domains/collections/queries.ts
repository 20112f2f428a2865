/**
 * The collections' reads that other files may import. Imports only the database schema, the
 * context, the clock and src/shared (the lint rule for every `queries.ts`).
 */
import { sql } from 'kysely'
import type {
  Collection,
  CollectionSeason,
  CollectionState,
  NoticeWay,
} from '../../../shared/schemas/collections'
import type { Db } from '../../context'

function collectionQuery(db: Db) {
  return db
    .selectFrom('collection as c')
    .leftJoin('partner as p', 'p.id', 'c.leftToPartnerId')
    .select([
      'c.id',
      'c.name',
      'c.season',
      'c.arrivesOn',
      'c.leftOn',
      'c.leftNote',
      'c.createdAt',
      'p.id as partnerId',
      'p.name as partnerName',
      (eb) =>
        eb
          .selectFrom('collectionNotice as n')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('n.collectionId', '=', 'c.id')
          .as('toldCount'),
    ])
}

type Row = Awaited<ReturnType<ReturnType<typeof collectionQuery>['execute']>>[number]

/** Where a collection stands on `today`. */
export function collectionState(
  c: { arrivesOn: string; leftOn: string | null },
  today: string,
): CollectionState {
  if (c.leftOn) return 'left'
  return c.arrivesOn > today ? 'coming' : 'current'
}

function toCollection(r: Row, today: string): Collection & { createdAt: string } {
  return {
    id: r.id,
    name: r.name,
    season: r.season as CollectionSeason,
    arrivesOn: r.arrivesOn,
    leftOn: r.leftOn,
    leftTo:
      r.partnerId != null && r.partnerName != null
        ? { id: r.partnerId, name: r.partnerName }
        : null,
    leftNote: r.leftNote,
    state: collectionState(r, today),
    toldCount: Number(r.toldCount ?? 0),
    createdAt: r.createdAt,
  }
}

/** Every collection: the ones still to come and in the shop first, then those that left. */
export async function listCollections(db: Db, today: string): Promise<Collection[]> {
  const rows = await collectionQuery(db)
    .orderBy(sql`c.left_on is not null`)
    .orderBy('c.arrivesOn', 'desc')
    .orderBy('c.id', 'desc')
    .execute()
  return rows.map((r) => {
    const { createdAt: _c, ...c } = toCollection(r, today)
    return c
  })
}

/** One collection with the instant it was entered, or undefined. */
export async function findCollection(
  db: Db,
  id: number,
  today: string,
): Promise<(Collection & { createdAt: string }) | undefined> {
  const row = await collectionQuery(db).where('c.id', '=', id).executeTakeFirst()
  return row ? toCollection(row, today) : undefined
}

/** The notices of one household, for its subject access export. */
export async function noticesOfHousehold(
  db: Db,
  householdId: number,
): Promise<{ collection: string; date: string; how: NoticeWay; by: string; createdAt: string }[]> {
  const rows = await db
    .selectFrom('collectionNotice as n')
    .innerJoin('collection as c', 'c.id', 'n.collectionId')
    .select(['c.name as collection', 'n.date', 'n.how', 'n.by', 'n.createdAt'])
    .where('n.householdId', '=', householdId)
    .orderBy('n.date')
    .orderBy('n.id')
    .execute()
  return rows.map((r) => ({ ...r, how: r.how as NoticeWay }))
}
