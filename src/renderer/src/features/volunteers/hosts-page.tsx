import 'mantine-datatable/styles.css'
import { useMemo, useState } from 'react'
import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  SimpleGrid,
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
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage, serverFieldErrors, zodValidate } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import type { MethodInput } from '../../../../shared/api'
import {
  organisationsCreateInput,
  organisationsUpdateInput,
  type HostOrganisation,
} from '../../../../shared/schemas/volunteers'

type OrganisationsUpdate = MethodInput<'organisations.update'>

/** The organisations where people do volunteer work (partners of the sociale kaart that host). */
export function HostsPage(): React.JSX.Element {
  const { t } = useTranslation()
  const [query, setQuery] = useState('')
  const [debounced] = useDebouncedValue(query.trim(), 250)
  const [includeInactive, setIncludeInactive] = useState(false)
  const [adding, setAdding] = useState(false)
  const [editing, setEditing] = useState<HostOrganisation | null>(null)
  const loader = useMemo(
    () => () => call('organisations.list', { query: debounced || null, includeInactive }),
    [debounced, includeInactive],
  )
  const { data, error, reload } = useLoad(loader)

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{t('volunteers.hosts.title')}</Title>
          <Text c="dimmed" maw={760}>
            {t('volunteers.hosts.intro')}
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
          {t('volunteers.hosts.new')}
        </Button>
      </Group>
      <Group align="flex-end">
        <TextInput
          label={t('volunteers.vacancies.search')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          w={280}
        />
        <Checkbox
          label={t('partners.showInactive')}
          checked={includeInactive}
          onChange={(e) => setIncludeInactive(e.currentTarget.checked)}
          mb={8}
        />
      </Group>
      <ErrorAlert message={error ? errorMessage(t, error) : null} />
      <DataTable<HostOrganisation>
        withTableBorder
        striped
        minHeight={data && data.length === 0 ? 150 : undefined}
        records={data ?? []}
        fetching={!data && !error}
        noRecordsText={t('volunteers.hosts.none')}
        aria-label={t('volunteers.hosts.title')}
        columns={[
          {
            accessor: 'name',
            title: t('volunteers.hosts.name'),
            render: (o) => (
              <Group gap="xs">
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  fw={500}
                  aria-label={t('volunteers.hosts.editLabel', { name: o.name })}
                  onClick={() => setEditing(o)}
                >
                  {o.name}
                </Anchor>
                {o.isOwn && (
                  <Badge size="sm" variant="light" tt="none">
                    {t('volunteers.hosts.own')}
                  </Badge>
                )}
                {!o.active && (
                  <Badge size="sm" color="gray" variant="outline" tt="none">
                    {t('volunteers.common.inactive')}
                  </Badge>
                )}
              </Group>
            ),
          },
          {
            accessor: 'contactPerson',
            title: t('volunteers.hosts.contactPerson'),
            render: (o) => [o.contactPerson, o.phone, o.email].filter(Boolean).join(' · ') || '–',
          },
          { accessor: 'area', title: t('volunteers.hosts.area'), render: (o) => o.area ?? '' },
          {
            accessor: 'activeVacancies',
            title: t('volunteers.nav.vacancies'),
            render: (o) => (
              <Anchor href={`#/volunteers/vacancies?organisation=${o.id}`} size="sm">
                {t('volunteers.hosts.vacancies', { count: o.activeVacancies })}
              </Anchor>
            ),
          },
          {
            accessor: 'activePlacements',
            title: t('volunteers.nav.placements'),
            textAlign: 'right',
          },
        ]}
      />
      <Modal
        opened={adding}
        onClose={() => setAdding(false)}
        title={t('volunteers.hosts.newTitle')}
        size="lg"
      >
        {adding && (
          <HostForm
            onCancel={() => setAdding(false)}
            onSaved={(o) => {
              setAdding(false)
              notifications.show({
                color: 'teal',
                message: t('volunteers.hosts.created', { name: o.name }),
              })
              reload()
            }}
          />
        )}
      </Modal>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={t('volunteers.hosts.editTitle', { name: editing?.name ?? '' })}
        size="lg"
      >
        {editing && (
          <HostForm
            host={editing}
            onCancel={() => setEditing(null)}
            onSaved={(o) => {
              setEditing(null)
              notifications.show({
                color: 'teal',
                message: t('volunteers.hosts.updated', { name: o.name }),
              })
              reload()
            }}
          />
        )}
      </Modal>
    </Stack>
  )
}

type Field = 'name' | 'contactPerson' | 'phone' | 'email' | 'address' | 'area'

/** A new host, or (with `host`) an existing one: its name, contact person and details. */
function HostForm({
  host,
  onCancel,
  onSaved,
}: {
  host?: HostOrganisation
  onCancel: () => void
  onSaved: (o: HostOrganisation) => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [values, setValues] = useState<Record<Field, string>>({
    name: host?.name ?? '',
    contactPerson: host?.contactPerson ?? '',
    phone: host?.phone ?? '',
    email: host?.email ?? '',
    address: host?.address ?? '',
    area: host?.area ?? '',
  })
  const [active, setActive] = useState(host?.active ?? true)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const field = (f: Field) => ({
    label: t(`volunteers.hosts.${f}`),
    value: values[f],
    error: errors[f],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      const v = e.currentTarget.value
      setValues((old) => ({ ...old, [f]: v }))
    },
  })

  const save = async (): Promise<void> => {
    setProblem(null)
    // An edit keeps what this form does not show (kind, what it helps with) as it was.
    const update = host
      ? { ...values, id: host.id, kind: host.kind, helpsWith: host.helpsWith, active }
      : null
    const found = update
      ? zodValidate(organisationsUpdateInput, t)(update)
      : zodValidate(organisationsCreateInput, t)(values)
    setErrors(found)
    if (Object.keys(found).length) return setProblem(t('errors.validation'))
    setBusy(true)
    try {
      onSaved(
        update
          ? await call('organisations.update', update as OrganisationsUpdate)
          : await call('organisations.create', values),
      )
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
        <TextInput {...field('name')} required data-autofocus />
        <SimpleGrid cols={2}>
          <TextInput {...field('contactPerson')} />
          <TextInput {...field('phone')} type="tel" />
          <TextInput {...field('email')} type="email" />
          <TextInput {...field('area')} />
        </SimpleGrid>
        <TextInput {...field('address')} />
        {host && !host.isOwn && (
          <Checkbox
            label={t('volunteers.hosts.active')}
            checked={active}
            onChange={(e) => setActive(e.currentTarget.checked)}
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
