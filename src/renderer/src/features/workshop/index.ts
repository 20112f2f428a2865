// What other features use of the oefenomgeving and the first run; its texts come with it. The
// band and the status are in the login screen's bundle. The dialogs and screens shown only while
// switching, preparing or in the demo are read in when first shown (`lazy-parts.tsx`), so the
// login screen of real data loads none of them. The user menu's part (workshop-menu.tsx) is imported by the app shell itself.
import './texts'

export { WorkshopBand, BAND_HEIGHT } from './band'
export { WorkshopContext, useWorkshop, isDemo, type WorkshopApi } from './status'
export { SwitchModal, PreparingScreen, DemoLogins } from './lazy-parts'
