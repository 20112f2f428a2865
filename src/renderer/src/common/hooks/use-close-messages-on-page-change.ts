import { useEffect, useRef } from 'react'
import { notifications, notificationsStore } from '@mantine/notifications'

/**
 * A message shown this shortly before the page changes belongs to the step that changed it
 * ("Bezoek geregistreerd", then the dashboard), so it stays on the next page.
 */
export const FRESH_MESSAGE_MS = 1000

/** When each message (by id) first appeared: a page change closes only the older ones. */
const shownAt = new Map<string, number>()

function noteNewMessages(): void {
  const { notifications: shown, queue } = notificationsStore.getState()
  const live = new Set<string>()
  for (const n of [...shown, ...queue]) {
    if (!n.id) continue
    live.add(n.id)
    if (!shownAt.has(n.id)) shownAt.set(n.id, Date.now())
  }
  for (const id of shownAt.keys()) if (!live.has(id)) shownAt.delete(id)
}

/**
 * Closes the messages of the page being left when `path` changes: a warning about one family
 * followed the user onto the next screen and covered its form.
 */
export function useCloseMessagesOnPageChange(path: string): void {
  useEffect(() => {
    noteNewMessages()
    return notificationsStore.subscribe(noteNewMessages)
  }, [])
  const previous = useRef(path)
  useEffect(() => {
    if (previous.current === path) return
    previous.current = path
    noteNewMessages()
    const cutoff = Date.now() - FRESH_MESSAGE_MS
    const { notifications: shown, queue } = notificationsStore.getState()
    for (const n of [...shown, ...queue])
      if (n.id && (shownAt.get(n.id) ?? 0) < cutoff) notifications.hide(n.id)
  }, [path])
}
