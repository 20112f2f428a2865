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
    categories: [S('category'), S('categoryConversation')],
    async recipients(db, subject) {
      const rows = await db
        .selectFrom('visitReferral as r')
        .innerJoin('visit as v', 'v.id', 'r.visitId')
        .innerJoin('partner as p', 'p.id', 'r.destinationId')
        .select('p.name')
        .where('v.householdId', '=', subject.id)
        .orderBy('v.date')
        .orderBy('r.id')
        .execute()
      const names = [...new Set(rows.map((r) => r.name))]
      // Only when there were any: the intakes' part already says whether there were none.
      return names.length ? [S('referredTo', { names: names.join(', ') })] : []
    },
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
            { key: 'topics', label: S('columns.topics'), type: 'list' },
            { key: 'referrals', label: S('columns.referrals'), type: 'list' },
            { key: 'note', label: S('columns.note'), type: 'text' },
          ],
          rows: visits.map((v) => ({
            date: v.date,
            servedBy: v.servedBy,
            items: v.items.filter((i) => i.count > 0).map((i) => `${i.category.name}: ${i.count}`),
            // Everything the app holds, the referrals' notes included.
            topics: (v.topics ?? []).map((t) => t.name),
            referrals: (v.referrals ?? []).map((r) =>
              r.note ? `${r.destination.name}: ${r.note}` : r.destination.name,
            ),
            note: v.note,
          })),
          empty: S('empty'),
        },
      ],
    }
  },
}
