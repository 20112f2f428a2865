import { CloseButton, Loader, Popover, TextInput, type TextInputProps } from '@mantine/core'
import { lazy, Suspense, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { fromDutchDate, toDutchDate } from '../../../../shared/dates'
import { isRealDate } from '../../../../shared/schemas/common'
import { amsterdamToday } from '../hooks/use-shop-day'

type Props = Omit<TextInputProps, 'value' | 'onChange' | 'defaultValue' | 'type'> & {
  /** ISO day `YYYY-MM-DD`; null/'' when empty; other text is shown as it is (see onChange). */
  value: string | null | undefined
  /**
   * Called with the ISO day the text stands for, null when the field is emptied, or, when the
   * text is no date, the text marked as such (`invalid:2026-03-15`, see dateFieldValue): a form
   * then holds something its schema rejects with 'date', never an empty or stale date the user
   * did not mean.
   */
  onChange: (value: string | null) => void
  /** Shows a button that empties the field; on unless the field is required. */
  clearable?: boolean
}

// Read in when a calendar is first opened (see calendar-picker.tsx).
const CalendarPicker = lazy(() =>
  import('./calendar-picker').then((m) => ({ default: m.CalendarPicker })),
)

/** Marks a value that is text typed in a date field, not a date. */
const UNREADABLE = 'invalid:'

/**
 * What a text typed in a date field stands for: null when empty, the ISO day of a Dutch date
 * (`dd-mm-jjjj`, `d-m-jjjj`, with `-`, `/` or `.`), or else the trimmed text marked as no date.
 * The mark keeps text that looks like another format (`2026-03-15`) from passing for a date;
 * every schema and `isRealDate` reject the marked text.
 */
export function dateFieldValue(text: string): string | null {
  const trimmed = text.trim()
  if (!trimmed) return null
  const iso = fromDutchDate(trimmed)
  return iso && isRealDate(iso) ? iso : UNREADABLE + trimmed
}

/** The text that shows a value: `dd-mm-jjjj` for a day, the typed text for a marked one. */
function textOf(value: string | null): string {
  if (!value) return ''
  if (isRealDate(value)) return toDutchDate(value)
  return value.startsWith(UNREADABLE) ? value.slice(UNREADABLE.length) : value
}

/**
 * A date field that shows and reads `dd-mm-jjjj` and hands out ISO days, with a calendar to pick
 * from. Unlike Mantine's DateInput it never drops text it cannot read: the text stays, with
 * "Geen geldige datum (dd-mm-jjjj)" under it, and the form is told (see `onChange`).
 */
export function DateField({
  value,
  onChange,
  clearable,
  error,
  placeholder,
  disabled,
  readOnly,
  onFocus,
  onBlur,
  onClick,
  onKeyDown,
  ...rest
}: Props): React.JSX.Element {
  const { t } = useTranslation()
  const current = value || null
  const [text, setText] = useState(() => textOf(current))
  // The value the text was last brought in line with; a different value came from outside.
  const [synced, setSynced] = useState(current)
  const [editing, setEditing] = useState(false)
  const [opened, setOpened] = useState(false)
  // The month the calendar shows, when the user paged away from the typed date.
  const [month, setMonth] = useState<string | null>(null)

  if (current !== synced) {
    setSynced(current)
    if (dateFieldValue(text) !== current) setText(textOf(current))
  }

  const typed = dateFieldValue(text)
  const day = typed && isRealDate(typed) ? typed : null
  const invalid = typed !== null && day === null
  const shownError = error || (invalid && !editing ? t('validation.date') : undefined)
  const canClear = (clearable ?? !rest.required) && text !== '' && !disabled && !readOnly

  function change(next: string): void {
    setText(next)
    const v = dateFieldValue(next)
    if (v !== current) onChange(v)
  }

  function pick(picked: string): void {
    setEditing(false)
    setOpened(false)
    setMonth(null)
    change(toDutchDate(picked))
  }

  return (
    <Popover
      opened={opened && !disabled && !readOnly}
      position="bottom-start"
      trapFocus={false}
      withRoles={false}
      shadow="md"
    >
      <Popover.Target>
        <TextInput
          {...rest}
          data-dates-input
          // Escape with the calendar open closes the calendar, not the dialog around the field
          // (Mantine's modal skips an Escape from an element with this mark): a half-filled form
          // is not lost.
          data-mantine-stop-propagation={opened ? 'true' : undefined}
          autoComplete="off"
          value={text}
          error={shownError}
          placeholder={placeholder ?? t('common.datePlaceholder')}
          disabled={disabled}
          readOnly={readOnly}
          rightSectionPointerEvents={canClear ? 'all' : 'none'}
          rightSection={
            canClear ? (
              <CloseButton
                size="sm"
                variant="transparent"
                aria-label={t('common.clearDate')}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => {
                  setEditing(false)
                  setMonth(null)
                  change('')
                }}
              />
            ) : (
              rest.rightSection
            )
          }
          onChange={(e) => {
            setEditing(true)
            setOpened(true)
            setMonth(null)
            change(e.currentTarget.value)
          }}
          onFocus={(e) => {
            setOpened(true)
            onFocus?.(e)
          }}
          onClick={(e) => {
            setOpened(true)
            onClick?.(e)
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpened(false)
            onKeyDown?.(e)
          }}
          onBlur={(e) => {
            setEditing(false)
            setOpened(false)
            setMonth(null)
            // Show a date the way it is stored: `1-3-2026` becomes `01-03-2026`.
            if (day) setText(toDutchDate(day))
            // Emptied, but the screen kept its date (a required filter): show that date again.
            else if (typed === null && current) setText(textOf(current))
            onBlur?.(e)
          }}
        />
      </Popover.Target>
      <Popover.Dropdown onMouseDown={(e) => e.preventDefault()} data-dates-dropdown>
        <Suspense fallback={<Loader size="sm" m="md" aria-label={t('common.loading')} />}>
          <CalendarPicker
            date={month ?? day ?? amsterdamToday()}
            selected={day}
            onMonthChange={setMonth}
            onPick={pick}
          />
        </Suspense>
      </Popover.Dropdown>
    </Popover>
  )
}
