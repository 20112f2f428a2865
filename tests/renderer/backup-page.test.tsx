// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { notifications } from '@mantine/notifications'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Root } from '../../src/renderer/src/root'
import type { BackupList } from '../../src/shared/schemas/backup'
import { callsOf, describedText, fail, installFakeBridge, ok, type Handler } from './fake-bridge'
import { DAILY, MANUAL, manifest, RECOVERY } from './backup-data'
import { sessionOf } from './session'
import { dashboard } from './shop-bridge'

const LIST: BackupList = {
  folder: '/home/winkel/.config/Dichtbij/backups',
  isDefaultFolder: true,
  backups: [DAILY, MANUAL],
  folderProblem: null,
  lastAutomatic: null,
}

/** The whole app at the backups page, logged in as an admin who already has a recovery key. */
function renderBackups(handlers: Record<string, Handler> = {}) {
  const calls = installFakeBridge(
    {
      'auth.session': () => ok(sessionOf('admin')),
      'shop.dashboard': () => ok(dashboard()),
      'backup.list': () => ok(LIST),
    },
    handlers,
  )
  window.location.hash = '#/backups'
  const user = userEvent.setup()
  render(<Root />)
  return { calls, user }
}

function field(scope: HTMLElement, label: string): HTMLElement {
  // The secret's SegmentedControl has a radio called "Wachtwoord" too.
  return within(scope).getByLabelText(new RegExp(`^${label}( \\*)?$`), {
    selector: 'input:not([type=radio])',
  })
}

function rowOf(text: string): HTMLElement {
  return screen.getByText(text).closest('tr') as HTMLElement
}

afterEach(() => {
  cleanup()
  notifications.clean()
  vi.restoreAllMocks()
  sessionStorage.clear()
  delete window.api
})

describe('the backups page', () => {
  it('lists the backups with Dutch dates, kinds and sizes, and the folder', async () => {
    renderBackups()
    expect(await screen.findByRole('heading', { name: 'Back-ups en herstel' })).toBeTruthy()
    expect(await screen.findByText('11-03-2026 03:00')).toBeTruthy()
    const daily = rowOf('11-03-2026 03:00')
    expect(within(daily).getByText('dagelijks')).toBeTruthy()
    expect(within(daily).getByText('3,1 MB')).toBeTruthy()
    const manual = rowOf('10-03-2026 10:30')
    expect(within(manual).getByText('handmatig')).toBeTruthy()
    expect(within(manual).getByText('793 kB')).toBeTruthy()
    expect(screen.getByTestId('backup-folder').textContent).toBe(LIST.folder)
    expect(screen.getByText('standaardmap')).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Back-ups' })).toBeTruthy()
  })

  it('makes a backup now, and one to save elsewhere by its ticket, and lists it', async () => {
    const made = {
      name: 'dichtbij-20260312T080000Z-handmatig.dichtbij-backup',
      sizeBytes: 900_000,
      manifest: manifest({ createdAt: '2026-03-12T08:00:00.000Z' }),
      // Main remembers the check it made while writing, and lists it with the backup.
      lastCheck: { at: '2026-03-12T08:00:02.000Z', ok: true, problemKey: null },
    }
    let backups = LIST.backups
    const { calls, user } = renderBackups({
      'backup.list': () => ok({ ...LIST, backups }),
      'backup.create': (input) => {
        backups = [made, ...backups.filter((b) => b.name !== made.name)]
        const download = (input as { download: boolean }).download
        return ok({
          backup: made,
          file: download
            ? {
                ticket: 'B'.repeat(43),
                filename: made.name,
                mime: 'application/octet-stream',
                sizeBytes: made.sizeBytes,
              }
            : null,
        })
      },
    })
    await screen.findByText('11-03-2026 03:00')
    await user.click(screen.getByRole('button', { name: 'Nu back-up maken' }))
    expect(await screen.findByText('12-03-2026 09:00')).toBeTruthy()
    // Checked as it was written: "In orde" without asking main again; the toast's time is local.
    expect(await within(rowOf('12-03-2026 09:00')).findByText('In orde')).toBeTruthy()
    expect(await screen.findByText('Back-up gemaakt: 12-03-2026 09:00')).toBeTruthy()
    expect(callsOf(calls, 'backup.verify')).toEqual([])
    expect(callsOf(calls, 'save')).toEqual([])

    // Main's save dialog copies the file from the backup folder; the page only names the ticket.
    await user.click(screen.getByRole('button', { name: 'Back-up maken en downloaden' }))
    await waitFor(() => expect(callsOf(calls, 'save')).toEqual(['B'.repeat(43)]))
    expect(callsOf(calls, 'backup.create')).toEqual([{ download: false }, { download: true }])
  })

  it('checks a backup and shows what is wrong with it', async () => {
    const { calls, user } = renderBackups({
      'backup.verify': (input) => {
        const { name } = input as { name: string }
        return ok(
          name === DAILY.name
            ? { name, ok: true, problem: null, manifest: DAILY.manifest }
            : {
                name,
                ok: false,
                problem: 'De back-up is beschadigd: de controle van de database faalt.',
                manifest: null,
              },
        )
      },
    })
    await screen.findByText('11-03-2026 03:00')
    await user.click(
      screen.getByRole('button', { name: 'Back-up van 11-03-2026 03:00 controleren' }),
    )
    expect(await within(rowOf('11-03-2026 03:00')).findByText('In orde')).toBeTruthy()
    await user.click(
      screen.getByRole('button', { name: 'Back-up van 10-03-2026 10:30 controleren' }),
    )
    const manual = rowOf('10-03-2026 10:30')
    expect(await within(manual).findByText('Niet bruikbaar')).toBeTruthy()
    expect(within(manual).getByText(/beschadigd/)).toBeTruthy()
    expect(callsOf(calls, 'backup.verify')).toEqual([{ name: DAILY.name }, { name: MANUAL.name }])
  })

  it('shows the last check of each backup with its time after a reload, and which were never checked', async () => {
    renderBackups({
      'backup.list': () =>
        ok({
          ...LIST,
          backups: [
            { ...DAILY, lastCheck: { at: '2026-03-11T07:15:00.000Z', ok: true, problemKey: null } },
            {
              ...MANUAL,
              lastCheck: { at: '2026-03-11T07:16:00.000Z', ok: false, problemKey: 'backupDamaged' },
            },
          ],
        }),
    })
    const daily = rowOf(await screen.findByText('11-03-2026 03:00').then((e) => e.textContent!))
    expect(within(daily).getByText('In orde')).toBeTruthy()
    expect(within(daily).getByText('gecontroleerd 11-03-2026 08:15')).toBeTruthy()
    const manual = rowOf('10-03-2026 10:30')
    expect(within(manual).getByText('Niet bruikbaar')).toBeTruthy()
    expect(
      within(manual).getByText('De back-up is beschadigd en kan niet worden teruggezet.'),
    ).toBeTruthy()
    expect(within(manual).getByText('gecontroleerd 11-03-2026 08:16')).toBeTruthy()
    cleanup()
    renderBackups()
    const unchecked = rowOf(await screen.findByText('11-03-2026 03:00').then((e) => e.textContent!))
    expect(within(unchecked).getByText('Nog niet gecontroleerd')).toBeTruthy()
  })

  it('refuses a folder that is not a full path, at the field', async () => {
    const { calls, user } = renderBackups({
      'backup.setFolder': () =>
        fail({
          code: 'VALIDATION',
          key: 'validation',
          fields: [{ path: 'folder', key: 'folderNotAbsolute' }],
        }),
    })
    await screen.findByText('11-03-2026 03:00')
    const input = screen.getByRole('textbox', { name: 'Andere map' })
    await user.type(input, 'usb')
    await user.click(screen.getByRole('button', { name: 'Map opslaan' }))
    await waitFor(() => expect(describedText(input)).toContain('Vul een volledig pad in'))
    expect(callsOf(calls, 'backup.setFolder')).toEqual([{ folder: 'usb' }])
  })

  it('says at the field why a folder other users can write to is refused', async () => {
    const { user } = renderBackups({
      'backup.setFolder': () =>
        fail({
          code: 'VALIDATION',
          key: 'validation',
          fields: [{ path: 'folder', key: 'folderNotSafe' }],
        }),
    })
    await screen.findByText('11-03-2026 03:00')
    const input = screen.getByRole('textbox', { name: 'Andere map' })
    await user.type(input, '/tmp/gedeeld')
    await user.click(screen.getByRole('button', { name: 'Map opslaan' }))
    await waitFor(() =>
      expect(describedText(input)).toContain(
        'In deze map kunnen ook andere gebruikers van deze computer schrijven',
      ),
    )
  })

  it('restores: check, contents, what happens, then the login screen', async () => {
    let loggedIn = true
    const { calls, user } = renderBackups({
      'auth.session': () => ok(loggedIn ? sessionOf('admin') : null),
      'backup.restore': (input) => {
        const { secret, confirm } = input as {
          secret: { password: string }
          confirm: boolean
        }
        if (secret.password !== 'oud wachtwoord van toen')
          return fail({
            code: 'VALIDATION',
            key: 'validation',
            fields: [{ path: 'secret.password', key: 'backupSecretWrong' }],
          })
        if (confirm) loggedIn = false
        return ok({ restored: confirm, manifest: MANUAL.manifest, sameData: true, reapplied: 0 })
      },
    })
    await screen.findByText('10-03-2026 10:30')
    await user.click(
      screen.getByRole('button', { name: 'Back-up van 10-03-2026 10:30 terugzetten' }),
    )
    const dialog = await screen.findByRole('dialog', { name: 'Back-up terugzetten' })
    expect(within(dialog).getByDisplayValue('10-03-2026 10:30 (handmatig)')).toBeTruthy()
    await user.click(within(dialog).getByRole('button', { name: 'Verder' }))

    // Nothing typed: the shared schema says so before main is asked.
    await user.click(within(dialog).getByRole('button', { name: 'Controleren' }))
    expect(describedText(field(dialog, 'Gebruikersnaam'))).toContain('Dit veld is verplicht')
    expect(callsOf(calls, 'backup.restore')).toEqual([])

    await user.type(field(dialog, 'Gebruikersnaam'), 'beheer')
    await user.type(field(dialog, 'Wachtwoord'), 'nieuw wachtwoord')
    await user.click(within(dialog).getByRole('button', { name: 'Controleren' }))
    await waitFor(() =>
      expect(describedText(field(dialog, 'Wachtwoord'))).toContain(
        'Hiermee gaat deze back-up niet open',
      ),
    )
    await user.clear(field(dialog, 'Wachtwoord'))
    await user.type(field(dialog, 'Wachtwoord'), 'oud wachtwoord van toen')
    await user.click(within(dialog).getByRole('button', { name: 'Controleren' }))

    // The contents, with Dutch table names, bookkeeping left out, and the hash shortened.
    const contents = await within(dialog).findByRole('table', { name: 'Inhoud' })
    expect(within(contents).getByRole('row', { name: 'Huishoudens 12' })).toBeTruthy()
    expect(within(contents).getByRole('row', { name: 'Regels in het auditlog 2.048' })).toBeTruthy()
    expect(within(contents).queryByText(/kysely/)).toBeNull()
    expect(within(dialog).getByText('a3f1c9e0b7d2…')).toBeTruthy()
    expect(within(dialog).getByText('0.4.0')).toBeTruthy()

    await user.click(within(dialog).getByRole('button', { name: 'Verder' }))
    expect(within(dialog).getByText(/Iedereen wordt afgemeld/)).toBeTruthy()
    expect(within(dialog).getByText(/bewaard als back-up "vóór terugzetten"/)).toBeTruthy()
    expect(within(dialog).getByText(/opnieuw gewist/)).toBeTruthy()
    expect(
      within(dialog).getByText(/op een andere computer zonder de nieuwere back-ups/),
    ).toBeTruthy()
    // The same data: no extra warning or checkbox.
    expect(within(dialog).queryByRole('checkbox')).toBeNull()
    expect(
      callsOf(calls, 'backup.restore').map((c) => (c as { confirm: boolean }).confirm),
    ).toEqual([false, false])
    await user.click(within(dialog).getByRole('button', { name: 'Terugzetten' }))

    expect(await screen.findByRole('button', { name: 'Aanmelden' })).toBeTruthy()
    expect(screen.getByText(/De back-up is teruggezet/)).toBeTruthy()
    expect(screen.queryByRole('navigation', { name: 'Menu' })).toBeNull()
    expect(callsOf(calls, 'backup.restore').at(-1)).toEqual({
      source: { kind: 'folder', name: MANUAL.name },
      secret: { method: 'password', username: 'beheer', password: 'oud wachtwoord van toen' },
      confirm: true,
    })
  })

  it('shows why the folder cannot be used, and still lets it be changed', async () => {
    const stick: BackupList = {
      ...LIST,
      folder: '/media/usb/dichtbij',
      isDefaultFolder: false,
      backups: [],
      folderProblem: 'De map /media/usb/dichtbij is er niet. Is de USB-stick aangesloten?',
      lastAutomatic: null,
    }
    let plugged = false
    const { calls, user } = renderBackups({
      'backup.list': () => ok(plugged ? { ...stick, folderProblem: null } : stick),
      'backup.setFolder': () => ok(LIST),
    })
    const alert = await screen.findByRole('alert', {
      name: 'De back-upmap is nu niet te gebruiken',
    })
    expect(within(alert).getByText(stick.folderProblem as string)).toBeTruthy()
    // Never the generic error: the page and its folder form are all there.
    expect(screen.queryByText(/Er ging iets mis/)).toBeNull()
    expect(screen.getByTestId('backup-folder').textContent).toBe(stick.folder)
    expect(screen.getByText('Er staan nog geen back-ups in deze map.')).toBeTruthy()
    expect(screen.getByRole('textbox', { name: 'Andere map' })).toBeTruthy()

    // The stick plugged in: look again.
    plugged = true
    await user.click(within(alert).getByRole('button', { name: 'Opnieuw kijken' }))
    await waitFor(() =>
      expect(
        screen.queryByRole('alert', { name: 'De back-upmap is nu niet te gebruiken' }),
      ).toBeNull(),
    )
    expect(callsOf(calls, 'backup.list')).toHaveLength(2)
  })

  it('goes back to the default folder when the chosen one is gone', async () => {
    const stick: BackupList = {
      ...LIST,
      folder: '/media/usb/dichtbij',
      isDefaultFolder: false,
      backups: [],
      folderProblem: 'De map /media/usb/dichtbij is er niet. Is de USB-stick aangesloten?',
    }
    const { calls, user } = renderBackups({
      'backup.list': () => ok(stick),
      'backup.setFolder': () => ok(LIST),
    })
    await screen.findByRole('alert', { name: 'De back-upmap is nu niet te gebruiken' })
    await user.click(screen.getByRole('button', { name: 'Standaardmap gebruiken' }))
    expect(await screen.findByText('De back-upmap is opgeslagen.')).toBeTruthy()
    expect(callsOf(calls, 'backup.setFolder')).toEqual([{ folder: null }])
    await waitFor(() => expect(screen.getByTestId('backup-folder').textContent).toBe(LIST.folder))
    expect(
      screen.queryByRole('alert', { name: 'De back-upmap is nu niet te gebruiken' }),
    ).toBeNull()
    expect(await screen.findByText('11-03-2026 03:00')).toBeTruthy()
  })

  it('keeps the folder form when main cannot list the folder at all', async () => {
    const { calls, user } = renderBackups({
      'backup.list': () =>
        fail({ code: 'CONFLICT', key: 'backupFolderMissing', params: { folder: 'E:\\Dichtbij' } }),
      'backup.setFolder': () => ok(LIST),
    })
    expect(
      await screen.findByText(
        'De back-upmap E:\\Dichtbij is er niet. Is de USB-stick aangesloten? Sluit hem aan of kies een andere map.',
      ),
    ).toBeTruthy()
    await user.type(screen.getByRole('textbox', { name: 'Andere map' }), 'D:\\Back-ups')
    await user.click(screen.getByRole('button', { name: 'Map opslaan' }))
    await waitFor(() => expect(screen.getByTestId('backup-folder').textContent).toBe(LIST.folder))
    expect(screen.queryByText(/De back-upmap E:\\Dichtbij is er niet/)).toBeNull()
    expect(callsOf(calls, 'backup.setFolder')).toEqual([{ folder: 'D:\\Back-ups' }])
  })

  it('says when the last automatic backup was made', async () => {
    renderBackups({
      'backup.list': () =>
        ok({ ...LIST, lastAutomatic: { at: '2026-03-11T02:00:00.000Z', ok: true, problem: null } }),
    })
    expect((await screen.findByTestId('backup-last-automatic')).textContent).toBe(
      'Laatste automatische back-up: 11-03-2026 03:00',
    )
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('says in red when the last automatic backup failed', async () => {
    renderBackups({
      'backup.list': () =>
        ok({
          ...LIST,
          lastAutomatic: {
            at: '2026-03-12T02:00:00.000Z',
            ok: false,
            problem: 'De schijf is vol.',
          },
        }),
    })
    const alert = await screen.findByTestId('backup-last-automatic')
    expect(alert.getAttribute('role')).toBe('alert')
    expect(alert.textContent).toBe(
      'De automatische back-up van 12-03-2026 03:00 is mislukt: De schijf is vol.',
    )
  })

  it('asks for an extra tick before restoring a backup of other data', async () => {
    const { calls, user } = renderBackups({
      'backup.restore': () =>
        ok({ restored: false, manifest: MANUAL.manifest, sameData: false, reapplied: 0 }),
    })
    await screen.findByText('10-03-2026 10:30')
    await user.click(
      screen.getByRole('button', { name: 'Back-up van 10-03-2026 10:30 terugzetten' }),
    )
    const dialog = await screen.findByRole('dialog', { name: 'Back-up terugzetten' })
    await user.click(within(dialog).getByRole('button', { name: 'Verder' }))
    await user.click(within(dialog).getByRole('radio', { name: 'Herstelsleutel' }))
    await user.type(field(dialog, 'Herstelsleutel'), 'ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567')
    await user.click(within(dialog).getByRole('button', { name: 'Controleren' }))
    await user.click(await within(dialog).findByRole('button', { name: 'Verder' }))

    expect(
      within(dialog).getByText(
        'Let op: deze back-up hoort bij andere gegevens dan die nu op deze computer staan (een andere installatie of organisatie). Alles wat nu op deze computer staat, wordt vervangen.',
      ),
    ).toBeTruthy()
    const submit = within(dialog).getByRole('button', { name: 'Terugzetten' })
    expect(submit).toHaveProperty('disabled', true)
    await user.click(
      within(dialog).getByRole('checkbox', { name: 'Ik weet dat ik andere gegevens terugzet' }),
    )
    expect(submit).toHaveProperty('disabled', false)
    expect(
      callsOf(calls, 'backup.restore').map((c) => (c as { confirm: boolean }).confirm),
    ).toEqual([false])
  })

  it('offers to make the first recovery key without talking of an old sheet', async () => {
    const { calls, user } = renderBackups({
      'auth.session': () => ok(sessionOf('admin', { recoveryKeyMissing: true })),
      'recovery.regenerate': () => ok(RECOVERY),
    })
    // The prompt at login is put off first.
    const prompt = await screen.findByRole('dialog', { name: 'Maak een herstelsleutel' })
    await user.click(within(prompt).getByRole('button', { name: 'Later' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(screen.queryByRole('button', { name: 'Nieuwe herstelsleutel maken' })).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Herstelsleutel maken' }))
    const confirm = await screen.findByRole('dialog', { name: 'Herstelsleutel maken?' })
    expect(confirm.textContent).not.toMatch(/oude/)
    await user.click(within(confirm).getByRole('button', { name: 'Sleutel maken' }))
    expect(await screen.findByRole('dialog', { name: 'Uw herstelsleutel' })).toBeTruthy()
    expect(callsOf(calls, 'recovery.regenerate')).toHaveLength(1)
  })

  it('says what a new recovery key means for backups kept elsewhere', async () => {
    const { calls, user } = renderBackups()
    await screen.findByText('11-03-2026 03:00')
    await user.click(screen.getByRole('button', { name: 'Nieuwe herstelsleutel maken' }))
    const confirm = await screen.findByRole('dialog', { name: 'Nieuwe herstelsleutel maken?' })
    expect(within(confirm).getByText(/vervangt de oude/).textContent).toMatch(
      /gaan alleen open met het oude blad: bewaar dat blad zolang u die back-ups bewaart/,
    )
    await user.click(within(confirm).getByRole('button', { name: 'Annuleren' }))
    expect(callsOf(calls, 'recovery.regenerate')).toEqual([])
  })

  it('is not in the menu of a coordinator', async () => {
    installFakeBridge(
      {
        'auth.session': () => ok(sessionOf('coordinator')),
        'shop.dashboard': () => ok(dashboard()),
      },
      {},
    )
    window.location.hash = '#/backups'
    render(<Root />)
    expect(await screen.findByRole('heading', { name: 'Geen toegang' })).toBeTruthy()
    expect(screen.queryByRole('link', { name: 'Back-ups' })).toBeNull()
  })
})
