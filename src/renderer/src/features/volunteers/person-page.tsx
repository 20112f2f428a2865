import { useMemo, useState } from 'react'
import { Anchor, Badge, Button, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core'
import { IconSearch } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { navigate } from '../../router'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { useToday } from '../../common/hooks/use-shop-day'
import { daysBetween } from '../../../../shared/dates'
import { PersonAvailability } from './person-availability'
import { PersonContacts } from './person-contacts'
import { PersonHours } from './person-hours'
import { PersonMeasurements } from './person-measurements'
import { PersonPlacements } from './person-placements'
import { PersonPlan } from './person-plan'
import { PersonProfile } from './person-profile'
import { STATUS_COLOURS } from './use-lists'
import { SubjectExportButton } from '../subjects'
import { PersonTrainings } from '../trainings'
import { PersonCarer, PersonHelp } from '../support'
import { CareSignalsCard, PersonSatisfaction } from '../outcomes'
import { useCan } from '../../common/hooks/use-session'

const TABS = [
  'profile',
  'availability',
  'measurements',
  'placements',
  'hours',
  'plan',
  'contacts',
  'trainings',
  'carer',
  'help',
  'satisfaction',
  'signals',
] as const
type Tab = (typeof TABS)[number]

/** The tab asked for in the address (`#/volunteers/people/4?tab=plan`), else the profile. */
function tabFromHash(): Tab {
  const query = window.location.hash.split('?')[1] ?? ''
  const asked = new URLSearchParams(query).get('tab')
  return (TABS as readonly string[]).includes(asked ?? '') ? (asked as Tab) : 'profile'
}

/** One person: who they are, and every part of their trajectory on a tab of its own. */
export function PersonPage({ id }: { id: number }): React.JSX.Element {
  const { t } = useTranslation()
  const today = useToday()
  const loader = useMemo(() => () => call('people.get', { id }), [id])
  const { data: person, error, reload } = useLoad(loader)
  const [tab, setTab] = useState<Tab>(tabFromHash)
  const can = useCan()

  if (!person)
    return error ? (
      <ErrorAlert message={errorMessage(t, error)} />
    ) : (
      <Loader aria-label={t('common.loading')} />
    )

  const name = `${person.firstName} ${person.lastName}`
  const waiting =
    person.intakeOn === null && person.status !== 'left'
      ? t('volunteers.page.waiting', { days: Math.max(0, daysBetween(person.registeredOn, today)) })
      : person.intakeOn
        ? t('volunteers.page.waited', { days: daysBetween(person.registeredOn, person.intakeOn) })
        : null
  return (
    <Stack gap="md">
      <Anchor href="#/volunteers/people" size="sm">
        ← {t('volunteers.page.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={2}>{name}</Title>
            <Badge variant="light" color={STATUS_COLOURS[person.status]} tt="none" size="lg">
              {t(`volunteers.labels.status.${person.status}`)}
            </Badge>
          </Group>
          <Text c="dimmed">
            {[person.reference, person.programmeName, person.place, waiting]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </div>
        <Group gap="sm">
          {person.status !== 'left' && (
            <Button
              variant="light"
              leftSection={<IconSearch size={16} aria-hidden />}
              onClick={() => navigate(`/volunteers/people/${id}/matching`)}
            >
              {t('volunteers.page.matching')}
            </Button>
          )}
          {/* An access request can come from someone who left too: the button stays. */}
          <SubjectExportButton subject={{ kind: 'person', id }} />
        </Group>
      </Group>
      <Tabs
        value={tab}
        onChange={(v) => v && setTab(v as Tab)}
        keepMounted={false}
        variant="outline"
      >
        <Tabs.List>
          {/* Care signals are confidential: the tab is there only for whom main lets read them. */}
          {TABS.filter((k) => k !== 'signals' || can('careSignals.list')).map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t(`volunteers.page.tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="profile" pt="md">
          <PersonProfile person={person} today={today} onChanged={reload} />
        </Tabs.Panel>
        <Tabs.Panel value="availability" pt="md">
          <PersonAvailability person={person} today={today} onChanged={reload} />
        </Tabs.Panel>
        <Tabs.Panel value="measurements" pt="md">
          <PersonMeasurements personId={id} today={today} />
        </Tabs.Panel>
        <Tabs.Panel value="placements" pt="md">
          <PersonPlacements personId={id} today={today} onChanged={reload} />
        </Tabs.Panel>
        <Tabs.Panel value="hours" pt="md">
          <PersonHours personId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="plan" pt="md">
          <PersonPlan personId={id} today={today} />
        </Tabs.Panel>
        <Tabs.Panel value="contacts" pt="md">
          <PersonContacts personId={id} today={today} />
        </Tabs.Panel>
        <Tabs.Panel value="trainings" pt="md">
          <PersonTrainings personId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="carer" pt="md">
          <PersonCarer personId={id} personName={name} today={today} />
        </Tabs.Panel>
        <Tabs.Panel value="help" pt="md">
          <PersonHelp personId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="satisfaction" pt="md">
          <PersonSatisfaction personId={id} today={today} />
        </Tabs.Panel>
        <Tabs.Panel value="signals" pt="md">
          <CareSignalsCard subject={{ personId: id }} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
