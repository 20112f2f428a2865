import { z } from 'zod'
import { activitiesListInput } from './activities'
import { isoDate, optionalText } from './common'
import { complaintListInput } from './complaints'
import { householdSearchInput } from './household'
import { peopleSearchInput } from './volunteers'
import { hoursMonthInput } from './volunteers-followup'
import { placementListInput } from './volunteers-matching'

/** The lists a coordinator takes to a spreadsheet, each with the filters of its screen. */
export const EXPORT_LISTS = [
  'households',
  'visits',
  'people',
  'placements',
  'hours',
  'complaints',
  'activities',
] as const
export type ExportList = (typeof EXPORT_LISTS)[number]

export const LIST_FILE_FORMATS = ['csv', 'xlsx'] as const
export type ListFileFormat = (typeof LIST_FILE_FORMATS)[number]

const file = {
  format: z.enum(LIST_FILE_FORMATS, { error: 'v:invalidOption' }).default('xlsx'),
  /** The language of the headings and the words in the cells (a step, a channel, a kind). */
  language: z.enum(['nl', 'en'], { error: 'v:invalidOption' }).default('nl'),
}

/** Visits of a period, optionally of one district: the filters of the shop's figures screen. */
export const visitsExportFilter = z
  .object({ from: isoDate, to: isoDate, district: optionalText(80) })
  .refine((p) => p.from <= p.to, { error: 'v:periodOrder', path: ['to'] })

const page = { limit: true, offset: true } as const

/**
 * `exports.list`: one list with the filters its screen has, as CSV or .xlsx. Paging is not a
 * filter: the file holds every row that matches.
 */
export const exportsListInput = z.discriminatedUnion(
  'list',
  [
    householdSearchInput.omit(page).extend({ list: z.literal('households'), ...file }),
    visitsExportFilter.extend({ list: z.literal('visits'), ...file }),
    peopleSearchInput.omit(page).extend({ list: z.literal('people'), ...file }),
    placementListInput
      .omit({ ...page, perStep: true })
      .extend({ list: z.literal('placements'), ...file }),
    hoursMonthInput.omit(page).extend({ list: z.literal('hours'), ...file }),
    complaintListInput.omit(page).extend({ list: z.literal('complaints'), ...file }),
    activitiesListInput.extend({ list: z.literal('activities'), ...file }),
  ],
  { error: 'v:invalidOption' },
)
export type ExportsListInput = z.input<typeof exportsListInput>
export type ExportsListParsed = z.output<typeof exportsListInput>
