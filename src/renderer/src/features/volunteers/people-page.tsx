import 'mantine-datatable/styles.css'
import { useMemo, useState } from 'react'
import { ListExportButton } from '../../common/components/list-export-button'
import { Anchor, Badge, Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconPlus } from '@tabler/icons-react'
import { DataTable } from 'mantine-datatable'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { navigate } from '../../router'
import { DateField } from '../../common/components/date-field'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage, serverFieldErrors } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { useToday } from '../../common/hooks/use-shop-day'
import { paginationControlProps } from '../../common/pagination'
import { daysBetween, toDutchDate } from '../../../../shared/dates'
import { isRealDate } from '../../../../shared/schemas/common'
import {
  PERSON_STATUSES,
  type PersonListItem,
  type PersonStatus,
} from '../../../../shared/schemas/volunteers'
import { STATUS_COLOURS, usePrograms } from './use-lists'

const PAGE_SIZE = 25

/**
 * Everyone registered: search as you type, filter on status, programme and waiting time. A link
 * may set the first filters (the dashboard's "everyone waiting": status and waiting since).
 */
export function PeoplePage({
  status: askedStatus,
  waitingSince: askedSince,
}: { status?: string; waitingSince?: string } = {}): React.JSX.Element {
  const { t } = useTranslation()
  const today = useToday()
  const [query, setQuery] = useState('')
  const [debounced] = useDebouncedValue(query.trim(), 250)
  const [status, setStatus] = useState<string | null>(
    askedStatus && (PERSON_STATUSES as readonly string[]).includes(askedStatus)
      ? askedStatus
      : null,
  )
  const [programme, setProgramme] = useState<string | null>(null)
  const [waitingSince, setWaitingSince] = useState<string | null>(
    askedSince && isRealDate(askedSince) ? askedSince : null,
  )
  const [page, setPage] = useState(1)
  const programmes = usePrograms()

  // Text in the date field that is no date yet says so itself; the list waits for a real one.
  const since = waitingSince && isRealDate(waitingSince) ? waitingSince : null
  const loader = useMemo(
    () => () =>
      call('people.search', {
        query: debounced,
        status: (status as PersonStatus | null) ?? 'all',
        programmeId: programme ? Number(programme) : null,
        waitingSince: since,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
    [debounced, status, programme, since, page],
  )
  const { data, error } = useLoad(loader)
  const fieldErrors = error ? serverFieldErrors(t, error) : {}

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{t('volunteers.people.title')}</Title>
          <Text c="dimmed" maw={760}>
            {t('volunteers.people.intro')}
          </Text>
        </div>
        <Button
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => navigate('/volunteers/people/new')}
        >
          {t('volunteers.people.new')}
        </Button>
      </Group>
      <Group align="flex-start" gap="md" wrap="wrap">
        <TextInput
          label={t('volunteers.people.search')}
          placeholder={t('volunteers.people.searchPlaceholder')}
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value)
            setPage(1)
          }}
          w={240}
        />
        <Select
          label={t('volunteers.people.status')}
          placeholder={t('volunteers.people.allStatuses')}
          data={PERSON_STATUSES.map((s) => ({
            value: s,
            label: t(`volunteers.labels.status.${s}`),
          }))}
          value={status}
          onChange={(v) => {
            setStatus(v)
            setPage(1)
          }}
          clearable
          w={190}
        />
        <Select
          label={t('volunteers.people.programme')}
          placeholder={t('volunteers.people.allProgrammes')}
          data={(programmes ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
          value={programme}
          onChange={(v) => {
            setProgramme(v)
            setPage(1)
          }}
          clearable
          w={200}
        />
        <DateField
          label={t('volunteers.people.waitingSince')}
          description={t('volunteers.people.waitingSinceHelp')}
          value={waitingSince}
          onChange={(v) => {
            setWaitingSince(v)
            setPage(1)
          }}
          error={fieldErrors.waitingSince}
          w={260}
        />
        <ListExportButton
          mt={25}
          filters={{
            list: 'people',
            query: debounced,
            status: (status as PersonStatus | null) ?? 'all',
            programmeId: programme ? Number(programme) : null,
            waitingSince: since,
          }}
        />
      </Group>
      <ErrorAlert message={error && !fieldErrors.waitingSince ? errorMessage(t, error) : null} />
      {data && (
        <Text size="sm" c="dimmed">
          {t('volunteers.people.count', { count: data.total })}
        </Text>
      )}
      <DataTable<PersonListItem>
        withTableBorder
        striped
        highlightOnHover
        minHeight={data && data.rows.length === 0 ? 150 : undefined}
        records={data?.rows ?? []}
        fetching={!data && !error}
        noRecordsText={t('volunteers.people.none')}
        totalRecords={data?.total ?? 0}
        recordsPerPage={PAGE_SIZE}
        page={page}
        onPageChange={setPage}
        getPaginationControlProps={paginationControlProps(t)}
        onRowClick={({ record }) => navigate(`/volunteers/people/${record.id}`)}
        aria-label={t('volunteers.people.title')}
        columns={[
          { accessor: 'reference', title: t('volunteers.people.columns.reference'), noWrap: true },
          {
            accessor: 'name',
            title: t('volunteers.people.columns.name'),
            render: (p) => (
              <Anchor
                size="sm"
                href={`#/volunteers/people/${p.id}`}
                onClick={(e) => e.preventDefault()}
              >
                {p.firstName} {p.lastName}
              </Anchor>
            ),
          },
          {
            accessor: 'status',
            title: t('volunteers.people.columns.status'),
            render: (p) => (
              <Badge variant="light" color={STATUS_COLOURS[p.status]} tt="none">
                {t(`volunteers.labels.status.${p.status}`)}
              </Badge>
            ),
          },
          {
            accessor: 'programmeName',
            title: t('volunteers.people.columns.programme'),
            render: (p) => p.programmeName ?? '',
          },
          {
            accessor: 'place',
            title: t('volunteers.people.columns.place'),
            render: (p) => p.place ?? '',
          },
          {
            accessor: 'registeredOn',
            title: t('volunteers.people.columns.registeredOn'),
            noWrap: true,
            render: (p) => toDutchDate(p.registeredOn),
          },
          {
            accessor: 'waiting',
            title: t('volunteers.people.columns.waiting'),
            noWrap: true,
            render: (p) =>
              t('volunteers.common.days', {
                count: Math.max(0, daysBetween(p.registeredOn, p.intakeOn ?? today)),
              }),
          },
        ]}
      />
    </Stack>
  )
}
