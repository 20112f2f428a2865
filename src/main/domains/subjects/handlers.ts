import type { ServiceContext } from '../../context'
import type { Slice } from '../slice'
import { exportSubject } from './export'

export const SUBJECTS_PREFIXES = ['subjects'] as const

export const subjectsHandlers: Slice<(typeof SUBJECTS_PREFIXES)[number], ServiceContext> = {
  'subjects.export': exportSubject,
}
