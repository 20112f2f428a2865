import { Notifications } from '@mantine/notifications'

// The container's styles are in common/all-styles.ts, read in with it through load-part.ts: an
// import of them here would keep this module in the login screen's bundle.

/** The width of the side menu (the app shell's navbar). */
export const SIDE_MENU_WIDTH = 220

/** Messages sit inside the side menu's width, from its left edge less the container's margin. */
const MESSAGE_WIDTH = SIDE_MENU_WIDTH - 24

/** How long a message stays before it closes by itself. */
export const NOTIFICATION_MS = 5000

/**
 * Where messages show. Messages are short-lived news, never where the user acts: at the bottom
 * right they sat over a form's Opslaan and Annuleren, and a pointer resting there paused every
 * one of them for as long as it rested. At the top they would cover the lock button and menu
 * (right) or a dialog's title (centre, where dialogs open). The bottom left is below the side
 * menu, clear of forms' buttons (right-aligned) and dialogs, and no wider than the menu: wider,
 * they covered the first columns of the call list and other long lists. Each closes by itself, a pointer
 * pauses only the one under it, and no more than three show at once. Errors about input are
 * shown in the form itself.
 */
export function Messages(): React.JSX.Element {
  return (
    <Notifications
      position="bottom-left"
      autoClose={NOTIFICATION_MS}
      pauseResetOnHover="notification"
      limit={3}
      containerWidth={MESSAGE_WIDTH}
    />
  )
}
