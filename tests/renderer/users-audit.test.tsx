// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { notifications } from '@mantine/notifications'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { UsersPage } from '../../src/renderer/src/features/accounts/users/users-page'
import { AuditPage } from '../../src/renderer/src/features/audit/audit-page'
import type { AuditEntry, AuditVerifyResult } from '../../src/shared/schemas/audit'
import type { UserAccount } from '../../src/shared/schemas/accounts'
import { callsOf, describedText, fail, installFakeBridge, ok, type Handler } from './fake-bridge'
import { TestProviders } from './session'
import i18n from '../../src/renderer/src/i18n'

function renderPage(ui: React.JSX.Element): UserEvent {
  const user = userEvent.setup()
  render(<TestProviders role="admin">{ui}</TestProviders>)
  return user
}

const USERS: UserAccount[] = [
  {
    id: 1,
    username: 'beheer',
    displayName: 'Anneke Beheer',
    role: 'admin',
    active: true,
    mustChangePassword: false,
    lastLoginAt: '2026-03-10T08:15:00.000Z',
    createdAt: '2026-01-01T09:00:00.000Z',
  },
  {
    id: 4,
    username: 'piet',
    displayName: 'Piet Balie',
    role: 'volunteer',
    active: true,
    mustChangePassword: true,
    lastLoginAt: null,
    createdAt: '2026-03-01T09:00:00.000Z',
  },
  {
    id: 5,
    username: 'oud',
    displayName: 'Oud Account',
    role: 'coordinator',
    active: false,
    mustChangePassword: false,
    lastLoginAt: '2025-11-02T13:00:00.000Z',
    createdAt: '2025-01-01T09:00:00.000Z',
  },
]

function field(scope: HTMLElement, label: string): HTMLElement {
  return within(scope).getByLabelText(new RegExp(`^${label}( \\*)?$`), { selector: 'input' })
}

function row(name: string): HTMLElement {
  return screen.getByText(name).closest('tr') as HTMLElement
}

afterEach(() => {
  cleanup()
  notifications.clean()
  vi.restoreAllMocks()
  delete window.api
})

describe('users page', () => {
  function bridge(handlers: Record<string, Handler> = {}) {
    return installFakeBridge({ 'users.list': () => ok(USERS) }, handlers)
  }

  it('lists the accounts with role, status, a must-change badge and the last login', async () => {
    bridge()
    renderPage(<UsersPage />)
    await screen.findByText('Piet Balie')
    expect(within(row('Anneke Beheer')).getByText('Beheerder')).toBeTruthy()
    expect(within(row('Anneke Beheer')).getByText('10-03-2026 09:15')).toBeTruthy()
    expect(within(row('Anneke Beheer')).getByText('(u)')).toBeTruthy()
    expect(within(row('Piet Balie')).getByText('Kiest nieuw wachtwoord')).toBeTruthy()
    expect(within(row('Piet Balie')).getByText('Nog nooit')).toBeTruthy()
    expect(within(row('Oud Account')).getByText('Uitgeschakeld')).toBeTruthy()
    // Main refuses an admin switching off their own account; the button is not offered.
    const own = within(row('Anneke Beheer')).getByRole('button', {
      name: 'Anneke Beheer uitschakelen',
    }) as HTMLButtonElement
    expect(own.disabled).toBe(true)
  })

  it('creates a user, showing main\'s "username taken" and "common password" at the fields', async () => {
    let attempt = 0
    const calls = bridge({
      'users.create': (input) => {
        attempt++
        if (attempt === 1)
          return fail({
            code: 'VALIDATION',
            key: 'validation',
            fields: [
              { path: 'username', key: 'usernameTaken' },
              { path: 'password', key: 'passwordCommon' },
            ],
          })
        const i = input as { username: string; displayName: string; role: 'volunteer' }
        return ok({ ...USERS[1], id: 9, ...i, mustChangePassword: true })
      },
    })
    const user = renderPage(<UsersPage />)
    await screen.findByText('Piet Balie')
    await user.click(screen.getByRole('button', { name: 'Nieuwe gebruiker' }))
    const dialog = await screen.findByRole('dialog', { name: 'Nieuwe gebruiker' })
    expect(within(dialog).getByText(/kiest de gebruiker zelf een nieuw wachtwoord/)).toBeTruthy()

    await user.click(within(dialog).getByRole('button', { name: 'Gebruiker aanmaken' }))
    expect(describedText(field(dialog, 'Gebruikersnaam'))).toContain('3 tot 40 tekens')
    expect(describedText(field(dialog, 'Naam'))).toContain('Dit veld is verplicht')
    expect(describedText(field(dialog, 'Eerste wachtwoord'))).toContain('Minimaal 10 tekens')
    expect(callsOf(calls, 'users.create')).toEqual([])

    await user.type(field(dialog, 'Gebruikersnaam'), 'Piet')
    await user.type(field(dialog, 'Naam'), 'Piet de Tweede')
    await user.type(field(dialog, 'Eerste wachtwoord'), 'welkom1234')
    await user.click(within(dialog).getByRole('button', { name: 'Gebruiker aanmaken' }))
    await waitFor(() =>
      expect(describedText(field(dialog, 'Gebruikersnaam'))).toContain(
        'Deze gebruikersnaam bestaat al',
      ),
    )
    expect(describedText(field(dialog, 'Eerste wachtwoord'))).toContain('veelgebruikt wachtwoord')

    await user.clear(field(dialog, 'Gebruikersnaam'))
    await user.type(field(dialog, 'Gebruikersnaam'), 'piet2')
    await user.clear(field(dialog, 'Eerste wachtwoord'))
    await user.type(field(dialog, 'Eerste wachtwoord'), 'balie-start-2026')
    await user.click(within(dialog).getByRole('button', { name: 'Gebruiker aanmaken' }))
    expect(await screen.findByText('Account voor Piet de Tweede aangemaakt.')).toBeTruthy()
    expect(callsOf(calls, 'users.create')).toEqual([
      {
        username: 'piet',
        displayName: 'Piet de Tweede',
        role: 'volunteer',
        password: 'welkom1234',
      },
      {
        username: 'piet2',
        displayName: 'Piet de Tweede',
        role: 'volunteer',
        password: 'balie-start-2026',
      },
    ])
    // The list is read again after a change.
    expect(callsOf(calls, 'users.list').length).toBeGreaterThanOrEqual(2)
  })

  it('switches an account off after confirming, and shows main\'s "last admin" refusal', async () => {
    const calls = bridge({
      'users.update': (input) =>
        (input as { id: number }).id === 5
          ? fail({ code: 'CONFLICT', key: 'lastAdmin' })
          : ok({ ...USERS[1], active: false }),
    })
    const user = renderPage(<UsersPage />)
    await screen.findByText('Piet Balie')
    await user.click(
      within(row('Piet Balie')).getByRole('button', { name: 'Piet Balie uitschakelen' }),
    )
    const confirm = await screen.findByRole('dialog', { name: 'Piet Balie uitschakelen?' })
    expect(callsOf(calls, 'users.update')).toEqual([])
    await user.click(within(confirm).getByRole('button', { name: 'Uitschakelen' }))
    await waitFor(() => expect(callsOf(calls, 'users.update')).toEqual([{ id: 4, active: false }]))

    await user.click(
      within(row('Oud Account')).getByRole('button', { name: 'Oud Account inschakelen' }),
    )
    expect(
      await screen.findByText('Er moet minstens één actieve beheerder overblijven.'),
    ).toBeTruthy()
  })

  it('resets a password with a new temporary one and edits name and role', async () => {
    const calls = bridge({
      'users.resetPassword': () => ok({ ...USERS[1], mustChangePassword: true }),
      'users.update': (input) => ok({ ...USERS[1], ...(input as object) }),
    })
    const user = renderPage(<UsersPage />)
    await screen.findByText('Piet Balie')
    await user.click(
      within(row('Piet Balie')).getByRole('button', {
        name: 'Wachtwoord van Piet Balie resetten',
      }),
    )
    const reset = await screen.findByRole('dialog', { name: 'Wachtwoord van Piet Balie resetten' })
    expect(within(reset).getByText(/Piet Balie moet bij de volgende aanmelding/)).toBeTruthy()
    await user.type(field(reset, 'Nieuw tijdelijk wachtwoord'), 'nieuw-tijdelijk-77')
    await user.click(within(reset).getByRole('button', { name: 'Wachtwoord resetten' }))
    await waitFor(() =>
      expect(callsOf(calls, 'users.resetPassword')).toEqual([
        { id: 4, password: 'nieuw-tijdelijk-77' },
      ]),
    )
    await waitFor(() => expect(document.querySelector('[role="dialog"]')).toBeNull())

    await user.click(within(row('Piet Balie')).getByRole('button', { name: 'Piet Balie wijzigen' }))
    const edit = await screen.findByRole('dialog', { name: 'Piet Balie wijzigen' })
    await user.clear(field(edit, 'Naam'))
    await user.type(field(edit, 'Naam'), 'Piet Jansen')
    await user.click(within(edit).getByLabelText(/^Rol/, { selector: 'input' }))
    await user.click(await screen.findByRole('option', { name: 'Coördinator', hidden: true }))
    await user.click(within(edit).getByRole('button', { name: 'Opslaan' }))
    await waitFor(() =>
      expect(callsOf(calls, 'users.update')).toEqual([
        { id: 4, displayName: 'Piet Jansen', role: 'coordinator' },
      ]),
    )
  })
})

const ENTRIES: AuditEntry[] = [
  {
    id: 58,
    at: '2026-03-10T09:20:00.000Z',
    userId: 2,
    userName: 'carla',
    role: 'coordinator',
    workstation: 'winkel-pc',
    action: 'lock',
    entityType: 'account',
    entityId: '2',
    householdId: null,
    householdReference: null,
    fields: [],
    detail: 'idle',
  },
  {
    id: 57,
    at: '2026-03-10T09:05:07.000Z',
    userId: 2,
    userName: 'carla',
    role: 'coordinator',
    workstation: 'winkel-pc',
    action: 'view',
    entityType: 'household',
    entityId: '5',
    householdId: 5,
    householdReference: 'H-00005',
    fields: [],
    detail: null,
  },
  {
    id: 56,
    at: '2026-03-10T09:00:00.000Z',
    userId: 2,
    userName: 'carla',
    role: 'coordinator',
    workstation: 'winkel-pc',
    action: 'update',
    entityType: 'household',
    entityId: '5',
    householdId: 5,
    householdReference: 'H-00005',
    fields: ['phone', 'email'],
    detail: null,
  },
  {
    id: 55,
    at: '2026-03-10T08:59:00.000Z',
    userId: null,
    userName: null,
    role: null,
    workstation: 'winkel-pc',
    action: 'login_failed',
    entityType: null,
    entityId: null,
    householdId: null,
    householdReference: null,
    fields: [],
    detail: 'onbekende gebruikersnaam',
  },
]

describe('audit page', () => {
  function bridge(verify: AuditVerifyResult, handlers: Record<string, Handler> = {}) {
    return installFakeBridge(
      {
        'users.list': () => ok(USERS),
        'audit.list': () => ok({ rows: ENTRIES, total: 4 }),
        'audit.verify': () => ok(verify),
        'audit.export': () =>
          ok({
            ticket: 'C'.repeat(43),
            filename: 'auditlog.csv',
            mime: 'text/csv; charset=utf-8',
            sizeBytes: 40,
            count: 3,
          }),
      },
      handlers,
    )
  }

  it('lists entries with Dutch labels and local times, and filters on action', async () => {
    const calls = bridge({
      ok: true,
      count: 57,
      checkedAt: '2026-03-10T10:00:00.000Z',
      anchors: 0,
      full: true,
      rehashed: 0,
    })
    const user = renderPage(<AuditPage />)
    await screen.findByText('inloggen mislukt')
    expect(screen.getByTestId('audit-count').textContent).toBe('4 regels')
    const lockRow = screen.getByText('vergrendelen').closest('tr') as HTMLElement
    expect(within(lockRow).getByText('niet gebruikt')).toBeTruthy()
    expect(within(lockRow).getByText('account 2')).toBeTruthy()
    // The household by its reference; field names in words.
    const viewRow = screen.getByText('inzien').closest('tr') as HTMLElement
    expect(within(viewRow).getByText('10-03-2026 10:05:07')).toBeTruthy()
    expect(within(viewRow).getByText('Coördinator')).toBeTruthy()
    expect(within(viewRow).getByRole('link', { name: 'huishouden H-00005' })).toBeTruthy()
    expect(screen.getByText('telefoon, e-mail')).toBeTruthy()
    expect(screen.queryByText(/phone|email/)).toBeNull()
    expect(screen.getByText('(niemand aangemeld)')).toBeTruthy()
    expect(callsOf(calls, 'audit.list')[0]).toEqual({
      userId: null,
      action: null,
      entityType: null,
      household: null,
      from: null,
      to: null,
      page: 1,
      pageSize: 50,
    })

    await user.click(screen.getByLabelText('Handeling', { selector: 'input' }))
    await user.click(await screen.findByRole('option', { name: 'inzien', hidden: true }))
    await waitFor(() =>
      expect(callsOf(calls, 'audit.list').at(-1)).toMatchObject({ action: 'view', page: 1 }),
    )
  })

  it('names backups and the recovery key in Dutch, also in the filter', async () => {
    const base = ENTRIES[3]
    const rows: AuditEntry[] = [
      {
        ...base,
        id: 60,
        userId: 1,
        userName: 'beheer',
        role: 'admin',
        action: 'settings_change',
        entityType: 'recovery_key',
        detail: null,
      },
      {
        ...base,
        id: 59,
        userId: 1,
        userName: 'beheer',
        role: 'admin',
        action: 'backup',
        entityType: 'backup',
        detail: null,
      },
    ]
    const calls = bridge(
      {
        ok: true,
        count: 2,
        checkedAt: '2026-03-10T10:00:00.000Z',
        anchors: 0,
        full: true,
        rehashed: 0,
      },
      { 'audit.list': () => ok({ rows, total: 2 }) },
    )
    const user = renderPage(<AuditPage />)
    const keyRow = (await screen.findByText('instelling gewijzigd')).closest('tr') as HTMLElement
    expect(within(keyRow).getByText('herstelsleutel')).toBeTruthy()
    const backupRow = screen.getAllByText('back-up')[0].closest('tr') as HTMLElement
    expect(within(backupRow).getAllByText('back-up')).toHaveLength(2)
    expect(screen.queryByText('recovery_key')).toBeNull()

    await user.click(screen.getByLabelText('Soort gegeven', { selector: 'input' }))
    await user.click(await screen.findByRole('option', { name: 'herstelsleutel', hidden: true }))
    await waitFor(() =>
      expect(callsOf(calls, 'audit.list').at(-1)).toMatchObject({ entityType: 'recovery_key' }),
    )
  })

  it('checks the log and says in plain words that it is unchanged', async () => {
    bridge({
      ok: true,
      count: 57,
      checkedAt: '2026-03-10T10:00:00.000Z',
      anchors: 2,
      full: true,
      rehashed: 0,
    })
    const user = renderPage(<AuditPage />)
    await user.click(screen.getByRole('button', { name: 'Log controleren' }))
    const result = await screen.findByTestId('audit-verify')
    expect(result.textContent).toContain('Het log is onveranderd: alle 57 regels nagekeken')
    expect(result.textContent).toContain(
      'Geen enkele regel is achteraf gewijzigd, weggehaald of tussengevoegd.',
    )
    expect(result.textContent).toContain('Ook 2 back-ups kloppen met het log.')
    // No jargon of the mechanism behind it.
    expect(result.textContent).not.toMatch(/keten|controlewaarde|hash/i)
  })

  it('says a routine check went on from the previous one, and runs the full check with progress', async () => {
    let finish: (a: ReturnType<typeof ok>) => void = () => undefined
    bridge(
      {
        ok: true,
        count: 780_000,
        checkedAt: '2026-03-10T10:00:00.000Z',
        anchors: 1,
        full: false,
        rehashed: 5300,
      },
      {
        'jobs.list': () =>
          ok([
            {
              id: '6f1c1f5e-8d2a-4a51-9d7e-2b1f0c3a4d5e',
              labelKey: 'jobs.labels.auditVerify',
              done: 390_000,
              total: 780_000,
              phase: 'checking',
              cancellable: true,
            },
          ]),
        'jobs.cancel': (input) => ok(input),
      },
    )
    const user = renderPage(<AuditPage />)
    await user.click(screen.getByRole('button', { name: 'Log controleren' }))
    const routine = await screen.findByTestId('audit-verify')
    expect(routine.textContent).toContain('Het log is onveranderd: 780.000 regels')
    expect(routine.textContent).toContain('De 5.300 regels sinds de vorige controle')
    expect(routine.textContent).not.toContain('alle 780.000 regels nagekeken')

    // The full check: every entry, in the background, with its progress and a way to stop it.
    const full = bridge(
      {
        ok: true,
        count: 780_000,
        checkedAt: '2026-03-10T10:01:00.000Z',
        anchors: 1,
        full: true,
        rehashed: 780_000,
      },
      {
        'audit.verify': () => new Promise((resolve) => (finish = resolve)),
        'jobs.list': () =>
          ok([
            {
              id: '6f1c1f5e-8d2a-4a51-9d7e-2b1f0c3a4d5e',
              labelKey: 'jobs.labels.auditVerify',
              done: 390_000,
              total: 780_000,
              phase: 'checking',
              cancellable: true,
            },
          ]),
        'jobs.cancel': (input) => ok(input),
      },
    )
    await user.click(screen.getByRole('button', { name: 'Volledige controle' }))
    const progress = await screen.findByTestId('audit-verify-progress')
    await waitFor(() => expect(progress.textContent).toMatch(/390\.000 van 780\.000/))
    expect(callsOf(full, 'audit.verify').at(-1)).toEqual({ full: true })
    await user.click(within(progress).getByRole('button', { name: 'Stoppen' }))
    expect(callsOf(full, 'jobs.cancel').at(-1)).toEqual({
      id: '6f1c1f5e-8d2a-4a51-9d7e-2b1f0c3a4d5e',
    })
    finish(
      ok({
        ok: true,
        count: 780_000,
        checkedAt: '2026-03-10T10:01:00.000Z',
        anchors: 1,
        full: true,
        rehashed: 780_000,
      }),
    )
    const result = await screen.findByTestId('audit-verify')
    expect(result.textContent).toContain('alle 780.000 regels nagekeken')
    expect(screen.queryByTestId('audit-verify-progress')).toBeNull()
  })

  it('says when a filter matches more entries than it counts', async () => {
    bridge(
      {
        ok: true,
        count: 3,
        checkedAt: '2026-03-10T10:00:00.000Z',
        anchors: 0,
        full: true,
        rehashed: 3,
      },
      { 'audit.list': () => ok({ rows: ENTRIES, total: 10_000, more: true }) },
    )
    renderPage(<AuditPage />)
    await screen.findByText('inloggen mislukt')
    expect(screen.getByTestId('audit-count').textContent).toBe(
      'Meer dan 10.000 regels: maak de filters nauwer om ze allemaal te zien',
    )
    expect(screen.getByText(/^1–\d+ van de eerste 10\.000$/)).toBeTruthy()
  })

  it('counts the entries with a point between thousands', async () => {
    bridge(
      {
        ok: true,
        count: 3,
        checkedAt: '2026-03-10T10:00:00.000Z',
        anchors: 0,
        full: true,
        rehashed: 3,
      },
      { 'audit.list': () => ok({ rows: ENTRIES, total: 1_273_437 }) },
    )
    renderPage(<AuditPage />)
    await screen.findByText('inloggen mislukt')
    expect(screen.getByTestId('audit-count').textContent).toBe('1.273.437 regels')
    expect(screen.getByText(/^1–\d+ van 1\.273\.437$/)).toBeTruthy()
  })

  it('checks the chain and says where it is broken', async () => {
    bridge({
      ok: false,
      count: 57,
      checkedAt: '2026-03-10T10:00:00.000Z',
      brokenAt: 56,
      reason: 'hash',
    })
    const user = renderPage(<AuditPage />)
    await user.click(screen.getByRole('button', { name: 'Log controleren' }))
    const result = await screen.findByTestId('audit-verify')
    expect(result.textContent).toContain('Het log is achteraf veranderd, bij regel 56')
    expect(result.textContent).toContain('Regel 56 is gewijzigd nadat hij was geschreven.')
    expect(result.textContent).not.toMatch(/onveranderd|keten|controlewaarde/i)
  })

  it('filters on a household by its reference, and says so at the field when it is none', async () => {
    const calls = bridge({
      ok: true,
      count: 3,
      checkedAt: '2026-03-10T10:00:00.000Z',
      anchors: 0,
      full: true,
      rehashed: 0,
    })
    const user = renderPage(<AuditPage />)
    await screen.findByText('inloggen mislukt')
    const household = screen.getByLabelText('Huishouden', { selector: 'input' })
    await user.type(household, 'H-00005')
    await waitFor(() =>
      expect(callsOf(calls, 'audit.list').at(-1)).toMatchObject({ household: 'H-00005', page: 1 }),
    )
    const before = callsOf(calls, 'audit.list').length
    await user.clear(household)
    await user.type(household, 'Jansen')
    expect(describedText(household)).toContain('Geen huishouden: typ de referentie (H-00122)')
    expect(callsOf(calls, 'audit.list')).toHaveLength(before + 1)
    expect(callsOf(calls, 'audit.list').at(-1)).toMatchObject({ household: null })
  })

  it('shows notes in the language of the screen, old Dutch notes included', async () => {
    const rows: AuditEntry[] = [
      { ...ENTRIES[3], id: 70, action: 'logout', detail: '@{"k":"accountDisabled"}' },
      { ...ENTRIES[3], id: 69, action: 'logout', detail: 'account uitgeschakeld' },
      {
        ...ENTRIES[3],
        id: 68,
        action: 'login_failed',
        detail: '@[{"k":"attemptLogin"},{"k":"passwordWrong"},{"k":"wait","seconds":30}]',
      },
      { ...ENTRIES[0], id: 67, detail: '@{"k":"lockIdle"}' },
      { ...ENTRIES[0], id: 66, detail: 'computer vergrendeld of in slaapstand' },
      {
        ...ENTRIES[2],
        id: 65,
        action: 'update',
        entityType: 'appointment',
        detail: 'gepland → gekomen',
      },
      {
        ...ENTRIES[2],
        id: 64,
        action: 'settings_change',
        entityType: 'settings',
        fields: ['retention.households'],
        detail: null,
      },
    ]
    bridge(
      {
        ok: true,
        count: 3,
        checkedAt: '2026-03-10T10:00:00.000Z',
        anchors: 0,
        full: true,
        rehashed: 0,
      },
      { 'audit.list': () => ok({ rows, total: rows.length }) },
    )
    renderPage(<AuditPage />)
    expect((await screen.findAllByText('account uitgeschakeld')).length).toBe(2)
    expect(screen.getByText('inloggen; wachtwoord onjuist; wacht 30 s')).toBeTruthy()
    expect(screen.getByText('gepland → gekomen')).toBeTruthy()
    expect(screen.getByText('bewaartermijn huishoudens')).toBeTruthy()
    expect(screen.getByText('afspraak (H-00005)')).toBeTruthy()
    cleanup()

    await i18n.changeLanguage('en')
    try {
      bridge(
        {
          ok: true,
          count: 3,
          checkedAt: '2026-03-10T10:00:00.000Z',
          anchors: 0,
          full: true,
          rehashed: 0,
        },
        { 'audit.list': () => ok({ rows, total: rows.length }) },
      )
      renderPage(<AuditPage />)
      expect((await screen.findAllByText('account disabled')).length).toBe(2)
      expect(screen.getByText('log in; wrong password; wait 30 s')).toBeTruthy()
      expect(screen.getByText('not used')).toBeTruthy()
      expect(screen.getByText('computer locked or asleep')).toBeTruthy()
      expect(screen.getByText('planned → came')).toBeTruthy()
      expect(screen.getByText('retention term households')).toBeTruthy()
      const table = screen.getByRole('table')
      for (const dutch of [
        'uitgeschakeld',
        'wachtwoord',
        'wacht ',
        'niet gebruikt',
        'gepland',
        'gekomen',
        'vergrendeld',
        'bewaartermijn',
        'huishouden',
        'afspraak',
      ])
        expect(table.textContent, dutch).not.toContain(dutch)
    } finally {
      await i18n.changeLanguage('nl')
    }
  })

  it('exports the filtered log as a CSV file saved by its ticket', async () => {
    const calls = bridge({
      ok: true,
      count: 3,
      checkedAt: '2026-03-10T10:00:00.000Z',
      anchors: 0,
      full: true,
      rehashed: 0,
    })
    const user = renderPage(<AuditPage />)
    await screen.findByText('inloggen mislukt')
    await user.click(screen.getByRole('button', { name: 'Exporteren (CSV)' }))
    // Main wrote the CSV to a file; the page hands its ticket to main's save dialog.
    await waitFor(() => expect(callsOf(calls, 'save')).toEqual(['C'.repeat(43)]))
    expect(callsOf(calls, 'audit.export')).toEqual([
      {
        userId: null,
        action: null,
        entityType: null,
        household: null,
        from: null,
        to: null,
        language: 'nl',
      },
    ])
    expect(await screen.findByText('3 regels geëxporteerd.')).toBeTruthy()
  })
})

describe('audit page in words a coordinator recognises', () => {
  it('says "gebeld / uitgenodigd" for marking a family called, and names an account by its username', async () => {
    const called: AuditEntry = {
      ...ENTRIES[2],
      id: 90,
      action: 'create',
      entityType: 'callList',
      entityId: '7',
      householdId: 235,
      householdReference: 'H-00235',
      fields: ['date'],
    }
    const account: AuditEntry = {
      ...ENTRIES[0],
      id: 91,
      action: 'update',
      entityType: 'account',
      entityId: '4',
      entityName: 'anja.devries',
      fields: ['role'],
      detail: null,
    }
    installFakeBridge(
      {
        'users.list': () => ok(USERS),
        'audit.list': () => ok({ rows: [called, account], total: 2 }),
      },
      {},
    )
    renderPage(<AuditPage />)
    const link = await screen.findByRole('link', { name: 'bellijst (H-00235)' })
    const calledRow = link.closest('tr') as HTMLElement
    expect(within(calledRow).getByText('gebeld / uitgenodigd')).toBeTruthy()
    expect(within(calledRow).queryByText('aanmaken')).toBeNull()
    const accountRow = screen.getByText('account anja.devries').closest('tr') as HTMLElement
    expect(within(accountRow).getByText('wijzigen')).toBeTruthy()
    expect(screen.queryByText('account 4')).toBeNull()
  })
})
