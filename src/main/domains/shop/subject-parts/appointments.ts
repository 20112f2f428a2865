import type { SubjectPart } from '../../subjects/registry'
import { lowerFirst } from '../../../../shared/i18n'
import { codeLabel, labelsT } from '../../../i18n'

export const appointmentsPart: SubjectPart = {
  key: 'appointments',
  title: 'Afspraken',
  kinds: ['household'],
  processing: {
    purposes: ['afspraken maken en bezoeken bijhouden'],
    categories: ['afspraken'],
  },
  async collect(db, subject) {
    // The letter is in Dutch.
    const t = labelsT('nl')
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
            { key: 'date', label: 'Datum', type: 'date' },
            { key: 'part', label: 'Dagdeel', type: 'text' },
            { key: 'status', label: 'Status', type: 'text' },
            { key: 'note', label: 'Opmerking', type: 'text' },
            { key: 'bookedAt', label: 'Gemaakt op', type: 'datetime' },
            { key: 'statusChangedAt', label: 'Status gewijzigd op', type: 'datetime' },
          ],
          rows: rows.map((a) => ({
            date: a.date,
            part: lowerFirst(codeLabel('parts', a.part, t)),
            status: lowerFirst(codeLabel('status', a.status, t)),
            note: a.note,
            bookedAt: a.bookedAt,
            statusChangedAt: a.statusChangedAt,
          })),
          empty: 'Geen afspraken.',
        },
      ],
    }
  },
}
