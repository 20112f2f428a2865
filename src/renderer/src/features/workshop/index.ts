// What other features use of the oefenomgeving and the first run; its texts come with it. All of
// it is in the login screen's bundle, so the user menu's part (workshop-menu.tsx, with the
// method table and the dialogs) is imported by the app shell itself.
import './texts'

export { WorkshopBand, BAND_HEIGHT } from './band'
export { WorkshopContext, useWorkshop, isDemo, type WorkshopApi } from './status'
export { SwitchModal } from './switch-modal'
export { PreparingScreen } from './preparing-screen'
export { DemoLogins } from './demo-logins'
export { FirstStepsChecklist } from './first-steps'
