import { Providers } from '../../src/renderer/src/providers'
// The parts `Root` reads in only when needed (common/load-part.ts), loaded with the test file:
// the installed app reads them from disk in milliseconds, while transforming them at first use
// took longer than a screen's 5 s wait on a busy test machine.
import '../../src/renderer/src/signed-in-app'
import '../../src/renderer/src/i18n'
import '../../src/renderer/src/common/all-styles'
import '../../src/renderer/src/common/components/messages'
import '../../src/renderer/src/features/accounts/auth/setup-page'
import '../../src/renderer/src/features/accounts/auth/lock-screen'
import '../../src/renderer/src/features/accounts/auth/change-password'
import '../../src/renderer/src/features/backup'
import { SessionContext, type SessionApi } from '../../src/renderer/src/common/hooks/use-session'
import type { Role, SessionInfo } from '../../src/shared/schemas/accounts'

const USERS: Record<Role, SessionInfo['user']> = {
  admin: { id: 1, username: 'beheer', displayName: 'Anneke Beheer', role: 'admin' },
  coordinator: {
    id: 2,
    username: 'coordinator',
    displayName: 'Carla Coördinator',
    role: 'coordinator',
  },
  volunteer: {
    id: 3,
    username: 'vrijwilliger',
    displayName: 'Vera Vrijwilliger',
    role: 'volunteer',
  },
}

/** What `auth.session` answers for someone of this role at an unlocked screen. */
export function sessionOf(role: Role, patch: Partial<SessionInfo> = {}): SessionInfo {
  return {
    user: USERS[role],
    locked: false,
    mustChangePassword: false,
    lockMinutes: 10,
    recoveryKeyMissing: false,
    ...patch,
  }
}

/**
 * The app's providers plus a session, for rendering one page on its own (without the auth gate):
 * an admin unless another role is asked for.
 */
export function TestProviders({
  children,
  role = 'admin',
}: {
  children: React.ReactNode
  role?: Role
}): React.JSX.Element {
  const api: SessionApi = {
    session: sessionOf(role),
    organisationName: 'Kledingbank Test',
    lock: () => undefined,
    logout: () => undefined,
    update: () => undefined,
    setOrganisationName: () => undefined,
    restored: () => undefined,
  }
  return (
    <Providers>
      <SessionContext.Provider value={api}>{children}</SessionContext.Provider>
    </Providers>
  )
}
