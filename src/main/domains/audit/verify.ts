import type { AuditVerifyResult } from '../../../shared/schemas/audit'
import type { Selectable } from 'kysely'
import type { Db, ServiceContext } from '../../context'
import type { AuditVerifiedTable } from '../../db/schema'
import type { Vault } from '../../vault/vault'
import type { AuditAnchor, AuditEvidence } from '../../vault/restore-marks'
import { checkRow, startState, toChainRow, type ChainBreak, type ChainState } from './chain'
import { GENESIS_HASH } from './hash'
import { verifyChainTask } from './verify-task'

/**
 * The check of the audit log, routine or full.
 *
 * The full walk re-hashes every entry from the first (seconds at a million entries: it runs in
 * a worker). The routine check starts from the newest entry a previous check found intact
 * (`audit_verified`, migration 0009) and walks only what came after it, plus a window of older
 * entries that moves on with every check. It trusts that point only as far as the log still
 * agrees with it: the entry at that id must still carry the remembered hash. A rewrite of any
 * older entry that keeps the chain linked has to recompute every later hash, that one
 * included, and is found; so is a removed or replaced entry up to it. What the routine check can
 * miss until its window comes round (or the next full walk): an older entry changed in place
 * with its own hash left as it was, which only re-hashing that entry shows. Whoever holds the
 * key can also rewrite the remembered point itself; what no key can rewrite, the heads recorded
 * in sealed backups kept elsewhere, is compared on every check, routine or full, exactly as
 * before. Whenever the routine check finds anything wrong, it runs the full walk, so it names
 * the same first broken entry as the full walk does.
 */

/** Older entries re-hashed by each routine check, so a change in place is found in time too. */
export const SWEEP_PER_CHECK = 5000

/** Entries read per query by the walks that run in main. */
const BATCH = 2000

export interface ChainOutcome {
  state: ChainState
  broken: ChainBreak | null
}

/** Runs the full walk over the whole log (in a worker in the app; in process as a fallback). */
export type FullWalk = () => Promise<ChainOutcome>

export interface VerifyOptions {
  /** Walk every entry from the first instead of going on from the last verified point. */
  full?: boolean
  /** How to run the full walk; by default in process, through `db`. */
  fullWalk?: FullWalk
  /** Older entries the routine check re-hashes (tests use a small window). */
  sweep?: number
}

/** Walks from `state` in id order up to `untilId` (inclusive), or to the end of the log. */
async function walkFrom(db: Db, state: ChainState, untilId = Infinity): Promise<ChainBreak | null> {
  for (;;) {
    const limit = Math.min(BATCH, untilId - state.nextId + 1)
    if (limit <= 0) return null
    const rows = await db
      .selectFrom('auditLog')
      .selectAll()
      .where('id', '>=', state.nextId)
      .orderBy('id')
      .limit(limit)
      .execute()
    for (const r of rows) {
      const broken = checkRow(state, toChainRow(r))
      if (broken) return broken
    }
    if (rows.length < limit) return null
  }
}

/** The full walk through Kysely, in process: the fallback where no worker runs it. */
export async function walkAllInProcess(db: Db): Promise<ChainOutcome> {
  const state = startState()
  const broken = await walkFrom(db, state)
  return { state, broken }
}

async function hashAt(db: Db, id: number): Promise<string | null> {
  const row = await db.selectFrom('auditLog').select('hash').where('id', '=', id).executeTakeFirst()
  return row?.hash ?? null
}

type Point = Selectable<AuditVerifiedTable>

/**
 * The routine walk, from a remembered point that still holds: one window of older entries, then
 * from the point to the end. A break anywhere is settled by the full walk, so the answer names
 * the same first broken entry as the full walk.
 */
async function routineWalk(
  db: Db,
  point: Point,
  sweepSize: number,
  fullWalk: FullWalk,
): Promise<{ outcome: ChainOutcome; sweepNext: number; rehashed: number }> {
  const full = async (): Promise<{
    outcome: ChainOutcome
    sweepNext: number
    rehashed: number
  }> => {
    const outcome = await fullWalk()
    return { outcome, sweepNext: 1, rehashed: outcome.state.count }
  }
  // The window of older entries, linked to the entry before it.
  const start = point.sweepNext > point.entryId ? 1 : point.sweepNext
  const end = Math.min(point.entryId, start + sweepSize - 1)
  const before = start === 1 ? GENESIS_HASH : await hashAt(db, start - 1)
  if (before === null) return full()
  const sweep: ChainState = {
    nextId: start,
    prev: before,
    count: start - 1,
    firstCurrentId:
      point.firstCurrentId !== null && point.firstCurrentId < start ? point.firstCurrentId : null,
  }
  if (end >= start && (await walkFrom(db, sweep, end))) return full()

  const state: ChainState = {
    nextId: point.entryId + 1,
    prev: point.entryHash,
    count: point.entryId,
    firstCurrentId: point.firstCurrentId,
  }
  if (await walkFrom(db, state)) return full()
  const rehashed = Math.max(0, end - start + 1) + state.count - point.entryId
  return { outcome: { state, broken: null }, sweepNext: end + 1, rehashed }
}

/**
 * Checks the chain (routine or full), then holds it against what the log cannot vouch for
 * itself: the heads recorded in this data's sealed backups, and the sealed record of restores
 * (in the data folder and in those backups' manifests). Someone with the key can rewrite the log
 * and recompute every hash, but not change the head a backup elsewhere recorded. A backup that
 * no longer matches is passed over only when a recorded restore explains it: the restore came
 * after the backup, the log still holds the restored copy's newest entry unchanged, and the
 * backup's head lies beyond it (on the entries the restore left behind). A `restore` entry in
 * the log excuses nothing. The entry an earlier check found intact must also still be there as
 * it was ('checked', reported after the backups' anchors), in both modes, so both give the same
 * answer. An intact result moves that
 * remembered point to the newest entry.
 */
export async function verifyAudit(
  db: Db,
  at: Date,
  evidence: AuditEvidence = { anchors: [], restores: [] },
  options: VerifyOptions = {},
): Promise<AuditVerifyResult> {
  const checkedAt = at.toISOString()
  const fullWalk = options.fullWalk ?? (() => walkAllInProcess(db))
  const point = await db
    .selectFrom('auditVerified')
    .selectAll()
    .where('id', '=', 1)
    .executeTakeFirst()
  const pointHolds = !point || (await hashAt(db, point.entryId)) === point.entryHash
  const walked =
    !options.full && point && pointHolds
      ? await routineWalk(db, point, options.sweep ?? SWEEP_PER_CHECK, fullWalk)
      : await fullWalk().then((outcome) => ({
          outcome,
          sweepNext: point?.sweepNext ?? 1,
          rehashed: outcome.state.count,
        }))
  const { outcome, sweepNext, rehashed } = walked
  if (outcome.broken) return { ok: false, checkedAt, ...outcome.broken }
  const { state } = outcome
  const chain = { ok: true as const, count: state.count, checkedAt }

  const hashes = new Map<number, string | null>()
  const inLog = async (head: { id: number; hash: string } | null): Promise<boolean> => {
    if (!head) return true
    if (!hashes.has(head.id)) hashes.set(head.id, await hashAt(db, head.id))
    return hashes.get(head.id) === head.hash
  }
  const anchors = [...evidence.anchors].sort((a, b) => a.id - b.id)
  const matching: AuditAnchor[] = []
  for (const anchor of anchors) if (await inLog(anchor)) matching.push(anchor)
  // Restores recorded by backups that still match this log are part of its own history.
  const restores = [...evidence.restores, ...matching.flatMap((a) => a.restores)]
  const explained = async (anchor: AuditAnchor): Promise<boolean> => {
    for (const r of restores)
      if (
        r.at >= anchor.at &&
        anchor.id > (r.restoredHead?.id ?? 0) &&
        (await inLog(r.restoredHead))
      )
        return true
    return false
  }
  for (const anchor of anchors)
    if (!matching.includes(anchor) && !(await explained(anchor)))
      return { ...chain, ok: false, brokenAt: anchor.id, reason: 'anchor' }
  // After the backups: what they recorded is kept outside the database, the point inside it.
  if (point && !pointHolds)
    return { ...chain, ok: false, brokenAt: point.entryId, reason: 'checked' }

  if (state.count > 0) await remember(db, state, sweepNext, checkedAt)
  return { ...chain, anchors: matching.length, full: rehashed === state.count, rehashed }
}

/** Keeps the newest intact entry as the routine check's starting point. */
async function remember(
  db: Db,
  state: ChainState,
  sweepNext: number,
  verifiedAt: string,
): Promise<void> {
  const values = {
    entryId: state.nextId - 1,
    entryHash: state.prev,
    firstCurrentId: state.firstCurrentId,
    sweepNext,
    verifiedAt,
  }
  await db
    .insertInto('auditVerified')
    .values({ id: 1, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute()
}

/**
 * Up to this many entries the full walk runs in main (under 100 ms; starting a worker would cost
 * more than the walk); beyond it in a worker.
 */
export const IN_PROCESS_LIMIT = 10_000

async function lastId(db: Db): Promise<number> {
  const row = await db
    .selectFrom('auditLog')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst()
  return Number(row?.id ?? 0)
}

/** What `audit.verify` needs beyond the database: the backups' anchors and the worker pool. */
export interface VerifyContext extends ServiceContext {
  vault: Pick<Vault, 'auditAnchors' | 'workers'>
}

/**
 * `audit.verify`: the routine check, or the full walk when asked. The full walk (also the one
 * the routine check falls back on) runs in a worker, listed in `jobs.list` for the screen that
 * asked, which sees its progress and may stop it.
 */
export function verifyAuditLog(
  ctx: VerifyContext,
  input: { full?: boolean },
): Promise<AuditVerifyResult> {
  const fullWalk: FullWalk = async () => {
    if ((await lastId(ctx.db)) <= IN_PROCESS_LIMIT) return walkAllInProcess(ctx.db)
    return ctx.vault.workers.run(
      verifyChainTask,
      {},
      {
        jobLabelKey: 'jobs.labels.auditVerify',
        owner: {
          sessionId: ctx.session.sessionId ?? null,
          accountId: ctx.session.userId,
          roles: ['admin'],
        },
        cancellable: true,
      },
    )
  }
  return verifyAudit(ctx.db, ctx.clock.now(), ctx.vault.auditAnchors(), {
    full: input.full,
    fullWalk,
  })
}
