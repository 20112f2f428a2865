/** What other screens use of the volunteers domain: the half-day grid, the contact log, a chart. */
export { AvailabilityGrid, sortSlots, type WeekSlot } from './availability-grid'
export { PersonContacts } from './person-contacts'
export { ScoreChart } from './score-chart'
export { FigureCard } from './figure-card'
