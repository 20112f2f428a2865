import { useMemo, useState } from 'react'
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
  type Placement,
  type PlacementStep,
} from '../../../../shared/schemas/volunteers-matching'
import { PlacementActions } from './placement-actions'
import { stepDate } from './person-placements'
import { STEP_COLOURS } from './use-lists'

/** Every running placement in a column per pipeline step; closed ones below when asked for. */
export function PlacementsBoardPage(): React.JSX.Element {
  const { t } = useTranslation()
  const today = useToday()
  const [showClosed, setShowClosed] = useState(false)
  const loader = useMemo(() => () => call('placements.list', { scope: 'active' }), [])
  const { data, error, reload } = useLoad(loader)
  const closedLoader = useMemo(
    () => (showClosed ? () => call('placements.list', { scope: 'closed', limit: 200 }) : null),
    [showClosed],
  )
  const closed = useLoad(closedLoader)
  const byStep = (step: PlacementStep): Placement[] =>
    (data?.rows ?? []).filter((p) => p.step === step)

  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('volunteers.board.title')}</Title>
        <Text c="dimmed" maw={760}>
          {t('volunteers.board.intro')}
        </Text>
      </div>
      <ErrorAlert message={error ? errorMessage(t, error) : null} />
      {!data ? (
        !error && <Loader aria-label={t('common.loading')} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          {ACTIVE_STEPS.map((step) => {
            const rows = byStep(step)
            return (
              <Card
                key={step}
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
                  <Badge variant="light" color={STEP_COLOURS[step]}>
                    {rows.length}
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
                      <BoardCard key={p.id} placement={p} today={today} onChanged={reload} />
                    ))}
                  </Stack>
                </ScrollArea.Autosize>
              </Card>
            )
          })}
        </SimpleGrid>
      )}
      <Checkbox
        label={t('volunteers.board.showClosed')}
        checked={showClosed}
        onChange={(e) => setShowClosed(e.currentTarget.checked)}
      />
      {showClosed && closed.data && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          {closed.data.rows.map((p) => (
            <BoardCard key={p.id} placement={p} today={today} onChanged={reload} />
          ))}
        </SimpleGrid>
      )}
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
