import type { TFunction } from 'i18next'
import type { ComplainantView, ComplaintState } from '../../../../shared/schemas/complaints'

export const STATE_COLOURS: Record<ComplaintState, string> = {
  open: 'blue',
  decided: 'violet',
  closed: 'gray',
}

/** Who complained, as a list shows it: the household or person, the name given, or "Anoniem". */
export function complainantText(t: TFunction, c: ComplainantView): string {
  if (c.kind === 'anonymous') return t('complaints.page.anonymous')
  return c.label ?? c.name ?? '–'
}
