import type { ReportSection } from '../../../../shared/schemas/reports'
import './texts'

export { figureRowLabel, figureText } from './figure-format'

/** The key of a report section's name, as the report screen shows it (its texts come with it). */
export function reportSectionKey(section: ReportSection): string {
  return `reports.sections.${section}`
}
