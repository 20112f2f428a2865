import type { Organisation } from '../../../shared/schemas/accounts'
import type { Db } from '../../context'
import { getRetentionTerms } from '../retention/retention'
import { RETENTION_REGISTRY } from '../retention/registry'
import { subjectParts } from './registry'
import type { SubjectRef, SubjectSection } from './types'
import { labelsT } from '../../i18n'

// The letter is in Dutch.
const t = labelsT('nl')
const S = (key: string, params?: Record<string, string | number>): string =>
  t(`subjectAccess.processing.${key}`, params ?? {})

export const PROCESSING_KEY = 'processing'

/** The organisation as the person can write to it: its name and address on one line. */
function controller(org: Pick<Organisation, 'name' | 'address' | 'postcode' | 'city'>): string {
  const place = [org.postcode, org.city].filter(Boolean).join(' ')
  return [org.name || t('pdf.subjectReport.someOrganisation'), org.address, place]
    .filter((l): l is string => !!l && l.trim() !== '')
    .join(', ')
}

const unique = (items: string[]): string[] => [...new Set(items)]

/** The person's rights, in the order the letter names them. */
const RIGHTS = [
  'access',
  'rectification',
  'erasure',
  'restriction',
  'objection',
  'contact',
  'complaint',
] as const

/**
 * The export's opening section: what AVG art. 15 says the person must be told beside the data
 * itself. Purposes, data, recipients and sources come from the registered parts of the subject's
 * kind (`SubjectPart.processing`); the retention period from the settings; who is responsible
 * and the person's rights are the same for every kind. Two tables of one row each, so the JSON
 * has one object for what happens with the data and one for the rights.
 */
export async function processingSection(
  db: Db,
  subject: SubjectRef,
  organisation: Pick<Organisation, 'name' | 'address' | 'postcode' | 'city'>,
): Promise<SubjectSection> {
  const parts = subjectParts(subject.kind)
  const purposes: string[] = []
  const categories: string[] = []
  const recipients = [
    S('nobodyElse', {
      organisation: organisation.name || t('pdf.subjectReport.someOrganisation'),
    }),
  ]
  const sources: string[] = []
  // One after the other: they share the export's transaction.
  for (const { processing } of parts) {
    if (!processing) continue
    purposes.push(...(processing.purposes ?? []))
    categories.push(...(processing.categories ?? []))
    if (processing.recipients) recipients.push(...(await processing.recipients(db, subject)))
    if (processing.sources) sources.push(...(await processing.sources(db, subject)))
  }
  const months = (await getRetentionTerms(db))[RETENTION_REGISTRY.get(subject.kind).term]
  const responsible = controller(organisation)
  return {
    key: PROCESSING_KEY,
    title: S('title'),
    intro: S('intro'),
    tables: [
      {
        key: 'processing',
        layout: 'record',
        columns: [
          { key: 'controller', label: S('columns.controller'), type: 'text' },
          { key: 'purposes', label: S('columns.purposes'), type: 'list' },
          { key: 'categories', label: S('columns.categories'), type: 'list' },
          { key: 'recipients', label: S('columns.recipients'), type: 'list' },
          { key: 'retention', label: S('columns.retention'), type: 'text' },
          { key: 'sources', label: S('columns.sources'), type: 'list' },
        ],
        rows: [
          {
            controller: responsible,
            purposes: unique(purposes),
            categories: unique(categories),
            recipients: unique(recipients),
            retention: S('retention', { months }),
            sources: unique(sources),
          },
        ],
      },
      {
        // One row per right, so a page break never parts a right from its name.
        key: 'rights',
        title: S('rightsTitle'),
        layout: 'record',
        columns: [
          ...RIGHTS.map((key) => ({
            key,
            label: S(`rightsColumns.${key}`),
            type: 'text' as const,
          })),
        ],
        rows: [Object.fromEntries(RIGHTS.map((key) => [key, S(`rights.${key}`, { responsible })]))],
      },
    ],
  }
}
