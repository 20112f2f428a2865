import { writeFileSync } from 'node:fs'
import { sql } from 'kysely'
import type { MethodParsed } from '../../../shared/api'
import { AppError } from '../../../shared/errors'
import { auditNote } from '../../../shared/audit-text'
import { toDutchDate } from '../../../shared/dates'
import { IMPORT_WORDS, importMessage } from '../../../shared/i18n/import-words'
import { householdCreateInput } from '../../../shared/schemas/household'
import type {
  ImportCheck,
  ImportDuplicate,
  ImportField,
  ImportInspect,
  ImportJobView,
  ImportKind,
  ImportMapping,
  ImportPreviewRow,
  ImportProblem,
  ImportRunResult,
} from '../../../shared/schemas/imports'
import { peopleCreateInput } from '../../../shared/schemas/volunteers'
import type { DownloadTicket } from '../../../shared/schemas/subjects'
import { searchKey } from '../../../shared/search-key'
import { issuesToFieldErrors } from '../../../shared/validation'
import type { ServiceContext } from '../../context'
import type { DownloadIssuer } from '../../downloads/tickets'
import type { Vault } from '../../vault/vault'
import { audit } from '../audit/audit'
import { createHousehold, findDuplicates } from '../shop/households'
import { createPerson } from '../volunteers/people'
import { guessAll } from './guess'
import { endJob, ImportCancelled, jobView, ownJob, startJob, type ImportJob } from './jobs'
import { fieldValues, householdInput, personInput } from './normalise'
import { readImportFileTask, type ReadOutcome } from './read-task'
import { TaskCancelledError, TaskTimeoutError } from '../../workers/task'
import type { ReadFile } from './read-file'

export interface ImportsContext extends ServiceContext {
  vault: Pick<Vault, 'workers'>
  downloads: DownloadIssuer
}

/** Rows checked between two turns of main's event loop (a schema parse and a look-up each). */
const BATCH = 100
/** Rows written between two turns: each is a create with its audit entry, a few ms. */
const SAVE_BATCH = 20
/** Problems the screen gets in the answer; the error report has them all. */
const PROBLEMS_SHOWN = 200
const PREVIEW_ROWS = 10

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

const WORDS = IMPORT_WORDS.nl

/** The longest a file's read may take: a 50,000-row workbook reads in seconds. */
const READ_TIMEOUT_MS = 120_000

const fileRefused = (key: string): AppError =>
  new AppError({ code: 'VALIDATION', key: 'validation', fields: [{ path: 'file.bytes', key }] })

/**
 * Reads the file in a worker, without the database key (the parser is fed an outside file), for
 * at most READ_TIMEOUT_MS; an import's cancel ends the read at once.
 */
async function readFile(
  ctx: ImportsContext,
  bytes: Uint8Array,
  job: ImportJob | null = null,
): Promise<ReadFile> {
  let outcome: ReadOutcome
  try {
    outcome = await ctx.vault.workers.run(
      readImportFileTask,
      { bytes },
      { key: null, signal: job?.abort.signal, timeoutMs: READ_TIMEOUT_MS },
    )
  } catch (err) {
    if (err instanceof TaskCancelledError) throw new ImportCancelled()
    if (err instanceof TaskTimeoutError) throw fileRefused('importTooSlow')
    throw err
  }
  if (!outcome.ok) throw fileRefused(outcome.key)
  return outcome.file
}

/** `imports.inspect`: the file's columns, its first rows and the guess of the mapping. */
export async function inspectImport(
  ctx: ImportsContext,
  input: MethodParsed<'imports.inspect'>,
): Promise<ImportInspect> {
  const file = await readFile(ctx, input.file.bytes)
  return {
    format: file.format,
    separator: file.separator,
    encoding: file.encoding,
    headers: file.headers,
    rowCount: file.rows.length,
    sample: file.rows.slice(0, 5).map((r) => r.cells),
    guess: guessAll(file.headers),
  }
}

// ---------------------------------------------------------------- checking rows

interface CheckedRow {
  line: number
  /** The parsed create input (valid rows only). */
  input: unknown
  problems: ImportProblem[]
  duplicate: ImportDuplicate | null
}

function problem(line: number, field: ImportField | string, key: string): ImportProblem {
  const label = (WORDS.fields as Record<string, string>)[field] ?? field
  return { line, field, fieldLabel: label, message: importMessage(key) }
}

/** Which column of the file a schema path belongs to, and the message it gets there. */
function householdProblem(
  line: number,
  path: string,
  key: string,
  contactMember: boolean,
): ImportProblem {
  const [head, index, sub] = path.split('.')
  if (head === 'members' && index !== undefined) {
    if (contactMember && index === '0') {
      const field = sub === 'gender' ? 'contactGender' : 'contactBirthYear'
      return problem(line, field, sub === 'gender' && key === 'invalidOption' ? 'gender' : key)
    }
    return problem(line, 'members', key === 'required' || key === 'invalidOption' ? 'member' : key)
  }
  if (head === 'incomeSource' && key === 'invalidOption') return problem(line, head, 'income')
  return problem(line, head, key)
}

function checkHouseholdRow(
  line: number,
  values: Map<ImportField, string>,
  today: string,
): { input: unknown; problems: ImportProblem[] } {
  const { input, contactMember } = householdInput(values, today)
  const parsed = householdCreateInput.safeParse(input)
  if (!parsed.success) {
    const problems = issuesToFieldErrors(parsed.error.issues).map((e) =>
      householdProblem(line, e.path, e.key, contactMember),
    )
    return { input: null, problems }
  }
  // The date rules `households.create` applies with main's day, checked here for the preview.
  const h = parsed.data
  const problems: ImportProblem[] = []
  if (h.consentDate > today) problems.push(problem(line, 'consentDate', 'futureDate'))
  if (h.proofSeenOn && h.proofSeenOn > today)
    problems.push(problem(line, 'proofSeenOn', 'futureDate'))
  if (h.proofSeenOn && h.eligibleUntil && h.eligibleUntil < h.proofSeenOn)
    problems.push(problem(line, 'eligibleUntil', 'beforeProof'))
  const year = Number(today.slice(0, 4))
  h.members.forEach((m, i) => {
    if (m.birthYear > year)
      problems.push(
        householdProblem(line, `members.${i}.birthYear`, 'birthYearFuture', contactMember),
      )
  })
  return { input: problems.length ? null : h, problems }
}

function checkPersonRow(
  line: number,
  values: Map<ImportField, string>,
  today: string,
): { input: unknown; problems: ImportProblem[] } {
  const parsed = peopleCreateInput.safeParse(personInput(values, today))
  if (!parsed.success) {
    const problems = issuesToFieldErrors(parsed.error.issues).map((e) => {
      const head = e.path.split('.')[0]
      return problem(line, head, head === 'gender' && e.key === 'invalidOption' ? 'gender' : e.key)
    })
    return { input: null, problems }
  }
  const p = parsed.data
  const problems: ImportProblem[] = []
  if (p.registeredOn > today) problems.push(problem(line, 'registeredOn', 'futureDate'))
  if (p.intakeOn && p.intakeOn > today) problems.push(problem(line, 'intakeOn', 'futureDate'))
  if (p.birthYear !== null && p.birthYear > Number(today.slice(0, 4)))
    problems.push(problem(line, 'birthYear', 'birthYearFuture'))
  return { input: problems.length ? null : p, problems }
}

type HouseholdRow = MethodParsed<'households.create'>
type PersonRow = MethodParsed<'people.create'>

/** A household like one already kept (the same test `households.create` warns with). */
async function householdDuplicate(
  ctx: ServiceContext,
  line: number,
  h: HouseholdRow,
  seen: Map<string, number>,
): Promise<ImportDuplicate | null> {
  const label = `${h.contactName}, ${h.postcode}`
  const found = await findDuplicates(ctx.db, h)
  if (found.length) return { line, label, existing: found[0].reference }
  const key = `${searchKey(h.contactName)}|${h.postcode}`
  const earlier = seen.get(key)
  if (earlier !== undefined) return { line, label, existing: `${WORDS.report.line} ${earlier}` }
  seen.set(key, line)
  return null
}

/** A person with the same name and the same birth year or registration day. */
async function personDuplicate(
  ctx: ServiceContext,
  line: number,
  p: PersonRow,
  seen: Map<string, number>,
): Promise<ImportDuplicate | null> {
  const name = searchKey(`${p.firstName} ${p.lastName}`)
  const label = `${p.firstName} ${p.lastName}`
  const same = await ctx.db
    .selectFrom('person')
    .select(['reference', 'birthYear', 'registeredOn'])
    .where('searchName', '=', name)
    .execute()
  const hit = same.find(
    (o) =>
      (p.birthYear !== null && o.birthYear === p.birthYear) || o.registeredOn === p.registeredOn,
  )
  if (hit) return { line, label, existing: hit.reference }
  for (const key of [`${name}|y${p.birthYear ?? '-'}`, `${name}|r${p.registeredOn}`]) {
    const earlier = seen.get(key)
    if (earlier !== undefined && !key.endsWith('|y-'))
      return { line, label, existing: `${WORDS.report.line} ${earlier}` }
  }
  seen.set(`${name}|y${p.birthYear ?? '-'}`, line)
  seen.set(`${name}|r${p.registeredOn}`, line)
  return null
}

/**
 * Reads the file in a worker, then checks every row a batch at a time on main: the mapping and
 * the normalising, the create schema, the service's date rules and the duplicate test.
 */
async function checkRows(
  ctx: ImportsContext,
  job: ImportJob,
  input: { file: { bytes: Uint8Array }; kind: ImportKind; mapping: ImportMapping },
): Promise<CheckedRow[]> {
  job.phase = 'reading'
  const file = await readFile(ctx, input.file.bytes, job)
  if (job.cancelRequested) throw new ImportCancelled()
  job.phase = 'checking'
  job.total = file.rows.length
  const today = ctx.clock.today()
  const seen = new Map<string, number>()
  const out: CheckedRow[] = []
  for (let i = 0; i < file.rows.length; i++) {
    const { line, cells } = file.rows[i]
    const values = fieldValues(file.headers, cells, input.mapping)
    const checked =
      input.kind === 'households'
        ? checkHouseholdRow(line, values, today)
        : checkPersonRow(line, values, today)
    let duplicate: ImportDuplicate | null = null
    if (checked.input)
      duplicate =
        input.kind === 'households'
          ? await householdDuplicate(ctx, line, checked.input as HouseholdRow, seen)
          : await personDuplicate(ctx, line, checked.input as PersonRow, seen)
    out.push({ line, input: checked.input, problems: checked.problems, duplicate })
    job.done = i + 1
    if ((i + 1) % BATCH === 0) {
      await nextTurn()
      if (job.cancelRequested) throw new ImportCancelled()
    }
  }
  return out
}

function show(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string')
    return /^\d{4}-\d{2}-\d{2}$/.test(value) ? toDutchDate(value) : value
  return String(value)
}

const PREVIEW_FIELDS: Record<ImportKind, readonly string[]> = {
  households: [
    'contactName',
    'street',
    'houseNumber',
    'postcode',
    'city',
    'district',
    'phone',
    'email',
    'incomeSource',
    'proofSeenOn',
    'eligibleUntil',
    'consentDate',
    'consentBy',
    'members',
  ],
  people: [
    'firstName',
    'lastName',
    'postcode',
    'place',
    'district',
    'phone',
    'email',
    'birthYear',
    'gender',
    'registeredOn',
    'intakeOn',
  ],
}

/** A valid row as it will be stored, in words. */
function previewRow(kind: ImportKind, row: CheckedRow): ImportPreviewRow {
  const data = row.input as Record<string, unknown>
  return {
    line: row.line,
    values: PREVIEW_FIELDS[kind].map((field) => {
      const raw = data[field]
      const value =
        field === 'members'
          ? (raw as HouseholdRow['members'])
              .map((m) => [m.firstName, m.birthYear, m.gender].filter(Boolean).join(' '))
              .join('; ')
          : show(raw)
      return { field, label: (WORDS.fields as Record<string, string>)[field] ?? field, value }
    }),
  }
}

function summarise(
  kind: ImportKind,
  rows: CheckedRow[],
): { check: ImportCheck; all: ImportProblem[] } {
  const all = rows.flatMap((r) => r.problems)
  const valid = rows.filter((r) => r.input !== null)
  return {
    all,
    check: {
      rowCount: rows.length,
      validCount: valid.length,
      invalidCount: rows.length - valid.length,
      problems: all.slice(0, PROBLEMS_SHOWN),
      problemCount: all.length,
      duplicates: rows.flatMap((r) => (r.duplicate ? [r.duplicate] : [])),
      preview: valid.slice(0, PREVIEW_ROWS).map((r) => previewRow(kind, r)),
    },
  }
}

/** Runs `work` as the job's body: its end state, whatever happens. */
function runJob(job: ImportJob, work: () => Promise<void>): void {
  work().then(
    () => endJob(job, 'done'),
    (err: unknown) => {
      if (err instanceof ImportCancelled) return endJob(job, 'cancelled')
      if (err instanceof AppError) {
        const fieldKey = err.fields?.[0]?.key
        return endJob(job, 'failed', fieldKey ?? err.key)
      }
      console.error('[imports] job failed', err)
      endJob(job, 'failed', 'importFailed')
    },
  )
}

/**
 * `imports.check`: starts checking every row (preview, problems, duplicates); the answer is the
 * job to follow with `imports.progress`. Nothing is written.
 */
export async function checkImport(
  ctx: ImportsContext,
  input: MethodParsed<'imports.check'>,
): Promise<{ jobId: string }> {
  const job = startJob(ctx.session, 'check')
  runJob(job, async () => {
    const rows = await checkRows(ctx, job, input)
    const { check, all } = summarise(input.kind, rows)
    job.problems = [
      ...all,
      ...check.duplicates.map((d) => ({
        line: d.line,
        field: '',
        fieldLabel: '',
        message: `${importMessage('duplicate')} ${d.existing}`,
      })),
    ].sort((a, b) => a.line - b.line)
    job.check = check
    // Existing households or people the file resembles were looked up: that is a view.
    if (check.duplicates.length)
      await audit(ctx.db, ctx, {
        action: 'view',
        entityType: 'import',
        detail: auditNote({ k: 'rows', count: check.duplicates.length }),
      })
  })
  return { jobId: job.id }
}

/** Refuses the whole import in strict mode: the transaction rolls back. */
class StrictRefusal extends Error {}

/**
 * `imports.run`: checks the rows again and writes the valid ones in one transaction, each through
 * the same service as the screens (`households.create`, `people.create`: their rules and audit
 * entries), plus one entry for the import itself. A flagged duplicate is only written when the
 * user ticked its line. In strict mode nothing is written unless every row is valid. A cancel
 * before the commit rolls everything back.
 */
export async function runImport(
  ctx: ImportsContext,
  input: MethodParsed<'imports.run'>,
): Promise<{ jobId: string }> {
  const job = startJob(ctx.session, 'run')
  runJob(job, async () => {
    const rows = await checkRows(ctx, job, input)
    const { all } = summarise(input.kind, rows)
    const invalid = rows.filter((r) => r.input === null).length
    const result: ImportRunResult = {
      imported: 0,
      skippedInvalid: invalid,
      skippedDuplicates: 0,
      strictRefused: false,
    }
    job.problems = all
    if (input.strict && invalid > 0) {
      job.run = { ...result, strictRefused: true }
      return
    }
    const ticked = new Set(input.importDuplicates)
    const toWrite = rows.filter((r) => {
      if (r.input === null) return false
      if (r.duplicate && !ticked.has(r.line)) {
        result.skippedDuplicates++
        return false
      }
      return true
    })
    job.phase = 'saving'
    job.done = 0
    job.total = toWrite.length
    const refused: ImportProblem[] = []
    try {
      await ctx.db.transaction().execute(async (trx) => {
        const rowCtx: ServiceContext = { ...ctx, db: trx }
        for (let i = 0; i < toWrite.length; i++) {
          const row = toWrite[i]
          await sql`savepoint import_row`.execute(trx)
          try {
            if (input.kind === 'households')
              await createHousehold(rowCtx, {
                ...(row.input as HouseholdRow),
                confirmDuplicate: row.duplicate !== null,
              })
            else await createPerson(rowCtx, row.input as PersonRow)
            result.imported++
          } catch (err) {
            if (!(err instanceof AppError)) throw err
            // The service refused this row: undo its part and go on (or stop, in strict mode).
            await sql`rollback to import_row`.execute(trx)
            if (input.strict) throw new StrictRefusal()
            if (err.code === 'CONFLICT' && err.key === 'duplicates') result.skippedDuplicates++
            else {
              result.skippedInvalid++
              const fields = err.fields?.length ? err.fields : [{ path: '', key: 'refused' }]
              for (const f of fields) refused.push(problem(row.line, f.path.split('.')[0], f.key))
            }
          }
          await sql`release import_row`.execute(trx)
          job.done = i + 1
          if ((i + 1) % SAVE_BATCH === 0) {
            await nextTurn()
            if (job.cancelRequested) throw new ImportCancelled()
          }
        }
        if (job.cancelRequested) throw new ImportCancelled()
        if (result.imported > 0)
          await audit(trx, ctx, {
            action: 'create',
            entityType: 'import',
            detail: auditNote({
              k: input.kind === 'households' ? 'households' : 'rows',
              count: result.imported,
            }),
          })
      })
    } catch (err) {
      if (!(err instanceof StrictRefusal)) throw err
      job.run = { ...result, imported: 0, strictRefused: true }
      return
    }
    job.problems = [...all, ...refused].sort((a, b) => a.line - b.line)
    job.run = result
  })
  return { jobId: job.id }
}

export async function importProgress(
  ctx: ImportsContext,
  input: MethodParsed<'imports.progress'>,
): Promise<ImportJobView> {
  return jobView(ownJob(ctx.session, input.jobId))
}

/** `imports.cancel`: stops a check or an import before it commits; after that it is too late. */
export async function cancelImport(
  ctx: ImportsContext,
  input: MethodParsed<'imports.cancel'>,
): Promise<ImportJobView> {
  const job = ownJob(ctx.session, input.jobId)
  if (job.state === 'running') {
    job.cancelRequested = true
    job.abort.abort()
  }
  return jobView(job)
}

/** A CSV cell: quoted, and a leading = + - @ made harmless for a spreadsheet. */
function csvCell(value: string | number): string {
  const text = String(value)
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
  return `"${safe.replace(/"/g, '""')}"`
}

/**
 * `imports.errorReport`: the problems of a finished check or import as a CSV (semicolons and a
 * BOM, as Dutch Excel opens it): line, field, message. It holds no values from the file.
 */
export async function importErrorReport(
  ctx: ImportsContext,
  input: MethodParsed<'imports.errorReport'>,
): Promise<DownloadTicket> {
  const job = ownJob(ctx.session, input.jobId)
  if (job.state !== 'done') throw new AppError({ code: 'CONFLICT', key: 'importNotFinished' })
  const lines = [
    [WORDS.report.line, WORDS.report.field, WORDS.report.message].map(csvCell).join(';'),
    ...job.problems.map((p) => [p.line, p.fieldLabel, p.message].map(csvCell).join(';')),
  ]
  const body = `\ufeff${lines.join('\r\n')}\r\n`
  const path = ctx.downloads.tempPath('csv')
  writeFileSync(path, body, { mode: 0o600 })
  return ctx.downloads.issue({
    path,
    filename: `importfouten-${ctx.clock.today()}.csv`,
    mime: 'text/csv; charset=utf-8',
    sizeBytes: Buffer.byteLength(body),
    temp: true,
  })
}
