import { useMemo, useState } from 'react'
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { navigate } from '../../router'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage, serverFieldErrors, zodValidate } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { useToday } from '../../common/hooks/use-shop-day'
import { hoursLogInput, type HoursMonth } from '../../../../shared/schemas/volunteers-followup'
import { addMonth, formatHours, monthName, parseHours } from './months'
import { STEP_COLOURS } from './use-lists'
import type { PlacementStep } from '../../../../shared/schemas/volunteers-matching'
import type { MethodInput } from '../../../../shared/api'

const rowKey = (r: { personId: number; placementId: number | null }): string =>
  `${r.personId}:${r.placementId ?? 0}`

/**
 * The month grid: every placement that ran in the month, with its hours, filled in at once. The
 * coordinator fills last month in one screen; an empty cell is "not logged yet".
 */
export function HoursPage({ month: asked }: { month?: string }): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const today = useToday()
  const month =
    asked && /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) ? asked : addMonth(today.slice(0, 7), -1)
  const loader = useMemo(() => () => call('hours.month', { month }), [month])
  const { data, error, reload } = useLoad(loader)
  const go = (m: string): void => navigate(`/volunteers/hours?month=${m}`)

  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('volunteers.hours.title')}</Title>
        <Text c="dimmed" maw={760}>
          {t('volunteers.hours.intro')}
        </Text>
      </div>
      <Group gap="xs">
        <ActionIcon
          variant="default"
          aria-label={t('volunteers.hours.previous')}
          onClick={() => go(addMonth(month, -1))}
        >
          <IconChevronLeft size={16} aria-hidden />
        </ActionIcon>
        <Text fw={600} w={170} ta="center" data-testid="hours-month">
          {monthName(month, i18n.language)}
        </Text>
        <ActionIcon
          variant="default"
          aria-label={t('volunteers.hours.next')}
          onClick={() => go(addMonth(month, 1))}
        >
          <IconChevronRight size={16} aria-hidden />
        </ActionIcon>
      </Group>
      {!data ? (
        error ? (
          <ErrorAlert message={errorMessage(t, error)} />
        ) : (
          <Loader aria-label={t('common.loading')} />
        )
      ) : (
        <HoursGrid key={month + JSON.stringify(data.rows)} data={data} onSaved={reload} />
      )}
    </Stack>
  )
}

function HoursGrid({
  data,
  onSaved,
}: {
  data: HoursMonth
  onSaved: () => void
}): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const shown = (h: number | null): string => (h === null ? '' : formatHours(h, i18n.language))
  const [cells, setCells] = useState<Record<string, string>>(() =>
    Object.fromEntries(data.rows.map((r) => [rowKey(r), shown(r.hours)])),
  )
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const save = async (): Promise<void> => {
    setProblem(null)
    // Only what changed: rows nobody touched stay as they are (also "not logged").
    const changed = data.rows.filter((r) => cells[rowKey(r)] !== shown(r.hours))
    if (changed.length === 0) {
      notifications.show({ color: 'gray', message: t('volunteers.hours.nothing') })
      return
    }
    const raw = {
      entries: changed.map((r) => ({
        personId: r.personId,
        placementId: r.placementId,
        month: data.month,
        hours: parseHours(cells[rowKey(r)]),
      })),
    }
    const toRows = (found: Record<string, string>): Record<string, string> => {
      const out: Record<string, string> = {}
      for (const [path, message] of Object.entries(found)) {
        const m = /^entries\.(\d+)/.exec(path)
        if (m && changed[Number(m[1])]) out[rowKey(changed[Number(m[1])])] ??= message
      }
      return out
    }
    const found = toRows(zodValidate(hoursLogInput, t)(raw))
    setErrors(found)
    if (Object.keys(found).length) return setProblem(t('errors.validation'))
    setBusy(true)
    try {
      const r = await call('hours.log', raw as MethodInput<'hours.log'>)
      notifications.show({
        color: 'teal',
        message: t('volunteers.hours.saved', { count: r.saved + r.removed }),
      })
      onSaved()
    } catch (err) {
      setErrors(toRows(serverFieldErrors(t, err)))
      setProblem(errorMessage(t, err))
    } finally {
      setBusy(false)
    }
  }

  if (data.rows.length === 0) return <Text c="dimmed">{t('volunteers.hours.none')}</Text>
  const total = data.rows.reduce((sum, r) => {
    const v = parseHours(cells[rowKey(r)] ?? '')
    return typeof v === 'number' ? sum + v : sum
  }, 0)
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <Stack gap="sm" maw={900}>
        <Table withTableBorder striped verticalSpacing={4} aria-label={t('volunteers.hours.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('volunteers.hours.columns.person')}</Table.Th>
              <Table.Th>{t('volunteers.hours.columns.vacancy')}</Table.Th>
              <Table.Th w={130}>{t('volunteers.hours.columns.hours')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.rows.map((r) => {
              const k = rowKey(r)
              return (
                <Table.Tr key={k}>
                  <Table.Td>
                    <Anchor href={`#/volunteers/people/${r.personId}?tab=hours`} size="sm">
                      {r.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {r.reference}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.vacancyTitle ?? '–'}</Text>
                    <Group gap={6}>
                      {r.hostName && (
                        <Text size="xs" c="dimmed">
                          {r.hostName}
                        </Text>
                      )}
                      {r.step && r.step !== 'placed' && (
                        <Badge
                          size="xs"
                          variant="light"
                          tt="none"
                          color={STEP_COLOURS[r.step as PlacementStep] ?? 'gray'}
                        >
                          {t(`volunteers.labels.step.${r.step}`)}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`${t('volunteers.hours.columns.hours')}: ${r.name}, ${
                        r.vacancyTitle ?? '–'
                      }`}
                      inputMode="decimal"
                      value={cells[k] ?? ''}
                      onChange={(e) => {
                        const v = e.currentTarget.value
                        setCells((old) => ({ ...old, [k]: v }))
                      }}
                      error={errors[k]}
                      size="xs"
                    />
                  </Table.Td>
                </Table.Tr>
              )
            })}
            <Table.Tr>
              <Table.Td colSpan={2} fw={600}>
                {t('volunteers.hours.total')}
              </Table.Td>
              <Table.Td fw={600} data-testid="hours-total">
                {formatHours(total, i18n.language)}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <ErrorAlert message={problem} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            {t('volunteers.hours.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
