/**
 * Fills a data folder with a year of invented demo data for the clothing shop.
 *
 *   npm run seed:demo -- --data-dir=PATH [--seed=N] [--today=YYYY-MM-DD] [--households=N]
 *                        [--password=…] [--reset] [--scale=small|large] [--years=N]
 *
 * --scale=large makes ten years of a busy shop (8,000 households, about 780,000 audit entries,
 * ~350 MB) with bulk inserts (scripts/demo-large.ts) instead of a year through the router.
 *
 * Refuses when the database there already holds households, unless --reset is given, which
 * deletes dichtbij.sqlite (and its -wal/-shm files) first. The same seed, today and number of
 * households give the same data.
 */
import { performance } from 'node:perf_hooks'
import { dateInZone } from '../src/main/clock'
import { isRealDate } from '../src/shared/schemas/common'
import {
  DEFAULT_HOUSEHOLDS,
  SeedCallError,
  SeedRefusedError,
  formatSummary,
  seedDemo,
} from './demo-data'
import { LARGE_HOUSEHOLDS, LARGE_YEARS, formatLargeSummary, seedLarge } from './demo-large'

const USAGE = `Gebruik: npm run seed:demo -- --data-dir=MAP [opties]

  --data-dir    map waarin dichtbij.sqlite staat of komt (verplicht)
  --seed        getal voor de toevalsgenerator; dezelfde seed geeft dezelfde data (standaard 1)
  --today       de dag die in de demo "vandaag" is (standaard de echte datum van vandaag)
  --households  aantal huishoudens (standaard ${DEFAULT_HOUSEHOLDS}; bij --scale=large ${LARGE_HOUSEHOLDS})
  --scale       small (standaard): een jaar via de router; large: ${LARGE_YEARS} jaar van een drukke
                winkel (ca. 350 MB, logboek met geldige keten), in bulk geschreven
  --years       jaren geschiedenis bij --scale=large (standaard ${LARGE_YEARS})
  --password    wachtwoord van de demogebruikers beheerder, coordinator en vrijwilliger
                (minstens 10 tekens; standaard een willekeurig wachtwoord dat wordt getoond)
  --reset       wis eerst de bestaande database in die map`

interface Args {
  dataDir?: string
  seed: number
  today: string
  households?: number
  scale: 'small' | 'large'
  years: number
  password?: string
  reset: boolean
  help: boolean
}

function fail(message: string): never {
  console.error(message)
  process.exit(1)
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = {
    seed: 1,
    today: dateInZone(new Date()),
    scale: 'small',
    years: LARGE_YEARS,
    reset: false,
    help: false,
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--reset') args.reset = true
    else if (arg === '--help' || arg === '-h') args.help = true
    else {
      const m = /^--(data-dir|seed|today|households|password|scale|years)(?:=(.*))?$/.exec(arg)
      if (!m) fail(`Onbekende optie: ${arg}\n\n${USAGE}`)
      const value = m[2] ?? argv[++i]
      if (value === undefined || value === '') fail(`Optie --${m[1]} heeft een waarde nodig.`)
      if (m[1] === 'data-dir') args.dataDir = value
      else if (m[1] === 'password') args.password = value
      else if (m[1] === 'scale') {
        if (value !== 'small' && value !== 'large')
          fail(`--scale moet small of large zijn, niet "${value}".`)
        args.scale = value
      } else if (m[1] === 'today') {
        if (!isRealDate(value)) fail(`--today moet een datum zijn als 2026-06-15, niet "${value}".`)
        args.today = value
      } else {
        const n = Number(value)
        if (!Number.isInteger(n) || n < (m[1] === 'seed' ? 0 : 1) || n > 2 ** 32 - 1)
          fail(`--${m[1]} moet een geheel getal zijn, niet "${value}".`)
        if (m[1] === 'seed') args.seed = n
        else if (m[1] === 'years') args.years = n
        else args.households = n
      }
    }
  }
  return args
}

const args = parseArgs(process.argv.slice(2))
if (args.help) {
  console.log(USAGE)
  process.exit(0)
}
if (!args.dataDir)
  fail(`Geef met --data-dir aan in welke map de demodatabase moet komen.\n\n${USAGE}`)

// The data folder's files are for this account only, as the app makes them.
if (process.platform !== 'win32') process.umask(0o077)
try {
  if (args.scale === 'large') {
    const begun = performance.now()
    const summary = await seedLarge({
      dataDir: args.dataDir,
      seed: args.seed,
      today: args.today,
      households: args.households ?? LARGE_HOUSEHOLDS,
      years: args.years,
      reset: args.reset,
      password: args.password,
      onProgress: (message) =>
        console.log(`${((performance.now() - begun) / 1000).toFixed(1).padStart(6)} s  ${message}`),
    })
    console.log(formatLargeSummary(summary))
    process.exit(0)
  }
  const summary = await seedDemo({
    dataDir: args.dataDir,
    seed: args.seed,
    today: args.today,
    households: args.households ?? DEFAULT_HOUSEHOLDS,
    reset: args.reset,
    password: args.password,
    onProgress: (message) => console.log(message),
  })
  console.log(formatSummary(summary))
} catch (err) {
  if (err instanceof SeedRefusedError) fail(err.message)
  if (err instanceof SeedCallError) fail(`Demodata maken is mislukt.\n${err.message}`)
  console.error('Demodata maken is mislukt:', err)
  process.exit(1)
}
