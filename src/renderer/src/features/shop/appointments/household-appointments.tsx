import { useMemo, useState } from 'react'
import { Badge, Button, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call } from '../../../api'
import { ErrorAlert } from '../../../common/components/error-alert'
import { useLoad } from '../../../common/hooks/use-load'
import { useShopDay } from '../../../common/hooks/use-shop-day'
import { addDays, isoWeekday, toDutchDate } from '../../../../../shared/dates'
import type { Appointment, AppointmentStatus, Slot } from '../../../../../shared/schemas/shop'
import { shopErrorMessage } from '../shop-errors'
import { useShopRight } from '../volunteer-rights'

const STATUS_COLORS: Record<AppointmentStatus, string> = {
  planned: 'blue',
  came: 'teal',
  no_show: 'red',
  cancelled: 'gray',
}

/** How far ahead "Verzetten" offers half-days: four weeks, enough for the coming visits. */
const MOVE_WEEKS = 4

interface Props {
  appointments: Appointment[]
  /** Nothing changes for an anonymised household (main refuses it too). */
  anonymised: boolean
  /** Read the household again after a change. */
  onChanged: () => void
}

/**
 * A household's appointments, with "Verzetten" and "Afzeggen" on the coming planned ones for
 * whoever may book (staff, or a volunteer while the admin's switch is on). Main decides again.
 */
export function HouseholdAppointments({
  appointments,
  anonymised,
  onChanged,
}: Props): React.JSX.Element {
  const { t } = useTranslation()
  const bookRight = useShopRight('book')
  const mayBook = bookRight === true
  const today = useShopDay()?.today ?? null
  const [moving, setMoving] = useState<Appointment | null>(null)
  // Afzeggen gives the family's place away: asked first, a misclick at a busy counter costs it.
  const [cancelling, setCancelling] = useState<Appointment | null>(null)
  // A volunteer whose booking switch is off is told so, rather than finding the buttons gone.
  const switchedOff = bookRight === false && !anonymised
  const [busy, setBusy] = useState<number | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const changeable = (a: Appointment): boolean =>
    mayBook && !anonymised && a.status === 'planned' && !!today && a.date >= today

  const cancel = async (a: Appointment): Promise<void> => {
    setBusy(a.id)
    setProblem(null)
    try {
      await call('appointments.setStatus', { appointmentId: a.id, status: 'cancelled' })
      notifications.show({
        color: 'teal',
        message: t('appointments.manage.cancelled', {
          date: toDutchDate(a.date),
          part: t(`parts.${a.part}`),
        }),
      })
      onChanged()
    } catch (err) {
      // A refusal (the switch turned off meanwhile) is said here; the buttons then go away.
      setProblem(shopErrorMessage(t, err))
    } finally {
      setBusy(null)
    }
  }

  if (appointments.length === 0)
    return (
      <Stack gap="xs">
        <ErrorAlert message={problem} />
        {switchedOff && <SwitchedOffNote />}
        <Text size="sm" c="dimmed">
          {t('households.detail.noAppointments')}
        </Text>
      </Stack>
    )
  return (
    <Stack gap="xs">
      <ErrorAlert message={problem} />
      {switchedOff && <SwitchedOffNote />}
      {/* Three columns only: the buttons sit beside the badge in the status cell and wrap under
          it when the card is narrow (half a 1366 px screen), so badge and date are never cut. */}
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('common.date')}</Table.Th>
            <Table.Th>{t('households.detail.part')}</Table.Th>
            <Table.Th>{t('households.list.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {appointments.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{toDutchDate(a.date)}</Table.Td>
              <Table.Td>{t(`parts.${a.part}`)}</Table.Td>
              <Table.Td>
                <Group gap={6} wrap="wrap" data-testid={`appointment-status-${a.id}`}>
                  <Badge
                    color={STATUS_COLORS[a.status]}
                    variant="light"
                    tt="none"
                    style={{ flexShrink: 0, overflow: 'visible' }}
                    styles={{ label: { overflow: 'visible', textOverflow: 'clip' } }}
                  >
                    {t(`status.${a.status}`)}
                  </Badge>
                  {changeable(a) && (
                    <Group gap={6} wrap="nowrap">
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => {
                          setProblem(null)
                          setMoving(a)
                        }}
                        disabled={busy !== null}
                      >
                        {t('appointments.manage.move')}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        color="red"
                        loading={busy === a.id}
                        disabled={busy !== null}
                        onClick={() => {
                          setProblem(null)
                          setCancelling(a)
                        }}
                      >
                        {t('appointments.manage.cancel')}
                      </Button>
                    </Group>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <CancelModal
        appointment={cancelling}
        onClose={() => setCancelling(null)}
        onConfirm={(a) => {
          setCancelling(null)
          void cancel(a)
        }}
      />
      <MoveModal
        appointment={moving}
        today={today}
        onClose={() => setMoving(null)}
        onMoved={() => {
          setMoving(null)
          onChanged()
        }}
        onRefused={(message) => {
          setMoving(null)
          setProblem(message)
        }}
      />
    </Stack>
  )
}

/** The quiet line for a volunteer while the admin has booking off: says why nothing is offered. */
export function SwitchedOffNote(): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Text size="sm" c="dimmed" data-testid="booking-switched-off">
      {t('appointments.manage.switchedOff')}
    </Text>
  )
}

interface CancelProps {
  appointment: Appointment | null
  onClose: () => void
  onConfirm: (appointment: Appointment) => void
}

/** "Afspraak van dinsdag 22-06-2026 ochtend afzeggen?": the day named, so the right one goes. */
function CancelModal({ appointment, onClose, onConfirm }: CancelProps): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const weekday = appointment ? t(`weekdays.${isoWeekday(appointment.date)}`) : ''
  // Dutch writes weekdays and half-days in lower case inside a sentence; English its weekdays not.
  const dutch = i18n.resolvedLanguage !== 'en'
  return (
    <Modal
      opened={appointment !== null}
      onClose={onClose}
      title={t('appointments.manage.cancelTitle')}
    >
      {appointment && (
        <Stack gap="md">
          <Text>
            {t('appointments.manage.cancelQuestion', {
              weekday: dutch ? weekday.toLowerCase() : weekday,
              date: toDutchDate(appointment.date),
              part: t(`parts.${appointment.part}`).toLowerCase(),
            })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('appointments.manage.cancelHint')}
          </Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose} data-autofocus>
              {t('appointments.manage.cancelKeep')}
            </Button>
            <Button color="red" onClick={() => onConfirm(appointment)}>
              {t('appointments.manage.cancelConfirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}

interface MoveProps {
  appointment: Appointment | null
  today: string | null
  onClose: () => void
  onMoved: () => void
  onRefused: (message: string) => void
}

/** The free half-days of the coming weeks, to move one appointment to. No names: places only. */
function MoveModal({
  appointment,
  today,
  onClose,
  onMoved,
  onRefused,
}: MoveProps): React.JSX.Element {
  const { t } = useTranslation()
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState<number | null>(null)
  const loader = useMemo(
    () =>
      appointment && today
        ? () => call('slots.list', { from: today, to: addDays(today, MOVE_WEEKS * 7 - 1) })
        : null,
    [appointment, today],
  )
  const slots = useLoad(loader)
  const free = (slots.data ?? []).filter(
    (s) => s.free > 0 && !s.over && s.id !== appointment?.slotId,
  )

  const move = async (slot: Slot): Promise<void> => {
    if (!appointment) return
    setBusy(slot.id)
    setProblem(null)
    try {
      await call('appointments.move', { id: appointment.id, slotId: slot.id })
      notifications.show({
        color: 'teal',
        message: t('appointments.manage.moved', {
          date: toDutchDate(slot.date),
          part: t(`parts.${slot.part}`),
        }),
      })
      onMoved()
    } catch (err) {
      const message = shopErrorMessage(t, err)
      // The switch turned off: nothing to choose here any more; the page says why.
      if ((err as { key?: string }).key === 'volunteerRightOff') onRefused(message)
      else setProblem(message)
    } finally {
      setBusy(null)
    }
  }

  return (
    <Modal
      opened={appointment !== null}
      onClose={onClose}
      title={t('appointments.manage.moveTitle')}
      size="lg"
    >
      {appointment && (
        <Stack gap="sm">
          <Text size="sm">
            {t('appointments.manage.moveFrom', {
              date: toDutchDate(appointment.date),
              part: t(`parts.${appointment.part}`),
            })}
          </Text>
          <ErrorAlert
            message={problem ?? (slots.error ? shopErrorMessage(t, slots.error) : null)}
          />
          {slots.data === null && !slots.error ? (
            <Loader size="sm" aria-label={t('common.loading')} />
          ) : free.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('appointments.manage.noFree')}
            </Text>
          ) : (
            <Stack gap={6}>
              {free.map((s) => (
                <Group key={s.id} justify="space-between" wrap="nowrap">
                  <Text size="sm">
                    {t(`weekdays.${isoWeekday(s.date)}`)} {toDutchDate(s.date)} ·{' '}
                    {t(`parts.${s.part}`)} ·{' '}
                    {t('appointments.slot.freeOf', { free: s.free, capacity: s.capacity })}
                  </Text>
                  <Button
                    size="xs"
                    loading={busy === s.id}
                    disabled={busy !== null}
                    onClick={() => void move(s)}
                  >
                    {t('appointments.manage.moveHere')}
                  </Button>
                </Group>
              ))}
            </Stack>
          )}
        </Stack>
      )}
    </Modal>
  )
}
