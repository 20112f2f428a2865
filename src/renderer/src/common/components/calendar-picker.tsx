import '@mantine/dates/styles.css'
import 'dayjs/locale/nl'
import 'dayjs/locale/en'
import { Calendar, DatesProvider } from '@mantine/dates'
import { useTranslation } from 'react-i18next'

interface Props {
  /** The month shown, as an ISO day in it. */
  date: string
  /** The ISO day marked as chosen, if any. */
  selected: string | null
  onMonthChange: (date: string) => void
  onPick: (day: string) => void
}

/**
 * The month calendar of a date field. It lives in a module of its own, read in when a calendar
 * is first opened: @mantine/dates, its styles and dayjs's locales then stay out of the login
 * screen and out of every screen that only shows dates as text.
 */
export function CalendarPicker({
  date,
  selected,
  onMonthChange,
  onPick,
}: Props): React.JSX.Element {
  const { i18n } = useTranslation()
  return (
    // Dutch weeks start on Monday, in English too: the shop's week does not change with the
    // language of the screen.
    <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
      <Calendar
        __preventFocus
        date={date}
        onDateChange={onMonthChange}
        getDayProps={(d) => ({ selected: d === selected, onClick: () => onPick(d) })}
      />
    </DatesProvider>
  )
}
