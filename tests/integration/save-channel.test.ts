import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/db'
import { householdInput } from '../helpers/fixtures'

// Electron as the IPC code sees it: the handlers it registers and the dialog it would show.
const electron = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
  dialogs: [] as { defaultPath: string }[],
  choose: null as string | null,
  exposed: null as Record<string, (...args: unknown[]) => unknown> | null,
  invoked: [] as unknown[][],
}))
vi.mock('electron', () => ({
  app: { getPath: (name: string) => `/home/bea/${name}` },
  BrowserWindow: { fromWebContents: () => null },
  dialog: {
    showSaveDialog: async (options: { defaultPath: string }) => {
      electron.dialogs.push(options)
      return electron.choose
        ? { canceled: false, filePath: electron.choose }
        : { canceled: true, filePath: undefined }
    },
  },
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => Promise<unknown>) =>
      electron.handlers.set(channel, fn),
  },
  contextBridge: {
    exposeInMainWorld: (_name: string, api: Record<string, (...args: unknown[]) => unknown>) =>
      (electron.exposed = api),
  },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      electron.invoked.push(args)
      return null
    },
  },
}))

let app: TestApp
beforeEach(async () => {
  app = await createTestApp()
  electron.handlers.clear()
  electron.dialogs.length = 0
  electron.choose = null
  const { registerApi } = await import('../../src/main/ipc')
  registerApi(app.router, 'test-pc', {})
})
afterEach(async () => app.close())

/** An IPC event from a window's top frame at `url`, as Electron hands it to a handler. */
function eventFrom(url: string, id = 1): unknown {
  const mainFrame = { url, parent: null, processId: 1, routingId: id }
  return { senderFrame: mainFrame, sender: { id, mainFrame, once: () => undefined } }
}
const APP_PAGE = 'app://dichtbij/index.html'

interface Answer {
  ok: boolean
  value: { ticket: string; filename: string }
}

async function callApi(
  method: string,
  input: unknown,
  event = eventFrom(APP_PAGE),
): Promise<Answer> {
  return (await electron.handlers.get('api')!(event, method, input)) as Answer
}

describe("the save channel (main's save dialog for a download ticket)", () => {
  it('copies the file of a ticket the same window made to the path picked in the dialog', async () => {
    await callApi('auth.login', { username: 'beheerder', password: 'Zonnebloem-veld-42' })
    const { id } = await app.call('households.create', householdInput())
    const made = await callApi('subjects.export', { kind: 'household', id, format: 'pdf' })
    expect(made.ok).toBe(true)
    electron.choose = join(app.dir, 'gekozen.pdf')
    const saved = await electron.handlers.get('save')!(eventFrom(APP_PAGE), made.value.ticket)
    expect(saved).toEqual({ ok: true, value: { saved: true } })
    // The dialog opens in Downloads with the file's own name; the page never names a path.
    expect(electron.dialogs).toEqual([
      expect.objectContaining({ defaultPath: `/home/bea/downloads/${made.value.filename}` }),
    ])
    expect(readFileSync(electron.choose).subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('refuses a page that is not the app, before any dialog, and keeps the ticket', async () => {
    await callApi('auth.login', { username: 'beheerder', password: 'Zonnebloem-veld-42' })
    const { id } = await app.call('households.create', householdInput())
    const made = await callApi('subjects.export', { kind: 'household', id, format: 'json' })
    electron.choose = join(app.dir, 'gestolen.json')
    const foreign = await electron.handlers.get('save')!(
      eventFrom('https://evil.example/'),
      made.value.ticket,
    )
    expect(foreign).toEqual({ ok: false, error: { code: 'FORBIDDEN', key: 'forbidden' } })
    expect(electron.dialogs).toEqual([])
    expect(existsSync(electron.choose)).toBe(false)
    // Another window of the app has its own session: it cannot save this window's ticket.
    const other = await electron.handlers.get('save')!(eventFrom(APP_PAGE, 2), made.value.ticket)
    expect(other).toEqual({ ok: false, error: { code: 'NOT_FOUND', key: 'downloadGone' } })
    expect(electron.dialogs).toEqual([])
    const own = await electron.handlers.get('save')!(eventFrom(APP_PAGE), made.value.ticket)
    expect(own).toEqual({ ok: true, value: { saved: true } })
  })

  it('gives the page exactly two functions: a call, and saving a ticket by its text', async () => {
    await import('../../src/preload/index')
    expect(Object.keys(electron.exposed!).sort()).toEqual(['call', 'save'])
    await electron.exposed!.save('T'.repeat(43))
    expect(electron.invoked).toEqual([['save', 'T'.repeat(43)]])
  })
})
