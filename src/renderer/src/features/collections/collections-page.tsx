import 'mantine-datatable/styles.css'
import { useMemo, useState } from 'react'
import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { DataTable } from 'mantine-datatable'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { navigate } from '../../router'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { toDutchDate } from '../../../../shared/dates'
import { COLLECTION_STATES, type Collection } from '../../../../shared/schemas/collections'
import { CollectionFormModal } from './collection-form'
import { STATE_COLOURS } from './states'

/** The shop's collections: coming, in the shop, and those that left (and where to). */
export function CollectionsPage(): React.JSX.Element {
  const { t } = useTranslation()
  const loader = useMemo(() => () => call('collections.list', {}), [])
  const { data, error, reload } = useLoad(loader)
  // undefined: no dialog; null: a new collection; else the one being corrected.
  const [editing, setEditing] = useState<Collection | null | undefined>(undefined)

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{t('collections.title')}</Title>
          <Text c="dimmed" maw={720}>
            {t('collections.intro')}
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing(null)}>
          {t('collections.new')}
        </Button>
      </Group>
      <ErrorAlert message={error ? errorMessage(t, error) : null} />
      {data && data.length === 0 && <Text>{t('collections.empty')}</Text>}
      {data &&
        COLLECTION_STATES.map((state) => {
          const rows = data.filter((c) => c.state === state)
          if (!rows.length) return null
          return (
            <Stack key={state} gap="xs">
              <Title order={3} size="h4">
                {t(`collections.sections.${state}`)}
              </Title>
              <DataTable<Collection>
                withTableBorder
                striped
                records={rows}
                noRecordsText={t('collections.emptySection')}
                aria-label={t(`collections.sections.${state}`)}
                columns={[
                  {
                    accessor: 'name',
                    title: t('collections.columns.name'),
                    render: (c) => (
                      <Anchor
                        href={`#/collections/${c.id}`}
                        size="sm"
                        onClick={(e) => {
                          e.preventDefault()
                          navigate(`/collections/${c.id}`)
                        }}
                      >
                        {c.name}
                      </Anchor>
                    ),
                  },
                  {
                    accessor: 'season',
                    title: t('collections.columns.season'),
                    render: (c) => t(`seasons.${c.season}`),
                  },
                  {
                    accessor: 'arrivesOn',
                    title: t('collections.columns.arrivesOn'),
                    noWrap: true,
                    render: (c) => toDutchDate(c.arrivesOn),
                  },
                  {
                    accessor: 'state',
                    title: t('collections.columns.state'),
                    render: (c) => (
                      <Badge color={STATE_COLOURS[c.state]} variant="light">
                        {t(`collections.states.${c.state}`)}
                      </Badge>
                    ),
                  },
                  {
                    accessor: 'toldCount',
                    title: t('collections.columns.told'),
                    noWrap: true,
                    render: (c) => t('collections.toldCount', { count: c.toldCount }),
                  },
                  ...(state === 'left'
                    ? [
                        {
                          accessor: 'leftOn',
                          title: t('collections.columns.leftOn'),
                          noWrap: true,
                          render: (c: Collection) => toDutchDate(c.leftOn),
                        },
                        {
                          accessor: 'leftTo',
                          title: t('collections.columns.leftTo'),
                          render: (c: Collection) => c.leftTo?.name ?? c.leftNote ?? '–',
                        },
                      ]
                    : []),
                  {
                    accessor: 'actions',
                    title: t('collections.columns.actions'),
                    render: (c) => (
                      <Button
                        size="compact-sm"
                        variant="light"
                        aria-label={t('collections.editLabel', { name: c.name })}
                        onClick={() => setEditing(c)}
                      >
                        {t('collections.edit')}
                      </Button>
                    ),
                  },
                ]}
              />
            </Stack>
          )
        })}
      <CollectionFormModal
        opened={editing !== undefined}
        collection={editing ?? null}
        onClose={() => setEditing(undefined)}
        onSaved={(c) => {
          const wasNew = editing === null
          setEditing(undefined)
          if (wasNew) navigate(`/collections/${c.id}`)
          else reload()
        }}
      />
    </Stack>
  )
}
