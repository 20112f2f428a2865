// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { notifications } from '@mantine/notifications'
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Root } from '../../src/renderer/src/root'
import type { BackupList } from '../../src/shared/schemas/backup'
import type { JobView } from '../../src/shared/schemas/jobs'
import { callsOf, installFakeBridge, ok } from './fake-bridge'
import { DAILY } from './backup-data'
import { sessionOf } from './session'
import { dashboard } from './shop-bridge'

const LIST: BackupList = {
  folder: '/home/winkel/.config/Dichtbij/backups',
  isDefaultFolder: true,
  backups: [DAILY],
  folderProblem: null,
  lastAutomatic: null,
}

afterEach(() => {
  cleanup()
  notifications.clean()
  vi.restoreAllMocks()
  sessionStorage.clear()
  delete window.api
})

describe('work running in the background on the backups page', () => {
  it("shows the daily backup's progress after the login, and a cancellable job's stop button", async () => {
    let jobs: JobView[] = [
      {
        id: '11111111-1111-4111-8111-111111111111',
        labelKey: 'jobs.labels.dailyBackup',
        done: 50,
        total: 100,
        phase: 'writing',
        cancellable: false,
      },
      {
        id: '22222222-2222-4222-8222-222222222222',
        labelKey: 'jobs.labels.verifyBackup',
        done: 0,
        total: 0,
        phase: null,
        cancellable: true,
      },
    ]
    const calls = installFakeBridge(
      {
        'auth.session': () => ok(sessionOf('admin')),
        'shop.dashboard': () => ok(dashboard()),
        'backup.list': () => ok(LIST),
        'jobs.list': () => ok(jobs),
        'jobs.cancel': (input) => {
          jobs = jobs.filter((j) => j.id !== (input as { id: string }).id)
          return ok(input)
        },
      },
      {},
    )
    window.location.hash = '#/backups'
    const user = userEvent.setup()
    render(<Root />)
    expect(await screen.findByText('Dagelijkse back-up (wegschrijven)')).toBeTruthy()
    expect(screen.getByRole('progressbar', { name: 'Dagelijkse back-up: 50%' })).toBeTruthy()
    // A step without a count (the copy itself) shows a full moving bar, not an empty one.
    const counting = screen.getByRole('progressbar', { name: 'Back-up controleren' })
    expect(counting.getAttribute('aria-valuenow')).toBe('100')
    // Only the job that may be stopped has a button.
    const stops = screen.getAllByRole('button', { name: 'Stoppen' })
    expect(stops).toHaveLength(1)
    await user.click(stops[0])
    expect(callsOf(calls, 'jobs.cancel')).toEqual([{ id: '22222222-2222-4222-8222-222222222222' }])
  })
})
