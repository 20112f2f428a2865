import { useEffect, useId, useState } from 'react'
import {
  Anchor,
  Button,
  Card,
  Group,
  List,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core'
import { IconCheck, IconCircleDashed } from '@tabler/icons-react'
import { ErrorAlert } from '../../../common/components/error-alert'
import { useTranslation } from 'react-i18next'
import { askDashboard } from '../../../common/hooks/use-shop-day'
import { navigate } from '../../../router'
import { isoWeekday, toDutchDate } from '../../../../../shared/dates'
import { DayPartCard } from '../appointments/appointment-list'
import { useCan } from '../../../common/hooks/use-session'
import { capitalise, dayInWords } from '../../../common/format'
import { shopErrorMessage } from '../shop-errors'
import { useLoad } from '../../../common/hooks/use-load'
import { LateComplaintsLine } from '../../complaints'
import { call } from '../../../api'
import type { FirstStepKey, FirstSteps as StepsDone } from '../../../../../shared/schemas/workshop'

/** What the counter needs today: who is coming per half-day, and what the coming days hold. */
export function DashboardPage(): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const can = useCan()
  const coordinating = can('households.callList')
  // Shared with the hooks that need main's day, so opening the app asks main once.
  const { data, error, reload } = useLoad(askDashboard)
  const problem = error ? shopErrorMessage(t, error) : null
  const stepsDone = useStepsDone(can('firstSteps.get'))

  if (!data)
    return problem ? <ErrorAlert message={problem} /> : <Loader aria-label={t('common.loading')} />

  // Main sends the coming seven days, today included.
  const comingSlots = data.week.slots.filter((s) => s.date >= data.date)
  const freeSlots = comingSlots.filter((s) => s.free > 0 && !s.over)
  // Nothing planned, nobody registered: a new installation, which needs first steps, not news.
  const fresh =
    data.today.length === 0 &&
    comingSlots.length === 0 &&
    data.expiring.length === 0 &&
    data.toInvite.count === 0
  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>{t('dashboard.title')}</Title>
        <Text size="lg" data-testid="dashboard-date">
          {capitalise(dayInWords(data.date, i18n.language))}
        </Text>
      </div>
      <ErrorAlert message={problem} />
      <LateComplaintsLine />
      {/* Staff see the first steps ticked as main counts them done (until the shop has run);
          the counter, which may not ask, sees whom to ask while nothing is there. */}
      {stepsDone?.show || (fresh && !can('firstSteps.get')) ? (
        <FirstSteps done={stepsDone} />
      ) : null}
      {fresh && (stepsDone?.show || !can('firstSteps.get')) ? null : data.today.length === 0 ? (
        <Card withBorder>
          <Text>{t('dashboard.noSlotsToday')}</Text>
          <Anchor href="#/appointments">{t('dashboard.toAppointments')}</Anchor>
        </Card>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: Math.min(data.today.length, 3) }} spacing="md">
          {data.today.map((p) => (
            <DayPartCard
              key={p.part}
              part={p.part}
              capacity={p.capacity}
              appointments={p.appointments}
              today={data.date}
              onChanged={reload}
            />
          ))}
        </SimpleGrid>
      )}

      {/* Expiring proofs and invitations are coordinator work; main leaves them out for the counter. */}
      <SimpleGrid cols={{ base: 1, md: coordinating ? 3 : 1 }} spacing="md">
        <InfoCard title={t('dashboard.free.title')}>
          <Text size="xl" fw={700} data-testid="free-total">
            {data.week.freeTotal}
          </Text>
          <Text size="sm" c="dimmed" mb="xs">
            {t('dashboard.free.total', { count: data.week.freeTotal })} ·{' '}
            {t('dashboard.free.range', {
              from: toDutchDate(data.week.from),
              to: toDutchDate(data.week.to),
            })}
          </Text>
          {comingSlots.length === 0 ? (
            <Text size="sm">{t('dashboard.free.noSlots')}</Text>
          ) : freeSlots.length === 0 ? (
            <Text size="sm">{t('dashboard.free.full')}</Text>
          ) : (
            <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: 'none' }}>
              {freeSlots.map((s) => (
                <Group component="li" key={s.id} justify="space-between" gap="xs">
                  {/* The counter opens today's list only; other days show their free places. */}
                  {coordinating || s.date === data.date ? (
                    <Anchor href={`#/appointments/day/${s.date}`} size="sm">
                      {t(`weekdays.${isoWeekday(s.date)}`)} {toDutchDate(s.date)} ·{' '}
                      {t(`parts.${s.part}`)}
                    </Anchor>
                  ) : (
                    <Text size="sm">
                      {t(`weekdays.${isoWeekday(s.date)}`)} {toDutchDate(s.date)} ·{' '}
                      {t(`parts.${s.part}`)}
                    </Text>
                  )}
                  <Text size="sm">{t('dashboard.free.slot', { count: s.free })}</Text>
                </Group>
              ))}
            </Stack>
          )}
          <Button variant="light" mt="sm" onClick={() => navigate('/appointments')}>
            {t('dashboard.toAppointments')}
          </Button>
        </InfoCard>

        {coordinating && (
          <InfoCard title={t('dashboard.expiring.title')}>
            {data.expiring.length === 0 ? (
              <Text size="sm">{t('dashboard.expiring.none')}</Text>
            ) : (
              <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: 'none' }}>
                {data.expiring.map((h) => (
                  <Group component="li" key={h.id} justify="space-between" gap="xs" wrap="nowrap">
                    <div>
                      <Anchor href={`#/households/${h.id}`} size="sm">
                        {h.contactName}
                      </Anchor>{' '}
                      {/* A reference is read as one word: "H-00073" never breaks at its dash. */}
                      <Text span size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {h.reference}
                      </Text>
                    </div>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {t('dashboard.expiring.until', { date: toDutchDate(h.eligibleUntil) })}
                    </Text>
                  </Group>
                ))}
              </Stack>
            )}
          </InfoCard>
        )}

        {coordinating && (
          <InfoCard title={t('dashboard.invite.title')}>
            <Text size="xl" fw={700} data-testid="invite-count">
              {data.toInvite.count}
            </Text>
            <Text size="sm" mb="sm">
              {t('dashboard.invite.text', {
                count: data.toInvite.count,
                date: toDutchDate(data.toInvite.notSeenSince),
              })}
            </Text>
            <Button variant="light" onClick={() => navigate('/calllist')}>
              {t('dashboard.invite.toCallList')}
            </Button>
          </InfoCard>
        )}
      </SimpleGrid>
    </Stack>
  )
}

/** Main's count of the first steps done; null while asked, or for a role that may not ask. */
function useStepsDone(allowed: boolean): StepsDone | null {
  const [steps, setSteps] = useState<StepsDone | null>(null)
  useEffect(() => {
    if (!allowed) return
    let live = true
    call('firstSteps.get', {}).then(
      (s) => live && setSteps(s),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [allowed])
  return steps
}

/**
 * What to do first in a new installation, in order, as far as this role may: half-days to book
 * on, accounts for the others, the first family, each ticked once main counts it done. The
 * counter is told whom to ask.
 */
function FirstSteps({ done }: { done: StepsDone | null }): React.JSX.Element {
  const { t } = useTranslation()
  const can = useCan()
  const steps: { key: FirstStepKey; path: string; method: Parameters<typeof can>[0] }[] = [
    { key: 'halfDays', path: '/appointments', method: 'slots.generate' },
    { key: 'accounts', path: '/users', method: 'users.create' },
    { key: 'intake', path: '/households/new', method: 'households.create' },
  ]
  const mine = steps.filter((s) => can(s.method))
  return (
    <InfoCard title={t('dashboard.firstSteps.title')}>
      <Text mb="sm">{t('dashboard.firstSteps.intro')}</Text>
      {mine.length === 0 ? (
        <Text>{t('dashboard.firstSteps.askCoordinator')}</Text>
      ) : (
        <List type="ordered" spacing="sm">
          {mine.map((s) => {
            const ticked = done?.steps.find((d) => d.key === s.key)?.done ?? false
            return (
              <List.Item key={s.key}>
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <ThemeIcon
                    color={ticked ? 'teal' : 'gray'}
                    variant={ticked ? 'filled' : 'light'}
                    radius="xl"
                    size="sm"
                    role="img"
                    aria-label={t(
                      ticked ? 'dashboard.firstSteps.done' : 'dashboard.firstSteps.todo',
                    )}
                  >
                    {ticked ? <IconCheck size={14} /> : <IconCircleDashed size={14} />}
                  </ThemeIcon>
                  <div>
                    <Text
                      td={ticked ? 'line-through' : undefined}
                      c={ticked ? 'dimmed' : undefined}
                    >
                      {t(`dashboard.firstSteps.${s.key}.text`)}
                    </Text>
                    <Button variant="light" size="xs" mt={4} onClick={() => navigate(s.path)}>
                      {t(`dashboard.firstSteps.${s.key}.button`)}
                    </Button>
                  </div>
                </Group>
              </List.Item>
            )
          })}
        </List>
      )}
    </InfoCard>
  )
}

function InfoCard({
  title,
  children,
}: {
  title: string
  children: React.ReactNode
}): React.JSX.Element {
  const id = useId()
  return (
    <Card withBorder component="section" aria-labelledby={id} padding="md">
      <Title order={3} id={id} mb="xs">
        {title}
      </Title>
      {children}
    </Card>
  )
}
