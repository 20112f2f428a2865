import type { ListExportWords } from '../../../shared/i18n/list-exports'
import type { ExportList, ExportsListParsed } from '../../../shared/schemas/exports'
import type { Db } from '../../context'
import type { ColumnKind, TableColumn, TableRow } from '../../export/table'
import { activityListPage, countActivities } from '../activities/queries'
import { complaintListPage, countComplaints } from '../complaints/list-queries'
import {
  countHouseholds,
  countVisits,
  householdListPage,
  visitListPage,
} from '../shop/list-queries'
import {
  countPeople,
  countPlacements,
  hoursGridPage,
  peopleListPage,
  placementListPage,
} from '../volunteers/list-queries'

/** Rows read per batch: one query each, with progress and a chance to cancel in between. */
export const BATCH = 2000

type Input<L extends ExportList> = Extract<ExportsListParsed, { list: L }>

/** One exported list: its columns and how its rows are counted and read, by its own domain. */
interface ListSource<L extends ExportList> {
  /** Column keys with their kind; the headings come from the words. */
  columns: [keyof ListExportWords['columns'][L] & string, ColumnKind][]
  count(db: Db, input: Input<L>, today: string): Promise<number>
  /** The rows in the screen's order, a batch at a time, with codes put into words. */
  batches(db: Db, input: Input<L>, today: string, w: ListExportWords): AsyncGenerator<TableRow[]>
}

/** Reads `page(offset, limit)` until a short page: for lists that page by offset. */
async function* byOffset<T>(
  page: (offset: number, limit: number) => Promise<T[]>,
  row: (r: T) => TableRow,
): AsyncGenerator<TableRow[]> {
  for (let offset = 0; ; offset += BATCH) {
    const rows = await page(offset, BATCH)
    if (rows.length) yield rows.map(row)
    if (rows.length < BATCH) return
  }
}

const yesNo = (w: ListExportWords, v: boolean): string => (v ? w.yes : w.no)

/** `2026-11` as the screen names it: "november 2026" (or "November 2026" in English). */
function monthName(month: string, w: ListExportWords): string {
  const [y, m] = month.split('-').map(Number)
  return new Intl.DateTimeFormat(w.locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y!, m! - 1, 1)))
}

const SOURCES: { [L in ExportList]: ListSource<L> } = {
  households: {
    columns: [
      ['reference', 'text'],
      ['contactName', 'text'],
      ['street', 'text'],
      ['houseNumber', 'text'],
      ['postcode', 'text'],
      ['city', 'text'],
      ['district', 'text'],
      ['phone', 'text'],
      ['email', 'text'],
      ['incomeSource', 'text'],
      ['status', 'text'],
      ['eligibleUntil', 'date'],
      ['members', 'integer'],
      ['children', 'integer'],
      ['lastVisitOn', 'date'],
      ['registeredOn', 'date'],
      ['anonymised', 'text'],
    ],
    count: (db, input) => countHouseholds(db, input),
    batches: (db, input, today, w) =>
      byOffset(
        (offset, limit) => householdListPage(db, input, today, offset, limit),
        (r) => ({
          ...r,
          incomeSource:
            w.income[r.incomeSource as keyof ListExportWords['income']] ?? r.incomeSource,
          status: w.householdStatus[r.status as 'active' | 'inactive'] ?? r.status,
          anonymised: yesNo(w, r.anonymised),
        }),
      ),
  },
  visits: {
    columns: [
      ['date', 'date'],
      ['reference', 'text'],
      ['contactName', 'text'],
      ['district', 'text'],
      ['byAppointment', 'text'],
      ['items', 'integer'],
      ['servedBy', 'text'],
    ],
    count: (db, input) => countVisits(db, input),
    async *batches(db, input, _today, w) {
      let after: { date: string; id: number } | null = null
      for (;;) {
        const rows = await visitListPage(db, input, after, BATCH)
        if (rows.length)
          yield rows.map(({ id: _id, byAppointment, ...r }) => ({
            ...r,
            byAppointment: yesNo(w, byAppointment),
          }))
        if (rows.length < BATCH) return
        const last = rows[rows.length - 1]
        after = { date: last.date, id: last.id }
      }
    },
  },
  people: {
    columns: [
      ['reference', 'text'],
      ['firstName', 'text'],
      ['lastName', 'text'],
      ['gender', 'text'],
      ['birthYear', 'integer'],
      ['phone', 'text'],
      ['email', 'text'],
      ['address', 'text'],
      ['postcode', 'text'],
      ['place', 'text'],
      ['district', 'text'],
      ['programme', 'text'],
      ['status', 'text'],
      ['registeredOn', 'date'],
      ['intakeOn', 'date'],
      ['outflowKind', 'text'],
      ['outflowOn', 'date'],
      ['anonymised', 'text'],
    ],
    count: (db, input) => countPeople(db, input),
    batches: (db, input, _today, w) =>
      byOffset(
        (offset, limit) => peopleListPage(db, input, offset, limit),
        (r) => ({
          ...r,
          gender: w.gender[r.gender as keyof ListExportWords['gender']] ?? r.gender,
          status: w.personStatus[r.status as keyof ListExportWords['personStatus']] ?? r.status,
          outflowKind:
            r.outflowKind === null
              ? null
              : (w.outflow[r.outflowKind as keyof ListExportWords['outflow']] ?? r.outflowKind),
          anonymised: yesNo(w, r.anonymised),
        }),
      ),
  },
  placements: {
    columns: [
      ['personReference', 'text'],
      ['personName', 'text'],
      ['vacancy', 'text'],
      ['host', 'text'],
      ['step', 'text'],
      ['proposedOn', 'date'],
      ['introductionOn', 'date'],
      ['trialOn', 'date'],
      ['trialEndsOn', 'date'],
      ['placedOn', 'date'],
      ['endedOn', 'date'],
      ['declinedOn', 'date'],
    ],
    count: (db, input) => countPlacements(db, input),
    batches: (db, input, _today, w) =>
      byOffset(
        (offset, limit) => placementListPage(db, input, offset, limit),
        (r) => ({ ...r, step: w.step[r.step as keyof ListExportWords['step']] ?? r.step }),
      ),
  },
  hours: {
    columns: [
      ['month', 'text'],
      ['reference', 'text'],
      ['name', 'text'],
      ['district', 'text'],
      ['vacancy', 'text'],
      ['host', 'text'],
      ['step', 'text'],
      ['hours', 'decimal'],
    ],
    async count(db, input) {
      const [first] = await hoursGridPage(db, input, 0, 1)
      return Number(first?.count ?? 0)
    },
    batches: (db, input, _today, w) =>
      byOffset(
        async (offset, limit) =>
          (await hoursGridPage(db, input, offset, limit)).filter((r) => r.personId !== null),
        (r) => ({
          month: monthName(input.month, w),
          reference: r.reference,
          name: r.name,
          district: r.district ?? null,
          vacancy: r.vacancyTitle ?? null,
          host: r.hostName ?? null,
          step: r.step ? (w.step[r.step as keyof ListExportWords['step']] ?? r.step) : null,
          hours: r.hours === null || r.hours === undefined ? null : Number(r.hours),
        }),
      ),
  },
  complaints: {
    columns: [
      ['number', 'text'],
      ['receivedOn', 'date'],
      ['channel', 'text'],
      ['complainantKind', 'text'],
      ['category', 'text'],
      ['aboutKind', 'text'],
      ['handler', 'text'],
      ['step', 'integer'],
      ['ackDueOn', 'date'],
      ['acknowledgedOn', 'date'],
      ['decisionDueOn', 'date'],
      ['decidedOn', 'date'],
      ['outcome', 'text'],
      ['closedOn', 'date'],
    ],
    count: (db, input) => countComplaints(db, input),
    batches: (db, input, _today, w) =>
      byOffset(
        (offset, limit) => complaintListPage(db, input, offset, limit),
        (r) => ({
          ...r,
          channel: w.channel[r.channel as keyof ListExportWords['channel']] ?? r.channel,
          complainantKind:
            w.complainantKind[r.complainantKind as keyof ListExportWords['complainantKind']] ??
            r.complainantKind,
          aboutKind: w.aboutKind[r.aboutKind as keyof ListExportWords['aboutKind']] ?? r.aboutKind,
          outcome:
            r.outcome === null
              ? null
              : (w.outcome[r.outcome as keyof ListExportWords['outcome']] ?? r.outcome),
        }),
      ),
  },
  activities: {
    columns: [
      ['date', 'date'],
      ['kind', 'text'],
      ['title', 'text'],
      ['participants', 'integer'],
      ['volunteers', 'integer'],
      ['area', 'text'],
      ['waitingList', 'integer'],
    ],
    count: (db, input) => countActivities(db, input),
    batches: (db, input, _today, w) =>
      byOffset(
        (offset, limit) => activityListPage(db, input, offset, limit),
        (r) => ({ ...r, kind: w.activityKind[r.kind] }),
      ),
  },
}

/** The list's columns with their headings in the words' language. */
export function listColumns(list: ExportList, w: ListExportWords): TableColumn[] {
  const headers = w.columns[list] as Record<string, string>
  return SOURCES[list].columns.map(([key, kind]) => ({ key, header: headers[key], kind }))
}

export function countList(db: Db, input: ExportsListParsed, today: string): Promise<number> {
  const source = SOURCES[input.list] as ListSource<ExportList>
  return source.count(db, input as never, today)
}

export function listBatches(
  db: Db,
  input: ExportsListParsed,
  today: string,
  w: ListExportWords,
): AsyncGenerator<TableRow[]> {
  const source = SOURCES[input.list] as ListSource<ExportList>
  return source.batches(db, input as never, today, w)
}
