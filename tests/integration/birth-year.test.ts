import { afterEach, beforeEach, expect, it } from 'vitest'
import { createTestApp, rejection, type TestApp } from '../helpers/db'
import { householdInput, snapshot } from '../helpers/fixtures'

let app: TestApp
beforeEach(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
})
afterEach(async () => app.close())

it('refuses a birth year with its reason: in the future (by main’s day) or before 1900', async () => {
  const before = snapshot(app)
  const err = await rejection(
    app.call(
      'households.create',
      householdInput({
        members: [
          { birthYear: 2027, gender: 'm' },
          { birthYear: 1899, gender: 'f' },
        ],
      }),
    ),
  )
  expect(err.code).toBe('VALIDATION')
  expect(err.fields).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ path: 'members.1.birthYear', key: 'birthYearTooEarly' }),
    ]),
  )
  // This year is fine; next year is the future.
  const future = await rejection(
    app.call('households.create', householdInput({ members: [{ birthYear: 2027, gender: 'm' }] })),
  )
  expect(future.fields).toEqual([{ path: 'members.0.birthYear', key: 'birthYearFuture' }])
  expect(snapshot(app)).toBe(before)
  const { id } = await app.call(
    'households.create',
    householdInput({ members: [{ birthYear: 2026, gender: 'm' }] }),
  )
  expect(id).toBe(1)
})
