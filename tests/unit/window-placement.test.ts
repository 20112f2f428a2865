import { describe, expect, it } from 'vitest'
import {
  boundsToRemember,
  windowPlacement,
} from '../../src/main/computer-settings/window-placement'

const DEFAULT = { width: 1280, height: 860 }
const LAPTOP = { x: 0, y: 0, width: 1920, height: 1040 }
/** A second screen to the left of the laptop's. */
const LEFT_SCREEN = { x: -2560, y: 0, width: 2560, height: 1400 }

describe('where the window opens', () => {
  it('opens at the default size, centred, the first time', () => {
    expect(windowPlacement(null, [LAPTOP], DEFAULT)).toEqual({
      bounds: DEFAULT,
      maximized: false,
    })
  })

  it('opens where it was closed when that place is on a display', () => {
    const saved = { x: -2000, y: 100, width: 1500, height: 1000, maximized: false }
    expect(windowPlacement(saved, [LAPTOP, LEFT_SCREEN], DEFAULT)).toEqual({
      bounds: { x: -2000, y: 100, width: 1500, height: 1000 },
      maximized: false,
    })
  })

  it('opens centred at the default size when that display is gone, maximised if it was', () => {
    const saved = { x: -2000, y: 100, width: 1500, height: 1000, maximized: true }
    expect(windowPlacement(saved, [LAPTOP], DEFAULT)).toEqual({
      bounds: DEFAULT,
      maximized: true,
    })
  })

  it('does not open with its title bar above or below every display', () => {
    const above = { x: 100, y: -600, width: 1200, height: 800, maximized: false }
    const below = { x: 100, y: 1030, width: 1200, height: 800, maximized: false }
    expect(windowPlacement(above, [LAPTOP], DEFAULT).bounds).toEqual(DEFAULT)
    expect(windowPlacement(below, [LAPTOP], DEFAULT).bounds).toEqual(DEFAULT)
  })

  it('does not open with only a sliver of the title bar on a display', () => {
    const sliver = { x: 1880, y: 100, width: 1200, height: 800, maximized: false }
    expect(windowPlacement(sliver, [LAPTOP], DEFAULT).bounds).toEqual(DEFAULT)
    const enough = { ...sliver, x: 1700 }
    expect(windowPlacement(enough, [LAPTOP], DEFAULT).bounds).toMatchObject({ x: 1700 })
  })

  it('is made no larger than the display it opens on', () => {
    const saved = { x: 10, y: 10, width: 2500, height: 1380, maximized: false }
    expect(windowPlacement(saved, [LAPTOP], DEFAULT).bounds).toEqual({
      x: 10,
      y: 10,
      width: 1920,
      height: 1040,
    })
  })

  it('remembers whole pixels and whether it was maximised', () => {
    expect(boundsToRemember({ x: 10.4, y: -3.6, width: 1279.5, height: 860 }, true)).toEqual({
      x: 10,
      y: -4,
      width: 1280,
      height: 860,
      maximized: true,
    })
  })
})
