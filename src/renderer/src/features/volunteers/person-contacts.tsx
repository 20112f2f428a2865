import { useMemo, useState } from 'react'
import {
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { DateField } from '../../common/components/date-field'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage, serverFieldErrors, zodValidate } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { toDutchDate } from '../../../../shared/dates'
import {
  CONTACT_KINDS,
  GOAL_STATUSES,
  contactLogInput,
  type ContactKind,
  type GoalStatus,
  type PlanGoal,
} from '../../../../shared/schemas/volunteers-followup'

/** The contact log after matching: who spoke to whom, how, and when to get in touch again. */
export function PersonContacts({
  personId,
  today,
}: {
  personId: number
  today: string
}): React.JSX.Element {
  const { t } = useTranslation()
  const loader = useMemo(() => () => call('contacts.list', { personId }), [personId])
  const { data, error, reload } = useLoad(loader)
  const planLoader = useMemo(() => () => call('plans.get', { personId }), [personId])
  const plan = useLoad(planLoader)
  if (!data)
    return error ? (
      <ErrorAlert message={errorMessage(t, error)} />
    ) : (
      <Loader aria-label={t('common.loading')} />
    )
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <Stack gap="sm">
        {data.nextOn && (
          <Badge size="lg" variant="light" tt="none" data-testid="next-contact">
            {t('volunteers.contacts.next', { date: toDutchDate(data.nextOn) })}
          </Badge>
        )}
        {data.contacts.length === 0 ? (
          <Text c="dimmed">{t('volunteers.contacts.none')}</Text>
        ) : (
          <Table withTableBorder striped aria-label={t('volunteers.page.tabs.contacts')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('volunteers.contacts.on')}</Table.Th>
                <Table.Th>{t('volunteers.contacts.kind')}</Table.Th>
                <Table.Th>{t('volunteers.contacts.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.contacts.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{toDutchDate(c.contactedOn)}</Table.Td>
                  <Table.Td>
                    {t(`volunteers.labels.contactKind.${c.kind}`)}
                    {c.byName && (
                      <Text size="xs" c="dimmed">
                        {t('volunteers.contacts.by', { name: c.byName })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {c.note}
                    {c.nextOn && (
                      <Text size="xs" c="dimmed">
                        {t('volunteers.contacts.next', { date: toDutchDate(c.nextOn) })}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <ContactForm
        personId={personId}
        today={today}
        goals={(plan.data?.goals ?? []).filter((g) => g.status === 'open')}
        onSaved={() => {
          reload()
          plan.reload()
        }}
      />
    </SimpleGrid>
  )
}

function ContactForm({
  personId,
  today,
  goals,
  onSaved,
}: {
  personId: number
  today: string
  goals: PlanGoal[]
  onSaved: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [contactedOn, setContactedOn] = useState<string | null>(today)
  const [kind, setKind] = useState<string | null>('phone')
  const [note, setNote] = useState('')
  const [nextOn, setNextOn] = useState<string | null>(null)
  const [reviews, setReviews] = useState<Record<number, GoalStatus>>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const evaluation = kind === 'evaluation'

  const save = async (): Promise<void> => {
    setProblem(null)
    const raw = {
      personId,
      contactedOn: contactedOn ?? '',
      kind: kind as ContactKind,
      note,
      nextOn,
      goalReviews: evaluation
        ? Object.entries(reviews).map(([goalId, status]) => ({ goalId: Number(goalId), status }))
        : [],
    }
    const found = zodValidate(contactLogInput, t)(raw)
    setErrors(found)
    if (Object.keys(found).length) return setProblem(t('errors.validation'))
    setBusy(true)
    try {
      await call('contacts.log', raw)
      notifications.show({ color: 'teal', message: t('volunteers.contacts.saved') })
      setNote('')
      setNextOn(null)
      setReviews({})
      onSaved()
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
        {t('volunteers.contacts.new')}
      </Title>
      <form
        noValidate
        aria-label={t('volunteers.contacts.new')}
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <DateField
              label={t('volunteers.contacts.on')}
              value={contactedOn}
              onChange={setContactedOn}
              error={errors.contactedOn}
              required
            />
            <Select
              label={t('volunteers.contacts.kind')}
              data={CONTACT_KINDS.map((k) => ({
                value: k,
                label: t(`volunteers.labels.contactKind.${k}`),
              }))}
              value={kind}
              onChange={setKind}
              allowDeselect={false}
              error={errors.kind}
            />
          </SimpleGrid>
          <Textarea
            label={t('volunteers.contacts.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note}
            autosize
            minRows={2}
          />
          <DateField
            label={t('volunteers.contacts.nextOn')}
            value={nextOn}
            onChange={setNextOn}
            error={errors.nextOn}
            w={200}
          />
          {evaluation && goals.length > 0 && (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('volunteers.plan.goals')}
              </Text>
              {goals.map((g, i) => (
                <Group key={g.id} justify="space-between" wrap="nowrap">
                  <Text size="sm">{g.text}</Text>
                  <Select
                    aria-label={`${t('volunteers.plan.status')}: ${g.text}`}
                    data={GOAL_STATUSES.map((s) => ({
                      value: s,
                      label: t(`volunteers.labels.goalStatus.${s}`),
                    }))}
                    value={reviews[g.id] ?? 'open'}
                    onChange={(v) =>
                      v && setReviews((old) => ({ ...old, [g.id]: v as GoalStatus }))
                    }
                    allowDeselect={false}
                    error={errors[`goalReviews.${i}.status`]}
                    w={170}
                    size="xs"
                  />
                </Group>
              ))}
            </Stack>
          )}
          <ErrorAlert message={problem} />
          <Group justify="flex-end">
            <Button type="submit" loading={busy}>
              {t('volunteers.contacts.new')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  )
}
