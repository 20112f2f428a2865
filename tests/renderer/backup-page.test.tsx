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
import { DAILY, MANUAL, manifest } from './backup-data'
import { sessionOf } from './session'
import { dashboard } from './shop-bridge'

const LIST: BackupList = {
  folder: '/home/winkel/.config/Dichtbij/backups',
  isDefaultFolder: true,
  backups: [DAILY, MANUAL],
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

  it('makes a backup now, and one to download, and lists it', async () => {
    const blobs: Blob[] = []
    URL.createObjectURL = (b: Blob | MediaSource): string => {
      blobs.push(b as Blob)
      return 'blob:backup'
    }
    URL.revokeObjectURL = () => undefined
    const downloads: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      downloads.push(this.download)
    })
    const made = {
      name: 'dichtbij-20260312T080000Z-handmatig.dichtbij-backup',
      sizeBytes: 900_000,
      manifest: manifest({ createdAt: '2026-03-12T08:00:00.000Z' }),
    }
    let backups = LIST.backups
    const { calls, user } = renderBackups({
      'backup.list': () => ok({ ...LIST, backups }),
      'backup.create': (input) => {
        backups = [made, ...backups]
        const download = (input as { download: boolean }).download
        return ok({
          backup: made,
          file: download
            ? { filename: made.name, mime: 'application/octet-stream', base64: btoa('DBK1') }
            : null,
        })
      },
    })
    await screen.findByText('11-03-2026 03:00')
    await user.click(screen.getByRole('button', { name: 'Nu back-up maken' }))
    expect(await screen.findByText('12-03-2026 09:00')).toBeTruthy()
    expect(await screen.findByText(`Back-up gemaakt: ${made.name}`)).toBeTruthy()
    expect(downloads).toEqual([])

    await user.click(screen.getByRole('button', { name: 'Back-up maken en downloaden' }))
    await waitFor(() => expect(downloads).toEqual([made.name]))
    expect(await blobs[0].text()).toBe('DBK1')
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
        return ok({ restored: confirm, manifest: MANUAL.manifest, reapplied: 0 })
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
    expect(within(dialog).getByText(/bewaard als back-up "voor terugzetten"/)).toBeTruthy()
    expect(within(dialog).getByText(/opnieuw gewist/)).toBeTruthy()
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
