import type Database from 'better-sqlite3-multiple-ciphers'
import { auditHash, auditHashV1, GENESIS_HASH } from '../../src/main/domains/audit/hash'

export interface BulkOptions {
  /** 'v1': entries as written before migration 0007 (only before any v2 entry). */
  version?: 'v1' | 'v2'
  /** The first entry's time; each next one is five minutes later. */
  from?: string
  /** Users, actions and households the entries rotate through. */
  users?: number
  actions?: readonly string[]
  households?: number
}

const ACTIONS = ['view', 'view', 'update', 'create', 'login', 'logout', 'lock', 'unlock', 'export']

/**
 * Appends `n` valid, chained audit entries on the raw handle, in one transaction: the fast way
 * to a log of tens of thousands of entries for plan and behaviour tests.
 */
export function appendAuditEntries(
  sqlite: Database.Database,
  n: number,
  options: BulkOptions = {},
): void {
  const last = sqlite
    .prepare('select id, hash, at from audit_log order by id desc limit 1')
    .get() as { id: number; hash: string; at: string } | undefined
  const insert = sqlite.prepare(
    `insert into audit_log (id, at, user_id, user_name, role, workstation, action, entity_type,
      entity_id, household_id, subject_kind, subject_id, fields, detail, prev_hash, hash)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const actions = options.actions ?? ACTIONS
  const users = options.users ?? 7
  const households = options.households ?? 500
  const start = Date.parse(options.from ?? last?.at ?? '2016-01-04T09:00:00.000Z')
  let prev = last?.hash ?? GENESIS_HASH
  const first = (last?.id ?? 0) + 1
  sqlite.transaction(() => {
    for (let id = first; id < first + n; id++) {
      const household = id % 3 === 0 ? null : (id % households) + 1
      const row = {
        id,
        at: new Date(start + (id - first + 1) * 300_000).toISOString(),
        userId: (id % users) + 1,
        userName: `gebruiker${id % users}`,
        role: 'volunteer',
        workstation: 'winkel-pc',
        action: actions[id % actions.length],
        entityType: household === null ? 'account' : 'household',
        entityId: String(household ?? (id % users) + 1),
        householdId: household,
        subjectKind: household === null ? null : 'household',
        subjectId: household,
        fields: id % 4 === 0 ? 'phone,city' : '',
        detail: null,
        prevHash: prev,
      }
      const { subjectKind: _k, subjectId: _s, ...old } = row
      const hash = options.version === 'v1' ? auditHashV1(old) : auditHash(row)
      insert.run(
        row.id,
        row.at,
        row.userId,
        row.userName,
        row.role,
        row.workstation,
        row.action,
        row.entityType,
        row.entityId,
        row.householdId,
        row.subjectKind,
        row.subjectId,
        row.fields,
        row.detail,
        row.prevHash,
        hash,
      )
      prev = hash
    }
  })()
}

/**
 * Rewrites the log from entry `from` on as someone with the key could: the update trigger
 * dropped, that entry's note changed and every hash after it recomputed, so the chain itself
 * looks whole again.
 */
export function rewriteConsistently(sqlite: Database.Database, from: number): void {
  sqlite.exec('drop trigger if exists audit_log_no_update')
  const rows = sqlite
    .prepare('select * from audit_log where id >= ? order by id')
    .all(from) as Record<string, unknown>[]
  let prev =
    (
      sqlite.prepare('select hash from audit_log where id = ?').get(from - 1) as
        { hash: string } | undefined
    )?.hash ?? GENESIS_HASH
  const update = sqlite.prepare(
    'update audit_log set detail = ?, prev_hash = ?, hash = ? where id = ?',
  )
  const rewrite = sqlite.transaction(() => {
    for (const r of rows) {
      const detail = r.id === from ? 'herschreven' : (r.detail as string | null)
      const hash = auditHash({
        id: r.id as number,
        at: r.at as string,
        userId: r.user_id as number | null,
        userName: r.user_name as string | null,
        role: r.role as string | null,
        workstation: r.workstation as string,
        action: r.action as string,
        entityType: r.entity_type as string | null,
        entityId: r.entity_id as string | null,
        householdId: r.household_id as number | null,
        subjectKind: r.subject_kind as string | null,
        subjectId: r.subject_id as number | null,
        fields: r.fields as string,
        detail,
        prevHash: prev,
      })
      update.run(detail, prev, hash, r.id)
      prev = hash
    }
  })
  rewrite()
}
