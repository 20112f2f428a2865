import { Center, Loader, MantineProvider, createTheme } from '@mantine/core'
import { lazy, Suspense, useMemo, useState } from 'react'
import { useNotifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import './print.css'
import './focus.css'
import { AuthGate } from './features/accounts/auth/auth-gate'
import { loadPart } from './common/load-part'
import { readableColours } from './common/readable-colours'

// The messages' container (with its transitions) is read in with the first message: the login
// screen rarely shows one.
const LazyMessages = lazy(() =>
  loadPart(() => import('./common/components/messages')).then((m) => ({ default: m.Messages })),
)
// The app behind the login (its menu, header, dialogs and every screen) is a chunk of its own:
// the login screen loads only what it shows, and the rest arrives once someone has logged in.
const loadSignedInApp = (): Promise<typeof import('./signed-in-app')> =>
  loadPart(() => import('./signed-in-app'))
const SignedInApp = lazy(() => loadSignedInApp().then((m) => ({ default: m.SignedInApp })))

/**
 * Starts reading the app in as someone submits the login form: main's password check takes far
 * longer than reading the files, so the app is there when the answer is. A failed login has then
 * loaded it for nothing, which costs nothing the user sees.
 */
function preloadSignedInApp(): void {
  loadSignedInApp().catch(() => undefined)
}

/** The theme, with the show-password button named in the user's language for screen readers. */
const themeFor = (showPassword: string) =>
  createTheme({
    primaryColor: 'teal',
    // A ring wherever the keyboard puts the focus (not after a mouse click); see focus.css.
    focusRing: 'auto',
    defaultRadius: 'md',
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    // A closed dropdown's options would otherwise stay in the page under the field's label, so
    // a screen reader (and a test) finds two things called "Inkomensbron".
    // Plain objects, not `Select.extend(...)`: naming the components here would pull Select,
    // MultiSelect and Autocomplete (with their dropdown code) into the login screen's bundle.
    components: {
      Select: { defaultProps: { comboboxProps: { keepMounted: false } } },
      MultiSelect: { defaultProps: { comboboxProps: { keepMounted: false } } },
      Autocomplete: { defaultProps: { comboboxProps: { keepMounted: false } } },
      PasswordInput: {
        defaultProps: { visibilityToggleButtonProps: { 'aria-label': showPassword } },
      },
    },
  })

/** Mounts the messages' container once there is a message to show, and keeps it from then on. */
function MessagesWhenNeeded(): React.JSX.Element | null {
  const { notifications, queue } = useNotifications()
  const [needed, setNeeded] = useState(false)
  if (!needed && notifications.length + queue.length > 0) setNeeded(true)
  return needed ? (
    <Suspense fallback={null}>
      <LazyMessages />
    </Suspense>
  ) : null
}

/**
 * The theme and the messages: what every screen needs, the login screen included. The messages'
 * container is passed in: `Root` reads it in with the first message, the renderer tests' providers
 * (providers.tsx) mount it at once.
 */
export function BaseProviders({
  messages,
  children,
}: {
  messages: React.ReactNode
  children: React.ReactNode
}): React.JSX.Element {
  const { t } = useTranslation()
  const showPassword = t('common.showPassword')
  const theme = useMemo(() => themeFor(showPassword), [showPassword])
  return (
    <MantineProvider theme={theme} cssVariablesResolver={readableColours}>
      {messages}
      {children}
    </MantineProvider>
  )
}

/** What shows while a part of the app is read in: the same quiet spinner as at start-up. */
export function ChunkLoading(): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Center mih="100vh">
      <Loader aria-label={t('common.loading')} />
    </Center>
  )
}

export function Root(): React.JSX.Element {
  return (
    <BaseProviders messages={<MessagesWhenNeeded />}>
      <AuthGate onLoginAttempt={preloadSignedInApp}>
        <Suspense fallback={<ChunkLoading />}>
          <SignedInApp />
        </Suspense>
      </AuthGate>
    </BaseProviders>
  )
}
