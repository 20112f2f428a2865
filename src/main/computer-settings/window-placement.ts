import type { WindowBounds } from './store'

/** A rectangle on the desktop, as Electron's `Display.workArea` gives it. */
export interface Area {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowPlacement {
  /** Without x and y, Electron centres the window on the main display. */
  bounds: { x?: number; y?: number; width: number; height: number }
  maximized: boolean
}

/** The part of the window's top edge (its title bar) that must be on a display to grab it. */
const GRIP_HEIGHT = 32
const GRIP_MIN_WIDTH = 100

function overlap(a: Area, b: Area): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  }
}

/**
 * Where the window opens: where it was last closed, if its title bar is still on one of the
 * displays now (a laptop taken away from its second screen would otherwise open the app out of
 * sight, with no way to drag it back), made no larger than that display. Otherwise the default
 * size, centred. A window closed maximised opens maximised either way.
 */
export function windowPlacement(
  saved: WindowBounds | null,
  displays: readonly Area[],
  defaultSize: { width: number; height: number },
): WindowPlacement {
  if (!saved) return { bounds: { ...defaultSize }, maximized: false }
  const grip: Area = { x: saved.x, y: saved.y, width: saved.width, height: GRIP_HEIGHT }
  const display = displays.find((d) => {
    const o = overlap(grip, d)
    return o.width >= Math.min(GRIP_MIN_WIDTH, saved.width) && o.height >= GRIP_HEIGHT / 2
  })
  if (!display) return { bounds: { ...defaultSize }, maximized: saved.maximized }
  return {
    bounds: {
      x: saved.x,
      y: saved.y,
      width: Math.min(saved.width, display.width),
      height: Math.min(saved.height, display.height),
    },
    maximized: saved.maximized,
  }
}

/** What is remembered of a window at closing: its normal (unmaximised) place, in whole pixels. */
export function boundsToRemember(normal: Area, maximized: boolean): WindowBounds {
  return {
    x: Math.round(normal.x),
    y: Math.round(normal.y),
    width: Math.round(normal.width),
    height: Math.round(normal.height),
    maximized,
  }
}
