/**
 * Rough timings of the shop's read paths on a year of demo data.
 *
 *   npm run bench
 *
 * Seeds a temporary data folder (fixed seed and today), then calls each method through the real
 * router many times and prints p50 / p95 / max in milliseconds. Figures only: nothing passes or
 * fails.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fixedClock } from '../src/main/clock'
import { Vault } from '../src/main/vault/vault'
import { PASSWORD_PARAMS } from '../src/main/crypto/passwords'
import { createRouter } from '../src/main/router'
import type { Caller } from '../src/main/domains/accounts/auth'
import type { MethodInput, MethodName, MethodOutput } from '../src/shared/api'
import { addDays, addMonths, startOfWeek } from '../src/shared/dates'
import { DEFAULT_HOUSEHOLDS, formatSummary, seedDemo } from './demo-data'

const SEED = 42
const TODAY = '2026-06-15'
/** Each case runs this many times, or as many as fit in the time budget (at least MIN_RUNS). */
const RUNS = 300
const MIN_RUNS = 20
const BUDGET_MS = 4000
const WARMUP = 5

interface Row {
  name: string
  runs: number
  p50: number
  p95: number
  max: number
  note: string
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]
}

const dir = mkdtempSync(join(tmpdir(), 'dichtbij-bench-'))
try {
  console.log(`Demodata maken in ${dir} ...`)
  const summary = await seedDemo({
    dataDir: dir,
    seed: SEED,
    today: TODAY,
    households: DEFAULT_HOUSEHOLDS,
  })
  console.log(formatSummary(summary))
  console.log()

  const clock = fixedClock(`${TODAY}T10:00:00Z`)
  const vault = await Vault.start({ dataDir: dir, clock, slotParams: PASSWORD_PARAMS })
  const router = createRouter({ vault, clock })
  const coordinator: Caller = { sessionId: null, workstation: 'bench' }
  const admin: Caller = { sessionId: null, workstation: 'bench' }
  const call = async <M extends MethodName>(
    method: M,
    input: MethodInput<M>,
    caller: Caller = coordinator,
  ): Promise<MethodOutput<M>> => {
    const result = await router.call(caller, method, input)
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`)
    return result.value as MethodOutput<M>
  }

  // The first login opens the database: unwrapping the key slot (scrypt), quick_check and the
  // daily backup's start. Timed on its own.
  const t0 = performance.now()
  await call('auth.login', { username: 'coordinator', password: summary.password })
  const firstLogin = performance.now() - t0
  await vault.settled()
  // Logging in costs one scrypt hash (N = 2^17): timed separately, a few runs only.
  const logins: number[] = []
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now()
    await call('auth.login', { username: 'coordinator', password: summary.password })
    logins.push(performance.now() - t0)
  }
  await call('auth.login', { username: 'beheerder', password: summary.password }, admin)

  // Search terms taken from the data itself, so every query finds something.
  const all = await call('households.search', { query: '', limit: 200 })
  const withPhone = all.rows.filter((r) => r.phone)
  const someone = all.rows[37]
  const surname = someone.contactName.split(' ').slice(-1)[0]
  const fragment = surname.slice(0, Math.min(4, surname.length)).toLowerCase()
  const phoneDigits = (withPhone[11].phone ?? '').replace(/\D/g, '').replace(/^31/, '0')
  const ids = all.rows.map((r) => r.id)

  const rows: Row[] = []
  async function bench<M extends MethodName>(
    name: string,
    method: M,
    inputFor: (i: number) => MethodInput<M>,
    describe: (out: MethodOutput<M>) => string = () => '',
    caller: Caller = coordinator,
  ): Promise<void> {
    for (let i = 0; i < WARMUP; i++) await call(method, inputFor(i), caller)
    const times: number[] = []
    let last: MethodOutput<M> | undefined
    const begun = performance.now()
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now()
      last = await call(method, inputFor(i), caller)
      times.push(performance.now() - t0)
      if (i + 1 >= MIN_RUNS && performance.now() - begun > BUDGET_MS) break
    }
    times.sort((a, b) => a - b)
    rows.push({
      name,
      runs: times.length,
      p50: percentile(times, 0.5),
      p95: percentile(times, 0.95),
      max: times[times.length - 1],
      note: last === undefined ? '' : describe(last),
    })
  }

  const found = (out: MethodOutput<'households.search'>): string => `${out.total} gevonden`
  await bench('households.search (leeg, 1e pagina)', 'households.search', () => ({}), found)
  await bench(
    `households.search "${fragment}" (naam)`,
    'households.search',
    () => ({ query: fragment }),
    found,
  )
  await bench(
    `households.search "${someone.postcode.slice(0, 4)}" (postcode)`,
    'households.search',
    () => ({ query: someone.postcode.slice(0, 4) }),
    found,
  )
  await bench(
    `households.search "${someone.postcode}" (postcode)`,
    'households.search',
    () => ({ query: someone.postcode }),
    found,
  )
  await bench(
    `households.search "${phoneDigits}" (telefoon)`,
    'households.search',
    () => ({ query: phoneDigits }),
    found,
  )
  await bench(
    `households.search "${phoneDigits.slice(-5)}" (deel telefoon)`,
    'households.search',
    () => ({ query: phoneDigits.slice(-5) }),
    found,
  )
  await bench(
    `households.search "${someone.reference}" (referentie)`,
    'households.search',
    () => ({ query: someone.reference }),
    found,
  )
  await bench(
    'households.get (wisselend id)',
    'households.get',
    (i) => ({ id: ids[i % ids.length] }),
    (out) => `${out.visits.length} bezoeken, ${out.appointments.length} afspraken`,
  )
  const weekFrom = startOfWeek(TODAY)
  await bench(
    `slots.list ${weekFrom} t/m ${addDays(weekFrom, 6)}`,
    'slots.list',
    () => ({ from: weekFrom, to: addDays(weekFrom, 6) }),
    (out) => `${out.length} dagdelen`,
  )
  await bench(
    'shop.dashboard (vandaag)',
    'shop.dashboard',
    () => ({}),
    (out) => `${out.toInvite.count} uit te nodigen`,
  )
  const yearFrom = addDays(addMonths(TODAY, -12), 1)
  await bench(
    `shop.stats ${yearFrom} t/m ${TODAY}`,
    'shop.stats',
    () => ({ from: yearFrom, to: TODAY }),
    (out) => `${out.visits} bezoeken, ${out.byDistrict.length} wijken`,
  )
  await bench(
    'audit.verify (hele keten)',
    'audit.verify',
    () => ({}),
    (out) => `${out.count} regels, ${out.ok ? 'intact' : 'verbroken'}`,
    admin,
  )
  await bench(
    'audit.list (1e pagina, 50)',
    'audit.list',
    () => ({}),
    (out) => `${out.total} regels`,
    admin,
  )
  await bench(
    'backup.create (controle na schrijven)',
    'backup.create',
    () => ({ download: false }),
    (out) => `${(out.backup.sizeBytes / 1e6).toFixed(1)} MB`,
    admin,
  )
  const newest = (await call('backup.list', {}, admin)).backups[0].name
  await bench(
    'backup.verify',
    'backup.verify',
    () => ({ name: newest }),
    (out) => (out.ok ? 'in orde' : 'fout'),
    admin,
  )
  rows.push({
    name: 'auth.login (eerste: sleutel + quick_check)',
    runs: 1,
    p50: firstLogin,
    p95: firstLogin,
    max: firstLogin,
    note: 'scrypt voor de sleutel en het wachtwoord',
  })
  logins.sort((a, b) => a - b)
  rows.push({
    name: 'auth.login (scrypt N=2^17)',
    runs: logins.length,
    p50: percentile(logins, 0.5),
    p95: percentile(logins, 0.95),
    max: logins[logins.length - 1],
    note: 'bewust traag: raden kost tijd',
  })
  await vault.close()

  const width = Math.max(...rows.map((r) => r.name.length))
  const line = (name: string, n: string, cells: string[], note: string): string =>
    [name.padEnd(width), n.padStart(4), ...cells.map((c) => c.padStart(8)), note].join('  ')
  console.log(line('aanroep', 'n', ['p50', 'p95', 'max'], '(ms)'))
  for (const r of rows)
    console.log(
      line(
        r.name,
        String(r.runs),
        [r.p50, r.p95, r.max].map((v) => v.toFixed(2)),
        r.note,
      ),
    )
  console.log(`\nDemodata maken duurde ${(summary.durationMs / 1000).toFixed(1)} s.`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
