import { randomBytes } from 'node:crypto'
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import type { Kysely } from 'kysely'
import { PASSWORD_PARAMS, type ScryptParams } from '../crypto/passwords'
import { dateInZone, type Clock } from '../clock'
import { labelsT } from '../i18n'
import {
  applyKey,
  DB_FILE_NAME,
  DamagedDatabaseError,
  DatabaseTooNewError,
  openDatabase,
  WrongKeyError,
  type OpenDatabase,
} from '../db/open'
import { MIGRATIONS } from '../db/migrations'
import type { DB } from '../db/schema'
import {
  BACKUP_EXTENSION,
  BackupFormatError,
  headerIntact,
  readBackupHeader,
  readBackupLayout,
  sealHeader,
  type BackupHeader,
  type BackupKind,
  type BackupManifest,
} from './backup-file'
import { fileErasureLog, type ErasureEntry, type ErasureLog } from './erasure-log'
import { jsonFileComputerSettings } from '../computer-settings/json-file'
import type { ComputerSettings } from '../computer-settings/store'
import {
  openMarks,
  sealMarks,
  validMarks,
  type AuditEvidence,
  type RestoreMark,
} from './restore-marks'
import {
  generateDatabaseKey,
  generateRecoveryKey,
  isKeySlotFile,
  keyIdOf,
  normaliseRecoveryKey,
  slotParamsAllowed,
  unwrapKey,
  unwrapNothing,
  wrapKey,
  type KeySlot,
  type KeySlotFile,
} from './keyslots'
import {
  folderRisk,
  isRegularFile,
  NotARegularFileError,
  nameTaken,
  readRegularFile,
  writeFileAtomically,
} from './safe-files'
import { WorkerPool } from '../workers/pool'
import { VaultError } from './vault-error'
import { checkBackupTask, resealBackupTask, writeBackupTask } from './backup-tasks'
import { startupCheckTask } from './startup-check'
import { checkpointTask, type CheckpointOutcome } from './checkpoint-task'
import { WriteGate } from '../db/write-gate'
import type { SerializedError } from '../workers/task'

/** A backup to restore or inspect: uploaded bytes, or a file (in the backup folder). */
export type BackupSource = Buffer | Uint8Array | { path: string }

export { DB_FILE_NAME }
export const KEYS_FILE_NAME = 'dichtbij-sleutels.json'
export const ERASURES_FILE_NAME = 'dichtbij-gewist.jsonl'
export const RESTORES_FILE_NAME = 'dichtbij-terugzettingen.json'

/**
 * How long writes must have paused before the worker folds the log into the file: writes in a
 * burst (looks at the matching, each logging 41 views; a day's bookings) share one checkpoint,
 * which then runs while nobody waits for the disk.
 */
const CHECKPOINT_AFTER_MS = 1000
/**
 * Writes that never pause get a checkpoint this long after the first of them all the same, so
 * the log stays far below main's backstop (BACKSTOP_CHECKPOINT_PAGES): a page written again and
 * again (the end of the audit log) is copied once per checkpoint, not once a second.
 */
const CHECKPOINT_AT_MOST_MS = 5000
/** The log's length from which a worker folds it in: SQLite's own default of 1,000 pages. */
const CHECKPOINT_FROM_BYTES = 1000 * 4096

/**
 * - `empty`: nothing set up yet (or only an unfinished setup).
 * - `plain`: a database from before encryption; it is encrypted at the first login.
 * - `locked`: encrypted and closed; a login with a key slot opens it.
 * - `open`: the key is in memory and the database is open.
 * - `damaged`: the key opened the file, but `quick_check` failed; only a restore helps.
 */
export type VaultState = 'empty' | 'plain' | 'locked' | 'open' | 'damaged'

/**
 * The account whose password gets the first key slot when a database from before encryption
 * is encrypted. At a setup the account does not exist yet: its id is 0 until it is made.
 */
export interface FirstUser {
  userId: number
  username: string
  password: string
}

/** What unlocks a key slot: one user's password, or the recovery key. */
export type Secret = { username: string; password: string } | { recoveryKey: string }

export interface BackupInfo {
  name: string
  path: string
  sizeBytes: number
  manifest: BackupManifest
}

export interface VaultOptions {
  dataDir: string
  clock: Clock
  /** scrypt cost of new key slots (tests use a cheaper one). */
  slotParams: ScryptParams
  appVersion?: string
  /** Path to a better-sqlite3 `.node` built for Electron. */
  nativeBinding?: string
  /** Where problems of background work (a daily backup) are reported. */
  logError?: (what: string, err: unknown) => void
  /**
   * The settings of this computer, where the backup folder is kept: electron-store in the app;
   * by default the same file as plain JSON (the bridge, the tests, the scripts).
   */
  settings?: ComputerSettings
}

/** The code of an error from the file system or from SQLite opening or writing a file. */
function fileErrorCode(err: unknown): string | null {
  const code = err instanceof Error && 'code' in err ? String(err.code) : ''
  if (/^E[A-Z]+$/.test(code) || code === 'ERR_FS_FILE_TOO_LARGE') return code
  if (/^SQLITE_(CANTOPEN|FULL|IOERR|READONLY|PERM)/.test(code)) return code
  return null
}

/** Reads a backup file named by a user: a missing or unusable one becomes a VaultError. */
export function readBackupBytes(path: string): Buffer {
  try {
    // Never follows a symlink or waits on a FIFO put there under a backup's name.
    return readRegularFile(path)
  } catch (err) {
    throw fileProblem(err, path)
  }
}

/** A backup file that could not be opened, as the VaultError the screens word. */
function fileProblem(err: unknown, path: string): unknown {
  if (err instanceof NotARegularFileError) return new VaultError('notABackup', err.message)
  const code = fileErrorCode(err)
  if (code === 'ELOOP') return new VaultError('notABackup', `A symlink: ${path}`, code)
  // Gone, never there, a folder under that name, or the folder itself gone or a file.
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR')
    return new VaultError('notFound', `No backup ${path}`, code)
  if (code === 'ERR_FS_FILE_TOO_LARGE') return new VaultError('notABackup', `Too large: ${path}`)
  if (code) return new VaultError('folderUnusable', `Unusable folder ${dirname(path)}`, code)
  return err
}

const KIND_IN_NAME: Record<BackupKind, string> = {
  daily: 'dagelijks',
  manual: 'handmatig',
  'pre-migration': 'voor-update',
  'pre-restore': 'voor-terugzetten',
  'pre-encryption': 'voor-versleuteling',
}

/** Writes a small file so that a power cut leaves either the old or the new version. */
function writeFileDurably(path: string, content: string | Buffer): void {
  writeFileAtomically(path, [typeof content === 'string' ? Buffer.from(content, 'utf8') : content])
}

/** Overwrites a file before removing it, so its old blocks do not keep the plain data. */
function shred(path: string): void {
  if (!existsSync(path)) return
  const size = statSync(path).size
  const fd = openSync(path, 'r+')
  try {
    const zeros = Buffer.alloc(Math.min(size, 1 << 20))
    for (let at = 0; at < size; at += zeros.length)
      writeSync(fd, zeros, 0, Math.min(zeros.length, size - at), at)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  rmSync(path, { force: true })
}

function fileStartsWithSqliteHeader(path: string): boolean {
  const fd = openSync(path, 'r')
  try {
    const head = Buffer.alloc(16)
    const n = readSync(fd, head, 0, 16, 0)
    return n === 16 && head.toString('latin1') === 'SQLite format 3\0'
  } finally {
    closeSync(fd)
  }
}

/**
 * The encrypted database, its key slots, its backups and the record of erasures. Main holds
 * one; the key lives in its memory from the first login until the app closes.
 */
export class Vault {
  readonly dbFile: string
  readonly keysFile: string
  /** The settings of this computer (the backup folder). */
  readonly settings: ComputerSettings
  /** The sealed record of restores (see restore-marks.ts). */
  readonly marksFile: string
  readonly erasures: ErasureLog
  /** Worker threads for heavy work (backups, checks); they get the key only while it is open. */
  readonly workers: WorkerPool
  private handle: OpenDatabase | null = null
  private key: Buffer | null = null
  private slots: KeySlotFile | null = null
  private current: VaultState = 'empty'
  private background: Promise<unknown> = Promise.resolve()
  /** The app's version, as backups and frozen reports record it. */
  get appVersion(): string {
    return this.options.appVersion ?? '0.0.0'
  }

  /** The last automatic backup since start, shown on the Back-ups screen. */
  lastAutomatic: { at: string; ok: boolean; problem: string | null } | null = null
  /** Holds writes back while the start-up check runs (see WriteGate). */
  readonly writeGate = new WriteGate()
  private checkpointTimer: NodeJS.Timeout | null = null
  private checkpointing = false
  /** When the writes began that the pending checkpoint is for, and the last of them. */
  private writesSince = 0
  private lastWrite = 0
  private checkpointRun: Promise<void> | null = null
  /** What the latest checkpoint in a worker answered (for the tests and a look in a debugger). */
  lastCheckpoint: CheckpointOutcome | null = null
  /**
   * Daily backups written (and so checked) since the last look of the backup screen: the vault
   * knows no database records, so the backup domain records these checks when it lists.
   */
  private checkedDaily: { name: string; databaseSha256: string; at: string }[] = []
  /**
   * The start-up check found damage since the app started: the next opening checks the file
   * before it is used (synchronously, as before), instead of in the background.
   */
  private suspect = false
  /** Opening, encrypting and restoring run one at a time. */
  private turn: Promise<unknown> = Promise.resolve()

  private constructor(private readonly options: VaultOptions) {
    // Only this account may read the folder (where the system honours modes).
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 })
    this.dbFile = join(options.dataDir, DB_FILE_NAME)
    this.keysFile = join(options.dataDir, KEYS_FILE_NAME)
    this.settings = options.settings ?? jsonFileComputerSettings(options.dataDir)
    this.marksFile = join(options.dataDir, RESTORES_FILE_NAME)
    this.workers = new WorkerPool({
      dbFile: this.dbFile,
      dataDir: options.dataDir,
      key: () => (this.isOpen || this.current === 'damaged' ? this.key : null),
      nativeBinding: options.nativeBinding,
    })
    const file = fileErasureLog(join(options.dataDir, ERASURES_FILE_NAME))
    // Each entry is stamped with the data it was made in, so a restore of other data skips it.
    this.erasures = {
      append: (entry) => file.append({ ...entry, dataId: entry.dataId ?? this.slots?.keyId }),
      entries: () => file.entries(),
    }
  }

  /** Looks at the data folder; a database from before encryption is opened as it is. */
  static async start(options: VaultOptions): Promise<Vault> {
    const vault = new Vault(options)
    await vault.lookAtDataFolder()
    return vault
  }

  private async lookAtDataFolder(): Promise<void> {
    this.slots = this.readSlots()
    const hasDb = existsSync(this.dbFile)
    if (hasDb && fileStartsWithSqliteHeader(this.dbFile)) {
      // The version before encryption: log in on it as it is, encrypt right after.
      await this.openPlain()
      this.current = 'plain'
      return
    }
    this.current = hasDb && this.slots && this.slots.slots.length > 0 ? 'locked' : 'empty'
  }

  private async openPlain(): Promise<void> {
    this.handle = await openDatabase({
      file: this.dbFile,
      nativeBinding: this.options.nativeBinding,
      migrate: false,
    })
  }

  /** Moves the database and its companions aside under `label`; nothing is deleted. */
  private moveDatabaseAside(label: string): void {
    if (!existsSync(this.dbFile)) return
    const stamp = this.options.clock.now().toISOString().replace(/[:.]/g, '-')
    for (const suffix of ['', '-wal', '-shm'])
      if (existsSync(this.dbFile + suffix))
        renameSync(this.dbFile + suffix, `${this.dbFile}.${label}-${stamp}${suffix}`)
  }

  get state(): VaultState {
    return this.current
  }

  get isOpen(): boolean {
    return this.current === 'open' || this.current === 'plain'
  }

  /** The open database. Only code behind a login (or the plain upgrade path) reaches here. */
  get db(): Kysely<DB> {
    if (!this.handle || !this.isOpen) throw new VaultError('notOpen', 'The database is not open')
    return this.handle.db
  }

  get sqlite(): Database.Database {
    if (!this.handle || !this.isOpen) throw new VaultError('notOpen', 'The database is not open')
    return this.handle.sqlite
  }

  hasTable(name: string): boolean {
    return !!this.sqlite
      .prepare("select 1 from sqlite_master where type = 'table' and name = ?")
      .get(name)
  }

  get organisationName(): string | null {
    return this.slots?.organisationName ?? null
  }

  /** Whether the account has a key slot (one made at setup, creation, reset or a login). */
  hasUserSlot(userId: number): boolean {
    return !!this.slots?.slots.some((s) => s.kind === 'user' && s.userId === userId)
  }

  hasSlotForName(username: string): boolean {
    const name = username.trim().toLowerCase()
    return !!this.slots?.slots.some((s) => s.kind === 'user' && s.username === name)
  }

  get hasRecoverySlot(): boolean {
    return !!this.slots?.slots.some((s) => s.kind === 'recovery')
  }

  /**
   * Tells one recovery key from the next (its slot's random salt; not secret, it is in the slot
   * file), so a confirmation that the sheet was put away belongs to that key only.
   */
  get recoverySlotTag(): string | null {
    return this.slots?.slots.find((s) => s.kind === 'recovery')?.kdf.salt ?? null
  }

  private readSlots(): KeySlotFile | null {
    if (!existsSync(this.keysFile)) return null
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.keysFile, 'utf8'))
      return isKeySlotFile(parsed) ? parsed : null
    } catch {
      return null
    }
  }

  private saveSlots(file: KeySlotFile): void {
    writeFileDurably(this.keysFile, JSON.stringify(file, null, 2))
    this.slots = file
  }

  private requireKey(): Buffer {
    if (!this.key || !this.isOpen) throw new VaultError('notOpen', 'The database is not open')
    return this.key
  }

  // ---- setting up and opening -------------------------------------------------------------

  /**
   * First start: a new key and a new encrypted database. A database from before encryption
   * (the shop-only version had no accounts) is encrypted instead of replaced.
   */
  async create(organisationName: string | null, firstUser: FirstUser): Promise<void> {
    if (this.current === 'plain') {
      await this.encryptPlain(organisationName, firstUser)
      return
    }
    if (this.current !== 'empty') throw new VaultError('notOpen', 'Already set up')
    // A database without its key slots (an unfinished setup, or a file copied without them) is
    // moved aside, never deleted: with the right slot file it can still be opened.
    this.moveDatabaseAside('zonder-sleutels')
    const key = generateDatabaseKey()
    this.saveSlots({
      format: 'dichtbij-keyslots',
      version: 1,
      keyId: keyIdOf(key),
      organisationName,
      slots: [],
    })
    await this.openWithKey(key)
  }

  /**
   * Opens the database with a key from a slot: pre-migration backup, migrations, and SQLite's
   * quick_check in a worker right after (see checkInBackground), so the check does not delay the
   * first screen. A file already found damaged is checked before it is opened again.
   */
  private async openWithKey(key: Buffer, check: 'background' | 'none' = 'none'): Promise<void> {
    const checkNow = this.suspect
    try {
      this.handle = await openDatabase({
        file: this.dbFile,
        key,
        nativeBinding: this.options.nativeBinding,
        skipQuickCheck: !checkNow,
        writeGate: this.writeGate,
        onWrite: () => this.checkpointSoon(),
        beforeMigrate: async () => {
          // Copied by a worker's own connection: nothing is written to the file before this.
          await this.writeBackup(null, key, 'pre-migration', this.backupDir())
        },
      })
    } catch (err) {
      if (err instanceof DamagedDatabaseError) {
        this.key = key
        this.current = 'damaged'
      }
      throw err
    }
    this.key = key
    this.current = 'open'
    this.suspect = false
    this.writeGate.open()
    if (!checkNow && check === 'background') this.checkInBackground()
    this.dropSlotsOfDisabledAccounts()
  }

  /**
   * The start-up check, off main's thread, queued before the daily backup. Meanwhile the app
   * reads as normal, and writes wait for the check (WriteGate): the check takes seconds, and a
   * change saved into a file that turns out damaged would be lost at the restore without a word. When it finds damage the database is closed and the vault is 'damaged', as
   * when the check ran before opening: the sessions end with a clear message on their next call,
   * and the next login offers the newest good backup (newestGoodBackup, restore).
   */
  private checkInBackground(): void {
    const checked = this.handle
    let passed: (ok: boolean) => void = () => undefined
    // Writes wait until the check has passed (reads go on): see WriteGate.
    this.writeGate.hold(new Promise<boolean>((resolve) => (passed = resolve)))
    this.runInBackground('start-up check', async () => {
      try {
        await this.startupCheck(checked)
        passed(this.handle === checked && this.current === 'open')
      } catch (err) {
        // Damage keeps writes out; a check that could not run (a worker that crashed) does not.
        passed(!(err instanceof DamagedDatabaseError))
        throw err
      }
    })
  }

  private async startupCheck(checked: OpenDatabase | null): Promise<void> {
    if (this.handle !== checked || this.current !== 'open') return
    const { problems } = await this.workers.run(
      startupCheckTask,
      {},
      {
        reviveError,
        jobLabelKey: 'jobs.labels.startupCheck',
        owner: { sessionId: null, roles: ['admin', 'coordinator', 'volunteer'] },
      },
    )
    if (problems.length === 0) return
    // Still the handle that was checked: a restore meanwhile replaced nothing of it.
    if (this.handle !== checked || this.current !== 'open') return
    await this.markDamaged()
    throw new DamagedDatabaseError(problems)
  }

  /**
   * The open database turned out damaged (the start-up check, or SQLite refusing a damaged page
   * during a call): it is closed and the vault is 'damaged', so nothing more is written to it and
   * only a restore helps. The key stays in memory to check the backups (newestGoodBackup).
   */
  async markDamaged(): Promise<void> {
    if (this.current !== 'open') return
    const handle = this.handle
    this.suspect = true
    this.current = 'damaged'
    this.handle = null
    this.workers.forgetConnections()
    try {
      await handle?.close()
    } catch (err) {
      // Closing a damaged file may fail too; it is left as it is for the restore to move aside.
      ;(this.options.logError ?? console.error)('closing a damaged database', err)
    }
  }

  /**
   * A disabled account keeps no key slot. Checked at every opening (first login, restore,
   * setup, upgrade): a slot file or a restored backup from before the account was disabled
   * must not leave its password able to open a copy of the data.
   */
  private dropSlotsOfDisabledAccounts(): void {
    if (!this.slots || !this.hasTable('account')) return
    const disabled = new Set(
      (
        this.sqlite.prepare('select id from account where active = 0').all() as { id: number }[]
      ).map((r) => r.id),
    )
    this.dropUserSlots(disabled)
  }

  /**
   * The scrypt settings a slot may have: the ones the app writes. Anything else was written by
   * someone else, and is refused before any derivation (an uploaded backup chooses its own).
   */
  private get allowedSlotParams(): ScryptParams[] {
    return [PASSWORD_PARAMS, this.options.slotParams]
  }

  /** The slot `secret` would open and the secret as it is derived, or null when there is none. */
  private slotFor(
    secret: Secret,
    slots: KeySlotFile | null,
  ): { slot: KeySlot; typed: string } | null {
    if (!slots) return null
    const found =
      'recoveryKey' in secret
        ? { typed: normaliseRecoveryKey(secret.recoveryKey), kind: 'recovery' as const }
        : { typed: secret.password, kind: 'user' as const }
    const name = 'username' in secret ? secret.username.trim().toLowerCase() : null
    // An uploaded file's slots may be anything: only objects are looked at.
    const slot = slots.slots.find(
      (s) =>
        typeof s === 'object' &&
        s !== null &&
        s.kind === found.kind &&
        (found.kind === 'recovery' || s.username === name),
    )
    if (!slot || found.typed === null) return null
    if (!slotParamsAllowed(slot, this.allowedSlotParams))
      throw new VaultError('tampered', 'A key slot has scrypt settings the app never writes')
    return { slot, typed: found.typed }
  }

  /** The database key from the slot of `secret`, or null when it opens none. */
  async unwrapWith(secret: Secret, slots: KeySlotFile | null = this.slots): Promise<Buffer | null> {
    const found = this.slotFor(secret, slots)
    return found ? unwrapKey(found.slot, found.typed) : null
  }

  /**
   * The first login after start opens the database. Returns false when the secret opens no
   * slot (a name without one costs the same time); throws DamagedDatabaseError when the key is
   * right but the file is damaged.
   */
  unlock(secret: Secret): Promise<boolean> {
    return this.exclusive(async () => {
      // Another login may have opened it while this one waited its turn.
      if (this.current !== 'locked' && this.current !== 'damaged') return this.isOpen
      const found = this.slotFor(secret, this.slots)
      if (!found) {
        const typed = 'password' in secret ? secret.password : secret.recoveryKey
        await unwrapNothing(typed, this.options.slotParams)
        return false
      }
      const key = await unwrapKey(found.slot, found.typed)
      if (!key) return false
      // A new file, a restored or an encrypted copy was checked as it was made; this one was not.
      await this.openWithKey(key, 'background')
      this.afterOpen()
      return true
    })
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.turn.then(work, work)
    this.turn = run.catch(() => undefined)
    return run
  }

  /** Once a day, at the first login: a backup in the background. */
  private afterOpen(): void {
    this.runInBackground('daily backup', async () => {
      // Not of data the start-up check (queued before this) found damaged.
      if (this.current !== 'open') return
      if (!this.hasBackupOfToday()) await this.automaticBackup()
    })
  }

  /** A daily backup whose outcome is remembered for the screen, and whose failure is logged. */
  private async automaticBackup(): Promise<void> {
    const at = this.options.clock.now().toISOString()
    try {
      const info = await this.backup('daily')
      this.lastAutomatic = { at, ok: true, problem: null }
      this.checkedDaily.push({
        name: info.name,
        databaseSha256: info.manifest.databaseSha256,
        at: this.options.clock.now().toISOString(),
      })
    } catch (err) {
      this.lastAutomatic = { at, ok: false, problem: backupProblemText(err, this.backupDir()) }
      throw err
    }
  }

  /** The daily backups checked as they were written, handed over once. */
  takeCheckedDaily(): { name: string; databaseSha256: string; at: string }[] {
    return this.checkedDaily.splice(0)
  }

  private runInBackground(what: string, work: () => Promise<unknown>): void {
    this.background = this.background
      .then(work)
      .catch((err) => (this.options.logError ?? console.error)(what, err))
  }

  /**
   * After a write: the write-ahead log is folded into the file by a worker a moment later (one
   * checkpoint at a time, as many writes as come in meanwhile), never by a commit on main.
   */
  private checkpointSoon(): void {
    const now = Date.now()
    this.lastWrite = now
    if (this.checkpointTimer) return
    this.writesSince = now
    const wait = (ms: number): void => {
      this.checkpointTimer = setTimeout(() => {
        const at = Date.now()
        const quiet = at - this.lastWrite
        // Still writing: wait for the pause, but not past the longest wait.
        if (quiet < CHECKPOINT_AFTER_MS && at - this.writesSince < CHECKPOINT_AT_MOST_MS)
          return wait(
            Math.min(CHECKPOINT_AFTER_MS - quiet, this.writesSince + CHECKPOINT_AT_MOST_MS - at),
          )
        this.checkpointTimer = null
        this.checkpointNow()
      }, ms)
      this.checkpointTimer.unref?.()
    }
    wait(CHECKPOINT_AFTER_MS)
  }

  /** No checkpoint is pending or running after this (before the workers are stopped). */
  private async stopCheckpoints(): Promise<void> {
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer)
    this.checkpointTimer = null
    await this.checkpointRun
  }

  private checkpointNow(): void {
    // One at a time: writes during this one get the next.
    if (this.checkpointing) return this.checkpointSoon()
    if (this.current !== 'open' || !this.handle) return
    this.checkpointing = true
    this.checkpointRun = this.checkpointOnce().finally(() => {
      this.checkpointing = false
    })
  }

  private async checkpointOnce(): Promise<void> {
    // A short log is left as it is (SQLite itself starts at the same size): no worker is started
    // for a few writes. The file keeps its size after a checkpoint, so once the log has grown
    // this long every burst of writes is folded in.
    const size = await stat(`${this.dbFile}-wal`).then(
      (s) => s.size,
      () => 0,
    )
    if (size < CHECKPOINT_FROM_BYTES || this.current !== 'open') return
    try {
      this.lastCheckpoint = await this.workers.run(checkpointTask, {})
    } catch (err) {
      // The worker failed or was stopped: main's backstop remains.
      ;(this.options.logError ?? console.error)('checkpoint in a worker', err)
    }
  }

  /** Resolves when background work started so far (the daily backup) has finished. */
  settled(): Promise<unknown> {
    return this.background
  }

  /**
   * A database from before encryption becomes encrypted. A copy is encrypted and checked, the
   * slot file gets the first user's slot, and a backup of the copy is written, all before the
   * plain file is touched: if anything fails up to there, the plain file stays as it was and
   * the key is dropped. Only then is the plain file replaced and overwritten. Plain backups
   * made by the earlier version are converted the same way.
   */
  encryptPlain(organisationName: string | null, firstUser: FirstUser): Promise<void> {
    return this.exclusive(() => this.encryptPlainNow(organisationName, firstUser))
  }

  private async encryptPlainNow(
    organisationName: string | null,
    firstUser: FirstUser,
  ): Promise<void> {
    if (this.current !== 'plain' || !this.handle) return
    const key = generateDatabaseKey()
    this.handle.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    await this.handle.close()
    this.handle = null
    const encrypting = `${this.dbFile}.versleutelen`
    let slots: KeySlotFile
    try {
      encryptCopy(this.dbFile, encrypting, key, this.options.nativeBinding)
      slots = {
        format: 'dichtbij-keyslots',
        version: 1,
        keyId: keyIdOf(key),
        organisationName,
        slots: [await this.userSlot(key, firstUser)],
      }
      await this.writeBackup(encrypting, key, 'pre-encryption', this.backupDir(), slots)
      this.saveSlots(slots)
    } catch (err) {
      shred(encrypting)
      await this.openPlain()
      throw err
    }
    // From here the key is safe in the slot file and in a backup.
    for (const suffix of ['-wal', '-shm']) shred(this.dbFile + suffix)
    const plainCopy = `${this.dbFile}.onversleuteld`
    // No worker keeps the plain file open while it is renamed (see restore).
    await this.stopCheckpoints()
    await this.workers.terminateAll()
    renameSync(this.dbFile, plainCopy)
    renameSync(encrypting, this.dbFile)
    shred(plainCopy)
    this.current = 'locked'
    await this.convertPlainBackups(key)
    await this.openWithKey(key)
    this.afterOpen()
  }

  private userSlot(key: Buffer, user: FirstUser): Promise<KeySlot> {
    return wrapKey(
      key,
      user.password,
      this.options.slotParams,
      { kind: 'user', userId: user.userId, username: user.username.trim().toLowerCase() },
      this.options.clock.now(),
    )
  }

  /** The earlier version's pre-migration copies were plain SQLite files: encrypt or drop them. */
  private async convertPlainBackups(key: Buffer): Promise<void> {
    const dir = this.backupDir()
    if (!existsSync(dir)) return
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      // Only regular files: a symlink here could point at (and get shredded) any file.
      if (!name.endsWith('.sqlite') || !isRegularFile(path) || !fileStartsWithSqliteHeader(path))
        continue
      const encrypted = `${path}.versleutelen`
      try {
        encryptCopy(path, encrypted, key, this.options.nativeBinding)
        await this.writeBackup(encrypted, key, 'pre-migration', dir)
        // Only a copy that is safely converted goes.
        shred(path)
      } catch (err) {
        // A copy that cannot be converted (damaged, say) stays as it was, and the upgrade goes on.
        ;(this.options.logError ?? console.error)(`converting old backup ${name}`, err)
      } finally {
        shred(encrypted)
      }
    }
  }

  // ---- key slots ----------------------------------------------------------------------------

  async setUserSlot(userId: number, username: string, password: string): Promise<void> {
    const key = this.requireKey()
    if (!this.slots) return
    const slot = await wrapKey(
      key,
      password,
      this.options.slotParams,
      { kind: 'user', userId, username: username.trim().toLowerCase() },
      this.options.clock.now(),
    )
    // Also replaced: a provisional slot of the same name made before the account had its id.
    const others = this.slots.slots.filter(
      (s) =>
        !(
          s.kind === 'user' &&
          (s.userId === userId || (s.userId === 0 && s.username === slot.username))
        ),
    )
    this.saveSlots({ ...this.slots, slots: [...others, slot] })
  }

  removeUserSlot(userId: number): void {
    this.dropUserSlots(new Set([userId]))
  }

  /**
   * Removes these accounts' slots from the key file and, in the background, from this data's
   * backups in the folder: those carry the slots they were made with, and a disabled account's
   * password must not open those copies either.
   */
  private dropUserSlots(userIds: ReadonlySet<number>): void {
    if (!this.slots || userIds.size === 0) return
    const dropped = (s: KeySlot): boolean =>
      s.kind === 'user' && s.userId !== undefined && userIds.has(s.userId)
    const kept = this.slots.slots.filter((s) => !dropped(s))
    if (kept.length !== this.slots.slots.length) this.saveSlots({ ...this.slots, slots: kept })
    if (this.key)
      this.runInBackground('removing slots from backups', () =>
        this.resealOwnBackups((slots) => slots.filter((s) => !dropped(s))),
      )
  }

  /** The name the login screen shows before the database is open. */
  setOrganisationName(name: string | null): void {
    if (this.slots && this.slots.organisationName !== name)
      this.saveSlots({ ...this.slots, organisationName: name })
  }

  /**
   * A new recovery key replaces the old slot; the old sheet no longer opens anything.
   * `handOver` runs before the key is put in place (it makes the sheet) and `record` right after
   * (the audit entry): when either fails, the old key stays and no backup is resealed.
   */
  async newRecoveryKey<T = void>(
    handOver: (recoveryKey: string) => Promise<T> = async () => undefined as T,
    record: () => Promise<void> = async () => undefined,
  ): Promise<{ recoveryKey: string; handedOver: T }> {
    const key = this.requireKey()
    if (!this.slots) throw new VaultError('notOpen', 'No key slots')
    const recoveryKey = generateRecoveryKey()
    const slot = await wrapKey(
      key,
      recoveryKey,
      this.options.slotParams,
      { kind: 'recovery' },
      this.options.clock.now(),
    )
    // The key is only put in place once its sheet exists: a key that replaced the old one and
    // then never reached anybody would leave the data and the backups with no working sheet.
    const handedOver = await handOver(recoveryKey)
    const before = this.slots
    if (!before) throw new VaultError('notOpen', 'No key slots')
    const previous = before.slots.filter((s) => s.kind === 'recovery')
    this.saveSlots({
      ...before,
      slots: [...before.slots.filter((s) => s.kind !== 'recovery'), slot],
    })
    try {
      await record()
    } catch (err) {
      // Not recorded: the old key comes back (other slots changed meanwhile stay as they are).
      const now = this.slots ?? before
      this.saveSlots({
        ...now,
        slots: [...now.slots.filter((s) => s.kind !== 'recovery'), ...previous],
      })
      throw err
    }
    this.runInBackground('resealing backups', () => this.resealOwnBackups())
    return { recoveryKey, handedOver }
  }

  /**
   * The slots a backup of this data gets when it is resealed after a new recovery key: the
   * current recovery slot, and slots of accounts it had none for (e.g. backups from the
   * upgrade, made when only the first user had one). Its own user slots stay: they match the
   * password hashes inside it.
   */
  private refreshedSlots(slots: KeySlot[]): KeySlot[] {
    const current = this.slots?.slots ?? []
    const recovery = current.find((s) => s.kind === 'recovery')
    const had = new Set(slots.filter((s) => s.kind === 'user').map((s) => s.userId))
    return [
      ...slots.filter((s) => s.kind !== 'recovery'),
      ...current.filter((s) => s.kind === 'user' && !had.has(s.userId)),
      ...(recovery ? [recovery] : []),
    ]
  }

  /**
   * Rewrites the key slots of this data's backups in the folder with `change` (by default
   * `refreshedSlots`). Only files whose slots change are written again.
   */
  private async resealOwnBackups(
    change: (slots: KeySlot[]) => KeySlot[] = (slots) => this.refreshedSlots(slots),
  ): Promise<void> {
    const key = this.key
    if (!key || !this.slots) return
    for (const { info, header: listed } of this.sealedBackups(key)) {
      const slots = change(listed.keySlots.slots)
      if (JSON.stringify(slots) === JSON.stringify(listed.keySlots.slots)) continue
      const sealed = sealHeader(
        {
          manifest: listed.manifest,
          keySlots: { ...listed.keySlots, slots },
          erasures: listed.erasures,
        },
        key,
      )
      // The database part is copied over in a worker, streamed and its hash checked on the way.
      await this.workers.run(
        resealBackupTask,
        { path: info.path, header: sealed },
        {
          key,
          reviveError,
        },
      )
    }
  }

  // ---- backups ------------------------------------------------------------------------------

  /** The backup folder: chosen by the admin (a USB drive, say), or `backups` in the data folder. */
  backupDir(): string {
    return this.settings.get('backupFolder') ?? this.defaultBackupDir()
  }

  private defaultBackupDir(): string {
    return join(this.options.dataDir, 'backups')
  }

  isDefaultBackupDir(): boolean {
    return this.settings.get('backupFolder') === null
  }

  setBackupDir(dir: string | null): void {
    this.settings.set('backupFolder', dir || null)
  }

  private backupName(kind: BackupKind, at: Date): string {
    const stamp = at
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z')
    return `dichtbij-${stamp}-${KIND_IN_NAME[kind]}${BACKUP_EXTENSION}`
  }

  /** A backup of the open database into the backup folder (or `dir`), checked after writing. */
  async backup(kind: BackupKind, dir = this.backupDir()): Promise<BackupInfo> {
    const key = this.requireKey()
    const info = await this.writeBackup(null, key, kind, dir)
    if (kind === 'daily') this.prune(dir, info.name)
    return info
  }

  /** `source`: the live database (null), or another encrypted file (a copy being converted). */
  private async writeBackup(
    source: string | null,
    key: Buffer,
    kind: BackupKind,
    dir: string,
    slots: KeySlotFile | null = this.slots,
  ): Promise<BackupInfo> {
    try {
      return await this.writeBackupNow(source, key, kind, dir, slots)
    } catch (err) {
      // A folder that vanished, is a file, is read-only or full: said as such, not as a crash.
      const code = err instanceof VaultError ? null : fileErrorCode(err)
      if (!code) throw err
      if (dir !== this.defaultBackupDir() && !existsSync(dir))
        throw new VaultError('folderMissing', `No folder ${dir}`, code)
      throw new VaultError('folderUnusable', `Unusable folder ${dir}`, code)
    }
  }

  private async writeBackupNow(
    source: string | null,
    key: Buffer,
    kind: BackupKind,
    dir: string,
    slots: KeySlotFile | null,
  ): Promise<BackupInfo> {
    if (!slots) throw new VaultError('notOpen', 'No key slots')
    // The folder in the data folder is made when needed. A chosen one (a USB stick) is not:
    // writing the backup to the internal disk instead would go unnoticed.
    if (dir === this.defaultBackupDir()) mkdirSync(dir, { recursive: true, mode: 0o700 })
    else if (!existsSync(dir)) throw new VaultError('folderMissing', `No folder ${dir}`)
    // A chosen folder that became writable for others (or a symlink) after it was chosen.
    else if (folderRisk(dir)) throw new VaultError('folderUnsafe', `Unsafe folder ${dir}`)
    const now = this.options.clock.now()
    let name = this.backupName(kind, now)
    for (let n = 2; nameTaken(join(dir, name)); n++)
      name = name.replace(/(-\d+)?\.dichtbij-backup$/, `-${n}${BACKUP_EXTENSION}`)
    const path = join(dir, name)
    // Copy, check, hash, seal, write and read back: all in a worker (see backup-tasks.ts).
    const written = await this.workers.run(
      writeBackupTask,
      {
        source,
        path,
        manifest: {
          format: 'dichtbij-backup',
          version: 1,
          kind,
          appVersion: this.options.appVersion ?? '0.0.0',
          createdAt: now.toISOString(),
          keyId: keyIdOf(key),
        },
        keySlots: slots,
        // Only this data's erasures: ids mean nothing in other data.
        erasures: this.erasures.entries().filter((e) => e.dataId === keyIdOf(key)),
        restores: this.restoreMarks(key),
      },
      {
        key,
        reviveError,
        jobLabelKey: kind === 'daily' ? 'jobs.labels.dailyBackup' : 'jobs.labels.backup',
        // The backup screen is the admin's; its progress is shown there.
        owner: { sessionId: null, roles: ['admin'] },
      },
    )
    return { name, path, sizeBytes: written.sizeBytes, manifest: written.manifest }
  }

  /** The header of a backup named by a user or found in the folder, or why it cannot be used. */
  private layoutOf(path: string): ReturnType<typeof readBackupLayout> {
    try {
      return readBackupLayout(path)
    } catch (err) {
      if (err instanceof BackupFormatError) throw new VaultError('notABackup', err.message)
      throw fileProblem(err, path)
    }
  }

  /**
   * Checks a backup file against the key: hash, header seal, integrity and counts. The file is
   * read streamed in a worker, never whole into memory.
   */
  private async verifyFile(path: string, key: Buffer): Promise<BackupManifest> {
    const { header } = this.layoutOf(path)
    if (header.manifest.keyId !== keyIdOf(key) || !headerIntact(header, key))
      throw new VaultError('tampered', 'The backup header does not match its key')
    const { contents } = await this.workers.run(
      checkBackupTask,
      { path },
      {
        key,
        reviveError,
        jobLabelKey: 'jobs.labels.verifyBackup',
        owner: { sessionId: null, roles: ['admin'] },
      },
    )
    const expected = header.manifest.counts
    const same =
      Object.keys(expected).length === Object.keys(contents.counts).length &&
      Object.entries(expected).every(([t, n]) => contents.counts[t] === n)
    if (!same) throw new VaultError('damaged', 'The row counts differ from the manifest')
    return header.manifest
  }

  /**
   * After a failed check at opening: the newest backup in the folder that passes its own check
   * with the key that opened the damaged file.
   */
  async newestGoodBackup(): Promise<BackupInfo | null> {
    if (this.current !== 'damaged' || !this.key) return null
    for (const b of this.listBackups()) {
      try {
        await this.verifyFile(b.path, this.key)
        return b
      } catch {
        // Try the next older one.
      }
    }
    return null
  }

  /** Checks a backup in the backup folder with the key in memory. */
  verifyBackup(name: string): Promise<BackupManifest> {
    return this.verifyFile(this.backupPath(name), this.requireKey())
  }

  backupPath(name: string): string {
    if (!/^[\w.-]+\.dichtbij-backup$/.test(name) || name.startsWith('.'))
      throw new VaultError('notABackup', 'Not a backup name')
    return join(this.backupDir(), name)
  }

  /** Backups in the folder, newest first; unreadable files are left out. */
  listBackups(dir = this.backupDir()): BackupInfo[] {
    return this.readHeaders(dir).map((b) => b.info)
  }

  /** Each backup file's header read once, newest first. */
  private readHeaders(dir: string): { info: BackupInfo; header: BackupHeader }[] {
    let names: string[]
    try {
      names = readdirSync(dir)
    } catch {
      // Missing, not a folder, or not readable: the screen says so (see folderProblem).
      return []
    }
    const out: { info: BackupInfo; header: BackupHeader }[] = []
    for (const name of names) {
      if (!name.endsWith(BACKUP_EXTENSION) || name.startsWith('.')) continue
      const path = join(dir, name)
      // A FIFO, device or symlink under a backup's name is skipped before it is opened.
      if (!isRegularFile(path)) continue
      try {
        const header = readBackupHeader(path)
        const info = { name, path, sizeBytes: statSync(path).size, manifest: header.manifest }
        out.push({ info, header })
      } catch {
        // Not ours or cut short: not offered.
      }
    }
    return out.sort((a, b) => b.info.manifest.createdAt.localeCompare(a.info.manifest.createdAt))
  }

  /** The audit heads recorded in the backups in the folder (see verifyAudit). */
  auditAnchors(): AuditEvidence {
    // Only backups this data sealed count: planted or foreign files neither anchor nor excuse.
    const key = this.key
    if (!key || !this.isOpen) return { anchors: [], restores: [] }
    const anchors = this.sealedBackups(key).flatMap(({ header: { manifest } }) =>
      manifest.auditHead
        ? [
            {
              ...manifest.auditHead,
              at: manifest.createdAt,
              restores: validMarks(manifest.restores),
            },
          ]
        : [],
    )
    return { anchors, restores: this.restoreMarks(key) }
  }

  /** The sealed record of restores of this data (see restore-marks.ts); none when unreadable. */
  private restoreMarks(key: Buffer): RestoreMark[] {
    try {
      return openMarks(JSON.parse(readFileSync(this.marksFile, 'utf8')), keyIdOf(key), key)
    } catch {
      return []
    }
  }

  /**
   * Backups in the folder that this data made: the same key, an intact seal, and not dated in
   * the future. A shared stick or planted files must not decide what is pruned or skipped.
   */
  private ownBackups(dir = this.backupDir()): BackupInfo[] {
    return this.key ? this.sealedBackups(this.key, dir).map((b) => b.info) : []
  }

  /** The folder's backups sealed with `key`, not dated in the future, with their headers. */
  private sealedBackups(
    key: Buffer,
    dir = this.backupDir(),
  ): { info: BackupInfo; header: BackupHeader }[] {
    const keyId = keyIdOf(key)
    const latest = this.options.clock.now().getTime() + 24 * 3600_000
    return this.readHeaders(dir).filter(
      ({ header }) =>
        header.manifest.keyId === keyId &&
        Date.parse(header.manifest.createdAt) <= latest &&
        headerIntact(header, key),
    )
  }

  private hasBackupOfToday(): boolean {
    const today = dateInZone(this.options.clock.now())
    return this.ownBackups().some(
      (b) => b.manifest.kind === 'daily' && dateInZone(new Date(b.manifest.createdAt)) === today,
    )
  }

  /** Daily backups beyond the last 14 days and the last 12 months are removed. */
  prune(dir = this.backupDir(), justWritten?: string): string[] {
    const daily = this.ownBackups(dir).filter((b) => b.manifest.kind === 'daily')
    const remove = dailyBackupsToRemove(
      daily.map((b) => ({ name: b.name, createdAt: b.manifest.createdAt })),
    ).filter((name) => name !== justWritten)
    for (const name of remove) rmSync(join(dir, name), { force: true })
    return remove
  }

  /** At close: one more daily backup, so the day's work is in one. */
  async backupAtClose(): Promise<void> {
    if (this.current !== 'open') return
    await this.settled()
    await this.automaticBackup()
  }

  // ---- restore ------------------------------------------------------------------------------

  /**
   * Everything a restore checks, without changing anything: hash, key from the backup's own
   * slots, header seal, integrity, schema version. Returns the manifest and the key.
   */
  async inspectBackup(
    source: BackupSource,
    secret: Secret,
    options: { adminOnly?: boolean } = {},
  ): Promise<{ manifest: BackupManifest; key: Buffer; sameData: boolean | null }> {
    return this.withSourceFile(source, async (path) => {
      const { header, key, sameData } = await this.inspect(path, secret, options, false)
      return { manifest: header.manifest, key, sameData }
    })
  }

  /**
   * Runs `work` with the backup as a file: one in the folder as it is, uploaded bytes saved
   * first to a temporary file in the data folder (removed afterwards).
   */
  private async withSourceFile<T>(
    source: BackupSource,
    work: (path: string) => Promise<T>,
  ): Promise<T> {
    if (!Buffer.isBuffer(source) && !(source instanceof Uint8Array)) return work(source.path)
    const temp = join(this.options.dataDir, `.upload-${randomBytes(8).toString('hex')}`)
    writeFileSync(temp, source, { mode: 0o600, flag: 'wx' })
    try {
      return await work(temp)
    } finally {
      rmSync(temp, { force: true })
    }
  }

  private async inspect(
    path: string,
    secret: Secret,
    options: { adminOnly?: boolean },
    keepCopy: boolean,
  ): Promise<{
    header: BackupHeader
    /** The checked database copy in the data folder (only with `keepCopy`). */
    copy: string | null
    key: Buffer
    sameData: boolean | null
    auditHead: { id: number; hash: string } | null
  }> {
    const { header } = this.layoutOf(path)
    const key = await this.unwrapWith(secret, header.keySlots)
    if (!key) throw new VaultError('wrongSecret', 'The secret opens no slot of this backup')
    if (header.manifest.keyId !== keyIdOf(key) || !headerIntact(header, key))
      throw new VaultError('tampered', 'The backup header does not match its key')
    const username = 'username' in secret ? secret.username : undefined
    const checked = await this.workers.run(
      checkBackupTask,
      { path, username, keepCopy },
      {
        key,
        reviveError,
        jobLabelKey: 'jobs.labels.inspectBackup',
        owner: { sessionId: null, roles: ['admin'] },
      },
    )
    const copy = checked.copy
    try {
      // The header the worker read is the one whose seal was checked here (same bytes).
      if (JSON.stringify(checked.header) !== JSON.stringify(header))
        throw new VaultError('tampered', 'The backup changed while it was checked')
      const contents = checked.contents
      const known = new Set(Object.keys(MIGRATIONS))
      if (contents.schemaVersion && !known.has(contents.schemaVersion))
        throw new VaultError('tooNew', 'The backup was made by a newer version')
      // Without a login, a password opens a restore only if it is a beheerder's in that backup.
      if (options.adminOnly && username !== undefined && contents.role !== 'admin')
        throw new VaultError('notAdmin', 'Only an admin of the backup may restore it here')
      const ownKeyId = this.key ? keyIdOf(this.key) : (this.slots?.keyId ?? null)
      const sameData = ownKeyId === null ? null : ownKeyId === header.manifest.keyId
      return { header, copy, key, sameData, auditHead: contents.auditHead }
    } catch (err) {
      if (copy) rmSync(copy, { force: true })
      throw err
    }
  }

  /**
   * Replaces the data with a backup's. The current database is kept as a pre-restore backup;
   * erasures recorded since the backup are applied again so nobody erased comes back.
   */
  restore(
    source: BackupSource,
    secret: Secret,
    reapply: (db: Kysely<DB>, entries: ErasureEntry[]) => Promise<number>,
    beforeSwap: () => void = () => undefined,
    options: { adminOnly?: boolean } = {},
  ): Promise<{ manifest: BackupManifest; reapplied: number; sameData: boolean | null }> {
    return this.exclusive(() =>
      this.withSourceFile(source, (path) =>
        this.restoreNow(path, secret, reapply, beforeSwap, options),
      ),
    )
  }

  private async restoreNow(
    path: string,
    secret: Secret,
    reapply: (db: Kysely<DB>, entries: ErasureEntry[]) => Promise<number>,
    beforeSwap: () => void,
    options: { adminOnly?: boolean },
  ): Promise<{ manifest: BackupManifest; reapplied: number; sameData: boolean | null }> {
    const inspected = await this.inspect(path, secret, options, true)
    const { header, key, sameData, auditHead } = inspected
    // The checked copy of the backup's database, in the data folder: moved into place below.
    const incoming = inspected.copy as string
    try {
      return await this.swapIn(incoming, header, key, sameData, auditHead, reapply, beforeSwap)
    } finally {
      rmSync(incoming, { force: true })
    }
  }

  private async swapIn(
    incoming: string,
    header: BackupHeader,
    key: Buffer,
    sameData: boolean | null,
    auditHead: { id: number; hash: string } | null,
    reapply: (db: Kysely<DB>, entries: ErasureEntry[]) => Promise<number>,
    beforeSwap: () => void,
  ): Promise<{ manifest: BackupManifest; reapplied: number; sameData: boolean | null }> {
    const manifest = header.manifest
    // Damaged data may only be replaced by a backup of the same data (the key that opened it).
    if (this.current === 'damaged' && this.key && keyIdOf(this.key) !== manifest.keyId)
      throw new VaultError('otherDatabase', 'The backup belongs to other data')
    // Every erasure known of this data: the computer's own record (only entries made in this
    // data), the backup's own, and the sealed records of the folder's backups of the same data.
    const ofThisData = (e: ErasureEntry): boolean => e.dataId === manifest.keyId
    const known = [
      ...this.erasures.entries().filter(ofThisData),
      ...header.erasures,
      ...this.sealedBackups(key).flatMap((b) => b.header.erasures),
    ].filter((e, i, all) => all.findIndex((o) => erasureKey(o) === erasureKey(e)) === i)
    if (this.current === 'open') await this.backup('pre-restore')
    await this.settled()
    beforeSwap()
    // No worker may hold the file open while another is renamed over it (Windows refuses the
    // rename of an open file): their kept read connections go with their threads. A figure still
    // being counted for somebody fails; everybody's data is about to be replaced anyway.
    await this.stopCheckpoints()
    await this.workers.terminateAll()
    if (this.handle) await this.handle.close()
    this.handle = null
    const wasOpen = this.current === 'open'
    this.current = 'locked'

    // What is there now is never simply overwritten: open data went into the pre-restore
    // backup above; anything else (damaged, or without its key file) is moved aside.
    if (!wasOpen) this.moveDatabaseAside('voor-terugzetten')
    for (const suffix of ['-wal', '-shm']) rmSync(this.dbFile + suffix, { force: true })
    renameSync(incoming, this.dbFile)

    // The backup's user slots match its accounts. A recovery key made after the backup stays
    // valid: its sheet is the one in the drawer now.
    const currentRecovery =
      this.slots?.keyId === header.keySlots.keyId
        ? this.slots.slots.find((s) => s.kind === 'recovery')
        : undefined
    const slots: KeySlot[] = currentRecovery
      ? [...header.keySlots.slots.filter((s) => s.kind !== 'recovery'), currentRecovery]
      : header.keySlots.slots
    this.saveSlots({ ...header.keySlots, slots })

    const recorded = new Set(this.erasures.entries().map(erasureKey))
    for (const e of known) if (!recorded.has(erasureKey(e))) this.erasures.append(e)
    // The restore's own record, next to the restores the backup had been through: from now on
    // the log goes on from the restored copy's newest entry (see verifyAudit). Written after
    // the swap, so a restore that fails before it leaves no mark that could excuse anything.
    const marks: RestoreMark[] = [
      ...validMarks(manifest.restores),
      {
        at: this.options.clock.now().toISOString(),
        backupCreatedAt: manifest.createdAt,
        restoredHead: auditHead,
      },
    ]
    writeFileDurably(this.marksFile, JSON.stringify(sealMarks(manifest.keyId, marks, key)))
    await this.openWithKey(key)
    const reapplied = await reapply(this.db, known)
    // The restored data gets its own backup of the day.
    this.afterOpen()
    return { manifest, reapplied, sameData }
  }

  async close(): Promise<void> {
    await this.settled()
    // The workers' kept read connections hold the key inside SQLite: they go with the vault.
    await this.stopCheckpoints()
    await this.workers.terminateAll()
    if (this.handle) await this.handle.close()
    this.handle = null
    this.key?.fill(0)
    this.key = null
    if (this.current === 'open' || this.current === 'damaged') this.current = 'locked'
  }
}

/** Why an automatic backup failed, in words for the Back-ups screen. */
/** Why the automatic backup failed, in Dutch (the words are in `src/shared/i18n`). */
function backupProblemText(err: unknown, dir: string): string {
  const t = labelsT('nl')
  const say = (key: string, code = ''): string =>
    t(`backupProblems.${key}`, { folder: dir, code: code ? ` (${code})` : '' })
  if (err instanceof VaultError && err.reason === 'folderMissing') return say('folderMissing')
  if (err instanceof VaultError && err.reason === 'folderUnsafe') return say('folderUnsafe')
  const code =
    err instanceof VaultError
      ? (err.code ?? '')
      : err instanceof Error && 'code' in err
        ? String(err.code)
        : ''
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return say('diskFull')
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return say('notWritable')
  return say('writeFailed', code)
}

function erasureKey(e: ErasureEntry): string {
  return `${e.dataId ?? ''}:${e.action}:${e.kind}:${e.id}`
}

/** An error from a worker task as the vault's own class, so the screens can word it. */
function reviveError(e: SerializedError): Error | null {
  if (e.name !== 'VaultError') return null
  const { reason, code } = e.fields as { reason: VaultError['reason']; code?: string }
  return new VaultError(reason, e.message, code)
}

function nativeOptions(nativeBinding: string | undefined): Database.Options {
  return nativeBinding ? { nativeBinding } : {}
}

/** Copies a closed plain database and encrypts the copy with `key` (SQLCipher 4). */
function encryptCopy(
  plainFile: string,
  target: string,
  key: Buffer,
  nativeBinding: string | undefined,
): void {
  rmSync(target, { force: true })
  // The source is closed and checkpointed, so a file copy of it is consistent.
  writeFileSync(target, readFileSync(plainFile), { mode: 0o600 })
  const db = new Database(target, nativeOptions(nativeBinding))
  try {
    // Rekeying needs a rollback journal; WAL is switched on again when the app opens it.
    db.pragma('journal_mode = DELETE')
    db.pragma(`cipher = 'sqlcipher'`)
    db.pragma('legacy = 4')
    db.pragma(`rekey = "x'${key.toString('hex')}'"`)
  } finally {
    db.close()
  }
  const check = new Database(target, nativeOptions(nativeBinding))
  try {
    applyKey(check, key)
    const result = check.pragma('integrity_check', { simple: true })
    if (result !== 'ok') throw new VaultError('damaged', `Encrypted copy fails: ${String(result)}`)
  } finally {
    check.close()
  }
}

/**
 * Which daily backups go: kept are the newest of each of the 14 most recent days that have
 * one, and the newest of each of the 12 most recent months.
 */
export function dailyBackupsToRemove(
  backups: readonly { name: string; createdAt: string }[],
  keepDays = 14,
  keepMonths = 12,
): string[] {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  const keep = new Set<string>()
  const days = new Set<string>()
  const months = new Set<string>()
  for (const b of newestFirst) {
    const day = dateInZone(new Date(b.createdAt))
    const month = day.slice(0, 7)
    if (!days.has(day) && days.size < keepDays) {
      days.add(day)
      keep.add(b.name)
    }
    if (!months.has(month) && months.size < keepMonths) {
      months.add(month)
      keep.add(b.name)
    }
  }
  return newestFirst.filter((b) => !keep.has(b.name)).map((b) => b.name)
}

export { DatabaseTooNewError, DamagedDatabaseError, WrongKeyError, VaultError }
