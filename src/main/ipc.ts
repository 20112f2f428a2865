import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import type { Router } from './router'
import type { Session } from './services/context'
import { isTrustedSender } from './security'

export const API_CHANNEL = 'api'

/** Connects the one IPC channel to the router, after checking who is calling. */
export function registerApi(
  router: Router,
  session: () => Session,
  allowed: { indexFileUrl: string; devServerUrl?: string },
): void {
  ipcMain.handle(
    API_CHANNEL,
    async (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
      const frame = event.senderFrame
      const sender = frame ? { url: frame.url, isMainFrame: frame.parent === null } : null
      if (!isTrustedSender(sender, allowed)) {
        return { ok: false, error: { code: 'FORBIDDEN', key: 'forbidden' } }
      }
      return router.call(session(), String(method), input)
    },
  )
}
