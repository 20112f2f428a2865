import { ModalsProvider } from '@mantine/modals'
import { App } from './app'

/**
 * The app behind the login, read in as one chunk once someone has logged in (see root.tsx). The
 * dialogs' provider comes with it: no screen before the login opens a dialog through it, so the
 * login screen does not load the dialog code.
 */
export function SignedInApp(): React.JSX.Element {
  return (
    <ModalsProvider>
      <App />
    </ModalsProvider>
  )
}
