import { useRef, useState } from 'react'
import { Box, Text, UnstyledButton } from '@mantine/core'
import { useTranslation } from 'react-i18next'

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const
export const HALF_DAYS = ['morning', 'afternoon', 'evening'] as const
export type HalfDay = (typeof HALF_DAYS)[number]

/** One half-day of the week: Monday = 1. */
export interface WeekSlot {
  weekday: number
  part: HalfDay
}

const key = (weekday: number, part: string): string => `${weekday}-${part}`

/** The slots in the order the grid shows them (weekday, then morning to evening), no doubles. */
export function sortSlots(slots: WeekSlot[]): WeekSlot[] {
  const seen = new Set<string>()
  const out: WeekSlot[] = []
  for (const s of slots) {
    const k = key(s.weekday, s.part)
    if (!seen.has(k)) {
      seen.add(k)
      out.push({ weekday: s.weekday, part: s.part })
    }
  }
  return out.sort(
    (a, b) => a.weekday - b.weekday || HALF_DAYS.indexOf(a.part) - HALF_DAYS.indexOf(b.part),
  )
}

/**
 * The week as a grid of weekday x half-day. Editable, it is one tab stop: the arrow keys move
 * over the half-days, Home/End go to the row's ends, Space (or Enter, or a click) turns one on
 * or off. Read-only it shows the chosen half-days, and `compare` marks those that the other side
 * (a vacancy against a person) has too.
 */
export function AvailabilityGrid({
  value,
  onChange,
  label,
  compare,
  error,
}: {
  value: WeekSlot[]
  /** Without it the grid is read-only. */
  onChange?: (slots: WeekSlot[]) => void
  label: string
  /** Half-days of the other side: shown as "both" where they meet the chosen ones. */
  compare?: WeekSlot[]
  error?: string
}): React.JSX.Element {
  const { t } = useTranslation()
  const chosen = new Set(value.map((s) => key(s.weekday, s.part)))
  const other = compare ? new Set(compare.map((s) => key(s.weekday, s.part))) : null
  const [focus, setFocus] = useState<[number, number]>([0, 0])
  const cells = useRef(new Map<string, HTMLButtonElement>())
  const editable = Boolean(onChange)

  const toggle = (weekday: number, part: HalfDay): void => {
    if (!onChange) return
    const k = key(weekday, part)
    onChange(
      sortSlots(
        chosen.has(k)
          ? value.filter((s) => key(s.weekday, s.part) !== k)
          : [...value, { weekday, part }],
      ),
    )
  }

  const moveTo = (row: number, col: number): void => {
    const r = Math.max(0, Math.min(HALF_DAYS.length - 1, row))
    const c = Math.max(0, Math.min(WEEKDAYS.length - 1, col))
    setFocus([r, c])
    cells.current.get(key(WEEKDAYS[c], HALF_DAYS[r]))?.focus()
  }

  const onKeyDown = (e: React.KeyboardEvent, row: number, col: number): void => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [row - 1, col],
      ArrowDown: [row + 1, col],
      ArrowLeft: [row, col - 1],
      ArrowRight: [row, col + 1],
      Home: [row, 0],
      End: [row, WEEKDAYS.length - 1],
    }
    const to = moves[e.key]
    if (to) {
      e.preventDefault()
      moveTo(to[0], to[1])
    } else if (e.key === ' ' || e.key === 'Spacebar') {
      // Handled here, not by the button's own click on key-up, so a held key toggles once.
      e.preventDefault()
      toggle(WEEKDAYS[col], HALF_DAYS[row])
    }
  }

  return (
    <Box>
      <Text component="div" size="sm" fw={500} mb={4}>
        {label}
      </Text>
      <Box
        component="table"
        role="grid"
        aria-label={label}
        aria-readonly={editable ? undefined : true}
        style={{ borderCollapse: 'separate', borderSpacing: 3 }}
      >
        <thead>
          <tr>
            <th aria-hidden />
            {WEEKDAYS.map((d) => (
              <Text component="th" key={d} scope="col" size="xs" fw={600} ta="center" px={2}>
                <abbr title={t(`weekdays.${d}`)} style={{ textDecoration: 'none' }}>
                  {t(`weekdays.${d}`).slice(0, 2)}
                </abbr>
              </Text>
            ))}
          </tr>
        </thead>
        <tbody>
          {HALF_DAYS.map((part, row) => (
            <tr key={part}>
              <Text component="th" scope="row" size="xs" fw={600} ta="left" pr={6}>
                {t(`parts.${part}`)}
              </Text>
              {WEEKDAYS.map((weekday, col) => {
                const k = key(weekday, part)
                const on = chosen.has(k)
                const both = on && other?.has(k)
                const theirs = !on && other?.has(k)
                const name = `${t(`weekdays.${weekday}`)} ${t(`parts.${part}`).toLowerCase()}`
                const background = both
                  ? 'var(--mantine-color-teal-7)'
                  : on
                    ? 'var(--mantine-color-teal-5)'
                    : theirs
                      ? 'var(--mantine-color-gray-2)'
                      : 'var(--mantine-color-gray-0)'
                return (
                  <td key={weekday} role="gridcell" style={{ padding: 0 }}>
                    {editable ? (
                      <UnstyledButton
                        ref={(el: HTMLButtonElement | null) => {
                          if (el) cells.current.set(k, el)
                          else cells.current.delete(k)
                        }}
                        role="checkbox"
                        aria-checked={on}
                        aria-label={name}
                        tabIndex={focus[0] === row && focus[1] === col ? 0 : -1}
                        onFocus={() => setFocus([row, col])}
                        onClick={() => toggle(weekday, part)}
                        onKeyDown={(e) => onKeyDown(e, row, col)}
                        data-slot={k}
                        style={{
                          display: 'block',
                          width: 40,
                          height: 28,
                          borderRadius: 4,
                          border: `1px solid ${on ? 'var(--mantine-color-teal-7)' : 'var(--mantine-color-gray-4)'}`,
                          background,
                          color: on ? 'white' : 'var(--mantine-color-gray-6)',
                          fontSize: 12,
                          textAlign: 'center',
                        }}
                      >
                        {on ? '✓' : ''}
                      </UnstyledButton>
                    ) : (
                      <Box
                        aria-label={`${name}: ${t(
                          both
                            ? 'volunteers.grid.both'
                            : on
                              ? 'volunteers.grid.yes'
                              : theirs
                                ? 'volunteers.grid.theirs'
                                : 'volunteers.grid.no',
                        )}`}
                        role="img"
                        data-slot={k}
                        data-on={on || undefined}
                        style={{
                          width: 40,
                          height: 28,
                          borderRadius: 4,
                          border: `1px solid ${on ? 'var(--mantine-color-teal-7)' : 'var(--mantine-color-gray-3)'}`,
                          background,
                          color: on ? 'white' : 'var(--mantine-color-gray-7)',
                          fontSize: 12,
                          lineHeight: '26px',
                          textAlign: 'center',
                        }}
                      >
                        {both ? '✓✓' : on ? '✓' : theirs ? '·' : ''}
                      </Box>
                    )}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </Box>
      {editable && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('volunteers.grid.keys')}
        </Text>
      )}
      {error && (
        <Text size="xs" c="red" mt={4} role="alert">
          {error}
        </Text>
      )}
    </Box>
  )
}
