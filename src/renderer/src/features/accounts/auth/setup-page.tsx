import { useState } from 'react'
import {
  Alert,
  Button,
  Divider,
  Group,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconKey, IconRestore } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../../api'
import { ErrorAlert } from '../../../common/components/error-alert'
import { errorMessage, serverFieldErrors, zodValidate } from '../../../common/forms'
import { AppError } from '../../../../../shared/errors'
import { setupCreateInput } from '../../../../../shared/schemas/accounts'
import type { SessionInfo } from '../../../../../shared/schemas/accounts'
import { RestoreFlow } from '../../backup'
import { AuthScreen } from './auth-screen'
import { OrganisationInputs } from '../organisation/organisation-inputs'

/** Label, box, then hint and error: boxes side by side line up whatever their hints say. */
const BELOW: ('label' | 'input' | 'description' | 'error')[] = [
  'label',
  'input',
  'description',
  'error',
]

interface Values {
  organisation: {
    name: string
    address: string
    postcode: string
    city: string
    logo: string | null
  }
  admin: { username: string; displayName: string; password: string; passwordRepeat: string }
}

interface Props {
  onDone: (session: SessionInfo, organisationName: string) => void
  /** Someone set the app up meanwhile (another window): go and log in. */
  onAlreadySetUp: () => void
  /** Nothing is set up here yet: a backup from another computer may be restored instead. */
  canRestore?: boolean
  /** A backup was restored: its accounts log in. */
  onRestored?: () => void
}

/**
 * First start: the organisation's profile and the first admin. There is no default password;
 * the admin is logged in once this is saved.
 */
export function SetupPage({
  onDone,
  onAlreadySetUp,
  canRestore = false,
  onRestored,
}: Props): React.JSX.Element {
  const { t } = useTranslation()
  const [problem, setProblem] = useState<string | null>(null)
  const [restoring, setRestoring] = useState(false)
  const schemaErrors = zodValidate(setupCreateInput, t)
  const form = useForm<Values>({
    initialValues: {
      organisation: { name: '', address: '', postcode: '', city: '', logo: null },
      admin: { username: '', displayName: '', password: '', passwordRepeat: '' },
    },
    validate: (v) => {
      const errors = schemaErrors(v)
      // The schema compares the two only once everything else is right; say it at once.
      if (v.admin.passwordRepeat && v.admin.password !== v.admin.passwordRepeat)
        errors['admin.passwordRepeat'] ??= t('validation.passwordRepeat')
      return errors
    },
  })

  const submit = form.onSubmit(async (values) => {
    setProblem(null)
    try {
      const session = await call('setup.create', values)
      onDone(session, values.organisation.name.trim())
    } catch (err) {
      if (err instanceof AppError && err.key === 'setupDone') {
        onAlreadySetUp()
        return
      }
      const fields = serverFieldErrors(t, err)
      form.setErrors(fields)
      setProblem(errorMessage(t, err))
    }
  })

  if (restoring)
    return (
      <AuthScreen title={t('backup.restore.title')} width={720}>
        <Stack gap="md">
          <Text>{t('backup.setupRestore.optionHelp')}</Text>
          <RestoreFlow
            method="setup.restore"
            initialSecret={{ method: 'recoveryKey' }}
            onCancel={() => setRestoring(false)}
            onRestored={() => onRestored?.()}
          />
        </Stack>
      </AuthScreen>
    )

  return (
    <AuthScreen title={t('auth.setup.title')} width={720}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text>{t('auth.setup.intro')}</Text>
          {canRestore ? (
            <Alert color="gray" variant="light" icon={<IconRestore size={18} aria-hidden />}>
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t('backup.setupRestore.optionHelp')}</Text>
                <Button variant="default" onClick={() => setRestoring(true)}>
                  {t('backup.setupRestore.option')}
                </Button>
              </Stack>
            </Alert>
          ) : null}
          <Title order={2} size="h4">
            {t('auth.setup.organisation')}
          </Title>
          <OrganisationInputs
            field={(name) => form.getInputProps(`organisation.${name}`)}
            logo={form.values.organisation.logo}
            onLogo={(logo) => form.setFieldValue('organisation.logo', logo)}
            logoError={form.errors['organisation.logo']}
            autoFocus
          />

          <Divider my="xs" />
          <Title order={2} size="h4">
            {t('auth.setup.admin')}
          </Title>
          <Alert color="teal" variant="light" icon={<IconKey size={18} aria-hidden />}>
            {t('auth.setup.noDefaults')}
          </Alert>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {/* The hints go under the boxes: hints of different lengths above them put the two
                boxes side by side at different heights. */}
            <TextInput
              label={t('auth.fields.username')}
              description={t('auth.fields.usernameHelp')}
              inputWrapperOrder={BELOW}
              autoComplete="username"
              required
              withAsterisk={false}
              maxLength={40}
              {...form.getInputProps('admin.username')}
            />
            <TextInput
              label={t('auth.fields.displayName')}
              description={t('auth.fields.displayNameHelp')}
              inputWrapperOrder={BELOW}
              required
              withAsterisk={false}
              maxLength={80}
              {...form.getInputProps('admin.displayName')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <PasswordInput
              label={t('auth.fields.password')}
              autoComplete="new-password"
              required
              withAsterisk={false}
              {...form.getInputProps('admin.password')}
            />
            <PasswordInput
              label={t('auth.fields.passwordRepeat')}
              autoComplete="new-password"
              required
              withAsterisk={false}
              {...form.getInputProps('admin.passwordRepeat')}
            />
          </SimpleGrid>
          <Text size="sm" c="dimmed" mt={-8}>
            {t('auth.fields.passwordHelp')}
          </Text>
          <ErrorAlert message={problem} />
          <Group justify="flex-end">
            <Button type="submit" loading={form.submitting}>
              {t('auth.setup.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AuthScreen>
  )
}
