import { useState } from 'react'
import { Button, Card, Group, Stack } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage, serverFieldErrors } from '../../common/forms'
import type { PeopleUpdateInput, Person } from '../../../../shared/schemas/volunteers'
import { AvailabilityGrid, type WeekSlot } from './availability-grid'
import { initialValues, personInput } from './person-form'

/** The week grid of when someone can, saved on its own (the rest of the details as they are). */
export function PersonAvailability({
  person,
  today,
  onChanged,
}: {
  person: Person
  today: string
  onChanged: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [value, setValue] = useState<WeekSlot[]>(person.availability)
  const [problem, setProblem] = useState<string | null>(null)
  const [error, setError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)

  const save = async (): Promise<void> => {
    setProblem(null)
    setBusy(true)
    try {
      const input = personInput({ ...initialValues(person, today), availability: value })
      await call('people.update', {
        ...(input as PeopleUpdateInput),
        id: person.id,
        status: person.status === 'left' ? 'active' : person.status,
      })
      notifications.show({ color: 'teal', message: t('volunteers.page.availabilitySaved') })
      onChanged()
    } catch (err) {
      const fields = serverFieldErrors(t, err)
      setError(Object.entries(fields).find(([k]) => k.startsWith('availability'))?.[1])
      setProblem(errorMessage(t, err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card withBorder maw={520}>
      <Stack gap="sm">
        <AvailabilityGrid
          label={t('volunteers.person.availability')}
          value={value}
          onChange={person.anonymised ? undefined : setValue}
          error={error}
        />
        <ErrorAlert message={problem} />
        {!person.anonymised && (
          <Group justify="flex-end">
            <Button onClick={() => void save()} loading={busy}>
              {t('volunteers.page.availabilitySave')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  )
}
