import { useEffect, useRef, useState } from 'react'
import { Button, Group, Modal, NumberInput, Paper, Stack, Text } from '@mantine/core'
import { ErrorAlert } from '../../../common/components/error-alert'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call } from '../../../api'
import { serverFieldErrors, zodValidate } from '../../../common/forms'
import { isoWeekday, toDutchDate } from '../../../../../shared/dates'
import { AppError } from '../../../../../shared/errors'
import { slotsUpdateInput } from '../../../../../shared/schemas/shop'
import type { Slot } from '../../../../../shared/schemas/shop'
import { shopErrorMessage } from '../shop-errors'

interface Props {
  /** The half-day to change; the modal is open while this is set. */
  slot: Slot | null
  onClose: () => void
  /** The half-day was changed or removed; the week should be read again. */
  onChanged: () => void
  /** Main refused (bookings changed or the half-day is gone meanwhile); the week may be stale. */
  onStale?: () => void
}

/** Change a half-day's places, or remove it (the shop is closed that day). */
export function SlotEditModal({ slot, onClose, onChanged, onStale }: Props): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Modal
      opened={slot !== null}
      onClose={onClose}
      title={t('appointments.slotEdit.title')}
      size={500}
    >
      {slot && (
        <SlotEditForm
          key={slot.id}
          slot={slot}
          onClose={onClose}
          onChanged={onChanged}
          onStale={onStale}
        />
      )}
    </Modal>
  )
}

interface Values {
  capacity: number | string
}

function SlotEditForm({
  slot,
  onClose,
  onChanged,
  onStale,
}: Props & { slot: Slot }): React.JSX.Element {
  const { t } = useTranslation()
  const [problem, setProblem] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [removing, setRemoving] = useState(false)
  const keepRef = useRef<HTMLButtonElement>(null)
  const removeRef = useRef<HTMLButtonElement>(null)
  const wasConfirming = useRef(false)
  const validate = zodValidate(slotsUpdateInput, t)
  const form = useForm<Values>({
    initialValues: { capacity: slot.capacity },
    validate: (v) =>
      validate({
        id: slot.id,
        capacity: typeof v.capacity === 'number' ? v.capacity : undefined,
      }),
  })

  // The button that was pressed disappears; keep the keyboard focus where the choice is.
  useEffect(() => {
    if (confirming) keepRef.current?.focus()
    else if (wasConfirming.current) removeRef.current?.focus()
    wasConfirming.current = confirming
  }, [confirming])

  const fail = (err: unknown): void => {
    setProblem(shopErrorMessage(t, err))
    if (err instanceof AppError && (err.code === 'CONFLICT' || err.code === 'NOT_FOUND'))
      onStale?.()
  }

  const submit = form.onSubmit(async (v) => {
    setProblem(null)
    try {
      await call('slots.update', { id: slot.id, capacity: Number(v.capacity) })
      notifications.show({ color: 'teal', message: t('appointments.slotEdit.updated') })
      onChanged()
    } catch (err) {
      // "Minder plaatsen kan niet" shows at the field and, with its reason, above the buttons.
      form.setErrors(serverFieldErrors(t, err))
      fail(err)
    }
  })

  const remove = async (): Promise<void> => {
    setProblem(null)
    setRemoving(true)
    try {
      await call('slots.remove', { id: slot.id })
      notifications.show({ color: 'teal', message: t('appointments.slotEdit.removed') })
      onChanged()
    } catch (err) {
      setConfirming(false)
      fail(err)
    } finally {
      setRemoving(false)
    }
  }

  const busy = form.submitting || removing
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <div>
          <Text fw={600}>
            {t(`weekdays.${isoWeekday(slot.date)}`)} {toDutchDate(slot.date)} ·{' '}
            {t(`parts.${slot.part}`)}
          </Text>
          <Text size="sm" c="dimmed">
            {t('appointments.slotEdit.booked', { booked: slot.booked, capacity: slot.capacity })}
          </Text>
        </div>
        <NumberInput
          label={t('appointments.slotEdit.capacity')}
          required
          min={1}
          max={50}
          allowDecimal={false}
          // Say what is wrong rather than quietly changing -5 into 1.
          clampBehavior="none"
          w={140}
          data-autofocus
          disabled={confirming}
          {...form.getInputProps('capacity')}
        />
        <ErrorAlert message={problem} />
        {confirming ? (
          <Paper withBorder p="sm" bg="red.0" style={{ borderColor: 'var(--mantine-color-red-3)' }}>
            <Stack gap="xs">
              <div role="alert">
                <Text fw={600}>{t('appointments.slotEdit.confirm')}</Text>
                <Text size="sm">{t('appointments.slotEdit.confirmDetail')}</Text>
              </div>
              <Group justify="flex-end">
                <Button
                  ref={keepRef}
                  variant="default"
                  disabled={removing}
                  onClick={() => setConfirming(false)}
                >
                  {t('common.cancel')}
                </Button>
                <Button color="red" loading={removing} onClick={() => void remove()}>
                  {t('appointments.slotEdit.confirmRemove')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ) : (
          <Group justify="space-between" wrap="wrap">
            {/* A half-day that is over belongs to its period's figures: main keeps it. */}
            {slot.over ? (
              <Text size="sm" c="dimmed" maw={260}>
                {t('appointments.slotEdit.overStays')}
              </Text>
            ) : (
              <Button
                ref={removeRef}
                color="red"
                variant="light"
                disabled={busy}
                onClick={() => {
                  setProblem(null)
                  form.clearErrors()
                  setConfirming(true)
                }}
              >
                {t('appointments.slotEdit.remove')}
              </Button>
            )}
            {/* Stays on the right when a narrow window wraps the row. */}
            <Group gap="xs" ml="auto">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={form.submitting} disabled={removing}>
                {t('common.save')}
              </Button>
            </Group>
          </Group>
        )}
      </Stack>
    </form>
  )
}
