import { join } from 'node:path'
import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { openDatabase, DB_FILE_NAME } from '../src/main/db/open'
import { fixedClock, systemClock } from '../src/main/clock'
import { createRouter } from '../src/main/router'
import { backupDirOf, resolveDataDir } from '../src/main/paths'
import { startWebServer } from './web-server'

// `npm run web -- --data-dir=PATH --port=N`: try the app in a browser, and the e2e tests' way in.
const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)

const dataDir = resolveDataDir(process.argv, process.env, join(homedir(), '.dichtbij-web'))
const rendererDir = join(import.meta.dirname, '..', 'out', 'renderer')
if (!existsSync(join(rendererDir, 'index.html'))) {
  console.error('De renderer is nog niet gebouwd: voer eerst `npm run build` uit.')
  process.exit(1)
}
const today = arg('today')
const open = await openDatabase({
  file: join(dataDir, DB_FILE_NAME),
  backupDir: backupDirOf(dataDir),
})
const router = createRouter({
  db: open.db,
  clock: today ? fixedClock(`${today}T10:00:00Z`) : systemClock,
})
const web = await startWebServer({ router, rendererDir, port: Number(arg('port') ?? 5174) })
console.log(`Dichtbij (browser) draait met gegevens in ${dataDir}`)
console.log(`Open: ${web.url}`)

const stop = async (): Promise<void> => {
  await web.close()
  await open.close()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
