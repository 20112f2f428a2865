import { useSyncExternalStore } from 'react'
import { call, onRefusal } from '../../api'
import { useSession } from '../../common/hooks/use-session'
import type { ShopSettings } from '../../../../shared/schemas/shop'

/** The admin's switches for the volunteer role, as main names them (`volunteerMay` in counter.ts). */
export type ShopRight = 'book' | 'recordConversation' | 'seeHistory'

const RIGHT_SETTING = {
  book: 'volunteerMayBook',
  recordConversation: 'volunteerMayRecordConversation',
  seeHistory: 'volunteerMaySeeHistory',
} as const satisfies Record<ShopRight, keyof ShopSettings>

// One copy of the settings for every screen of this window, so a refresh reaches all of them.
let current: ShopSettings | null = null
let generation = 0
const listeners = new Set<() => void>()

function emit(): void {
  listeners.forEach((l) => l())
}

/**
 * Reads the switches from main again and tells every screen that uses them. Called after main
 * refused something with `volunteerRightOff` (the admin turned a switch off meanwhile), and by
 * screens that want the latest answer.
 */
export function refreshShopRights(): Promise<void> {
  const mine = ++generation
  return call('settings.get', {}).then(
    (settings) => {
      // An older answer arriving after a newer request must not win.
      if (mine !== generation) return
      current = settings
      emit()
    },
    () => {
      // Keep what we knew; main refuses what is not allowed anyway.
    },
  )
}

// Main is the judge: whichever screen hears `volunteerRightOff`, every screen re-reads the switches.
onRefusal((error) => {
  if (error.key === 'volunteerRightOff' && listeners.size > 0) void refreshShopRights()
})

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  // The first screen to ask loads the switches; a later login reads them afresh.
  if (listeners.size === 1) void refreshShopRights()
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0) {
      current = null
      generation++
    }
  }
}

function snapshot(): ShopSettings | null {
  return current
}

const noSubscription = (): (() => void) => () => {}
const noSettings = (): null => null

/**
 * Whether the person at the screen may do what a volunteer switch governs: always for staff;
 * for a volunteer the admin's switch, `null` while it loads. Only decides what the screen offers:
 * main applies the same switch on every call.
 */
export function useShopRight(right: ShopRight): boolean | null {
  const volunteer = useSession().user.role === 'volunteer'
  // Staff never need the switches, so they do not load them.
  const settings = useSyncExternalStore(
    volunteer ? subscribe : noSubscription,
    volunteer ? snapshot : noSettings,
  )
  if (!volunteer) return true
  return settings ? settings[RIGHT_SETTING[right]] : null
}
