import type { SubjectPart } from '../subjects/registry'
import { auditFieldText, auditNoteText } from '../../../shared/audit-text'
import { lowerFirst } from '../../../shared/i18n'
import { codeLabel, labelsT } from '../../i18n'

// The letter is in Dutch.
const t = labelsT('nl')
const S = (key: string): string => t(`subjectAccess.audit.${key}`)

/**
 * Who looked at or changed this subject's data, and when: the audit entries whose subject is this
 * one (kind and id; entries from before migration 0007 got theirs from `household_id`). The log
 * holds field names, never values, so this shows no data of others.
 */
export const auditPart: SubjectPart = {
  key: 'audit',
  title: S('title'),
  kinds: 'every',
  processing: {
    purposes: [S('purpose')],
    categories: [S('category')],
  },
  async collect(db, subject) {
    const rows = await db
      .selectFrom('auditLog')
      .select(['at', 'userName', 'role', 'action', 'entityType', 'fields', 'detail'])
      .where('subjectKind', '=', subject.kind)
      .where('subjectId', '=', subject.id)
      .orderBy('id')
      .execute()
    return {
      intro: S('intro'),
      tables: [
        {
          key: 'entries',
          layout: 'table',
          columns: [
            { key: 'at', label: S('columns.at'), type: 'datetime' },
            { key: 'user', label: S('columns.user'), type: 'text' },
            { key: 'role', label: S('columns.role'), type: 'text' },
            { key: 'action', label: S('columns.action'), type: 'text' },
            { key: 'about', label: S('columns.about'), type: 'text' },
            { key: 'fields', label: S('columns.fields'), type: 'list' },
            { key: 'detail', label: S('columns.detail'), type: 'text' },
          ],
          rows: rows.map((r) => ({
            at: r.at,
            user: r.userName,
            role: r.role ? lowerFirst(codeLabel('roles', r.role, t)) : null,
            // Said to the person the data is about: "bekeken", not the log's "inzien".
            action: codeLabel('audit.done', r.action, t),
            about: r.entityType ? codeLabel('audit.entities', r.entityType, t) : null,
            fields: r.fields ? r.fields.split(',').map((f) => auditFieldText(f, t)) : [],
            // Notes are stored as codes; the letter says them in Dutch.
            detail: r.detail ? auditNoteText(r.detail, t) : null,
          })),
          empty: S('empty'),
        },
      ],
    }
  },
}
