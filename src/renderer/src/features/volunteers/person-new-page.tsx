import { useMemo } from 'react'
import { Alert, Anchor, Stack, Text, Title } from '@mantine/core'
import { useLoad } from '../../common/hooks/use-load'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { navigate, recordId } from '../../router'
import { useShopDay } from '../../common/hooks/use-shop-day'
import type { PeopleCreateInput } from '../../../../shared/schemas/volunteers'
import { PersonForm } from './person-form'

/** The shop household this registration comes from, and who from it registered already. */
function FromHousehold({ householdId }: { householdId: number }): React.JSX.Element {
  const { t } = useTranslation()
  const loader = useMemo(() => () => call('people.forHousehold', { householdId }), [householdId])
  const { data } = useLoad(loader)
  return (
    <Stack gap={4}>
      <Text c="dimmed">
        {t('volunteers.person.fromHousehold', { reference: `#${householdId}` })}
      </Text>
      {data && data.length > 0 && (
        <Alert color="orange" variant="light">
          <Text size="sm">{t('volunteers.person.alreadyFromHousehold')}</Text>
          {data.map((p) => (
            <Anchor key={p.id} href={`#/volunteers/people/${p.id}`} size="sm" display="block">
              {p.firstName} {p.lastName} ({p.reference})
            </Anchor>
          ))}
        </Alert>
      )}
    </Stack>
  )
}

/**
 * Registers someone new. From a shop household ("interesse in vrijwilligerswerk") the
 * registration is linked to that household.
 */
export function PersonNewPage({ household }: { household?: string }): React.JSX.Element {
  const { t } = useTranslation()
  const day = useShopDay()
  const householdId = recordId(household)
  return (
    <Stack gap="md" maw={1100}>
      <Anchor href="#/volunteers/people" size="sm">
        ← {t('volunteers.page.back')}
      </Anchor>
      <Title order={2}>{t('volunteers.person.newTitle')}</Title>
      {householdId && <FromHousehold householdId={householdId} />}
      {day && (
        <PersonForm
          person={null}
          today={day.today}
          showStatus={false}
          onCancel={() => navigate('/volunteers/people')}
          save={async (input) => {
            // A new person's status follows from the intake date in main.
            const { status: _status, ...rest } = input
            const created = await call('people.create', {
              ...(rest as PeopleCreateInput),
              householdId,
            })
            notifications.show({
              color: 'teal',
              message: t('volunteers.person.created', {
                name: `${created.firstName} ${created.lastName}`,
              }),
            })
            navigate(`/volunteers/people/${created.id}`)
          }}
        />
      )}
    </Stack>
  )
}
