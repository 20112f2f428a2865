import { Alert, Loader, Stack, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../../api'
import { FormActions, differsFrom, valuesJson } from '../../../common/components/form-actions'
import { errorMessage, serverFieldErrors, showWarnings } from '../../../common/forms'
import { useToday } from '../../../common/hooks/use-shop-day'
import { navigate } from '../../../router'
import type { Household } from '../../../../../shared/schemas/household'
import {
  HouseholdFormFields,
  focusFirstError,
  householdToFormValues,
  toHouseholdFields,
  validateHousehold,
  type HouseholdFormValues,
} from './household-form'

/** Edit a household's details, members (kept by id), status and notes. */
export function HouseholdEditPage({ id }: { id: number }): React.JSX.Element {
  const { t } = useTranslation()
  const [loaded, setLoaded] = useState<{ id: number; household: Household } | null>(null)
  const [loadError, setLoadError] = useState<unknown>(null)

  useEffect(() => {
    let live = true
    call('households.get', { id })
      .then((detail) => {
        if (live) setLoaded({ id, household: detail.household })
      })
      .catch((err: unknown) => {
        if (live) setLoadError(err)
      })
    return () => {
      live = false
    }
  }, [id])

  if (loadError) return <Alert color="red">{errorMessage(t, loadError)}</Alert>
  if (!loaded || loaded.id !== id) return <Loader aria-label={t('common.loading')} />
  return <EditForm key={id} household={loaded.household} />
}

function EditForm({ household }: { household: Household }): React.JSX.Element {
  const { t } = useTranslation()
  const today = useToday()
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const id = household.id
  const form = useForm<HouseholdFormValues>({
    initialValues: householdToFormValues(household),
    validate: (values) => validateHousehold(t, values, today),
  })
  const baseline = useRef(valuesJson(form.getInitialValues()))

  async function submit(values: HouseholdFormValues): Promise<void> {
    const fields = toHouseholdFields(values)
    if (!fields || busy) return
    setBusy(true)
    setProblem(null)
    try {
      await call('households.update', {
        id,
        ...fields,
        // Members keep their ids so main updates them instead of replacing them.
        members: fields.members.map((m, i) => ({ ...m, id: values.members[i]?.id })),
      })
      notifications.show({ color: 'teal', message: t('households.edit.saved') })
      if (values.status === 'inactive' && household.status !== 'inactive')
        showWarnings(t, [{ key: 'householdInactive' }])
      navigate(`/households/${id}`)
    } catch (err) {
      form.setErrors(serverFieldErrors(t, err))
      setProblem(errorMessage(t, err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Stack gap="md" maw={1100}>
      <div>
        <Title order={2}>{t('households.edit.title')}</Title>
        <Text c="dimmed">
          {household.contactName} · {household.reference}
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
          <HouseholdFormFields form={form} mode="edit" />
          <FormActions
            problem={problem}
            busy={busy}
            dirty={() => differsFrom(form.getValues(), baseline.current)}
            onCancel={() => navigate(`/households/${id}`)}
          />
        </Stack>
      </form>
    </Stack>
  )
}
