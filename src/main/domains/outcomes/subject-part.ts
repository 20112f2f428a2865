import type { SubjectPart } from '../subjects/registry'
import type { SubjectColumn } from '../subjects/types'
import { letterTexts } from '../../i18n'
import { careSignalRows, inviteRows } from './queries'

/*
 * Safety signals and the questionnaire in a subject access export (AVG art. 15): the signals
 * recorded on the household or person, and when a person was offered the questionnaire and
 * whether they filled it in. Their answers are kept apart from them and cannot be found by name,
 * so they are not in it (the letter says so).
 */

const T = letterTexts('outcomes')

const col = (key: string, type: SubjectColumn['type'] = 'text'): SubjectColumn => ({
  key,
  label: T(`columns.${key}`),
  type,
})

export const outcomesPart: SubjectPart = {
  key: 'outcomes',
  title: T('title'),
  kinds: ['person', 'household'],
  processing: { purposes: [T('purpose')], categories: [T('category')] },
  async collect(db, subject) {
    const owner =
      subject.kind === 'household'
        ? { householdId: subject.id, personId: null }
        : { householdId: null, personId: subject.id }
    const signals = await careSignalRows(db, owner)
    const tables = [
      {
        key: 'careSignals',
        title: T('signals'),
        layout: 'table' as const,
        columns: [col('signalledOn', 'date'), col('kind'), col('discussedWith'), col('note')],
        rows: [...signals].reverse().map((s) => ({
          signalledOn: s.signalledOn,
          kind: T(`kinds.${s.kind}`),
          discussedWith: [
            ...s.discussedWith.filter((p) => p !== 'other').map((p) => T(`parties.${p}`)),
            ...(s.discussedOther ? [s.discussedOther] : []),
          ].join(', '),
          note: s.note,
        })),
        empty: T('emptySignals'),
      },
    ]
    if (subject.kind === 'household') return { tables }
    const invites = await inviteRows(db, {
      personId: subject.id,
      activityId: null,
      open: false,
      limit: 500,
      offset: 0,
    })
    return {
      tables: [
        ...tables,
        {
          key: 'surveyInvites',
          title: T('invites'),
          layout: 'table' as const,
          columns: [col('invitedOn', 'date'), col('status')],
          rows: [...invites.rows].reverse().map((i) => ({
            invitedOn: i.invitedOn,
            status: i.answered > 0 ? T('answered') : T('notAnswered'),
          })),
          empty: T('emptyInvites'),
        },
      ],
    }
  },
}
