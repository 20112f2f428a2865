import { existsSync, readdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Job } from '../../src/main/workers/pool'
import { createTestApp, type TestApp } from '../helpers/db'
import { downloaded } from '../helpers/downloads'

const FROM = '2026-01-01'
const TO = '2026-06-30'

let app: TestApp
beforeAll(async () => {
  app = await createTestApp('2026-07-15T10:00:00Z')
})
afterAll(async () => {
  await app.close()
})

/** The rows of the log for the subsidy report or its frozen copies. */
function logged(): number {
  return (
    app.open.sqlite
      .prepare(
        `select count(*) as n from audit_log where entity_type in ('subsidyReport', 'reportSubmission')`,
      )
      .get() as { n: number }
  ).n
}

const downloadsDir = (): string => `${app.dir}/downloads`
const files = (): string[] => (existsSync(downloadsDir()) ? readdirSync(downloadsDir()).sort() : [])

/** Waits for the report's PDF job of this session to show in `jobs.list`, with its steps. */
async function pdfJob(): Promise<Job> {
  for (;;) {
    const job = app.vault.workers.jobs().find((j) => j.labelKey === 'jobs.labels.subsidyPdf')
    if (job) return job
    await new Promise((r) => setTimeout(r, 1))
  }
}

describe('the subsidy report as a PDF: progress and a stop', () => {
  it('counts its steps and is cancellable; a stopped PDF leaves no file and logs nothing', async () => {
    const before = logged()
    const filesBefore = files()
    const running = app.call('reports.subsidyPdf', { from: FROM, to: TO })
    // Handled from the start: it rejects once stopped, maybe before the expectation below waits.
    running.catch(() => undefined)
    const job = await pdfJob()
    expect(job.cancellable).toBe(true)
    // The list shows it with its three steps (read in, laid out, written) once it has begun.
    await expect
      .poll(async () => (await app.call('jobs.list', {}))[0], { interval: 5 })
      .toMatchObject({ labelKey: 'jobs.labels.subsidyPdf', total: 3, cancellable: true })
    await app.call('jobs.cancel', { id: job.id })
    await expect(running).rejects.toMatchObject({ code: 'CONFLICT', key: 'jobCancelled' })
    expect(logged()).toBe(before)
    expect(files()).toEqual(filesBefore)
    // The job is gone from the list.
    expect(await app.call('jobs.list', {})).toEqual([])
  })

  it('a stopped freeze keeps no frozen report', async () => {
    const running = app.call('reports.freeze', { from: FROM, to: TO, language: 'nl' })
    running.catch(() => undefined)
    const job = await pdfJob()
    await app.call('jobs.cancel', { id: job.id })
    await expect(running).rejects.toMatchObject({ code: 'CONFLICT', key: 'jobCancelled' })
    expect(await app.call('reports.submissions', {})).toEqual([])
  })

  it('a PDF nobody stops is still made', async () => {
    const ticket = await app.call('reports.subsidyPdf', { from: FROM, to: TO })
    expect((await downloaded(app, ticket)).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  })
})
