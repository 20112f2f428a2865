import { useState } from 'react'
import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call } from '../../../api'
import { ErrorAlert } from '../../../common/components/error-alert'
import { errorMessage, serverFieldErrors, zodValidate } from '../../../common/forms'
import { changePasswordInput } from '../../../../../shared/schemas/accounts'
import type { SessionInfo } from '../../../../../shared/schemas/accounts'
import { AuthScreen } from './auth-screen'

interface FormProps {
  onChanged: (session: SessionInfo) => void
  /** A second button beside the submit button: "Annuleren" in the modal, "Afmelden" when forced. */
  secondary?: React.ReactNode
}

/** Current password, new one twice; main also refuses common passwords and the user's own name. */
export function ChangePasswordForm({ onChanged, secondary }: FormProps): React.JSX.Element {
  const { t } = useTranslation()
  const [problem, setProblem] = useState<string | null>(null)
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', newPasswordRepeat: '' },
    validate: zodValidate(changePasswordInput, t),
  })

  const submit = form.onSubmit(async (values) => {
    setProblem(null)
    try {
      const session = await call('auth.changePassword', values)
      notifications.show({ color: 'teal', message: t('auth.password.changed') })
      onChanged(session)
    } catch (err) {
      const fields = serverFieldErrors(t, err)
      form.setErrors(fields)
      if (!Object.keys(fields).length) setProblem(errorMessage(t, err))
    }
  })

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <PasswordInput
          label={t('auth.fields.currentPassword')}
          autoComplete="current-password"
          required
          withAsterisk={false}
          data-autofocus
          {...form.getInputProps('currentPassword')}
        />
        <PasswordInput
          label={t('auth.fields.newPassword')}
          description={t('auth.fields.passwordHelp')}
          autoComplete="new-password"
          required
          withAsterisk={false}
          {...form.getInputProps('newPassword')}
        />
        <PasswordInput
          label={t('auth.fields.newPasswordRepeat')}
          autoComplete="new-password"
          required
          withAsterisk={false}
          {...form.getInputProps('newPasswordRepeat')}
        />
        <ErrorAlert message={problem} />
        <Group justify="flex-end" gap="sm">
          {secondary}
          <Button type="submit" loading={form.submitting}>
            {t('auth.password.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

export function ChangePasswordModal({
  opened,
  onClose,
  onChanged,
}: {
  opened: boolean
  onClose: () => void
  onChanged: (session: SessionInfo) => void
}): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Modal opened={opened} onClose={onClose} title={t('auth.password.title')} size="md">
      {opened && (
        <ChangePasswordForm
          onChanged={(s) => {
            onChanged(s)
            onClose()
          }}
          secondary={
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
          }
        />
      )}
    </Modal>
  )
}

/** After an admin set the password: nothing else works until the user has chosen their own. */
export function ForcedPasswordScreen({
  session,
  organisationName,
  onChanged,
  onLogout,
}: {
  session: SessionInfo
  organisationName: string | null
  onChanged: (session: SessionInfo) => void
  onLogout: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <AuthScreen
      title={t('auth.password.forcedTitle')}
      organisationName={organisationName}
      width={480}
    >
      <Stack gap="md">
        <Text fw={600}>{session.user.displayName}</Text>
        <Text size="sm">{t('auth.password.forcedIntro')}</Text>
        <ChangePasswordForm
          onChanged={onChanged}
          secondary={
            <Button variant="default" onClick={onLogout}>
              {t('auth.header.logout')}
            </Button>
          }
        />
      </Stack>
    </AuthScreen>
  )
}
