import { Alert, Loader, Stack, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../../api'
import { FormActions, differsFrom, valuesJson } from '../../../common/components/form-actions'
import { errorMessage } from '../../../common/forms'
import { useToday } from '../../../common/hooks/use-shop-day'
import { navigate } from '../../../router'
import { useSession } from '../../../common/hooks/use-session'
import type { Household } from '../../../../../shared/schemas/household'
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
  const me = useSession().user.displayName
  const [household, setHousehold] = useState<Household | null>(null)
  const [loadError, setLoadError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const form = useForm<WithIntake>({
    initialValues: { intake: emptyIntakeValues(today, me) },
    validate: (values) => validateIntake(t, values.intake, today),
  })
  // What the form started with: Annuleren asks first only when something differs from it.
  const baseline = useRef(valuesJson({ intake: emptyIntakeValues(today, me) }))

  // The first render may use this computer's date; main's day replaces it while untouched.
  const shownToday = useRef(today)
  useEffect(() => {
    const previous = shownToday.current
    if (previous === today) return
    shownToday.current = today
    baseline.current = valuesJson({ intake: emptyIntakeValues(today, me) })
    if (form.getValues().intake.date === previous) form.setFieldValue('intake.date', today)
  }, [today, me, form])

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
    setProblem(null)
    try {
      await call('intakes.create', input)
      notifications.show({ color: 'teal', message: t('households.intake.saved') })
      navigate(`/households/${householdId}`)
    } catch (err) {
      form.setErrors(intakeServerErrors(t, err))
      setProblem(errorMessage(t, err))
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
          () => {
            setProblem(t('errors.validation'))
            focusFirstError()
          },
        )}
      >
        <Stack gap="md">
          <IntakeFields form={form} />
          <FormActions
            problem={problem}
            busy={busy}
            dirty={() => differsFrom(form.getValues(), baseline.current)}
            onCancel={() => navigate(`/households/${householdId}`)}
          />
        </Stack>
      </form>
    </Stack>
  )
}
