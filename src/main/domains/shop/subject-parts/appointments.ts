import type { SubjectPart } from '../../subjects/registry'
import { APPOINTMENT_STATUS_LABELS, PART_LABELS } from '../../subjects/labels'
import type { AppointmentStatus } from '../../../../shared/schemas/shop'
import type { DayPart } from '../../../../shared/schemas/common'

export const appointmentsPart: SubjectPart = {
  key: 'appointments',
  title: 'Afspraken',
  kinds: ['household'],
  processing: {
    purposes: ['afspraken maken en bezoeken bijhouden'],
    categories: ['afspraken'],
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
            { key: 'date', label: 'Datum', type: 'date' },
            { key: 'part', label: 'Dagdeel', type: 'text' },
            { key: 'status', label: 'Status', type: 'text' },
            { key: 'note', label: 'Opmerking', type: 'text' },
            { key: 'bookedAt', label: 'Gemaakt op', type: 'datetime' },
            { key: 'statusChangedAt', label: 'Status gewijzigd op', type: 'datetime' },
          ],
          rows: rows.map((a) => ({
            date: a.date,
            part: PART_LABELS[a.part as DayPart] ?? a.part,
            status: APPOINTMENT_STATUS_LABELS[a.status as AppointmentStatus] ?? a.status,
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
