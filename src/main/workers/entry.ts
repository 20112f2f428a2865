import { renderSubjectFileTask } from '../domains/subjects/render-task'
import { writeAuditCsvTask } from '../domains/audit/export-task'
import { verifyChainTask } from '../domains/audit/verify-task'
import { runInWorker } from './run-in-worker'
import type { TaskDefinition } from './task'
import { checkBackupTask, resealBackupTask, writeBackupTask } from '../vault/backup-tasks'
import { startupCheckTask } from '../vault/startup-check'
import { checkpointTask } from '../vault/checkpoint-task'
import { shopStatsTask, shopTotalsTask } from '../domains/shop/stats-task'
import { intakeFormTask } from '../domains/shop/intake-form-task'
import { quickGuideTask } from '../domains/help/quick-guide-task'
import { howWeMatchTask } from '../domains/volunteers/how-we-match-task'
import { annualReportPdfTask, complaintLetterTask } from '../domains/complaints/letter-task'
import { volunteersStatsTask } from '../domains/volunteers/stats-task'
import { matchForVacancyTask } from '../domains/volunteers/matching-task'
import { helpCandidatesTask } from '../domains/support/help-matching-task'
import { retentionDueTask } from '../domains/retention/due-task'
import { subsidyFiguresTask } from '../domains/reports/figures-task'
import { subsidyPdfTask } from '../domains/reports/pdf-task'
import { writeListFileTask } from '../domains/exports/export-task'
import { readImportFileTask } from '../domains/imports/read-task'
import { seedDemoTask } from '../domains/workshop/seed-task'

/**
 * The worker thread's entry (built as out/main/worker.js): every task the app runs off main's
 * thread is listed here, like the handler map in router.ts. A task not listed cannot be run.
 */
const TASKS: readonly TaskDefinition<never, unknown>[] = [
  verifyChainTask,
  writeBackupTask,
  checkBackupTask,
  resealBackupTask,
  startupCheckTask,
  checkpointTask,
  shopStatsTask,
  shopTotalsTask,
  volunteersStatsTask,
  matchForVacancyTask,
  helpCandidatesTask,
  retentionDueTask,
  subsidyFiguresTask,
  readImportFileTask,
]

// Files made for the user to save (see src/main/downloads): exports written off main's thread.
runInWorker([
  ...TASKS,
  renderSubjectFileTask,
  writeAuditCsvTask,
  writeListFileTask,
  intakeFormTask,
  quickGuideTask,
  howWeMatchTask,
  complaintLetterTask,
  annualReportPdfTask,
  subsidyPdfTask,
  // The oefenomgeving's demo data (workshop mode), made anew at its reset.
  seedDemoTask,
])
