import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { errorMessage, showError } from '../../components/forms'
import { useToday } from '../../components/shop-day'
import { navigate } from '../../router'
import type { Household } from '../../../../shared/types'
import { focusFirstError } from './household-form'
import {
  IntakeFields,
  emptyIntakeValues,
  intakeServerErrors,
  toIntakeInput,
  validateIntake,
  type WithIntake,
} from './intake-fields'

/** A new intake conversation for a household that is already registered. */
export function IntakeNewPage({ householdId }: { householdId: number }): React.JSX.Element {
  const { t } = useTranslation()
  const today = useToday()
  const [household, setHousehold] = useState<Household | null>(null)
  const [loadError, setLoadError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  const form = useForm<WithIntake>({
    initialValues: { intake: emptyIntakeValues(today) },
    validate: (values) => validateIntake(t, values.intake, today),
  })

  // The first render may use this computer's date; main's day replaces it while untouched.
  const shownToday = useRef(today)
  useEffect(() => {
    const previous = shownToday.current
    if (previous === today) return
    shownToday.current = today
    if (form.getValues().intake.date === previous) form.setFieldValue('intake.date', today)
  }, [today, form])

  useEffect(() => {
    let live = true
    call('households.get', { id: householdId })
      .then((d) => {
        if (live) setHousehold(d.household)
      })
      .catch((err: unknown) => {
        if (live) setLoadError(err)
      })
    return () => {
      live = false
    }
  }, [householdId])

  async function submit(values: WithIntake): Promise<void> {
    const input = toIntakeInput(householdId, values.intake)
    if (!input || busy) return
    setBusy(true)
    try {
      await call('intakes.create', input)
      notifications.show({ color: 'teal', message: t('households.intake.saved') })
      navigate(`/households/${householdId}`)
    } catch (err) {
      form.setErrors(intakeServerErrors(t, err))
      showError(t, err)
      focusFirstError()
    } finally {
      setBusy(false)
    }
  }

  if (loadError) return <Alert color="red">{errorMessage(t, loadError)}</Alert>
  if (!household) return <Loader aria-label={t('common.loading')} />

  return (
    <Stack gap="md" maw={1100}>
      <div>
        <Title order={2}>{t('households.intakePage.title')}</Title>
        <Text c="dimmed">
          {t('households.intakePage.subtitle', {
            name: household.contactName,
            reference: household.reference,
          })}
        </Text>
      </div>
      <form
        noValidate
        onSubmit={form.onSubmit(
          (values) => void submit(values),
          () => focusFirstError(),
        )}
      >
        <Stack gap="md">
          <IntakeFields form={form} />
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => navigate(`/households/${householdId}`)}
              disabled={busy}
            >
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  )
}
