/** What other screens use of the areas tree: the field that picks an area for a report. */
export { AreaField } from './area-field'
