import { join } from 'node:path'
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  type IpcMainInvokeEvent,
  type WebContents,
} from 'electron'
import type { Router } from './router'
import type { Caller } from './domains/accounts/auth'
import { isTrustedSender, senderFrameInfo } from './security'
import { saveDownload } from './downloads/save'

export const API_CHANNEL = 'api'
/**
 * The second, narrow channel: "save the file of download ticket X". The page sends a ticket and
 * gets `{ saved }`; main asks where with its own dialog and copies the file as a stream, so the
 * page never sees a path and a large backup never crosses IPC.
 */
export const SAVE_CHANNEL = 'save'

/**
 * Connects the one IPC channel to the router, after checking who is calling. Each window holds
 * its own session in main: the renderer never sees a session token, and closing the window
 * logs its user out.
 */
export function registerApi(
  router: Router,
  workstation: string,
  allowed: { devServerUrl?: string },
): void {
  const callers = new Map<number, Caller>()
  const callerOf = (contents: WebContents): Caller => {
    let caller = callers.get(contents.id)
    if (!caller) {
      const created: Caller = { sessionId: null, workstation }
      callers.set(contents.id, created)
      contents.once('destroyed', () => {
        callers.delete(contents.id)
        if (created.sessionId) void router.call(created, 'auth.logout', {})
      })
      caller = created
    }
    return caller
  }
  ipcMain.handle(
    API_CHANNEL,
    async (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
      const sender = senderFrameInfo(event.senderFrame, event.sender.mainFrame)
      if (!isTrustedSender(sender, allowed)) {
        return { ok: false, error: { code: 'FORBIDDEN', key: 'forbidden' } }
      }
      return router.call(callerOf(event.sender), String(method), input)
    },
  )
  ipcMain.handle(SAVE_CHANNEL, async (event: IpcMainInvokeEvent, ticket: unknown) => {
    const sender = senderFrameInfo(event.senderFrame, event.sender.mainFrame)
    if (!isTrustedSender(sender, allowed)) {
      return { ok: false, error: { code: 'FORBIDDEN', key: 'forbidden' } }
    }
    const contents = event.sender
    return saveDownload(router, callerOf(contents), ticket, async (filename) => {
      const options = {
        title: 'Bestand opslaan',
        defaultPath: join(app.getPath('downloads'), filename),
      }
      const window = BrowserWindow.fromWebContents(contents)
      const picked = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options)
      return picked.canceled || !picked.filePath ? null : picked.filePath
    })
  })
}
