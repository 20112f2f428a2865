import { randomBytes } from 'node:crypto'
import { accessSync, closeSync, constants, existsSync, mkdirSync, rmSync, statSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import { AppError, conflict, validationError } from '../../../shared/errors'
import type { MethodParsed } from '../../../shared/api'
import type {
  BackupCheck,
  BackupItem,
  BackupList,
  BackupManifestView,
  RecoveryKeyResult,
  RestoreResult,
} from '../../../shared/schemas/backup'
import type { DownloadTicket } from '../../../shared/schemas/subjects'
import type { DownloadIssuer } from '../../downloads/tickets'
import type { Clock } from '../../clock'
import type { BackupManifest } from '../../vault/backup-file'
import { reapplyErasures } from '../retention/erasures'
import {
  VaultError,
  type BackupSource,
  type BackupInfo,
  type Secret,
  type Vault,
} from '../../vault/vault'
import { createExclusive, folderRisk } from '../../vault/safe-files'
import { recoveryKeySheetPdf } from './recovery-sheet'
import { plainBytes } from '../../../shared/tagged-bytes'
import { getOrganisation } from '../accounts/organisation'
import type { Actor, Db, ServiceContext } from '../../context'
import { lastChecks, recordCheck } from './backup-checks'
import { recoveryKeyStatus } from './recovery'
import { dateInZone, timeInZone } from '../../clock'
import { audit, writeAudit } from '../audit/audit'
import { auditNote } from '../../../shared/audit-text'
import { codeLabel, dutchNote } from '../../i18n'
import { cleanText } from '../../../shared/schemas/common'
import type { AuthRuntime } from '../accounts/auth'

/** What the backup methods need besides the database: the vault and the open sessions. */
export interface BackupContext extends ServiceContext {
  vault: Vault
  auth: AuthRuntime
  /** A backup to save elsewhere (a USB stick) goes to the screen as a ticket, not as bytes. */
  downloads: DownloadIssuer
}

function manifestView(m: BackupManifest): BackupManifestView {
  return {
    kind: m.kind,
    appVersion: m.appVersion,
    schemaVersion: m.schemaVersion,
    createdAt: m.createdAt,
    counts: m.counts,
    databaseSha256: m.databaseSha256,
  }
}

export function itemOf(info: BackupInfo): BackupItem {
  return { name: info.name, sizeBytes: info.sizeBytes, manifest: manifestView(info.manifest) }
}

/** Why a backup cannot be used, in words for the screen (and the field it belongs to). */
function vaultProblem(err: unknown, secretPath = 'secret.password'): AppError | null {
  if (!(err instanceof VaultError)) return null
  switch (err.reason) {
    case 'wrongSecret':
      return validationError([{ path: secretPath, key: 'backupSecretWrong' }])
    case 'tampered':
      return conflict('backupTampered')
    case 'damaged':
      return conflict('backupDamaged')
    case 'notABackup':
      return conflict('notABackup')
    case 'tooNew':
      return conflict('backupTooNew')
    case 'otherDatabase':
      return conflict('backupOtherData')
    case 'notAdmin':
      return new AppError({ code: 'FORBIDDEN', key: 'restoreNeedsAdmin' })
    case 'folderMissing':
      return conflict('backupFolderMissing', { folder: err.message.replace(/^No folder /, '') })
    case 'folderUnusable':
      return conflict('backupFolderUnusable', {
        folder: err.message.replace(/^Unusable folder /, ''),
      })
    case 'folderUnsafe':
      return conflict('backupFolderNotSafe', {
        folder: err.message.replace(/^Unsafe folder /, ''),
      })
    case 'notFound':
      return new AppError({ code: 'NOT_FOUND', key: 'backupNotFound' })
    default:
      return null
  }
}

export async function listBackups(ctx: { vault: Vault; db: Db }): Promise<BackupList> {
  const folder = ctx.vault.backupDir()
  const isDefaultFolder = ctx.vault.isDefaultBackupDir()
  const items = ctx.vault.listBackups().map(itemOf)
  // A daily backup is checked as it is written, as a manual one is: that is its first check.
  for (const d of ctx.vault.takeCheckedDaily())
    await recordCheck(
      ctx.db,
      d.name,
      d.databaseSha256,
      { at: d.at, ok: true, problemKey: null },
      items.map((b) => b.name),
    )
  const checks = await lastChecks(
    ctx.db,
    items.map((b) => ({ name: b.name, databaseSha256: b.manifest.databaseSha256 })),
  )
  return {
    folder,
    isDefaultFolder,
    backups: items.map((b) => ({ ...b, lastCheck: checks.get(b.name) ?? null })),
    recoveryKey: await recoveryKeyStatus(ctx.db, ctx.vault),
    folderProblem: isDefaultFolder ? null : folderProblem(folder),
    lastAutomatic: ctx.vault.lastAutomatic,
  }
}

/** Why a chosen folder cannot take backups now, in words for the screen; null when it can. */
function folderProblem(folder: string): string | null {
  if (!existsSync(folder)) return `De map ${folder} is er niet. Is de USB-stick aangesloten?`
  try {
    if (!statSync(folder).isDirectory()) return `${folder} is een bestand, geen map.`
    if (folderRisk(folder))
      return `Andere gebruikers van deze computer kunnen in ${folder} schrijven, of het is een snelkoppeling: Dichtbij maakt daar geen back-ups.`
    accessSync(folder, constants.R_OK | constants.W_OK)
    return null
  } catch {
    return `Dichtbij mag niet lezen of schrijven in ${folder}.`
  }
}

/** "Back up now": into the backup folder, and the file to the screen when asked for. */
export async function createBackup(
  ctx: BackupContext,
  input: MethodParsed<'backup.create'>,
): Promise<{ backup: BackupItem; file: DownloadTicket | null }> {
  let info: BackupInfo
  try {
    info = await ctx.vault.backup('manual')
  } catch (err) {
    throw vaultProblem(err) ?? err
  }
  await audit(ctx.db, ctx, {
    action: 'backup',
    entityType: 'backup',
    detail: input.download ? `${info.name}; ook als download` : info.name,
  })
  // The vault checks every backup as it writes it: that counts as its first check.
  const checkedAt = ctx.clock.now().toISOString()
  await recordCheck(
    ctx.db,
    info.name,
    info.manifest.databaseSha256,
    { at: checkedAt, ok: true, problemKey: null },
    ctx.vault.listBackups().map((b) => b.name),
  )
  return {
    backup: { ...itemOf(info), lastCheck: { at: checkedAt, ok: true, problemKey: null } },
    // The file in the backup folder itself is streamed to where the user saves it: never read
    // into memory, never copied to a temp file.
    file: input.download
      ? ctx.downloads.issue({
          path: info.path,
          filename: downloadName(info),
          mime: 'application/octet-stream',
          sizeBytes: info.sizeBytes,
          temp: false,
        })
      : null,
  }
}

/**
 * The name a downloaded backup gets: the folder's name stamps the time in UTC, but the person
 * saving it to a stick sees Dutch time on the screen, so the download carries that time.
 */
export function downloadName(info: { name: string; manifest: { createdAt: string } }): string {
  const at = new Date(info.manifest.createdAt)
  const stamp = `${dateInZone(at).replace(/-/g, '')}-${timeInZone(at).replace(/:/g, '')}`
  return info.name.replace(/^dichtbij-\d{8}T\d{6}Z/, `dichtbij-${stamp}`)
}

/** Opens a backup with the key and checks it as a restore would; the outcome is remembered. */
export async function verifyBackup(
  ctx: BackupContext,
  input: MethodParsed<'backup.verify'>,
): Promise<BackupCheck> {
  const checkedAt = ctx.clock.now().toISOString()
  let result: BackupCheck
  try {
    const manifest = await ctx.vault.verifyBackup(input.name)
    result = {
      name: input.name,
      ok: true,
      problem: null,
      problemKey: null,
      checkedAt,
      manifest: manifestView(manifest),
    }
  } catch (err) {
    const problem = vaultProblem(err)
    // A file that is not there (any more) is no check result: the list on the screen is stale.
    if (!problem || problem.code === 'NOT_FOUND') throw problem ?? err
    // A key that does not fit is a field error elsewhere; here it is the check's whole answer.
    const key = problem.fields?.[0]?.key ?? problem.key
    result = {
      name: input.name,
      ok: false,
      // In Dutch for whoever reads the result without the screen's texts (the screen uses the key).
      problem: codeLabel('backupProblems', key),
      problemKey: key,
      checkedAt,
      manifest: null,
    }
  }
  // Remembered against the file as the list shows it; a file the list cannot read has no row.
  const listed = ctx.vault.listBackups()
  const row = listed.find((b) => b.name === input.name)
  if (row)
    await recordCheck(
      ctx.db,
      input.name,
      row.manifest.databaseSha256,
      { at: checkedAt, ok: result.ok, problemKey: result.problemKey ?? null },
      listed.map((b) => b.name),
    )
  return result
}

export function setBackupFolder(
  ctx: BackupContext,
  input: MethodParsed<'backup.setFolder'>,
): Promise<BackupList> {
  const folder = input.folder
  if (folder !== null) {
    if (!isAbsolute(folder)) throw validationError([{ path: 'folder', key: 'folderNotAbsolute' }])
    // A folder the app cannot write to would only show up when the first backup fails. Only
    // the last part is made (a folder on a stick), never a whole path: that could land on the
    // wrong disk, and Node loops on some system paths.
    try {
      if (!existsSync(folder)) mkdirSync(folder, { mode: 0o700 })
    } catch {
      throw validationError([{ path: 'folder', key: 'folderNotWritable' }])
    }
    // Another account that can write here could plant a symlink under the name of the next
    // backup, or swap the folder: the app would write its backups (or this probe) through it.
    if (folderRisk(folder)) throw validationError([{ path: 'folder', key: 'folderNotSafe' }])
    try {
      // A new file under a random name, never through a symlink planted under a known one.
      const probe = join(folder, `.dichtbij-schrijftest-${randomBytes(8).toString('hex')}`)
      closeSync(createExclusive(probe))
      rmSync(probe)
    } catch {
      throw validationError([{ path: 'folder', key: 'folderNotWritable' }])
    }
  }
  ctx.vault.setBackupDir(folder)
  return audit(ctx.db, ctx, {
    action: 'settings_change',
    entityType: 'backup',
    fields: ['folder'],
  }).then(() => listBackups(ctx))
}

function secretOf(input: MethodParsed<'backup.restore'>['secret']): Secret {
  return input.method === 'password'
    ? { username: input.username, password: input.password }
    : { recoveryKey: input.recoveryKey }
}

function sourceOf(vault: Vault, source: MethodParsed<'backup.restore'>['source']): BackupSource {
  // A view on the bytes IPC (or the bridge) delivered, not a copy: a backup can be large.
  if (source.kind === 'upload')
    return Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.byteLength)
  try {
    // A file in the folder is read streamed by the vault's worker, never whole into memory;
    // only a regular file is opened (a FIFO or symlink under a backup's name is not a backup).
    return { path: vault.backupPath(source.name) }
  } catch (err) {
    throw vaultProblem(err) ?? err
  }
}

/**
 * A file name as the audit log shows it: only its last part (a browser may send a path), on
 * one line, without control or bidi characters that make it read as something else, quoted
 * and of a sensible length.
 */
export function fileNameForLog(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  const oneLine = base.replace(/[\r\n\t\u2028\u2029\u0085]+/g, ' ')
  // Besides what cleanText drops: the marks that turn a line's direction without an override.
  const clean = cleanText(oneLine.replace(/[\u200e\u200f\u061c]/g, '')).slice(0, 120)
  return `"${clean || '?'}"`
}

export interface RestoreDeps {
  vault: Vault
  clock: Clock
  auth: AuthRuntime
  /** Who restores: the admin, or (on a new or damaged computer) nobody logged in. */
  actor: Actor
  /** Without a login: a password must be a beheerder's in the backup (or use the recovery key). */
  adminOnly?: boolean
}

/**
 * Restore, in two steps: without `confirm` the backup is only checked (hash, key, seal,
 * integrity) and its manifest returned for the user to look at; with `confirm` the data is
 * replaced. Every session ends: the restored accounts may differ, so everyone logs in again.
 */
export async function restoreBackup(
  deps: RestoreDeps,
  input: MethodParsed<'backup.restore'>,
): Promise<RestoreResult> {
  const data = sourceOf(deps.vault, input.source)
  const secret = secretOf(input.secret)
  const secretPath = input.secret.method === 'password' ? 'secret.password' : 'secret.recoveryKey'
  try {
    if (!input.confirm) {
      const { manifest, sameData } = await deps.vault.inspectBackup(data, secret, {
        adminOnly: deps.adminOnly,
      })
      return { restored: false, manifest: manifestView(manifest), reapplied: 0, sameData }
    }
    const now = deps.clock.now()
    const { manifest, reapplied, sameData } = await deps.vault.restore(
      data,
      secret,
      (db, entries) => reapplyErasures(db, entries, now),
      // Nobody keeps working on the data that is about to be replaced.
      () => {
        for (const s of deps.auth.sessions.all()) deps.auth.sessions.end(s.id)
      },
      { adminOnly: deps.adminOnly },
    )
    const file = input.source.kind === 'folder' ? input.source.name : input.source.fileName
    // A note of codes, not a sentence: a picked file's name is the uploader's text, and must
    // not be able to add a part ("; geopend met …") or break the line of the log.
    await writeAudit(deps.vault.db, now, deps.actor, {
      action: 'restore',
      entityType: 'backup',
      detail: auditNote(
        { k: 'restoredFrom', file: fileNameForLog(file), createdAt: manifest.createdAt },
        input.secret.method === 'password'
          ? { k: 'openedWithPassword', name: input.secret.username }
          : { k: 'openedWithRecoveryKey' },
        reapplied > 0 && { k: 'erasuresReapplied', count: reapplied },
      ),
    })
    return { restored: true, manifest: manifestView(manifest), reapplied, sameData }
  } catch (err) {
    throw vaultProblem(err, secretPath) ?? err
  }
}

/**
 * A new recovery key (the old sheet stops working) and its printable sheet. The sheet is made
 * first and the audit entry right after the key is in place; if either fails the old key stays,
 * so the backups are never sealed to a key nobody was shown.
 */
export async function regenerateRecoveryKey(ctx: BackupContext): Promise<RecoveryKeyResult> {
  const organisation = await getOrganisation(ctx.db)
  const now = ctx.clock.now()
  const { recoveryKey, handedOver: pdf } = await ctx.vault.newRecoveryKey(
    (key) =>
      recoveryKeySheetPdf({
        organisation,
        recoveryKey: key,
        createdAt: now,
        createdBy: ctx.session.userName ?? '',
      }),
    () =>
      audit(ctx.db, ctx, {
        action: 'settings_change',
        entityType: 'recovery_key',
        detail: dutchNote({ k: 'newRecoveryKey' }, { k: 'oldRecoveryKeyVoid' }),
      }),
  )
  return {
    recoveryKey,
    pdf: {
      filename: `herstelsleutel-dichtbij-${now.toISOString().slice(0, 10)}.pdf`,
      mime: 'application/pdf',
      bytes: plainBytes(pdf),
    },
  }
}
