import { lazy, Suspense, useState } from 'react'
import { Button, Loader, PasswordInput, Stack, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { call } from '../../../api'
import { ErrorAlert } from '../../../common/components/error-alert'
import { errorMessage, serverFieldErrors, zodValidate } from '../../../common/forms'
import { AppError } from '../../../../../shared/errors'
import type { SessionInfo } from '../../../../../shared/schemas/accounts'
import { useCountdown, waitSecondsOf } from './use-countdown'
import { loadPart } from '../../../common/load-part'

// The restore offered when the database is damaged is rare: it is read in only when needed,
// so the login screen does not carry the backup screens.
/**
 * The login's schema, the one main checks, read in at the first submit: it brings zod and the
 * shared schemas, which the app needs once logged in but the login screen's first paint does not.
 */
const loginSchema = () => import('../../../../../shared/schemas/accounts').then((m) => m.loginInput)

const DamagedPanel = lazy(() =>
  loadPart(() => import('../../backup')).then((m) => ({ default: m.DamagedPanel })),
)

interface Values {
  username: string
  password: string
}

interface Props {
  onLoggedIn: (session: SessionInfo) => void
  /** Focus the name field on first show (the login screen; not inside the lock screen). */
  autoFocus?: boolean
  /** A backup was restored from the damaged-database panel: everyone logs in afresh. */
  onRestored?: () => void
  /** Called as the form is submitted, before main has answered. */
  onAttempt?: () => void
}

/**
 * Username and password. A wrong one gets main's one answer for both; after too many, main's
 * wait is shown as a live countdown and the button waits with it.
 */
export function LoginForm({
  onLoggedIn,
  autoFocus = true,
  onRestored,
  onAttempt,
}: Props): React.JSX.Element {
  const { t } = useTranslation()
  const [problem, setProblem] = useState<string | null>(null)
  const [waitLeft, startWait] = useCountdown()
  // Main's wait is for one account: another name typed in may try at once.
  const [waitFor, setWaitFor] = useState<string | null>(null)
  // The database failed its check: the name typed is filled in to restore the newest good
  // backup; the password is not kept, it is typed again there.
  const [damaged, setDamaged] = useState<string | null>(null)
  // Two fields kept in plain state rather than @mantine/form: the login screen is the first
  // thing loaded, and the form library is the app's to bring (the other forms all use it).
  const [values, setValues] = useState<Values>({ username: '', password: '' })
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({})
  const [submitting, setSubmitting] = useState(false)

  /** A field's value, its error, and typing in it clears that error (as in the other forms). */
  const field = (name: keyof Values) => ({
    value: values[name],
    error: errors[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement>): void => {
      const value = e.currentTarget.value
      setValues((v) => ({ ...v, [name]: value }))
      setErrors(({ [name]: _cleared, ...rest }) => rest)
    },
  })

  const login = async (): Promise<void> => {
    setProblem(null)
    const invalid = zodValidate(await loginSchema(), t)(values)
    setErrors(invalid)
    if (Object.keys(invalid).length > 0) return
    try {
      onLoggedIn(await call('auth.login', values))
    } catch (err) {
      setValues((v) => ({ ...v, password: '' }))
      if (err instanceof AppError && err.code === 'CONFLICT' && err.key === 'databaseDamaged') {
        setDamaged(values.username.trim())
        return
      }
      setErrors(serverFieldErrors(t, err))
      const seconds = waitSecondsOf(err)
      startWait(seconds)
      setWaitFor(seconds > 0 ? values.username.trim().toLowerCase() : null)
      setProblem(seconds > 0 ? null : errorMessage(t, err))
    }
  }

  const submit = (e: React.FormEvent<HTMLFormElement>): void => {
    e.preventDefault()
    if (submitting) return
    setSubmitting(true)
    onAttempt?.()
    void login().finally(() => setSubmitting(false))
  }

  const wait = waitFor === values.username.trim().toLowerCase() ? waitLeft : 0
  if (damaged !== null)
    return (
      <Suspense fallback={<Loader size="sm" aria-label={t('common.loading')} />}>
        <DamagedPanel
          username={damaged}
          onBack={() => setDamaged(null)}
          onRestored={() => {
            setDamaged(null)
            onRestored?.()
          }}
        />
      </Suspense>
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
          {...field('username')}
        />
        <PasswordInput
          label={t('auth.fields.password')}
          autoComplete="current-password"
          required
          withAsterisk={false}
          {...field('password')}
        />
        <ErrorAlert message={wait > 0 ? t('errors.loginWait', { seconds: wait }) : problem} />
        <Button type="submit" loading={submitting} disabled={wait > 0}>
          {t('auth.login.submit')}
        </Button>
      </Stack>
    </form>
  )
}
