import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, rejection, type TestApp } from '../helpers/db'
import { householdInput } from '../helpers/fixtures'

/**
 * Right after a login the start-up check runs in a worker (seconds at ten years of data) and the
 * write gate holds writes back until it has passed. Here the gate is held as the check holds it,
 * with the verdict in the test's hand.
 */
describe('screens while the start-up check runs', () => {
  let app: TestApp

  beforeEach(async () => {
    app = await createTestApp()
  })

  afterEach(async () => {
    await app.close()
  })

  /** Holds the gate as the check does; returns the check's verdict to give. */
  function holdLikeTheCheck(): (ok: boolean) => void {
    let verdict: (ok: boolean) => void = () => undefined
    app.vault.writeGate.hold(new Promise<boolean>((resolve) => (verdict = resolve)))
    return verdict
  }

  /** The answer of `call`, or a failure when it waits longer than a screen may (for the check). */
  async function atOnce<T>(call: Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('waited for the start-up check')), 2000)
    })
    try {
      return await Promise.race([call, late])
    } finally {
      clearTimeout(timer)
    }
  }

  function viewsOf(entityType: string): { entityId: string | null }[] {
    return app.open.sqlite
      .prepare(
        "select entity_id as entityId from audit_log where action = 'view' and entity_type = ?",
      )
      .all(entityType) as { entityId: string | null }[]
  }

  function householdCount(): number {
    return (app.open.sqlite.prepare('select count(*) as n from household').get() as { n: number }).n
  }

  it('opens a household and searches people at once, each view in the audit log, while a change waits for the check', async () => {
    const { id } = await app.call('households.create', householdInput({ contactName: 'Fam. Bos' }))
    const before = householdCount()
    const verdict = holdLikeTheCheck()

    // A coordinator saves a new household in the first seconds: it waits for the check.
    let saved = false
    const change = app.call(
      'households.create',
      householdInput({ contactName: 'Fam. Wit', postcode: '3812 AB', phone: null, email: null }),
    )
    void change.then(() => (saved = true)).catch(() => undefined)

    const opened = await atOnce(app.call('households.get', { id }))
    expect(opened.household.contactName).toBe('Fam. Bos')
    expect(viewsOf('household').map((v) => v.entityId)).toContain(String(id))
    const found = await atOnce(app.call('people.search', { query: '' }))
    expect(found.total).toBe(0)
    expect(viewsOf('person').length).toBeGreaterThan(0)
    // Plain reads do not queue behind the waiting change either.
    const list = await atOnce(app.call('households.search', { query: 'Bos' }))
    expect(list.rows.map((h) => h.contactName)).toEqual(['Fam. Bos'])

    expect(saved).toBe(false)
    expect(householdCount()).toBe(before)

    verdict(true)
    await change
    expect(householdCount()).toBe(before + 1)
    // The views written past the gate and the change after them form one unbroken chain.
    expect((await app.call('audit.verify', {})).ok).toBe(true)
  })

  it('refuses the waiting change, and views after it, when the check finds damage', async () => {
    const { id } = await app.call('households.create', householdInput({ contactName: 'Fam. Bos' }))
    const before = householdCount()
    const verdict = holdLikeTheCheck()
    const change = rejection(
      app.call(
        'households.create',
        householdInput({ contactName: 'Fam. Wit', postcode: '3812 AB', phone: null, email: null }),
      ),
    )
    await atOnce(app.call('households.get', { id }))

    verdict(false)
    expect(await change).toMatchObject({ code: 'CONFLICT', key: 'databaseDamaged' })
    expect(householdCount()).toBe(before)
    // Once damage is known nothing more is written to the file, not even the record of a view.
    expect(await rejection(app.call('households.get', { id }))).toMatchObject({
      code: 'CONFLICT',
      key: 'databaseDamaged',
    })
  })
})
