import type { SubjectPart } from '../../subjects/registry'
import { lowerFirst } from '../../../../shared/i18n'
import { codeLabel, labelsT, letterTexts } from '../../../i18n'

const S = letterTexts('appointments')
// Parts and statuses in the words of the screens, in Dutch like the rest of the letter.
const t = labelsT('nl')

export const appointmentsPart: SubjectPart = {
  key: 'appointments',
  title: S('title'),
  kinds: ['household'],
  processing: {
    purposes: [S('purpose')],
    categories: [S('category')],
  },
  async collect(db, subject) {
    const rows = await db
      .selectFrom('appointment as a')
      .innerJoin('slot as s', 's.id', 'a.slotId')
      .select(['a.date', 's.part', 'a.status', 'a.note', 'a.bookedAt', 'a.statusChangedAt'])
      .where('a.householdId', '=', subject.id)
      .orderBy('a.date')
      .orderBy('a.id')
      .execute()
    return {
      tables: [
        {
          key: 'appointments',
          layout: 'table',
          columns: [
            { key: 'date', label: S('columns.date'), type: 'date' },
            { key: 'part', label: S('columns.part'), type: 'text' },
            { key: 'status', label: S('columns.status'), type: 'text' },
            { key: 'note', label: S('columns.note'), type: 'text' },
            { key: 'bookedAt', label: S('columns.bookedAt'), type: 'datetime' },
            { key: 'statusChangedAt', label: S('columns.statusChangedAt'), type: 'datetime' },
          ],
          rows: rows.map((a) => ({
            date: a.date,
            part: lowerFirst(codeLabel('parts', a.part, t)),
            status: lowerFirst(codeLabel('status', a.status, t)),
            note: a.note,
            bookedAt: a.bookedAt,
            statusChangedAt: a.statusChangedAt,
          })),
          empty: S('empty'),
        },
      ],
    }
  },
}
