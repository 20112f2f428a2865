import { join } from 'node:path'
import { existsSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { Vault } from '../src/main/vault/vault'
import { PASSWORD_PARAMS } from '../src/main/crypto/passwords'
import { fixedClock, systemClock } from '../src/main/clock'
import { createRouter } from '../src/main/router'
import { resolveDataDir } from '../src/main/paths'
import { jsonFileComputerSettings } from '../src/main/computer-settings/json-file'
import { createWorkshop } from '../src/main/domains/workshop/workshop'
import { startWebServer } from './web-server'

// `npm run web -- --data-dir=PATH --port=N [--today=YYYY-MM-DD]`: try the app in a browser, and
// the e2e tests' way in. `--renderer-dir=PATH` serves another folder than the built renderer (the
// bridge's own tests run it without a build).
const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)

const dataDir = resolveDataDir(process.argv, process.env, join(homedir(), '.dichtbij-web'))
const rendererDir = arg('renderer-dir') ?? join(import.meta.dirname, '..', 'out', 'renderer')
if (!existsSync(join(rendererDir, 'index.html'))) {
  console.error('De renderer is nog niet gebouwd: voer eerst `npm run build` uit.')
  process.exit(1)
}
// The data folder's files are for this account only (the app does the same).
process.umask(0o077)
const today = arg('today')
const clock = today ? fixedClock(`${today}T10:00:00Z`) : systemClock
// Closed until the first login opens it with a key slot, as in the app.
const { version } = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8'),
) as { version: string }
const vault = await Vault.start({
  dataDir,
  clock,
  slotParams: PASSWORD_PARAMS,
  appVersion: version,
  // The app's electron-store file, kept as plain JSON here (electron-store needs Electron).
  settings: jsonFileComputerSettings(dataDir),
})
// The oefenomgeving beside the real data, as in the app. DICHTBIJ_WORKSHOP_HOUSEHOLDS makes its
// demo data smaller for the e2e suite (the bridge only; the app always makes the full demo).
const workshop = createWorkshop({
  real: vault,
  dataDir,
  clock,
  startVault: (dir) =>
    Vault.start({
      dataDir: dir,
      clock,
      slotParams: PASSWORD_PARAMS,
      appVersion: version,
      settings: jsonFileComputerSettings(dir),
    }),
  households: Number(process.env.DICHTBIJ_WORKSHOP_HOUSEHOLDS) || undefined,
})
const router = createRouter({ vault, clock, workshop })
const web = await startWebServer({
  router,
  rendererDir,
  port: Number(arg('port') ?? 5174),
  // As main's own rule for `setup.restore`: an upload for it is read only while it can succeed.
  restoreWithoutLoginOpen: () => vault.state === 'empty' || vault.state === 'damaged',
})
console.log(`Dichtbij (browser) draait met gegevens in ${dataDir}`)
console.log(`Open: ${web.url}`)

const stop = async (): Promise<void> => {
  await web.close()
  await workshop.close()
  await vault.close()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
