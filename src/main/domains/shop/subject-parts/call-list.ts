import type { SubjectPart } from '../../subjects/registry'
import { letterTexts } from '../../../i18n'

const S = letterTexts('callList')

/** The days the family was called or invited from the call list ("gebeld / uitgenodigd"). */
export const callListPart: SubjectPart = {
  key: 'callListContacts',
  title: S('title'),
  kinds: ['household'],
  processing: {
    // Inviting a family is part of making its appointments: the same purpose.
    purposes: [S('purpose')],
    categories: [S('category')],
  },
  async collect(db, subject) {
    const rows = await db
      .selectFrom('callListContact')
      .select(['date', 'createdAt'])
      .where('householdId', '=', subject.id)
      .orderBy('date')
      .orderBy('id')
      .execute()
    return {
      tables: [
        {
          key: 'callListContacts',
          layout: 'table',
          columns: [
            { key: 'date', label: S('columns.date'), type: 'date' },
            { key: 'createdAt', label: S('columns.createdAt'), type: 'datetime' },
          ],
          rows: rows.map((r) => ({ date: r.date, createdAt: r.createdAt })),
          empty: S('empty'),
        },
      ],
    }
  },
}
