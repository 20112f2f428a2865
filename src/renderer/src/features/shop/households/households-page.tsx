import 'mantine-datatable/styles.css'
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { DataTable, type DataTableColumn } from 'mantine-datatable'
import { useCallback, useEffect, useState } from 'react'
import { ListExportButton } from '../../../common/components/list-export-button'
import { useTranslation } from 'react-i18next'
import { call } from '../../../api'
import { showError } from '../../../common/forms'
import { useToday } from '../../../common/hooks/use-shop-day'
import { navigate } from '../../../router'
import { toDutchDate } from '../../../../../shared/dates'
import type { Eligibility, HouseholdSummary } from '../../../../../shared/schemas/household'
import {
  COUNTER_MIN_QUERY,
  COUNTER_SEARCH_LIMIT,
  searchKey,
  searchKeyLength,
} from '../../../../../shared/search-key'
import { useCan, useSession } from '../../../common/hooks/use-session'
import { paginationControlProps } from '../../../common/pagination'
import { COMBOBOX_PROPS } from './household-form'
import { useResultKeys } from './use-result-keys'
import { BlankIntakeFormButton } from './blank-intake-form-button'

const PAGE_SIZE = 25
type StatusFilter = 'all' | 'active' | 'inactive'

/** The list of households: search as you type, filter on status, open one with a click. */
export function HouseholdsPage(): React.JSX.Element {
  const { t } = useTranslation()
  const can = useCan()
  const [query, setQuery] = useState('')
  const [debouncedQuery] = useDebouncedValue(query.trim(), 200)
  // At the counter main only answers a lookup of at least 2 characters, never the whole list.
  // Measured as main measures it: on the search key, so "é" alone is one letter, not two.
  // And one short page of it: more matches are narrowed by typing more, not by paging.
  const counter = useSession().user.role === 'volunteer'
  const lookupOnly = counter && searchKeyLength(searchKey(debouncedQuery)) < COUNTER_MIN_QUERY
  // What is typed now, not after the pause: the rows of a longer lookup go as soon as it is
  // shortened below the minimum, instead of standing over the hint as if they still answered it.
  const tooShort = counter && searchKeyLength(searchKey(query.trim())) < COUNTER_MIN_QUERY
  const pageSize = counter ? COUNTER_SEARCH_LIMIT : PAGE_SIZE
  const [status, setStatus] = useState<StatusFilter>('all')
  const [page, setPage] = useState(1)
  const [result, setResult] = useState<{ rows: HouseholdSummary[]; total: number } | null>(null)
  // The request whose answer (or error) arrived last; while it differs, the table shows a loader.
  const [settledKey, setSettledKey] = useState<string | null>(null)
  const today = useToday()
  const requestKey = JSON.stringify([debouncedQuery, status, page])
  const fetching = settledKey !== requestKey
  const openHousehold = useCallback((h: HouseholdSummary) => navigate(`/households/${h.id}`), [])
  // The rows answer the field once what was typed has been searched and the answer is in.
  const keys = useResultKeys(
    tooShort ? [] : (result?.rows ?? []),
    !fetching && query.trim() === debouncedQuery,
    openHousehold,
    'household-row',
  )

  useEffect(() => {
    let live = true
    call('households.search', {
      query: debouncedQuery,
      status,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    })
      .then((r) => {
        if (live) setResult(r)
      })
      .catch((err: unknown) => {
        // A lookup that is too short is answered by the hint in the table, not by a message.
        if (live && !lookupOnly) showError(t, err)
      })
      .finally(() => {
        if (live) setSettledKey(JSON.stringify([debouncedQuery, status, page]))
      })
    return () => {
      live = false
    }
  }, [debouncedQuery, status, page, pageSize, t, lookupOnly])

  const columns: DataTableColumn<HouseholdSummary>[] = [
    { accessor: 'reference', title: t('households.list.reference'), noWrap: true },
    {
      accessor: 'contactName',
      title: t('households.list.name'),
      render: (h) => (
        <Group gap="xs" wrap="nowrap">
          <Anchor
            size="sm"
            href={`#/households/${h.id}`}
            onClick={(e) => {
              // The row's own click handler navigates; the link is there for the keyboard.
              e.preventDefault()
            }}
          >
            {h.contactName}
          </Anchor>
          {h.status === 'inactive' ? (
            <Badge styles={WHOLE_BADGE} color="gray" variant="light" size="sm">
              {t('status.inactive')}
            </Badge>
          ) : null}
        </Group>
      ),
    },
    { accessor: 'postcode', title: t('households.list.postcode'), noWrap: true },
    { accessor: 'district', title: t('households.list.district'), render: (h) => h.district ?? '' },
    {
      accessor: 'phone',
      title: t('households.list.phone'),
      noWrap: true,
      render: (h) => h.phone ?? '',
    },
    { accessor: 'childCount', title: t('households.list.children'), textAlign: 'right' },
    {
      accessor: 'lastVisitOn',
      title: t('households.list.lastVisit'),
      noWrap: true,
      render: (h) => toDutchDate(h.lastVisitOn),
    },
    {
      accessor: 'eligibleUntil',
      // The counter gets whether the right holds, not the date: head the column for what it shows.
      title: counter ? t('households.list.eligibility') : t('households.list.eligibleUntil'),
      noWrap: true,
      render: (h) => <EligibleUntil day={h.eligibleUntil} today={today} status={h.eligibility} />,
    },
  ]

  const table = {
    withTableBorder: true,
    borderRadius: 'md',
    striped: true,
    highlightOnHover: true,
    minHeight: result && result.rows.length ? undefined : 180,
    records: result?.rows ?? [],
    columns,
    idAccessor: 'id',
    fetching,
    noRecordsText: t(lookupOnly ? 'households.list.typeToLookUp' : 'households.list.noRecords'),
    onRowClick: ({ record }: { record: HouseholdSummary }) => openHousehold(record),
    rowStyle: keys.rowStyle,
    customRowAttributes: keys.rowAttributes,
  } as const

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('households.title')}</Title>
        <Group gap="sm">
          <BlankIntakeFormButton />
          {can('households.create') && (
            <Button onClick={() => navigate('/households/new')}>{t('households.newIntake')}</Button>
          )}
        </Group>
      </Group>
      <Group align="flex-end" gap="md">
        <TextInput
          label={t('households.list.search')}
          description={t('households.list.searchDescription')}
          type="search"
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value)
            setPage(1)
          }}
          style={{ flex: 1, minWidth: 260 }}
          autoFocus
          onKeyDown={keys.onKeyDown}
          aria-activedescendant={keys.activeDescendant}
        />
        <Select
          label={t('households.list.status')}
          data={[
            { value: 'all', label: t('households.list.statusAll') },
            { value: 'active', label: t('status.active') },
            { value: 'inactive', label: t('status.inactive') },
          ]}
          value={status}
          allowDeselect={false}
          comboboxProps={COMBOBOX_PROPS}
          onChange={(v) => {
            setStatus((v as StatusFilter | null) ?? 'all')
            setPage(1)
          }}
          w={180}
        />
        {/* The search as the list shows it (after its short pause), not as half typed. */}
        <ListExportButton filters={{ list: 'households', query: debouncedQuery, status }} />
      </Group>
      {tooShort ? (
        <Alert color="blue" variant="light" aria-live="polite">
          {t('households.list.typeToLookUp')}
        </Alert>
      ) : result && !lookupOnly ? (
        <Text size="sm" c="dimmed" aria-live="polite">
          {counter && result.total > result.rows.length
            ? t('households.list.refine', { total: result.total, shown: result.rows.length })
            : t('households.list.count', { count: result.total })}
        </Text>
      ) : null}
      {tooShort ? null : counter ? (
        // One short page at the counter, without paging (main answers no second page).
        <DataTable<HouseholdSummary> {...table} />
      ) : (
        <DataTable<HouseholdSummary>
          {...table}
          totalRecords={result?.total ?? 0}
          recordsPerPage={PAGE_SIZE}
          loadingText={t('common.loading')}
          page={page}
          onPageChange={setPage}
          paginationText={({ from, to, totalRecords }) =>
            t('households.list.pagination', { from, to, total: totalRecords })
          }
          getPaginationControlProps={paginationControlProps(t)}
        />
      )}
    </Stack>
  )
}

/**
 * A badge shows its whole word ("VERLOPEN", "INACTIEF"): at 1366 px the table squeezed the badge
 * beside a date or a name down to "VERLOP...". It no longer shrinks nor clips, so the table
 * gives its column room (the name beside it wraps instead).
 */
const WHOLE_BADGE = {
  root: { flexShrink: 0, overflow: 'visible' },
  label: { overflow: 'visible', textOverflow: 'clip' },
} as const

/** "Eligible until" as dd-mm-jjjj, with a red badge once it has passed. */
export function EligibleUntil({
  day,
  today,
  status,
}: {
  day: string | null
  today: string
  /** The counter gets the status without the date (main leaves the date out). */
  status?: Eligibility
}): React.JSX.Element {
  const { t } = useTranslation()
  if (!day && status && status !== 'unknown')
    return (
      <Badge
        styles={WHOLE_BADGE}
        color={status === 'expired' ? 'red' : status === 'expiring' ? 'orange' : 'teal'}
        variant="light"
      >
        {t(`eligibility.${status}`)}
      </Badge>
    )
  if (!day)
    return (
      <Badge styles={WHOLE_BADGE} color="red" variant="light">
        {t('households.list.unknown')}
      </Badge>
    )
  if (day < today)
    return (
      <Group gap={6} wrap="nowrap">
        <Text size="sm">{toDutchDate(day)}</Text>
        <Badge styles={WHOLE_BADGE} color="red" variant="filled" size="sm">
          {t('households.list.expired')}
        </Badge>
      </Group>
    )
  return <Text size="sm">{toDutchDate(day)}</Text>
}
