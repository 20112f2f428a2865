import 'mantine-datatable/styles.css'
import { useCallback, useMemo, useState } from 'react'
import { ListExportButton } from '../../common/components/list-export-button'
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Select,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { IconFileText, IconPlus, IconReportAnalytics, IconSettings } from '@tabler/icons-react'
import { DataTable, type DataTableColumn } from 'mantine-datatable'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { navigate, useHashPath } from '../../router'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { paginationControlProps } from '../../common/pagination'
import { toDutchDate } from '../../../../shared/dates'
import {
  COMPLAINT_LIST_FILTERS,
  type ComplaintListFilter,
  type ComplaintSummary,
} from '../../../../shared/schemas/complaints'
import { NextDeadlineCell } from './deadline-view'
import { complainantText, STATE_COLOURS } from './labels'
import './texts'

/** Links to a complaint by its number, as an ordinary link (opens with Enter, middle-click). */
function NumberLink({ c }: { c: ComplaintSummary }): React.JSX.Element {
  return (
    <Anchor
      href={`#/complaints/${c.id}`}
      size="sm"
      fw={600}
      style={{ whiteSpace: 'nowrap' }}
      onClick={(e) => {
        e.preventDefault()
        navigate(`/complaints/${c.id}`)
      }}
    >
      {c.number}
    </Anchor>
  )
}

/** The complaints: the open ones by their next deadline, and a list of all with filters. */
export function ComplaintsPage(): React.JSX.Element {
  const { t } = useTranslation()
  const path = useHashPath()
  const tab = path.includes('tab=all') ? 'all' : 'open'
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{t('complaints.title')}</Title>
          <Text c="dimmed" maw={720}>
            {t('complaints.intro')}
          </Text>
        </div>
        <Group gap="xs">
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => navigate('/complaints/new')}
          >
            {t('complaints.new')}
          </Button>
        </Group>
      </Group>
      <ComplaintsSubNav />
      <Tabs
        value={tab}
        onChange={(v) => navigate(v === 'all' ? '/complaints?tab=all' : '/complaints')}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="open">{t('complaints.tabs.open')}</Tabs.Tab>
          <Tabs.Tab value="all">{t('complaints.tabs.all')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="open" pt="md">
          <OpenOverview />
        </Tabs.Panel>
        <Tabs.Panel value="all" pt="md">
          <AllComplaints />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}

/** The complaints' other screens: templates, annual report, settings. */
export function ComplaintsSubNav(): React.JSX.Element {
  const { t } = useTranslation()
  const links = [
    { path: '/complaints/templates', key: 'templates', icon: IconFileText },
    { path: '/complaints/report', key: 'report', icon: IconReportAnalytics },
    { path: '/complaints/settings', key: 'settings', icon: IconSettings },
  ]
  return (
    <Group gap="xs">
      {links.map((l) => (
        <Button
          key={l.path}
          component="a"
          href={`#${l.path}`}
          variant="default"
          size="xs"
          leftSection={<l.icon size={14} aria-hidden />}
          onClick={(e: React.MouseEvent) => {
            e.preventDefault()
            navigate(l.path)
          }}
        >
          {t(`complaints.nav.${l.key}`)}
        </Button>
      ))}
    </Group>
  )
}

function useColumns(kind: 'open' | 'all'): DataTableColumn<ComplaintSummary>[] {
  const { t } = useTranslation()
  const columns: DataTableColumn<ComplaintSummary>[] = [
    {
      accessor: 'number',
      title: t('complaints.columns.number'),
      render: (c) => <NumberLink c={c} />,
    },
    {
      accessor: 'receivedOn',
      title: t('complaints.columns.receivedOn'),
      noWrap: true,
      render: (c) => toDutchDate(c.receivedOn),
    },
    {
      accessor: 'complainant',
      title: t('complaints.page.complainant'),
      render: (c) => complainantText(t, c.complainant),
    },
    {
      accessor: 'category',
      title: t('complaints.columns.category'),
      render: (c) => c.category.name,
    },
    {
      accessor: 'step',
      title: t('complaints.columns.step'),
      noWrap: true,
      render: (c) => t(`complaints.step.${c.step}`),
    },
    {
      accessor: 'handler',
      title: t('complaints.columns.handler'),
      render: (c) => c.handler?.name ?? '–',
    },
  ]
  if (kind === 'open')
    columns.push({
      accessor: 'next',
      title: t('complaints.columns.next'),
      render: (c) => <NextDeadlineCell next={c.next} />,
    })
  else
    columns.push(
      {
        accessor: 'state',
        title: t('complaints.columns.status'),
        noWrap: true,
        render: (c) => (
          // A badge shortens its text with "…" when squeezed; the state must be read whole.
          <Badge
            color={STATE_COLOURS[c.state]}
            variant="light"
            tt="none"
            style={{ minWidth: 'max-content' }}
          >
            {t(`complaints.state.${c.state}`)}
          </Badge>
        ),
      },
      {
        accessor: 'outcome',
        title: t('complaints.columns.outcome'),
        render: (c) => (c.outcome ? t(`complaints.outcome.${c.outcome}`) : '–'),
      },
      {
        accessor: 'next',
        title: t('complaints.columns.next'),
        render: (c) => (c.state === 'closed' ? '–' : <NextDeadlineCell next={c.next} />),
      },
    )
  return columns
}

/** Open complaints, the most pressing deadline first, with the late and soon counts. */
function OpenOverview(): React.JSX.Element {
  const { t } = useTranslation()
  const loader = useCallback(() => call('complaints.deadlines', {}), [])
  const { data, error } = useLoad(loader)
  const columns = useColumns('open')
  return (
    <Stack gap="sm">
      <ErrorAlert message={error ? errorMessage(t, error) : null} />
      {data && (data.late > 0 || data.soon > 0) && (
        <Group gap="sm">
          {data.late > 0 && (
            <Alert color="red" variant="light" py={6} data-testid="complaints-late">
              {t('complaints.overview.lateCount', { count: data.late })}
            </Alert>
          )}
          {data.soon > 0 && (
            <Alert color="orange" variant="light" py={6} data-testid="complaints-soon">
              {t('complaints.overview.soonCount', { count: data.soon })}
            </Alert>
          )}
        </Group>
      )}
      <DataTable<ComplaintSummary>
        withTableBorder
        borderRadius="md"
        striped
        minHeight={data && data.rows.length ? undefined : 140}
        fetching={!data && !error}
        records={data?.rows ?? []}
        noRecordsText={t('complaints.overview.none')}
        aria-label={t('complaints.tabs.open')}
        columns={columns}
      />
      <Text size="xs" c="dimmed">
        {t('complaints.overview.legend')}
      </Text>
    </Stack>
  )
}

/** One page of all complaints; the pager reaches the rest (ten years are thousands). */
const PAGE_SIZE = 50

/** Every complaint, filtered by state, year, category and a number or name. */
function AllComplaints(): React.JSX.Element {
  const { t } = useTranslation()
  const [state, setState] = useState<ComplaintListFilter>('all')
  const [year, setYear] = useState<string | null>(null)
  const [categoryId, setCategoryId] = useState<string | null>(null)
  const [typed, setTyped] = useState('')
  const [q, setQ] = useState('')
  const categoriesLoader = useCallback(
    () => call('complaints.categories', { includeInactive: true }),
    [],
  )
  const { data: categories } = useLoad(categoriesLoader)
  // Other filters start at their first page (at once, not after a fetch of the old page).
  const filterKey = JSON.stringify([state, year, categoryId, q])
  const [paged, setPaged] = useState({ key: filterKey, page: 1 })
  const page = paged.key === filterKey ? paged.page : 1
  const loader = useMemo(
    () => () =>
      call('complaints.list', {
        state,
        year: year ? Number(year) : null,
        categoryId: categoryId ? Number(categoryId) : null,
        q: q || null,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
    [state, year, categoryId, q, page],
  )
  const { data, error } = useLoad(loader)
  const columns = useColumns('all')
  const thisYear = new Date().getFullYear()
  const years = Array.from({ length: 8 }, (_, i) => String(thisYear - i))
  return (
    <Stack gap="sm">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          setQ(typed.trim())
        }}
      >
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('complaints.filters.search')}
            placeholder={t('complaints.filters.searchPlaceholder')}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            onBlur={() => setQ(typed.trim())}
            w={240}
          />
          <Select
            label={t('complaints.filters.status')}
            data={COMPLAINT_LIST_FILTERS.map((s) => ({
              value: s,
              label: t(s === 'all' ? 'complaints.filters.all' : `complaints.status.${s}`),
            }))}
            value={state}
            onChange={(v) => setState((v as ComplaintListFilter | null) ?? 'all')}
            allowDeselect={false}
            w={150}
          />
          <Select
            label={t('complaints.filters.year')}
            placeholder={t('complaints.filters.allYears')}
            data={years}
            value={year}
            onChange={setYear}
            clearable
            w={140}
          />
          <Select
            label={t('complaints.filters.category')}
            placeholder={t('complaints.filters.allCategories')}
            data={(categories ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
            value={categoryId}
            onChange={setCategoryId}
            clearable
            w={260}
          />
          <Button type="submit" variant="default">
            {t('complaints.filters.search')}
          </Button>
          <ListExportButton
            filters={{
              list: 'complaints',
              state,
              year: year ? Number(year) : null,
              categoryId: categoryId ? Number(categoryId) : null,
              q: q || null,
            }}
          />
        </Group>
      </form>
      <ErrorAlert message={error ? errorMessage(t, error) : null} />
      {data && (
        <Text size="sm" c="dimmed" data-testid="complaints-count">
          {t('complaints.filters.count', { count: data.total })}
        </Text>
      )}
      <DataTable<ComplaintSummary>
        withTableBorder
        borderRadius="md"
        striped
        minHeight={data && data.rows.length ? undefined : 140}
        fetching={!data && !error}
        records={data?.rows ?? []}
        noRecordsText={t('complaints.filters.empty')}
        aria-label={t('complaints.tabs.all')}
        columns={columns}
        totalRecords={data?.total ?? 0}
        recordsPerPage={PAGE_SIZE}
        page={page}
        onPageChange={(p) => setPaged({ key: filterKey, page: p })}
        loadingText={t('common.loading')}
        paginationText={({ from, to, totalRecords }) =>
          t('complaints.filters.pagination', { from, to, total: totalRecords })
        }
        getPaginationControlProps={paginationControlProps(t)}
      />
    </Stack>
  )
}
