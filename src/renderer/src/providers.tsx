import { ModalsProvider } from '@mantine/modals'
import { Messages } from './common/components/messages'
import { BaseProviders } from './root'

/**
 * Providers for the renderer tests, which mount screens without the login: the base ones with the
 * messages' container mounted at once, and the dialogs' provider that the app brings along in its
 * own chunk (see signed-in-app.tsx). A module of its own: importing it from root.tsx would put the
 * container and the dialogs back into the login screen's bundle.
 */
export function Providers({ children }: { children: React.ReactNode }): React.JSX.Element {
  return (
    <BaseProviders messages={<Messages />}>
      <ModalsProvider>{children}</ModalsProvider>
    </BaseProviders>
  )
}
