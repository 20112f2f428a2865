import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, rejection, type TestApp } from '../helpers/db'
import { householdInput, partnerIds, snapshot } from '../helpers/fixtures'
import type { MethodInput } from '../../src/shared/api'

let app: TestApp
beforeEach(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
})
afterEach(async () => app.close())

const taalhuis: MethodInput<'partners.create'> = {
  name: 'Taalhuis Noord',
  kind: 'education_language',
  area: 'Noord',
  contactPerson: 'Ans de Boer',
  phone: '033-555 0101',
  email: 'Taalhuis@Bieb.example',
  address: 'Noorderplein 3',
  helpsWith: 'Nederlands leren, formulieren',
}

function partnerAudit(): { action: string; entity_id: string; fields: string }[] {
  return app.open.sqlite
    .prepare(
      "select action, entity_id, fields from audit_log where entity_type = 'partner' order by id",
    )
    .all() as { action: string; entity_id: string; fields: string }[]
}

describe('the sociale kaart (partners.*)', () => {
  it('starts with the six former referral destinations, each as its own partner', async () => {
    const all = await app.call('partners.list', {})
    expect(all.map((p) => p.name).sort()).toEqual([
      'Gemeente (regelingen)',
      'Maatschappelijk werk',
      'Schuldhulpverlening',
      'Sociaal raadslieden',
      'Voedselbank',
      'Vrijwilligerscentrale',
    ])
    expect(all.every((p) => p.kind === 'other' && p.active)).toBe(true)
    // Destinations are no managed list any more: lists.* refuse the kind at the field.
    const err = await rejection(
      app.call('lists.list', { kind: 'destination' } as unknown as MethodInput<'lists.list'>),
    )
    expect(err.code).toBe('VALIDATION')
    expect(err.fields?.[0].path).toBe('kind')
  })

  it('an area filter also lists the organisations without an area, matching up to case and accents', async () => {
    await app.call('partners.create', taalhuis)
    await app.call('partners.create', { name: 'Wijkteam Zuid', kind: 'municipality', area: 'Zuid' })
    const everywhere = await app.call('partners.create', { name: 'Kledingbank', kind: 'other' })
    for (const area of ['Noord', 'noord', ' NÓORD']) {
      const names = (await app.call('partners.list', { area })).map((p) => p.name)
      expect(names).toContain('Taalhuis Noord')
      expect(names).toContain(everywhere.name)
      expect(names).toContain('Voedselbank')
      expect(names).not.toContain('Wijkteam Zuid')
    }
    const zuid = await app.call('partners.list', { area: 'zuid', kind: 'municipality' })
    expect(zuid.map((p) => p.name)).toEqual(['Wijkteam Zuid'])
  })

  it('lets staff add and change a partner, audited, and filters by area, kind and search', async () => {
    const coordinator = await app.loginAs('coordinator')
    const created = await app.call('partners.create', taalhuis, coordinator)
    expect(created).toMatchObject({ ...taalhuis, email: 'taalhuis@bieb.example', active: true })
    await app.call('partners.create', { name: 'Wijkteam Zuid', kind: 'municipality', area: 'Zuid' })

    // An area lists its own organisations and those without an area (they help everywhere).
    expect(
      (await app.call('partners.list', { area: 'Noord' })).filter((p) => p.area).map((p) => p.name),
    ).toEqual(['Taalhuis Noord'])
    expect((await app.call('partners.list', { kind: 'municipality' })).map((p) => p.name)).toEqual([
      'Wijkteam Zuid',
    ])
    // The search folds accents and looks in what they help with too.
    expect((await app.call('partners.list', { query: 'FORMULÍEREN' })).map((p) => p.id)).toEqual([
      created.id,
    ])
    expect(await app.call('partners.areas', {})).toEqual(['Noord', 'Zuid'])

    const changed = await app.call('partners.update', {
      ...taalhuis,
      id: created.id,
      phone: '06-12345678',
      active: false,
    })
    expect(changed).toMatchObject({ phone: '06-12345678', active: false })
    // Inactive: gone from the list and the picker, still there for whoever asks for them.
    expect((await app.call('partners.list', {})).map((p) => p.id)).not.toContain(created.id)
    expect((await app.call('partners.list', { includeInactive: true })).map((p) => p.id)).toContain(
      created.id,
    )

    expect(partnerAudit()).toEqual([
      {
        action: 'create',
        entity_id: String(created.id),
        fields: 'name,kind,area,contactPerson,phone,email,address,helpsWith',
      },
      { action: 'create', entity_id: expect.any(String), fields: 'name,kind,area' },
      { action: 'update', entity_id: String(created.id), fields: 'phone,active' },
    ])
    const who = app.open.sqlite
      .prepare("select role from audit_log where entity_type = 'partner' order by id limit 1")
      .get()
    expect(who).toEqual({ role: 'coordinator' })
  })

  it('lets a volunteer read the map but not add to it or change it (FORBIDDEN in main)', async () => {
    const volunteer = await app.loginAs('volunteer')
    const [first] = await partnerIds(app)
    expect((await app.call('partners.list', {}, volunteer)).length).toBe(6)
    expect(await app.call('partners.areas', {}, volunteer)).toEqual([])
    const before = snapshot(app)
    const create = await rejection(app.call('partners.create', taalhuis, volunteer))
    expect(create.code).toBe('FORBIDDEN')
    const update = await rejection(
      app.call('partners.update', { ...taalhuis, id: first, active: true }, volunteer),
    )
    expect(update.code).toBe('FORBIDDEN')
    expect(snapshot(app)).toBe(before)
  })

  it('refuses a name another partner has up to case, accents and spaces, at the name field', async () => {
    const before = snapshot(app)
    for (const name of ['voedselbank', ' VOEDSELBANK ', 'Vóedselbank']) {
      const err = await rejection(app.call('partners.create', { name, kind: 'food_bank' }))
      expect(err).toMatchObject({ code: 'CONFLICT', key: 'partnerNameTaken' })
      expect(err.fields).toEqual([
        { path: 'name', key: 'nameTakenFolded', params: { name: 'Voedselbank' } },
      ])
    }
    const [schuldhulp] = await partnerIds(app)
    const renamed = await rejection(
      app.call('partners.update', {
        id: schuldhulp,
        name: 'VOEDSELBANK',
        kind: 'debt_help',
        active: true,
      }),
    )
    expect(renamed.fields?.[0]).toMatchObject({ path: 'name', key: 'nameTakenFolded' })
    expect(snapshot(app)).toBe(before)
    // Its own name in another spelling is no clash.
    const own = await app.call('partners.update', {
      id: schuldhulp,
      name: 'SCHULDHULPVERLENING',
      kind: 'debt_help',
      active: true,
    })
    expect(own.name).toBe('SCHULDHULPVERLENING')
  })

  it('refuses bad input at the field in Dutch keys and writes nothing', async () => {
    const before = snapshot(app)
    const cases: [Record<string, unknown>, string][] = [
      [{ ...taalhuis, name: '   ' }, 'name'],
      [{ ...taalhuis, kind: 'bakery' }, 'kind'],
      [{ ...taalhuis, phone: 'bel maar' }, 'phone'],
      [{ ...taalhuis, phone: '123' }, 'phone'],
      [{ ...taalhuis, email: 'geen-adres' }, 'email'],
      [{ ...taalhuis, helpsWith: 'x'.repeat(1001) }, 'helpsWith'],
    ]
    for (const [input, path] of cases) {
      const err = await rejection(
        app.call('partners.create', input as MethodInput<'partners.create'>),
      )
      expect(err.code, path).toBe('VALIDATION')
      expect(err.fields?.map((f) => f.path)).toEqual([path])
    }
    const missing = await rejection(
      app.call('partners.update', { ...taalhuis, id: 999_999, active: true }),
    )
    expect(missing.code).toBe('NOT_FOUND')
    expect(snapshot(app)).toBe(before)
  })

  it('refers an intake only to an active partner, and names it as renamed on the household page', async () => {
    const [schuldhulp, maatschappelijk] = await partnerIds(app)
    const household = await app.call('households.create', householdInput())
    await app.call('partners.update', {
      id: maatschappelijk,
      name: 'Maatschappelijk werk',
      kind: 'social_work',
      active: false,
    })
    const before = snapshot(app)
    const err = await rejection(
      app.call('intakes.create', {
        householdId: household.id,
        date: '2026-06-15',
        doneBy: 'Anja',
        topicIds: [],
        referrals: [{ destinationId: schuldhulp }, { destinationId: maatschappelijk }],
      }),
    )
    expect(err.fields).toEqual([{ path: 'referrals.1.destinationId', key: 'unknownOption' }])
    expect(snapshot(app)).toBe(before)

    await app.call('intakes.create', {
      householdId: household.id,
      date: '2026-06-15',
      doneBy: 'Anja',
      topicIds: [],
      referrals: [{ destinationId: schuldhulp, note: 'belt zelf' }],
    })
    await app.call('partners.update', {
      id: schuldhulp,
      name: 'Schuldhulp Eemstad',
      kind: 'debt_help',
      area: 'Eemstad',
      active: true,
    })
    const detail = await app.call('households.get', { id: household.id })
    expect(detail.intakes?.[0].referrals).toEqual([
      { destination: { id: schuldhulp, name: 'Schuldhulp Eemstad' }, note: 'belt zelf' },
    ])
  })
})
