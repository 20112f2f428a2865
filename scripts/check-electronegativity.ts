import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, extname, join, relative, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * `npm run check:electron`: runs Electronegativity over src/ and fails on what it finds.
 *
 * The tool's CLI exits 0 whatever it finds, and with `-o` it drops files it cannot parse
 * without a word.
 * Its CSV is not safe to read either: it writes the header and the findings with two
 * concurrent `fs.writeFile` calls, and we have seen the header land on top of the first
 * finding (and the other order would silently truncate the findings away). So this script runs
 * the tool's documented programmatic entry in a child process, which hands back the findings
 * and the parse errors as data, saves them to test-results/electronegativity.json, and fails on
 *   1. every HIGH or MEDIUM finding (and any node-integration finding) that is not switched
 *      off in place with an `eng-disable` comment,
 *   2. every file the tool could not parse, so did not scan, and every file under src/main or
 *      src/preload with a code extension the tool does not look at (.mjs, .cts, ...),
 *   3. every `eng-disable` comment that does not say why (`-- reason`).
 */

const require = createRequire(import.meta.url)
const TOOL_DIR = dirname(require.resolve('@doyensec/electronegativity/package.json'))

export interface Finding {
  check: string
  severity: string
  confidence: string
  /** Relative to the scanned folder, or "N/A" for a finding about the whole app. */
  file: string
  line: number
  column: number
  sample: string
  description: string
}

export interface ToolReport {
  findings: Finding[]
  /** Files the tool read but could not parse; it scanned nothing in them. */
  parseErrors: { file: string; message: string }[]
}

/**
 * Reads what the child wrote. Anything unexpected throws instead of being skipped: a report of
 * a different shape must fail the check, never pass as "no findings".
 */
export function readReport(json: string): ToolReport {
  const data = JSON.parse(json) as { findings?: unknown; parseErrors?: unknown }
  if (!Array.isArray(data.findings) || !Array.isArray(data.parseErrors))
    throw new Error('electronegativity report without findings or parseErrors')
  for (const f of data.findings as Partial<Finding>[])
    if (
      typeof f.check !== 'string' ||
      !/^[A-Z0-9_]+$/.test(f.check) ||
      !['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'].includes(f.severity ?? '')
    )
      throw new Error(`malformed finding in electronegativity report: ${JSON.stringify(f)}`)
  return data as ToolReport
}

/**
 * Checks that fail the build whatever severity the tool gives them. The tool rates
 * `nodeIntegration: true` only INFORMATIONAL (it counts on context isolation to report the
 * window as well); for this app Node in the page is never acceptable.
 */
export const ALWAYS_BLOCKING = ['NODE_INTEGRATION_JS_CHECK', 'NODE_INTEGRATION_HTML_CHECK']

export function blockingFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter(
    (f) => f.severity === 'HIGH' || f.severity === 'MEDIUM' || ALWAYS_BLOCKING.includes(f.check),
  )
}

const SCANNED = ['.js', '.jsx', '.ts', '.tsx', '.html', '.htm']
// Code the tool skips without notice because it does not know the extension.
const UNSCANNED_CODE = ['.mjs', '.cjs', '.mts', '.cts']

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !file.split(sep).includes('node_modules'))
    .sort()
}

/**
 * `eng-disable` comments (the tool's own two patterns) that do not say why. A justification is
 * written after the check names as ` -- reason`, at least three words long.
 */
export function unjustifiedDisables(
  file: string,
  content: string,
): { file: string; line: number; text: string }[] {
  const found: { file: string; line: number; text: string }[] = []
  content.split('\n').forEach((text, index) => {
    const match = /(?:\/\*|\/\/|<!--)[ \t]*eng-disable\b(.*)$/i.exec(text)
    if (!match) return
    const reason = /^[\w \t]*--\s*(.+)$/.exec(match[1])?.[1] ?? ''
    const words = reason
      .replace(/\*\/|-->/g, ' ')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
    if (words.length < 3) found.push({ file, line: index + 1, text: text.trim() })
  })
  return found
}

// Runs in the child: the tool sets globals (its i18n `__`), logs to the console and may call
// process.exit, none of which belongs in the caller's process.
const CHILD = `
const [runner, input, electronVersion, out] = process.argv.slice(1)
// The tool downloads its translations on every run (and waits seconds for that offline); only
// description texts would change. Answer its HTTP client with "offline", so the scan is
// quick and the same with or without network.
const got = require.resolve('got', { paths: [require('node:path').dirname(runner)] })
const offline = () => Promise.reject(new Error('offline: check-electronegativity'))
offline.head = offline
require.cache[got] = { id: got, filename: got, loaded: true, exports: { __esModule: true, default: offline } }
require(runner)({
  input,
  isRelative: true,
  // The README calls this option electronVersion, but the runner reads electronVersionOverride.
  electronVersionOverride: electronVersion,
  // Needs the network and a package.json (not under src/); Electron's version is pinned anyway.
  excludeFromScan: ['availablesecurityfixesglobalcheck'],
  customScan: [],
  parserPlugins: [],
}, false).then((result) => {
  const findings = result.issues.map((i) => ({
    check: i.id, severity: i.severity.name, confidence: i.confidence.name, file: i.file,
    line: i.location.line, column: i.location.column, sample: i.sample || '',
    description: i.description,
  }))
  const parseErrors = result.errors.filter((e) => !e.tolerable)
    .map((e) => ({ file: e.file, message: e.message }))
  require('node:fs').writeFileSync(out, JSON.stringify({ findings, parseErrors }, null, 2))
}).catch((err) => { console.error(err); process.exit(1) })
`

/** Runs the tool over `input`; the report is also left in `reportFile` for people and CI. */
export function runTool(input: string, electronVersion: string, reportFile: string): ToolReport {
  mkdirSync(dirname(reportFile), { recursive: true })
  // Removed first, so a report from an earlier run is never read as this one.
  rmSync(reportFile, { force: true })
  const run = spawnSync(
    process.execPath,
    ['-e', CHILD, join(TOOL_DIR, 'dist/runner.js'), resolve(input), electronVersion, reportFile],
    { encoding: 'utf8', env: { ...process.env, LANG: 'en-US' } },
  )
  if (run.status !== 0 || !existsSync(reportFile))
    throw new Error(`electronegativity failed (exit ${run.status}):\n${run.stdout}${run.stderr}`)
  return readReport(readFileSync(reportFile, 'utf8'))
}

export interface CheckOptions {
  /** The folder to scan. */
  input: string
  /** Where the tool's findings are saved as JSON. */
  reportFile: string
  /** The Electron version whose defaults the tool assumes (it cannot see package.json). */
  electronVersion: string
  /** Folders below `input` in which every code file must be one the tool scans. */
  strictDirs?: readonly string[]
}

export interface CheckResult {
  findings: Finding[]
  blocking: Finding[]
  unparsable: { file: string; message: string }[]
  unscanned: string[]
  unjustified: { file: string; line: number; text: string }[]
}

export function runCheck(options: CheckOptions): CheckResult {
  const input = resolve(options.input)
  if (!existsSync(input)) throw new Error(`nothing to scan: ${input} does not exist`)
  const shown = (file: string): string => join(options.input, relative(input, resolve(input, file)))
  const report = runTool(input, options.electronVersion, options.reportFile)
  const findings = report.findings.map((f) => ({
    ...f,
    file: f.file === 'N/A' ? f.file : shown(f.file),
  }))
  const strict = (options.strictDirs ?? []).flatMap((d) => listFiles(join(input, d)))
  return {
    findings,
    blocking: blockingFindings(findings),
    unparsable: report.parseErrors.map((e) => ({ ...e, file: shown(e.file) })),
    unscanned: strict.filter((f) => UNSCANNED_CODE.includes(extname(f).toLowerCase())).map(shown),
    unjustified: listFiles(input)
      .filter((f) => SCANNED.includes(extname(f).toLowerCase()))
      .flatMap((f) => unjustifiedDisables(shown(f), readFileSync(f, 'utf8'))),
  }
}

/** One line per problem; empty when the check passes. */
export function problems(result: CheckResult): string[] {
  return [
    ...result.blocking.map(
      (f) =>
        `${f.severity} ${f.check} at ${f.file}:${f.line}:${f.column}: ${f.description}` +
        (f.sample ? ` (${f.sample})` : ''),
    ),
    ...result.unparsable.map((u) => `not parsed, so not scanned: ${u.file}: ${u.message}`),
    ...result.unscanned.map((f) => `extension not scanned by electronegativity: ${f}`),
    ...result.unjustified.map(
      (u) => `eng-disable without a reason (write "-- why"): ${u.file}:${u.line}: ${u.text}`,
    ),
  ]
}

function main(): void {
  const input = process.argv[2] ?? 'src'
  const electronVersion = (require('electron/package.json') as { version: string }).version
  const reportFile = join('test-results', 'electronegativity.json')
  const result = runCheck({ input, reportFile, electronVersion, strictDirs: ['main', 'preload'] })
  const found = problems(result)
  if (found.length > 0) {
    console.error(`Electronegativity check failed (${found.length}):`)
    for (const line of found) console.error(`  ${line}`)
    process.exit(1)
  }
  const rest = result.findings.length - result.blocking.length
  console.log(
    `Electronegativity: no HIGH or MEDIUM findings in ${input} (Electron ${electronVersion}; ` +
      `${rest} LOW or INFORMATIONAL, listed in ${reportFile}).`,
  )
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main()
