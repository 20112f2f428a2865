import 'dayjs/locale/nl'
import 'dayjs/locale/en'
import {
  Autocomplete,
  MantineProvider,
  MultiSelect,
  PasswordInput,
  Select,
  createTheme,
} from '@mantine/core'
import { useMemo } from 'react'
import { DatesProvider } from '@mantine/dates'
import { ModalsProvider } from '@mantine/modals'
import { Notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { App } from './app'
import './print.css'
import { AuthGate } from './features/accounts/auth/auth-gate'

/** The theme, with the show-password button named in the user's language for screen readers. */
const themeFor = (showPassword: string) =>
  createTheme({
    primaryColor: 'teal',
    defaultRadius: 'md',
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    // A closed dropdown's options would otherwise stay in the page under the field's label, so
    // a screen reader (and a test) finds two things called "Inkomensbron".
    components: {
      Select: Select.extend({ defaultProps: { comboboxProps: { keepMounted: false } } }),
      MultiSelect: MultiSelect.extend({ defaultProps: { comboboxProps: { keepMounted: false } } }),
      Autocomplete: Autocomplete.extend({
        defaultProps: { comboboxProps: { keepMounted: false } },
      }),
      PasswordInput: PasswordInput.extend({
        defaultProps: { visibilityToggleButtonProps: { 'aria-label': showPassword } },
      }),
    },
  })

/** How long a message stays before it closes by itself. */
export const NOTIFICATION_MS = 5000

/** Providers shared by the app and the renderer tests. */
export function Providers({ children }: { children: React.ReactNode }): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const showPassword = t('common.showPassword')
  const theme = useMemo(() => themeFor(showPassword), [showPassword])
  return (
    <MantineProvider theme={theme}>
      {/* Dutch weeks start on Monday. */}
      <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
        <ModalsProvider>
          {/*
            Messages are short-lived news, never where the user acts: at the bottom right they sat
            over a form's Opslaan and Annuleren, and a pointer resting there paused every one of
            them for as long as it rested. At the top they would cover the lock button and menu
            (right) or a dialog's title (centre, where dialogs open). The bottom left is below
            the side menu, clear of forms' buttons (right-aligned) and dialogs. Each closes by
            itself, a pointer pauses only the one under it, and no more than three show at once.
            Errors about input are shown in the form itself.
          */}
          <Notifications
            position="bottom-left"
            autoClose={NOTIFICATION_MS}
            pauseResetOnHover="notification"
            limit={3}
            containerWidth={420}
          />
          {children}
        </ModalsProvider>
      </DatesProvider>
    </MantineProvider>
  )
}

export function Root(): React.JSX.Element {
  return (
    <Providers>
      <AuthGate>
        <App />
      </AuthGate>
    </Providers>
  )
}
