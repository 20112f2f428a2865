import type { SubjectPart } from '../subjects/registry'
import { codeLabel, letterTexts } from '../../i18n'
import { noticesOfHousehold } from './queries'

const S = letterTexts('collections')

/**
 * When and how a family was told of a new collection, and by whom: personal data of the
 * household, shown in its subject access export and erased with it (shop/subject-parts/retention).
 */
export const collectionsPart: SubjectPart = {
  key: 'collectionNotices',
  title: S('title'),
  kinds: ['household'],
  processing: {
    purposes: [S('purpose')],
    categories: [S('category')],
  },
  async collect(db, subject) {
    const rows = await noticesOfHousehold(db, subject.id)
    return {
      tables: [
        {
          key: 'collectionNotices',
          layout: 'table',
          columns: [
            { key: 'collection', label: S('columns.collection'), type: 'text' },
            { key: 'date', label: S('columns.date'), type: 'date' },
            { key: 'how', label: S('columns.how'), type: 'text' },
            { key: 'by', label: S('columns.by'), type: 'text' },
            { key: 'createdAt', label: S('columns.createdAt'), type: 'datetime' },
          ],
          rows: rows.map((r) => ({
            collection: r.collection,
            date: r.date,
            how: codeLabel('noticeWays', r.how),
            by: r.by,
            createdAt: r.createdAt,
          })),
          empty: S('empty'),
        },
      ],
    }
  },
}
