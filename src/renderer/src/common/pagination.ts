import type { TFunction } from 'i18next'

/** Dutch names for a data table's page buttons, so a screen reader says where they lead. */
export function paginationControlProps(t: TFunction) {
  return (control: 'previous' | 'next' | 'first' | 'last' | string) => ({
    'aria-label': t(
      control === 'previous'
        ? 'households.list.previousPage'
        : control === 'next'
          ? 'households.list.nextPage'
          : control === 'first'
            ? 'households.list.firstPage'
            : 'households.list.lastPage',
    ),
  })
}
