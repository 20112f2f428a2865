import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, rejection, type TestApp } from '../helpers/db'
import { addHousehold, listIds, partnerIds, slotOn, snapshot } from '../helpers/fixtures'
import { downloaded } from '../helpers/downloads'
import type { Caller } from '../../src/main/domains/accounts/auth'
import type { SubjectReport } from '../../src/main/domains/subjects/types'
import type { MethodInput } from '../../src/shared/api'

let app: TestApp
let counter: Caller
let topics: number[]
let partners: number[]
let category: number
// Monday 15 June 2026, 12:00 in Amsterdam.
const TODAY = '2026-06-15'
beforeEach(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
  counter = await app.loginAs('volunteer')
  await app.call('slots.generate', {
    from: '2026-06-01',
    to: '2026-06-30',
    template: [{ weekday: 1, part: 'morning', capacity: 5 }],
  })
  topics = await listIds(app, 'topic')
  partners = await partnerIds(app)
  ;[category] = await listIds(app, 'category')
})
afterEach(async () => app.close())

/** A family booked for today, so the counter may open it (as from the day list). */
async function bookedToday(name = 'Fatima Benali'): Promise<number> {
  const id = await addHousehold(app, name, {
    proofSeenOn: '2026-02-14',
    intake: {
      date: '2026-05-01',
      doneBy: 'Anja Intake',
      notes: 'INTAKE-NOTE zorgen over de huur',
      topicIds: [topics[0]],
      referrals: [{ destinationId: partners[0], note: 'INTAKE-REFERRAL-NOTE gebeld' }],
    },
  })
  await app.call('appointments.book', { slotId: await slotOn(app, TODAY), householdId: id })
  return id
}

function visitInput(
  householdId: number,
  over: Partial<MethodInput<'visits.register'>> = {},
): MethodInput<'visits.register'> {
  return {
    householdId,
    date: TODAY,
    servedBy: 'Vera Balie',
    items: [{ categoryId: category, count: 2 }],
    ...over,
  }
}

const setSwitches = (patch: MethodInput<'settings.update'>): Promise<unknown> =>
  app.call('settings.update', patch)

function rows(table: string, where = ''): unknown[] {
  return app.open.sqlite.prepare(`select * from ${table} ${where} order by rowid`).all()
}

function lastAudit(): { action: string; entity_type: string; fields: string | null } {
  return app.open.sqlite
    .prepare('select action, entity_type, fields from audit_log order by id desc limit 1')
    .get() as { action: string; entity_type: string; fields: string | null }
}

describe('a conversation with the visit (visits.register)', () => {
  it('a volunteer records topics and a referral with the visit, in one transaction and one audit entry', async () => {
    const id = await bookedToday()
    const { visit } = await app.call(
      'visits.register',
      visitInput(id, {
        topics: [topics[1], topics[0]],
        referrals: [{ destinationId: partners[1], note: 'Belt zelf maandag' }],
      }),
      counter,
    )
    expect(visit.topics?.map((t) => t.id).sort()).toEqual([topics[0], topics[1]].sort())
    expect(visit.referrals).toEqual([
      { destination: { id: partners[1], name: expect.any(String) }, note: 'Belt zelf maandag' },
    ])
    expect(rows('visit_topic')).toHaveLength(2)
    expect(rows('visit_referral')).toEqual([
      { id: 1, visit_id: visit.id, destination_id: partners[1], note: 'Belt zelf maandag' },
    ])
    const entry = lastAudit()
    expect(entry.action).toBe('create')
    expect(entry.entity_type).toBe('visit')
    expect(entry.fields!.split(',')).toEqual(
      expect.arrayContaining(['date', 'servedBy', 'items', 'topics', 'referrals']),
    )
  })

  it('with the admin’s switch off a volunteer’s conversation is refused and nothing is written; a plain visit still registers', async () => {
    const id = await bookedToday()
    await setSwitches({ volunteerMayRecordConversation: false })
    const before = snapshot(app)
    for (const conversation of [
      { topics: [topics[0]] },
      { referrals: [{ destinationId: partners[0], note: null }] },
    ]) {
      const err = await rejection(
        app.call('visits.register', visitInput(id, conversation), counter),
      )
      expect(err.code).toBe('FORBIDDEN')
      expect(err.key).toBe('volunteerRightOff')
      const check = await rejection(app.call('visits.check', visitInput(id, conversation), counter))
      expect(check.key).toBe('volunteerRightOff')
    }
    expect(snapshot(app)).toBe(before)
    const { visit } = await app.call(
      'visits.register',
      visitInput(id, { topics: [], referrals: [] }),
      counter,
    )
    expect(visit.topics).toEqual([])
    // Staff are not bound by the volunteers' switch.
    const other = await bookedToday('Jan Staff')
    const { visit: staffVisit } = await app.call(
      'visits.register',
      visitInput(other, { topics: [topics[0]] }),
    )
    expect(staffVisit.topics).toHaveLength(1)
  })

  it('refuses an unknown or inactive topic or destination, and one named twice, at the field, writing nothing', async () => {
    const id = await bookedToday()
    const [inactiveTopic] = topics.slice(-1)
    const topicItem = (await app.call('lists.list', { kind: 'topic' })).find(
      (t) => t.id === inactiveTopic,
    )!
    await app.call('lists.update', { id: inactiveTopic, name: topicItem.name, active: false })
    const partner = (await app.call('partners.list', {})).find((p) => p.id === partners[2])!
    await app.call('partners.update', { ...partner, active: false })
    const before = snapshot(app)
    const err = await rejection(
      app.call(
        'visits.register',
        visitInput(id, {
          topics: [topics[0], 99999, inactiveTopic, topics[0], category],
          referrals: [
            { destinationId: partners[0], note: null },
            { destinationId: 99999, note: null },
            { destinationId: partners[2], note: null },
            { destinationId: partners[0], note: 'nog een keer' },
          ],
        }),
        counter,
      ),
    )
    expect(err.code).toBe('VALIDATION')
    expect(err.fields).toEqual([
      { path: 'topics.1', key: 'unknownOption' },
      { path: 'topics.2', key: 'unknownOption' },
      { path: 'topics.3', key: 'duplicateTopic' },
      { path: 'topics.4', key: 'unknownOption' },
      { path: 'referrals.1.destinationId', key: 'unknownOption' },
      { path: 'referrals.2.destinationId', key: 'unknownOption' },
      { path: 'referrals.3.destinationId', key: 'duplicateReferral' },
    ])
    const long = await rejection(
      app.call(
        'visits.register',
        visitInput(id, { referrals: [{ destinationId: partners[0], note: 'x'.repeat(501) }] }),
        counter,
      ),
    )
    expect(long.code).toBe('VALIDATION')
    expect(long.fields?.map((f) => f.path)).toEqual(['referrals.0.note'])
    expect(snapshot(app)).toBe(before)
    // 500 characters is a note still.
    await app.call(
      'visits.register',
      visitInput(id, { referrals: [{ destinationId: partners[0], note: 'x'.repeat(500) }] }),
      counter,
    )
  })
})

describe('visits.recordConversation', () => {
  it('a volunteer adds and then replaces the conversation of today’s visit; each change is audited', async () => {
    const id = await bookedToday()
    const { visit } = await app.call('visits.register', visitInput(id), counter)
    expect(visit.topics).toEqual([])
    const first = await app.call(
      'visits.recordConversation',
      {
        visitId: visit.id,
        topics: [topics[0]],
        referrals: [{ destinationId: partners[0], note: 'Afspraak donderdag' }],
      },
      counter,
    )
    expect(first.topics?.map((t) => t.id)).toEqual([topics[0]])
    expect(first.referrals?.[0].note).toBe('Afspraak donderdag')
    expect(lastAudit()).toMatchObject({ action: 'update', entity_type: 'visit' })
    expect(lastAudit().fields!.split(',')).toEqual(['topics', 'referrals'])

    const second = await app.call(
      'visits.recordConversation',
      {
        visitId: visit.id,
        topics: [topics[0], topics[2]],
        referrals: [{ destinationId: partners[0], note: 'Afspraak donderdag' }],
      },
      counter,
    )
    expect(second.topics).toHaveLength(2)
    expect(lastAudit().fields!.split(',')).toEqual(['topics'])
    expect(rows('visit_referral')).toHaveLength(1)

    // Saving the same again changes nothing and logs nothing.
    const entries = rows('audit_log').length
    await app.call(
      'visits.recordConversation',
      {
        visitId: visit.id,
        topics: [topics[2], topics[0]],
        referrals: [{ destinationId: partners[0], note: 'Afspraak donderdag' }],
      },
      counter,
    )
    expect(rows('audit_log')).toHaveLength(entries)

    // Clearing it is a change too.
    const cleared = await app.call(
      'visits.recordConversation',
      { visitId: visit.id, topics: [], referrals: [] },
      counter,
    )
    expect(cleared.topics).toEqual([])
    expect(rows('visit_topic')).toEqual([])
    expect(rows('visit_referral')).toEqual([])
  })

  it('with the switch off, for another day’s visit, or a household the counter may not open, a volunteer is refused; staff may', async () => {
    const id = await bookedToday()
    // A visit of last week, entered by the coordinator.
    const { visit: earlier } = await app.call(
      'visits.register',
      visitInput(id, { date: '2026-06-08' }),
    )
    const { visit: today } = await app.call('visits.register', visitInput(id), counter)
    const stranger = await addHousehold(app, 'Piet Onbekend')
    const { visit: strangers } = await app.call('visits.register', visitInput(stranger))
    const conversation = { topics: [topics[0]], referrals: [] }
    let before = snapshot(app)

    const otherDay = await rejection(
      app.call('visits.recordConversation', { visitId: earlier.id, ...conversation }, counter),
    )
    expect([otherDay.code, otherDay.key]).toEqual(['FORBIDDEN', 'counterTodayOnly'])
    const notOpened = await rejection(
      app.call('visits.recordConversation', { visitId: strangers.id, ...conversation }, counter),
    )
    expect([notOpened.code, notOpened.key]).toEqual(['FORBIDDEN', 'counterLookupFirst'])
    // A visit that does not exist answers as one it may not open: the ids tell nothing.
    const missing = await rejection(
      app.call('visits.recordConversation', { visitId: 99999, ...conversation }, counter),
    )
    expect([missing.code, missing.key]).toEqual(['FORBIDDEN', 'counterLookupFirst'])

    expect(snapshot(app)).toBe(before)
    await setSwitches({ volunteerMayRecordConversation: false })
    before = snapshot(app)
    for (const payload of [conversation, { topics: [], referrals: [] }]) {
      const off = await rejection(
        app.call('visits.recordConversation', { visitId: today.id, ...payload }, counter),
      )
      expect([off.code, off.key]).toEqual(['FORBIDDEN', 'volunteerRightOff'])
    }
    expect(snapshot(app)).toBe(before)

    // Staff record the conversation of any visit, of any day.
    const staff = await app.call('visits.recordConversation', {
      visitId: earlier.id,
      ...conversation,
    })
    expect(staff.topics).toHaveLength(1)
    const notFound = await rejection(
      app.call('visits.recordConversation', { visitId: 99999, ...conversation }),
    )
    expect(notFound.code).toBe('NOT_FOUND')
  })

  it('keeps a topic or destination made inactive since, but refuses to add a new inactive one', async () => {
    const id = await bookedToday()
    const { visit } = await app.call(
      'visits.register',
      visitInput(id, {
        topics: [topics[0]],
        referrals: [{ destinationId: partners[0], note: null }],
      }),
      counter,
    )
    const topicItem = (await app.call('lists.list', { kind: 'topic' }))[0]
    await app.call('lists.update', { id: topicItem.id, name: topicItem.name, active: false })
    const partner = (await app.call('partners.list', {})).find((p) => p.id === partners[0])!
    await app.call('partners.update', { ...partner, active: false })
    const kept = await app.call(
      'visits.recordConversation',
      {
        visitId: visit.id,
        topics: [topics[0], topics[1]],
        referrals: [{ destinationId: partners[0], note: 'toch gebeld' }],
      },
      counter,
    )
    expect(kept.topics).toHaveLength(2)
    const { visit: other } = await app
      .call('visits.register', visitInput(id), counter)
      .catch(() => app.call('visits.register', visitInput(id, { sameDayVisitsSeen: 1 }), counter))
    const err = await rejection(
      app.call('visits.recordConversation', { visitId: other.id, topics: [topics[0]] }, counter),
    )
    expect(err.fields).toEqual([{ path: 'topics.0', key: 'unknownOption' }])
  })

  it('refuses the conversation of an anonymised household', async () => {
    const id = await bookedToday()
    const { visit } = await app.call('visits.register', visitInput(id))
    await app.call('retention.anonymise', { kind: 'household', id })
    const err = await rejection(
      app.call('visits.recordConversation', { visitId: visit.id, topics: [topics[0]] }),
    )
    expect([err.code, err.key]).toEqual(['CONFLICT', 'householdAnonymised'])
  })
})

describe('earlier conversations for the counter (households.get, history switch)', () => {
  /** A family with an intake, a visit of last week with a conversation, and one today. */
  async function familyWithHistory(): Promise<{ id: number; earlierId: number; todayId: number }> {
    const id = await bookedToday()
    const { visit: earlier } = await app.call(
      'visits.register',
      visitInput(id, {
        date: '2026-06-08',
        note: 'VISIT-NOTE vorige week',
        topics: [topics[1]],
        referrals: [{ destinationId: partners[1], note: 'VISIT-REFERRAL-NOTE bellen' }],
      }),
    )
    const { visit: today } = await app.call(
      'visits.register',
      visitInput(id, {
        topics: [topics[2]],
        referrals: [{ destinationId: partners[2], note: 'TODAY-REFERRAL-NOTE' }],
      }),
      counter,
    )
    return { id, earlierId: earlier.id, todayId: today.id }
  }

  it('with the switch off (the default) a volunteer sees no earlier topics or referrals, as before', async () => {
    const { id, earlierId, todayId } = await familyWithHistory()
    const detail = await app.call('households.get', { id }, counter)
    expect(detail).not.toHaveProperty('conversations')
    expect(detail).not.toHaveProperty('intakes')
    const earlier = detail.visits.find((v) => v.id === earlierId)!
    expect(earlier).not.toHaveProperty('topics')
    expect(earlier).not.toHaveProperty('referrals')
    // Today's visit, which the volunteer may still record, shows its conversation.
    const today = detail.visits.find((v) => v.id === todayId)!
    expect(today.referrals).toEqual([
      { destination: expect.objectContaining({ id: partners[2] }), note: 'TODAY-REFERRAL-NOTE' },
    ])
    const text = JSON.stringify(detail)
    for (const secret of ['INTAKE-NOTE', 'INTAKE-REFERRAL-NOTE', 'VISIT-REFERRAL-NOTE'])
      expect(text).not.toContain(secret)
    // Without the record switch not even today's.
    await setSwitches({ volunteerMayRecordConversation: false })
    const off = await app.call('households.get', { id }, counter)
    expect(off.visits.find((v) => v.id === todayId)).not.toHaveProperty('topics')
    expect(JSON.stringify(off)).not.toContain('TODAY-REFERRAL-NOTE')
  })

  it('with the switch on a volunteer sees dates, topics and destinations of intakes and visits, never the notes', async () => {
    const { id, earlierId } = await familyWithHistory()
    await setSwitches({ volunteerMaySeeHistory: true })
    const detail = await app.call('households.get', { id }, counter)
    const topicName = async (tid: number): Promise<string> =>
      (await app.call('lists.list', { kind: 'topic' })).find((t) => t.id === tid)!.name
    const partnerName = async (pid: number): Promise<string> =>
      (await app.call('partners.list', {})).find((p) => p.id === pid)!.name
    expect(detail.conversations).toEqual([
      {
        kind: 'visit',
        id: expect.any(Number),
        date: TODAY,
        topics: [{ id: topics[2], name: await topicName(topics[2]) }],
        destinations: [{ id: partners[2], name: await partnerName(partners[2]) }],
      },
      {
        kind: 'visit',
        id: earlierId,
        date: '2026-06-08',
        topics: [{ id: topics[1], name: await topicName(topics[1]) }],
        destinations: [{ id: partners[1], name: await partnerName(partners[1]) }],
      },
      {
        kind: 'intake',
        id: expect.any(Number),
        date: '2026-05-01',
        topics: [{ id: topics[0], name: await topicName(topics[0]) }],
        destinations: [{ id: partners[0], name: await partnerName(partners[0]) }],
      },
    ])
    const earlier = detail.visits.find((v) => v.id === earlierId)!
    expect(earlier.topics).toEqual([{ id: topics[1], name: await topicName(topics[1]) }])
    expect(earlier.referrals).toEqual([
      { destination: { id: partners[1], name: await partnerName(partners[1]) } },
    ])
    const text = JSON.stringify(detail)
    for (const secret of [
      'INTAKE-NOTE',
      'INTAKE-REFERRAL-NOTE',
      'VISIT-REFERRAL-NOTE',
      'Anja Intake',
      'Wijkteam',
      '2026-02-14',
    ])
      expect(text, secret).not.toContain(secret)
    expect(detail).not.toHaveProperty('intakes')
    for (const hidden of ['incomeSource', 'referrer', 'proofSeenOn', 'notes'])
      expect(detail.household, hidden).not.toHaveProperty(hidden)
    // The history entries themselves carry no visit notes either.
    expect(JSON.stringify(detail.conversations)).not.toContain('VISIT-NOTE')
  })

  it('staff see every visit’s topics and referrals with their notes', async () => {
    const { id, earlierId } = await familyWithHistory()
    const detail = await app.call('households.get', { id })
    expect(detail).not.toHaveProperty('conversations')
    const earlier = detail.visits.find((v) => v.id === earlierId)!
    expect(earlier.referrals).toEqual([
      {
        destination: expect.objectContaining({ id: partners[1] }),
        note: 'VISIT-REFERRAL-NOTE bellen',
      },
    ])
    expect(detail.intakes?.[0].referrals[0].note).toBe('INTAKE-REFERRAL-NOTE gebeld')
  })

  it('no other path hands a volunteer an earlier conversation', async () => {
    const { id } = await familyWithHistory()
    await setSwitches({ volunteerMaySeeHistory: true })
    const paths = [
      await app.call('households.search', { query: 'Benali' }, counter),
      await app.call('appointments.byDay', { date: TODAY }, counter),
      await app.call('shop.dashboard', {}, counter),
      await app.call('visits.check', visitInput(id, { sameDayVisitsSeen: 2 }), counter),
    ]
    for (const answer of paths) {
      const text = JSON.stringify(answer)
      for (const secret of ['NOTE', 'topics', 'referrals', 'destinations'])
        expect(text, secret).not.toContain(secret)
    }
    const refused = await rejection(
      app.call('subjects.export', { kind: 'household', id, format: 'json' }, counter),
    )
    expect(refused.code).toBe('FORBIDDEN')
  })
})

describe('the data rules of a visit’s conversation', () => {
  it('the subject-access export holds the visits’ topics and referrals with their notes, and their destinations as recipients', async () => {
    const id = await bookedToday()
    await app.call(
      'visits.register',
      visitInput(id, {
        topics: [topics[0]],
        referrals: [{ destinationId: partners[1], note: 'Belt zelf maandag' }],
      }),
      counter,
    )
    const file = await app.call('subjects.export', { kind: 'household', id, format: 'json' })
    const report = JSON.parse((await downloaded(app, file)).toString('utf8')) as SubjectReport
    const visits = report.parts.find((p) => p.key === 'visits')!.tables[0]
    const [row] = visits.rows
    const partnerName = (await app.call('partners.list', {})).find(
      (p) => p.id === partners[1],
    )!.name
    expect(row.topics).toHaveLength(1)
    expect(row.referrals).toEqual([`${partnerName}: Belt zelf maandag`])
    const about = report.parts.find((p) => p.key === 'processing')!.tables[0].rows[0]
    expect(about.recipients).toEqual(
      expect.arrayContaining([`bij een bezoek doorverwezen naar: ${partnerName}`]),
    )
  })

  it('anonymising clears the referrals’ notes and keeps topics and destinations for the figures', async () => {
    const id = await bookedToday()
    await app.call(
      'visits.register',
      visitInput(id, {
        date: '2026-06-08',
        topics: [topics[0], topics[1]],
        referrals: [{ destinationId: partners[1], note: 'Belt zelf maandag' }],
      }),
    )
    await app.call('retention.anonymise', { kind: 'household', id })
    expect(rows('visit_topic')).toHaveLength(2)
    expect(rows('visit_referral')).toEqual([
      { id: 1, visit_id: expect.any(Number), destination_id: partners[1], note: null },
    ])
    // Again changes nothing.
    await app.call('retention.anonymise', { kind: 'household', id }).catch(() => undefined)
    expect(rows('visit_topic')).toHaveLength(2)
  })
})
