// What other features use of the oefenomgeving and the first run. Its texts come with it.
import './texts'

export { WorkshopBand, BAND_HEIGHT } from './band'
export { WorkshopContext, useWorkshop, isDemo, type WorkshopApi } from './status'
export { SwitchModal } from './switch-modal'
export { PreparingScreen } from './preparing-screen'
export { DemoLogins } from './demo-logins'
export { WorkshopMenuItems } from './workshop-menu'
export { FirstStepsChecklist } from './first-steps'
