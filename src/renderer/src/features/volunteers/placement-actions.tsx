import { useState } from 'react'
import { Button, Group, Modal, Stack, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { DateField } from '../../common/components/date-field'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage, serverFieldErrors, zodValidate } from '../../common/forms'
import { addDays } from '../../../../shared/dates'
import {
  placementAdvanceInput,
  placementCloseInput,
  type AdvanceStep,
  type Placement,
  type PlacementStep,
} from '../../../../shared/schemas/volunteers-matching'

/** The step a running placement goes to next. */
export const NEXT_STEP: Partial<Record<PlacementStep, AdvanceStep>> = {
  proposed: 'introduction',
  introduction: 'trial',
  trial: 'placed',
}

type Action = { kind: 'advance'; to: AdvanceStep } | { kind: 'end' } | { kind: 'decline' }

/**
 * The buttons of a running placement: on to the next step, end it (once placed) or decline it
 * (before), each asking for its date (and the trial's end, or the reason) in a small dialog.
 */
export function PlacementActions({
  placement: p,
  today,
  onChanged,
  compact = true,
}: {
  placement: Placement
  today: string
  onChanged: () => void
  compact?: boolean
}): React.JSX.Element | null {
  const { t } = useTranslation()
  const [action, setAction] = useState<Action | null>(null)
  const next = NEXT_STEP[p.step]
  if (p.step === 'ended' || p.step === 'declined') return null
  const size = compact ? 'compact-xs' : 'xs'
  const names = { person: p.personName, vacancy: p.vacancyTitle }
  return (
    <>
      <Group gap={4} wrap="wrap">
        {next && (
          <Button
            size={size}
            variant="light"
            onClick={() => setAction({ kind: 'advance', to: next })}
            aria-label={t('volunteers.placements.advanceTitle', {
              ...names,
              step: t(`volunteers.labels.step.${next}`).toLowerCase(),
            })}
          >
            {t('volunteers.placements.advance', {
              step: t(`volunteers.labels.step.${next}`).toLowerCase(),
            })}
          </Button>
        )}
        {p.step === 'placed' ? (
          <Button
            size={size}
            variant="subtle"
            color="gray"
            onClick={() => setAction({ kind: 'end' })}
            aria-label={t('volunteers.placements.endTitle', names)}
          >
            {t('volunteers.placements.end')}
          </Button>
        ) : (
          <Button
            size={size}
            variant="subtle"
            color="red"
            onClick={() => setAction({ kind: 'decline' })}
            aria-label={t('volunteers.placements.declineTitle', names)}
          >
            {t('volunteers.placements.decline')}
          </Button>
        )}
      </Group>
      <Modal
        opened={action !== null}
        onClose={() => setAction(null)}
        title={
          action?.kind === 'advance'
            ? t('volunteers.placements.advanceTitle', {
                ...names,
                step: t(`volunteers.labels.step.${action.to}`).toLowerCase(),
              })
            : action?.kind === 'end'
              ? t('volunteers.placements.endTitle', names)
              : t('volunteers.placements.declineTitle', names)
        }
      >
        {action && (
          <ActionForm
            placement={p}
            action={action}
            today={today}
            onCancel={() => setAction(null)}
            onDone={() => {
              setAction(null)
              onChanged()
            }}
          />
        )}
      </Modal>
    </>
  )
}

function ActionForm({
  placement,
  action,
  today,
  onCancel,
  onDone,
}: {
  placement: Placement
  action: Action
  today: string
  onCancel: () => void
  onDone: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [date, setDate] = useState<string | null>(today)
  // A trial of a month unless said otherwise.
  const [trialEndsOn, setTrialEndsOn] = useState<string | null>(addDays(today, 28))
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const save = async (): Promise<void> => {
    setProblem(null)
    setBusy(true)
    try {
      if (action.kind === 'advance') {
        const raw = {
          id: placement.id,
          to: action.to,
          date: date ?? '',
          trialEndsOn: action.to === 'trial' ? trialEndsOn : null,
        }
        const found = zodValidate(placementAdvanceInput, t)(raw)
        setErrors(found)
        if (Object.keys(found).length) return setProblem(t('errors.validation'))
        await call('placements.advance', raw)
      } else {
        const raw = { id: placement.id, date: date ?? '', reason }
        const found = zodValidate(placementCloseInput, t)(raw)
        setErrors(found)
        if (Object.keys(found).length) return setProblem(t('errors.validation'))
        await call(action.kind === 'end' ? 'placements.end' : 'placements.decline', raw)
      }
      notifications.show({ color: 'teal', message: t('volunteers.placements.saved') })
      onDone()
    } catch (err) {
      setErrors(serverFieldErrors(t, err))
      setProblem(errorMessage(t, err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <Stack gap="sm">
        <DateField
          label={t('volunteers.placements.on')}
          value={date}
          onChange={setDate}
          error={errors.date}
          required
          data-autofocus
        />
        {action.kind === 'advance' && action.to === 'trial' && (
          <DateField
            label={t('volunteers.placements.trialEndsOn')}
            value={trialEndsOn}
            onChange={setTrialEndsOn}
            error={errors.trialEndsOn}
          />
        )}
        {action.kind !== 'advance' && (
          <Textarea
            label={t('volunteers.placements.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            required
            autosize
            minRows={2}
          />
        )}
        <ErrorAlert message={problem} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
