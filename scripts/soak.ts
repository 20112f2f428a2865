/**
 * The long form of the crash test: 1,000 kill-and-reopen cycles of a visit writer (see
 * tests/crash/crash-cycles.ts). `npm run soak -- --cycles 200 --seed 7 --mode early-ack`.
 */
import { formatReport, runCrashCycles, type WriterMode } from '../tests/crash/crash-cycles'

function option(name: string): string | undefined {
  const joined = process.argv.find((a) => a.startsWith(`--${name}=`))
  if (joined) return joined.slice(name.length + 3)
  const at = process.argv.indexOf(`--${name}`)
  return at >= 0 ? process.argv[at + 1] : undefined
}

const cycles = Number(option('cycles') ?? 1000)
const seed = option('seed') === undefined ? undefined : Number(option('seed'))
const mode = (option('mode') ?? 'normal') as WriterMode

const controller = new AbortController()
// Ctrl-C stops the run cleanly: the running child is killed and the temp folder removed.
process.once('SIGINT', () => controller.abort())

const report = await runCrashCycles({
  cycles,
  seed,
  mode,
  signal: controller.signal,
  stopOnFailure: mode === 'normal',
  log: (line) => console.log(line),
})
console.log(formatReport(report))
process.exit(report.failures.length === 0 && report.cycles === cycles ? 0 : 1)
