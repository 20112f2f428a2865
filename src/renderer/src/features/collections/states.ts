import type { CollectionState } from '../../../../shared/schemas/collections'

/** One colour per state, the same on the list and on a collection's page. */
export const STATE_COLOURS: Record<CollectionState, string> = {
  coming: 'blue',
  current: 'teal',
  left: 'gray',
}
