import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { post, startBridge } from './bridge'

export const E2E_ADMIN = { username: 'beheerder', password: 'Winkel-beheer-sleutel-1' }
export const E2E_COORDINATOR = { username: 'coordinator', password: 'Winkel-coord-sleutel-2' }

async function must(url: string, method: string, input: unknown, token?: string) {
  const r = await post(url, method, input, token)
  if (!r.body.ok) throw new Error(`${method} failed: ${JSON.stringify(r.body.error)}`)
  return r
}

/**
 * Starts the browser bridge on a random port with a fresh data folder, sets it up through the
 * API (organisation, admin, one coordinator who has chosen a password), and hands the URL to
 * the shop tests, which log in through the login screen. The accounts test starts its own
 * bridge, because it begins at the first-run setup. Returns the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dichtbij-e2e-'))
  const bridge = await startBridge(dataDir)
  const { session: admin } = await must(bridge.url, 'setup.create', {
    organisation: { name: 'Stichting E2E' },
    admin: {
      username: E2E_ADMIN.username,
      displayName: 'Bea Beheer',
      password: E2E_ADMIN.password,
      passwordRepeat: E2E_ADMIN.password,
    },
  })
  const first = 'Eerste-keer-sleutel-3'
  await must(
    bridge.url,
    'users.create',
    {
      username: E2E_COORDINATOR.username,
      displayName: 'Cor Coördinator',
      role: 'coordinator',
      password: first,
    },
    admin ?? undefined,
  )
  const { session: coordinator } = await must(bridge.url, 'auth.login', {
    username: E2E_COORDINATOR.username,
    password: first,
  })
  await must(
    bridge.url,
    'auth.changePassword',
    {
      currentPassword: first,
      newPassword: E2E_COORDINATOR.password,
      newPasswordRepeat: E2E_COORDINATOR.password,
    },
    coordinator ?? undefined,
  )
  process.env.DICHTBIJ_E2E_URL = bridge.url
  process.env.DICHTBIJ_E2E_DATA_DIR = dataDir
  return async () => {
    await bridge.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
