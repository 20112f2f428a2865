import { exportSubject, type SubjectsContext } from './export'
import type { Slice } from '../slice'

export const SUBJECTS_PREFIXES = ['subjects'] as const

export const subjectsHandlers: Slice<(typeof SUBJECTS_PREFIXES)[number], SubjectsContext> = {
  'subjects.export': exportSubject,
}
