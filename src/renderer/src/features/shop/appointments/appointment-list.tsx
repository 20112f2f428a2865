import { useId, useState } from 'react'
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { call } from '../../../api'
import { warningText } from '../../../common/forms'
import { navigate } from '../../../router'
import type { AppointmentStatus } from '../../../../../shared/schemas/shop'
import type { DayPart } from '../../../../../shared/schemas/common'
import type { Appointment } from '../../../../../shared/schemas/shop'
import { showShopError } from '../shop-errors'
import { useSession } from '../../../common/hooks/use-session'

const STATUS_COLOR: Record<AppointmentStatus, string> = {
  planned: 'blue',
  came: 'green',
  no_show: 'orange',
  cancelled: 'gray',
}

/** The check-in buttons, in the order a volunteer at the counter needs them. */
const CHECK_IN: { status: AppointmentStatus; key: string; color: string }[] = [
  { status: 'came', key: 'appointments.row.came', color: 'green' },
  { status: 'no_show', key: 'appointments.row.noShow', color: 'orange' },
  { status: 'cancelled', key: 'appointments.row.cancelled', color: 'gray' },
]

interface RowProps {
  appointment: Appointment
  /** When known, "Gekomen" and "Niet gekomen" are left out for days still to come. */
  today?: string | null
  onChanged: (appointment: Appointment) => void
}

export function AppointmentRow({ appointment: a, today, onChanged }: RowProps): React.JSX.Element {
  const { t } = useTranslation()
  const [busy, setBusy] = useState<AppointmentStatus | null>(null)
  // Main's warnings about this check-in (e.g. the right has expired), shown in the family's own
  // row: a message at the corner of the screen did not say whom it was about and stayed on the
  // visit form that came next.
  const [warnings, setWarnings] = useState<string[]>([])
  const future = !!today && a.date > today
  // The counter checks in today's families only; main refuses the rest for that role.
  const counter = useSession().user.role === 'volunteer'
  const counterMayChange = !counter || (!!today && a.date === today && a.status !== 'cancelled')

  const setStatus = async (status: AppointmentStatus): Promise<void> => {
    setBusy(status)
    setWarnings([])
    try {
      const result = await call('appointments.setStatus', { appointmentId: a.id, status })
      setWarnings(result.warnings.map((w) => warningText(t, w)))
      onChanged(result.appointment)
    } catch (err) {
      showShopError(t, err)
    } finally {
      setBusy(null)
    }
  }

  const buttons = !counterMayChange
    ? []
    : CHECK_IN.filter(
        (b) => !(future && b.status !== 'cancelled') && !(counter && b.status === 'cancelled'),
      )
  return (
    <Group
      component="li"
      justify="space-between"
      align="flex-start"
      wrap="wrap"
      gap="xs"
      py="xs"
      data-testid={`appointment-${a.id}`}
      style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
    >
      <Stack gap={2} style={{ minWidth: 180, flex: '1 1 200px' }}>
        <Group gap="xs" wrap="wrap">
          <Anchor href={`#/households/${a.householdId}`} fw={600}>
            {a.contactName}
          </Anchor>
          <Text size="sm" c="dimmed">
            {a.householdReference}
          </Text>
        </Group>
        <Group gap={6} wrap="wrap">
          <Badge color={STATUS_COLOR[a.status]} variant="light">
            {t(`status.${a.status}`)}
          </Badge>
          {a.eligibilityExpired && (
            <Badge color="red" variant="filled">
              {t('appointments.row.eligibilityExpired')}
            </Badge>
          )}
          {a.visitId !== null && (
            <Badge color="teal" variant="outline">
              {t('appointments.row.visitRegistered')}
            </Badge>
          )}
        </Group>
        {a.note && (
          <Text size="sm" c="dimmed">
            {a.note}
          </Text>
        )}
        {warnings.length > 0 && (
          <Alert color="orange" variant="light" p="xs" role="alert">
            {warnings.map((w) => (
              <Text key={w} size="sm">
                {w}
              </Text>
            ))}
          </Alert>
        )}
      </Stack>
      <Group gap={6} wrap="wrap">
        {buttons.map((b) => {
          const current = a.status === b.status
          // Once a visit is registered the family came; only main can undo that.
          const blocked = a.visitId !== null && b.status !== 'came'
          return (
            <Button
              key={b.status}
              size="xs"
              color={b.color}
              variant={current ? 'filled' : 'light'}
              aria-pressed={current}
              loading={busy === b.status}
              disabled={blocked || (busy !== null && busy !== b.status)}
              onClick={() => {
                if (!current) void setStatus(b.status)
              }}
            >
              {t(b.key)}
            </Button>
          )
        })}
        {a.status === 'cancelled' && !counter && (
          <Button
            size="xs"
            variant="subtle"
            loading={busy === 'planned'}
            disabled={busy !== null && busy !== 'planned'}
            onClick={() => void setStatus('planned')}
          >
            {t('appointments.row.planned')}
          </Button>
        )}
        {a.status === 'came' && a.visitId === null && (
          <Button
            size="xs"
            onClick={() => navigate(`/visits/new?household=${a.householdId}&appointment=${a.id}`)}
          >
            {t('appointments.row.registerVisit')}
          </Button>
        )}
      </Group>
    </Group>
  )
}

interface CardProps {
  part: DayPart
  /** Places in this half-day; 0 when there is no slot (appointments of a removed slot). */
  capacity: number
  appointments: Appointment[]
  today?: string | null
  onChanged: (appointment: Appointment) => void
  /** Shown beside the heading, e.g. "Boek" on the day list for staff. */
  action?: React.ReactNode
}

/** One half-day of one day: its heading, how full it is and the families with their check-in. */
export function DayPartCard({
  part,
  capacity,
  appointments,
  today,
  onChanged,
  action,
}: CardProps): React.JSX.Element {
  const { t } = useTranslation()
  const headingId = useId()
  const booked = appointments.filter((a) => a.status !== 'cancelled').length
  return (
    <Card withBorder component="section" aria-labelledby={headingId} padding="md">
      <Group justify="space-between" align="baseline" mb="xs">
        <Title order={3} id={headingId}>
          {t(`parts.${part}`)}
        </Title>
        <Group gap="sm">
          <Text size="sm" c={capacity > 0 && booked >= capacity ? 'red.8' : 'dimmed'}>
            {t('appointments.row.capacity', { booked, capacity })}
          </Text>
          {action}
        </Group>
      </Group>
      {appointments.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('appointments.row.none')}
        </Text>
      ) : (
        <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }}>
          {appointments.map((a) => (
            <AppointmentRow key={a.id} appointment={a} today={today} onChanged={onChanged} />
          ))}
        </Stack>
      )}
    </Card>
  )
}
