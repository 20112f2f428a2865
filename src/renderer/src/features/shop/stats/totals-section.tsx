import { useId, useMemo, useState } from 'react'
import { Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { call } from '../../../api'
import { DateField } from '../../../common/components/date-field'
import { ErrorAlert } from '../../../common/components/error-alert'
import { serverFieldErrors } from '../../../common/forms'
import { useLoad } from '../../../common/hooks/use-load'
import { formatNumber, instantText } from '../../../common/format'
import { toDutchDate } from '../../../../../shared/dates'
import { isRealDate } from '../../../../../shared/schemas/common'
import type { ShopTotals } from '../../../../../shared/schemas/shop'
import { shopErrorMessage } from '../shop-errors'
import { Figure } from './figure'

type SinceKey = keyof ShopTotals['sinceStart']

/** The figures since the start, each with the test id an e2e test reads it by. */
const SINCE: { key: SinceKey; testId: string }[] = [
  { key: 'newHouseholds', testId: 'total-new-households' },
  { key: 'householdsReached', testId: 'total-households-reached' },
  { key: 'visits', testId: 'total-visits' },
  { key: 'childrenReached', testId: 'total-children-reached' },
  { key: 'intakes', testId: 'total-intakes' },
]

/**
 * "Since the start" and "on a date": the shop's figures from its first day up to a chosen day
 * (today unless changed), and the active families and volunteers on that day. Over a long
 * history main counts them in a worker, so the figures may take a moment; the previous ones stay
 * on screen meanwhile.
 */
export function TotalsSection({
  today,
  district,
}: {
  /** Main's today: the date asked about until the user picks another. */
  today: string
  district: string
}): React.JSX.Element {
  const { t } = useTranslation()
  const id = useId()
  const [chosen, setChosen] = useState<string | null>(null)
  const date = chosen ?? today
  const valid = isRealDate(date) ? date : null
  const loader = useMemo(
    () => (valid ? () => call('shop.totals', { date: valid, district: district || null }) : null),
    [valid, district],
  )
  const { data: current, error } = useLoad(loader)
  const [shown, setShown] = useState<ShopTotals | null>(null)
  if (current && current !== shown) setShown(current)
  const totals = current ?? shown
  const loading = loader !== null && current === null && !error
  const problem = error ? shopErrorMessage(t, error) : null
  const fieldErrors = error ? serverFieldErrors(t, error) : {}

  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={3} id={id}>
          {t('stats.totals.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('stats.totals.intro')}
        </Text>
        <Group align="flex-start">
          <DateField
            label={t('stats.totals.date')}
            required
            value={date}
            onChange={(v) => v && setChosen(v)}
            error={fieldErrors.date}
            w={180}
          />
          {loading && <Loader size="sm" mt={30} aria-label={t('common.loading')} />}
        </Group>
        <ErrorAlert message={problem} />
        {totals && <TotalsView totals={totals} />}
      </Stack>
    </Card>
  )
}

function TotalsView({ totals }: { totals: ShopTotals }): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const date = toDutchDate(totals.date)
  return (
    <Stack gap="sm">
      <Title order={4}>{t('stats.totals.sinceTitle')}</Title>
      <Text size="sm" data-testid="totals-since">
        {totals.start === null
          ? t('stats.totals.noStart', { date })
          : t('stats.totals.since', { start: toDutchDate(totals.start), date })}
      </Text>
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2, lg: 5 }} spacing="md" m={0}>
        {SINCE.map((f) => (
          <Figure
            key={f.key}
            label={t(`stats.totals.figures.${f.key}.label`)}
            help={t(`stats.totals.figures.${f.key}.help`)}
            testId={f.testId}
            value={formatNumber(totals.sinceStart[f.key], i18n.language)}
          />
        ))}
      </SimpleGrid>
      <Title order={4}>{t('stats.totals.onDateTitle', { date })}</Title>
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" m={0}>
        <Figure
          label={t('stats.totals.figures.activeHouseholds.label')}
          help={t('stats.totals.figures.activeHouseholds.help', {
            from: toDutchDate(totals.onDate.activeFrom),
            date,
          })}
          testId="total-active-households"
          value={formatNumber(totals.onDate.activeHouseholds, i18n.language)}
        />
        <Figure
          label={t('stats.totals.figures.volunteers.label')}
          help={t('stats.totals.figures.volunteers.help', {
            from: toDutchDate(totals.onDate.volunteersFrom),
            date,
          })}
          testId="total-volunteers"
          value={formatNumber(totals.onDate.volunteers, i18n.language)}
        />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('stats.generatedAt', { at: instantText(totals.generatedAt) })}
      </Text>
    </Stack>
  )
}
