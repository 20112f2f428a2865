import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/db'
import { householdInput } from '../helpers/fixtures'

let app: TestApp
// Monday 15 June 2026, 12:00 in Amsterdam: the afternoon is still to come.
beforeEach(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
  await app.call('slots.generate', {
    from: '2026-06-15',
    to: '2026-06-15',
    template: [{ weekday: 1, part: 'afternoon', capacity: 3 }],
  })
})
afterEach(async () => app.close())

describe('call list: a family that came today', () => {
  it('is no longer "to invite" once its appointment is marked came, before the visit is saved', async () => {
    const { id } = await app.call(
      'households.create',
      householdInput({ contactName: 'Sanne de Vries', postcode: '3811 HZ', phone: null }),
    )
    const notSeenSince = '2026-05-01'
    const [slot] = await app.call('slots.list', { from: '2026-06-15', to: '2026-06-15' })
    const { appointment } = await app.call('appointments.book', {
      slotId: slot.id,
      householdId: id,
    })
    // Booked: not on the list.
    const ids = async (): Promise<number[]> =>
      (await app.call('households.callList', { notSeenSince })).map((r) => r.id)
    expect(await ids()).not.toContain(id)
    const toInvite = async (): Promise<number> =>
      (await app.call('shop.dashboard', {})).toInvite.count
    const countBooked = await toInvite()

    await app.call('appointments.setStatus', { appointmentId: appointment.id, status: 'came' })
    // The family is at the counter: it was seen today, nobody needs to call it.
    expect(await ids()).not.toContain(id)
    expect(await toInvite()).toBe(countBooked)
    const { csv } = await app.call('households.callListCsv', { notSeenSince })
    expect(csv).not.toContain('Sanne de Vries')
  })
})
