import { useMemo, useState } from 'react'
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { DateField } from '../../common/components/date-field'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage, serverFieldErrors, zodValidate } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { toDutchDate } from '../../../../shared/dates'
import {
  GOAL_STATUSES,
  PLAN_AIMS,
  planUpdateInput,
  type GoalStatus,
  type Plan,
  type PlanAim,
} from '../../../../shared/schemas/volunteers-followup'
import { ZRM11_DOMAINS } from '../../../../shared/zrm'
import type { MethodInput } from '../../../../shared/api'

interface GoalRow {
  uid: string
  id: number | null
  text: string
  zrmDomain: string | null
  status: GoalStatus
  closedOn: string | null
}
interface ReviewRow {
  uid: string
  id: number | null
  plannedOn: string | null
  doneOn: string | null
  note: string
}

let uid = 0
const nextUid = (): string => `row-${++uid}`

const GOAL_COLOURS: Record<GoalStatus, string> = {
  open: 'blue',
  realised: 'teal',
  partly_realised: 'yellow',
  not_realised: 'red',
}

/** The trajectory plan: what comes first, what it aims for, its goals and re-assessments. */
export function PersonPlan({
  personId,
  today,
}: {
  personId: number
  today: string
}): React.JSX.Element {
  const { t } = useTranslation()
  const loader = useMemo(() => () => call('plans.get', { personId }), [personId])
  const { data, error, reload } = useLoad(loader)
  if (!data)
    return error ? (
      <ErrorAlert message={errorMessage(t, error)} />
    ) : (
      <Loader aria-label={t('common.loading')} />
    )
  return (
    <PlanForm
      key={data.updatedAt ?? 'new'}
      plan={data}
      personId={personId}
      today={today}
      onSaved={reload}
    />
  )
}

function PlanForm({
  plan,
  personId,
  today,
  onSaved,
}: {
  plan: Plan
  personId: number
  today: string
  onSaved: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [barriers, setBarriers] = useState(plan.barriers ?? '')
  const [aim, setAim] = useState<string | null>(plan.aim)
  const [goals, setGoals] = useState<GoalRow[]>(() =>
    plan.goals.map((g) => ({ ...g, uid: nextUid() })),
  )
  const [reviews, setReviews] = useState<ReviewRow[]>(() =>
    plan.reviews.map((r) => ({ ...r, note: r.note ?? '', uid: nextUid() })),
  )
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const setGoal = (i: number, patch: Partial<GoalRow>): void =>
    setGoals((old) => old.map((g, j) => (j === i ? { ...g, ...patch } : g)))
  const setReview = (i: number, patch: Partial<ReviewRow>): void =>
    setReviews((old) => old.map((r, j) => (j === i ? { ...r, ...patch } : r)))

  const save = async (): Promise<void> => {
    setProblem(null)
    const raw = {
      personId,
      barriers,
      aim: aim as PlanAim | null,
      goals: goals.map((g) => ({
        id: g.id,
        text: g.text,
        zrmDomain: g.zrmDomain,
        status: g.status,
        // A goal closed now is closed today by main; one closed before keeps its day.
        closedOn: g.status === 'open' ? null : g.closedOn,
      })),
      reviews: reviews.map((r) => ({
        id: r.id,
        plannedOn: r.plannedOn ?? '',
        doneOn: r.doneOn,
        note: r.note,
      })),
    }
    const found = zodValidate(planUpdateInput, t)(raw)
    setErrors(found)
    if (Object.keys(found).length) return setProblem(t('errors.validation'))
    setBusy(true)
    try {
      await call('plans.update', raw as MethodInput<'plans.update'>)
      notifications.show({ color: 'teal', message: t('volunteers.plan.saved') })
      onSaved()
    } catch (err) {
      setErrors(serverFieldErrors(t, err))
      setProblem(errorMessage(t, err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <Stack gap="md" maw={1000}>
        <Card withBorder>
          <Stack gap="sm">
            <Textarea
              label={t('volunteers.plan.barriers')}
              description={t('volunteers.plan.barriersHelp')}
              value={barriers}
              onChange={(e) => setBarriers(e.currentTarget.value)}
              error={errors.barriers}
              autosize
              minRows={2}
            />
            <Select
              label={t('volunteers.plan.aim')}
              placeholder={t('volunteers.plan.noAim')}
              data={PLAN_AIMS.map((a) => ({ value: a, label: t(`volunteers.labels.aim.${a}`) }))}
              value={aim}
              onChange={setAim}
              clearable
              error={errors.aim}
              maw={360}
            />
          </Stack>
        </Card>

        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t('volunteers.plan.goals')}
          </Title>
          <Stack gap="xs">
            {goals.length === 0 && <Text c="dimmed">{t('volunteers.plan.noGoals')}</Text>}
            {goals.map((g, i) => (
              <Group
                key={g.uid}
                align="flex-start"
                wrap="nowrap"
                gap="sm"
                role="group"
                aria-label={`${t('volunteers.plan.goalText')} ${i + 1}`}
              >
                <TextInput
                  label={t('volunteers.plan.goalText')}
                  value={g.text}
                  onChange={(e) => setGoal(i, { text: e.currentTarget.value })}
                  error={errors[`goals.${i}.text`]}
                  style={{ flex: 1 }}
                  required
                />
                <Select
                  label={t('volunteers.plan.goalDomain')}
                  data={ZRM11_DOMAINS.map((d) => ({ value: d, label: t(`zrm.domains.${d}`) }))}
                  value={g.zrmDomain}
                  onChange={(v) => setGoal(i, { zrmDomain: v })}
                  clearable
                  error={errors[`goals.${i}.zrmDomain`]}
                  w={220}
                />
                <Select
                  label={t('volunteers.plan.status')}
                  data={GOAL_STATUSES.map((s) => ({
                    value: s,
                    label: t(`volunteers.labels.goalStatus.${s}`),
                  }))}
                  value={g.status}
                  onChange={(v) => v && setGoal(i, { status: v as GoalStatus })}
                  allowDeselect={false}
                  error={errors[`goals.${i}.status`] ?? errors[`goals.${i}.closedOn`]}
                  w={170}
                />
                <Stack gap={2} mt={26} w={110}>
                  <Badge variant="light" color={GOAL_COLOURS[g.status]} tt="none">
                    {t(`volunteers.labels.goalStatus.${g.status}`)}
                  </Badge>
                  {g.closedOn && g.status !== 'open' && (
                    <Text size="xs" c="dimmed">
                      {t('volunteers.plan.closedOn', { date: toDutchDate(g.closedOn) })}
                    </Text>
                  )}
                </Stack>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  mt={28}
                  aria-label={`${t('volunteers.plan.remove')}: ${g.text || i + 1}`}
                  onClick={() => setGoals((old) => old.filter((_, j) => j !== i))}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="light"
                size="xs"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={() =>
                  setGoals((old) => [
                    ...old,
                    {
                      uid: nextUid(),
                      id: null,
                      text: '',
                      zrmDomain: null,
                      status: 'open',
                      closedOn: null,
                    },
                  ])
                }
              >
                {t('volunteers.plan.addGoal')}
              </Button>
            </Group>
          </Stack>
        </Card>

        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t('volunteers.plan.reviews')}
          </Title>
          <Stack gap="xs">
            {reviews.length === 0 && <Text c="dimmed">{t('volunteers.plan.noReviews')}</Text>}
            {reviews.map((r, i) => (
              <Group key={r.uid} align="flex-start" wrap="nowrap" gap="sm">
                <DateField
                  label={t('volunteers.plan.reviewOn')}
                  value={r.plannedOn}
                  onChange={(v) => setReview(i, { plannedOn: v })}
                  error={errors[`reviews.${i}.plannedOn`]}
                  required
                  w={160}
                />
                <DateField
                  label={t('volunteers.plan.reviewDone')}
                  value={r.doneOn}
                  onChange={(v) => setReview(i, { doneOn: v })}
                  error={errors[`reviews.${i}.doneOn`]}
                  w={160}
                />
                <TextInput
                  label={t('volunteers.plan.reviewNote')}
                  value={r.note}
                  onChange={(e) => setReview(i, { note: e.currentTarget.value })}
                  error={errors[`reviews.${i}.note`]}
                  style={{ flex: 1 }}
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  mt={28}
                  aria-label={`${t('volunteers.plan.remove')}: ${toDutchDate(r.plannedOn) || i + 1}`}
                  onClick={() => setReviews((old) => old.filter((_, j) => j !== i))}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="light"
                size="xs"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={() =>
                  setReviews((old) => [
                    ...old,
                    { uid: nextUid(), id: null, plannedOn: today, doneOn: null, note: '' },
                  ])
                }
              >
                {t('volunteers.plan.addReview')}
              </Button>
            </Group>
          </Stack>
        </Card>
        <ErrorAlert message={problem} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            {t('volunteers.plan.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
