import type { ServiceContext } from '../../context'
import type { Slice } from '../slice'
import { letterHandlers } from './letter-handlers'
import type { LetterContext } from './letters'
import {
  addEntry,
  assign,
  close,
  complaintDeadlines,
  complaintLateCount,
  createComplaint,
  decide,
  escalate,
  extend,
  getComplaint,
  listComplaints,
  measureDone,
  proposeHandler,
  reopen,
} from './complaints'
import {
  complaintAccounts,
  complaintSettings,
  createCategory,
  listCategories,
  setManager,
  updateCategory,
  updateComplaintSettings,
} from './settings'

export const COMPLAINTS_PREFIXES = ['complaints'] as const

type CoreMethods =
  | 'complaints.create'
  | 'complaints.get'
  | 'complaints.list'
  | 'complaints.addEntry'
  | 'complaints.escalate'
  | 'complaints.assign'
  | 'complaints.extend'
  | 'complaints.decide'
  | 'complaints.close'
  | 'complaints.reopen'
  | 'complaints.measureDone'
  | 'complaints.deadlines'
  | 'complaints.lateCount'
  | 'complaints.proposeHandler'
  | 'complaints.accounts'
  | 'complaints.setManager'
  | 'complaints.categories'
  | 'complaints.createCategory'
  | 'complaints.updateCategory'
  | 'complaints.settings'
  | 'complaints.updateSettings'

/** The complaint itself, its timeline, terms and settings (letters and the report: letter-handlers). */
export const complaintsCoreHandlers: Pick<
  Slice<(typeof COMPLAINTS_PREFIXES)[number], ServiceContext>,
  CoreMethods
> = {
  'complaints.create': createComplaint,
  'complaints.get': getComplaint,
  'complaints.list': listComplaints,
  'complaints.addEntry': addEntry,
  'complaints.escalate': escalate,
  'complaints.assign': assign,
  'complaints.extend': extend,
  'complaints.decide': decide,
  'complaints.close': close,
  'complaints.reopen': reopen,
  'complaints.measureDone': measureDone,
  'complaints.deadlines': (ctx) => complaintDeadlines(ctx),
  'complaints.lateCount': (ctx) => complaintLateCount(ctx),
  'complaints.proposeHandler': proposeHandler,
  'complaints.accounts': (ctx) => complaintAccounts(ctx),
  'complaints.setManager': setManager,
  'complaints.categories': listCategories,
  'complaints.createCategory': createCategory,
  'complaints.updateCategory': updateCategory,
  'complaints.settings': (ctx) => complaintSettings(ctx),
  'complaints.updateSettings': updateComplaintSettings,
}

/** The whole `complaints` slice: a method of the contract without its handler does not compile. */
export const complaintsHandlers: Slice<(typeof COMPLAINTS_PREFIXES)[number], LetterContext> = {
  ...complaintsCoreHandlers,
  ...letterHandlers,
}
