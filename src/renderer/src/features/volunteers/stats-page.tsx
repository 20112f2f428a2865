import { FigureCard as Figure } from './figure-card'
import { useMemo, useState } from 'react'
import {
  Anchor,
  Card,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { DateField } from '../../common/components/date-field'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage, serverFieldErrors } from '../../common/forms'
import { formatNumber } from '../../common/format'
import { useLoad } from '../../common/hooks/use-load'
import { useToday } from '../../common/hooks/use-shop-day'
import { toDutchDate } from '../../../../shared/dates'
import { isRealDate } from '../../../../shared/schemas/common'
import {
  OUTFLOW_KINDS,
  type ProgressFigure,
  type VolunteersStats,
} from '../../../../shared/schemas/volunteers-followup'
import { ZRM11_DOMAINS } from '../../../../shared/zrm'
import { SupportFiguresSection } from '../support'

type FigureKey =
  | 'registered'
  | 'newRegistrations'
  | 'intakes'
  | 'waitingMedian'
  | 'waitingMean'
  | 'placementsStarted'
  | 'activePlacements'
  | 'hours'
  | 'fte'

const FIGURES: FigureKey[] = [
  'registered',
  'newRegistrations',
  'intakes',
  'waitingMedian',
  'waitingMean',
  'placementsStarted',
  'activePlacements',
  'hours',
  'fte',
]

/** A figure through the app's one number formatter; a dash where there is none. */
function number(value: number | null, lang: string, decimals = 0): string {
  return value === null ? '–' : formatNumber(value, lang, decimals)
}

/** Hours as a figure: thousands grouped, up to two decimals ("3.452.425,25"). */
function hoursFigure(value: number, lang: string): string {
  return formatNumber(value, lang, 2, 0)
}

const DECIMALS: Partial<Record<FigureKey, number>> = {
  waitingMedian: 1,
  waitingMean: 1,
  fte: 2,
}

/**
 * The volunteers' figures for a period (this year so far unless chosen), each with its
 * definition next to it. Compact on the dashboard: the main figures only, and a link here.
 */
export function FiguresSection({
  today,
  compact = false,
}: {
  today: string
  compact?: boolean
}): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const [from, setFrom] = useState<string | null>(`${today.slice(0, 4)}-01-01`)
  const [to, setTo] = useState<string | null>(today)
  const [district, setDistrict] = useState('')
  const [debouncedDistrict] = useDebouncedValue(district.trim(), 400)
  const validFrom = from && isRealDate(from) ? from : null
  const validTo = to && isRealDate(to) ? to : null
  const orderError =
    validFrom && validTo && validFrom > validTo ? t('validation.periodOrder') : null
  const loader = useMemo(
    () =>
      validFrom && validTo && validFrom <= validTo
        ? () =>
            call('volunteers.stats', {
              from: validFrom,
              to: validTo,
              district: debouncedDistrict || null,
            })
        : null,
    [validFrom, validTo, debouncedDistrict],
  )
  const { data: current, error } = useLoad(loader)
  // The last figures stay on screen while new ones load, so the page does not jump.
  const [shown, setShown] = useState<VolunteersStats | null>(null)
  if (current && current !== shown) setShown(current)
  const stats = current ?? shown
  const fieldErrors = error ? serverFieldErrors(t, error) : {}

  return (
    <Stack gap="md" component="section" aria-label={t('volunteers.stats.title')}>
      {compact ? (
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t('volunteers.stats.title')}
          </Title>
          <Anchor href="#/volunteers/stats" size="sm">
            {t('volunteers.dashboard.toStats')}
          </Anchor>
        </Group>
      ) : (
        <Group align="flex-start" wrap="wrap">
          <DateField
            label={t('volunteers.stats.from')}
            required
            value={from}
            onChange={(v) => v && setFrom(v)}
            error={fieldErrors.from}
            w={180}
          />
          <DateField
            label={t('volunteers.stats.to')}
            required
            value={to}
            onChange={(v) => v && setTo(v)}
            error={orderError ?? fieldErrors.to}
            w={180}
          />
          <TextInput
            label={t('volunteers.stats.district')}
            placeholder={t('volunteers.stats.allDistricts')}
            value={district}
            onChange={(e) => setDistrict(e.currentTarget.value)}
            error={fieldErrors.district}
            w={220}
          />
        </Group>
      )}
      <ErrorAlert
        message={error && !Object.keys(fieldErrors).length ? errorMessage(t, error) : null}
      />
      {!stats ? (
        !error && <Loader aria-label={t('common.loading')} />
      ) : (
        <>
          <Text size="sm" c="dimmed" data-testid="volunteers-stats-period">
            {t('volunteers.stats.period', {
              from: toDutchDate(stats.period.from),
              to: toDutchDate(stats.period.to),
            })}
            {stats.district ? ` · ${stats.district}` : ''}
          </Text>
          <SimpleGrid component="dl" cols={{ base: 1, sm: 3, lg: compact ? 5 : 3 }} m={0}>
            {(compact
              ? ([
                  'registered',
                  'intakes',
                  'placementsStarted',
                  'activePlacements',
                  'hours',
                ] as const)
              : FIGURES
            ).map((f) => (
              <Figure
                key={f}
                label={t(`volunteers.stats.figures.${f}.label`)}
                help={t(`volunteers.stats.figures.${f}.help`)}
                testId={`vstat-${f}`}
                value={
                  f === 'hours'
                    ? hoursFigure(stats.hours, lang)
                    : number(stats[f], lang, DECIMALS[f] ?? 0)
                }
              />
            ))}
          </SimpleGrid>
          {!compact && <StatsTables stats={stats} />}
          {!compact && <SupportFiguresSection figures={stats.support} />}
        </>
      )}
    </Stack>
  )
}

function Help({ children }: { children: string }): React.JSX.Element {
  return (
    <Text size="xs" c="dimmed" mb="xs">
      {children}
    </Text>
  )
}

function ProgressCells({ p }: { p: ProgressFigure }): React.JSX.Element {
  const { i18n } = useTranslation()
  return (
    <>
      <Table.Td ta="right">{number(p.n, i18n.language)}</Table.Td>
      <Table.Td ta="right">{number(p.mean, i18n.language, 2)}</Table.Td>
      <Table.Td ta="right">{number(p.up, i18n.language)}</Table.Td>
      <Table.Td ta="right">{number(p.same, i18n.language)}</Table.Td>
      <Table.Td ta="right">{number(p.down, i18n.language)}</Table.Td>
    </>
  )
}

function StatsTables({ stats }: { stats: VolunteersStats }): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const hasProgress = ZRM11_DOMAINS.some((d) => stats.progress[d].n > 0)
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
        <Card withBorder>
          <Title order={3} size="h5">
            {t('volunteers.stats.outflow.title')}
          </Title>
          <Help>{t('volunteers.stats.outflow.help')}</Help>
          {stats.outflowTotal === 0 ? (
            <Text size="sm" c="dimmed">
              {t('volunteers.stats.outflow.none')}
            </Text>
          ) : (
            <Table aria-label={t('volunteers.stats.outflow.title')} data-testid="vstat-outflow">
              <Table.Tbody>
                {OUTFLOW_KINDS.filter((k) => stats.outflow[k] > 0).map((k) => (
                  <Table.Tr key={k}>
                    <Table.Td>{t(`volunteers.labels.outflow.${k}`)}</Table.Td>
                    <Table.Td ta="right">{number(stats.outflow[k], i18n.language)}</Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr>
                  <Table.Td fw={600}>{t('volunteers.hours.total')}</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {number(stats.outflowTotal, i18n.language)}
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          )}
        </Card>
        <Card withBorder>
          <Title order={3} size="h5">
            {t('volunteers.stats.programmes.title')}
          </Title>
          <Help>{t('volunteers.stats.programmes.help')}</Help>
          {stats.programmes.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('volunteers.stats.programmes.none')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table aria-label={t('volunteers.stats.programmes.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('volunteers.stats.programmes.name')}</Table.Th>
                    <Table.Th ta="right">{t('volunteers.stats.programmes.people')}</Table.Th>
                    <Table.Th ta="right">{t('volunteers.stats.programmes.new')}</Table.Th>
                    <Table.Th ta="right">{t('volunteers.stats.programmes.placed')}</Table.Th>
                    <Table.Th ta="right">{t('volunteers.stats.programmes.outflow')}</Table.Th>
                    <Table.Th ta="right">{t('volunteers.stats.programmes.funded')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {stats.programmes.map((p) => (
                    <Table.Tr key={p.programmeId}>
                      <Table.Td>{p.name}</Table.Td>
                      <Table.Td ta="right">{number(p.people, i18n.language)}</Table.Td>
                      <Table.Td ta="right">{number(p.new, i18n.language)}</Table.Td>
                      <Table.Td ta="right">{number(p.placed, i18n.language)}</Table.Td>
                      <Table.Td ta="right">{number(p.outflow, i18n.language)}</Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {p.fundedForPeriod === null
                          ? '–'
                          : t('volunteers.stats.programmes.fundedShown', {
                              period: number(p.fundedForPeriod, i18n.language, 1),
                              year: p.fundedPerYear,
                            })}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                  {/* People without a programme, as main counts them: the rows add up. */}
                  {stats.withoutProgramme.people + stats.withoutProgramme.placed > 0 ? (
                    <Table.Tr data-testid="vstat-no-programme">
                      <Table.Td fs="italic">{t('volunteers.stats.programmes.without')}</Table.Td>
                      <Table.Td ta="right">
                        {number(stats.withoutProgramme.people, i18n.language)}
                      </Table.Td>
                      <Table.Td ta="right">
                        {number(stats.withoutProgramme.new, i18n.language)}
                      </Table.Td>
                      <Table.Td ta="right">
                        {number(stats.withoutProgramme.placed, i18n.language)}
                      </Table.Td>
                      <Table.Td ta="right">
                        {number(stats.withoutProgramme.outflow, i18n.language)}
                      </Table.Td>
                      <Table.Td ta="right">–</Table.Td>
                    </Table.Tr>
                  ) : null}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Title order={3} size="h5">
          {t('volunteers.stats.progress.title')}
        </Title>
        <Help>{t('volunteers.stats.progress.help')}</Help>
        {!hasProgress && !stats.ladder?.n ? (
          <Text size="sm" c="dimmed">
            {t('volunteers.stats.progress.none')}
          </Text>
        ) : (
          <Table
            aria-label={t('volunteers.stats.progress.title')}
            striped
            data-testid="vstat-progress"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('volunteers.stats.progress.domain')}</Table.Th>
                <Table.Th ta="right">{t('volunteers.stats.progress.n')}</Table.Th>
                <Table.Th ta="right">{t('volunteers.stats.progress.mean')}</Table.Th>
                <Table.Th ta="right">{t('volunteers.stats.progress.up')}</Table.Th>
                <Table.Th ta="right">{t('volunteers.stats.progress.same')}</Table.Th>
                <Table.Th ta="right">{t('volunteers.stats.progress.down')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ZRM11_DOMAINS.map((d) => (
                <Table.Tr key={d}>
                  <Table.Td>{t(`zrm.domains.${d}`)}</Table.Td>
                  <ProgressCells p={stats.progress[d]} />
                </Table.Tr>
              ))}
              {stats.ladder && (
                <Table.Tr>
                  <Table.Td>{t('volunteers.stats.progress.ladder')}</Table.Td>
                  <ProgressCells p={stats.ladder} />
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      {stats.byDistrict.length > 0 && (
        <Card withBorder>
          <Title order={3} size="h5">
            {t('volunteers.stats.districts.title')}
          </Title>
          <Help>{t('volunteers.stats.districts.help')}</Help>
          <Table.ScrollContainer minWidth={800}>
            <Table striped aria-label={t('volunteers.stats.districts.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('volunteers.stats.districts.name')}</Table.Th>
                  {FIGURES.map((f) => (
                    <Table.Th key={f} ta="right">
                      {t(`volunteers.stats.figures.${f}.label`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {stats.byDistrict.map((d) => (
                  <Table.Tr key={d.district}>
                    <Table.Td>{d.district || t('volunteers.stats.districts.noDistrict')}</Table.Td>
                    {FIGURES.map((f) => (
                      <Table.Td key={f} ta="right">
                        {f === 'hours'
                          ? hoursFigure(d.hours, i18n.language)
                          : number(d[f], i18n.language, DECIMALS[f] ?? 0)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Stack>
  )
}

/** The volunteers' figures for a chosen period, with every definition next to its figure. */
export function VolunteersStatsPage(): React.JSX.Element {
  const { t } = useTranslation()
  const today = useToday()
  return (
    <Stack gap="md">
      <Title order={2}>{t('volunteers.stats.title')}</Title>
      <FiguresSection key={today} today={today} />
    </Stack>
  )
}
