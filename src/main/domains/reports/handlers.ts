import type { Slice } from '../slice'
import {
  reportSettings,
  saveExplanation,
  saveNarrative,
  setTargets,
  subsidyReport,
  updateReportSettings,
  type ReportContext,
} from './subsidy'

export const REPORTS_PREFIXES = ['reports'] as const

export const reportsHandlers: Slice<(typeof REPORTS_PREFIXES)[number], ReportContext> = {
  'reports.subsidy': subsidyReport,
  'reports.settings': reportSettings,
  'reports.updateSettings': updateReportSettings,
  'reports.setTargets': setTargets,
  'reports.saveNarrative': saveNarrative,
  'reports.saveExplanation': saveExplanation,
}
