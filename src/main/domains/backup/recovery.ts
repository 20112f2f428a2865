import { createHash } from 'node:crypto'
import { AppError } from '../../../shared/errors'
import { auditNote } from '../../../shared/audit-text'
import type { RecoveryKeyStatus } from '../../../shared/schemas/backup'
import type { Vault } from '../../vault/vault'
import { audit } from '../audit/audit'
import type { Db, ServiceContext } from '../../context'

/**
 * Whether the recovery key's sheet was confirmed as printed and put away. Showing the key is not
 * enough: a window closed before the tick leaves a key nobody wrote down. The confirmation is
 * stored in the database for the key it was given for (a tag of its slot), so a new key asks
 * again, and so does a restored database that predates the current key.
 */
const KEY = 'recoveryKeyConfirmed'

interface Confirmation {
  tag: string
  at: string
  userName: string
}

function tagOf(vault: Pick<Vault, 'recoverySlotTag'>): string | null {
  const salt = vault.recoverySlotTag
  return salt ? createHash('sha256').update(`recovery-slot\0${salt}`).digest('hex') : null
}

async function readConfirmation(db: Db): Promise<Confirmation | null> {
  const row = await db
    .selectFrom('setting')
    .select('value')
    .where('key', '=', KEY)
    .executeTakeFirst()
  if (!row) return null
  try {
    return JSON.parse(row.value) as Confirmation
  } catch {
    return null
  }
}

export async function recoveryKeyStatus(
  db: Db,
  vault: Pick<Vault, 'recoverySlotTag'>,
): Promise<RecoveryKeyStatus> {
  const tag = tagOf(vault)
  if (!tag) return { state: 'missing', confirmedAt: null, confirmedBy: null }
  const c = await readConfirmation(db)
  if (!c || c.tag !== tag) return { state: 'unconfirmed', confirmedAt: null, confirmedBy: null }
  return { state: 'confirmed', confirmedAt: c.at, confirmedBy: c.userName }
}

/** The admin says the sheet of the current key is printed (or saved) and put away. */
export async function confirmRecoveryKey(
  ctx: ServiceContext & { vault: Vault },
): Promise<RecoveryKeyStatus> {
  const tag = tagOf(ctx.vault)
  if (!tag) throw new AppError({ code: 'CONFLICT', key: 'recoveryKeyMissing' })
  return ctx.db.transaction().execute(async (trx) => {
    const before = await readConfirmation(trx)
    if (before?.tag === tag)
      return { state: 'confirmed', confirmedAt: before.at, confirmedBy: before.userName }
    const value: Confirmation = {
      tag,
      at: ctx.clock.now().toISOString(),
      userName: ctx.session.userName,
    }
    await trx
      .insertInto('setting')
      .values({ key: KEY, value: JSON.stringify(value) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
      .execute()
    await audit(trx, ctx, {
      action: 'settings_change',
      entityType: 'recovery_key',
      detail: auditNote({ k: 'recoverySheetConfirmed' }),
    })
    return { state: 'confirmed', confirmedAt: value.at, confirmedBy: value.userName }
  })
}
