import type { Organisation } from '../../../shared/types'
import type { Db } from '../../context'
import { getRetentionTerms } from '../retention/retention'
import { RETENTION_REGISTRY } from '../retention/registry'
import { subjectParts } from './registry'
import type { SubjectRef, SubjectSection } from './types'

export const PROCESSING_KEY = 'processing'

/** The organisation as the person can write to it: its name and address on one line. */
function controller(org: Pick<Organisation, 'name' | 'address' | 'postcode' | 'city'>): string {
  const place = [org.postcode, org.city].filter(Boolean).join(' ')
  return [org.name || 'de organisatie', org.address, place]
    .filter((l): l is string => !!l && l.trim() !== '')
    .join(', ')
}

const unique = (items: string[]): string[] => [...new Set(items)]

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
  const recipients = [`niemand buiten ${organisation.name || 'de organisatie'} krijgt uw gegevens`]
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
    title: 'Waarvoor wij uw gegevens gebruiken en wat uw rechten zijn',
    intro:
      'Naast de gegevens zelf moet u volgens de AVG ook weten waarvoor ze worden gebruikt, ' +
      'wie ze krijgt, hoe lang ze worden bewaard, waar ze vandaan komen en wat u kunt doen ' +
      'als u het er niet mee eens bent.',
    tables: [
      {
        key: 'processing',
        layout: 'record',
        columns: [
          { key: 'controller', label: 'Verantwoordelijk', type: 'text' },
          { key: 'purposes', label: 'Doel', type: 'list' },
          { key: 'categories', label: 'Welke gegevens', type: 'list' },
          { key: 'recipients', label: 'Ontvangers', type: 'list' },
          { key: 'retention', label: 'Bewaartermijn', type: 'text' },
          { key: 'sources', label: 'Bron', type: 'list' },
        ],
        rows: [
          {
            controller: responsible,
            purposes: unique(purposes),
            categories: unique(categories),
            recipients: unique(recipients),
            retention:
              `tot ${months} maanden na het laatste contact; daarna worden de gegevens ` +
              'geanonimiseerd of verwijderd',
            sources: unique(sources),
          },
        ],
      },
      {
        // One row per right, so a page break never parts a right from its name.
        key: 'rights',
        title: 'Uw rechten',
        layout: 'record',
        columns: [
          { key: 'access', label: 'Inzage', type: 'text' },
          { key: 'rectification', label: 'Correctie', type: 'text' },
          { key: 'erasure', label: 'Verwijdering', type: 'text' },
          { key: 'restriction', label: 'Beperking', type: 'text' },
          { key: 'objection', label: 'Bezwaar', type: 'text' },
          { key: 'contact', label: 'Waar u terecht kunt', type: 'text' },
          { key: 'complaint', label: 'Klacht', type: 'text' },
        ],
        rows: [
          {
            access: 'vragen welke gegevens wij van u hebben en wat wij ermee doen, zoals hier',
            rectification: 'laten verbeteren of aanvullen wat niet klopt',
            erasure: 'laten wissen wat wij niet (meer) nodig hebben',
            restriction:
              'vragen dat wij uw gegevens een tijd niet gebruiken, bijvoorbeeld zolang een ' +
              'correctie wordt bekeken',
            objection: 'bezwaar maken tegen het gebruik van uw gegevens',
            contact: `voor elk van deze rechten bij ${responsible}`,
            complaint:
              'bent u het niet eens met hoe wij met uw gegevens omgaan, dan kunt u een klacht ' +
              'indienen bij de Autoriteit Persoonsgegevens (autoriteitpersoonsgegevens.nl)',
          },
        ],
      },
    ],
  }
}
