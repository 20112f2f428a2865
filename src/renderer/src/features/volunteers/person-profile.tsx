import { useState } from 'react'
import {
  Badge,
  Button,
  Card,
  Group,
  List,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { DateField } from '../../common/components/date-field'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage, serverFieldErrors, zodValidate } from '../../common/forms'
import { toDutchDate } from '../../../../shared/dates'
import {
  OUTFLOW_KINDS,
  peopleAddMoveInput,
  peopleSetOutflowInput,
  type OutflowKind,
  type PeopleUpdateInput,
  type Person,
} from '../../../../shared/schemas/volunteers'
import { PersonForm } from './person-form'

/** Who someone is, their tags, and how they moved on or left. */
export function PersonProfile({
  person,
  today,
  onChanged,
}: {
  person: Person
  today: string
  onChanged: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [editing, setEditing] = useState(false)
  const yesNo = (b: boolean): string => t(b ? 'volunteers.common.yes' : 'volunteers.common.no')
  const tags = (list: { name: string }[]): string => list.map((o) => o.name).join(', ') || '–'
  const rows: [string, string][] = [
    [t('volunteers.person.phone'), person.phone ?? '–'],
    [t('volunteers.person.email'), person.email ?? '–'],
    [
      t('volunteers.person.address'),
      [person.address, person.postcode, person.place].filter(Boolean).join(', ') || '–',
    ],
    [t('volunteers.person.district'), person.district ?? '–'],
    [t('volunteers.person.birthYear'), person.birthYear ? String(person.birthYear) : '–'],
    [t('volunteers.person.gender'), t(`volunteers.labels.gender.${person.gender}`)],
    [
      t('volunteers.person.maritalStatus'),
      person.maritalStatus ? t(`maritalStatus.${person.maritalStatus}`) : '–',
    ],
    [t('volunteers.person.languages'), person.languages ?? '–'],
    [t('volunteers.person.registeredOn'), toDutchDate(person.registeredOn)],
    [t('volunteers.person.intakeOn'), person.intakeOn ? toDutchDate(person.intakeOn) : '–'],
    [t('volunteers.person.programme'), person.programmeName ?? '–'],
    [
      t('volunteers.person.referralSource'),
      [person.referralSourceName, person.referrer].filter(Boolean).join(' · ') || '–',
    ],
    [t('volunteers.person.participationDuty'), yesNo(person.participationDuty)],
    [t('volunteers.person.dutyToApply'), yesNo(person.dutyToApply)],
    [t('volunteers.person.ownTransport'), yesNo(person.ownTransport)],
    [t('volunteers.person.skills'), tags(person.skills)],
    [t('volunteers.person.interests'), tags(person.interests)],
    [t('volunteers.person.learningGoals'), tags(person.learningGoals)],
    [t('volunteers.person.limitations'), tags(person.limitations)],
  ]
  return (
    <Stack gap="md">
      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h4">
            {t('volunteers.page.tabs.profile')}
          </Title>
          {!person.anonymised && (
            <Button size="compact-sm" variant="light" onClick={() => setEditing(true)}>
              {t('volunteers.common.edit')}
            </Button>
          )}
        </Group>
        <SimpleGrid component="dl" cols={{ base: 1, md: 2 }} spacing={6} verticalSpacing={6} m={0}>
          {rows.map(([label, value]) => (
            <Group key={label} gap="xs" wrap="nowrap" align="flex-start">
              <Text component="dt" size="sm" fw={600} w={170} style={{ flexShrink: 0 }}>
                {label}
              </Text>
              <Text component="dd" size="sm" m={0}>
                {value}
              </Text>
            </Group>
          ))}
        </SimpleGrid>
        {person.household && (
          <Text size="sm" mt="sm">
            {t('volunteers.person.fromHousehold', { reference: person.household.reference })}
          </Text>
        )}
        {person.notes && (
          <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {person.notes}
          </Text>
        )}
      </Card>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <OutflowCard person={person} today={today} onChanged={onChanged} />
        <MovesCard person={person} today={today} onChanged={onChanged} />
      </SimpleGrid>
      <Modal
        opened={editing}
        onClose={() => setEditing(false)}
        size="xl"
        title={t('volunteers.person.editTitle')}
      >
        {editing && (
          <PersonForm
            person={person}
            today={today}
            showStatus={person.status !== 'left'}
            onCancel={() => setEditing(false)}
            save={async (input) => {
              await call('people.update', {
                ...(input as PeopleUpdateInput),
                id: person.id,
                status: person.status === 'left' ? 'active' : (input.status as 'registered'),
              })
              notifications.show({ color: 'teal', message: t('volunteers.person.saved') })
              setEditing(false)
              onChanged()
            }}
          />
        )}
      </Modal>
    </Stack>
  )
}

/** How someone left: kind and date, or undone when it was a mistake. */
function OutflowCard({
  person,
  today,
  onChanged,
}: {
  person: Person
  today: string
  onChanged: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [kind, setKind] = useState<string | null>(person.outflowKind)
  const [on, setOn] = useState<string | null>(person.outflowOn ?? today)
  const [note, setNote] = useState(person.outflowNote ?? '')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // Running placements the outflow would end: asked for before saving, then confirmed.
  const [running, setRunning] = useState<number | null>(null)

  const ask = async (): Promise<void> => {
    setProblem(null)
    const found = zodValidate(peopleSetOutflowInput, t)({ id: person.id, kind, on, note })
    setErrors(found)
    if (Object.keys(found).length) return setProblem(t('errors.validation'))
    try {
      const list = await call('placements.list', { personId: person.id, scope: 'active' })
      setRunning(list.total)
    } catch (err) {
      setProblem(errorMessage(t, err))
    }
  }

  const send = async (input: { kind: OutflowKind | null; on: string | null; note: string }) => {
    setProblem(null)
    const raw = { id: person.id, ...input }
    const found = zodValidate(peopleSetOutflowInput, t)(raw)
    setErrors(found)
    if (Object.keys(found).length) return setProblem(t('errors.validation'))
    setBusy(true)
    try {
      await call('people.setOutflow', raw)
      notifications.show({ color: 'teal', message: t('volunteers.page.outflow.saved') })
      onChanged()
    } catch (err) {
      setErrors(serverFieldErrors(t, err))
      setProblem(errorMessage(t, err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        {t('volunteers.page.outflow.title')}
      </Title>
      {person.outflowKind && (
        <Badge color="gray" variant="light" tt="none" mb="sm" data-testid="outflow-shown">
          {t('volunteers.page.outflow.left', {
            date: toDutchDate(person.outflowOn),
            kind: t(`volunteers.labels.outflow.${person.outflowKind}`),
          })}
        </Badge>
      )}
      <form
        noValidate
        aria-label={t('volunteers.page.outflow.title')}
        onSubmit={(e) => {
          e.preventDefault()
          void ask()
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <Select
              label={t('volunteers.page.outflow.kind')}
              data={OUTFLOW_KINDS.map((k) => ({
                value: k,
                label: t(`volunteers.labels.outflow.${k}`),
              }))}
              value={kind}
              onChange={setKind}
              error={errors.kind}
              required
            />
            <DateField
              label={t('volunteers.page.outflow.on')}
              value={on}
              onChange={setOn}
              error={errors.on}
              required
            />
          </SimpleGrid>
          <TextInput
            label={t('volunteers.page.outflow.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note}
          />
          <ErrorAlert message={problem} />
          <Group justify="flex-end">
            {person.outflowKind && (
              <Button
                variant="subtle"
                color="gray"
                disabled={busy}
                onClick={() => void send({ kind: null, on: null, note: '' })}
              >
                {t('volunteers.page.outflow.undo')}
              </Button>
            )}
            <Button type="submit" loading={busy} variant={person.outflowKind ? 'light' : 'filled'}>
              {t('volunteers.page.outflow.button')}
            </Button>
          </Group>
          {person.outflowKind && (
            <Text size="xs" c="dimmed">
              {t('volunteers.page.outflow.undoHelp')}
            </Text>
          )}
        </Stack>
      </form>
      <Modal
        opened={running !== null}
        onClose={() => setRunning(null)}
        title={t('volunteers.page.outflow.confirmTitle')}
      >
        <Stack gap="sm">
          <Text size="sm" data-testid="outflow-ends">
            {running
              ? t('volunteers.page.outflow.endsSome', { count: running })
              : t('volunteers.page.outflow.endsNone')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRunning(null)}>
              {t('volunteers.page.outflow.cancel')}
            </Button>
            <Button
              loading={busy}
              onClick={() => {
                setRunning(null)
                void send({ kind: kind as OutflowKind | null, on, note })
              }}
            >
              {t('volunteers.page.outflow.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  )
}

/** Doorstroom: on to another role or place within the organisation, apart from outflow. */
function MovesCard({
  person,
  today,
  onChanged,
}: {
  person: Person
  today: string
  onChanged: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [movedOn, setMovedOn] = useState<string | null>(today)
  const [toText, setToText] = useState('')
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const [removing, setRemoving] = useState<Person['moves'][number] | null>(null)

  const remove = async (id: number): Promise<void> => {
    setProblem(null)
    setRemoving(null)
    setBusy(true)
    try {
      await call('people.removeMove', { id })
      notifications.show({ color: 'teal', message: t('volunteers.page.move.removed') })
      onChanged()
    } catch (err) {
      setProblem(errorMessage(t, err))
    } finally {
      setBusy(false)
    }
  }

  const add = async (): Promise<void> => {
    setProblem(null)
    const raw = { personId: person.id, movedOn: movedOn ?? '', toText, note }
    const found = zodValidate(peopleAddMoveInput, t)(raw)
    setErrors(found)
    if (Object.keys(found).length) return setProblem(t('errors.validation'))
    setBusy(true)
    try {
      await call('people.addMove', raw)
      notifications.show({ color: 'teal', message: t('volunteers.page.move.saved') })
      setToText('')
      setNote('')
      onChanged()
    } catch (err) {
      setErrors(serverFieldErrors(t, err))
      setProblem(errorMessage(t, err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card withBorder>
      <Title order={3} size="h4">
        {t('volunteers.page.move.title')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('volunteers.page.move.help')}
      </Text>
      {person.moves.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm">
          {t('volunteers.page.move.none')}
        </Text>
      ) : (
        <List size="sm" mb="sm">
          {person.moves.map((m) => (
            <List.Item key={m.id}>
              {toDutchDate(m.movedOn)}: {m.toText}
              {m.note ? ` (${m.note})` : ''}{' '}
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                disabled={busy}
                aria-label={t('volunteers.page.move.removeLabel', {
                  date: toDutchDate(m.movedOn),
                })}
                onClick={() => setRemoving(m)}
              >
                {t('volunteers.page.move.remove')}
              </Button>
            </List.Item>
          ))}
        </List>
      )}
      <form
        noValidate
        aria-label={t('volunteers.page.move.title')}
        onSubmit={(e) => {
          e.preventDefault()
          void add()
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <DateField
              label={t('volunteers.page.move.on')}
              value={movedOn}
              onChange={setMovedOn}
              error={errors.movedOn}
              required
            />
            <TextInput
              label={t('volunteers.page.move.to')}
              value={toText}
              onChange={(e) => setToText(e.currentTarget.value)}
              error={errors.toText}
              required
            />
          </SimpleGrid>
          <Textarea
            label={t('volunteers.page.move.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note}
            autosize
            minRows={1}
          />
          <ErrorAlert message={problem} />
          <Group justify="flex-end">
            <Button type="submit" variant="light" loading={busy}>
              {t('volunteers.page.move.button')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Modal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={t('volunteers.page.move.title')}
      >
        <Stack gap="sm">
          <Text size="sm">
            {removing &&
              t('volunteers.page.move.removeConfirm', {
                date: toDutchDate(removing.movedOn),
                to: removing.toText,
              })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              {t('volunteers.page.move.cancel')}
            </Button>
            <Button color="red" onClick={() => removing && void remove(removing.id)}>
              {t('volunteers.page.move.removeYes')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  )
}
