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
import { isDemoVault } from '../workshop/workshop'
import { conflict } from '../../../shared/errors'

export const BACKUP_PREFIXES = ['backup', 'recovery'] as const

/**
 * Not in the oefenomgeving, whose admin's password is printed for the room: its backups stay in
 * its own folder, and nothing is restored over it from elsewhere (the real backups included).
 */
function notInWorkshop<I, O>(
  handler: (ctx: BackupContext, input: I) => Promise<O>,
): (ctx: BackupContext, input: I) => Promise<O> {
  return (ctx, input) => {
    if (isDemoVault(ctx.vault)) throw conflict('workshopBackupRefused')
    return handler(ctx, input)
  }
}

export const backupHandlers: Slice<(typeof BACKUP_PREFIXES)[number], BackupContext> = {
  'backup.list': async (ctx) => listBackups(ctx),
  'backup.create': createBackup,
  'backup.verify': verifyBackup,
  // A password typed here meets the account's back-off and is logged, as at a login.
  'backup.restore': notInWorkshop(restoreWithLogin),
  'backup.setFolder': notInWorkshop(setBackupFolder),
  'recovery.regenerate': regenerateRecoveryKey,
  'recovery.confirm': confirmRecoveryKey,
}
