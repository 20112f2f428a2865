import { memo, useCallback, useMemo, useState } from 'react'
import { ListExportButton } from '../../common/components/list-export-button'
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  Pagination,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { navigate } from '../../router'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage, serverFieldErrors, zodValidate } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { useToday } from '../../common/hooks/use-shop-day'
import {
  HOURS_PAGE_SIZE,
  hoursLogInput,
  type HoursMonth,
  type HoursRow,
} from '../../../../shared/schemas/volunteers-followup'
import { addMonth, formatHours, monthName, parseHours } from './months'
import { STEP_COLOURS } from './use-lists'
import type { PlacementStep } from '../../../../shared/schemas/volunteers-matching'
import type { MethodInput } from '../../../../shared/api'

const rowKey = (r: { personId: number; placementId: number | null }): string =>
  `${r.personId}:${r.placementId ?? 0}`

/** A cell typed in and not saved yet, with its row (which may be on another page by now). */
interface Edit {
  row: HoursRow
  value: string
}

/**
 * The month grid: every placement that ran in the month, with its hours. At a busy organisation
 * a month has over a thousand rows, so main sends one page at a time, found by words (person,
 * vacancy, host) or "not logged yet"; what is typed stays while paging and is saved at once.
 */
export function HoursPage({
  month: asked,
  missing = false,
}: {
  month?: string
  /** Start with only the rows not logged yet (the dashboard's "Uren invullen"). */
  missing?: boolean
}): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const today = useToday()
  const month =
    asked && /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) ? asked : addMonth(today.slice(0, 7), -1)
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
      {/* A month of its own: what was typed in another month does not carry over. */}
      <HoursMonthGrid key={month} month={month} missing={missing} />
    </Stack>
  )
}

function HoursMonthGrid({
  month,
  missing,
}: {
  month: string
  missing: boolean
}): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const [query, setQuery] = useState('')
  const [debounced] = useDebouncedValue(query.trim(), 250)
  const [missingOnly, setMissingOnly] = useState(missing)
  const [page, setPage] = useState(1)
  const loader = useMemo(
    () => () =>
      call('hours.month', {
        month,
        query: debounced,
        missingOnly,
        limit: HOURS_PAGE_SIZE,
        offset: (page - 1) * HOURS_PAGE_SIZE,
      }),
    [month, debounced, missingOnly, page],
  )
  const { data: loaded, error, reload } = useLoad(loader)
  // The previous page stays on screen while the next one loads, so the grid does not jump.
  // (Kept while rendering, as React advises for state that follows a value.)
  const [last, setLast] = useState<HoursMonth | null>(null)
  if (loaded && loaded !== last) setLast(loaded)
  const data = loaded ?? last

  const [edits, setEdits] = useState<Record<string, Edit>>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const shown = useCallback(
    (h: number | null): string => (h === null ? '' : formatHours(h, i18n.language)),
    [i18n.language],
  )
  // Stable, so typing in one row re-renders that row only.
  const onCell = useCallback(
    (row: HoursRow, value: string): void =>
      setEdits((old) => {
        const k = rowKey(row)
        const next = { ...old }
        if (value === shown(row.hours)) delete next[k]
        else next[k] = { row, value }
        return next
      }),
    [shown],
  )

  const save = async (): Promise<void> => {
    setProblem(null)
    // Only what changed, on any page: rows nobody touched stay as they are.
    const changed = Object.values(edits)
    if (changed.length === 0) {
      notifications.show({ color: 'gray', message: t('volunteers.hours.nothing') })
      return
    }
    const raw = {
      entries: changed.map(({ row, value }) => ({
        personId: row.personId,
        placementId: row.placementId,
        month,
        hours: parseHours(value),
      })),
    }
    const toRows = (found: Record<string, string>): Record<string, string> => {
      const out: Record<string, string> = {}
      for (const [path, message] of Object.entries(found)) {
        const m = /^entries\.(\d+)/.exec(path)
        if (m && changed[Number(m[1])]) out[rowKey(changed[Number(m[1])].row)] ??= message
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
      setEdits({})
      reload()
    } catch (err) {
      setErrors(toRows(serverFieldErrors(t, err)))
      setProblem(errorMessage(t, err))
    } finally {
      setBusy(false)
    }
  }

  if (!data)
    return error ? (
      <ErrorAlert message={errorMessage(t, error)} />
    ) : (
      <Loader aria-label={t('common.loading')} />
    )
  if (data.rowsInMonth === 0) return <Text c="dimmed">{t('volunteers.hours.none')}</Text>
  // The month's total as main counted it, with what is typed and not saved yet instead.
  const total = Object.values(edits).reduce((sum, { row, value }) => {
    const v = parseHours(value)
    return sum - (row.hours ?? 0) + (typeof v === 'number' ? v : 0)
  }, data.total)
  const unsaved = Object.keys(edits).length
  const pages = Math.max(1, Math.ceil(data.count / HOURS_PAGE_SIZE))
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <Stack gap="sm" maw={900}>
        <Group align="flex-end" gap="md">
          <TextInput
            label={t('volunteers.hours.search')}
            placeholder={t('volunteers.hours.searchPlaceholder')}
            value={query}
            onChange={(e) => {
              setQuery(e.currentTarget.value)
              setPage(1)
            }}
            // Enter in the search box searches; it does not save the grid.
            onKeyDown={(e) => {
              if (e.key === 'Enter') e.preventDefault()
            }}
            w={320}
          />
          <Checkbox
            label={t('volunteers.hours.missingOnly')}
            checked={missingOnly}
            onChange={(e) => {
              setMissingOnly(e.currentTarget.checked)
              setPage(1)
            }}
            mb={8}
          />
          <ListExportButton filters={{ list: 'hours', month, query: debounced, missingOnly }} />
        </Group>
        <Text size="sm" c="dimmed" data-testid="hours-summary">
          {t('volunteers.hours.summary', { missing: data.missing, rows: data.rowsInMonth })}
        </Text>
        <Table withTableBorder striped verticalSpacing={4} aria-label={t('volunteers.hours.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('volunteers.hours.columns.person')}</Table.Th>
              <Table.Th>{t('volunteers.hours.columns.vacancy')}</Table.Th>
              <Table.Th w={130}>{t('volunteers.hours.columns.hours')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={3}>
                  <Text size="sm" c="dimmed">
                    {t('volunteers.hours.noMatch')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {data.rows.map((r) => {
              const k = rowKey(r)
              return (
                <HoursLine
                  key={k}
                  row={r}
                  value={edits[k]?.value ?? shown(r.hours)}
                  error={errors[k]}
                  onCell={onCell}
                />
              )
            })}
            <Table.Tr>
              <Table.Td colSpan={2} fw={600}>
                {t('volunteers.hours.totalMonth')}
              </Table.Td>
              <Table.Td fw={600} data-testid="hours-total">
                {formatHours(total, i18n.language)}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <Group justify="space-between">
          <Text size="sm" c="dimmed" data-testid="hours-range">
            {data.count === 0
              ? ''
              : t('volunteers.hours.pagination', {
                  from: data.offset + 1,
                  to: data.offset + data.rows.length,
                  total: data.count,
                })}
          </Text>
          {pages > 1 && (
            <Pagination
              total={pages}
              value={page}
              onChange={setPage}
              size="sm"
              getControlProps={(control) => ({
                'aria-label': t(
                  control === 'previous'
                    ? 'households.list.previousPage'
                    : control === 'next'
                      ? 'households.list.nextPage'
                      : control === 'first'
                        ? 'households.list.firstPage'
                        : 'households.list.lastPage',
                ),
              })}
            />
          )}
        </Group>
        <ErrorAlert message={problem} />
        <Group justify="flex-end">
          {unsaved > 0 && (
            <Text size="sm" c="orange" data-testid="hours-unsaved">
              {t('volunteers.hours.unsaved', { count: unsaved })}
            </Text>
          )}
          <Button type="submit" loading={busy}>
            {t('volunteers.hours.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

/** One row; memoised, so a keystroke renders only the row typed in. */
const HoursLine = memo(function HoursLine({
  row: r,
  value,
  error,
  onCell,
}: {
  row: HoursRow
  value: string
  error: string | undefined
  onCell: (row: HoursRow, value: string) => void
}): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Table.Tr>
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
          aria-label={`${t('volunteers.hours.columns.hours')}: ${r.name}, ${r.vacancyTitle ?? '–'}`}
          inputMode="decimal"
          value={value}
          onChange={(e) => onCell(r, e.currentTarget.value)}
          error={error}
          size="xs"
        />
      </Table.Td>
    </Table.Tr>
  )
})
