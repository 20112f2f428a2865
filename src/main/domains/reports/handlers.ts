import type { Slice } from '../slice'
import {
  freezeReport,
  frozenFile,
  frozenReport,
  listSubmissions,
  subsidyFile,
  type FilesContext,
} from './submissions'
import {
  compareReports,
  reportSettings,
  saveExplanation,
  saveNarrative,
  setTargets,
  subsidyReport,
  teamDashboard,
  updateReportSettings,
} from './subsidy'

export const REPORTS_PREFIXES = ['reports'] as const

export const reportsHandlers: Slice<(typeof REPORTS_PREFIXES)[number], FilesContext> = {
  'reports.subsidy': subsidyReport,
  'reports.settings': reportSettings,
  'reports.updateSettings': updateReportSettings,
  'reports.setTargets': setTargets,
  'reports.saveNarrative': saveNarrative,
  'reports.saveExplanation': saveExplanation,
  'reports.subsidyFile': subsidyFile,
  // The names the issue fixed: the same files as subsidyFile, one method per kind.
  'reports.subsidyPdf': (ctx, input) => subsidyFile(ctx, { ...input, format: 'pdf' }),
  'reports.subsidyExport': subsidyFile,
  'reports.freeze': freezeReport,
  'reports.submissions': listSubmissions,
  'reports.frozen': frozenReport,
  'reports.frozenFile': frozenFile,
  'reports.compare': compareReports,
  'reports.dashboard': teamDashboard,
}
