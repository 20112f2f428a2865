import * as echarts from 'echarts/core'
import { BarChart } from 'echarts/charts'
import { GridComponent, TitleComponent } from 'echarts/components'
import { SVGRenderer } from 'echarts/renderers'
import type { MonthFigure, ReportLanguage } from '../../../shared/schemas/reports'
import { REPORT_DOCUMENT_WORDS } from '../../../shared/i18n/report-documents'
import { BODY_FONT } from '../../pdf/render'
import { INK, MUTED, RULE } from '../../pdf/letterhead'

// Only the bar chart and what it draws with: the whole of echarts would load the map, graph
// and canvas code too, which a worker making one PDF pays for on every start.
echarts.use([BarChart, GridComponent, TitleComponent, SVGRenderer])

export interface MonthlyBarChartInput {
  months: MonthFigure[]
  series: 'visits' | 'hours'
  title: string
  language: ReportLanguage
  /** In SVG user units, which the PDF takes as points. */
  width?: number
  height?: number
}

const BAR = '#4a6fa5'
/** Above this many bars the labels no longer fit side by side and are turned upright. */
const CROWDED = 18

const LOCALES: Record<ReportLanguage, string> = { nl: 'nl-NL', en: 'en-GB' }

/**
 * The month labels of the axis: short names, and the year under every January and under the
 * first month when the period runs over more than one calendar year (otherwise the report's
 * period already says which year it is). The first month goes without when a January follows
 * within two months: the two years would stand side by side and run into each other.
 */
export function monthLabels(months: string[], language: ReportLanguage): string[] {
  const names = REPORT_DOCUMENT_WORDS[language].monthsShort
  const years = new Set(months.map((m) => m.slice(0, 4)))
  const januarySoon = months.slice(1, 3).some((m) => m.endsWith('-01'))
  return months.map((m, i) => {
    const name = names[Number(m.slice(5, 7)) - 1] ?? m
    const withYear = years.size > 1 && (m.endsWith('-01') || (i === 0 && !januarySoon))
    return withYear ? `${name}\n${m.slice(0, 4)}` : name
  })
}

/**
 * echarts numbers every chart instance and its CSS classes from process-wide counters, so the
 * same chart made twice would differ; the classes are renamed in the order they appear.
 */
function withStableIds(svg: string): string {
  const names = new Map<string, string>()
  return svg.replace(/zr\d+-cls-\d+/g, (name) => {
    if (!names.has(name)) names.set(name, `chart-cls-${names.size}`)
    return names.get(name)!
  })
}

/**
 * A bar chart of the visits or volunteer hours per month as an SVG string, drawn by echarts
 * without a DOM (its server-side renderer), for a pdfmake `svg` node. The text is set in the
 * PDF's body font, which pdfmake's SVG support looks up by family name among the document's
 * fonts, so the labels print as real (searchable) text. The same input always gives the same
 * string.
 */
export function monthlyBarChartSvg(input: MonthlyBarChartInput): string {
  const width = input.width ?? 495
  const height = input.height ?? 210
  const crowded = input.months.length > CROWDED
  const fontSize = crowded ? 7 : 8
  const number = new Intl.NumberFormat(LOCALES[input.language], { maximumFractionDigits: 1 })
  const values = input.months.map((m) => m[input.series])
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: BODY_FONT, fontSize, color: MUTED },
      title: {
        text: input.title,
        left: 0,
        top: 0,
        padding: 0,
        textStyle: { fontFamily: BODY_FONT, fontSize: 10, fontWeight: 'bold', color: INK },
      },
      grid: {
        left: 0,
        right: 0,
        // Room above the highest bar for its value label (upright ones are longer).
        top: crowded ? 48 : 34,
        bottom: 0,
        // The axis labels inside the chart's box, not cut off at its edge.
        outerBoundsMode: 'same',
        outerBoundsContain: 'axisLabel',
      },
      xAxis: {
        type: 'category',
        data: monthLabels(
          input.months.map((m) => m.month),
          input.language,
        ),
        axisTick: { show: false },
        axisLine: { lineStyle: { color: MUTED } },
        axisLabel: {
          interval: 0,
          fontSize: crowded ? 6 : fontSize,
          color: MUTED,
          lineHeight: fontSize + 2,
        },
      },
      yAxis: {
        type: 'value',
        splitNumber: 4,
        // Visits are whole: no axis step of 0,3 visit when a month has one or two.
        minInterval: input.series === 'visits' ? 1 : 0,
        axisLabel: { fontSize, color: MUTED, formatter: (v: number) => number.format(v) },
        splitLine: { lineStyle: { color: RULE, width: 0.5 } },
      },
      series: [
        {
          type: 'bar',
          data: values,
          silent: true,
          barMaxWidth: 28,
          itemStyle: { color: BAR },
          emphasis: { disabled: true },
          label: {
            show: true,
            position: 'top',
            fontSize,
            color: INK,
            // echarts outlines labels in white with `paint-order`, which the PDF's SVG reader
            // ignores: the outline would be drawn over the letters.
            textBorderWidth: 0,
            formatter: (p: { value: unknown }) => number.format(Number(p.value)),
            ...(crowded ? { rotate: 90, align: 'left', verticalAlign: 'middle', distance: 3 } : {}),
          },
        },
      ],
    })
    return withStableIds(chart.renderToSVGString())
  } finally {
    chart.dispose()
  }
}
