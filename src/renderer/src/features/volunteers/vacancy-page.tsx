import { useMemo, useState } from 'react'
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconSearch } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { navigate } from '../../router'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { useToday } from '../../common/hooks/use-shop-day'
import type { MethodInput } from '../../../../shared/api'
import { AvailabilityGrid } from './availability-grid'
import { PlacementsTable } from './person-placements'
import { VacancyForm } from './vacancy-form'

/** One volunteer place: what it asks and offers, its half-days, and who is placed there. */
export function VacancyPage({ id }: { id: number }): React.JSX.Element {
  const { t } = useTranslation()
  const today = useToday()
  const loader = useMemo(() => () => call('vacancies.get', { id }), [id])
  const { data: v, error, reload } = useLoad(loader)
  const placementsLoader = useMemo(
    () => () => call('placements.list', { vacancyId: id, scope: 'all' }),
    [id],
  )
  const placements = useLoad(placementsLoader)
  const orgLoader = useMemo(() => () => call('organisations.list', {}), [])
  const organisations = useLoad(orgLoader)
  const [editing, setEditing] = useState(false)

  if (!v)
    return error ? (
      <ErrorAlert message={errorMessage(t, error)} />
    ) : (
      <Loader aria-label={t('common.loading')} />
    )
  const tags = (l: { name: string }[]): string => l.map((o) => o.name).join(', ') || '–'
  const rows: [string, string][] = [
    [t('volunteers.vacancies.tasks'), v.tasks ?? '–'],
    [t('volunteers.vacancies.place'), [v.place, v.district].filter(Boolean).join(' · ') || '–'],
    [
      t('volunteers.vacancies.places'),
      t('volunteers.vacancies.placesLeft', {
        left: Math.max(0, v.places - v.taken),
        places: v.places,
      }),
    ],
    [t('volunteers.vacancies.skills'), tags(v.skills)],
    [t('volunteers.vacancies.learningGoals'), tags(v.learningGoals)],
    [t('volunteers.vacancies.interests'), tags(v.interests)],
    [
      t('volunteers.vacancies.demands'),
      v.demands.map((d) => t(`volunteers.labels.demand.${d}`)).join(', ') || '–',
    ],
  ]
  return (
    <Stack gap="md">
      <Anchor href="#/volunteers/vacancies" size="sm">
        ← {t('volunteers.vacancies.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={2}>{v.title}</Title>
            {!v.active && (
              <Badge color="gray" variant="outline" tt="none">
                {t('volunteers.common.inactive')}
              </Badge>
            )}
          </Group>
          <Text c="dimmed">{v.partnerName}</Text>
        </div>
        <Group>
          <Button variant="default" onClick={() => setEditing(true)}>
            {t('volunteers.common.edit')}
          </Button>
          {v.active && (
            <Button
              leftSection={<IconSearch size={16} aria-hidden />}
              onClick={() => navigate(`/volunteers/vacancies/${id}/matching`)}
            >
              {t('volunteers.vacancies.matching')}
            </Button>
          )}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder>
          <Stack gap={6} component="dl" m={0}>
            {rows.map(([label, value]) => (
              <Group key={label} gap="xs" wrap="nowrap" align="flex-start">
                <Text component="dt" size="sm" fw={600} w={190} style={{ flexShrink: 0 }}>
                  {label}
                </Text>
                <Text component="dd" size="sm" m={0} style={{ whiteSpace: 'pre-wrap' }}>
                  {value}
                </Text>
              </Group>
            ))}
          </Stack>
          {v.notes && (
            <Text size="sm" mt="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
              {v.notes}
            </Text>
          )}
        </Card>
        <Card withBorder>
          <AvailabilityGrid label={t('volunteers.vacancies.halfDays')} value={v.availability} />
        </Card>
      </SimpleGrid>
      <Title order={3} size="h4">
        {t('volunteers.vacancies.placements')}
      </Title>
      {placements.data ? (
        <PlacementsTable
          rows={placements.data.rows}
          today={today}
          onChanged={() => {
            placements.reload()
            reload()
          }}
          show="person"
        />
      ) : (
        <Loader size="sm" aria-label={t('common.loading')} />
      )}
      <Modal
        opened={editing}
        onClose={() => setEditing(false)}
        title={t('volunteers.vacancies.editTitle')}
        size="xl"
      >
        {editing && (
          <VacancyForm
            vacancy={v}
            organisations={organisations.data ?? []}
            onCancel={() => setEditing(false)}
            save={async (input) => {
              await call('vacancies.update', { ...(input as MethodInput<'vacancies.update'>), id })
              notifications.show({ color: 'teal', message: t('volunteers.vacancies.saved') })
              setEditing(false)
              reload()
            }}
          />
        )}
      </Modal>
    </Stack>
  )
}
