import { useCallback, useState } from 'react'
import { ListExportButton } from '../../common/components/list-export-button'
import {
  Autocomplete,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { DateField } from '../../common/components/date-field'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage, serverFieldErrors, showError, zodValidate } from '../../common/forms'
import { useDistricts } from '../../common/hooks/use-districts'
import { useLoad } from '../../common/hooks/use-load'
import { useToday } from '../../common/hooks/use-shop-day'
import { toDutchDate } from '../../../../shared/dates'
import {
  ACTIVITY_KINDS,
  activityCreateInput,
  adviceAddInput,
  type Activity,
  type ActivityKind,
} from '../../../../shared/schemas/activities'
import { ActivitySurveysButton } from '../outcomes'
import './texts'
import { ActionsTh } from '../../common/components/actions-th'

interface Draft {
  id: number | null
  date: string
  kind: ActivityKind | ''
  title: string
  participants: number | ''
  volunteers: number | ''
  area: string
  waitingList: number | ''
  notes: string
}

function toInput(d: Draft): Record<string, unknown> {
  return {
    date: d.date,
    kind: d.kind || undefined,
    title: d.title,
    participants: d.participants === '' ? undefined : d.participants,
    volunteers: d.volunteers === '' ? undefined : d.volunteers,
    area: d.area,
    waitingList: d.waitingList === '' ? null : d.waitingList,
    notes: d.notes,
  }
}

/** The register of activities and residents' initiatives, and the advice tally. */
export function ActivitiesPage(): React.JSX.Element {
  const { t } = useTranslation()
  const today = useToday()
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`)
  const [to, setTo] = useState(`${today.slice(0, 4)}-12-31`)
  const [kind, setKind] = useState<ActivityKind | null>(null)
  const valid = !!from && !!to && from <= to
  const loader = useCallback(() => call('activities.list', { from, to, kind }), [from, to, kind])
  const { data, error, reload } = useLoad(valid ? loader : null)
  const [draft, setDraft] = useState<Draft | null>(null)

  const remove = (a: Activity): void => {
    modals.openConfirmModal({
      title: t('reports.activities.removeTitle'),
      children: (
        <Text size="sm">
          {t('reports.activities.removeText', { title: a.title, date: toDutchDate(a.date) })}
        </Text>
      ),
      labels: { confirm: t('reports.activities.remove'), cancel: t('reports.activities.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await call('activities.remove', { id: a.id })
          notifications.show({ color: 'teal', message: t('reports.activities.removed') })
          reload()
        } catch (err) {
          showError(t, err)
        }
      },
    })
  }

  return (
    <Stack gap="md" maw={1100}>
      <div>
        <Title order={2}>{t('reports.activities.title')}</Title>
        <Text c="dimmed" maw={800}>
          {t('reports.activities.intro')}
        </Text>
      </div>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <DateField
          label={t('reports.activities.from')}
          value={from}
          onChange={(v) => setFrom(v ?? '')}
          w={150}
        />
        <DateField
          label={t('reports.activities.to')}
          value={to}
          onChange={(v) => setTo(v ?? '')}
          error={from && to && from > to ? t('validation.periodOrder') : undefined}
          w={150}
        />
        <Select
          label={t('reports.activities.kind')}
          placeholder={t('reports.activities.allKinds')}
          data={ACTIVITY_KINDS.map((k) => ({
            value: k,
            label: t(`reports.activities.kinds.${k}`),
          }))}
          value={kind}
          onChange={(v) => setKind((v as ActivityKind | null) ?? null)}
          clearable
          w={220}
        />
        <ListExportButton
          disabled={!valid}
          filters={{ list: 'activities', from, to, kind, area: null }}
        />
        <Button
          ml="auto"
          onClick={() =>
            setDraft({
              id: null,
              date: today,
              kind: '',
              title: '',
              participants: '',
              volunteers: '',
              area: '',
              waitingList: '',
              notes: '',
            })
          }
        >
          {t('reports.activities.new')}
        </Button>
      </Group>
      <AdviceCard from={from} to={to} valid={valid} />
      <ErrorAlert message={error ? errorMessage(t, error) : null} />
      {valid && !data && !error && <Loader aria-label={t('common.loading')} />}
      {data && data.length === 0 && <Text c="dimmed">{t('reports.activities.none')}</Text>}
      {data && data.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover aria-label={t('reports.activities.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.activities.columns.date')}</Table.Th>
                <Table.Th>{t('reports.activities.columns.kind')}</Table.Th>
                <Table.Th>{t('reports.activities.columns.title')}</Table.Th>
                <Table.Th ta="right">{t('reports.activities.columns.participants')}</Table.Th>
                <Table.Th ta="right">{t('reports.activities.columns.volunteers')}</Table.Th>
                <Table.Th>{t('reports.activities.columns.area')}</Table.Th>
                <Table.Th ta="right">{t('reports.activities.columns.waitingList')}</Table.Th>
                <ActionsTh />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{toDutchDate(a.date)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {t(`reports.activities.kinds.${a.kind}`)}
                  </Table.Td>
                  <Table.Td>
                    {a.title}
                    <div>
                      <ActivitySurveysButton activity={a} today={today} />
                    </div>
                  </Table.Td>
                  <Table.Td ta="right">{a.participants}</Table.Td>
                  <Table.Td ta="right">{a.volunteers}</Table.Td>
                  <Table.Td>{a.area ?? ''}</Table.Td>
                  <Table.Td ta="right">{a.waitingList ?? ''}</Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="subtle"
                        aria-label={`${t('reports.activities.edit')}: ${a.title}`}
                        onClick={() =>
                          setDraft({
                            id: a.id,
                            date: a.date,
                            kind: a.kind,
                            title: a.title,
                            participants: a.participants,
                            volunteers: a.volunteers,
                            area: a.area ?? '',
                            waitingList: a.waitingList ?? '',
                            notes: a.notes ?? '',
                          })
                        }
                      >
                        {t('reports.activities.edit')}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        aria-label={`${t('reports.activities.remove')}: ${a.title}`}
                        onClick={() => remove(a)}
                      >
                        {t('reports.activities.remove')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {draft && (
        <ActivityForm
          draft={draft}
          onClose={() => setDraft(null)}
          onSaved={() => {
            setDraft(null)
            reload()
          }}
        />
      )}
    </Stack>
  )
}

function ActivityForm({
  draft,
  onClose,
  onSaved,
}: {
  draft: Draft
  onClose: () => void
  onSaved: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const districts = useDistricts()
  const [d, setD] = useState(draft)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)
  const set = (patch: Partial<Draft>): void => setD((x) => ({ ...x, ...patch }))
  const save = async (): Promise<void> => {
    const input = toInput(d)
    const local = zodValidate(activityCreateInput, t)(input)
    if (Object.keys(local).length) {
      setErrors(local)
      return
    }
    setSaving(true)
    try {
      const parsed = activityCreateInput.parse(input)
      if (d.id === null) await call('activities.create', parsed)
      else await call('activities.update', { id: d.id, ...parsed })
      notifications.show({ color: 'teal', message: t('reports.activities.saved') })
      onSaved()
    } catch (err) {
      const fields = serverFieldErrors(t, err)
      setErrors(fields)
      if (!Object.keys(fields).length) showError(t, err)
    } finally {
      setSaving(false)
    }
  }
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={d.id === null ? t('reports.activities.new') : t('reports.activities.edit')}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <DateField
            label={t('reports.activities.date')}
            value={d.date}
            onChange={(v) => set({ date: v ?? '' })}
            error={errors.date}
            withAsterisk
          />
          <Select
            label={t('reports.activities.kind')}
            data={ACTIVITY_KINDS.map((k) => ({
              value: k,
              label: t(`reports.activities.kinds.${k}`),
            }))}
            value={d.kind || null}
            onChange={(v) => set({ kind: (v as ActivityKind | null) ?? '' })}
            error={errors.kind}
            withAsterisk
          />
        </SimpleGrid>
        <TextInput
          label={t('reports.activities.titleField')}
          value={d.title}
          onChange={(e) => set({ title: e.currentTarget.value })}
          error={errors.title}
          withAsterisk
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NumberInput
            label={t('reports.activities.participants')}
            min={0}
            allowDecimal={false}
            value={d.participants}
            onChange={(v) => set({ participants: typeof v === 'number' ? v : '' })}
            error={errors.participants}
            withAsterisk
          />
          <NumberInput
            label={t('reports.activities.volunteers')}
            min={0}
            allowDecimal={false}
            value={d.volunteers}
            onChange={(v) => set({ volunteers: typeof v === 'number' ? v : '' })}
            error={errors.volunteers}
            withAsterisk
          />
          <NumberInput
            label={t('reports.activities.waitingList')}
            description={t('reports.activities.waitingListHelp')}
            min={0}
            allowDecimal={false}
            value={d.waitingList}
            onChange={(v) => set({ waitingList: typeof v === 'number' ? v : '' })}
            error={errors.waitingList}
          />
        </SimpleGrid>
        <Autocomplete
          label={t('reports.activities.area')}
          data={districts}
          value={d.area}
          onChange={(v) => set({ area: v })}
          error={errors.area}
        />
        <Textarea
          label={t('reports.activities.notes')}
          autosize
          minRows={2}
          value={d.notes}
          onChange={(e) => set({ notes: e.currentTarget.value })}
          error={errors.notes}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('reports.activities.cancel')}
          </Button>
          <Button loading={saving} onClick={() => void save()}>
            {t('reports.activities.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

function AdviceCard({
  from,
  to,
  valid,
}: {
  from: string
  to: string
  valid: boolean
}): React.JSX.Element {
  const { t } = useTranslation()
  const today = useToday()
  const districts = useDistricts()
  const loader = useCallback(() => call('activities.adviceTally', { from, to }), [from, to])
  const { data, reload } = useLoad(valid ? loader : null)
  // Until a day is chosen, main's today (the shop day), which may arrive after the first render.
  const [chosen, setDate] = useState<string | null>(null)
  const date = chosen ?? today
  const [area, setArea] = useState('')
  const [count, setCount] = useState<number | ''>(1)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)
  const add = async (): Promise<void> => {
    const input = { date, area, count: count === '' ? undefined : count }
    const local = zodValidate(adviceAddInput, t)(input)
    if (Object.keys(local).length) {
      setErrors(local)
      return
    }
    setSaving(true)
    try {
      await call('activities.addAdvice', adviceAddInput.parse(input))
      setErrors({})
      notifications.show({
        color: 'teal',
        message: t('reports.activities.adviceAdded', { count, date: toDutchDate(date) }),
      })
      reload()
    } catch (err) {
      const fields = serverFieldErrors(t, err)
      setErrors(fields)
      if (!Object.keys(fields).length) showError(t, err)
    } finally {
      setSaving(false)
    }
  }
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="advice-title">
      <Title order={3} size="h4" id="advice-title">
        {t('reports.activities.advice')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('reports.activities.adviceIntro')}
      </Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <DateField
          label={t('reports.activities.date')}
          value={date}
          onChange={(v) => setDate(v ?? '')}
          error={errors.date}
          w={150}
        />
        <Autocomplete
          label={t('reports.activities.area')}
          data={districts}
          value={area}
          onChange={setArea}
          error={errors.area}
          w={180}
        />
        <NumberInput
          label={t('reports.activities.adviceCount')}
          min={1}
          max={500}
          allowDecimal={false}
          value={count}
          onChange={(v) => setCount(typeof v === 'number' ? v : '')}
          error={errors.count}
          w={150}
        />
        <Button loading={saving} onClick={() => void add()}>
          {t('reports.activities.adviceAdd')}
        </Button>
      </Group>
      {data && (
        <Stack gap={4} mt="sm">
          <Text size="sm" fw={500} data-testid="advice-total">
            {t('reports.activities.adviceTotal', { n: data.total })}
          </Text>
          {data.days.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('reports.activities.adviceNone')}
            </Text>
          ) : (
            <Table striped maw={480}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reports.activities.columns.date')}</Table.Th>
                  <Table.Th>{t('reports.activities.columns.area')}</Table.Th>
                  <Table.Th ta="right">{t('reports.activities.columns.count')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.days.slice(0, 10).map((d) => (
                  <Table.Tr key={`${d.date}|${d.area ?? ''}`}>
                    <Table.Td>{toDutchDate(d.date)}</Table.Td>
                    <Table.Td>{d.area ?? ''}</Table.Td>
                    <Table.Td ta="right">{d.count}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </Card>
  )
}
