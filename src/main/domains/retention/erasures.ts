import { sql, type Kysely } from 'kysely'
import type { DB } from '../../db/schema'
import type { Actor, Db } from '../../context'
import { dateInZone } from '../../clock'
import { isErasureEntry, type ErasureEntry } from '../../vault/erasure-log'
import { writeAudit } from '../audit/audit'
import { dutchNote } from '../../i18n'
import { KindRegistry } from '../subjects/kind-registry'
import { householdErasure } from '../shop/subject-parts/retention'
import { personErasure } from '../volunteers/subject-parts/retention'
import { complaintErasure } from '../complaints/subject-parts/retention'
import { helpRequestErasure } from '../support/retention'
import { RETENTION_REGISTRY } from './registry'

/**
 * What re-applying a recorded erasure needs of a kind beside its retention entry (which does the
 * anonymising and deleting): whether the record there now is the erased one, and which id
 * counter must stay past erased ids.
 */
export interface ErasureRegistration {
  /** When the record with this id was made, or null when there is none. */
  createdAt(db: Db, id: number): Promise<string | null>
  /** The table whose AUTOINCREMENT counter (`sqlite_sequence`) hands out this kind's ids. */
  idSequence: string
}

/** Every kind of data subject whose erasures are recorded outside the database. */
export const ERASURE_REGISTRY = new KindRegistry<ErasureRegistration>('erasure', {
  household: householdErasure,
  person: personErasure,
  complaint: complaintErasure,
  helpRequest: helpRequestErasure,
})

/** Who the audit log names for erasures re-applied after a restore: nobody logged in did them. */
export const SYSTEM_ACTOR: Actor = {
  userId: null,
  userName: 'systeem',
  role: null,
  workstation: 'systeem',
}

const REAPPLIED = dutchNote({ k: 'reapplied' })

/**
 * After a backup has been restored: erases again every record the log says was anonymised or
 * deleted, so a restore never brings erased people back. Given to `Vault.restore` as its re-apply
 * step (the vault keeps the record, this domain knows what an erasure does). Runs in one
 * transaction and returns how many erasures changed something. Each of those gets an audit entry
 * by the system actor.
 *
 * - An erasure that already holds in this data (anonymised, or the record is gone) is skipped.
 * - A record created after the erasure's time is not the erased one, even with the same id
 *   (ids of records made after the backup can be handed out again), and is left alone.
 * - A delete whose record now counts in a report (the restored data can differ from the data at
 *   the moment of deletion) is anonymised instead: the person is gone, past figures stay.
 * - An entry of a kind this version does not know is kept in the record but cannot be applied.
 */
export async function reapplyErasures(
  db: Kysely<DB>,
  entries: readonly ErasureEntry[],
  now: Date,
): Promise<number> {
  const known = entries.filter(
    (e) => isErasureEntry(e) && ERASURE_REGISTRY.has(e.kind) && RETENTION_REGISTRY.has(e.kind),
  )
  if (!known.length) return 0
  const today = dateInZone(now)
  return db.transaction().execute(async (trx) => {
    let applied = 0
    for (const e of known) {
      const erasure = ERASURE_REGISTRY.get(e.kind)
      const retention = RETENTION_REGISTRY.get(e.kind)
      const createdAt = await erasure.createdAt(trx, e.id)
      if (createdAt === null || createdAt > e.at) continue
      const subject = { kind: e.kind, id: e.id }
      const remove = e.action === 'delete' && !(await retention.countsInReports(trx, e.id))
      if (remove) {
        await retention.delete(trx, e.id)
        await writeAudit(trx, now, SYSTEM_ACTOR, {
          action: 'delete',
          entityType: e.kind,
          entityId: e.id,
          subject,
          detail: REAPPLIED,
        })
        applied += 1
      } else if ((await retention.anonymise(trx, e.id, now, today)) === 'done') {
        await writeAudit(trx, now, SYSTEM_ACTOR, {
          action: 'anonymise',
          entityType: e.kind,
          entityId: e.id,
          subject,
          fields: retention.anonymisedFields,
          detail: e.action === 'delete' ? dutchNote({ k: 'reappliedCounted' }) : REAPPLIED,
        })
        applied += 1
      }
    }
    // New records must not get the ids of erased ones, so a later re-apply cannot hit them.
    const highest = new Map<string, number>()
    for (const e of known) {
      const table = ERASURE_REGISTRY.get(e.kind).idSequence
      highest.set(table, Math.max(highest.get(table) ?? 0, e.id))
    }
    for (const [table, maxId] of highest)
      await sql`update sqlite_sequence set seq = ${maxId}
        where name = ${table} and seq < ${maxId}`.execute(trx)
    return applied
  })
}
