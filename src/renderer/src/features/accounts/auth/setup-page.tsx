import { useState } from 'react'
import {
  Alert,
  Button,
  Divider,
  Group,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Stepper,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import {
  IconCheck,
  IconFileSpreadsheet,
  IconKey,
  IconRestore,
  IconSchool,
  IconSparkles,
} from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../../api'
import { ErrorAlert } from '../../../common/components/error-alert'
import { errorMessage, serverFieldErrors, zodValidate } from '../../../common/forms'
import { AppError } from '../../../../../shared/errors'
import { setupCreateInput } from '../../../../../shared/schemas/accounts'
import type { SessionInfo } from '../../../../../shared/schemas/accounts'
import { RecoveryKeyModal, RestoreFlow } from '../../backup'
import { SwitchModal, useWorkshop } from '../../workshop'
import { navigate } from '../../../router'
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

/** The wizard's steps: organisation and first admin (saved here), recovery key sheet, how to start. */
type Step = 0 | 1 | 2

/**
 * First start, as a wizard: the organisation's profile and logo, the first admin (there is no
 * default password; the admin is logged in once this is saved), the recovery key sheet, then a
 * choice: start empty, import from a spreadsheet, or open the oefenomgeving.
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
  const [step, setStep] = useState<Step>(0)
  // The admin made at step 1, logged in: the app opens with it at the end of the wizard.
  const [made, setMade] = useState<{ session: SessionInfo; name: string } | null>(null)
  const [recoveryOpen, setRecoveryOpen] = useState(false)
  const [recoveryDone, setRecoveryDone] = useState(false)
  const [demoAsked, setDemoAsked] = useState(false)
  const { switched } = useWorkshop()
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
      setMade({ session, name: values.organisation.name.trim() })
      // The recovery key is asked at once, as the app asks a new admin.
      setStep(1)
      setRecoveryOpen(true)
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

  // Main is asked who is logged in once more: the recovery key made in step 2 is then known to the
  // app, which would otherwise ask for one again as it opens.
  const finish = (): void => {
    if (!made) return
    call('auth.session', { activity: false }).then(
      (now) => onDone(now ?? made.session, made.name),
      () => onDone(made.session, made.name),
    )
  }

  const choice = (
    icon: React.ReactNode,
    label: string,
    help: string,
    onClick: () => void,
  ): React.JSX.Element => (
    <UnstyledButton onClick={onClick} aria-label={label}>
      <Paper withBorder p="md" radius="md">
        <Group wrap="nowrap" align="flex-start">
          {icon}
          <div>
            <Text fw={700}>{label}</Text>
            <Text size="sm" c="dimmed">
              {help}
            </Text>
          </div>
        </Group>
      </Paper>
    </UnstyledButton>
  )

  return (
    <AuthScreen title={t('auth.setup.title')} width={760}>
      <Stepper active={step} size="sm" mb="lg" allowNextStepsSelect={false}>
        <Stepper.Step label={t('workshop.wizard.steps.organisation')} />
        <Stepper.Step label={t('workshop.wizard.steps.recovery')} />
        <Stepper.Step label={t('workshop.wizard.steps.start')} />
      </Stepper>
      {step === 0 ? (
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
      ) : null}
      {step === 1 ? (
        <Stack gap="md">
          <Text>{t('workshop.wizard.recoveryText')}</Text>
          {recoveryDone ? (
            <Alert color="teal" variant="light" icon={<IconCheck size={18} aria-hidden />}>
              {t('workshop.wizard.recoveryDone')}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            {recoveryDone ? null : (
              <Button variant="default" onClick={() => setStep(2)}>
                {t('workshop.wizard.recoveryLater')}
              </Button>
            )}
            {recoveryDone ? (
              <Button onClick={() => setStep(2)}>{t('workshop.wizard.next')}</Button>
            ) : (
              <Button onClick={() => setRecoveryOpen(true)}>
                {t('workshop.wizard.recoveryMake')}
              </Button>
            )}
          </Group>
          <RecoveryKeyModal
            opened={recoveryOpen}
            result={null}
            onDone={() => {
              setRecoveryOpen(false)
              setRecoveryDone(true)
            }}
            onLater={() => {
              setRecoveryOpen(false)
              setStep(2)
            }}
          />
        </Stack>
      ) : null}
      {step === 2 ? (
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('workshop.wizard.startTitle')}
          </Title>
          {choice(
            <IconSparkles size={28} aria-hidden />,
            t('workshop.wizard.empty'),
            t('workshop.wizard.emptyHelp'),
            finish,
          )}
          {choice(
            <IconFileSpreadsheet size={28} aria-hidden />,
            t('workshop.wizard.import'),
            t('workshop.wizard.importHelp'),
            () => {
              navigate('/import')
              finish()
            },
          )}
          {choice(
            <IconSchool size={28} aria-hidden />,
            t('workshop.wizard.demo'),
            t('workshop.wizard.demoHelp'),
            () => setDemoAsked(true),
          )}
          <SwitchModal
            opened={demoAsked}
            mode="open"
            username={form.values.admin.username.trim().toLowerCase()}
            onClose={() => setDemoAsked(false)}
            onSwitched={() => {
              setDemoAsked(false)
              switched()
            }}
          />
        </Stack>
      ) : null}
    </AuthScreen>
  )
}
