import type { SubjectPart } from '../subjects/registry'
import { auditFieldText, auditNoteText } from '../../../shared/audit-text'
import { lowerFirst } from '../../../shared/i18n'
import { codeLabel, labelsT } from '../../i18n'

/**
 * Who looked at or changed this subject's data, and when: the audit entries whose subject is this
 * one (kind and id; entries from before migration 0007 got theirs from `household_id`). The log
 * holds field names, never values, so this shows no data of others.
 */
export const auditPart: SubjectPart = {
  key: 'audit',
  title: 'Wie heeft de gegevens bekeken of gewijzigd',
  kinds: 'every',
  processing: {
    purposes: ['bijhouden wie de gegevens heeft bekeken of gewijzigd, ter beveiliging'],
    categories: ['wie de gegevens heeft bekeken of gewijzigd, en wanneer (zonder de inhoud)'],
  },
  async collect(db, subject) {
    const rows = await db
      .selectFrom('auditLog')
      .select(['at', 'userName', 'role', 'action', 'entityType', 'fields', 'detail'])
      .where('subjectKind', '=', subject.kind)
      .where('subjectId', '=', subject.id)
      .orderBy('id')
      .execute()
    // The letter is in Dutch.
    const t = labelsT('nl')
    return {
      intro:
        'Elke keer dat een medewerker of vrijwilliger de gegevens bekeek, vastlegde, wijzigde ' +
        'of exporteerde, staat hieronder. Van wijzigingen staat welke velden het betrof, niet ' +
        'de inhoud.',
      tables: [
        {
          key: 'entries',
          layout: 'table',
          columns: [
            { key: 'at', label: 'Tijdstip', type: 'datetime' },
            { key: 'user', label: 'Door', type: 'text' },
            { key: 'role', label: 'Rol', type: 'text' },
            { key: 'action', label: 'Wat', type: 'text' },
            { key: 'about', label: 'Betreft', type: 'text' },
            { key: 'fields', label: 'Velden', type: 'list' },
            { key: 'detail', label: 'Toelichting', type: 'text' },
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
          empty: 'Geen vermeldingen.',
        },
      ],
    }
  },
}
