/**
 * Kill-and-reopen cycles against a real data folder: a child registers visits through the real
 * router and reports every acknowledged id; the parent SIGKILLs it at a random moment, reopens
 * the vault, and checks that the file is sound and that every acknowledged visit is there.
 *
 * What this proves: a visit is acknowledged only after its transaction committed, a commit in
 * WAL mode is complete on its own (visit, items and audit entry together), and the WAL recovers
 * after the writer dies at any point. What it cannot prove: survival of a power cut. SIGKILL
 * leaves the operating system's page cache intact, so data that was written but never fsynced
 * survives it too; `synchronous=FULL` only makes a difference when the machine itself stops.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { fixedClock, manualClock } from '../../src/main/clock'
import { createRouter } from '../../src/main/router'
import { verifyAudit } from '../../src/main/domains/audit/audit'
import { Vault } from '../../src/main/vault/vault'
import type { Caller } from '../../src/main/domains/accounts/auth'
import { ADMIN_PASSWORD, ADMIN_USERNAME, TEST_PASSWORD_PARAMS } from '../helpers/db'
import { mulberry32 } from '../../scripts/demo-data'
import { householdInput } from '../helpers/fixtures'
// Type-only: keeps the child inside the typecheck without running it here.
import type { WriterMode } from './visit-writer'

export type { WriterMode }

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const WRITER = join(ROOT, 'tests/crash/visit-writer.ts')

/** Setup and the first child run at 06:00 in the shop; each cycle gets the next minute. */
const START = Date.parse('2026-06-15T04:00:00Z')
const CYCLE_CLOCK_MS = 60_000

export interface CrashCycleOptions {
  cycles: number
  /** An existing folder to set up in (kept); by default a temp folder that is removed. */
  dataDir?: string
  /** Seed of the kill moments, so a failing run can be repeated. */
  seed?: number
  /** Kill moment after the child reported ready, drawn uniformly from this range. */
  minWaitMs?: number
  maxWaitMs?: number
  households?: number
  /** Test-only weakening of the child, to show that the checks can fail. */
  mode?: WriterMode
  /** Stop at the first failed cycle (default) or run all cycles and count the failures. */
  stopOnFailure?: boolean
  /** Aborting kills the running child and ends the run (vitest's test signal on timeout). */
  signal?: AbortSignal
  log?: (line: string) => void
}

export interface CrashCycleReport {
  cycles: number
  seed: number
  /** Visits the children acknowledged, over all cycles. */
  acknowledged: number
  /** Visits in the database at the end (acknowledged plus committed-but-unreported). */
  visitsInDb: number
  /** Kills that landed inside a `visits.register` call (after its start, before its ack). */
  killsMidCall: number
  /** Kills after a commit but before the child reported it: a visit nobody was told about. */
  killsCommittedUnreported: number
  failures: string[]
  totalMs: number
  meanCycleMs: number
  meanStartupMs: number
  meanVerifyMs: number
  auditEntries: number
}

const SURNAMES = ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'Bos']
const FIRST = ['Sanne', 'Fatima', 'Kees', 'Anouk', 'Mohamed', 'Ingrid', 'Daan', 'Yara', 'Joost']

/** A fresh vault with the admin and `households` distinct households, then closed. */
export async function prepareDataDir(dataDir: string, households: number): Promise<void> {
  const clock = manualClock(new Date(START).toISOString())
  const vault = await Vault.start({ dataDir, clock, slotParams: TEST_PASSWORD_PARAMS })
  try {
    const router = createRouter({ vault, clock, passwordParams: TEST_PASSWORD_PARAMS })
    const admin: Caller = { sessionId: null, workstation: 'crash-setup' }
    const call = async (method: string, input: unknown): Promise<unknown> => {
      const result = await router.call(admin, method, input)
      if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`)
      return result.value
    }
    await call('setup.create', {
      organisation: { name: 'Stichting Crashtest' },
      admin: {
        username: ADMIN_USERNAME,
        displayName: 'Bea Beheer',
        password: ADMIN_PASSWORD,
        passwordRepeat: ADMIN_PASSWORD,
      },
    })
    for (let i = 0; i < households; i++) {
      const first = FIRST[i % FIRST.length]
      const surname = SURNAMES[Math.floor(i / FIRST.length) % SURNAMES.length]
      // Distinct name, postcode and phone per household, so no duplicate check is triggered.
      await call(
        'households.create',
        householdInput({
          contactName: `${first} ${surname} ${i + 1}`,
          houseNumber: String(i + 1),
          postcode: `${3811 + i} HZ`,
          phone: `06-${String(20000000 + i)}`,
          email: `gezin${i + 1}@example.nl`,
          members: [
            { firstName: first, birthYear: 1980 + (i % 20), gender: i % 2 ? 'm' : 'f' },
            { firstName: 'Noor', birthYear: 2014 + (i % 8), gender: 'f', clothingSize: '128' },
          ],
        }),
      )
    }
  } finally {
    await vault.close()
  }
}

interface ChildRun {
  lines: string[]
  /** Resolves when the child reported ready; rejects when it ended before that. */
  ready: Promise<void>
  /** Resolves when the child is gone and its stdout fully read. */
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  stderr: () => string
  child: ChildProcess
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

interface WriterCommand {
  args: string[]
  how: string
  cleanup(): void
}

/**
 * The child is started once per cycle, so its start-up counts fifty times over. Loading the
 * TypeScript sources through tsx costs about a second per start on a busy two-core machine; one
 * bundle per run (esbuild, which tsx itself is built on) brings that to about a tenth, and
 * kysely and zod inside it (as in the built app) take another fifth off each start. The bundle
 * lives under node_modules so its own imports of the other packages resolve as from the sources.
 */
async function prepareWriter(): Promise<WriterCommand> {
  // `node --import tsx` rather than the tsx binary: the binary relaunches node in a second
  // process, and a SIGKILL to the first would leave the writer running.
  const viaTsx: WriterCommand = {
    args: ['--import', 'tsx', WRITER],
    how: 'node --import tsx',
    cleanup: () => undefined,
  }
  let bundleLikeMain: typeof import('../helpers/node-bundle').bundleLikeMain
  try {
    ;({ bundleLikeMain } = await import('../helpers/node-bundle'))
  } catch {
    return viaTsx
  }
  const dir = join(ROOT, 'node_modules/.cache/dichtbij-crash')
  mkdirSync(dir, { recursive: true })
  // Bundles of runs that were killed outright (no finally ran) are removed by the next run.
  for (const name of readdirSync(dir)) {
    const pid = Number(/^visit-writer-(\d+)-/.exec(name)?.[1])
    if (pid && !processExists(pid)) rmSync(join(dir, name), { force: true })
  }
  const outfile = join(dir, `visit-writer-${process.pid}-${Date.now()}.mjs`)
  await bundleLikeMain(WRITER, outfile)
  return {
    args: [outfile],
    how: 'esbuild bundle',
    cleanup: () => rmSync(outfile, { force: true }),
  }
}

function startWriter(
  writer: WriterCommand,
  dataDir: string,
  startIso: string,
  mode: WriterMode,
): ChildRun {
  const child = spawn(process.execPath, [...writer.args, dataDir, startIso], {
    cwd: ROOT,
    env: { ...process.env, CRASH_WRITER_MODE: mode },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  let partial = ''
  let err = ''
  let onReady: () => void = () => undefined
  let onEarlyEnd: (e: Error) => void = () => undefined
  const ready = new Promise<void>((res, rej) => {
    onReady = res
    onEarlyEnd = rej
  })
  child.stdout.setEncoding('utf8')
  child.stdout.on('data', (chunk: string) => {
    // Only complete lines count: a line cut off by the kill was never fully reported.
    const parts = (partial + chunk).split('\n')
    partial = parts.pop() ?? ''
    for (const l of parts) {
      lines.push(l)
      if (l === 'ready') onReady()
    }
  })
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (chunk: string) => {
    if (err.length < 20_000) err += chunk
  })
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => {
    child.on('close', (code, signal) => {
      onEarlyEnd(new Error(`writer ended before ready (${code ?? signal}): ${err.trim()}`))
      res({ code, signal })
    })
  })
  child.on('error', (e) => onEarlyEnd(e))
  return { lines, ready, closed, stderr: () => err, child }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((res) => {
    const timer = setTimeout(done, ms)
    function done(): void {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      res()
    }
    signal?.addEventListener('abort', done, { once: true })
  })
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  return Promise.race([
    p,
    new Promise<never>((_, rej) => {
      timer = setTimeout(() => rej(new Error(`${what} took more than ${ms} ms`)), ms)
    }),
  ]).finally(() => clearTimeout(timer))
}

interface Verified {
  ids: Set<number>
  maxId: number
  problems: string[]
}

/** Reopens the folder as the app would after a crash and checks what is on disk. */
async function verify(dataDir: string, at: string, sinceId: number): Promise<Verified> {
  const vault = await Vault.start({
    dataDir,
    clock: fixedClock(at),
    slotParams: TEST_PASSWORD_PARAMS,
  })
  const problems: string[] = []
  let handle: { readonly open: boolean; close(): unknown } | undefined
  let ids: Set<number>
  try {
    if (vault.state !== 'locked') problems.push(`vault state after the kill: ${vault.state}`)
    // Opening replays the WAL and runs quick_check; a damaged file throws here.
    if (!(await vault.unlock({ username: ADMIN_USERNAME, password: ADMIN_PASSWORD })))
      throw new Error('the admin password no longer opens the vault')
    const sqlite = vault.sqlite
    handle = sqlite
    const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map(
      (r) => r.integrity_check,
    )
    if (integrity.join() !== 'ok') problems.push(`integrity_check: ${integrity.slice(0, 3)}`)
    const fk = sqlite.pragma('foreign_key_check') as unknown[]
    if (fk.length) problems.push(`foreign_key_check: ${fk.length} rows`)
    // Through Kysely, as the app reads: its destroy() only closes a handle it has used.
    ids = new Set((await vault.db.selectFrom('visit').select('id').execute()).map((r) => r.id))
    // A commit is all or nothing: each new visit has both its items and its audit entry.
    const torn = sqlite
      .prepare(
        `select v.id from visit v
         where v.id > ?
           and ((select count(*) from visit_item i where i.visit_id = v.id) <> 2
             or not exists (select 1 from audit_log a where a.entity_type = 'visit'
                            and a.entity_id = cast(v.id as text) and a.action = 'create'))`,
      )
      .all(sinceId) as { id: number }[]
    if (torn.length) problems.push(`visits without their items or audit entry: ${torn.length}`)
  } finally {
    await vault.close()
  }
  // After a real crash nobody has the file open. A connection left open here would keep the WAL
  // index alive, and the next reopen would skip the recovery this test is about.
  if (handle?.open) {
    handle.close()
    problems.push('vault.close() left the database handle open')
  }
  let maxId = sinceId
  for (const id of ids) if (id > maxId) maxId = id
  return { ids, maxId, problems }
}

/** The audit chain over all cycles, checked once at the end (it covers every write). */
async function verifyAuditChain(dataDir: string, at: string): Promise<{ ok: boolean; n: number }> {
  const vault = await Vault.start({
    dataDir,
    clock: fixedClock(at),
    slotParams: TEST_PASSWORD_PARAMS,
  })
  try {
    await vault.unlock({ username: ADMIN_USERNAME, password: ADMIN_PASSWORD })
    const result = await verifyAudit(vault.db, new Date(at))
    return { ok: result.ok, n: result.count }
  } finally {
    await vault.close()
  }
}

export async function runCrashCycles(options: CrashCycleOptions): Promise<CrashCycleReport> {
  const seed = options.seed ?? Date.now() % 1_000_000
  const random = mulberry32(seed)
  const minWait = options.minWaitMs ?? 50
  const maxWait = options.maxWaitMs ?? 400
  const mode = options.mode ?? 'normal'
  const log = options.log ?? (() => undefined)
  const ownDir = !options.dataDir
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'dichtbij-crash-'))
  const started = Date.now()
  const acknowledged: number[] = []
  const failures: string[] = []
  let killsMidCall = 0
  let killsCommittedUnreported = 0
  let startupMs = 0
  let verifyMs = 0
  let cyclesRun = 0
  let visitsInDb = 0
  let lastMaxId = 0
  let auditEntries = 0
  let live: ChildProcess | null = null
  let writer: WriterCommand | null = null
  const killLive = (): void => {
    if (live && live.exitCode === null && live.signalCode === null) live.kill('SIGKILL')
  }
  options.signal?.addEventListener('abort', killLive)

  try {
    writer = await prepareWriter()
    await prepareDataDir(dataDir, options.households ?? 40)
    log(
      `crash cycles: ${options.cycles}, seed ${seed}, mode ${mode}, writer via ${writer.how}, ` +
        `folder ${dataDir}`,
    )
    for (let cycle = 0; cycle < options.cycles; cycle++) {
      if (options.signal?.aborted) {
        failures.push(`cycle ${cycle + 1}: aborted`)
        break
      }
      const at = new Date(START + (cycle + 1) * CYCLE_CLOCK_MS).toISOString()
      const cycleStart = Date.now()
      const run = startWriter(writer, dataDir, at, mode)
      live = run.child
      try {
        await withTimeout(run.ready, 60_000, 'writer start')
        startupMs += Date.now() - cycleStart
        await sleep(minWait + random() * (maxWait - minWait), options.signal)
        const diedEarly = run.child.exitCode !== null
        run.child.kill('SIGKILL')
        const exit = await withTimeout(run.closed, 30_000, 'writer exit')
        if (diedEarly || exit.signal !== 'SIGKILL')
          throw new Error(`writer ended by itself (${exit.code}): ${run.stderr().trim()}`)
      } catch (err) {
        // A writer that cannot start (it may find the file damaged) ends the run: later cycles
        // would only repeat it.
        const message = err instanceof Error ? err.message : String(err)
        failures.push(`cycle ${cycle + 1}: ${message}`)
        log(`cycle ${cycle + 1} FAILED: ${message}`)
        break
      } finally {
        killLive()
        live = null
      }
      cyclesRun += 1

      const acked: number[] = []
      let openCall = false
      for (const l of run.lines) {
        if (l.startsWith('> ')) openCall = true
        else if (l.startsWith('v ')) {
          acked.push(Number(l.slice(2)))
          openCall = false
        }
      }
      if (openCall) killsMidCall += 1
      acknowledged.push(...acked)

      const verifyStart = Date.now()
      const problems: string[] = []
      try {
        const found = await verify(dataDir, at, lastMaxId)
        problems.push(...found.problems)
        const missing = acknowledged.filter((id) => !found.ids.has(id))
        if (missing.length)
          problems.push(`acknowledged visits missing: ${missing.length} (${missing.slice(0, 5)})`)
        if (found.ids.size < acknowledged.length)
          problems.push(`${found.ids.size} visits in the file, ${acknowledged.length} acknowledged`)
        const ackedNow = new Set(acked)
        let unreported = 0
        for (const id of found.ids) if (id > lastMaxId && !ackedNow.has(id)) unreported += 1
        if (unreported > 0) killsCommittedUnreported += 1
        // The child reports each visit before starting the next, so at most one can be unreported.
        if (unreported > 1 && mode === 'normal')
          problems.push(`${unreported} committed visits were never reported`)
        visitsInDb = found.ids.size
        lastMaxId = found.maxId
      } catch (err) {
        problems.push(`reopen failed: ${err instanceof Error ? err.message : String(err)}`)
      }
      verifyMs += Date.now() - verifyStart
      if (problems.length) {
        failures.push(`cycle ${cycle + 1}: ${problems.join('; ')}`)
        log(`cycle ${cycle + 1} FAILED: ${problems.join('; ')}`)
        if (options.stopOnFailure !== false) break
      }
      if ((cycle + 1) % 50 === 0)
        log(
          `cycle ${cycle + 1}: ${acknowledged.length} acknowledged, ${visitsInDb} in the file, ` +
            `${((Date.now() - started) / (cycle + 1)).toFixed(0)} ms per cycle`,
        )
    }
    if (cyclesRun > 0) {
      const at = new Date(START + (cyclesRun + 1) * CYCLE_CLOCK_MS).toISOString()
      try {
        const chain = await verifyAuditChain(dataDir, at)
        auditEntries = chain.n
        if (!chain.ok) failures.push('audit chain broken after the crashes')
      } catch (err) {
        failures.push(`audit check: ${err instanceof Error ? err.message : String(err)}`)
      }
    }
  } finally {
    options.signal?.removeEventListener('abort', killLive)
    killLive()
    writer?.cleanup()
    if (ownDir) rmSync(dataDir, { recursive: true, force: true })
  }

  const totalMs = Date.now() - started
  return {
    cycles: cyclesRun,
    seed,
    acknowledged: acknowledged.length,
    visitsInDb,
    killsMidCall,
    killsCommittedUnreported,
    failures,
    totalMs,
    meanCycleMs: cyclesRun ? totalMs / cyclesRun : 0,
    meanStartupMs: cyclesRun ? startupMs / cyclesRun : 0,
    meanVerifyMs: cyclesRun ? verifyMs / cyclesRun : 0,
    auditEntries,
  }
}

/** The report as the lines a person reads. */
export function formatReport(r: CrashCycleReport): string {
  return [
    `cycles:                      ${r.cycles} (seed ${r.seed})`,
    `acknowledged visits:         ${r.acknowledged}`,
    `visits in the file:          ${r.visitsInDb}`,
    `kills inside a register call: ${r.killsMidCall}`,
    `kills after commit, before report: ${r.killsCommittedUnreported}`,
    `audit entries (chain ok unless failed): ${r.auditEntries}`,
    `total: ${(r.totalMs / 1000).toFixed(1)} s, per cycle ${r.meanCycleMs.toFixed(0)} ms ` +
      `(child start ${r.meanStartupMs.toFixed(0)} ms, reopen+check ${r.meanVerifyMs.toFixed(0)} ms)`,
    `failures:                    ${r.failures.length}`,
    ...r.failures.slice(0, 10).map((f) => `  ${f}`),
  ].join('\n')
}
