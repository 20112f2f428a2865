import { screen, type BrowserWindow } from 'electron'
import type { ComputerSettings } from './store'
import { boundsToRemember, windowPlacement, type WindowPlacement } from './window-placement'

/**
 * The window's size and place as it was last closed on this computer, if that is on a display
 * now (see windowPlacement, unit tested). Only after `app` is ready: `screen` needs it.
 */
export function rememberedPlacement(
  settings: ComputerSettings | null,
  defaultSize: { width: number; height: number },
): WindowPlacement {
  const displays = screen.getAllDisplays().map((d) => d.workArea)
  return windowPlacement(settings?.get('window') ?? null, displays, defaultSize)
}

/** Keeps the window's size and place when it closes, for the next start. */
export function rememberPlacementOnClose(
  win: BrowserWindow,
  settings: ComputerSettings | null,
): void {
  win.on('close', () => {
    try {
      settings?.set('window', boundsToRemember(win.getNormalBounds(), win.isMaximized()))
    } catch (err) {
      // A full disk must not keep the window from closing; it opens at the default next time.
      console.error('Could not remember the window', err)
    }
  })
}
