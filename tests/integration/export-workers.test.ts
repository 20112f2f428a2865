import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/db'
import { householdInput } from '../helpers/fixtures'
import { downloaded } from '../helpers/downloads'
import { pdfText } from '../helpers/pdf'
import type { Job } from '../../src/main/workers/pool'

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
})
