import type { Migration } from 'kysely'
import * as m0001 from './0001-shop'
import * as m0002 from './0002-accounts'
import * as m0003 from './0003-retention'
import * as m0004 from './0004-audit-no-replace'
import * as m0005 from './0005-search-fold'
import * as m0006 from './0006-call-list-contact'
import * as m0007 from './0007-audit-subject'
import * as m0008 from './0008-visit-span'
import * as m0009 from './0009-audit-scale'
import * as m0010 from './0010-partners'
import * as m0011 from './0011-visit-conversation'
import * as m0012 from './0012-intake-problems'
import * as m0013 from './0013-collections'
import * as m0014 from './0014-volunteers'
import * as m0015 from './0015-volunteer-figures'
import * as m0016 from './0016-complaints'
import * as m0017 from './0017-complaint-letters'
import * as m0018 from './0018-complaint-entry-replace'
import * as m0019 from './0019-volunteer-speed'
import * as m0020 from './0020-volunteer-figures-speed'
import * as m0021 from './0021-placement-board'
import * as m0022 from './0022-volunteer-figures-kept'
import * as m0023 from './0023-register-change-person-group'
import * as m0024 from './0024-register-per-person'
import * as m0025 from './0025-subsidy-report'
import * as m0026 from './0026-report-figures-kept'
import * as m0027 from './0027-household-year'
import * as m0028 from './0028-progress-by-day'
import * as m0029 from './0029-household-year-items'
import * as m0030 from './0030-trainings'
import * as m0031 from './0031-support'
import * as m0032 from './0032-outcomes'
import * as m0033 from './0033-marital-status'
import * as m0034 from './0034-areas'
import * as m0035 from './0035-trajectory-indexes'
import * as m0036 from './0036-imports'
import * as m0037 from './0037-support-figure-indexes'
import * as m0038 from './0038-report-cold-indexes'
import * as m0039 from './0039-complaint-decided-index'
import * as m0040 from './0040-member-search-name'

/**
 * Every migration, in order, listed by hand: a bundled main process cannot scan a folder.
 * Names never change once released.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-shop': m0001,
  '0002-accounts': m0002,
  '0003-retention': m0003,
  '0004-audit-no-replace': m0004,
  '0005-search-fold': m0005,
  '0006-call-list-contact': m0006,
  '0007-audit-subject': m0007,
  '0008-visit-span': m0008,
  '0009-audit-scale': m0009,
  '0010-partners': m0010,
  '0011-visit-conversation': m0011,
  '0012-intake-problems': m0012,
  '0013-collections': m0013,
  '0014-volunteers': m0014,
  '0015-volunteer-figures': m0015,
  '0016-complaints': m0016,
  '0017-complaint-letters': m0017,
  '0018-complaint-entry-replace': m0018,
  '0019-volunteer-speed': m0019,
  '0020-volunteer-figures-speed': m0020,
  '0021-placement-board': m0021,
  '0022-volunteer-figures-kept': m0022,
  '0023-register-change-person-group': m0023,
  '0024-register-per-person': m0024,
  '0025-subsidy-report': m0025,
  '0026-report-figures-kept': m0026,
  '0027-household-year': m0027,
  '0028-progress-by-day': m0028,
  '0029-household-year-items': m0029,
  '0030-trainings': m0030,
  '0031-support': m0031,
  '0032-outcomes': m0032,
  '0033-marital-status': m0033,
  '0034-areas': m0034,
  '0035-trajectory-indexes': m0035,
  '0036-imports': m0036,
  '0037-support-figure-indexes': m0037,
  '0038-report-cold-indexes': m0038,
  '0039-complaint-decided-index': m0039,
  '0040-member-search-name': m0040,
}
