import { listIntakes } from '../queries'
import type { SubjectPart } from '../../subjects/registry'

/** Intake conversations with their topics and referrals: the most sensitive part. */
export const intakesPart: SubjectPart = {
  key: 'intakes',
  title: 'Intakegesprekken',
  kinds: ['household'],
  processing: {
    purposes: ['het intakegesprek en doorverwijzingen'],
    categories: ['intakes met de besproken onderwerpen en doorverwijzingen'],
    async recipients(db, subject) {
      const rows = await db
        .selectFrom('intakeReferral as r')
        .innerJoin('intake as i', 'i.id', 'r.intakeId')
        .innerJoin('listItem as l', 'l.id', 'r.destinationId')
        .select('l.name')
        .where('i.householdId', '=', subject.id)
        .orderBy('r.id')
        .execute()
      const names = [...new Set(rows.map((r) => r.name))]
      return [`doorverwezen naar: ${names.length ? names.join(', ') : 'geen'}`]
    },
  },
  async collect(db, subject) {
    const intakes = await listIntakes(db, subject.id)
    return {
      intro:
        'Wat in de intakegesprekken is vastgelegd: waarover is gesproken en naar wie is ' +
        'doorverwezen.',
      tables: [
        {
          key: 'intakes',
          layout: 'record',
          columns: [
            { key: 'date', label: 'Datum gesprek', type: 'date' },
            { key: 'doneBy', label: 'Gesprek gevoerd door', type: 'text' },
            { key: 'topics', label: 'Besproken onderwerpen', type: 'list' },
            { key: 'referrals', label: 'Doorverwezen naar', type: 'list' },
            { key: 'notes', label: 'Notities', type: 'text' },
          ],
          rows: intakes.map((i) => ({
            date: i.date,
            doneBy: i.doneBy,
            topics: i.topics.map((t) => t.name),
            referrals: i.referrals.map((r) =>
              r.note ? `${r.destination.name}: ${r.note}` : r.destination.name,
            ),
            notes: i.notes,
          })),
          empty: 'Geen intakegesprekken vastgelegd.',
        },
      ],
    }
  },
}
