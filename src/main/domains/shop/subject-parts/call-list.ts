import type { SubjectPart } from '../../subjects/registry'

/** The days the family was called or invited from the call list ("gebeld / uitgenodigd"). */
export const callListPart: SubjectPart = {
  key: 'callListContacts',
  title: 'Gebeld of uitgenodigd',
  kinds: ['household'],
  processing: {
    // Inviting a family is part of making its appointments: the same purpose.
    purposes: ['afspraken maken en bezoeken bijhouden'],
    categories: ['de dagen waarop u bent gebeld of uitgenodigd'],
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
            { key: 'date', label: 'Gebeld / uitgenodigd op', type: 'date' },
            { key: 'createdAt', label: 'Vastgelegd op', type: 'datetime' },
          ],
          rows: rows.map((r) => ({ date: r.date, createdAt: r.createdAt })),
          empty: 'Niet gebeld of uitgenodigd.',
        },
      ],
    }
  },
}
