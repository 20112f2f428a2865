import { useCallback, useMemo, useState } from 'react'
import { ListExportButton } from '../../common/components/list-export-button'
import {
  Anchor,
  Badge,
  Card,
  Checkbox,
  Group,
  Loader,
  ScrollArea,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { useToday } from '../../common/hooks/use-shop-day'
import { toDutchDate } from '../../../../shared/dates'
import {
  ACTIVE_STEPS,
  type ActiveStep,
  type Placement,
} from '../../../../shared/schemas/volunteers-matching'
import { MoreLine } from './more-line'
import { PlacementActions } from './placement-actions'
import { stepDate } from './person-placements'
import { STEP_COLOURS } from './use-lists'

/** Cards per column at first and per "Meer tonen": enough to work with, few enough to draw. */
export const BOARD_PAGE = 25

/**
 * Every running placement in a column per pipeline step; closed ones below when asked for. Each
 * column shows its newest cards and the true count from main, with "Meer tonen" for the next.
 */
export function PlacementsBoardPage(): React.JSX.Element {
  const { t } = useTranslation()
  const today = useToday()
  const [showClosed, setShowClosed] = useState(false)
  const loader = useMemo(
    () => () => call('placements.list', { scope: 'active', perStep: BOARD_PAGE }),
    [],
  )
  const { data, error, reload } = useLoad(loader)
  const closedLoader = useMemo(
    () =>
      showClosed ? () => call('placements.list', { scope: 'closed', limit: BOARD_PAGE }) : null,
    [showClosed],
  )
  const closed = useLoad(closedLoader)
  // One array per step and load: a column keeps the cards it fetched more of until the board reloads.
  const byStep = useMemo(
    () =>
      Object.fromEntries(
        ACTIVE_STEPS.map((step) => [step, (data?.rows ?? []).filter((p) => p.step === step)]),
      ) as Record<ActiveStep, Placement[]>,
    [data],
  )

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{t('volunteers.board.title')}</Title>
          <Text c="dimmed" maw={760}>
            {t('volunteers.board.intro')}
          </Text>
        </div>
        {/* The running placements, and the closed ones too when they are shown. */}
        <ListExportButton filters={{ list: 'placements', scope: showClosed ? 'all' : 'active' }} />
      </Group>
      <ErrorAlert message={error ? errorMessage(t, error) : null} />
      {!data ? (
        !error && <Loader aria-label={t('common.loading')} />
      ) : (
        <>
          {ACTIVE_STEPS.some((s) => data.counts[s] > BOARD_PAGE) && (
            <Text size="sm" c="dimmed" data-testid="board-per-step-note">
              {t('volunteers.board.perStepNote', { count: BOARD_PAGE })}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
            {ACTIVE_STEPS.map((step) => (
              <BoardColumn
                key={step}
                step={step}
                first={byStep[step]}
                total={data.counts[step]}
                today={today}
                onChanged={reload}
              />
            ))}
          </SimpleGrid>
        </>
      )}
      <Checkbox
        label={t('volunteers.board.showClosed')}
        checked={showClosed}
        onChange={(e) => setShowClosed(e.currentTarget.checked)}
      />
      {showClosed && closed.data && (
        <ClosedList
          first={closed.data.rows}
          total={closed.data.total}
          today={today}
          onChanged={reload}
        />
      )}
    </Stack>
  )
}

/** The next cards after `offset` of one step, or of the closed ones. */
function useMore(
  fetchMore: (offset: number) => Promise<Placement[]>,
  first: Placement[],
): { rows: Placement[]; loading: boolean; error: unknown; more: () => void } {
  // The cards fetched beyond `first`, kept with the load they continue: a reload of the board
  // (after a step moved) starts every column again from its newest cards.
  const [extra, setExtra] = useState<{ of: Placement[]; rows: Placement[] }>({
    of: first,
    rows: [],
  })
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const rows = useMemo(() => {
    const ids = new Set(first.map((p) => p.id))
    const more = extra.of === first ? extra.rows : []
    return [...first, ...more.filter((p) => !ids.has(p.id))]
  }, [first, extra])
  const more = (): void => {
    setLoading(true)
    setError(null)
    fetchMore(rows.length)
      .then((next) =>
        setExtra((had) => ({ of: first, rows: [...(had.of === first ? had.rows : []), ...next] })),
      )
      .catch(setError)
      .finally(() => setLoading(false))
  }
  return { rows, loading, error, more }
}

function BoardColumn({
  step,
  first,
  total,
  today,
  onChanged,
}: {
  step: ActiveStep
  first: Placement[]
  total: number
  today: string
  onChanged: () => void
}): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const fetchMore = useCallback(
    (offset: number) =>
      call('placements.list', { step, perStep: BOARD_PAGE, offset }).then((r) => r.rows),
    [step],
  )
  const { rows, loading, error, more } = useMore(fetchMore, first)
  return (
    <Card
      withBorder
      padding="xs"
      bg="gray.0"
      component="section"
      aria-label={t(`volunteers.labels.step.${step}`)}
    >
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          {t(`volunteers.labels.step.${step}`)}
        </Title>
        <Badge variant="light" color={STEP_COLOURS[step]} data-testid={`board-count-${step}`}>
          {total.toLocaleString(i18n.language)}
        </Badge>
      </Group>
      <ScrollArea.Autosize mah={640}>
        <Stack gap="xs">
          {rows.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('volunteers.board.empty')}
            </Text>
          )}
          {rows.map((p) => (
            <BoardCard key={p.id} placement={p} today={today} onChanged={onChanged} />
          ))}
        </Stack>
      </ScrollArea.Autosize>
      <ErrorAlert message={error ? errorMessage(t, error) : null} />
      <MoreLine shown={rows.length} total={total} loading={loading} onMore={more} />
    </Card>
  )
}

function ClosedList({
  first,
  total,
  today,
  onChanged,
}: {
  first: Placement[]
  total: number
  today: string
  onChanged: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const fetchMore = useCallback(
    (offset: number) =>
      call('placements.list', { scope: 'closed', limit: BOARD_PAGE, offset }).then((r) => r.rows),
    [],
  )
  const { rows, loading, error, more } = useMore(fetchMore, first)
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        {rows.map((p) => (
          <BoardCard key={p.id} placement={p} today={today} onChanged={onChanged} />
        ))}
      </SimpleGrid>
      <ErrorAlert message={error ? errorMessage(t, error) : null} />
      <MoreLine shown={rows.length} total={total} loading={loading} onMore={more} />
    </Stack>
  )
}

function BoardCard({
  placement: p,
  today,
  onChanged,
}: {
  placement: Placement
  today: string
  onChanged: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const soon = p.step === 'trial' && p.trialEndsOn !== null && p.trialEndsOn <= today
  return (
    <Card withBorder padding="xs" role="article" aria-label={`${p.personName}, ${p.vacancyTitle}`}>
      <Anchor href={`#/volunteers/people/${p.personId}?tab=placements`} size="sm" fw={600}>
        {p.personName}
      </Anchor>
      <Text size="xs">
        <Anchor href={`#/volunteers/vacancies/${p.vacancyId}`} size="xs">
          {p.vacancyTitle}
        </Anchor>{' '}
        · {p.partnerName}
      </Text>
      <Group gap={6} my={4}>
        {(p.step === 'ended' || p.step === 'declined') && (
          <Badge size="xs" variant="light" color={STEP_COLOURS[p.step]} tt="none">
            {t(`volunteers.labels.step.${p.step}`)}
          </Badge>
        )}
        <Text size="xs" c="dimmed">
          {toDutchDate(stepDate(p))}
        </Text>
        {p.step === 'trial' && p.trialEndsOn && (
          <Text size="xs" c={soon ? 'red' : 'dimmed'}>
            {t('volunteers.board.trialUntil', { date: toDutchDate(p.trialEndsOn) })}
          </Text>
        )}
      </Group>
      <PlacementActions placement={p} today={today} onChanged={onChanged} />
    </Card>
  )
}
