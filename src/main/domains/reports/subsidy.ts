import type { MethodParsed } from '../../../shared/api'
import { validationError } from '../../../shared/errors'
import { addDays, addMonths, daysBetween } from '../../../shared/dates'
import {
  REPORT_SECTIONS,
  type ReportComparison,
  type ReportNarrative,
  type ReportSettings,
  type SubsidyReport,
  type TeamDashboard,
} from '../../../shared/schemas/reports'
import type { ServiceContext } from '../../context'
import type { Vault } from '../../vault/vault'
import { audit, changedFields } from '../audit/audit'
import { DEFINITIONS } from './definitions'
import { buildFigures, definitionsOf, type RawFigures } from './figures'
import { joinShares, SHARE_NAMES, type Period, type Shares } from './collect'
import { countSharesOn } from './figures-task'
import { figuresChangeCount, figuresVersion, keepFigures, keptFigures } from './kept-figures'
import { reportStories } from '../outcomes/stats-queries'
import { indicatorsFor } from '../areas/queries'
import {
  REPORT_SETTINGS_KEY,
  areaKey,
  earlierNarrative,
  getReportSettings,
  targetsOf,
  textsOf,
} from './queries'

export interface ReportContext extends ServiceContext {
  vault: Pick<Vault, 'workers' | 'appVersion'>
}

/** The same day a year earlier; the last day of a month stays the last day (29 February). */
export function yearEarlier(day: string): string {
  const before = addMonths(day, -12)
  const monthEnd = addDays(day, 1).slice(8) === '01'
  return monthEnd ? addDays(addMonths(addDays(day, 1), -12), -1) : before
}

/** The subsidy year of a period, and the share of it the period covers (by days). */
export function subsidyYearOf(
  from: string,
  to: string,
): { year: number | null; share: number | null } {
  if (from.slice(0, 4) !== to.slice(0, 4)) return { year: null, share: null }
  const year = Number(from.slice(0, 4))
  const days = daysBetween(`${year}-01-01`, `${year + 1}-01-01`)
  return { year, share: (daysBetween(from, to) + 1) / days }
}

/**
 * The counts of periods (this year's and last year's): kept ones when nothing they were counted
 * from changed since (last year's, nearly always, and both when the PDF follows the screen), the
 * others counted in worker threads and then kept. The pool's two threads share the counting
 * (`FIGURE_SHARES`).
 */
async function countIn(
  ctx: ReportContext,
  periods: Period[],
  keep: boolean,
): Promise<RawFigures[]> {
  const today = ctx.clock.today()
  const now = ctx.clock.now()
  const version = figuresVersion(ctx.vault.appVersion)
  const found = await Promise.all(periods.map((p) => keptFigures(ctx.db, p, today, version, now)))
  const cold = periods.filter((_, i) => found[i] === null)
  if (!cold.length) return found as RawFigures[]
  const seen = await figuresChangeCount(ctx.db)
  const options = {
    jobLabelKey: 'jobs.labels.subsidyReport',
    owner: { sessionId: ctx.session.sessionId ?? null, accountId: ctx.session.userId },
  } as const
  const counted = await countSharesOn(ctx.vault.workers, cold, { today, now }, options)
  const counts = cold.map((period, i) => {
    const shares = Object.fromEntries(
      SHARE_NAMES.map((name) => {
        const values = counted.get(name)
        if (!values) throw new Error(`The report's share ${name} was not counted`)
        return [name, values[i]]
      }),
    ) as Shares
    return { period, figures: joinShares(period, shares), days: shares.days }
  })
  if (keep) await keepFigures(ctx.db, counts, { version, seen, keptAt: now })
  // The counted ones are those not found, in the same order.
  let next = 0
  return found.map((f) => f ?? counts[next++].figures)
}

/**
 * The report as it stands now: every figure of the period and of the same period a year
 * earlier (kept, or counted in worker threads: `countIn`), the targets of the subsidy year,
 * the texts saved for this period and area (or the latest earlier story of a section, to start
 * from), and the small-cell marks. Logged as a view: it names no one.
 */
export async function subsidyReport(
  ctx: ReportContext,
  input: MethodParsed<'reports.subsidy'>,
): Promise<SubsidyReport> {
  const report = await currentReport(ctx, input)
  await audit(ctx.db, ctx, {
    action: 'view',
    entityType: 'subsidyReport',
    fields: [`${input.from}..${input.to}`, ...(input.area ? ['area'] : [])],
  })
  return report
}

/** The report without its log entry (the PDF, the exports and freezing log their own). */
export async function currentReport(
  ctx: ReportContext,
  input: { from: string; to: string; area: string | null },
  /**
   * Whether new counts are kept. A call that may still be refused after counting (a freeze with
   * a deviation unexplained) keeps none: a refused call writes nothing.
   */
  options: { keep: boolean } = { keep: true },
): Promise<SubsidyReport> {
  const { from, to } = input
  const area = input.area ?? null
  const key = areaKey(area)
  const lastYearPeriod = { from: yearEarlier(from), to: yearEarlier(to) }
  const [now, lastYear] = await countIn(
    ctx,
    [
      { from, to, area },
      { ...lastYearPeriod, area },
    ],
    options.keep,
  )
  const settings = await getReportSettings(ctx.db)
  const { year, share } = subsidyYearOf(from, to)
  const targets = year === null ? new Map<string, number>() : await targetsOf(ctx.db, year, key)
  const explanations = await textsOf(ctx.db, 'explanation', from, to, key)
  const all = buildFigures({
    now,
    lastYear,
    targets,
    yearShare: share,
    explanations,
    smallCellThreshold: settings.smallCellThreshold,
    deviationPercent: settings.deviationPercent,
  })
  // A municipality that chose its own figures gets those (with their breakdowns), in their order.
  const indicators = await indicatorsFor(ctx.db, area)
  const figures =
    indicators === null
      ? all
      : all.filter((f) => indicators.some((k) => f.key === k || f.key.startsWith(`${k}.`)))
  const saved = await textsOf(ctx.db, 'narrative', from, to, key)
  const narratives: ReportNarrative[] = []
  for (const section of REPORT_SECTIONS) {
    const text = saved.get(section)
    if (text !== undefined) {
      narratives.push({ section, text, carriedFrom: null })
      continue
    }
    const earlier = await earlierNarrative(ctx.db, section, key, from)
    narratives.push({
      section,
      text: earlier?.text ?? '',
      carriedFrom: earlier ? { from: earlier.from, to: earlier.to } : null,
    })
  }
  return {
    period: { from, to },
    lastYearPeriod,
    area,
    subsidyYear: year,
    yearShare: share,
    settings,
    figures,
    definitions: definitionsOf(figures),
    narratives,
    stories: await reportStories(ctx.db, from, to, area),
    indicators,
    months: now.months,
    missingExplanations: figures
      .filter((f) => f.needsExplanation && !f.explanation)
      .map((f) => f.key),
    generatedAt: ctx.clock.now().toISOString(),
  }
}

/** A figure key the report can print: a definition's key, or a row of its breakdown. */
function knownKey(key: string): boolean {
  return Object.keys(DEFINITIONS).some((d) => key === d || key.startsWith(`${d}.`))
}

/** Sets (or, with null, removes) targets of a subsidy year and area, in one transaction. */
export async function setTargets(
  ctx: ServiceContext,
  input: MethodParsed<'reports.setTargets'>,
): Promise<{ year: number; area: string | null; targets: { key: string; value: number }[] }> {
  const unknown = input.targets.findIndex((t) => !knownKey(t.key))
  if (unknown >= 0) throw validationError([{ path: `targets.${unknown}.key`, key: 'figureKey' }])
  const area = areaKey(input.area)
  const iso = ctx.clock.now().toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    const before = await targetsOf(trx, input.year, area)
    const changed: string[] = []
    for (const t of input.targets) {
      if ((before.get(t.key) ?? null) === t.value) continue
      changed.push(t.key)
      if (t.value === null)
        await trx
          .deleteFrom('reportTarget')
          .where('year', '=', input.year)
          .where('area', '=', area)
          .where('figureKey', '=', t.key)
          .execute()
      else
        await trx
          .insertInto('reportTarget')
          .values({
            year: input.year,
            area,
            figureKey: t.key,
            value: t.value,
            updatedAt: iso,
            updatedBy: ctx.session.userId,
          })
          .onConflict((oc) =>
            oc
              .columns(['year', 'area', 'figureKey'])
              .doUpdateSet({ value: t.value ?? 0, updatedAt: iso, updatedBy: ctx.session.userId }),
          )
          .execute()
    }
    if (changed.length)
      await audit(trx, ctx, {
        action: 'settings_change',
        entityType: 'reportTarget',
        entityId: input.year,
        fields: changed,
      })
  })
  const after = await targetsOf(ctx.db, input.year, area)
  return {
    year: input.year,
    area: input.area ?? null,
    targets: [...after.entries()].map(([key, value]) => ({ key, value })),
  }
}

async function saveText(
  ctx: ServiceContext,
  kind: 'narrative' | 'explanation',
  input: { from: string; to: string; area: string | null; key: string; text: string | null },
): Promise<void> {
  const area = areaKey(input.area)
  const iso = ctx.clock.now().toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    const where = trx
      .selectFrom('reportText')
      .select('text')
      .where('kind', '=', kind)
      .where('fromOn', '=', input.from)
      .where('toOn', '=', input.to)
      .where('area', '=', area)
      .where('key', '=', input.key)
    const before = (await where.executeTakeFirst())?.text ?? null
    if (before === input.text) return
    if (input.text === null)
      await trx
        .deleteFrom('reportText')
        .where('kind', '=', kind)
        .where('fromOn', '=', input.from)
        .where('toOn', '=', input.to)
        .where('area', '=', area)
        .where('key', '=', input.key)
        .execute()
    else
      await trx
        .insertInto('reportText')
        .values({
          fromOn: input.from,
          toOn: input.to,
          area,
          kind,
          key: input.key,
          text: input.text,
          updatedAt: iso,
          updatedBy: ctx.session.userId,
        })
        .onConflict((oc) =>
          oc
            .columns(['fromOn', 'toOn', 'area', 'kind', 'key'])
            .doUpdateSet({ text: input.text ?? '', updatedAt: iso, updatedBy: ctx.session.userId }),
        )
        .execute()
    await audit(trx, ctx, {
      action: before === null ? 'create' : input.text === null ? 'delete' : 'update',
      entityType: 'reportText',
      fields: [`${kind}:${input.key}`, `${input.from}..${input.to}`],
    })
  })
}

/** The story of a section for a period and area; empty text removes it. */
export async function saveNarrative(
  ctx: ServiceContext,
  input: MethodParsed<'reports.saveNarrative'>,
): Promise<void> {
  await saveText(ctx, 'narrative', { ...input, key: input.section })
}

/** The explanation of a figure's deviation from its target; empty text removes it. */
export async function saveExplanation(
  ctx: ServiceContext,
  input: MethodParsed<'reports.saveExplanation'>,
): Promise<void> {
  if (!knownKey(input.key)) throw validationError([{ path: 'key', key: 'figureKey' }])
  await saveText(ctx, 'explanation', input)
}

export function reportSettings(ctx: ServiceContext): Promise<ReportSettings> {
  return getReportSettings(ctx.db)
}

export async function updateReportSettings(
  ctx: ServiceContext,
  input: MethodParsed<'reports.updateSettings'>,
): Promise<ReportSettings> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getReportSettings(trx)
    const fields = changedFields(before, input)
    if (!fields.length) return before
    const value = JSON.stringify(input)
    await trx
      .insertInto('setting')
      .values({ key: REPORT_SETTINGS_KEY, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute()
    await audit(trx, ctx, {
      action: 'settings_change',
      entityType: 'settings',
      fields: fields.map((f) => `reports.${f}`),
    })
    return input
  })
}

/**
 * Two reports side by side (two municipalities, or two years of one), figure by figure. Each side
 * is the report as it stands, with that area's own choice of figures; the rows are those of the
 * left side in its order, then those only the right side has. Logged as a view of each side.
 */
export async function compareReports(
  ctx: ReportContext,
  input: MethodParsed<'reports.compare'>,
): Promise<ReportComparison> {
  const left = await currentReport(ctx, input.left)
  const right = await currentReport(ctx, input.right)
  const rightByKey = new Map(right.figures.map((f) => [f.key, f]))
  const leftKeys = new Set(left.figures.map((f) => f.key))
  const rows = [
    ...left.figures.map((f) => ({ f, l: f.value, r: rightByKey.get(f.key)?.value ?? null })),
    ...right.figures.filter((f) => !leftKeys.has(f.key)).map((f) => ({ f, l: null, r: f.value })),
  ].map(({ f, l, r }) => ({
    key: f.key,
    section: f.section,
    label: f.label,
    unit: f.unit,
    partOf: f.partOf,
    left: l,
    right: r,
  }))
  const definitions = [...left.definitions]
  for (const d of right.definitions)
    if (!definitions.some((x) => x.key === d.key)) definitions.push(d)
  for (const side of [input.left, input.right])
    await audit(ctx.db, ctx, {
      action: 'view',
      entityType: 'subsidyReport',
      fields: [`${side.from}..${side.to}`, ...(side.area ? ['area'] : [])],
      detail: 'compare',
    })
  return {
    left: { period: left.period, area: left.area },
    right: { period: right.period, area: right.area },
    rows,
    definitions,
    generatedAt: ctx.clock.now().toISOString(),
  }
}

/**
 * The team's figures: this calendar year up to today, with the same days a year earlier, for the
 * coordinators to steer by. Counts only, as the report has them; no texts, no names.
 */
export async function teamDashboard(
  ctx: ReportContext,
  input: MethodParsed<'reports.dashboard'>,
): Promise<TeamDashboard> {
  const today = ctx.clock.today()
  const r = await currentReport(ctx, {
    from: `${today.slice(0, 4)}-01-01`,
    to: today,
    area: input.area,
  })
  await audit(ctx.db, ctx, {
    action: 'view',
    entityType: 'subsidyReport',
    fields: [`${r.period.from}..${r.period.to}`, ...(input.area ? ['area'] : [])],
    detail: 'dashboard',
  })
  return {
    period: r.period,
    lastYearPeriod: r.lastYearPeriod,
    area: r.area,
    figures: r.figures,
    definitions: r.definitions,
    generatedAt: r.generatedAt,
  }
}
