import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/db'
import { householdInput } from '../helpers/fixtures'
import { downloaded } from '../helpers/downloads'
import { pdfText } from '../helpers/pdf'
import type { Job } from '../../src/main/workers/pool'
import { EXPORT_BATCH } from '../../src/main/domains/audit/export-csv'

let app: TestApp
beforeEach(async () => {
  app = await createTestApp()
})
afterEach(async () => app.close())

/** Runs `work` and returns the jobs with `labelKey` seen in the worker pool while it ran. */
async function jobsDuring<T>(
  labelKey: string,
  work: Promise<T>,
): Promise<{ value: T; seen: Job[] }> {
  const seen: Job[] = []
  let done = false
  const watching = (async () => {
    while (!done) {
      for (const j of app.vault.workers.jobs()) if (j.labelKey === labelKey) seen.push({ ...j })
      await new Promise((r) => setTimeout(r, 1))
    }
  })()
  try {
    return { value: await work, seen }
  } finally {
    done = true
    await watching
  }
}

describe("exports made off main's thread", () => {
  it('lays out the subject access PDF in a worker thread, as a job of the screen that asked', async () => {
    const { id } = await app.call('households.create', householdInput())
    const { value: file, seen } = await jobsDuring(
      'jobs.labels.subjectExport',
      app.call('subjects.export', { kind: 'household', id, format: 'pdf' }),
    )
    expect(seen.length).toBeGreaterThan(0)
    const session = app.router.sessions.get(app.admin.sessionId)!
    expect(seen[0].owner.sessionId).toBe(session.id)
    // The worker's PDF is the letter as before: fonts found, the family's name in it.
    const text = pdfText(await downloaded(app, file))
    expect(text).toContain('Inzage')
    expect(text).toContain(householdInput().contactName)
  })

  it('writes the audit CSV in a worker thread, in batches that join without gaps or repeats', async () => {
    // More entries than two batches: written straight into the table (the export reads; it
    // does not check the chain), each naming its own number in the note.
    const insert = app.open.sqlite.prepare(
      `insert into audit_log (at, user_id, user_name, role, workstation, action, entity_type,
         entity_id, household_id, subject_kind, subject_id, fields, detail, prev_hash, hash)
       values (?, 1, 'beheerder', 'admin', 'test-pc', 'view', 'household', '1', null, null, null,
         '', ?, '', 'x')`,
    )
    const extra = 2 * EXPORT_BATCH + 123
    app.open.sqlite.transaction(() => {
      for (let i = 0; i < extra; i++) insert.run('2026-06-15T10:00:00.000Z', `regel ${i}`)
    })()
    const before = app.open.sqlite.prepare('select count(*) as n from audit_log').get() as {
      n: number
    }
    const { value: file, seen } = await jobsDuring(
      'jobs.labels.auditExport',
      app.call('audit.export', {}),
    )
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.some((j) => j.cancellable)).toBe(true)
    expect(file.count).toBe(before.n)
    const csv = (await downloaded(app, file)).toString('utf8')
    const lines = csv.split('\r\n')
    expect(lines.pop()).toBe('')
    const ids = lines.slice(1).map((l) => Number(l.split(';')[0]))
    expect(ids).toHaveLength(before.n)
    // Every entry once, in order: no batch lost or repeated at its edges.
    expect(ids.every((id, i) => i === 0 || id === ids[i - 1]! + 1)).toBe(true)
    expect(csv).toContain(`;regel ${extra - 1}\r\n`)
    expect(file.sizeBytes).toBe(Buffer.byteLength(csv, 'utf8'))
  })

  it('leaves no file and logs no export when the export is cancelled', async () => {
    const insert = app.open.sqlite.prepare(
      `insert into audit_log (at, user_id, user_name, role, workstation, action, entity_type,
         entity_id, household_id, subject_kind, subject_id, fields, detail, prev_hash, hash)
       values ('2026-06-15T10:00:00.000Z', 1, 'beheerder', 'admin', 'test-pc', 'view',
         'household', '1', null, null, null, '', 'x', '', 'x')`,
    )
    app.open.sqlite.transaction(() => {
      for (let i = 0; i < 20 * EXPORT_BATCH; i++) insert.run()
    })()
    const exports = (): number =>
      (
        app.open.sqlite
          .prepare(`select count(*) as n from audit_log where action = 'export'`)
          .get() as { n: number }
      ).n
    const running = app.call('audit.export', {})
    // Handled from the start: it rejects once stopped, maybe before the expectation below waits.
    running.catch(() => undefined)
    let job: Job | undefined
    while (!job) {
      job = app.vault.workers.jobs().find((j) => j.labelKey === 'jobs.labels.auditExport')
      await new Promise((r) => setTimeout(r, 1))
    }
    expect(await app.call('jobs.cancel', { id: job.id })).toEqual({ id: job.id })
    await expect(running).rejects.toMatchObject({ code: 'CONFLICT', key: 'jobCancelled' })
    expect(exports()).toBe(0)
    const { readdirSync, existsSync } = await import('node:fs')
    const dir = `${app.dir}/downloads`
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([])
  })
})
