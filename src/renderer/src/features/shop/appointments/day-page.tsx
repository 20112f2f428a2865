import { useMemo, useState } from 'react'
import { Alert, Anchor, Button, Group, Loader, Stack, Text, Title } from '@mantine/core'
import { ErrorAlert } from '../../../common/components/error-alert'
import { useTranslation } from 'react-i18next'
import { call } from '../../../api'
import { navigate } from '../../../router'
import { addDays, startOfWeek, toDutchDate } from '../../../../../shared/dates'
import { DAY_PARTS, isRealDate } from '../../../../../shared/schemas/common'
import type { Appointment, Slot } from '../../../../../shared/schemas/shop'
import { DayPartCard } from './appointment-list'
import { BookingModal } from './booking-modal'
import { useSession } from '../../../common/hooks/use-session'
import { useShopRight } from '../volunteer-rights'
import { useShopDay } from '../../../common/hooks/use-shop-day'
import { capitalise, dayInWords } from '../../../common/format'
import { shopErrorMessage } from '../shop-errors'
import { useLoad } from '../../../common/hooks/use-load'
import { PrintButton, PrintHeading } from '../../../common/components/print'
import { AppError } from '../../../../../shared/errors'

/** The check-in list of one day; past days too, for paper lists entered afterwards. */
export function DayPage({ date }: { date: string }): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const shopDay = useShopDay()
  // The counter has today's list only (main refuses other days to a volunteer, whatever the
  // switches); staff walk the days. Booking from the list follows the admin's booking switch.
  const staff = useSession().user.role !== 'volunteer'
  const mayBook = useShopRight('book') === true
  const [booking, setBooking] = useState<Slot | null>(null)
  const valid = isRealDate(date)
  const loader = useMemo(
    () =>
      valid
        ? async (): Promise<{ slots: Slot[]; appointments: Appointment[] }> => {
            const [slots, appointments] = await Promise.all([
              call('slots.list', { from: date, to: date }),
              call('appointments.byDay', { date }),
            ])
            return { slots, appointments }
          }
        : null,
    [date, valid],
  )
  const { data, error, reload } = useLoad(loader)
  // A counter volunteer on another day (main refuses it): not a fault, so no red box and no
  // empty list to print, but a way back to today's list.
  const otherDay = error instanceof AppError && error.key === 'counterTodayOnly'
  const problem = error && !otherDay ? shopErrorMessage(t, error) : null

  if (!valid) return <Text>{t('errors.notFound')}</Text>

  const parts = data
    ? DAY_PARTS.flatMap((part) => {
        const slot = data.slots.find((s) => s.part === part)
        const list = data.appointments.filter((a) => a.part === part)
        return slot || list.length ? [{ part, slot, capacity: slot?.capacity ?? 0, list }] : []
      })
    : []

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <PrintHeading today={shopDay?.today ?? null} />
          <Text c="dimmed" size="sm">
            {t('appointments.day.title')}
          </Text>
          <Title order={2}>{capitalise(dayInWords(date, i18n.language))}</Title>
          <Text c="dimmed">
            {toDutchDate(date)}
            {shopDay?.today === date && ` · ${t('appointments.today')}`}
          </Text>
        </div>
        <Group gap="xs">
          {staff && (
            <>
              <Button
                variant="default"
                onClick={() => navigate(`/appointments/day/${addDays(date, -1)}`)}
              >
                {t('appointments.day.previous')}
              </Button>
              <Button
                variant="default"
                onClick={() => navigate(`/appointments/day/${addDays(date, 1)}`)}
              >
                {t('appointments.day.next')}
              </Button>
            </>
          )}
          <Anchor href={`#/appointments?week=${startOfWeek(date)}`} data-print="hide">
            {t('appointments.day.toWeek')}
          </Anchor>
          {!otherDay && <PrintButton label={t('appointments.day.print')} />}
        </Group>
      </Group>

      <ErrorAlert message={problem} />
      {otherDay ? (
        <Alert color="blue" variant="light" role="status" data-print="hide">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t('appointments.day.counterToday')}</Text>
            <Button
              onClick={() => navigate(shopDay?.today ? `/appointments/day/${shopDay.today}` : '/')}
            >
              {t('appointments.day.toToday')}
            </Button>
          </Stack>
        </Alert>
      ) : data === null ? (
        !problem && <Loader aria-label={t('common.loading')} />
      ) : parts.length === 0 ? (
        <Text c="dimmed">{t('appointments.day.empty')}</Text>
      ) : (
        parts.map((p) => (
          <DayPartCard
            key={p.part}
            part={p.part}
            capacity={p.capacity}
            appointments={p.list}
            today={shopDay?.today ?? null}
            onChanged={reload}
            action={
              mayBook && p.slot && !p.slot.over && p.slot.free > 0 ? (
                <Button
                  size="xs"
                  onClick={() => setBooking(p.slot ?? null)}
                  aria-label={t('appointments.day.bookPart', {
                    part: t(`parts.${p.part}`).toLowerCase(),
                  })}
                >
                  {t('appointments.slot.book')}
                </Button>
              ) : null
            }
          />
        ))
      )}
      <BookingModal
        slot={booking}
        household={null}
        onClose={() => setBooking(null)}
        onBooked={() => {
          setBooking(null)
          reload()
        }}
      />
    </Stack>
  )
}
