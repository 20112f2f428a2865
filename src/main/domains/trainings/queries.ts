import { sql } from 'kysely'
import type { Db } from '../../context'

/**
 * What other domains read of the trainings register: the courses a person completed (a help
 * request's required training is a hard filter on them, issue 16) and a person's trainings for
 * their page and their subject access export.
 */

/** The ids of the courses a person completed, in one query for many people. */
export async function completedCourses(
  db: Db,
  personIds: readonly number[],
): Promise<Map<number, Set<number>>> {
  const out = new Map<number, Set<number>>()
  if (!personIds.length) return out
  const rows = await db
    .selectFrom('trainingParticipant as p')
    .innerJoin('trainingSession as s', 's.id', 'p.sessionId')
    .select(['p.personId', 's.courseId'])
    .where('p.personId', 'in', personIds)
    .where('p.completed', '=', 1)
    .execute()
  for (const r of rows) {
    if (r.personId === null) continue
    let set = out.get(r.personId)
    if (!set) out.set(r.personId, (set = new Set()))
    set.add(r.courseId)
  }
  return out
}

/** A person's trainings, newest first: the course, the day, completed or not, and their mark. */
export function personTrainingRows(db: Db, personId: number) {
  return db
    .selectFrom('trainingParticipant as p')
    .innerJoin('trainingSession as s', 's.id', 'p.sessionId')
    .innerJoin('trainingCourse as c', 'c.id', 's.courseId')
    .select([
      's.id as sessionId',
      'c.id as courseId',
      'c.title as courseTitle',
      'c.level',
      's.date',
      sql<number>`p.completed`.as('completed'),
      'p.mark',
    ])
    .where('p.personId', '=', personId)
    .orderBy('s.date', 'desc')
    .orderBy('s.id', 'desc')
    .execute()
}
