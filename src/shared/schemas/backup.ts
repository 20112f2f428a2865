import { z } from 'zod'

/** A backup in the backup folder, by its file name (main never takes a path from a screen). */
const backupName = z
  .string({ error: 'v:required' })
  .regex(/^[\w-][\w.-]*\.dichtbij-backup$/, { error: 'v:backupName' })
  .max(200)

/** The largest backup file a restore takes: a few hundred MB covers many years of a shop's data. */
export const MAX_BACKUP_BYTES = 300_000_000

/**
 * A picked file's bytes, as IPC carries them (structured clone keeps a Uint8Array as bytes; a
 * Node Buffer is one too). Anything else is refused at the field, never decoded.
 */
const backupBytes = z
  .instanceof(Uint8Array, {
    error: (issue) => (issue.input == null ? 'v:required' : 'v:invalidType'),
  })
  .refine((b) => b.byteLength > 0, { error: 'v:required', abort: true })
  .refine((b) => b.byteLength <= MAX_BACKUP_BYTES, { error: 'v:backupFileTooLarge' })

/** Where a restore reads from: a backup in the folder, or a file the user picked (its bytes). */
export const backupSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('folder'), name: backupName }),
  z.object({
    kind: z.literal('upload'),
    fileName: z.string().max(260).default('back-up'),
    bytes: backupBytes,
  }),
])
export type BackupSource = z.input<typeof backupSource>

const recoveryKeyText = z
  .string({ error: 'v:required' })
  .trim()
  .min(1, { error: 'v:required' })
  .max(100)
  .refine((s) => s.replace(/[\s-]/g, '').length === 30, { error: 'v:recoveryKey' })

/** What opens the backup: an account's password from the time of the backup, or the recovery key. */
export const backupSecret = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('password'),
    username: z.string({ error: 'v:required' }).trim().min(1, { error: 'v:required' }).max(100),
    password: z.string({ error: 'v:required' }).min(1, { error: 'v:required' }).max(200),
  }),
  z.object({ method: z.literal('recoveryKey'), recoveryKey: recoveryKeyText }),
])
export type BackupSecret = z.input<typeof backupSecret>

export const backupRestoreInput = z.object({
  source: backupSource,
  secret: backupSecret,
  /** False: check the backup and show its manifest. True: restore it. */
  confirm: z.boolean().default(false),
})

export const backupCreateInput = z.object({
  /** Also hand the file to the screen, to be saved where the user chooses (a USB stick). */
  download: z.boolean().default(false),
})

export const backupNameInput = z.object({ name: backupName })

export const backupFolderInput = z.object({
  /** An absolute folder path, or null for the default folder inside the data folder. */
  folder: z
    .string()
    .trim()
    .max(1000)
    .nullable()
    .transform((s) => (s ? s : null)),
})

export interface BackupManifestView {
  kind: 'daily' | 'manual' | 'pre-migration' | 'pre-restore' | 'pre-encryption'
  appVersion: string
  schemaVersion: string
  createdAt: string
  counts: Record<string, number>
  databaseSha256: string
}

export interface BackupItem {
  name: string
  sizeBytes: number
  manifest: BackupManifestView
  /** The last time this file was checked on this data, and how it went; absent when never. */
  lastCheck?: BackupCheckRecord | null
}

/** A check's outcome as remembered for the list: `problemKey` is an error key for the screen. */
export interface BackupCheckRecord {
  at: string
  ok: boolean
  problemKey: string | null
}

export interface BackupList {
  folder: string
  isDefaultFolder: boolean
  backups: BackupItem[]
  /** Dutch: why the folder cannot be read or written now (a stick not plugged in), or null. */
  folderProblem: string | null
  /** The last automatic backup since the app started: when, and whether it worked. */
  lastAutomatic: { at: string; ok: boolean; problem: string | null } | null
  /** Whether a recovery key exists and its sheet was confirmed as put away. */
  recoveryKey?: RecoveryKeyStatus
}

export interface BackupCheck {
  name: string
  ok: boolean
  /** Dutch: what is wrong, when not ok. */
  problem: string | null
  /** The same as an error key, so the screen can say it in the user's language. */
  problemKey?: string | null
  /** When the check ran. */
  checkedAt?: string
  manifest: BackupManifestView | null
}

export interface RestoreResult {
  restored: boolean
  manifest: BackupManifestView
  /**
   * Whether the backup is of the same data as this computer has (the same key): false means
   * another organisation's or installation's data would replace this one. Null when this
   * computer has no data yet.
   */
  sameData: boolean | null
  /** Erasures made after the backup that were applied again. */
  reapplied: number
}

export interface RecoveryKeyResult {
  recoveryKey: string
  /** The printable sheet, a PDF's bytes. */
  pdf: { filename: string; mime: string; bytes: Uint8Array<ArrayBuffer> }
}

/** The recovery key as the Back-ups screen shows it. */
export interface RecoveryKeyStatus {
  state: 'missing' | 'unconfirmed' | 'confirmed'
  confirmedAt: string | null
  confirmedBy: string | null
}
