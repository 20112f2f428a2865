import type { Db } from '../../context'
import type { SubjectContent, SubjectKind, SubjectRef, SubjectSection } from './types'

/**
 * What a part tells the person about its data beside the data itself (AVG art. 15 lid 1): the
 * export's opening section gathers these from every part of the subject's kind, so a new part
 * adds its own purposes, data and recipients here instead of editing a text elsewhere. Phrases
 * are plain Dutch, lower case, written for the person the data is about.
 */
export interface SubjectProcessing {
  /** Why the data is kept, e.g. "afspraken maken en bezoeken bijhouden". */
  purposes?: readonly string[]
  /** Which data, e.g. "afspraken". */
  categories?: readonly string[]
  /** Who outside the organisation gets (or was pointed to) data of this subject. */
  recipients?(db: Db, subject: SubjectRef): Promise<string[]>
  /** Where this subject's data came from. */
  sources?(db: Db, subject: SubjectRef): Promise<string[]>
}

/**
 * One part of the app that keeps personal data: it says for which kinds of subject it has
 * something and collects that, so an export for a subject is complete without the exporter
 * knowing every table.
 */
export interface SubjectPart {
  /** Stable, English; the part's key in the JSON. */
  key: string
  /** Dutch heading in the export. */
  title: string
  /** The kinds of subject it holds data of; 'every' for a part about all of them (the log). */
  kinds: readonly SubjectKind[] | 'every'
  /** Everything this part holds about the subject. Runs inside the export's transaction. */
  collect(db: Db, subject: SubjectRef): Promise<SubjectContent>
  processing?: SubjectProcessing
}

const parts: SubjectPart[] = []

/**
 * Adds a part; the export shows parts in the order they were registered, except that parts for
 * every kind (the audit log) stay last. Returns how to remove it again (for tests).
 */
export function registerSubjectPart(part: SubjectPart): () => void {
  if (parts.some((p) => p.key === part.key))
    throw new Error(`subject part "${part.key}" is registered twice`)
  const firstForEvery = parts.findIndex((p) => p.kinds === 'every')
  if (part.kinds === 'every' || firstForEvery < 0) parts.push(part)
  else parts.splice(firstForEvery, 0, part)
  return () => {
    const i = parts.indexOf(part)
    if (i >= 0) parts.splice(i, 1)
  }
}

export function subjectParts(kind: SubjectKind): readonly SubjectPart[] {
  return parts.filter((p) => p.kinds === 'every' || p.kinds.includes(kind))
}

/** Every registered part's findings about one subject, in registration order. */
export async function collectSubject(db: Db, subject: SubjectRef): Promise<SubjectSection[]> {
  const sections: SubjectSection[] = []
  // One after the other: they share the export's transaction, which runs one query at a time.
  for (const part of subjectParts(subject.kind))
    sections.push({ key: part.key, title: part.title, ...(await part.collect(db, subject)) })
  return sections
}
