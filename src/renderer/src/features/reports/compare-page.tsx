import { useCallback, useId, useMemo, useState } from 'react'
import {
  Accordion,
  Anchor,
  Button,
  Card,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { DateField } from '../../common/components/date-field'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { useToday } from '../../common/hooks/use-shop-day'
import { toDutchDate } from '../../../../shared/dates'
import {
  REPORT_SECTIONS,
  type ReportComparison,
  type ReportSection,
  type ReportSide,
} from '../../../../shared/schemas/reports'
import { AreaField } from '../areas'
import { differenceText, figureRowLabel, figureText } from './figure-format'
import { periodOf } from './subsidy-page'
import './texts'

type Side = Parameters<typeof periodOf>[0]
type Kind = Side['kind']
type Row = ReportComparison['rows'][number]

function yearSide(year: number, area = ''): Side {
  return { kind: 'year', year, half: 1, quarter: 1, from: '', to: '', area }
}

/** The same day a year earlier (29 February becomes the 28th). */
function yearBefore(day: string): string {
  if (!day) return day
  const [y, m, d] = day.split('-')
  return `${Number(y) - 1}-${m}-${m === '02' && d === '29' ? '28' : d}`
}

/** The side one year earlier: the same kind of period, in the same area. */
function lastYearOf(s: Side): Side {
  return { ...s, year: s.year - 1, from: yearBefore(s.from), to: yearBefore(s.to) }
}

/** Two reports side by side (admin): two municipalities over one period, or one area in two years. */
export function ComparePage(): React.JSX.Element {
  const { t } = useTranslation()
  const today = useToday()
  const lastYear = Number(today.slice(0, 4)) - 1
  const [left, setLeft] = useState<Side>(() => yearSide(lastYear))
  const [right, setRight] = useState<Side>(() => yearSide(lastYear - 1))
  const [asked, setAsked] = useState(() => ({
    left: { from: `${lastYear}-01-01`, to: `${lastYear}-12-31`, area: null as string | null },
    right: {
      from: `${lastYear - 1}-01-01`,
      to: `${lastYear - 1}-12-31`,
      area: null as string | null,
    },
  }))
  const areasLoader = useCallback(() => call('areas.list', {}), [])
  const { data: areas } = useLoad(areasLoader)
  const loader = useCallback(() => call('reports.compare', asked), [asked])
  const { data, error } = useLoad(loader)
  const years = Array.from({ length: 12 }, (_, i) => String(lastYear + 1 - i))
  const lp = periodOf(left)
  const rp = periodOf(right)

  // The other municipality: the first one in the tree that is not (above) the left side's area.
  const otherMunicipality = (): string => {
    const list = areas ?? []
    const byName = new Map(list.map((a) => [a.name.toLowerCase(), a]))
    const byId = new Map(list.map((a) => [a.id, a]))
    let own = byName.get(left.area.trim().toLowerCase())
    for (let i = 0; own && own.kind !== 'municipality' && i < 8; i += 1)
      own = own.parentId === null ? undefined : byId.get(own.parentId)
    const other = list
      .filter((a) => a.kind === 'municipality' && a.id !== own?.id)
      .sort((a, b) => a.name.localeCompare(b.name))[0]
    return other?.name ?? ''
  }

  const compare = (l: Side, r: Side): void => {
    const a = periodOf(l)
    const b = periodOf(r)
    if (a && b)
      setAsked({
        left: { ...a, area: l.area.trim() || null },
        right: { ...b, area: r.area.trim() || null },
      })
  }

  return (
    <Stack gap="md" maw={1200}>
      <div>
        <Anchor href="#/reports" size="sm">
          {t('reports.compare.back')}
        </Anchor>
        <Title order={2}>{t('reports.compare.title')}</Title>
        <Text c="dimmed" maw={800}>
          {t('reports.compare.intro')}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <SideCard
          title={t('reports.compare.left')}
          side={left}
          years={years}
          onChange={(p) => setLeft((s) => ({ ...s, ...p }))}
        />
        <SideCard
          title={t('reports.compare.right')}
          side={right}
          years={years}
          onChange={(p) => setRight((s) => ({ ...s, ...p }))}
        />
      </SimpleGrid>
      <Group gap="sm" wrap="wrap">
        <Button
          variant="default"
          onClick={() => {
            const next = { ...left, area: otherMunicipality() }
            setRight(next)
            compare(left, next)
          }}
        >
          {t('reports.compare.sameperiod')}
        </Button>
        <Button
          variant="default"
          onClick={() => {
            const next = lastYearOf(left)
            setRight(next)
            compare(left, next)
          }}
        >
          {t('reports.compare.lastYear')}
        </Button>
        <Button disabled={!lp || !rp} onClick={() => compare(left, right)}>
          {t('reports.compare.show')}
        </Button>
        {(!lp || !rp) && (
          <Text size="sm" c="dimmed">
            {t('reports.compare.missingSide')}
          </Text>
        )}
      </Group>
      <ErrorAlert message={error ? errorMessage(t, error) : null} />
      {!data && !error && <Loader aria-label={t('common.loading')} />}
      {data && <Comparison comparison={data} />}
    </Stack>
  )
}

function SideCard({
  title,
  side,
  years,
  onChange,
}: {
  title: string
  side: Side
  years: string[]
  onChange: (patch: Partial<Side>) => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const id = useId()
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby={id}>
      <Text fw={600} id={id} mb={4}>
        {title}
      </Text>
      <Group align="flex-end" gap="xs" wrap="wrap">
        <Select
          label={t('reports.periodKind')}
          data={(['year', 'half', 'quarter', 'custom'] as const).map((k) => ({
            value: k,
            label: t(`reports.kinds.${k}`),
          }))}
          value={side.kind}
          onChange={(v) => v && onChange({ kind: v as Kind })}
          allowDeselect={false}
          w={140}
        />
        {side.kind !== 'custom' && (
          <Select
            label={t('reports.year')}
            data={years}
            value={String(side.year)}
            onChange={(v) => v && onChange({ year: Number(v) })}
            allowDeselect={false}
            w={100}
          />
        )}
        {side.kind === 'half' && (
          <Select
            label={t('reports.half')}
            data={(['1', '2'] as const).map((h) => ({ value: h, label: t(`reports.halves.${h}`) }))}
            value={String(side.half)}
            onChange={(v) => v && onChange({ half: Number(v) as 1 | 2 })}
            allowDeselect={false}
            w={140}
          />
        )}
        {side.kind === 'quarter' && (
          <Select
            label={t('reports.quarter')}
            data={['1', '2', '3', '4'].map((q) => ({ value: q, label: `Q${q}` }))}
            value={String(side.quarter)}
            onChange={(v) => v && onChange({ quarter: Number(v) as 1 | 2 | 3 | 4 })}
            allowDeselect={false}
            w={80}
          />
        )}
        {side.kind === 'custom' && (
          <>
            <DateField
              label={t('reports.from')}
              value={side.from}
              onChange={(v) => onChange({ from: v ?? '' })}
              w={140}
            />
            <DateField
              label={t('reports.to')}
              value={side.to}
              onChange={(v) => onChange({ to: v ?? '' })}
              error={
                side.from && side.to && side.from > side.to
                  ? t('validation.periodOrder')
                  : undefined
              }
              w={140}
            />
          </>
        )}
        <AreaField value={side.area} onChange={(v) => onChange({ area: v })} w={220} />
      </Group>
    </Card>
  )
}

/** A side's column head: its area (or all areas) over its period. */
function SideHead({ side }: { side: ReportSide }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <>
      <Text size="sm" fw={600} span display="block">
        {side.area ?? t('reports.areaAll')}
      </Text>
      <Text size="xs" c="dimmed" fw={400} span display="block">
        {`${toDutchDate(side.period.from)} t/m ${toDutchDate(side.period.to)}`}
      </Text>
    </>
  )
}

function Comparison({ comparison }: { comparison: ReportComparison }): React.JSX.Element {
  return (
    <Stack gap="md" data-testid="comparison">
      {REPORT_SECTIONS.map((section) => (
        <CompareSection key={section} comparison={comparison} section={section} />
      ))}
    </Stack>
  )
}

function CompareSection({
  comparison,
  section,
}: {
  comparison: ReportComparison
  section: ReportSection
}): React.JSX.Element | null {
  const { t, i18n } = useTranslation()
  const lang = (i18n.language === 'en' ? 'en' : 'nl') as 'nl' | 'en'
  const id = useId()
  const rows = comparison.rows.filter((r) => r.section === section)
  const byKey = useMemo(() => new Map(comparison.rows.map((r) => [r.key, r])), [comparison.rows])
  const depth = (r: Row): number => {
    let d = 0
    for (let p = r.partOf; p && d < 4; p = byKey.get(p)?.partOf ?? null) d += 1
    return d
  }
  const definitionOf = (r: Row): string | undefined =>
    comparison.definitions.find((d) => r.key === d.key || r.key.startsWith(`${d.key}.`))?.text[lang]
  const definitions = comparison.definitions.filter((d) =>
    rows.some((r) => r.key === d.key || r.key.startsWith(`${d.key}.`)),
  )
  const none = t('reports.noValue')
  if (!rows.length) return null
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={id}>
      <Title order={3} size="h4" id={id} mb="xs">
        {t(`reports.sections.${section}`)}
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover aria-labelledby={id}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.compare.figure')}</Table.Th>
              <Table.Th ta="right" data-testid="left-head">
                <SideHead side={comparison.left} />
              </Table.Th>
              <Table.Th ta="right" data-testid="right-head">
                <SideHead side={comparison.right} />
              </Table.Th>
              <Table.Th ta="right">{t('reports.compare.difference')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key} data-testid={`compare-${r.key}`}>
                <Table.Td pl={8 + depth(r) * 20} title={definitionOf(r)}>
                  <Text size="sm" fw={r.partOf ? 400 : 500}>
                    {figureRowLabel(r, r.partOf ? byKey.get(r.partOf) : undefined, lang)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" data-testid="left">
                  {figureText(r, r.left, lang, none)}
                </Table.Td>
                <Table.Td ta="right" data-testid="right">
                  {figureText(r, r.right, lang, none)}
                </Table.Td>
                <Table.Td ta="right" data-testid="difference">
                  {differenceText(r, r.left, r.right, lang, t('reports.compare.points'))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {definitions.length > 0 && (
        <Accordion variant="contained" mt="sm">
          <Accordion.Item value="definitions">
            <Accordion.Control>
              <Text size="sm">{t('reports.compare.definitions')}</Text>
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap={6}>
                {definitions.map((d) => (
                  <Text size="sm" key={d.key}>
                    <Text span fw={600} size="sm">
                      {d.label[lang]}
                    </Text>
                    {`: ${d.text[lang]}`}
                  </Text>
                ))}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      )}
    </Card>
  )
}
