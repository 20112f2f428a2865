import type { SubjectPart } from '../../subjects/registry'
import { codeLabel, labelsT, letterTexts } from '../../../i18n'

const S = letterTexts('complaints')

/**
 * The complaints a household or person made (or, for a complainant known only by name, the
 * complaint itself): what they complained about, what they asked for, the steps and their
 * outcome, and the timeline in their own words. The record of what the staff member involved said
 * at a hearing is that person's account and is left out.
 */
export const complaintsPart: SubjectPart = {
  key: 'complaints',
  title: S('title'),
  kinds: ['household', 'person', 'complaint'],
  processing: {
    purposes: [S('purpose')],
    categories: [S('category')],
  },
  async collect(db, subject) {
    const t = labelsT('nl')
    let q = db
      .selectFrom('complaint as c')
      .innerJoin('complaintCategory as k', 'k.id', 'c.categoryId')
      .select([
        'c.id',
        'c.number',
        'c.receivedOn',
        'c.channel',
        'k.name as category',
        'c.description',
        'c.wish',
        'c.step',
        'c.outcome',
        'c.decidedOn',
        'c.closedOn',
      ])
    if (subject.kind === 'household') q = q.where('c.householdId', '=', subject.id)
    else if (subject.kind === 'person') q = q.where('c.personId', '=', subject.id)
    else q = q.where('c.id', '=', subject.id)
    const complaints = await q.orderBy('c.receivedOn').orderBy('c.id').execute()
    const ids = complaints.map((c) => c.id)
    const entries = ids.length
      ? await db
          .selectFrom('complaintEntry as e')
          .innerJoin('complaint as c', 'c.id', 'e.complaintId')
          .select(['c.number', 'e.date', 'e.kind', 'e.party', 'e.text'])
          .where('e.complaintId', 'in', ids)
          .where((eb) => eb.or([eb('e.kind', '<>', 'hearing'), eb('e.party', '<>', 'staff')]))
          .orderBy('e.complaintId')
          .orderBy('e.id')
          .execute()
      : []
    return {
      intro: S('intro'),
      tables: [
        {
          key: 'complaints',
          layout: 'record',
          columns: [
            { key: 'number', label: S('columns.number'), type: 'text' },
            { key: 'receivedOn', label: S('columns.receivedOn'), type: 'date' },
            { key: 'channel', label: S('columns.channel'), type: 'text' },
            { key: 'category', label: S('columns.category'), type: 'text' },
            { key: 'description', label: S('columns.description'), type: 'text' },
            { key: 'wish', label: S('columns.wish'), type: 'text' },
            { key: 'step', label: S('columns.step'), type: 'text' },
            { key: 'outcome', label: S('columns.outcome'), type: 'text' },
            { key: 'decidedOn', label: S('columns.decidedOn'), type: 'date' },
            { key: 'closedOn', label: S('columns.closedOn'), type: 'date' },
          ],
          rows: complaints.map((c) => ({
            number: c.number,
            receivedOn: c.receivedOn,
            channel: codeLabel('complaintCodes.channels', c.channel, t),
            category: c.category,
            description: c.description,
            wish: c.wish,
            step: codeLabel('complaintCodes.steps', String(c.step), t),
            outcome: c.outcome ? codeLabel('complaintCodes.outcomes', c.outcome, t) : null,
            decidedOn: c.decidedOn,
            closedOn: c.closedOn,
          })),
          empty: S('empty'),
        },
        {
          key: 'complaintTimeline',
          title: S('timelineTitle'),
          layout: 'table',
          columns: [
            { key: 'number', label: S('columns.number'), type: 'text' },
            { key: 'date', label: S('columns.date'), type: 'date' },
            { key: 'kind', label: S('columns.kind'), type: 'text' },
            { key: 'text', label: S('columns.text'), type: 'text' },
          ],
          rows: entries.map((e) => ({
            number: e.number,
            date: e.date,
            kind: codeLabel('complaintCodes.entryKinds', e.kind, t),
            text: e.text,
          })),
          empty: S('empty'),
        },
      ],
    }
  },
}
