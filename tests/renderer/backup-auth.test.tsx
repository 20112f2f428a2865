// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { notifications } from '@mantine/notifications'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Root } from '../../src/renderer/src/root'
import { callsOf, describedText, fail, installFakeBridge, ok, type Handler } from './fake-bridge'
import { MANUAL, RECOVERY } from './backup-data'
import { sessionOf } from './session'
import { dashboard } from './shop-bridge'

function renderApp(handlers: Record<string, Handler>) {
  const calls = installFakeBridge({ 'shop.dashboard': () => ok(dashboard()) }, handlers)
  window.location.hash = '#/'
  const user = userEvent.setup()
  render(<Root />)
  return { calls, user }
}

function field(scope: HTMLElement, label: string): HTMLElement {
  return within(scope).getByLabelText(new RegExp(`^${label}( \\*)?$`), {
    selector: 'input:not([type=radio])',
  })
}

afterEach(() => {
  cleanup()
  notifications.clean()
  vi.restoreAllMocks()
  sessionStorage.clear()
  delete window.api
})

describe('the recovery key', () => {
  it('is offered to an admin without one, made only on request, and needs the checkbox', async () => {
    URL.createObjectURL = (): string => 'blob:pdf'
    URL.revokeObjectURL = () => undefined
    const downloads: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      downloads.push(this.download)
    })
    let missing = true
    let confirmed = false
    const { calls, user } = renderApp({
      'auth.session': () =>
        ok(
          sessionOf('admin', {
            recoveryKeyMissing: missing,
            recoveryKeyUnconfirmed: !missing && !confirmed,
          }),
        ),
      'recovery.regenerate': () => {
        missing = false
        return ok(RECOVERY)
      },
      'recovery.confirm': () => {
        confirmed = true
        return ok({
          state: 'confirmed',
          confirmedAt: '2026-03-10T09:00:00.000Z',
          confirmedBy: 'beheer',
        })
      },
    })
    const dialog = await screen.findByRole('dialog', { name: 'Maak een herstelsleutel' })
    expect(callsOf(calls, 'recovery.regenerate')).toEqual([])
    await user.click(within(dialog).getByRole('button', { name: 'Herstelsleutel maken' }))

    const shown = await screen.findByRole('dialog', { name: 'Uw herstelsleutel' })
    expect(within(shown).getByTestId('recovery-key').textContent).toBe(RECOVERY.recoveryKey)
    expect(within(shown).getByText(/nooit een foto/)).toBeTruthy()
    // A new key later does not make this sheet worthless for backups kept elsewhere.
    expect(within(shown).getByText(/wel nog back-ups die ergens anders staan/)).toBeTruthy()
    // No way out but "Klaar": no close button, and Klaar waits for the checkbox.
    expect(within(shown).queryByRole('button', { name: /sluiten|close/i })).toBeNull()
    const done = within(shown).getByRole('button', { name: 'Klaar' })
    expect(done).toHaveProperty('disabled', true)
    await user.click(within(shown).getByRole('button', { name: 'Download PDF om te printen' }))
    expect(downloads).toEqual([RECOVERY.pdf.filename])
    expect(done).toHaveProperty('disabled', true)
    await user.click(
      within(shown).getByRole('checkbox', {
        name: 'Ik heb de herstelsleutel geprint en veilig opgeborgen',
      }),
    )
    expect(done).toHaveProperty('disabled', false)
    const sessionsBefore = callsOf(calls, 'auth.session').length
    await user.click(done)
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    // The session is asked again, and now says the key exists.
    await waitFor(() =>
      expect(callsOf(calls, 'auth.session').length).toBeGreaterThan(sessionsBefore),
    )
    expect(callsOf(calls, 'recovery.regenerate')).toHaveLength(1)
    // "Klaar" is what main stores as the sheet being put away.
    expect(callsOf(calls, 'recovery.confirm')).toHaveLength(1)
  })

  it('keeps "Klaar" from closing when main could not store the confirmation', async () => {
    const { calls, user } = renderApp({
      'auth.session': () => ok(sessionOf('admin', { recoveryKeyMissing: true })),
      'recovery.regenerate': () => ok(RECOVERY),
      'recovery.confirm': () => fail({ code: 'INTERNAL', key: 'internal' }),
    })
    const dialog = await screen.findByRole('dialog', { name: 'Maak een herstelsleutel' })
    await user.click(within(dialog).getByRole('button', { name: 'Herstelsleutel maken' }))
    const shown = await screen.findByRole('dialog', { name: 'Uw herstelsleutel' })
    await user.click(
      within(shown).getByRole('checkbox', {
        name: 'Ik heb de herstelsleutel geprint en veilig opgeborgen',
      }),
    )
    await user.click(within(shown).getByRole('button', { name: 'Klaar' }))
    await waitFor(() => expect(callsOf(calls, 'recovery.confirm')).toHaveLength(1))
    expect(screen.getByRole('dialog', { name: 'Uw herstelsleutel' })).toBeTruthy()
  })

  it('asks again at every login while the sheet of the key was never confirmed', async () => {
    let confirmed = false
    const handlers: Record<string, Handler> = {
      'auth.session': () => ok(sessionOf('admin', { recoveryKeyUnconfirmed: !confirmed })),
      'recovery.confirm': () => {
        confirmed = true
        return ok({
          state: 'confirmed',
          confirmedAt: '2026-03-10T09:00:00.000Z',
          confirmedBy: 'beheer',
        })
      },
    }
    // Put off: the window closes, and nothing is stored.
    let { calls, user } = renderApp(handlers)
    let asked = await screen.findByRole('dialog', {
      name: 'Is het blad met de herstelsleutel bewaard?',
    })
    expect(within(asked).getByText(/kan de sleutel niet nog eens tonen/)).toBeTruthy()
    await user.click(within(asked).getByRole('button', { name: 'Later' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(callsOf(calls, 'recovery.confirm')).toEqual([])

    // The next login asks again; confirming is stored in main and ends the question.
    cleanup()
    ;({ calls, user } = renderApp(handlers))
    asked = await screen.findByRole('dialog', {
      name: 'Is het blad met de herstelsleutel bewaard?',
    })
    await user.click(
      within(asked).getByRole('button', { name: 'Ik heb het blad geprint en opgeborgen' }),
    )
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(callsOf(calls, 'recovery.confirm')).toHaveLength(1)

    cleanup()
    renderApp(handlers)
    expect(await screen.findByRole('navigation', { name: 'Menu' })).toBeTruthy()
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('says on the Back-ups screen that the sheet was never confirmed, and takes the confirmation there', async () => {
    let confirmed = false
    const list = () => ({
      folder: '/data/backups',
      isDefaultFolder: true,
      backups: [MANUAL],
      folderProblem: null,
      lastAutomatic: null,
      recoveryKey: confirmed
        ? { state: 'confirmed', confirmedAt: '2026-03-10T09:00:00.000Z', confirmedBy: 'beheer' }
        : { state: 'unconfirmed', confirmedAt: null, confirmedBy: null },
    })
    const calls = installFakeBridge(
      { 'shop.dashboard': () => ok(dashboard()) },
      {
        // Put off at this login already: only the page itself reminds.
        'auth.session': () => ok(sessionOf('admin')),
        'backup.list': () => ok(list()),
        'recovery.confirm': () => {
          confirmed = true
          return ok(list().recoveryKey)
        },
      },
    )
    window.location.hash = '#/backups'
    const user = userEvent.setup()
    render(<Root />)
    const alert = await screen.findByTestId('recovery-unconfirmed')
    expect(alert.textContent).toContain('Niemand heeft bevestigd')
    await user.click(
      within(alert).getByRole('button', { name: 'Ik heb het blad geprint en opgeborgen' }),
    )
    expect((await screen.findByTestId('recovery-confirmed')).textContent).toBe(
      'Blad met de herstelsleutel bevestigd als opgeborgen op 10-03-2026 10:00 door beheer.',
    )
    expect(callsOf(calls, 'recovery.confirm')).toHaveLength(1)
  })

  it('is not offered to an admin who has one', async () => {
    renderApp({ 'auth.session': () => ok(sessionOf('admin')) })
    expect(await screen.findByRole('navigation', { name: 'Menu' })).toBeTruthy()
    expect(screen.queryByRole('dialog')).toBeNull()
  })
})

describe('restoring before anyone can log in', () => {
  it('restores a backup file with the recovery key on a new computer, then shows the login', async () => {
    let restored = false
    const { calls, user } = renderApp({
      'setup.status': () =>
        ok(
          restored
            ? { needsSetup: false, organisationName: 'Kledingbank Zuid', canRestore: false }
            : { needsSetup: true, organisationName: null, canRestore: true },
        ),
      'auth.session': () => ok(null),
      'setup.restore': (input) => {
        if ((input as { confirm: boolean }).confirm) restored = true
        return ok({ restored, manifest: MANUAL.manifest, sameData: null, reapplied: 0 })
      },
    })
    await screen.findByRole('heading', { name: 'Dichtbij instellen' })
    await user.click(
      screen.getByRole('button', {
        name: 'Gegevens terugzetten uit een back-up (nieuwe computer)',
      }),
    )
    expect(await screen.findByRole('heading', { name: 'Back-up terugzetten' })).toBeTruthy()
    const main = screen.getByRole('main')
    const next = within(main).getByRole('button', { name: 'Verder' })
    expect(next).toHaveProperty('disabled', true)
    const file = new File(['DBK1-bytes'], 'dichtbij-stick.dichtbij-backup', {
      type: 'application/octet-stream',
    })
    // Mantine's FileInput is a button in front of a hidden file input.
    expect(within(main).getByRole('button', { name: /Back-upbestand/ })).toBeTruthy()
    await user.upload(main.querySelector('input[type=file]') as HTMLInputElement, file)
    await waitFor(() => expect(next).toHaveProperty('disabled', false))
    await user.click(next)

    // The recovery key is the default here; a mistyped one is caught before main is asked.
    await user.type(field(main, 'Herstelsleutel'), 'ABCDE-FGHJK')
    await user.click(within(main).getByRole('button', { name: 'Controleren' }))
    expect(describedText(field(main, 'Herstelsleutel'))).toContain('30 letters en cijfers')
    expect(callsOf(calls, 'setup.restore')).toEqual([])
    await user.clear(field(main, 'Herstelsleutel'))
    await user.type(field(main, 'Herstelsleutel'), RECOVERY.recoveryKey)
    await user.click(within(main).getByRole('button', { name: 'Controleren' }))
    expect(await within(main).findByRole('table', { name: 'Inhoud' })).toBeTruthy()
    await user.click(within(main).getByRole('button', { name: 'Verder' }))
    expect(within(main).getByText(/Dichtbij zet de gegevens van de back-up/)).toBeTruthy()
    await user.click(within(main).getByRole('button', { name: 'Terugzetten' }))

    expect(await screen.findByRole('heading', { name: 'Aanmelden' })).toBeTruthy()
    expect(screen.getByText(/De back-up is teruggezet/)).toBeTruthy()
    expect(await screen.findByText('Kledingbank Zuid')).toBeTruthy()
    // The file goes to main as its bytes (a Uint8Array), read as they are from the picked file.
    const restores = callsOf(calls, 'setup.restore') as { source: { bytes: unknown } }[]
    for (const r of restores) expect(r.source.bytes).toBeInstanceOf(Uint8Array)
    const withText = restores.map(({ source: { bytes, ...source }, ...rest }) => ({
      ...rest,
      source: { ...source, text: new TextDecoder().decode(bytes as Uint8Array) },
    }))
    expect(withText).toEqual([
      {
        source: { kind: 'upload', fileName: file.name, text: 'DBK1-bytes' },
        secret: { method: 'recoveryKey', recoveryKey: RECOVERY.recoveryKey },
        confirm: false,
      },
      {
        source: { kind: 'upload', fileName: file.name, text: 'DBK1-bytes' },
        secret: { method: 'recoveryKey', recoveryKey: RECOVERY.recoveryKey },
        confirm: true,
      },
    ])
  })

  it('offers the newest good backup when the database is damaged, the name filled in', async () => {
    let damaged = true
    const { calls, user } = renderApp({
      'auth.session': () => ok(null),
      'auth.login': () =>
        damaged ? fail({ code: 'CONFLICT', key: 'databaseDamaged' }) : ok(sessionOf('admin')),
      'setup.damaged': () => ok({ newestGood: MANUAL }),
      'setup.restore': (input) => {
        if ((input as { confirm: boolean }).confirm) damaged = false
        return ok({ restored: !damaged, manifest: MANUAL.manifest, sameData: true, reapplied: 2 })
      },
    })
    const main = await screen.findByRole('main')
    await user.type(await within(main).findByLabelText('Gebruikersnaam'), 'beheer')
    await user.type(field(main, 'Wachtwoord'), 'paarse olifant op de fiets')
    await user.click(within(main).getByRole('button', { name: 'Aanmelden' }))

    expect(await screen.findByText('De gegevens op deze computer zijn beschadigd')).toBeTruthy()
    expect(
      await screen.findByText('Nieuwste goede back-up: 10-03-2026 10:30 (handmatig)'),
    ).toBeTruthy()
    expect(screen.getByRole('row', { name: 'Huishoudens 12' })).toBeTruthy()
    expect(
      screen.getByText('Alles wat na 10-03-2026 10:30 is ingevoerd, gaat verloren.'),
    ).toBeTruthy()
    // It says the password is typed again, and that is what happens.
    expect(screen.getByText(/U typt ze zo opnieuw/)).toBeTruthy()
    expect(screen.queryByText(/net typte/)).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Deze back-up terugzetten' }))
    const dialog = await screen.findByRole('dialog', { name: 'Back-up terugzetten' })
    // The source is settled and the name is the one just typed; the password is not kept.
    expect((field(dialog, 'Gebruikersnaam') as HTMLInputElement).value).toBe('beheer')
    expect((field(dialog, 'Wachtwoord') as HTMLInputElement).value).toBe('')
    await user.type(field(dialog, 'Wachtwoord'), 'paarse olifant op de fiets')
    await user.click(within(dialog).getByRole('button', { name: 'Controleren' }))
    await user.click(await within(dialog).findByRole('button', { name: 'Verder' }))
    await user.click(within(dialog).getByRole('button', { name: 'Terugzetten' }))

    expect(await screen.findByText(/De back-up is teruggezet/)).toBeTruthy()
    expect(screen.queryByText('De gegevens op deze computer zijn beschadigd')).toBeNull()
    expect(callsOf(calls, 'setup.restore')).toEqual([
      {
        source: { kind: 'folder', name: MANUAL.name },
        secret: { method: 'password', username: 'beheer', password: 'paarse olifant op de fiets' },
        confirm: false,
      },
      {
        source: { kind: 'folder', name: MANUAL.name },
        secret: { method: 'password', username: 'beheer', password: 'paarse olifant op de fiets' },
        confirm: true,
      },
    ])
  })

  it("says so when a password that is not an admin's is used on the damaged panel", async () => {
    const { calls, user } = renderApp({
      'auth.session': () => ok(null),
      'auth.login': () => fail({ code: 'CONFLICT', key: 'databaseDamaged' }),
      'setup.damaged': () => ok({ newestGood: MANUAL }),
      'setup.restore': (input) =>
        (input as { secret: { method: string } }).secret.method === 'recoveryKey'
          ? ok({ restored: false, manifest: MANUAL.manifest, sameData: true, reapplied: 0 })
          : fail({ code: 'FORBIDDEN', key: 'restoreNeedsAdmin' }),
    })
    const main = await screen.findByRole('main')
    await user.type(await within(main).findByLabelText('Gebruikersnaam'), 'vera')
    await user.type(field(main, 'Wachtwoord'), 'blauwe jas op dinsdag')
    await user.click(within(main).getByRole('button', { name: 'Aanmelden' }))
    await user.click(await screen.findByRole('button', { name: 'Deze back-up terugzetten' }))
    const dialog = await screen.findByRole('dialog', { name: 'Back-up terugzetten' })
    await user.type(field(dialog, 'Wachtwoord'), 'blauwe jas op dinsdag')
    await user.click(within(dialog).getByRole('button', { name: 'Controleren' }))
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'Alleen met het wachtwoord van een beheerder (of de herstelsleutel) kunt u hier gegevens terugzetten.',
    )
    // Still at the key: the recovery key opens it.
    await user.click(within(dialog).getByRole('radio', { name: 'Herstelsleutel' }))
    await user.type(field(dialog, 'Herstelsleutel'), RECOVERY.recoveryKey)
    await user.click(within(dialog).getByRole('button', { name: 'Controleren' }))
    expect(await within(dialog).findByRole('table', { name: 'Inhoud' })).toBeTruthy()
    expect(callsOf(calls, 'setup.restore')).toHaveLength(2)
  })

  it('says what to do when the database is damaged and there is no good backup', async () => {
    const { user } = renderApp({
      'auth.session': () => ok(null),
      'auth.login': () => fail({ code: 'CONFLICT', key: 'databaseDamaged' }),
      'setup.damaged': () => ok({ newestGood: null }),
    })
    const main = await screen.findByRole('main')
    await user.type(await within(main).findByLabelText('Gebruikersnaam'), 'beheer')
    await user.type(field(main, 'Wachtwoord'), 'paarse olifant op de fiets')
    await user.click(within(main).getByRole('button', { name: 'Aanmelden' }))
    expect(
      await screen.findByText('Er staat geen bruikbare back-up op deze computer.'),
    ).toBeTruthy()
    expect(screen.getByText(/Bel de persoon die de herstelsleutel bewaart/)).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Deze back-up terugzetten' })).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Terug naar aanmelden' }))
    expect(await screen.findByRole('button', { name: 'Aanmelden' })).toBeTruthy()
  })

  it.each([
    ['loginNoKeySlot', 'FORBIDDEN', /nog geen sleutel tot de gegevens/],
    ['databaseTooNew', 'CONFLICT', /nieuwere versie van Dichtbij/],
  ] as const)('explains %s at the login', async (key, code, text) => {
    const { user } = renderApp({
      'auth.session': () => ok(null),
      'auth.login': () => fail({ code, key }),
    })
    const main = await screen.findByRole('main')
    await user.type(await within(main).findByLabelText('Gebruikersnaam'), 'vera')
    await user.type(field(main, 'Wachtwoord'), 'blauwe jas op dinsdag')
    await user.click(within(main).getByRole('button', { name: 'Aanmelden' }))
    expect((await screen.findByRole('alert')).textContent).toMatch(text)
  })
})
