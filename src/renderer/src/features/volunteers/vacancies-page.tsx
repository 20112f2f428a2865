import 'mantine-datatable/styles.css'
import { useMemo, useState } from 'react'
import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { IconPlus } from '@tabler/icons-react'
import { DataTable } from 'mantine-datatable'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { navigate, recordId } from '../../router'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { paginationControlProps } from '../../common/pagination'
import type { MethodInput } from '../../../../shared/api'
import type { VacancyListItem } from '../../../../shared/schemas/volunteers'
import { VacancyForm } from './vacancy-form'

/** One page of vacancies: a thousand rows at once took seconds to draw and froze typing. */
const PAGE_SIZE = 25

/** Every volunteer place, per organisation, with how many places are still free. */
export function VacanciesPage({ organisation }: { organisation?: string }): React.JSX.Element {
  const { t } = useTranslation()
  const [query, setQuery] = useState('')
  const [debounced] = useDebouncedValue(query.trim(), 250)
  const [partner, setPartner] = useState<string | null>(() => {
    const id = recordId(organisation)
    return id ? String(id) : null
  })
  const [includeInactive, setIncludeInactive] = useState(false)
  // Another search or filter starts at its first page (at once, not after a fetch of the old page).
  const filterKey = JSON.stringify([debounced, partner, includeInactive])
  const [paged, setPaged] = useState({ key: filterKey, page: 1 })
  const page = paged.key === filterKey ? paged.page : 1
  const setPage = (p: number): void => setPaged({ key: filterKey, page: p })
  const [adding, setAdding] = useState(false)
  const orgLoader = useMemo(() => () => call('organisations.list', {}), [])
  const organisations = useLoad(orgLoader)
  const loader = useMemo(
    () => () =>
      call('vacancies.list', {
        query: debounced || null,
        partnerId: partner ? Number(partner) : null,
        includeInactive,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
    [debounced, partner, includeInactive, page],
  )
  const { data, error } = useLoad(loader)

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{t('volunteers.vacancies.title')}</Title>
          <Text c="dimmed" maw={760}>
            {t('volunteers.vacancies.intro')}
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
          {t('volunteers.vacancies.new')}
        </Button>
      </Group>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t('volunteers.vacancies.search')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          w={260}
        />
        <Select
          label={t('volunteers.vacancies.organisation')}
          placeholder={t('volunteers.vacancies.allOrganisations')}
          data={(organisations.data ?? []).map((o) => ({ value: String(o.id), label: o.name }))}
          value={partner}
          onChange={setPartner}
          searchable
          clearable
          w={260}
        />
        <Checkbox
          label={t('volunteers.vacancies.showInactive')}
          checked={includeInactive}
          onChange={(e) => setIncludeInactive(e.currentTarget.checked)}
          mb={8}
        />
      </Group>
      <ErrorAlert message={error ? errorMessage(t, error) : null} />
      {data && (
        <Text size="sm" c="dimmed" aria-live="polite" data-testid="vacancies-count">
          {t('volunteers.vacancies.count', { count: data.total })}
        </Text>
      )}
      <DataTable<VacancyListItem>
        withTableBorder
        striped
        highlightOnHover
        minHeight={data && data.rows.length === 0 ? 150 : undefined}
        records={data?.rows ?? []}
        fetching={!data && !error}
        totalRecords={data?.total ?? 0}
        recordsPerPage={PAGE_SIZE}
        page={page}
        onPageChange={setPage}
        loadingText={t('common.loading')}
        paginationText={({ from, to, totalRecords }) =>
          t('volunteers.vacancies.pagination', { from, to, total: totalRecords })
        }
        getPaginationControlProps={paginationControlProps(t)}
        noRecordsText={t('volunteers.vacancies.none')}
        onRowClick={({ record }) => navigate(`/volunteers/vacancies/${record.id}`)}
        aria-label={t('volunteers.vacancies.title')}
        columns={[
          {
            accessor: 'title',
            title: t('volunteers.vacancies.columns.title'),
            render: (v) => (
              <Group gap="xs">
                <Anchor
                  size="sm"
                  href={`#/volunteers/vacancies/${v.id}`}
                  onClick={(e) => e.preventDefault()}
                >
                  {v.title}
                </Anchor>
                {!v.active && (
                  <Badge size="sm" color="gray" variant="outline" tt="none">
                    {t('volunteers.common.inactive')}
                  </Badge>
                )}
              </Group>
            ),
          },
          { accessor: 'partnerName', title: t('volunteers.vacancies.columns.organisation') },
          {
            accessor: 'place',
            title: t('volunteers.vacancies.columns.place'),
            render: (v) => [v.place, v.district].filter(Boolean).join(' · '),
          },
          {
            accessor: 'places',
            title: t('volunteers.vacancies.columns.places'),
            noWrap: true,
            render: (v) =>
              t('volunteers.vacancies.placesLeft', {
                left: Math.max(0, v.places - v.taken),
                places: v.places,
              }),
          },
        ]}
      />
      <Modal
        opened={adding}
        onClose={() => setAdding(false)}
        title={t('volunteers.vacancies.newTitle')}
        size="xl"
      >
        {adding && (
          <VacancyForm
            vacancy={null}
            organisations={(organisations.data ?? []).filter((o) => o.active)}
            partnerId={partner ? Number(partner) : null}
            onCancel={() => setAdding(false)}
            save={async (input) => {
              const created = await call(
                'vacancies.create',
                input as MethodInput<'vacancies.create'>,
              )
              notifications.show({
                color: 'teal',
                message: t('volunteers.vacancies.created', { title: created.title }),
              })
              navigate(`/volunteers/vacancies/${created.id}`)
            }}
          />
        )}
      </Modal>
    </Stack>
  )
}
