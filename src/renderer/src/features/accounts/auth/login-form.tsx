import { useState } from 'react'
import { Button, PasswordInput, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { call } from '../../../api'
import { ErrorAlert } from '../../../common/components/error-alert'
import { errorMessage, serverFieldErrors, zodValidate } from '../../../common/forms'
import { AppError } from '../../../../../shared/errors'
import { loginInput } from '../../../../../shared/schemas/accounts'
import type { SessionInfo } from '../../../../../shared/schemas/accounts'
import { DamagedPanel } from '../../backup'
import { useCountdown, waitSecondsOf } from './use-countdown'

interface Props {
  onLoggedIn: (session: SessionInfo) => void
  /** Focus the name field on first show (the login screen; not inside the lock screen). */
  autoFocus?: boolean
  /** A backup was restored from the damaged-database panel: everyone logs in afresh. */
  onRestored?: () => void
}

/**
 * Username and password. A wrong one gets main's one answer for both; after too many, main's
 * wait is shown as a live countdown and the button waits with it.
 */
export function LoginForm({ onLoggedIn, autoFocus = true, onRestored }: Props): React.JSX.Element {
  const { t } = useTranslation()
  const [problem, setProblem] = useState<string | null>(null)
  const [waitLeft, startWait] = useCountdown()
  // Main's wait is for one account: another name typed in may try at once.
  const [waitFor, setWaitFor] = useState<string | null>(null)
  // The database failed its check: the name typed is filled in to restore the newest good
  // backup; the password is not kept, it is typed again there.
  const [damaged, setDamaged] = useState<string | null>(null)
  const form = useForm({
    initialValues: { username: '', password: '' },
    validate: zodValidate(loginInput, t),
  })

  const submit = form.onSubmit(async (values) => {
    setProblem(null)
    try {
      onLoggedIn(await call('auth.login', values))
    } catch (err) {
      if (err instanceof AppError && err.code === 'CONFLICT' && err.key === 'databaseDamaged') {
        setDamaged(values.username.trim())
        form.setFieldValue('password', '')
        return
      }
      form.setFieldValue('password', '')
      form.setErrors(serverFieldErrors(t, err))
      const seconds = waitSecondsOf(err)
      startWait(seconds)
      setWaitFor(seconds > 0 ? values.username.trim().toLowerCase() : null)
      setProblem(seconds > 0 ? null : errorMessage(t, err))
    }
  })

  const wait = waitFor === form.values.username.trim().toLowerCase() ? waitLeft : 0
  if (damaged !== null)
    return (
      <DamagedPanel
        username={damaged}
        onBack={() => setDamaged(null)}
        onRestored={() => {
          setDamaged(null)
          onRestored?.()
        }}
      />
    )
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('auth.fields.username')}
          autoComplete="username"
          required
          withAsterisk={false}
          autoFocus={autoFocus}
          {...form.getInputProps('username')}
        />
        <PasswordInput
          label={t('auth.fields.password')}
          autoComplete="current-password"
          required
          withAsterisk={false}
          {...form.getInputProps('password')}
        />
        <ErrorAlert message={wait > 0 ? t('errors.loginWait', { seconds: wait }) : problem} />
        <Button type="submit" loading={form.submitting} disabled={wait > 0}>
          {t('auth.login.submit')}
        </Button>
      </Stack>
    </form>
  )
}
