import { useState } from 'react'
import { Anchor, Button, Group, Paper, PasswordInput, Stack, Text } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconLock } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../../api'
import { ErrorAlert } from '../../../common/components/error-alert'
import { errorMessage, zodValidate } from '../../../common/forms'
import { AppError } from '../../../../../shared/errors'
import { unlockInput } from '../../../../../shared/schemas/accounts'
import type { SessionInfo } from '../../../../../shared/schemas/accounts'
import { AuthScreen } from './auth-screen'
import { LoginForm } from './login-form'
import { useCountdown, waitSecondsOf } from './use-countdown'

interface Props {
  session: SessionInfo
  organisationName: string | null
  onUnlocked: (session: SessionInfo) => void
  /** Someone else logged in here; main ended the locked user's session. */
  onLoggedIn: (session: SessionInfo) => void
}

/**
 * Shown instead of the whole app while the session is locked: the app (its routes, menu and
 * data) is not mounted, so nothing of it is in the page. Only the same user's password unlocks;
 * someone else may log in instead, which ends the locked session.
 */
export function LockScreen({
  session,
  organisationName,
  onUnlocked,
  onLoggedIn,
}: Props): React.JSX.Element {
  const { t } = useTranslation()
  const [other, setOther] = useState(false)
  const name = session.user.displayName

  return (
    <AuthScreen title={t('auth.lock.title')} organisationName={organisationName}>
      <Stack gap="md">
        <Paper bg="gray.1" p="sm" radius="md">
          <Group gap="sm" wrap="nowrap">
            <IconLock size={22} aria-hidden />
            <Text fw={600} data-testid="locked-user">
              {t('auth.lock.user', { name })}
            </Text>
          </Group>
        </Paper>
        {other ? (
          <>
            <Text size="sm">{t('auth.lock.someoneElseNote', { name })}</Text>
            <LoginForm onLoggedIn={onLoggedIn} />
            <Anchor component="button" type="button" size="sm" onClick={() => setOther(false)}>
              {t('auth.lock.back')}
            </Anchor>
          </>
        ) : (
          <>
            <UnlockForm onUnlocked={onUnlocked} />
            <Anchor component="button" type="button" size="sm" onClick={() => setOther(true)}>
              {t('auth.lock.someoneElse')}
            </Anchor>
          </>
        )}
      </Stack>
    </AuthScreen>
  )
}

function UnlockForm({
  onUnlocked,
}: {
  onUnlocked: (session: SessionInfo) => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [problem, setProblem] = useState<string | null>(null)
  const [wait, startWait] = useCountdown()
  const form = useForm({
    initialValues: { password: '' },
    validate: zodValidate(unlockInput, t),
  })

  const submit = form.onSubmit(async (values) => {
    setProblem(null)
    try {
      onUnlocked(await call('auth.unlock', values))
    } catch (err) {
      form.setFieldValue('password', '')
      const seconds = waitSecondsOf(err)
      startWait(seconds)
      if (seconds > 0) return
      setProblem(
        err instanceof AppError && err.key === 'loginFailed'
          ? t('auth.lock.wrongPassword')
          : errorMessage(t, err),
      )
    }
  })

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('auth.lock.intro')}</Text>
        <PasswordInput
          label={t('auth.fields.password')}
          autoComplete="current-password"
          required
          withAsterisk={false}
          autoFocus
          {...form.getInputProps('password')}
        />
        <ErrorAlert message={wait > 0 ? t('errors.loginWait', { seconds: wait }) : problem} />
        <Button type="submit" loading={form.submitting} disabled={wait > 0}>
          {t('auth.lock.unlock')}
        </Button>
      </Stack>
    </form>
  )
}
