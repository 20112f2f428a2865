import { listIntakes } from '../queries'
import type { SubjectPart } from '../../subjects/registry'
import { codeLabel, labelsT, letterTexts } from '../../../i18n'

const S = letterTexts('intakes')
// Ja / Nee / Onbekend in the words of the screens, in Dutch like the rest of the letter.
const t = labelsT('nl')

/** Intake conversations with their topics and referrals: the most sensitive part. */
export const intakesPart: SubjectPart = {
  key: 'intakes',
  title: S('title'),
  kinds: ['household'],
  processing: {
    purposes: [S('purpose')],
    categories: [S('category')],
    async recipients(db, subject) {
      const rows = await db
        .selectFrom('intakeReferral as r')
        .innerJoin('intake as i', 'i.id', 'r.intakeId')
        .innerJoin('partner as p', 'p.id', 'r.destinationId')
        .select('p.name')
        .where('i.householdId', '=', subject.id)
        .orderBy('r.id')
        .execute()
      const names = [...new Set(rows.map((r) => r.name))]
      return [S('referredTo', { names: names.length ? names.join(', ') : S('nobody') })]
    },
  },
  async collect(db, subject) {
    const intakes = await listIntakes(db, subject.id)
    return {
      intro: S('intro'),
      tables: [
        {
          key: 'intakes',
          layout: 'record',
          columns: [
            { key: 'date', label: S('columns.date'), type: 'date' },
            { key: 'doneBy', label: S('columns.doneBy'), type: 'text' },
            { key: 'topics', label: S('columns.topics'), type: 'list' },
            { key: 'referrals', label: S('columns.referrals'), type: 'list' },
            { key: 'debts', label: S('columns.debts'), type: 'text' },
            { key: 'multipleProblems', label: S('columns.multipleProblems'), type: 'text' },
            { key: 'notes', label: S('columns.notes'), type: 'text' },
          ],
          rows: intakes.map((i) => ({
            date: i.date,
            doneBy: i.doneBy,
            topics: i.topics.map((t) => t.name),
            referrals: i.referrals.map((r) =>
              r.note ? `${r.destination.name}: ${r.note}` : r.destination.name,
            ),
            debts: codeLabel('answers', i.debts ?? 'unknown', t),
            multipleProblems: codeLabel('answers', i.multipleProblems ?? 'unknown', t),
            notes: i.notes,
          })),
          empty: S('empty'),
        },
      ],
    }
  },
}
