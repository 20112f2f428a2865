import { useMemo, useState } from 'react'
import {
  ActionIcon,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { IconPencil, IconTrash, IconX } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { DateField } from '../../common/components/date-field'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage, serverFieldErrors, showError, zodValidate } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { toDutchDate } from '../../../../shared/dates'
import {
  measurementRecordInput,
  measurementUpdateInput,
  type Measurement,
} from '../../../../shared/schemas/volunteers-followup'
import {
  LADDER_STEPS,
  MEASUREMENT_MOMENTS,
  ZRM11_DOMAINS,
  ZRM_SCORES,
  ZRM_VERSIONS,
  domainsOf,
  scoresOn11,
  type MeasurementMoment,
  type ZrmVersion,
} from '../../../../shared/zrm'
import { ScoreChart } from './score-chart'

/**
 * A person's ZRM measurements: a small chart per domain, the list, and a new one. A measurement
 * entered wrongly is corrected or deleted from the list; the figures follow (main keeps them).
 */
export function PersonMeasurements({
  personId,
  today,
}: {
  personId: number
  today: string
}): React.JSX.Element {
  const { t } = useTranslation()
  const loader = useMemo(() => () => call('measurements.list', { personId }), [personId])
  const { data, error, reload } = useLoad(loader)
  const settingsLoader = useMemo(() => () => call('measurements.settings', {}), [])
  const settings = useLoad(settingsLoader)
  const [recording, setRecording] = useState(false)
  const [editing, setEditing] = useState<Measurement | null>(null)

  const remove = async (m: Measurement): Promise<void> => {
    try {
      await call('measurements.delete', { id: m.id })
      notifications.show({ color: 'teal', message: t('volunteers.measurements.removed') })
      reload()
    } catch (err) {
      showError(t, err)
    }
  }
  const confirmRemove = (m: Measurement): void => {
    const date = toDutchDate(m.measuredOn)
    modals.openConfirmModal({
      title: t('volunteers.measurements.removeTitle', { date }),
      children: (
        <Text size="sm">
          {t('volunteers.measurements.removeText', {
            date,
            moment: t(`zrm.moments.${m.moment}`).toLowerCase(),
            count: m.scores.length,
          })}
        </Text>
      ),
      labels: { confirm: t('volunteers.measurements.remove'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => void remove(m),
    })
  }

  if (!data)
    return error ? (
      <ErrorAlert message={errorMessage(t, error)} />
    ) : (
      <Loader aria-label={t('common.loading')} />
    )
  // Oldest first for the charts; 2017 scores are shown on the 11 domains they map onto.
  const ordered = [...data].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn) || a.id - b.id)
  const on11 = ordered.map((m) => ({ m, scores: scoresOn11(m.version, m.scores) }))
  const ladderOn = settings.data?.ladder ?? false
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('volunteers.measurements.scoreHelp')}
        </Text>
        <Button onClick={() => setRecording(true)}>{t('volunteers.measurements.new')}</Button>
      </Group>
      {data.length === 0 ? (
        <Text c="dimmed">{t('volunteers.measurements.none')}</Text>
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm">
            {ZRM11_DOMAINS.map((d) => {
              const points = on11
                .filter((x) => x.scores[d] !== undefined)
                .map((x) => ({ day: x.m.measuredOn, score: x.scores[d] as number }))
              return (
                <Card key={d} withBorder padding="xs" data-testid={`zrm-chart-${d}`}>
                  <Text size="xs" fw={600} truncate="end">
                    {t(`zrm.domains.${d}`)}
                  </Text>
                  <ScoreChart
                    points={points}
                    max={5}
                    label={t('volunteers.measurements.chartLabel', {
                      domain: t(`zrm.domains.${d}`),
                      points: points.map((p) => p.score).join(' → ') || '–',
                    })}
                  />
                  <Text size="xs" c="dimmed">
                    {points.length
                      ? `${t('volunteers.measurements.first', { score: points[0].score })} · ${t(
                          'volunteers.measurements.latest',
                          { score: points[points.length - 1].score },
                        )}`
                      : t('volunteers.measurements.notScored')}
                  </Text>
                </Card>
              )
            })}
            {ladderOn && (
              <Card withBorder padding="xs">
                <Text size="xs" fw={600}>
                  {t('volunteers.measurements.ladder')}
                </Text>
                <ScoreChart
                  points={ordered
                    .filter((m) => m.ladder !== null)
                    .map((m) => ({ day: m.measuredOn, score: m.ladder as number }))}
                  max={6}
                  label={t('volunteers.measurements.ladder')}
                />
              </Card>
            )}
          </SimpleGrid>
          <Title order={3} size="h5">
            {t('volunteers.measurements.history')}
          </Title>
          <Table withTableBorder striped aria-label={t('volunteers.measurements.history')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('volunteers.measurements.columns.on')}</Table.Th>
                <Table.Th>{t('volunteers.measurements.columns.moment')}</Table.Th>
                <Table.Th>{t('volunteers.measurements.columns.version')}</Table.Th>
                {ladderOn && <Table.Th>{t('volunteers.measurements.columns.ladder')}</Table.Th>}
                <Table.Th>{t('volunteers.measurements.columns.by')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('volunteers.measurements.columns.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...ordered].reverse().map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{toDutchDate(m.measuredOn)}</Table.Td>
                  <Table.Td>{t(`zrm.moments.${m.moment}`)}</Table.Td>
                  <Table.Td>{t(`zrm.versions.${m.version}`)}</Table.Td>
                  {ladderOn && <Table.Td>{m.ladder ?? '–'}</Table.Td>}
                  <Table.Td>{m.byName ?? '–'}</Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        onClick={() => setEditing(m)}
                        aria-label={t('volunteers.measurements.editLabel', {
                          date: toDutchDate(m.measuredOn),
                        })}
                        title={t('volunteers.measurements.edit')}
                      >
                        <IconPencil size={16} aria-hidden />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        onClick={() => confirmRemove(m)}
                        aria-label={t('volunteers.measurements.removeLabel', {
                          date: toDutchDate(m.measuredOn),
                        })}
                        title={t('volunteers.measurements.remove')}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      <Modal
        opened={recording || editing !== null}
        onClose={() => {
          setRecording(false)
          setEditing(null)
        }}
        size="lg"
        title={
          editing
            ? t('volunteers.measurements.editTitle', { date: toDutchDate(editing.measuredOn) })
            : t('volunteers.measurements.new')
        }
      >
        {(recording || editing) && (
          <MeasurementForm
            key={editing?.id ?? 'new'}
            personId={personId}
            today={today}
            version={editing?.version ?? settings.data?.version ?? 'zrm11'}
            ladder={ladderOn}
            previous={ordered.length ? ordered[ordered.length - 1] : null}
            existing={editing}
            onCancel={() => {
              setRecording(false)
              setEditing(null)
            }}
            onSaved={() => {
              setRecording(false)
              setEditing(null)
              reload()
            }}
          />
        )}
      </Modal>
    </Stack>
  )
}

function MeasurementForm({
  personId,
  today,
  version: defaultVersion,
  ladder: ladderOn,
  previous,
  existing,
  onCancel,
  onSaved,
}: {
  personId: number
  today: string
  version: ZrmVersion
  ladder: boolean
  previous: Measurement | null
  /** The measurement being corrected; null records a new one. */
  existing: Measurement | null
  onCancel: () => void
  onSaved: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [measuredOn, setMeasuredOn] = useState<string | null>(existing?.measuredOn ?? today)
  const [moment, setMoment] = useState<MeasurementMoment>(
    existing?.moment ?? (previous ? 'reassessment' : 'intake'),
  )
  const [version, setVersion] = useState<ZrmVersion>(defaultVersion)
  const [scores, setScores] = useState<Record<string, string>>(() =>
    Object.fromEntries((existing?.scores ?? []).map((s) => [s.domain, String(s.score)])),
  )
  const [ladder, setLadder] = useState<string | null>(
    existing?.ladder == null ? null : String(existing.ladder),
  )
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const domains = domainsOf(version)

  // The scores sent, in the matrix's order: a refusal of `scores.2.score` is about the third one
  // sent, so it is shown at that domain's row.
  const scored = domains.filter((d) => scores[d])
  const errorAt = (d: string): string | undefined => {
    const i = scored.indexOf(d as (typeof scored)[number])
    return i < 0 ? undefined : (errors[`scores.${i}.score`] ?? errors[`scores.${i}.domain`])
  }

  const save = async (): Promise<void> => {
    setProblem(null)
    const common = {
      measuredOn: measuredOn ?? '',
      moment,
      scores: scored.map((d) => ({ domain: d, score: Number(scores[d]) })),
      // With the ladder off, a correction keeps the step recorded while it was on.
      ladder: ladderOn ? (ladder ? Number(ladder) : null) : (existing?.ladder ?? null),
    }
    const found = existing
      ? zodValidate(measurementUpdateInput, t)({ id: existing.id, ...common })
      : zodValidate(measurementRecordInput, t)({ personId, version, ...common })
    setErrors(found)
    if (Object.keys(found).length) return setProblem(t('errors.validation'))
    setBusy(true)
    try {
      if (existing) {
        await call('measurements.update', { id: existing.id, ...common })
        notifications.show({ color: 'teal', message: t('volunteers.measurements.corrected') })
      } else {
        await call('measurements.record', { personId, version, ...common })
        notifications.show({ color: 'teal', message: t('volunteers.measurements.saved') })
      }
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
      <Stack gap="sm">
        <SimpleGrid cols={3}>
          <DateField
            label={t('volunteers.measurements.on')}
            value={measuredOn}
            onChange={setMeasuredOn}
            error={errors.measuredOn}
            required
          />
          <Select
            label={t('volunteers.measurements.moment')}
            data={MEASUREMENT_MOMENTS.map((m) => ({ value: m, label: t(`zrm.moments.${m}`) }))}
            value={moment}
            onChange={(v) => v && setMoment(v as MeasurementMoment)}
            allowDeselect={false}
            error={errors.moment}
          />
          <Select
            label={t('volunteers.measurements.version')}
            data={ZRM_VERSIONS.map((v) => ({ value: v, label: t(`zrm.versions.${v}`) }))}
            value={version}
            onChange={(v) => v && setVersion(v as ZrmVersion)}
            allowDeselect={false}
            error={errors.version}
            // A correction stays in the version it was scored in (its domains belong to it).
            disabled={existing !== null}
            description={existing ? t('volunteers.measurements.versionKept') : undefined}
            // Below the field, so the three fields of the row stay level.
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('volunteers.measurements.scoreHelp')}
        </Text>
        <Stack gap={4}>
          {domains.map((d) => (
            <Radio.Group
              key={d}
              label={t(`zrm.domains.${d}`)}
              value={scores[d] ?? ''}
              onChange={(v) => setScores((old) => ({ ...old, [d]: v }))}
              error={errorAt(d)}
              styles={{ root: { display: 'flex', alignItems: 'center', gap: 12 } }}
            >
              <Group gap="md" ml="auto">
                {ZRM_SCORES.map((s) => (
                  <Radio
                    key={s}
                    value={String(s)}
                    label={String(s)}
                    title={t(`zrm.scores.${s}`)}
                    aria-label={`${s}: ${t(`zrm.scores.${s}`)}`}
                  />
                ))}
                {/* A domain scored by mistake is cleared again: left out, it was not assessed. */}
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  // Kept in place while there is nothing to clear, so the rows stay aligned.
                  style={{ visibility: scores[d] ? 'visible' : 'hidden' }}
                  onClick={() => setScores(({ [d]: _, ...rest }) => rest)}
                  aria-label={t('volunteers.measurements.clearScore', {
                    domain: t(`zrm.domains.${d}`),
                  })}
                  title={t('volunteers.measurements.notScored')}
                >
                  <IconX size={14} aria-hidden />
                </ActionIcon>
              </Group>
            </Radio.Group>
          ))}
        </Stack>
        {errors.scores && (
          <Text size="sm" c="red" role="alert">
            {errors.scores}
          </Text>
        )}
        {ladderOn && (
          <Select
            label={t('volunteers.measurements.ladder')}
            placeholder={t('volunteers.measurements.noLadder')}
            data={LADDER_STEPS.map((s) => ({
              value: String(s),
              label: `${s}. ${t(`zrm.ladder.${s}`)}`,
            }))}
            value={ladder}
            onChange={setLadder}
            clearable
            error={errors.ladder}
          />
        )}
        <ErrorAlert message={problem} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
