/**
 * Child process of the crash test: opens an existing data folder with the real Vault and router,
 * logs in as the admin and registers visits until it is killed. Protocol on stdout, one line
 * each, written with one synchronous pipe write (Node writes pipes synchronously on Linux, so a
 * line that was written is in the kernel and survives the SIGKILL):
 *
 *   ready            logged in, the loop starts now
 *   > <n>            call number n is about to start (lets the parent tell where the kill hit)
 *   v <id>           the call returned ok: visit <id> is acknowledged
 *
 * Usage: node --import tsx tests/crash/visit-writer.ts <dataDir> <startIso>
 *
 * CRASH_WRITER_MODE weakens the child on purpose, to show the parent's checks can fail:
 *   early-ack     reports the id the visit will get before the call, so before the commit
 *   weak-journal  synchronous=OFF and journal_mode=MEMORY on the child's connection
 *   sync-off      synchronous=OFF only, WAL kept (a SIGKILL cannot tell this from FULL)
 */
import { manualClock } from '../../src/main/clock'
import { createRouter } from '../../src/main/router'
import { Vault } from '../../src/main/vault/vault'
import type { Caller } from '../../src/main/domains/accounts/auth'
import { addDays } from '../../src/shared/dates'
import { ADMIN_PASSWORD, ADMIN_USERNAME, TEST_PASSWORD_PARAMS } from '../helpers/db'

export type WriterMode = 'normal' | 'early-ack' | 'weak-journal' | 'sync-off'

/** Clock step per visit: a cycle's writes stay inside the minute the parent gives it. */
const CLOCK_STEP_MS = 100

/** Visits go back this many days at most, so the dates stay plausible for the households. */
const DAYS_BACK = 60

// A closed pipe means the parent is gone; without this, Node keeps running with writes failing.
process.stdout.on('error', () => process.exit(4))

function line(text: string): void {
  process.stdout.write(`${text}\n`)
}

function fail(what: string, detail: unknown): never {
  process.stderr.write(`visit-writer: ${what}: ${JSON.stringify(detail)}\n`)
  process.exit(2)
}

async function main(): Promise<void> {
  const [dataDir, startIso] = process.argv.slice(2)
  if (!dataDir || !startIso) fail('usage', 'visit-writer.ts <dataDir> <startIso>')
  const mode = (process.env.CRASH_WRITER_MODE ?? 'normal') as WriterMode
  const clock = manualClock(startIso)
  const vault = await Vault.start({ dataDir, clock, slotParams: TEST_PASSWORD_PARAMS })
  const router = createRouter({
    vault,
    clock,
    passwordParams: TEST_PASSWORD_PARAMS,
    logError: (method, err) => fail(`${method} failed`, String(err)),
  })
  const caller: Caller = { sessionId: null, workstation: 'crash-test' }
  const login = await router.call(caller, 'auth.login', {
    username: ADMIN_USERNAME,
    password: ADMIN_PASSWORD,
  })
  if (!login.ok) fail('login', login.error)

  const sqlite = vault.sqlite
  if (mode === 'weak-journal') {
    // The first login's daily backup runs on this connection; let it finish before leaving WAL.
    await vault.settled()
    sqlite.pragma('journal_mode = MEMORY')
    sqlite.pragma('synchronous = OFF')
  }
  if (mode === 'sync-off') sqlite.pragma('synchronous = OFF')
  const households = (
    sqlite.prepare('select id from household order by id').all() as { id: number }[]
  ).map((r) => r.id)
  const lists = await router.call(caller, 'lists.list', { kind: 'category' })
  if (!lists.ok) fail('lists.list', lists.error)
  const categories = (lists.value as { id: number }[]).map((c) => c.id)
  if (households.length === 0 || categories.length === 0) fail('setup', 'no households')
  // Continue where earlier children stopped, so each household's dates keep moving.
  let n = (sqlite.prepare('select count(*) as n from visit').get() as { n: number }).n
  // Dates come round again in long runs: a second visit that day is saved only when confirmed.
  const sameDay = sqlite.prepare(
    'select count(*) as n from visit where household_id = ? and date = ?',
  )
  const nextId = sqlite.prepare('select coalesce(max(id), 0) + 1 as id from visit')

  // A child whose parent died (a test runner killed on timeout) must not write on forever.
  const parent = process.ppid
  line('ready')
  for (;;) {
    if (process.ppid !== parent) process.exit(3)
    const householdId = households[n % households.length]
    const round = Math.floor(n / households.length)
    const input = {
      householdId,
      date: addDays(clock.today(), -(round % DAYS_BACK)),
      servedBy: 'Crash-test vrijwilliger',
      items: [
        { categoryId: categories[n % categories.length], count: 1 + (n % 4) },
        { categoryId: categories[(n + 1) % categories.length], count: 1 },
      ],
      note: n % 7 === 0 ? `Bezoek ${n}` : undefined,
      sameDayVisitsSeen: 0,
    }
    input.sameDayVisitsSeen = (sameDay.get(householdId, input.date) as { n: number }).n
    line(`> ${n}`)
    if (mode === 'early-ack') line(`v ${(nextId.get() as { id: number }).id}`)
    const result = await router.call(caller, 'visits.register', input)
    if (!result.ok) fail('visits.register', result.error)
    // Only now is the visit committed: the line goes out after the call returned ok.
    if (mode !== 'early-ack') line(`v ${(result.value as { visit: { id: number } }).visit.id}`)
    n += 1
    clock.advance(CLOCK_STEP_MS)
  }
}

main().catch((err: unknown) => fail('crashed', err instanceof Error ? err.stack : String(err)))
