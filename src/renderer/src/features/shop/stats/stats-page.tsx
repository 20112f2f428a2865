import { useId, useMemo, useState } from 'react'
import {
  Autocomplete,
  Card,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { ErrorAlert } from '../../../common/components/error-alert'
import { useDistricts } from '../../../common/hooks/use-districts'
import { ListExportButton } from '../../../common/components/list-export-button'
import { useDebouncedValue } from '@mantine/hooks'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { call } from '../../../api'
import { DateField } from '../../../common/components/date-field'
import { serverFieldErrors } from '../../../common/forms'
import { toDutchDate } from '../../../../../shared/dates'
import { isRealDate } from '../../../../../shared/schemas/common'
import type { CountBy, ShopStats } from '../../../../../shared/schemas/shop'
import { useShopDay } from '../../../common/hooks/use-shop-day'
import { formatNumber, instantText, intlLocale } from '../../../common/format'
import { shopErrorMessage } from '../shop-errors'
import { useLoad } from '../../../common/hooks/use-load'
import { Figure } from './figure'
import { TotalsSection } from './totals-section'

type CountKey =
  | 'householdsReached'
  | 'newHouseholds'
  | 'visits'
  | 'childrenReached'
  | 'appointmentsCame'
  | 'appointmentsNoShow'

/** Each figure with the test id an e2e test reads it by; the element holds only the number. */
const FIGURES: { key: CountKey; testId: string }[] = [
  { key: 'householdsReached', testId: 'stat-households-reached' },
  { key: 'newHouseholds', testId: 'stat-new-households' },
  { key: 'visits', testId: 'stat-visits' },
  { key: 'childrenReached', testId: 'stat-children-reached' },
  { key: 'appointmentsCame', testId: 'stat-came' },
  { key: 'appointmentsNoShow', testId: 'stat-no-show' },
]

/**
 * The no-show rate as a percentage with exactly one decimal, e.g. "12,5" and "10,0", so the total
 * and the rows per district read alike; a dash when undefined.
 */
export function formatRate(rate: number | null, lang: string): string {
  if (rate === null) return '–'
  return new Intl.NumberFormat(intlLocale(lang), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    useGrouping: false,
  }).format(rate * 100)
}

/** The shop's figures for a period, with the definitions the report uses. */
export function StatsPage(): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const shopDay = useShopDay()
  const districts = useDistricts()
  // null: the default period, this calendar year so far by main's clock.
  const [chosenFrom, setFrom] = useState<string | null>(null)
  const [chosenTo, setTo] = useState<string | null>(null)
  const from = chosenFrom ?? (shopDay ? `${shopDay.today.slice(0, 4)}-01-01` : null)
  const to = chosenTo ?? shopDay?.today ?? null
  const [district, setDistrict] = useState('')
  const [debouncedDistrict] = useDebouncedValue(district.trim(), 400)

  // A field holding text that is no date says so itself; the figures wait for a real period.
  const validFrom = from && isRealDate(from) ? from : null
  const validTo = to && isRealDate(to) ? to : null
  const orderError =
    validFrom && validTo && validFrom > validTo ? t('validation.periodOrder') : null
  const loader = useMemo(
    () =>
      validFrom && validTo && validFrom <= validTo
        ? () =>
            call('shop.stats', {
              from: validFrom,
              to: validTo,
              district: debouncedDistrict || null,
            })
        : null,
    [validFrom, validTo, debouncedDistrict],
  )
  const { data: current, error } = useLoad(loader)
  // Keep the last figures on screen while new ones load, so the page does not jump.
  const [shown, setShown] = useState<ShopStats | null>(null)
  if (current && current !== shown) setShown(current)
  const stats = current ?? shown
  const loading = loader !== null && current === null && !error
  const problem = error ? shopErrorMessage(t, error) : null
  const fieldErrors = error ? serverFieldErrors(t, error) : {}

  return (
    <Stack gap="md">
      <Title order={2}>{t('stats.title')}</Title>
      <Group align="flex-start" wrap="wrap">
        <DateField
          label={t('stats.from')}
          required
          value={from}
          onChange={(v) => v && setFrom(v)}
          error={fieldErrors.from}
          w={180}
        />
        <DateField
          label={t('stats.to')}
          required
          value={to}
          onChange={(v) => v && setTo(v)}
          error={orderError ?? fieldErrors.to}
          w={180}
        />
        <Autocomplete
          label={t('stats.district')}
          placeholder={t('stats.allDistricts')}
          data={districts}
          value={district}
          onChange={setDistrict}
          w={220}
        />
        <ListExportButton
          label={t('stats.exportVisits')}
          mt={25}
          disabled={!(validFrom && validTo && validFrom <= validTo)}
          filters={{
            list: 'visits',
            from: validFrom ?? '',
            to: validTo ?? '',
            district: debouncedDistrict || null,
          }}
        />
        {loading && <Loader size="sm" mt={30} aria-label={t('common.loading')} />}
      </Group>
      <ErrorAlert message={problem} />
      {stats === null ? (
        !problem && <Loader aria-label={t('common.loading')} />
      ) : (
        <StatsView stats={stats} t={t} lang={i18n.language} />
      )}
      {shopDay && <TotalsSection today={shopDay.today} district={debouncedDistrict} />}
    </Stack>
  )
}

function StatsView({
  stats,
  t,
  lang,
}: {
  stats: ShopStats
  t: TFunction
  lang: string
}): React.JSX.Element {
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" data-testid="stats-meta">
        {t('stats.period', {
          from: toDutchDate(stats.period.from),
          to: toDutchDate(stats.period.to),
        })}{' '}
        · {t('stats.districtShown', { district: stats.district ?? t('stats.allDistricts') })} ·{' '}
        {t('stats.generatedAt', { at: instantText(stats.generatedAt) })}
      </Text>

      <SimpleGrid component="dl" cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" m={0}>
        {FIGURES.map((f) => (
          <Figure
            key={f.key}
            label={t(`stats.figures.${f.key}.label`)}
            help={t(`stats.figures.${f.key}.help`)}
            testId={f.testId}
            value={formatNumber(stats[f.key], lang)}
          />
        ))}
        <Figure
          label={t('stats.figures.noShowRate.label')}
          help={t('stats.figures.noShowRate.help')}
          testId="stat-no-show-rate"
          value={formatRate(stats.noShowRate, lang)}
          suffix={stats.noShowRate === null ? '' : '%'}
        />
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <CountTable
          title={t('stats.referrals.title')}
          help={t('stats.referrals.help')}
          keyTitle={t('stats.referrals.key')}
          rows={stats.referrals}
          empty={t('stats.referrals.empty')}
          testId="stats-referrals"
        />
        <CountTable
          title={t('stats.topics.title')}
          help={t('stats.topics.help')}
          keyTitle={t('stats.topics.key')}
          rows={stats.topics}
          empty={t('stats.topics.empty')}
          testId="stats-topics"
        />
      </SimpleGrid>

      <AnswersTable stats={stats} lang={lang} />

      <DistrictTable rows={stats.byDistrict} t={t} lang={lang} />
    </Stack>
  )
}

function CountTable({
  title,
  help,
  keyTitle,
  rows,
  empty,
  testId,
}: {
  title: string
  help: string
  keyTitle: string
  rows: CountBy[]
  empty: string
  testId: string
}): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const id = useId()
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Title order={3} id={id}>
        {title}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {help}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm">{empty}</Text>
      ) : (
        <Table striped data-testid={testId} aria-labelledby={id}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{keyTitle}</Table.Th>
              {SOURCES.map((c) => (
                <Table.Th key={c} ta="right">
                  {t(`stats.sources.${c}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td>{r.key}</Table.Td>
                {SOURCES.map((c) => (
                  <Table.Td key={c} ta="right" fw={c === 'total' ? 600 : undefined}>
                    {formatNumber(r[c], i18n.language)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  )
}

/** Where a topic or referral was counted: the intake, the visit, and both together. */
const SOURCES = ['intakes', 'visits', 'total'] as const

/** How the intake's yes / no / unknown questions were answered in the period. */
function AnswersTable({ stats, lang }: { stats: ShopStats; lang: string }): React.JSX.Element {
  const { t } = useTranslation()
  const id = useId()
  const rows = [
    { key: 'debts', answers: stats.debts },
    { key: 'multipleProblems', answers: stats.multipleProblems },
  ] as const
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Title order={3} id={id}>
        {t('stats.answers.title')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('stats.answers.help', { count: stats.intakes })}
      </Text>
      <Table.ScrollContainer minWidth={520}>
        <Table striped data-testid="stats-answers" aria-labelledby={id}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('stats.answers.question')}</Table.Th>
              <Table.Th ta="right">{t('stats.answers.yes')}</Table.Th>
              <Table.Th ta="right">{t('stats.answers.no')}</Table.Th>
              <Table.Th ta="right">{t('stats.answers.unknown')}</Table.Th>
              <Table.Th ta="right">{t('stats.answers.shareYes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td>{t(`stats.answers.${r.key}`)}</Table.Td>
                <Table.Td ta="right">{formatNumber(r.answers.yes, lang)}</Table.Td>
                <Table.Td ta="right">{formatNumber(r.answers.no, lang)}</Table.Td>
                <Table.Td ta="right">{formatNumber(r.answers.unknown, lang)}</Table.Td>
                <Table.Td ta="right" fw={600}>
                  {formatRate(r.answers.shareYes, lang)}
                  {r.answers.shareYes === null ? '' : '%'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  )
}

function DistrictTable({
  rows,
  t,
  lang,
}: {
  rows: ShopStats['byDistrict']
  t: TFunction
  lang: string
}): React.JSX.Element {
  const id = useId()
  const columns = FIGURES.map((f) => f.key)
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Title order={3} id={id} mb="xs">
        {t('stats.byDistrict.title')}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm">{t('stats.byDistrict.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table striped data-testid="stats-by-district" aria-labelledby={id}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('stats.byDistrict.district')}</Table.Th>
                {columns.map((c) => (
                  <Table.Th key={c} ta="right">
                    {t(`stats.figures.${c}.short`)}
                  </Table.Th>
                ))}
                <Table.Th ta="right">{t('stats.figures.noShowRate.short')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.district}>
                  <Table.Td>{r.district || t('stats.byDistrict.none')}</Table.Td>
                  {columns.map((c) => (
                    <Table.Td key={c} ta="right">
                      {formatNumber(r[c], lang)}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right">
                    {formatRate(r.noShowRate, lang)}
                    {r.noShowRate === null ? '' : '%'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  )
}
