import { useCallback, useId, useMemo, useState } from 'react'
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core'
import { BarChart } from '@mantine/charts'
import '@mantine/charts/styles.css'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { DateField } from '../../common/components/date-field'
import { ErrorAlert } from '../../common/components/error-alert'
import { JobStatus } from '../../common/components/job-status'
import { saveDownload } from '../../common/download'
import { formatNumber, instantText } from '../../common/format'
import { errorMessage, serverFieldErrors, showError } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { useToday } from '../../common/hooks/use-shop-day'
import { toDutchDate } from '../../../../shared/dates'
import type { DownloadTicket } from '../../../../shared/schemas/subjects'
import {
  REPORT_FILE_FORMATS,
  REPORT_SECTIONS,
  type ReportFileFormat,
  type ReportLanguage,
  type ReportSection,
  type SubmissionSummary,
  type SubsidyFigure,
  type SubsidyReport,
} from '../../../../shared/schemas/reports'
import { ReportStories } from '../outcomes'
import { AreaField } from '../areas'
import { navigate } from '../../router'
import { figureRowLabel as rowLabel, figureText as shown } from './figure-format'
import './texts'

type Kind = 'year' | 'half' | 'quarter' | 'custom'

interface Choice {
  kind: Kind
  year: number
  half: 1 | 2
  quarter: 1 | 2 | 3 | 4
  from: string
  to: string
  area: string
}

function lastDay(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** The dates a choice stands for; null while an own period is incomplete or reversed. */
export function periodOf(c: Choice): { from: string; to: string } | null {
  const y = c.year
  if (c.kind === 'year') return { from: `${y}-01-01`, to: `${y}-12-31` }
  if (c.kind === 'half')
    return c.half === 1
      ? { from: `${y}-01-01`, to: `${y}-06-30` }
      : { from: `${y}-07-01`, to: `${y}-12-31` }
  if (c.kind === 'quarter') {
    const first = (c.quarter - 1) * 3 + 1
    return {
      from: `${y}-${String(first).padStart(2, '0')}-01`,
      to: lastDay(y, first + 2),
    }
  }
  return c.from && c.to && c.from <= c.to ? { from: c.from, to: c.to } : null
}

/** The subsidy report: pick a period and area, see every figure, explain, freeze and export. */
export function SubsidyPage(): React.JSX.Element {
  const { t } = useTranslation()
  const today = useToday()
  const lastYear = Number(today.slice(0, 4)) - 1
  // Last year by default: the report a municipality asks for in spring.
  const [choice, setChoice] = useState<Choice>({
    kind: 'year',
    year: lastYear,
    half: 1,
    quarter: 1,
    from: '',
    to: '',
    area: '',
  })
  const [asked, setAsked] = useState<{ from: string; to: string; area: string | null } | null>(
    () => ({ from: `${lastYear}-01-01`, to: `${lastYear}-12-31`, area: null }),
  )
  const loader = useCallback(
    () => (asked ? call('reports.subsidy', asked) : Promise.reject(new Error('no period'))),
    [asked],
  )
  const { data, error, reload } = useLoad(asked ? loader : null)
  const period = periodOf(choice)
  const set = (patch: Partial<Choice>): void => setChoice((c) => ({ ...c, ...patch }))
  const years = Array.from({ length: 12 }, (_, i) => String(lastYear + 1 - i))

  return (
    <Stack gap="md" maw={1200}>
      <div>
        <Group justify="space-between" align="flex-start">
          <Title order={2}>{t('reports.title')}</Title>
          <Button variant="light" onClick={() => navigate('/reports/compare')}>
            {t('reports.compare.open')}
          </Button>
        </Group>
        <Text c="dimmed" maw={800}>
          {t('reports.intro', { min: data?.settings.smallCellThreshold ?? 5 })}
        </Text>
      </div>
      <Card withBorder padding="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <div>
            <Text size="sm" fw={500} mb={4} id="report-kind">
              {t('reports.periodKind')}
            </Text>
            <SegmentedControl
              aria-labelledby="report-kind"
              value={choice.kind}
              onChange={(v) => set({ kind: v as Kind })}
              data={(['year', 'half', 'quarter', 'custom'] as const).map((k) => ({
                value: k,
                label: t(`reports.kinds.${k}`),
              }))}
            />
          </div>
          {choice.kind !== 'custom' && (
            <Select
              label={t('reports.year')}
              data={years}
              value={String(choice.year)}
              onChange={(v) => v && set({ year: Number(v) })}
              allowDeselect={false}
              w={110}
            />
          )}
          {choice.kind === 'half' && (
            <Select
              label={t('reports.half')}
              data={(['1', '2'] as const).map((h) => ({
                value: h,
                label: t(`reports.halves.${h}`),
              }))}
              value={String(choice.half)}
              onChange={(v) => v && set({ half: Number(v) as 1 | 2 })}
              allowDeselect={false}
              w={160}
            />
          )}
          {choice.kind === 'quarter' && (
            <Select
              label={t('reports.quarter')}
              data={['1', '2', '3', '4'].map((q) => ({ value: q, label: `Q${q}` }))}
              value={String(choice.quarter)}
              onChange={(v) => v && set({ quarter: Number(v) as 1 | 2 | 3 | 4 })}
              allowDeselect={false}
              w={100}
            />
          )}
          {choice.kind === 'custom' && (
            <>
              <DateField
                label={t('reports.from')}
                value={choice.from}
                onChange={(v) => set({ from: v ?? '' })}
                w={150}
              />
              <DateField
                label={t('reports.to')}
                value={choice.to}
                onChange={(v) => set({ to: v ?? '' })}
                error={
                  choice.from && choice.to && choice.from > choice.to
                    ? t('validation.periodOrder')
                    : undefined
                }
                w={150}
              />
            </>
          )}
          <AreaField value={choice.area} onChange={(v) => set({ area: v })} w={240} />
          <Button
            disabled={!period}
            onClick={() => period && setAsked({ ...period, area: choice.area.trim() || null })}
          >
            {t('reports.show')}
          </Button>
        </Group>
      </Card>
      <ErrorAlert message={error ? errorMessage(t, error) : null} />
      {!data && !error && <Loader aria-label={t('common.loading')} />}
      {data && <Report report={data} reload={reload} />}
      <Submissions key={data?.generatedAt ?? 'none'} />
      <ReportSettingsCard onSaved={reload} />
    </Stack>
  )
}

function Report({
  report,
  reload,
}: {
  report: SubsidyReport
  reload: () => void
}): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const missing = report.missingExplanations.length
  return (
    <Stack gap="md">
      <Text fw={500} data-testid="report-period">
        {t('reports.period', {
          from: toDutchDate(report.period.from),
          to: toDutchDate(report.period.to),
          lastFrom: toDutchDate(report.lastYearPeriod.from),
          lastTo: toDutchDate(report.lastYearPeriod.to),
        })}
        {report.area ? ` · ${report.area}` : ''}
      </Text>
      <Text size="sm" c="dimmed">
        {report.subsidyYear === null
          ? t('reports.noSubsidyYear')
          : `${t('reports.subsidyYear', { year: report.subsidyYear })}${
              report.yearShare !== null && report.yearShare < 1
                ? ` (${t('reports.proRata', { share: formatNumber(report.yearShare * 100, lang, 0) })})`
                : ''
            }`}
      </Text>
      {report.indicators && (
        <Text size="sm" data-testid="report-indicators">
          {t('reports.indicatorsAsked', { count: report.indicators.length })}{' '}
          <Anchor href="#/areas" size="sm">
            ({t('areas.nav.areas')})
          </Anchor>
        </Text>
      )}
      {missing > 0 && (
        <Alert color="orange" data-testid="missing-explanations">
          {t('reports.missing', { count: missing, percent: report.settings.deviationPercent })}
        </Alert>
      )}
      <FilesCard report={report} onFrozen={reload} />
      {REPORT_SECTIONS.map((section) => (
        <SectionCard key={section} report={report} section={section} reload={reload} />
      ))}
    </Stack>
  )
}

function FilesCard({
  report,
  onFrozen,
}: {
  report: SubsidyReport
  onFrozen: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [freezing, setFreezing] = useState(false)
  const [making, setMaking] = useState(false)
  const [language, setLanguage] = useState<ReportLanguage>('nl')
  const input = { from: report.period.from, to: report.period.to, area: report.area, language }
  const freeze = (): void => {
    modals.openConfirmModal({
      title: t('reports.freezeTitle'),
      children: <Text size="sm">{t('reports.freezeText')}</Text>,
      labels: { confirm: t('reports.freezeConfirm'), cancel: t('reports.cancel') },
      onConfirm: async () => {
        setFreezing(true)
        try {
          await call('reports.freeze', input)
          notifications.show({ color: 'teal', message: t('reports.frozenMade') })
          onFrozen()
        } catch (err) {
          showError(t, err)
        } finally {
          setFreezing(false)
        }
      },
    })
  }
  return (
    <Card withBorder padding="sm">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Group align="flex-end" gap="xs" wrap="wrap">
          <Select
            label={t('reports.language')}
            data={(['nl', 'en'] as const).map((l) => ({
              value: l,
              label: t(`reports.languages.${l}`),
            }))}
            value={language}
            onChange={(v) => v && setLanguage(v as ReportLanguage)}
            allowDeselect={false}
            w={140}
          />
          <FileButtons
            make={(format) => call('reports.subsidyFile', { ...input, format })}
            locked={freezing}
            onBusy={setMaking}
          />
        </Group>
        <Button
          color="teal"
          loading={freezing}
          disabled={report.missingExplanations.length > 0 || making}
          onClick={freeze}
        >
          {t('reports.freeze')}
        </Button>
      </Group>
    </Card>
  )
}

/**
 * The report's files, a button each: main makes the file, the screen saves it (Electron's save
 * dialog, or a download in the browser). One at a time; `locked` while other work runs.
 */
function FileButtons({
  make,
  size,
  locked = false,
  onBusy,
}: {
  make: (format: ReportFileFormat) => Promise<DownloadTicket>
  size?: 'xs' | 'sm'
  locked?: boolean
  onBusy?: (busy: boolean) => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [busy, setBusy] = useState<ReportFileFormat | null>(null)
  const save = async (format: ReportFileFormat): Promise<void> => {
    setBusy(format)
    onBusy?.(true)
    try {
      const made = await make(format)
      if (await saveDownload(made))
        notifications.show({
          color: 'teal',
          message: t('reports.made', { filename: made.filename }),
        })
    } catch (err) {
      showError(t, err)
    } finally {
      setBusy(null)
      onBusy?.(false)
    }
  }
  return (
    <>
      {REPORT_FILE_FORMATS.map((f) => (
        <Button
          key={f}
          size={size}
          variant={f === 'pdf' ? 'filled' : 'default'}
          loading={busy === f}
          disabled={locked || (busy !== null && busy !== f)}
          onClick={() => void save(f)}
        >
          {t(`reports.${f}`)}
        </Button>
      ))}
      {/* The PDF (alone or in the ZIP) is laid out in a worker: how far, and a way to stop. */}
      <JobStatus labelKey="jobs.labels.subsidyPdf" running={busy === 'pdf' || busy === 'zip'} />
    </>
  )
}

function SectionCard({
  report,
  section,
  reload,
}: {
  report: SubsidyReport
  section: ReportSection
  reload: () => void
}): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const lang = (i18n.language === 'en' ? 'en' : 'nl') as 'nl' | 'en'
  const id = useId()
  const figures = report.figures.filter((f) => f.section === section)
  const [editing, setEditing] = useState(false)
  const [targets, setTargets] = useState<Record<string, number | null>>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)
  const byKey = useMemo(() => new Map(report.figures.map((f) => [f.key, f])), [report])
  const depth = (f: SubsidyFigure): number => {
    let d = 0
    for (let p = f.partOf; p && d < 4; p = byKey.get(p)?.partOf ?? null) d += 1
    return d
  }
  const none = t('reports.noValue')
  const min = report.settings.smallCellThreshold

  const saveTargets = async (): Promise<void> => {
    if (report.subsidyYear === null) return
    const changed = Object.entries(targets).filter(
      ([key, v]) => (byKey.get(key)?.targetBase ?? null) !== v,
    )
    if (!changed.length) {
      setEditing(false)
      return
    }
    setSaving(true)
    try {
      await call('reports.setTargets', {
        year: report.subsidyYear,
        area: report.area,
        targets: changed.map(([key, value]) => ({ key, value })),
      })
      notifications.show({ color: 'teal', message: t('reports.targetsSaved') })
      setEditing(false)
      setTargets({})
      setErrors({})
      reload()
    } catch (err) {
      const fields = serverFieldErrors(t, err)
      const byRow: Record<string, string> = {}
      for (const [path, message] of Object.entries(fields)) {
        const m = /^targets\.(\d+)\./.exec(path)
        if (m) byRow[changed[Number(m[1])][0]] = message
      }
      setErrors(byRow)
      if (!Object.keys(byRow).length) showError(t, err)
    } finally {
      setSaving(false)
    }
  }

  const chart =
    section === 'shop'
      ? 'visits'
      : section === 'volunteers'
        ? 'hours'
        : (null as null | 'visits' | 'hours')
  const narrative = report.narratives.find((n) => n.section === section)
  const flagged = figures.filter((f) => f.needsExplanation)

  return (
    <Card withBorder component="section" aria-labelledby={id} padding="md">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4" id={id}>
          {t(`reports.sections.${section}`)}
        </Title>
        {report.subsidyYear !== null &&
          (editing ? (
            <Group gap="xs">
              <Button variant="default" size="xs" onClick={() => setEditing(false)}>
                {t('reports.cancel')}
              </Button>
              <Button size="xs" loading={saving} onClick={() => void saveTargets()}>
                {t('reports.saveTargets')}
              </Button>
            </Group>
          ) : (
            <Button variant="light" size="xs" onClick={() => setEditing(true)}>
              {t('reports.editTargets')}
            </Button>
          ))}
      </Group>
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover aria-labelledby={id}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.columns.figure')}</Table.Th>
              <Table.Th ta="right">{t('reports.columns.value')}</Table.Th>
              <Table.Th ta="right">{t('reports.columns.lastYear')}</Table.Th>
              <Table.Th ta="right">{t('reports.columns.target')}</Table.Th>
              <Table.Th ta="right">{t('reports.columns.deviation')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {figures.map((f) => (
              <Table.Tr key={f.key} data-testid={`figure-${f.key}`}>
                <Table.Td pl={8 + depth(f) * 20}>
                  <Text size="sm" fw={f.partOf ? 400 : 500}>
                    {rowLabel(f, f.partOf ? byKey.get(f.partOf) : undefined, lang)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" data-testid="value">
                  {shown(f, f.value, lang, none)}
                  {f.hidden.value && <HiddenMark min={min} />}
                </Table.Td>
                <Table.Td ta="right">
                  {shown(f, f.lastYear, lang, none)}
                  {f.hidden.lastYear && <HiddenMark min={min} />}
                </Table.Td>
                <Table.Td ta="right">
                  {editing ? (
                    <NumberInput
                      size="xs"
                      w={110}
                      ml="auto"
                      min={0}
                      decimalSeparator={lang === 'nl' ? ',' : '.'}
                      aria-label={t('reports.targetFor', {
                        year: report.subsidyYear,
                        label: f.label[lang],
                      })}
                      value={(f.key in targets ? targets[f.key] : f.targetBase) ?? ''}
                      onChange={(v) =>
                        setTargets((s) => ({ ...s, [f.key]: typeof v === 'number' ? v : null }))
                      }
                      error={errors[f.key]}
                    />
                  ) : (
                    shown(f, f.target, lang, '')
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {f.deviation !== null && (
                    <Badge
                      variant="light"
                      color={f.needsExplanation ? 'orange' : 'gray'}
                      title={f.needsExplanation ? t('reports.needsExplanation') : undefined}
                    >
                      {`${f.deviation > 0 ? '+' : ''}${formatNumber(f.deviation * 100, lang, 0)}%`}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {chart && report.months.length > 1 && (
        <Stack gap={4} mt="md">
          <Text size="sm" fw={500}>
            {t(chart === 'visits' ? 'reports.chartVisits' : 'reports.chartHours')}
          </Text>
          <BarChart
            h={200}
            data={report.months.map((m, i) => ({
              month: monthLabel(m.month, i, lang),
              value: m[chart],
            }))}
            dataKey="month"
            series={[
              {
                name: 'value',
                label: t(chart === 'visits' ? 'reports.chartVisits' : 'reports.chartHours'),
                color: chart === 'visits' ? 'blue.6' : 'teal.6',
              },
            ]}
            tickLine="y"
            valueFormatter={(v) => formatNumber(v, lang, 0)}
          />
        </Stack>
      )}
      {flagged.length > 0 && (
        <Stack gap="xs" mt="md">
          <Text fw={500}>{t('reports.explanations')}</Text>
          {flagged.map((f) => (
            <ExplanationField key={f.key} report={report} figure={f} onSaved={reload} />
          ))}
        </Stack>
      )}
      {narrative && <StoryField report={report} section={section} onSaved={reload} />}
      <ReportStories stories={(report.stories ?? []).filter((s) => s.section === section)} />
    </Card>
  )
}

/** Beside a number the PDF and the exports show as "< min": the admin sees both. */
function HiddenMark({ min }: { min: number }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Text span size="xs" c="dimmed" ml={6} title={t('reports.hiddenOutside', { min })}>
      {`(< ${min})`}
    </Text>
  )
}

/** `2026-03` as "mrt", with the year under January and the first month when they cross a year. */
function monthLabel(month: string, index: number, lang: string): string {
  const [y, m] = month.split('-').map(Number)
  const name = new Date(Date.UTC(y, m - 1, 1)).toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL', {
    month: 'short',
    timeZone: 'UTC',
  })
  return index === 0 || m === 1 ? `${name.replace('.', '')} ${y}` : name.replace('.', '')
}

/**
 * A text saved for this period and area: the explanation of a deviation, or a section's story.
 * Main's message for the text shows at the field; anything else as a notification.
 */
function SavedText({
  initial,
  label,
  description,
  minRows,
  saveLabel,
  savedMessage,
  save,
  onSaved,
}: {
  initial: string
  label: string
  description?: string
  minRows: number
  saveLabel: string
  savedMessage: string
  save: (text: string) => Promise<unknown>
  onSaved: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [text, setText] = useState(initial)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const submit = async (): Promise<void> => {
    setSaving(true)
    try {
      await save(text)
      setError(null)
      notifications.show({ color: 'teal', message: savedMessage })
      onSaved()
    } catch (err) {
      const fields = serverFieldErrors(t, err)
      setError(fields.text ?? null)
      if (!fields.text) showError(t, err)
    } finally {
      setSaving(false)
    }
  }
  return (
    <Stack gap={4}>
      <Textarea
        autosize
        minRows={minRows}
        label={label}
        description={description}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={error}
      />
      <Group justify="flex-end">
        <Button variant="default" loading={saving} onClick={() => void submit()}>
          {saveLabel}
        </Button>
      </Group>
    </Stack>
  )
}

function ExplanationField({
  report,
  figure,
  onSaved,
}: {
  report: SubsidyReport
  figure: SubsidyFigure
  onSaved: () => void
}): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'nl'
  return (
    <SavedText
      initial={figure.explanation ?? ''}
      label={t('reports.explanationFor', { label: figure.label[lang] })}
      minRows={2}
      saveLabel={t('reports.saveExplanation')}
      savedMessage={t('reports.explanationSaved')}
      save={(text) =>
        call('reports.saveExplanation', {
          from: report.period.from,
          to: report.period.to,
          area: report.area,
          key: figure.key,
          text,
        })
      }
      onSaved={onSaved}
    />
  )
}

function StoryField({
  report,
  section,
  onSaved,
}: {
  report: SubsidyReport
  section: ReportSection
  onSaved: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const narrative = report.narratives.find((n) => n.section === section)
  return (
    <Stack mt="md">
      <SavedText
        initial={narrative?.text ?? ''}
        label={`${t('reports.story')}: ${t(`reports.sections.${section}`)}`}
        description={
          narrative?.carriedFrom
            ? t('reports.carried', {
                from: toDutchDate(narrative.carriedFrom.from),
                to: toDutchDate(narrative.carriedFrom.to),
              })
            : t('reports.storyHelp')
        }
        minRows={3}
        saveLabel={t('reports.saveStory')}
        savedMessage={t('reports.storySaved')}
        save={(text) =>
          call('reports.saveNarrative', {
            from: report.period.from,
            to: report.period.to,
            area: report.area,
            section,
            text,
          })
        }
        onSaved={onSaved}
      />
    </Stack>
  )
}

function Submissions(): React.JSX.Element {
  const { t } = useTranslation()
  const loader = useCallback(() => call('reports.submissions', {}), [])
  const { data, error } = useLoad(loader)
  const [open, setOpen] = useState<SubmissionSummary | null>(null)
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="submissions-title">
      <Title order={3} size="h4" id="submissions-title" mb="xs">
        {t('reports.submissions')}
      </Title>
      <ErrorAlert message={error ? errorMessage(t, error) : null} />
      {data && data.length === 0 && <Text c="dimmed">{t('reports.noSubmissions')}</Text>}
      <Stack gap={6}>
        {data?.map((s) => (
          <Group key={s.id} justify="space-between" wrap="nowrap">
            <Text size="sm">
              {t('reports.submission', {
                from: toDutchDate(s.period.from),
                to: toDutchDate(s.period.to),
                area: s.area ?? t('reports.areaAll'),
                at: instantText(s.madeAt),
                by: s.madeByName,
              })}
            </Text>
            <Button size="xs" variant="light" onClick={() => setOpen(s)}>
              {t('reports.open')}
            </Button>
          </Group>
        ))}
      </Stack>
      {open && <FrozenModal submission={open} onClose={() => setOpen(null)} />}
    </Card>
  )
}

function FrozenModal({
  submission,
  onClose,
}: {
  submission: SubmissionSummary
  onClose: () => void
}): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'nl'
  const loader = useCallback(() => call('reports.frozen', { id: submission.id }), [submission.id])
  const { data, error } = useLoad(loader)
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t('reports.frozenTitle', { at: instantText(submission.madeAt) })}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed" style={{ wordBreak: 'break-all' }}>
          {t('reports.frozenIntro', { version: submission.appVersion, sha: submission.pdfSha256 })}
        </Text>
        <Group gap="xs">
          <FileButtons
            size="xs"
            make={(format) => call('reports.frozenFile', { id: submission.id, format })}
          />
        </Group>
        <ErrorAlert message={error ? errorMessage(t, error) : null} />
        {!data && !error && <Loader aria-label={t('common.loading')} />}
        {data && (
          <>
            <Text fw={500}>{t('reports.differences')}</Text>
            {data.differences.length === 0 ? (
              <Text size="sm">{t('reports.noDifferences')}</Text>
            ) : (
              <Table striped data-testid="differences">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('reports.diffColumns.figure')}</Table.Th>
                    <Table.Th ta="right">{t('reports.diffColumns.frozen')}</Table.Th>
                    <Table.Th ta="right">{t('reports.diffColumns.now')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.differences.map((d) => (
                    <Table.Tr key={d.key}>
                      <Table.Td>{d.label[lang]}</Table.Td>
                      <Table.Td ta="right">
                        {d.frozen === null ? '–' : formatNumber(d.frozen, lang, 2, 0)}
                      </Table.Td>
                      <Table.Td ta="right">
                        {d.now === null ? '–' : formatNumber(d.now, lang, 2, 0)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </>
        )}
      </Stack>
    </Modal>
  )
}

function ReportSettingsCard({ onSaved }: { onSaved: () => void }): React.JSX.Element {
  const { t } = useTranslation()
  const loader = useCallback(() => call('reports.settings', {}), [])
  const { data } = useLoad(loader)
  const [values, setValues] = useState<{ smallCellThreshold?: number; deviationPercent?: number }>(
    {},
  )
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)
  if (!data) return <></>
  const current = { ...data, ...values }
  const save = async (): Promise<void> => {
    setSaving(true)
    try {
      await call('reports.updateSettings', current)
      setErrors({})
      notifications.show({ color: 'teal', message: t('reports.settingsSaved') })
      onSaved()
    } catch (err) {
      setErrors(serverFieldErrors(t, err))
      if (!Object.keys(serverFieldErrors(t, err)).length) showError(t, err)
    } finally {
      setSaving(false)
    }
  }
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="report-settings-title">
      <Title order={3} size="h4" id="report-settings-title" mb="xs">
        {t('reports.settings')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NumberInput
          label={t('reports.smallCell')}
          min={2}
          max={50}
          value={current.smallCellThreshold}
          onChange={(v) =>
            setValues((s) => ({ ...s, smallCellThreshold: typeof v === 'number' ? v : undefined }))
          }
          error={errors.smallCellThreshold}
        />
        <NumberInput
          label={t('reports.deviationPercent')}
          min={1}
          max={100}
          value={current.deviationPercent}
          onChange={(v) =>
            setValues((s) => ({ ...s, deviationPercent: typeof v === 'number' ? v : undefined }))
          }
          error={errors.deviationPercent}
        />
      </SimpleGrid>
      <Group justify="flex-end" mt="sm">
        <Button variant="default" loading={saving} onClick={() => void save()}>
          {t('reports.saveSettings')}
        </Button>
      </Group>
    </Card>
  )
}
