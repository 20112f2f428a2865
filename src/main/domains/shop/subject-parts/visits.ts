import { listVisits } from '../queries'
import type { SubjectPart } from '../../subjects/registry'

export const visitsPart: SubjectPart = {
  key: 'visits',
  title: 'Bezoeken aan de winkel',
  kinds: ['household'],
  processing: {
    purposes: [
      'afspraken maken en bezoeken bijhouden',
      'geanonimiseerde cijfers voor de verantwoording aan de gemeente (cijfers bevatten geen namen)',
    ],
    categories: ['bezoeken'],
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
            { key: 'date', label: 'Datum', type: 'date' },
            { key: 'servedBy', label: 'Geholpen door', type: 'text' },
            { key: 'items', label: 'Meegenomen', type: 'list' },
            { key: 'note', label: 'Opmerking', type: 'text' },
          ],
          rows: visits.map((v) => ({
            date: v.date,
            servedBy: v.servedBy,
            items: v.items.filter((i) => i.count > 0).map((i) => `${i.category.name}: ${i.count}`),
            note: v.note,
          })),
          empty: 'Geen bezoeken.',
        },
      ],
    }
  },
}
