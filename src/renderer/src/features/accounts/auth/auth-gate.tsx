import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core'
import { useHotkeys } from '@mantine/hooks'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call, onAuthProblem } from '../../../api'
import { navigate } from '../../../router'
import type { SessionInfo } from '../../../../../shared/schemas/accounts'
import { AuthScreen } from './auth-screen'
import { LoginForm } from './login-form'
import {
  SessionContext,
  type LockReason,
  type SessionApi,
} from '../../../common/hooks/session-context'
import { useSessionWatch } from './session-watch'
import { loadPart } from '../../../common/load-part'
import type { WorkshopStatus } from '../../../../../shared/schemas/workshop'
import {
  DemoLogins,
  PreparingScreen,
  SwitchModal,
  WorkshopBand,
  WorkshopContext,
  isDemo,
  useWorkshop,
  type WorkshopApi,
} from '../../workshop'

// First-run setup (with the organisation's details, its logo and a restore from a backup) is
// shown once per installation: it is read in only then, not with every login screen.
const SetupPage = lazy(() =>
  loadPart(() => import('./setup-page')).then((m) => ({ default: m.SetupPage })),
)
// The lock screen shows only after a login, when the app's chunk (and the unlock form's schema)
// is there: it is read in with the first lock, not with the login screen.
const LockScreen = lazy(() =>
  loadPart(() => import('./lock-screen')).then((m) => ({ default: m.LockScreen })),
)
// The forced password change shares its module with the app's password dialog: it comes with
// that, not with the login screen.
const ForcedPasswordScreen = lazy(() =>
  loadPart(() => import('./change-password')).then((m) => ({
    default: m.ForcedPasswordScreen,
  })),
)

type State =
  | { kind: 'loading' }
  | { kind: 'unreachable' }
  /** `canRestore`: nothing is set up here yet, so a backup may be restored instead. */
  | { kind: 'setup'; canRestore: boolean }
  /**
   * `notice`: why the login screen is shown (an ended session), as an i18n key under errors;
   * `done`: good news to show there (a restored backup), as a full i18n key.
   */
  | { kind: 'login'; notice?: string; done?: string }
  | { kind: 'in'; session: SessionInfo }

function sameSession(a: SessionInfo, b: SessionInfo): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** Whether the app is set up, and if so who is logged in at this screen. */
async function askMain(): Promise<{
  organisationName: string | null
  session: SessionInfo | null | 'setup'
  canRestore: boolean
}> {
  const status = await call('setup.status', {})
  const canRestore = status.canRestore ?? false
  if (status.needsSetup)
    return { organisationName: status.organisationName, session: 'setup', canRestore }
  const session = await call('auth.session', { activity: false })
  return { organisationName: status.organisationName, session, canRestore }
}

const IDLE_WARNING = 'idle-warning'

/** Whatever was open on top of the app (a dialog, a message) goes with it when it is hidden. */
function clearOverlays(): void {
  modals.closeAll()
  notifications.clean()
}

/**
 * Which data is open (the real data or the oefenomgeving), asked before anything else: while the
 * demo data is being made its progress shows instead of any login. A switch (open, reset, back)
 * starts the session gate over, so nothing of the data before it stays in the page.
 */
export function AuthGate(props: {
  children: React.ReactNode
  onLoginAttempt?: () => void
}): React.JSX.Element {
  const [status, setStatus] = useState<WorkshopStatus | null>(null)
  const [generation, setGeneration] = useState(0)
  const [asked, setAsked] = useState(false)
  const ask = useCallback(() => {
    call('workshop.status', {}).then(
      (s) => {
        setStatus(s)
        setAsked(true)
      },
      // Main not reachable: the session gate says so itself.
      () => setAsked(true),
    )
  }, [])
  useEffect(ask, [ask])
  const switched = useCallback(() => {
    navigate('/')
    setAsked(false)
    setGeneration((g) => g + 1)
    ask()
  }, [ask])
  const api = useMemo<WorkshopApi>(() => ({ status, switched }), [status, switched])
  const ready = useCallback(() => {
    setGeneration((g) => g + 1)
    ask()
  }, [ask])
  if (!asked)
    return (
      <Center mih="100vh">
        <Loader />
      </Center>
    )
  if (status?.preparing)
    return (
      <WorkshopContext.Provider value={api}>
        <WorkshopBand />
        <PreparingScreen status={status} onProgress={setStatus} onReady={ready} />
      </WorkshopContext.Provider>
    )
  return (
    <WorkshopContext.Provider value={api}>
      <SessionGate key={generation} {...props} />
    </WorkshopContext.Provider>
  )
}

/** The oefenomgeving on the login screen: its logins and the way back, or the way in. */
function WorkshopLoginPart(): React.JSX.Element {
  const { t } = useTranslation()
  const { status, switched } = useWorkshop()
  const [switching, setSwitching] = useState(false)
  const demo = isDemo(status)
  return (
    <>
      {demo && status ? <DemoLogins status={status} /> : null}
      {status?.failed ? (
        <Alert color="red" variant="light">
          <Text size="sm">{t('workshop.failed')}</Text>
        </Alert>
      ) : null}
      <Button
        variant={demo ? 'light' : 'subtle'}
        color={demo ? 'teal' : 'gray'}
        size="xs"
        onClick={() => setSwitching(true)}
      >
        {t(demo ? 'workshop.leave' : 'workshop.open')}
      </Button>
      <SwitchModal
        opened={switching}
        mode={demo ? 'leave' : 'open'}
        onClose={() => setSwitching(false)}
        onSwitched={() => {
          setSwitching(false)
          switched()
        }}
      />
    </>
  )
}

/**
 * Decides what is on screen: first-run setup, login, the lock screen, a forced password change,
 * or the app (`children`). Only in the last case is the app mounted at all, so while locked or
 * logged out none of its data is in the page.
 */
function SessionGate({
  children,
  onLoginAttempt,
}: {
  children: React.ReactNode
  /** Someone submits the login form: the app can be read in while main checks the password. */
  onLoginAttempt?: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [state, setState] = useState<State>({ kind: 'loading' })
  const [organisationName, setOrganisationName] = useState<string | null>(null)
  // Bumped by every change the user makes (lock, unlock, log in or out): an answer to a check
  // that was asked before it is stale and must not undo it (a poll must not unlock the screen).
  const epoch = useRef(0)
  const lastUserId = useRef<number | null>(null)
  const warningShown = useRef(false)

  const apply = useCallback((session: SessionInfo | null, notice?: string) => {
    if (!session) {
      setState((s) => (s.kind === 'login' ? s : { kind: 'login', notice }))
      return
    }
    // Someone else at the screen starts from "Vandaag", not from the last person's page.
    if (lastUserId.current !== null && lastUserId.current !== session.user.id) navigate('/')
    lastUserId.current = session.user.id
    setState((s) =>
      s.kind === 'in' && sameSession(s.session, session) ? s : { kind: 'in', session },
    )
  }, [])

  /** Asks main whether the app is set up and who is logged in here (the state starts as loading). */
  const start = useCallback(() => {
    const mine = ++epoch.current
    askMain().then(
      ({ organisationName: name, session, canRestore }) => {
        if (epoch.current !== mine) return
        setOrganisationName(name)
        if (session === 'setup') setState({ kind: 'setup', canRestore })
        else apply(session)
      },
      () => setState({ kind: 'unreachable' }),
    )
  }, [apply])

  useEffect(start, [start])

  const check = useCallback(
    (activity: boolean) => {
      const mine = epoch.current
      call('auth.session', { activity }).then(
        (session) => {
          if (epoch.current === mine) apply(session, session ? undefined : 'notLoggedIn')
        },
        () => undefined,
      )
    },
    [apply],
  )

  // Any call main refuses because the screen is locked or nobody is logged in switches at once.
  useEffect(
    () =>
      onAuthProblem((error) => {
        // A refusal for the role or a pending password change: ask main who this is now, so
        // a changed role or a reset password shows at once instead of at the next page.
        if (error.key === 'forbidden' || error.key === 'mustChangePassword') return check(false)
        epoch.current++
        if (error.code === 'LOCKED')
          setState((s) =>
            s.kind !== 'in' || s.session.locked
              ? s
              : { kind: 'in', session: { ...s.session, locked: true } },
          )
        else apply(null, 'notLoggedIn')
      }),
    [apply, check],
  )

  const lock = useCallback(
    (reason: LockReason) => {
      const mine = ++epoch.current
      // Hidden at once; main is told, and its answer is taken if nothing happened since.
      setState((s) =>
        s.kind !== 'in' || s.session.locked
          ? s
          : { kind: 'in', session: { ...s.session, locked: true } },
      )
      call('auth.lock', { reason }).then(
        (session) => {
          if (epoch.current === mine) apply(session)
        },
        // Refused: the session is gone (the listener shows the login) or main is unreachable;
        // either way the screen stays locked.
        () => undefined,
      )
    },
    [apply],
  )

  const logout = useCallback(() => {
    epoch.current++
    lastUserId.current = null
    navigate('/')
    apply(null)
    call('auth.logout', {}).catch(() => undefined)
  }, [apply])

  /**
   * A backup was restored (by an admin, or before anyone could log in): main ended every
   * session and the accounts may differ, so everyone logs in again, told why.
   */
  const restored = useCallback(() => {
    epoch.current++
    lastUserId.current = null
    navigate('/')
    setState({ kind: 'login', done: 'backup.restore.doneNotice' })
    // The restored data may carry another organisation name.
    call('setup.status', {}).then(
      (status) => setOrganisationName(status.organisationName),
      () => undefined,
    )
  }, [])

  /** A session the user's own action produced (login, unlock, password change). */
  const take = useCallback(
    (session: SessionInfo) => {
      epoch.current++
      apply(session)
    },
    [apply],
  )

  const session = state.kind === 'in' ? state.session : null
  const appShown = !!session && !session.locked && !session.mustChangePassword
  useEffect(() => {
    if (!appShown) clearOverlays()
  }, [appShown])
  useSessionWatch({
    polling: !!session,
    watching: appShown,
    lockMinutes: session?.lockMinutes ?? 10,
    onIdle: () => lock('idle'),
    onWarn: (seconds) => {
      if (seconds === null) notifications.hide(IDLE_WARNING)
      else if (seconds > 0) {
        const message = t('auth.lock.soon', { seconds })
        // Shown once and then updated, so the count does not stack up messages.
        if (!warningShown.current)
          notifications.show({ id: IDLE_WARNING, message, color: 'yellow', autoClose: false })
        else notifications.update({ id: IDLE_WARNING, message, color: 'yellow', autoClose: false })
      }
      warningShown.current = seconds !== null && seconds > 0
    },
    check,
  })

  const sessionApi = useMemo<SessionApi | null>(
    () =>
      session
        ? {
            session,
            organisationName,
            lock,
            logout,
            update: take,
            setOrganisationName,
            restored,
          }
        : null,
    [session, organisationName, lock, logout, take, restored],
  )

  const loading = (
    <Center mih="100vh">
      <Loader aria-label={t('auth.loading')} />
    </Center>
  )
  const band = <WorkshopBand />
  switch (state.kind) {
    case 'loading':
      return loading
    case 'unreachable':
      return (
        <AuthScreen title={t('app.name')} band={band}>
          <Stack>
            <Alert color="red" variant="light" role="alert">
              {t('auth.unreachable')}
            </Alert>
            <Button
              onClick={() => {
                setState({ kind: 'loading' })
                start()
              }}
            >
              {t('auth.retry')}
            </Button>
          </Stack>
        </AuthScreen>
      )
    case 'setup':
      return (
        <Suspense fallback={loading}>
          <SetupPage
            canRestore={state.canRestore}
            onDone={(s, name) => {
              setOrganisationName(name)
              take(s)
            }}
            onAlreadySetUp={() => apply(null, 'setupDone')}
            onRestored={restored}
          />
        </Suspense>
      )
    case 'login':
      return (
        <AuthScreen title={t('auth.login.title')} organisationName={organisationName} band={band}>
          <Stack gap="md">
            {state.done ? (
              <Alert color="teal" variant="light" role="status">
                <Text size="sm">{t(state.done)}</Text>
              </Alert>
            ) : state.notice ? (
              <Alert color="orange" variant="light">
                <Text size="sm">{t(`errors.${state.notice}`)}</Text>
              </Alert>
            ) : null}
            <LoginForm onLoggedIn={take} onRestored={restored} onAttempt={onLoginAttempt} />
            <WorkshopLoginPart />
          </Stack>
        </AuthScreen>
      )
  }

  if (state.session.locked)
    return (
      <Suspense fallback={loading}>
        {band}
        <LockScreen
          session={state.session}
          organisationName={organisationName}
          onUnlocked={take}
          onLoggedIn={take}
        />
      </Suspense>
    )
  if (state.session.mustChangePassword)
    return (
      <Suspense fallback={loading}>
        {band}
        <ForcedPasswordScreen
          session={state.session}
          organisationName={organisationName}
          onChanged={take}
          onLogout={logout}
        />
      </Suspense>
    )
  return (
    <SessionContext.Provider value={sessionApi}>
      <LockShortcut lock={lock} />
      {children}
    </SessionContext.Provider>
  )
}

/** Ctrl+Shift+L (Cmd on a Mac) locks, also while typing in a field. */
function LockShortcut({ lock }: { lock: (reason: LockReason) => void }): null {
  useHotkeys([['mod+shift+L', () => lock('shortcut')]], [])
  return null
}
