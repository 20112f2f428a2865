import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  blockingFindings,
  problems,
  readReport,
  runCheck,
  unjustifiedDisables,
  type Finding,
} from '../../scripts/check-electronegativity'

// Each run starts the real tool in a child process (a few seconds).
const SLOW = 60_000
const FIXTURES = 'tests/fixtures/electronegativity'
const ELECTRON = '45.4.1'

const finding = (check: string, severity: string): Finding => ({
  check,
  severity,
  confidence: 'FIRM',
  file: 'main/index.ts',
  line: 1,
  column: 0,
  sample: '',
  description: '',
})

let work: string
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'dichtbij-eng-'))
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

const check = (input: string, electronVersion = ELECTRON): ReturnType<typeof runCheck> =>
  runCheck({
    input,
    electronVersion,
    reportFile: join(work, `report-${Math.random().toString(36).slice(2)}.json`),
    strictDirs: ['main', 'preload'],
  })

describe('which findings block', () => {
  it('blocks HIGH and MEDIUM, and node integration at any severity', () => {
    const all = [
      finding('CONTEXT_ISOLATION_JS_CHECK', 'HIGH'),
      finding('SANDBOX_JS_CHECK', 'MEDIUM'),
      finding('CSP_GLOBAL_CHECK', 'LOW'),
      finding('SECURITY_WARNINGS_DISABLED_JS_CHECK', 'INFORMATIONAL'),
      finding('NODE_INTEGRATION_JS_CHECK', 'INFORMATIONAL'),
    ]
    expect(blockingFindings(all).map((f) => f.check)).toEqual([
      'CONTEXT_ISOLATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
      'NODE_INTEGRATION_JS_CHECK',
    ])
  })

  it('refuses a report it does not understand instead of reading it as "no findings"', () => {
    expect(() => readReport('')).toThrow()
    expect(() => readReport('{}')).toThrow(/findings/)
    expect(() => readReport('{"findings":[{"check":"X"}],"parseErrors":[]}')).toThrow(/malformed/)
    expect(() =>
      readReport('{"findings":[{"check":"X_CHECK","severity":"CRITICAL"}],"parseErrors":[]}'),
    ).toThrow(/malformed/)
    expect(readReport('{"findings":[],"parseErrors":[]}')).toEqual({
      findings: [],
      parseErrors: [],
    })
  })
})

describe('eng-disable comments', () => {
  it('need a reason after --', () => {
    const code = [
      'const a = new BrowserWindow(o) // eng-disable SANDBOX_JS_CHECK -- set in security.ts, unit tested',
      'const b = new BrowserWindow(o) // eng-disable SANDBOX_JS_CHECK',
      'const c = new BrowserWindow(o) /* eng-disable SANDBOX_JS_CHECK -- trust me */',
      'const d = new BrowserWindow(o) /* eng-disable SANDBOX_JS_CHECK because reasons */',
      '<!-- eng-disable CSP_HTML_CHECK -->',
      '<!-- eng-disable CSP_HTML_CHECK -- the header carries the policy -->',
      'const e = 1 // nothing to see',
    ].join('\n')
    expect(unjustifiedDisables('f.ts', code).map((u) => u.line)).toEqual([2, 3, 4, 5])
  })
})

describe('the check over real files', () => {
  it(
    'fails on a window with nodeIntegration: true and contextIsolation: false',
    () => {
      const result = check(join(FIXTURES, 'insecure'))
      const blocking = result.blocking.map((f) => `${f.severity} ${f.check} ${f.file}`)
      const file = join(FIXTURES, 'insecure', 'main', 'window.ts')
      expect(blocking).toContain(`HIGH CONTEXT_ISOLATION_JS_CHECK ${file}`)
      expect(blocking).toContain(`MEDIUM SANDBOX_JS_CHECK ${file}`)
      // The tool itself rates nodeIntegration: true only INFORMATIONAL; it still blocks.
      expect(blocking).toContain(`INFORMATIONAL NODE_INTEGRATION_JS_CHECK ${file}`)
      expect(problems(result).length).toBeGreaterThan(0)
    },
    SLOW,
  )

  it(
    'passes when every finding is switched off in place with a reason, and only then',
    () => {
      expect(problems(check(join(FIXTURES, 'justified')))).toEqual([])
      // The same files without the comment: the findings were switched off, not absent.
      const dir = join(work, 'unjustified')
      cpSync(join(FIXTURES, 'justified'), dir, { recursive: true })
      const file = join(dir, 'main', 'window.ts')
      writeFileSync(file, readFileSync(file, 'utf8').replace(/ \/\/ eng-disable .*/, ''))
      expect(check(dir).blocking.map((f) => f.check)).toContain('CONTEXT_ISOLATION_JS_CHECK')
    },
    SLOW,
  )

  it(
    'fails on a file the tool cannot parse and on code it would not look at',
    () => {
      const dir = join(work, 'broken')
      mkdirSync(join(dir, 'main'), { recursive: true })
      mkdirSync(join(dir, 'preload'), { recursive: true })
      // A syntax error hides a window the tool would otherwise report.
      writeFileSync(
        join(dir, 'main', 'broken.ts'),
        "import { BrowserWindow } from 'electron'\n" +
          'new BrowserWindow({ webPreferences: { contextIsolation: false } })\n' +
          'export const x = (a: number) => a +++ ;\n',
      )
      writeFileSync(join(dir, 'preload', 'extra.mts'), 'export {}\n')
      const result = check(dir)
      expect(result.findings.map((f) => f.check)).not.toContain('CONTEXT_ISOLATION_JS_CHECK')
      expect(result.unparsable.map((u) => u.file)).toEqual([join(dir, 'main', 'broken.ts')])
      expect(result.unscanned).toEqual([join(dir, 'preload', 'extra.mts')])
      expect(problems(result).join('\n')).toMatch(/not parsed.*broken\.ts[\s\S]*extra\.mts/)
    },
    SLOW,
  )

  it(
    "judges options against the given Electron version's defaults",
    () => {
      // No nodeIntegration key: insecure by default before Electron 5, fine in Electron 45. If
      // the version did not reach the tool, both runs would report it.
      const dir = join(work, 'defaults')
      mkdirSync(join(dir, 'main'), { recursive: true })
      writeFileSync(
        join(dir, 'main', 'window.ts'),
        "import { BrowserWindow } from 'electron'\n" +
          'export const w = new BrowserWindow({ webPreferences: { contextIsolation: true, sandbox: true } })\n',
      )
      const checks = (version: string): string[] => check(dir, version).findings.map((f) => f.check)
      expect(checks('0.1.0')).toContain('NODE_INTEGRATION_JS_CHECK')
      expect(checks(ELECTRON)).not.toContain('NODE_INTEGRATION_JS_CHECK')
    },
    SLOW,
  )
})
