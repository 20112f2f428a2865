import { useCallback, useId, useState } from 'react'
import { Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call } from '../../../api'
import { ErrorAlert } from '../../../common/components/error-alert'
import { errorMessage, serverFieldErrors, zodValidate } from '../../../common/forms'
import { organisationInput } from '../../../../../shared/schemas/accounts'
import type { Organisation } from '../../../../../shared/schemas/accounts'
import { useLoad } from '../../../common/hooks/use-load'
import { OrganisationInputs } from './organisation-inputs'
import { useSessionApi } from '../../../common/hooks/use-session'

/** The organisation's profile, set at first start; the admin changes it here. */
export function OrganisationForm(): React.JSX.Element {
  const { t } = useTranslation()
  const headingId = useId()
  const loader = useCallback(() => call('organisation.get', {}), [])
  const { data, error } = useLoad(loader)
  return (
    <Card withBorder component="section" aria-labelledby={headingId} maw={900}>
      <Title order={3} id={headingId}>
        {t('settings.organisation.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('settings.organisation.help')}
      </Text>
      {data ? (
        <OrganisationFields initial={data} />
      ) : error ? (
        <ErrorAlert message={errorMessage(t, error)} />
      ) : (
        <Loader aria-label={t('common.loading')} />
      )}
    </Card>
  )
}

function OrganisationFields({ initial }: { initial: Organisation }): React.JSX.Element {
  const { t } = useTranslation()
  const { setOrganisationName } = useSessionApi()
  const [problem, setProblem] = useState<string | null>(null)
  const toValues = (o: Organisation) => ({
    name: o.name,
    address: o.address ?? '',
    postcode: o.postcode ?? '',
    city: o.city ?? '',
    logo: o.logo,
  })
  const form = useForm({
    initialValues: toValues(initial),
    validate: zodValidate(organisationInput, t),
  })

  const submit = form.onSubmit(async (values) => {
    setProblem(null)
    try {
      const saved = await call('organisation.update', values)
      form.setValues(toValues(saved))
      form.resetDirty(toValues(saved))
      setOrganisationName(saved.name)
      notifications.show({ color: 'teal', message: t('settings.organisation.saved') })
    } catch (err) {
      form.setErrors(serverFieldErrors(t, err))
      setProblem(errorMessage(t, err))
    }
  })

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <OrganisationInputs
          field={(name) => form.getInputProps(name)}
          logo={form.values.logo}
          onLogo={(logo) => form.setFieldValue('logo', logo)}
          logoError={form.errors.logo}
        />
        <ErrorAlert message={problem} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t('settings.organisation.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
