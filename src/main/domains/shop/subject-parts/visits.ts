import { listVisits } from '../queries'
import type { SubjectPart } from '../../subjects/registry'
import { letterTexts } from '../../../i18n'

const S = letterTexts('visits')

export const visitsPart: SubjectPart = {
  key: 'visits',
  title: S('title'),
  kinds: ['household'],
  processing: {
    purposes: [S('purpose'), S('purposeFigures')],
    categories: [S('category')],
  },
  async collect(db, subject) {
    // Oldest first, like the rest of the export: it reads as a history.
    const visits = (await listVisits(db, { householdId: subject.id })).reverse()
    return {
      tables: [
        {
          key: 'visits',
          layout: 'table',
          columns: [
            { key: 'date', label: S('columns.date'), type: 'date' },
            { key: 'servedBy', label: S('columns.servedBy'), type: 'text' },
            { key: 'items', label: S('columns.items'), type: 'list' },
            { key: 'note', label: S('columns.note'), type: 'text' },
          ],
          rows: visits.map((v) => ({
            date: v.date,
            servedBy: v.servedBy,
            items: v.items.filter((i) => i.count > 0).map((i) => `${i.category.name}: ${i.count}`),
            note: v.note,
          })),
          empty: S('empty'),
        },
      ],
    }
  },
}
