import { useMemo } from 'react'
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { navigate } from '../../router'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { toDutchDate } from '../../../../shared/dates'
import { monthName } from './months'
import { FiguresSection } from './stats-page'

/**
 * The coordinator's start of the volunteers' work: who waits for an intake (oldest first),
 * trials that end within 14 days, last month's hours not yet logged, contacts due within 7 days,
 * and this year's figures.
 */
export function VolunteersDashboardPage(): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const loader = useMemo(() => () => call('volunteers.dashboard', {}), [])
  const { data, error } = useLoad(loader)
  if (!data)
    return error ? (
      <ErrorAlert message={errorMessage(t, error)} />
    ) : (
      <Loader aria-label={t('common.loading')} />
    )
  const { counts } = data
  const personLink = (id: number, name: string, tab?: string): React.JSX.Element => (
    <Anchor href={`#/volunteers/people/${id}${tab ? `?tab=${tab}` : ''}`} size="sm">
      {name}
    </Anchor>
  )
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{t('volunteers.dashboard.title')}</Title>
          <Text c="dimmed" maw={760}>
            {t('volunteers.dashboard.intro')}
          </Text>
        </div>
        <Button
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => navigate('/volunteers/people/new')}
        >
          {t('volunteers.dashboard.newPerson')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <DashCard title={t('volunteers.dashboard.waiting')} count={counts.waitingForIntake}>
          <Text size="xs" c="dimmed" mb={4}>
            {t('volunteers.dashboard.waitingHelp')}
          </Text>
          {data.waitingForIntake.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('volunteers.dashboard.empty')}
            </Text>
          ) : (
            <Table verticalSpacing={2}>
              <Table.Tbody>
                {data.waitingForIntake.slice(0, 12).map((p) => (
                  <Table.Tr key={p.personId}>
                    <Table.Td>{personLink(p.personId, p.name)}</Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed">
                        {t('volunteers.dashboard.waitingSince', {
                          date: toDutchDate(p.registeredOn),
                          days: p.days,
                        })}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <ShownOf
            shown={Math.min(12, data.waitingForIntake.length)}
            total={counts.waitingForIntake}
          >
            <Anchor
              href={`#/volunteers/people?status=registered&waitingSince=${data.date}`}
              size="sm"
            >
              {t('volunteers.dashboard.waitingAll')}
            </Anchor>
          </ShownOf>
        </DashCard>

        <DashCard title={t('volunteers.dashboard.trials')} count={counts.trialsEnding}>
          {data.trialsEnding.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('volunteers.dashboard.empty')}
            </Text>
          ) : (
            <Table verticalSpacing={2}>
              <Table.Tbody>
                {data.trialsEnding.map((p) => (
                  <Table.Tr key={p.placementId}>
                    <Table.Td>{personLink(p.personId, p.name, 'placements')}</Table.Td>
                    <Table.Td>
                      <Text size="xs" c={p.trialEndsOn < data.date ? 'red' : 'dimmed'}>
                        {t('volunteers.dashboard.trialEnds', {
                          vacancy: `${p.vacancyTitle} (${p.hostName})`,
                          date: toDutchDate(p.trialEndsOn),
                        })}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <ShownOf shown={data.trialsEnding.length} total={counts.trialsEnding}>
            <Anchor href="#/volunteers/placements" size="sm">
              {t('volunteers.dashboard.trialsAll')}
            </Anchor>
          </ShownOf>
        </DashCard>

        <DashCard
          title={t('volunteers.dashboard.hours', {
            month: monthName(data.hoursMissing.month, i18n.language),
          })}
          count={data.hoursMissing.count}
        >
          <Text size="sm" data-testid="hours-missing">
            {data.hoursMissing.total === 0
              ? t('volunteers.hours.none')
              : t('volunteers.dashboard.hoursCount', {
                  count: data.hoursMissing.count,
                  total: data.hoursMissing.total,
                })}
          </Text>
          <Anchor href={`#/volunteers/hours?month=${data.hoursMissing.month}&missing=1`} size="sm">
            {t('volunteers.dashboard.hoursLink')}
          </Anchor>
        </DashCard>

        <DashCard title={t('volunteers.dashboard.contacts')} count={counts.contactsDue}>
          <Text size="xs" c="dimmed" mb={4}>
            {t('volunteers.dashboard.contactsHelp', { date: toDutchDate(data.contactsDueUntil) })}
          </Text>
          {data.contactsDue.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('volunteers.dashboard.empty')}
            </Text>
          ) : (
            <Table verticalSpacing={2}>
              <Table.Tbody>
                {data.contactsDue.map((c) => (
                  <Table.Tr key={c.personId}>
                    <Table.Td>{personLink(c.personId, c.name, 'contacts')}</Table.Td>
                    <Table.Td>
                      <Group gap={6}>
                        <Text size="xs" c="dimmed">
                          {t('volunteers.dashboard.contactOn', { date: toDutchDate(c.nextOn) })}
                        </Text>
                        {c.overdue && (
                          <Badge size="xs" color="red" variant="light" tt="none">
                            {t('volunteers.dashboard.overdue')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <ShownOf shown={data.contactsDue.length} total={counts.contactsDue} />
        </DashCard>
      </SimpleGrid>
      <FiguresSection today={data.date} compact />
    </Stack>
  )
}

/**
 * Under a list cut short: "12 van 2.259 getoond" and where to find all of them, so the first
 * rows are never taken for the whole list.
 */
function ShownOf({
  shown,
  total,
  children,
}: {
  shown: number
  total: number
  children?: React.ReactNode
}): React.JSX.Element | null {
  const { t } = useTranslation()
  if (shown >= total) return null
  return (
    <Group gap="xs" mt={4}>
      <Text size="sm" c="dimmed" data-testid="dashboard-shown-of">
        {t('volunteers.dashboard.shownOf', { shown, total })}
      </Text>
      {children}
    </Group>
  )
}

function DashCard({
  title,
  count,
  children,
}: {
  title: string
  count: number
  children: React.ReactNode
}): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Card withBorder component="section" aria-label={title}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={3} size="h5">
          {title}
        </Title>
        <Badge variant="light" color={count ? 'orange' : 'gray'} size="lg">
          {t('volunteers.dashboard.count', { count })}
        </Badge>
      </Group>
      {children}
    </Card>
  )
}
