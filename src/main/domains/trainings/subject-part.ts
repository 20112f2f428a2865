import type { SubjectPart } from '../subjects/registry'
import type { SubjectColumn } from '../subjects/types'
import { letterTexts } from '../../i18n'
import { personTrainingRows } from './queries'

/**
 * A person's trainings in their subject access export (AVG art. 15): each session they took part
 * in, whether they completed it, and the mark they gave.
 */

const T = letterTexts('trainings')

const col = (key: string, type: SubjectColumn['type'] = 'text'): SubjectColumn => ({
  key,
  label: T(`columns.${key}`),
  type,
})

export const trainingsPart: SubjectPart = {
  key: 'trainings',
  title: T('title'),
  kinds: ['person'],
  processing: { purposes: [T('purpose')], categories: [T('category')] },
  async collect(db, subject) {
    const rows = await personTrainingRows(db, subject.id)
    return {
      tables: [
        {
          key: 'trainings',
          layout: 'table',
          columns: [
            col('course'),
            col('level'),
            col('date', 'date'),
            col('completed'),
            col('mark'),
          ],
          rows: [...rows].reverse().map((r) => ({
            course: r.courseTitle,
            level: r.level,
            date: r.date,
            completed: r.completed === 1 ? T('yes') : T('no'),
            mark: r.mark === null ? null : String(r.mark),
          })),
          empty: T('empty'),
        },
      ],
    }
  },
}
