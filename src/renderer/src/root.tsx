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
import { AuthGate } from './features/auth/auth-gate'

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
          {/* Bottom right: at the top they would cover the header with the lock button and menu. */}
          <Notifications position="bottom-right" />
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
