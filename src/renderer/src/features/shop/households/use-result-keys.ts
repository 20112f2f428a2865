import { useEffect, useRef, useState } from 'react'

export interface ResultKeys<T> {
  /** For the search field: arrows move through the results, Enter opens. */
  onKeyDown: (e: React.KeyboardEvent<HTMLInputElement>) => void
  /** The result the arrows are on, or null while on the search field itself. */
  active: T | null
  /** For each table row: an id, and whether it is the one the arrows are on. */
  rowAttributes: (row: T, index: number) => Record<string, unknown>
  rowStyle: (row: T, index: number) => React.CSSProperties | undefined
  /** For the search field: which row the arrows are on, for screen readers. */
  activeDescendant: string | undefined
}

/**
 * The keyboard in a search-as-you-type list: ArrowDown and ArrowUp move through the results
 * (ArrowUp from the first goes back to typing), Enter opens the result the arrows are on, or
 * the only result there is. Enter pressed before the answer for what was typed is in waits for
 * it, so typing a reference and Enter straight away opens that household.
 */
export function useResultKeys<T extends { id: number }>(
  rows: readonly T[],
  /** True when `rows` answer what is in the field now (typed text searched, answer in). */
  current: boolean,
  open: (row: T) => void,
  idPrefix: string,
): ResultKeys<T> {
  const [active, setActive] = useState<number | null>(null)
  // Enter pressed while the answer for the typed text was still on its way.
  const enterWaiting = useRef(false)
  // New results: the arrows start again from the field.
  const listKey = rows.map((r) => r.id).join(',')
  const [shownKey, setShownKey] = useState(listKey)
  if (shownKey !== listKey) {
    setShownKey(listKey)
    setActive(null)
  }

  useEffect(() => {
    if (!enterWaiting.current || !current) return
    enterWaiting.current = false
    if (rows.length === 1) open(rows[0])
  }, [current, rows, open])

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown') {
      e.preventDefault()
      if (rows.length) setActive((a) => (a === null ? 0 : Math.min(a + 1, rows.length - 1)))
    } else if (e.key === 'ArrowUp') {
      e.preventDefault()
      setActive((a) => (a === null || a === 0 ? null : a - 1))
    } else if (e.key === 'Escape') {
      setActive(null)
    } else if (e.key === 'Enter') {
      e.preventDefault()
      if (active !== null && rows[active]) open(rows[active])
      else if (!current) enterWaiting.current = true
      else if (rows.length === 1) open(rows[0])
    } else {
      enterWaiting.current = false
    }
  }

  const rowId = (row: T): string => `${idPrefix}-${row.id}`
  return {
    onKeyDown,
    active: active === null ? null : (rows[active] ?? null),
    rowAttributes: (row, index) => ({ id: rowId(row), 'aria-selected': index === active }),
    rowStyle: (_row, index) =>
      index === active
        ? {
            outline: '2px solid var(--mantine-color-teal-6)',
            outlineOffset: -2,
            backgroundColor: 'var(--mantine-color-teal-0)',
          }
        : undefined,
    activeDescendant: active !== null && rows[active] ? rowId(rows[active]) : undefined,
  }
}
