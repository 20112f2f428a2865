// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { notifications } from '@mantine/notifications'
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Root } from '../../src/renderer/src/root'
import type { HouseholdDetail } from '../../src/shared/schemas/household'
import type { SessionInfo } from '../../src/shared/schemas/accounts'
import {
  callsOf,
  describedText,
  fail,
  installFakeBridge,
  LOGGED_IN,
  ok,
  type Handler,
} from './fake-bridge'
import { dashboard } from './shop-bridge'
import { sessionOf } from './session'

const FAMILY = 'Jan de Vries'

const DETAIL: HouseholdDetail = {
  household: {
    id: 5,
    reference: 'H-00005',
    contactName: FAMILY,
    street: 'Lange Nieuwstraat',
    houseNumber: '12a',
    postcode: '3512 PH',
    city: 'Utrecht',
    district: 'Binnenstad',
    phone: '030-1234567',
    email: null,
    incomeSource: 'ww',
    referrer: 'Buurtteam',
    proofSeenOn: '2026-01-15',
    eligibleUntil: '2027-01-15',
    consentDate: '2026-01-15',
    consentBy: FAMILY,
    status: 'active',
    notes: 'Liever bellen na 17 uur',
    createdAt: '2026-01-15T10:00:00.000Z',
    updatedAt: '2026-01-15T10:00:00.000Z',
    anonymisedAt: null,
    members: [{ id: 41, firstName: 'Sem', birthYear: 2019, gender: 'm', clothingSize: '122' }],
  },
  intakes: [],
  restricted: false,
  appointments: [],
  visits: [],
  eligibilityExpired: false,
}

const APP_DEFAULTS: Record<string, Handler> = {
  'shop.dashboard': () => ok(dashboard()),
  'households.get': () => ok(DETAIL),
  'households.search': () => ok({ rows: [], total: 0 }),
  'lists.list': () => ok([]),
  'settings.get': () => ok({}),
}

function bridge(handlers: Record<string, Handler> = {}): ReturnType<typeof installFakeBridge> {
  return installFakeBridge(APP_DEFAULTS, handlers)
}

function renderApp(hash = '#/', options: Parameters<typeof userEvent.setup>[0] = {}) {
  window.location.hash = hash
  const user = userEvent.setup(options)
  render(<Root />)
  return user
}

function field(label: string): HTMLElement {
  return screen.getByLabelText(new RegExp(`^${label}( \\*)?$`), { selector: 'input' })
}

async function appShown(): Promise<void> {
  expect(await screen.findByRole('navigation', { name: 'Menu' })).toBeTruthy()
}

/** The first-run wizard after its first step: the recovery key later, then an empty app. */
async function startEmpty(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  const dialog = await screen.findByRole('dialog')
  await user.click(within(dialog).getByRole('button', { name: 'Later' }))
  await user.click(await screen.findByRole('button', { name: 'Leeg beginnen' }))
}

afterEach(() => {
  cleanup()
  notifications.clean()
  vi.useRealTimers()
  vi.restoreAllMocks()
  sessionStorage.clear()
  delete window.api
})

describe('first start', () => {
  it('checks the setup form with the shared schema, then sets up and logs the admin in', async () => {
    const admin: SessionInfo = sessionOf('admin')
    const calls = bridge({
      'setup.status': () => ok({ needsSetup: true, organisationName: null }),
      'setup.create': () => ok(admin),
      // The wizard asks main who is logged in once more before the app opens: the new admin.
      'auth.session': () => ok(admin),
    })
    const user = renderApp('#/')
    expect(await screen.findByRole('heading', { name: 'Dichtbij instellen' })).toBeTruthy()
    expect(screen.getByText(/geen standaardwachtwoord/)).toBeTruthy()
    expect(screen.queryByRole('navigation', { name: 'Menu' })).toBeNull()
    expect(callsOf(calls, 'auth.session')).toEqual([])

    await user.click(screen.getByRole('button', { name: 'Instellen en aanmelden' }))
    expect(describedText(field('Naam van de organisatie'))).toContain('Dit veld is verplicht')
    expect(describedText(field('Gebruikersnaam'))).toContain('3 tot 40 tekens')
    expect(describedText(field('Wachtwoord'))).toContain('Dit veld is verplicht')

    await user.type(field('Naam van de organisatie'), 'Kledingbank Zuid')
    await user.type(field('Plaats \\(optioneel\\)'), 'Utrecht')
    await user.type(field('Gebruikersnaam'), 'Anneke')
    await user.type(field('Naam'), 'Anneke Beheer')
    await user.type(field('Wachtwoord'), 'kort')
    await user.type(field('Herhaal het wachtwoord'), 'anders')
    await user.click(screen.getByRole('button', { name: 'Instellen en aanmelden' }))
    expect(describedText(field('Wachtwoord'))).toContain('Minimaal 10 tekens')
    expect(describedText(field('Herhaal het wachtwoord'))).toContain('niet gelijk')
    expect(callsOf(calls, 'setup.create')).toEqual([])

    await user.clear(field('Wachtwoord'))
    await user.type(field('Wachtwoord'), 'paarse olifant op de fiets')
    await user.clear(field('Herhaal het wachtwoord'))
    await user.type(field('Herhaal het wachtwoord'), 'paarse olifant op de fiets')
    await user.click(screen.getByRole('button', { name: 'Instellen en aanmelden' }))
    await startEmpty(user)

    await appShown()
    expect(callsOf(calls, 'setup.create')).toEqual([
      {
        organisation: {
          name: 'Kledingbank Zuid',
          address: '',
          postcode: '',
          city: 'Utrecht',
          logo: null,
        },
        admin: {
          username: 'Anneke',
          displayName: 'Anneke Beheer',
          password: 'paarse olifant op de fiets',
          passwordRepeat: 'paarse olifant op de fiets',
        },
      },
    ])
    expect(screen.getByTestId('user-name').textContent).toBe('Anneke Beheer')
    expect(screen.getByTestId('user-role').textContent).toBe('Beheerder')
  })

  it('says what is wrong with a username (spaces, a character, too short), not the hint again', async () => {
    bridge({ 'setup.status': () => ok({ needsSetup: true, organisationName: null }) })
    const user = renderApp('#/')
    await screen.findByRole('heading', { name: 'Dichtbij instellen' })
    const submit = (): Promise<void> =>
      user.click(screen.getByRole('button', { name: 'Instellen en aanmelden' }))
    const hint = '3 tot 40 tekens, zonder spaties'

    await user.type(field('Gebruikersnaam'), 'Anja de Vries')
    await submit()
    const spaces = describedText(field('Gebruikersnaam'))
    expect(spaces).toContain('Geen spaties in een gebruikersnaam; bijvoorbeeld anja.devries')
    // The rule stays as the hint, once.
    expect(spaces.split(hint).length - 1).toBe(1)

    await user.clear(field('Gebruikersnaam'))
    await user.type(field('Gebruikersnaam'), 'anjé')
    await submit()
    expect(describedText(field('Gebruikersnaam'))).toContain('een teken dat niet mag')

    await user.clear(field('Gebruikersnaam'))
    await user.type(field('Gebruikersnaam'), 'an')
    await submit()
    expect(describedText(field('Gebruikersnaam'))).toContain('Te kort: minstens 3 tekens')

    await user.clear(field('Gebruikersnaam'))
    await submit()
    expect(describedText(field('Gebruikersnaam'))).toContain('Dit veld is verplicht')
  })

  it('refuses a logo that is too large or no image, and sends a small PNG with a preview', async () => {
    const calls = bridge({
      'setup.status': () => ok({ needsSetup: true, organisationName: null }),
      'setup.create': () => ok(sessionOf('admin')),
    })
    const user = renderApp('#/')
    await screen.findByRole('heading', { name: 'Dichtbij instellen' })
    const input = document.querySelector('input[type="file"]') as HTMLInputElement

    const big = new File([new Uint8Array(400 * 1024)], 'groot.png', { type: 'image/png' })
    await user.upload(input, big)
    expect(await screen.findByText('Het logo is te groot (hoogstens 300 kB)')).toBeTruthy()

    // A 1x1 PNG.
    const png = Uint8Array.from(
      atob(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      ),
      (c) => c.charCodeAt(0),
    )
    await user.upload(input, new File([png], 'logo.png', { type: 'image/png' }))
    const preview = (await screen.findByRole('img', {
      name: 'Voorbeeld van het logo',
    })) as HTMLImageElement
    expect(preview.src).toMatch(/^data:image\/png;base64,iVBOR/)
    expect(screen.queryByText('Het logo is te groot (hoogstens 300 kB)')).toBeNull()

    await user.type(field('Naam van de organisatie'), 'Kledingbank Zuid')
    await user.type(field('Gebruikersnaam'), 'anneke')
    await user.type(field('Naam'), 'Anneke Beheer')
    await user.type(field('Wachtwoord'), 'paarse olifant op de fiets')
    await user.type(field('Herhaal het wachtwoord'), 'paarse olifant op de fiets')
    await user.click(screen.getByRole('button', { name: 'Instellen en aanmelden' }))
    await startEmpty(user)
    await appShown()
    const sent = callsOf(calls, 'setup.create')[0] as { organisation: { logo: string } }
    expect(sent.organisation.logo).toBe(preview.src)
  })
})

describe('login', () => {
  it('says a wrong login in Dutch, and counts a back-off down live', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    let attempts = 0
    const calls = bridge({
      'auth.session': () => ok(null),
      'auth.login': () => {
        attempts++
        if (attempts === 1) return fail({ code: 'FORBIDDEN', key: 'loginFailed' })
        if (attempts === 2)
          return fail({
            code: 'FORBIDDEN',
            key: 'loginWait',
            params: { seconds: 30 },
            details: { waitSeconds: 30 },
          })
        return ok(LOGGED_IN)
      },
    })
    const user = renderApp('#/', { advanceTimers: vi.advanceTimersByTime })
    expect(await screen.findByRole('heading', { name: 'Aanmelden' })).toBeTruthy()
    expect(screen.getByTestId('organisation-name').textContent).toBe('Kledingbank Test')
    // The show-password button has a Dutch name for screen readers, not Mantine's English one.
    expect(screen.getByRole('button', { name: 'Wachtwoord tonen of verbergen' })).toBeTruthy()
    expect(screen.queryByRole('navigation', { name: 'Menu' })).toBeNull()

    await user.type(field('Gebruikersnaam'), 'carla')
    await user.type(field('Wachtwoord'), 'verkeerd wachtwoord')
    await user.click(screen.getByRole('button', { name: 'Aanmelden' }))
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Gebruikersnaam of wachtwoord klopt niet.',
    )
    expect((field('Wachtwoord') as HTMLInputElement).value).toBe('')

    await user.type(field('Wachtwoord'), 'nog eens verkeerd')
    await user.click(screen.getByRole('button', { name: 'Aanmelden' }))
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('over 30 seconden'))
    expect((screen.getByRole('button', { name: 'Aanmelden' }) as HTMLButtonElement).disabled).toBe(
      true,
    )
    await act(async () => {
      await vi.advanceTimersByTimeAsync(12_000)
    })
    expect(screen.getByRole('alert').textContent).toContain('over 18 seconden')
    // The wait is carla's: someone else typing their own name may log in meanwhile.
    await user.clear(field('Gebruikersnaam'))
    await user.type(field('Gebruikersnaam'), 'bert')
    expect(screen.queryByRole('alert')).toBeNull()
    expect((screen.getByRole('button', { name: 'Aanmelden' }) as HTMLButtonElement).disabled).toBe(
      false,
    )
    await user.clear(field('Gebruikersnaam'))
    await user.type(field('Gebruikersnaam'), 'Carla')
    expect(screen.getByRole('alert').textContent).toContain('seconden')
    await act(async () => {
      await vi.advanceTimersByTimeAsync(19_000)
    })
    expect(screen.queryByRole('alert')).toBeNull()

    await user.type(field('Wachtwoord'), 'het goede wachtwoord')
    await user.click(screen.getByRole('button', { name: 'Aanmelden' }))
    await appShown()
    expect(callsOf(calls, 'auth.login')).toHaveLength(3)
    expect(callsOf(calls, 'auth.login')[2]).toEqual({
      username: 'Carla',
      password: 'het goede wachtwoord',
    })
  })

  it('makes a user whose password was reset choose a new one before anything else', async () => {
    let changed = false
    const calls = bridge({
      'auth.session': () => ok(changed ? LOGGED_IN : { ...LOGGED_IN, mustChangePassword: true }),
      'auth.changePassword': (input) => {
        const { newPassword } = input as { newPassword: string }
        if (newPassword === 'welkom12345')
          return fail({
            code: 'VALIDATION',
            key: 'validation',
            fields: [{ path: 'newPassword', key: 'passwordCommon' }],
          })
        changed = true
        return ok(LOGGED_IN)
      },
    })
    const user = renderApp('#/')
    expect(await screen.findByRole('heading', { name: 'Kies een eigen wachtwoord' })).toBeTruthy()
    expect(screen.queryByRole('navigation', { name: 'Menu' })).toBeNull()
    expect(callsOf(calls, 'shop.dashboard')).toEqual([])

    await user.type(field('Huidig wachtwoord'), 'tijdelijk-123')
    await user.type(field('Nieuw wachtwoord'), 'welkom12345')
    await user.type(field('Herhaal het nieuwe wachtwoord'), 'welkom12345')
    await user.click(screen.getByRole('button', { name: 'Wachtwoord wijzigen' }))
    await waitFor(() =>
      expect(describedText(field('Nieuw wachtwoord'))).toContain('veelgebruikt wachtwoord'),
    )

    await user.clear(field('Nieuw wachtwoord'))
    await user.type(field('Nieuw wachtwoord'), 'mijn eigen lange zin')
    await user.clear(field('Herhaal het nieuwe wachtwoord'))
    await user.type(field('Herhaal het nieuwe wachtwoord'), 'mijn eigen lange zin')
    await user.click(screen.getByRole('button', { name: 'Wachtwoord wijzigen' }))
    await appShown()
    expect(callsOf(calls, 'auth.changePassword')[1]).toEqual({
      currentPassword: 'tijdelijk-123',
      newPassword: 'mijn eigen lange zin',
      newPasswordRepeat: 'mijn eigen lange zin',
    })
  })
})

describe('screen lock', () => {
  it('unmounts every bit of the app while locked, and unlocks back to the same page', async () => {
    const calls = bridge({
      'auth.unlock': (input) =>
        (input as { password: string }).password === 'goed wachtwoord'
          ? ok(LOGGED_IN)
          : fail({ code: 'FORBIDDEN', key: 'loginFailed' }),
    })
    const user = renderApp('#/households/5')
    expect(await screen.findByRole('heading', { name: FAMILY })).toBeTruthy()
    expect(document.body.textContent).toContain('Liever bellen na 17 uur')

    await user.click(screen.getByRole('button', { name: 'Vergrendelen' }))
    expect(await screen.findByRole('heading', { name: 'Scherm vergrendeld' })).toBeTruthy()
    expect(screen.getByTestId('locked-user').textContent).toContain('Carla Coördinator')
    for (const text of [
      FAMILY,
      'H-00005',
      'Lange Nieuwstraat',
      'Liever bellen',
      'Sem',
      'Huishoudens',
    ])
      expect(document.body.textContent, text).not.toContain(text)
    expect(screen.queryByRole('navigation')).toBeNull()
    expect(callsOf(calls, 'auth.lock')).toEqual([{ reason: 'button' }])

    await user.type(field('Wachtwoord'), 'fout')
    await user.click(screen.getByRole('button', { name: 'Ontgrendelen' }))
    expect((await screen.findByRole('alert')).textContent).toBe('Dit wachtwoord klopt niet.')
    expect(document.body.textContent).not.toContain(FAMILY)

    await user.type(field('Wachtwoord'), 'goed wachtwoord')
    await user.click(screen.getByRole('button', { name: 'Ontgrendelen' }))
    expect(await screen.findByRole('heading', { name: FAMILY })).toBeTruthy()
    expect(window.location.hash).toBe('#/households/5')
    expect(callsOf(calls, 'auth.unlock')).toEqual([
      { password: 'fout' },
      { password: 'goed wachtwoord' },
    ])
  })

  it('locks on Ctrl+Shift+L, also while typing in a field', async () => {
    const calls = bridge()
    const user = renderApp('#/households')
    const search = await screen.findByRole('searchbox', { name: /Zoeken/ })
    await user.click(search)
    await user.keyboard('{Control>}{Shift>}L{/Shift}{/Control}')
    expect(await screen.findByRole('heading', { name: 'Scherm vergrendeld' })).toBeTruthy()
    expect(callsOf(calls, 'auth.lock')).toEqual([{ reason: 'shortcut' }])
  })

  it('shows the lock screen as soon as any call answers LOCKED', async () => {
    bridge({ 'households.get': () => fail({ code: 'LOCKED', key: 'locked' }) })
    renderApp('#/households/5')
    expect(await screen.findByRole('heading', { name: 'Scherm vergrendeld' })).toBeTruthy()
    expect(screen.queryByRole('navigation')).toBeNull()
  })

  it('shows the login screen when a call says nobody is logged in any more', async () => {
    bridge({ 'shop.dashboard': () => fail({ code: 'FORBIDDEN', key: 'notLoggedIn' }) })
    renderApp('#/')
    expect(await screen.findByRole('heading', { name: 'Aanmelden' })).toBeTruthy()
    expect(screen.getByText('U bent niet (meer) aangemeld. Meld u opnieuw aan.')).toBeTruthy()
    expect(screen.queryByRole('navigation')).toBeNull()
  })

  it('lets someone else log in from the lock screen, who starts on "Vandaag"', async () => {
    const volunteer = sessionOf('volunteer')
    const calls = bridge({ 'auth.login': () => ok(volunteer) })
    const user = renderApp('#/households/5')
    await screen.findByRole('heading', { name: FAMILY })
    await user.click(screen.getByRole('button', { name: 'Vergrendelen' }))
    await user.click(await screen.findByRole('button', { name: 'Iemand anders meldt zich aan' }))
    expect(screen.getByText('Als u zich aanmeldt, wordt Carla Coördinator afgemeld.')).toBeTruthy()
    await user.type(field('Gebruikersnaam'), 'vrijwilliger')
    await user.type(field('Wachtwoord'), 'haar eigen wachtwoord')
    await user.click(screen.getByRole('button', { name: 'Aanmelden' }))
    await appShown()
    expect(screen.getByTestId('user-name').textContent).toBe('Vera Vrijwilliger')
    expect(screen.getByTestId('user-role').textContent).toBe('Vrijwilliger')
    expect(window.location.hash).toBe('#/')
    expect(callsOf(calls, 'auth.login')).toEqual([
      { username: 'vrijwilliger', password: 'haar eigen wachtwoord' },
    ])
  })
})

describe('idle lock', () => {
  it('locks after lockMinutes without activity, and reports activity to main meanwhile', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const calls = bridge({
      'auth.session': () => ok({ ...LOGGED_IN, lockMinutes: 5 }),
      'auth.lock': () => ok({ ...LOGGED_IN, lockMinutes: 5, locked: true }),
    })
    renderApp('#/households/5')
    expect(await screen.findByRole('heading', { name: FAMILY })).toBeTruthy()

    // Active for six minutes: a mouse move every minute keeps the screen open.
    for (let i = 0; i < 6; i++) {
      await act(async () => {
        await vi.advanceTimersByTimeAsync(60_000)
      })
      fireEvent.mouseMove(document.body)
    }
    expect(screen.getByRole('heading', { name: FAMILY })).toBeTruthy()
    expect(callsOf(calls, 'auth.lock')).toEqual([])
    const reports = callsOf(calls, 'auth.session').filter(
      (i) => (i as { activity: boolean }).activity,
    )
    // At most one report a minute, and at least one so main does not lock an active user.
    expect(reports.length).toBeGreaterThanOrEqual(3)
    expect(reports.length).toBeLessThanOrEqual(6)

    // Then nothing for four minutes: still open; at five it locks.
    await act(async () => {
      await vi.advanceTimersByTimeAsync(4 * 60_000)
    })
    expect(screen.getByRole('heading', { name: FAMILY })).toBeTruthy()
    await act(async () => {
      await vi.advanceTimersByTimeAsync(62_000)
    })
    expect(await screen.findByRole('heading', { name: 'Scherm vergrendeld' })).toBeTruthy()
    expect(document.body.textContent).not.toContain(FAMILY)
    expect(callsOf(calls, 'auth.lock')).toEqual([{ reason: 'idle' }])
  })

  it('warns 30 seconds before the idle lock; a key press keeps the screen open', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const calls = bridge({
      'auth.session': () => ok({ ...LOGGED_IN, lockMinutes: 5 }),
      'auth.lock': () => ok({ ...LOGGED_IN, lockMinutes: 5, locked: true }),
    })
    renderApp('#/households/5')
    expect(await screen.findByRole('heading', { name: FAMILY })).toBeTruthy()
    await act(async () => {
      await vi.advanceTimersByTimeAsync(4 * 60_000 + 32_000)
    })
    expect(await screen.findByText(/Het scherm wordt over \d+ seconden vergrendeld/)).toBeTruthy()
    fireEvent.keyDown(document.body, { key: 'a' })
    await act(async () => {
      await vi.advanceTimersByTimeAsync(3_000)
    })
    await waitFor(() =>
      expect(screen.queryByText(/wordt over \d+ seconden vergrendeld/)).toBeNull(),
    )
    await act(async () => {
      await vi.advanceTimersByTimeAsync(60_000)
    })
    expect(screen.getByRole('heading', { name: FAMILY })).toBeTruthy()
    expect(callsOf(calls, 'auth.lock')).toEqual([])
  })

  it('notices within 15 seconds that main locked the session (the PC locked or slept)', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    let lockedByMain = false
    bridge({ 'auth.session': () => ok({ ...LOGGED_IN, locked: lockedByMain }) })
    renderApp('#/households/5')
    expect(await screen.findByRole('heading', { name: FAMILY })).toBeTruthy()
    lockedByMain = true
    await act(async () => {
      await vi.advanceTimersByTimeAsync(16_000)
    })
    expect(await screen.findByRole('heading', { name: 'Scherm vergrendeld' })).toBeTruthy()
    expect(document.body.textContent).not.toContain(FAMILY)
  })
})

describe('header', () => {
  it('shows who is logged in, changes the password from the menu and logs out', async () => {
    const calls = bridge({ 'auth.changePassword': () => ok(LOGGED_IN) })
    const user = renderApp('#/')
    await appShown()
    const header = screen.getByRole('banner')
    expect(within(header).getByTestId('user-name').textContent).toBe('Carla Coördinator')
    expect(within(header).getByTestId('user-role').textContent).toBe('Coördinator')

    // jsdom has no layout, so Floating UI may hide a menu as "detached": look for hidden items too.
    await user.click(within(header).getByRole('button', { name: 'Menu van Carla Coördinator' }))
    await user.click(
      await screen.findByRole('menuitem', { name: 'Wachtwoord wijzigen', hidden: true }),
    )
    const dialog = await screen.findByRole('dialog', { name: 'Wachtwoord wijzigen' })
    await user.type(within(dialog).getByLabelText(/^Huidig wachtwoord/), 'oud wachtwoord')
    await user.type(within(dialog).getByLabelText(/^Nieuw wachtwoord/), 'oud wachtwoord')
    await user.type(within(dialog).getByLabelText(/^Herhaal het nieuwe/), 'oud wachtwoord')
    await user.click(within(dialog).getByRole('button', { name: 'Wachtwoord wijzigen' }))
    expect(await within(dialog).findByText(/hetzelfde als het huidige/)).toBeTruthy()
    expect(callsOf(calls, 'auth.changePassword')).toEqual([])

    await user.clear(within(dialog).getByLabelText(/^Nieuw wachtwoord/))
    await user.type(within(dialog).getByLabelText(/^Nieuw wachtwoord/), 'een nieuw lang wachtwoord')
    await user.clear(within(dialog).getByLabelText(/^Herhaal het nieuwe/))
    await user.type(
      within(dialog).getByLabelText(/^Herhaal het nieuwe/),
      'een nieuw lang wachtwoord',
    )
    await user.click(within(dialog).getByRole('button', { name: 'Wachtwoord wijzigen' }))
    expect(await screen.findByText('Uw wachtwoord is gewijzigd.')).toBeTruthy()
    expect(callsOf(calls, 'auth.changePassword')).toHaveLength(1)
    // Gone from the page, not only hidden while it fades out.
    await waitFor(() => expect(document.querySelector('[role="dialog"]')).toBeNull())

    await user.click(within(header).getByRole('button', { name: 'Menu van Carla Coördinator' }))
    await user.click(await screen.findByRole('menuitem', { name: 'Afmelden', hidden: true }))
    expect(await screen.findByRole('heading', { name: 'Aanmelden' })).toBeTruthy()
    expect(callsOf(calls, 'auth.logout')).toEqual([{}])
  })
})
