import { useMemo, useState } from 'react'
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { ErrorAlert } from '../../../common/components/error-alert'
import { IconPencil } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../../api'
import { DateField } from '../../../common/components/date-field'
import { currentPath, matchPath, navigate } from '../../../router'
import { addDays, isoWeekday, startOfWeek, toDutchDate } from '../../../../../shared/dates'
import { isRealDate } from '../../../../../shared/schemas/common'
import type { Appointment, Slot } from '../../../../../shared/schemas/shop'
import type { HouseholdSummary } from '../../../../../shared/schemas/household'
import { BookingModal, householdLabel, summaryOf } from './booking-modal'
import { GenerateSlotsModal } from './generate-slots-modal'
import { SlotEditModal } from './slot-edit-modal'
import { useShopDay } from '../../../common/hooks/use-shop-day'
import { isoWeekNumber } from '../../../common/format'
import { shopErrorMessage } from '../shop-errors'
import { useLoad } from '../../../common/hooks/use-load'
import { useCan } from '../../../common/hooks/use-session'
import { useShopRight } from '../volunteer-rights'

/** The week view: every half-day of one week with its bookings, and booking from here. */
export function AppointmentsPage({ week }: { week?: string }): React.JSX.Element {
  const { t } = useTranslation()
  const can = useCan()
  const shopDay = useShopDay()
  const today = shopDay?.today ?? null
  // app.tsx hands over `week` only; the household to book for comes from the hash itself.
  const householdParam = matchPath('/appointments', currentPath())?.household
  // Staff always; a volunteer while the admin's booking switch is on (main decides again).
  const bookRight = useShopRight('book')
  const mayBook = bookRight === true
  // Only a role that may book is booking for a household.
  const householdId =
    mayBook && householdParam && /^\d+$/.test(householdParam) ? Number(householdParam) : null

  const monday = week && isRealDate(week) ? startOfWeek(week) : today ? startOfWeek(today) : null
  const days = useMemo(
    () => (monday ? [0, 1, 2, 3, 4, 5, 6].map((n) => addDays(monday, n)) : []),
    [monday],
  )

  const [booking, setBooking] = useState<Slot | null>(null)
  const [generating, setGenerating] = useState(false)
  const [editing, setEditing] = useState<Slot | null>(null)

  const slotLoader = useMemo(
    () => (monday ? () => call('slots.list', { from: monday, to: addDays(monday, 6) }) : null),
    [monday],
  )
  const { data: slots, error, reload } = useLoad(slotLoader)
  const problem = error ? shopErrorMessage(t, error) : null
  // Who is booked, per half-day: for staff only. The counter sees other days' free places,
  // never other families' names (main refuses them that list).
  const staff = can('slots.update')
  const bookedLoader = useMemo(
    () =>
      staff && days.length && slots
        ? async (): Promise<Appointment[]> =>
            (await Promise.all(days.map((date) => call('appointments.byDay', { date })))).flat()
        : null,
    // `slots` changes after every booking or edit: the names follow.
    [staff, days, slots],
  )
  const booked = useLoad(bookedLoader).data

  const householdLoader = useMemo(
    () =>
      householdId === null
        ? null
        : async (): Promise<HouseholdSummary> =>
            summaryOf(await call('households.get', { id: householdId })),
    [householdId],
  )
  const household = useLoad(householdLoader).data

  const goToWeek = (day: string): void => {
    const query = new URLSearchParams({ week: startOfWeek(day) })
    if (householdId !== null) query.set('household', String(householdId))
    navigate(`/appointments?${query.toString()}`)
  }

  if (!monday) return <Loader aria-label={t('common.loading')} />
  const sunday = addDays(monday, 6)
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={2}>{t('appointments.title')}</Title>
          <Text c="dimmed">
            {t('appointments.week', { number: isoWeekNumber(monday) })} ·{' '}
            {t('appointments.weekRange', { from: toDutchDate(monday), to: toDutchDate(sunday) })}
          </Text>
        </div>
        {can('slots.generate') && (
          <Button onClick={() => setGenerating(true)} disabled={!today}>
            {t('appointments.generate.open')}
          </Button>
        )}
      </Group>

      <Group gap="xs" align="flex-end" wrap="wrap">
        <Button variant="default" onClick={() => goToWeek(addDays(monday, -7))}>
          {t('appointments.previousWeek')}
        </Button>
        <Button variant="default" onClick={() => today && goToWeek(today)} disabled={!today}>
          {t('appointments.thisWeek')}
        </Button>
        <Button variant="default" onClick={() => goToWeek(addDays(monday, 7))}>
          {t('appointments.nextWeek')}
        </Button>
        <DateField
          label={t('appointments.goToDate')}
          value={null}
          onChange={(v) => v && goToWeek(v)}
          w={170}
        />
      </Group>

      {household && (
        <Alert color="teal" variant="light" title={t('appointments.bookingFor')}>
          {t('appointments.bookingForText', { household: householdLabel(household) })}
        </Alert>
      )}
      <ErrorAlert message={problem} />
      {/* A volunteer without the booking switch sees the week without "Boek": say why. */}
      {bookRight === false && (
        <Text size="sm" c="dimmed" data-testid="booking-switched-off">
          {t('appointments.bookingOffWeek')}
        </Text>
      )}

      {slots === null ? (
        !problem && <Loader aria-label={t('common.loading')} />
      ) : (
        <>
          {slots.length === 0 && <Text c="dimmed">{t('appointments.noSlotsWeek')}</Text>}
          {/* Seven columns only on a wide screen: at 1280 px they were too narrow for a name. */}
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4, xl: 7 }} spacing="sm">
            {days.map((day) => (
              <DayColumn
                key={day}
                day={day}
                isToday={day === today}
                slots={slots.filter((s) => s.date === day)}
                booked={booked?.filter((a) => a.date === day) ?? null}
                linkDay={staff || day === today}
                onBook={mayBook ? setBooking : null}
                onEdit={can('slots.update') ? setEditing : null}
              />
            ))}
          </SimpleGrid>
        </>
      )}

      <BookingModal
        slot={booking}
        household={household}
        onClose={() => setBooking(null)}
        onBooked={() => {
          setBooking(null)
          reload()
        }}
      />
      <SlotEditModal
        // The week as last read, so a reload after a refusal shows the current bookings.
        slot={editing && (slots?.find((s) => s.id === editing.id) ?? editing)}
        onClose={() => setEditing(null)}
        onChanged={() => {
          setEditing(null)
          reload()
        }}
        onStale={reload}
      />
      {today && (
        <GenerateSlotsModal
          opened={generating}
          today={today}
          onClose={() => setGenerating(false)}
          onGenerated={() => {
            setGenerating(false)
            reload()
          }}
        />
      )}
    </Stack>
  )
}

interface DayProps {
  day: string
  isToday: boolean
  slots: Slot[]
  /** The day's appointments with names (staff only); null while loading or for the counter. */
  booked: Appointment[] | null
  /** The counter opens today's list only. */
  linkDay: boolean
  /** Null when the role may not book or change half-days: the buttons are then left out. */
  onBook: ((slot: Slot) => void) | null
  onEdit: ((slot: Slot) => void) | null
}

function DayColumn({
  day,
  isToday,
  slots,
  booked,
  linkDay,
  onBook,
  onEdit,
}: DayProps): React.JSX.Element {
  const { t } = useTranslation()
  const dayName = t(`weekdays.${isoWeekday(day)}`)
  return (
    <Paper
      withBorder
      p="sm"
      data-testid={`day-${day}`}
      style={isToday ? { borderColor: 'var(--mantine-color-teal-6)', borderWidth: 2 } : undefined}
    >
      <Stack gap="xs">
        {linkDay ? (
          <Anchor
            href={`#/appointments/day/${day}`}
            fw={700}
            c="dark"
            aria-label={t('appointments.openDay', { day: dayName, date: toDutchDate(day) })}
          >
            {dayName}
            <Text span display="block" size="sm" c="dimmed" fw={400}>
              {toDutchDate(day)}
              {isToday && ` · ${t('appointments.today')}`}
            </Text>
          </Anchor>
        ) : (
          <Text fw={700}>
            {dayName}
            <Text span display="block" size="sm" c="dimmed" fw={400}>
              {toDutchDate(day)}
            </Text>
          </Text>
        )}
        {slots.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('appointments.noSlots')}
          </Text>
        ) : (
          slots.map((s) => {
            const label = `${dayName} ${toDutchDate(day)} ${t(`parts.${s.part}`)}`
            return (
              <Paper
                key={s.id}
                bg="gray.0"
                p="xs"
                role="group"
                aria-label={label}
                data-testid={`slot-${day}-${s.part}`}
              >
                <Group justify="space-between" align="center" gap={4} wrap="nowrap">
                  <Text fw={600} size="sm">
                    {t(`parts.${s.part}`)}
                  </Text>
                  {onEdit && (
                    <ActionIcon
                      size="sm"
                      variant="subtle"
                      color="gray"
                      aria-label={t('appointments.slotEdit.open', { slot: label })}
                      title={t('appointments.slotEdit.title')}
                      onClick={() => onEdit(s)}
                    >
                      <IconPencil size={14} aria-hidden />
                    </ActionIcon>
                  )}
                </Group>
                <Text size="sm" c={s.free === 0 ? 'red.8' : 'dimmed'} mb={4}>
                  {t('appointments.slot.booked', { booked: s.booked, capacity: s.capacity })}
                </Text>
                {booked && (
                  <Stack
                    component="ul"
                    gap={0}
                    m={0}
                    mb={4}
                    p={0}
                    style={{ listStyle: 'none' }}
                    aria-label={t('appointments.slot.whoLabel', { slot: label })}
                  >
                    {booked
                      .filter((a) => a.slotId === s.id && a.status !== 'cancelled')
                      .map((a) => (
                        // The whole name, wrapped if need be: a coordinator reads who is booked.
                        <Text
                          component="li"
                          key={a.id}
                          size="xs"
                          style={{ overflowWrap: 'anywhere' }}
                        >
                          <Anchor href={`#/households/${a.householdId}`} size="xs">
                            {a.contactName}
                          </Anchor>
                        </Text>
                      ))}
                  </Stack>
                )}
                {s.over ? (
                  // A half-day that is over is not offered for booking (main refuses it too).
                  <Text size="xs" c="dimmed">
                    {t('appointments.slot.over')}
                  </Text>
                ) : s.free > 0 ? (
                  onBook && (
                    <Button size="xs" fullWidth onClick={() => onBook(s)}>
                      {t('appointments.slot.book')}
                    </Button>
                  )
                ) : (
                  <Badge color="red" variant="light" fullWidth>
                    {t('appointments.slot.full')}
                  </Badge>
                )}
              </Paper>
            )
          })
        )}
      </Stack>
    </Paper>
  )
}
