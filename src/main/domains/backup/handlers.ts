import type { Slice } from '../slice'
import {
  createBackup,
  listBackups,
  regenerateRecoveryKey,
  setBackupFolder,
  verifyBackup,
  type BackupContext,
} from './backup'
import { confirmRecoveryKey } from './recovery'
import { restoreWithLogin } from '../accounts/auth'

export const BACKUP_PREFIXES = ['backup', 'recovery'] as const

export const backupHandlers: Slice<(typeof BACKUP_PREFIXES)[number], BackupContext> = {
  'backup.list': async (ctx) => listBackups(ctx),
  'backup.create': createBackup,
  'backup.verify': verifyBackup,
  // A password typed here meets the account's back-off and is logged, as at a login.
  'backup.restore': restoreWithLogin,
  'backup.setFolder': setBackupFolder,
  'recovery.regenerate': regenerateRecoveryKey,
  'recovery.confirm': confirmRecoveryKey,
}
