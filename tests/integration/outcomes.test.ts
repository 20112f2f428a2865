import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Caller } from '../../src/main/domains/accounts/auth'
import { createTestApp, rejection, type TestApp } from '../helpers/db'
import { addHousehold } from '../helpers/fixtures'
import { downloaded } from '../helpers/downloads'
import type { SubjectReport } from '../../src/main/domains/subjects/types'

/**
 * The questionnaire, safety signals and stories (issue 17) through the real router: who may do
 * what, what is logged, what bad input changes (nothing), and what retention does to them.
 */

let app: TestApp
let counter: Caller
let coordinator: Caller
let household: number
let person: number

beforeAll(async () => {
  app = await createTestApp('2026-07-15T10:00:00Z')
  counter = await app.loginAs('volunteer', 'balie')
  coordinator = await app.loginAs('coordinator', 'coord')
  household = await addHousehold(app, 'Fam. Yilmaz', { district: 'Noord' })
  person = (
    await app.call('people.create', {
      firstName: 'Sem',
      lastName: 'Bakker',
      registeredOn: '2026-01-10',
      district: 'Noord',
    })
  ).id
})
afterAll(async () => app?.close())

const auditRows = (entity: string) =>
  app.open.sqlite
    .prepare(
      `select action, subject_kind as kind, subject_id as id, fields from audit_log
       where entity_type = ? order by id`,
    )
    .all(entity) as { action: string; kind: string | null; id: number | null; fields: string }[]

describe('safety signals', () => {
  it('are for coordinators and admins only: the counter is refused on every method', async () => {
    const signal = await app.call(
      'careSignals.save',
      {
        householdId: household,
        signalledOn: '2026-07-01',
        kind: 'domestic_violence',
        discussedWith: ['veilig_thuis', 'access_team'],
        note: 'Moeder vertelde over ruzies thuis',
      },
      coordinator,
    )
    expect(signal).toMatchObject({
      householdId: household,
      kind: 'domestic_violence',
      // Kept in one order whatever order they were ticked in.
      discussedWith: ['access_team', 'veilig_thuis'],
      byName: expect.any(String),
    })
    for (const [method, input] of [
      ['careSignals.list', { householdId: household }],
      ['careSignals.save', { householdId: household, signalledOn: '2026-07-02', kind: 'other' }],
      ['careSignals.remove', { id: signal.id }],
    ] as const) {
      const e = await rejection(app.call(method, input as never, counter))
      expect(e.code, method).toBe('FORBIDDEN')
    }
    expect(
      await app.call('careSignals.list', { householdId: household }, coordinator),
    ).toHaveLength(1)
  })

  it('logs every look and change under the household, with field names but no values', async () => {
    const views = () =>
      auditRows('careSignal').filter(
        (r) => r.action === 'view' && r.kind === 'household' && r.id === household,
      ).length
    const before = views()
    await app.call('careSignals.list', { householdId: household })
    expect(views()).toBe(before + 1)
    const rows = auditRows('careSignal')
    const created = rows.find((r) => r.action === 'create')!
    expect(created.fields).toContain('note')
    const all = JSON.stringify(
      app.open.sqlite.prepare(`select * from audit_log where entity_type = 'careSignal'`).all(),
    )
    expect(all).not.toContain('ruzies')
  })

  it('refuses bad input at its field and changes nothing', async () => {
    const count = () => app.open.sqlite.prepare('select count(*) from care_signal').pluck().get()
    const before = count()
    const cases: [Record<string, unknown>, string][] = [
      [{ signalledOn: '2026-07-01', kind: 'gossip', householdId: household }, 'kind'],
      [{ signalledOn: '2026-08-01', kind: 'other', householdId: household }, 'signalledOn'],
      [{ signalledOn: '2026-07-01', kind: 'other' }, 'householdId'],
      [
        { signalledOn: '2026-07-01', kind: 'other', householdId: household, personId: person },
        'householdId',
      ],
      [
        {
          signalledOn: '2026-07-01',
          kind: 'other',
          householdId: household,
          discussedWith: ['other'],
        },
        'discussedOther',
      ],
    ]
    for (const [input, path] of cases) {
      const e = await rejection(app.call('careSignals.save', input as never))
      expect(e.code).toBe('VALIDATION')
      expect((e.fields as { path: string }[]).map((d) => d.path)).toContain(path)
    }
    expect(count()).toBe(before)
  })

  it('stay with their household: anonymising wipes the note, and deleting is refused', async () => {
    const h = await addHousehold(app, 'Fam. de Groot', { district: 'Zuid' })
    await app.call('careSignals.save', {
      householdId: h,
      signalledOn: '2026-06-01',
      kind: 'acute_need',
      discussedWith: ['other'],
      discussedOther: 'Voedselbank',
      note: 'Geen eten in huis',
    })
    const e = await rejection(app.call('retention.delete', { kind: 'household', id: h }))
    expect(e.code).toBe('CONFLICT')
    await app.call('retention.anonymise', { kind: 'household', id: h })
    const [s] = await app.call('careSignals.list', { householdId: h })
    expect(s).toMatchObject({ kind: 'acute_need', signalledOn: '2026-06-01', note: null })
    expect(s.discussedOther).toBeNull()
    // An anonymised household takes no new signal.
    const again = await rejection(
      app.call('careSignals.save', { householdId: h, signalledOn: '2026-07-01', kind: 'other' }),
    )
    expect(again.code).toBe('CONFLICT')
  })

  it('are in the subject access export of the household', async () => {
    const ticket = await app.call('subjects.export', {
      kind: 'household',
      id: household,
      format: 'json',
    })
    const report = JSON.parse((await downloaded(app, ticket)).toString('utf8')) as SubjectReport
    const part = report.parts.find((p) => p.key === 'outcomes')!
    const rows = part.tables.find((t) => t.key === 'careSignals')!.rows
    expect(rows).toEqual([
      {
        signalledOn: '2026-07-01',
        kind: 'huiselijk geweld',
        discussedWith: 'Toegangsteam, Veilig Thuis',
        note: 'Moeder vertelde over ruzies thuis',
      },
    ])
  })
})

describe('the questionnaire', () => {
  it('counts forms against an invitation and refuses one more than handed out', async () => {
    const invite = await app.call('surveys.invite', {
      occasion: 'service',
      about: 'Kledingwinkel',
      invitedOn: '2026-07-01',
      invited: 2,
    })
    const [q] = await app.call('surveys.questions', {})
    const form = { inviteId: invite.id, mode: 'paper', answeredOn: '2026-07-02', mark: 8 } as const
    await app.call('surveys.answer', { ...form, answers: [{ questionId: q.id, score: 4 }] })
    const after = await app.call('surveys.answer', form)
    expect(after).toMatchObject({ invited: 2, answered: 2 })
    const e = await rejection(app.call('surveys.answer', form))
    expect(e).toMatchObject({ code: 'CONFLICT', key: 'surveyComplete' })
    expect((await app.call('surveys.invites', { open: true })).rows.map((r) => r.id)).not.toContain(
      invite.id,
    )
    // A filled-in invitation cannot be removed (its answers cannot be found to go with it).
    const r = await rejection(app.call('surveys.removeInvite', { id: invite.id }))
    expect(r).toMatchObject({ code: 'CONFLICT', key: 'surveyAnswered' })
  })

  it('refuses a mark out of range, a day before the invitation and a statement set inactive', async () => {
    const invite = await app.call('surveys.invite', {
      occasion: 'trajectory',
      personId: person,
      invitedOn: '2026-07-10',
    })
    const q = await app.call('surveys.saveQuestion', { text: 'Ik voelde me welkom', active: true })
    await app.call('surveys.saveQuestion', { id: q.id, text: q.text, active: false })
    const responses = () =>
      app.open.sqlite.prepare('select count(*) from survey_response').pluck().get()
    const before = responses()
    const form = { inviteId: invite.id, mode: 'screen', answeredOn: '2026-07-10', mark: 7 }
    for (const [input, path] of [
      [{ ...form, mark: 11 }, 'mark'],
      [{ ...form, mark: 7.5 }, 'mark'],
      [{ ...form, answeredOn: '2026-07-09' }, 'answeredOn'],
      [{ ...form, answers: [{ questionId: q.id, score: 3 }] }, 'answers.0.questionId'],
      [{ ...form, answers: [{ questionId: 1, score: 6 }] }, 'answers.0.score'],
    ] as const) {
      const e = await rejection(app.call('surveys.answer', input as never))
      expect(e.code).toBe('VALIDATION')
      expect((e.fields as { path: string }[]).map((d) => d.path)).toContain(path)
    }
    expect(responses()).toBe(before)
    // Offered by mistake: with nothing entered it can be removed.
    await app.call('surveys.removeInvite', { id: invite.id })
    // A trajectory is offered to one person.
    const one = await rejection(
      app.call('surveys.invite', {
        occasion: 'trajectory',
        personId: person,
        invitedOn: '2026-07-10',
        invited: 3,
      }),
    )
    expect((one.fields as { path: string; key: string }[])[0]).toMatchObject({
      path: 'invited',
    })
    // The same statement twice is refused at its field.
    const taken = await rejection(
      app.call('surveys.saveQuestion', { text: 'ik voelde me WELKOM', active: true }),
    )
    expect((taken.fields as { path: string; key: string }[])[0]).toMatchObject({
      path: 'text',
      key: 'nameTaken',
    })
  })

  it('logs the invitation under the person, and never the answers', async () => {
    const invite = await app.call('surveys.invite', {
      occasion: 'trajectory',
      personId: person,
      invitedOn: '2026-07-11',
    })
    await app.call('surveys.answer', {
      inviteId: invite.id,
      mode: 'screen',
      answeredOn: '2026-07-11',
      mark: 9,
    })
    // While one is open, a second invitation of the same person is refused.
    const second = await app.call('surveys.invite', {
      occasion: 'trajectory',
      personId: person,
      invitedOn: '2026-07-12',
    })
    const twice = await rejection(
      app.call('surveys.invite', {
        occasion: 'trajectory',
        personId: person,
        invitedOn: '2026-07-12',
      }),
    )
    expect(twice).toMatchObject({ code: 'CONFLICT', key: 'surveyAlreadyOffered' })
    await app.call('surveys.removeInvite', { id: second.id })
    const rows = auditRows('surveyInvite').filter((r) => r.id === person)
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['create', 'update']))
    expect(auditRows('surveyResponse')).toEqual([])
    const invites = await app.call('surveys.invites', { personId: person })
    expect(invites.rows[0]).toMatchObject({ occasion: 'trajectory', personName: 'Sem Bakker' })
    // The counter never reaches the questionnaire's records.
    const e = await rejection(app.call('surveys.invites', { personId: person }, counter))
    expect(e.code).toBe('FORBIDDEN')
  })
})

describe('stories', () => {
  it('need a consent day, not in the future, and are listed by the period told', async () => {
    const base = {
      section: 'volunteers',
      about: 'volunteer',
      name: 'Kees',
      text: 'Kees begon als deelnemer en leidt nu de fietsenwerkplaats.',
      toldOn: '2026-05-01',
    } as const
    const missing = await rejection(app.call('stories.save', base as never))
    expect((missing.fields as { path: string }[]).map((d) => d.path)).toContain('consentOn')
    const future = await rejection(app.call('stories.save', { ...base, consentOn: '2026-08-01' }))
    expect((future.fields as { path: string }[]).map((d) => d.path)).toContain('consentOn')
    const story = await app.call('stories.save', { ...base, consentOn: '2026-05-02' })
    expect(
      (await app.call('stories.list', { from: '2026-05-01', to: '2026-05-31' })).map((s) => s.id),
    ).toEqual([story.id])
    expect(await app.call('stories.list', { from: '2026-06-01', to: '2026-06-30' })).toEqual([])
    await app.call('stories.remove', { id: story.id })
    expect(await app.call('stories.list', { from: '2026-05-01', to: '2026-05-31' })).toEqual([])
    const e = await rejection(
      app.call('stories.list', { from: '2026-01-01', to: '2026-12-31' }, counter),
    )
    expect(e.code).toBe('FORBIDDEN')
  })
})
