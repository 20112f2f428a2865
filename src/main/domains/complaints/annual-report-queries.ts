import { sql } from 'kysely'
import {
  COMPLAINT_CHANNELS,
  COMPLAINT_OUTCOMES,
  COMPLAINT_STEPS,
} from '../../../shared/schemas/complaints'
import type { AnnualComplaintsReport, ReportCount } from '../../../shared/schemas/complaints-report'
import type { Db } from '../../context'

/** Rows of a grouped count, with every code of the list present (0 when none). */
function complete(
  codes: readonly (string | number)[],
  rows: { code: unknown; n: number }[],
): ReportCount[] {
  const by = new Map(rows.map((r) => [String(r.code), Number(r.n)]))
  return codes.map((code) => ({ code: String(code), count: by.get(String(code)) ?? 0 }))
}

const round1 = (n: number): number => Math.round(n * 10) / 10

/**
 * Every figure of the annual complaints report, counted in SQL over the complaint rows (their
 * summary columns: step reached, due days, acknowledged, decided, outcome) and their measures.
 * Nothing here reads a name or a text typed about a complaint, so anonymising one changes none of
 * the figures. `today` decides only whether an acknowledgement never recorded is late yet.
 */
export async function annualReportFigures(
  db: Db,
  year: number,
  today: string,
  smallCellThreshold: number,
): Promise<AnnualComplaintsReport> {
  const figures = await complaintFigures(db, `${year}-01-01`, `${year}-12-31`, today)
  return { year, ...figures, smallCellThreshold }
}

/** The figures of any period, as the annual report counts a year (the subsidy report's too). */
export type ComplaintFigures = Omit<AnnualComplaintsReport, 'year' | 'smallCellThreshold'>

export async function complaintFigures(
  db: Db,
  from: string,
  to: string,
  today: string,
): Promise<ComplaintFigures> {
  const receivedIn = db
    .selectFrom('complaint')
    .where('receivedOn', '>=', from)
    .where('receivedOn', '<=', to)
  const decidedIn = db
    .selectFrom('complaint')
    .where('decidedOn', '>=', from)
    .where('decidedOn', '<=', to)

  const received = await receivedIn
    .select([
      sql<number>`count(*)`.as('received'),
      sql<number>`coalesce(sum(decided_on is null or decided_on > ${to}), 0)`.as('open'),
      sql<number>`coalesce(sum(
        (acknowledged_on is not null and acknowledged_on > ack_due_on)
        or (acknowledged_on is null and ack_due_on < ${today})), 0)`.as('lateAck'),
    ])
    .executeTakeFirstOrThrow()
  const decided = await decidedIn
    .select([
      sql<number>`count(*)`.as('decided'),
      sql<number>`coalesce(sum(decided_on > decision_due_on), 0)`.as('lateDecision'),
      sql<number>`coalesce(sum(extension_weeks > 0), 0)`.as('extended'),
      sql<number>`coalesce(sum(step = 3), 0)`.as('committee'),
      sql<number | null>`avg(julianday(decided_on) - julianday(received_on))`.as('mean'),
    ])
    .executeTakeFirstOrThrow()

  // The median: the middle one or two of the handling times in order.
  const n = Number(decided.decided)
  const middle = n
    ? await decidedIn
        .select(sql<number>`julianday(decided_on) - julianday(received_on)`.as('days'))
        .orderBy('days')
        .limit(n % 2 ? 1 : 2)
        .offset(Math.floor((n - 1) / 2))
        .execute()
    : []
  const median = middle.length
    ? middle.reduce((s, r) => s + Number(r.days), 0) / middle.length
    : null

  const byCategory = await db
    .selectFrom('complaintCategory as cat')
    .leftJoin('complaint as c', (j) =>
      j
        .onRef('c.categoryId', '=', 'cat.id')
        .on('c.receivedOn', '>=', from)
        .on('c.receivedOn', '<=', to),
    )
    .select(['cat.id', 'cat.name', sql<number>`count(c.id)`.as('count')])
    .groupBy('cat.id')
    // Inactive categories only when a complaint of the year has one.
    .having(sql<boolean>`max(cat.active) = 1 or count(c.id) > 0`)
    .orderBy('cat.sort')
    .orderBy('cat.name')
    .execute()

  const byStep = await receivedIn
    .select(['step as code', sql<number>`count(*)`.as('n')])
    .groupBy('step')
    .execute()
  const byChannel = await receivedIn
    .select(['channel as code', sql<number>`count(*)`.as('n')])
    .groupBy('channel')
    .execute()
  const byOutcome = await decidedIn
    .select(['outcome as code', sql<number>`count(*)`.as('n')])
    .groupBy('outcome')
    .execute()

  const measures = await db
    .selectFrom('complaintMeasure as m')
    .innerJoin('complaint as c', 'c.id', 'm.complaintId')
    .where('c.decidedOn', '>=', from)
    .where('c.decidedOn', '<=', to)
    .select([sql<number>`count(*)`.as('taken'), sql<number>`count(m.done_on)`.as('carriedOut')])
    .executeTakeFirstOrThrow()

  return {
    received: Number(received.received),
    decided: n,
    openAtYearEnd: Number(received.open),
    byCategory: byCategory.map((r) => ({ id: r.id, name: r.name, count: Number(r.count) })),
    byStep: complete(COMPLAINT_STEPS, byStep),
    byOutcome: complete(COMPLAINT_OUTCOMES, byOutcome),
    byChannel: complete(COMPLAINT_CHANNELS, byChannel),
    handlingDays: {
      mean: decided.mean === null ? null : round1(Number(decided.mean)),
      median: median === null ? null : round1(median),
    },
    lateAcknowledgements: Number(received.lateAck),
    lateDecisions: Number(decided.lateDecision),
    extended: Number(decided.extended),
    committee: Number(decided.committee),
    measures: {
      taken: Number(measures.taken),
      carriedOut: Number(measures.carriedOut),
      notCarriedOut: Number(measures.taken) - Number(measures.carriedOut),
    },
  }
}

/**
 * The days on which `complaintFigures` of a period gives what it gives on `today`: `today` moves
 * only the late acknowledgements never recorded (due before the day), so every day after the
 * latest such due day before `today` (null: none) up to the first due day on or after it (null:
 * none) counts the same. Lets a kept count serve another day.
 */
export async function sameFiguresDays(
  db: Db,
  from: string,
  to: string,
  today: string,
): Promise<{ after: string | null; until: string | null }> {
  const r = await db
    .selectFrom('complaint')
    .select([
      sql<string | null>`max(case when ack_due_on < ${today} then ack_due_on end)`.as('after'),
      sql<string | null>`min(case when ack_due_on >= ${today} then ack_due_on end)`.as('until'),
    ])
    .where('receivedOn', '>=', from)
    .where('receivedOn', '<=', to)
    .where('acknowledgedOn', 'is', null)
    .executeTakeFirst()
  return { after: r?.after ?? null, until: r?.until ?? null }
}
