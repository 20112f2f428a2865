import { useCallback, useMemo, useState } from 'react'
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { errorMessage } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { useCan } from '../../common/hooks/use-session'
import { PARTNER_KINDS, type Partner, type PartnerKind } from '../../../../shared/schemas/partners'
import { PartnerFormModal } from './partner-form'

/**
 * The sociale kaart: the organisations the shop refers families to, kept per area, with what
 * they help with and how to reach them. Inactive ones are hidden unless asked for, and greyed.
 */
export function PartnersPage(): React.JSX.Element {
  const { t } = useTranslation()
  const can = useCan()
  const [query, setQuery] = useState('')
  const [debounced] = useDebouncedValue(query, 250)
  const [area, setArea] = useState<string | null>(null)
  const [kind, setKind] = useState<string | null>(null)
  const [includeInactive, setIncludeInactive] = useState(false)
  const [editing, setEditing] = useState<Partner | 'new' | null>(null)

  const loadPartners = useCallback(
    () =>
      call('partners.list', {
        query: debounced.trim() || null,
        area,
        kind: kind as PartnerKind | null,
        includeInactive,
      }),
    [debounced, area, kind, includeInactive],
  )
  const partners = useLoad(loadPartners)
  const loadAreas = useCallback(() => call('partners.areas', {}), [])
  const areas = useLoad(loadAreas)

  // Grouped by area, the organisations without one ("overal") last.
  const groups = useMemo(() => {
    const byArea = new Map<string, Partner[]>()
    for (const p of partners.data ?? []) {
      const key = p.area ?? ''
      byArea.set(key, [...(byArea.get(key) ?? []), p])
    }
    return [...byArea.entries()].sort(([a], [b]) =>
      !a ? 1 : !b ? -1 : a.localeCompare(b, 'nl', { sensitivity: 'base' }),
    )
  }, [partners.data])

  const mayEdit = can('partners.update')
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('partners.title')}</Title>
        {can('partners.create') && (
          <Button onClick={() => setEditing('new')}>{t('partners.add')}</Button>
        )}
      </Group>
      <Text size="sm" c="dimmed" maw={800}>
        {t('partners.intro')}
      </Text>
      <Group align="flex-end" gap="md" wrap="wrap">
        <TextInput
          label={t('partners.search')}
          placeholder={t('partners.searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          w={340}
        />
        <Select
          label={t('partners.area')}
          placeholder={t('partners.allAreas')}
          // Main lists those without an area with every area; say so, or they look misfiled.
          description={area ? t('partners.areaAlsoEverywhere') : undefined}
          data={areas.data ?? []}
          value={area}
          onChange={setArea}
          clearable
          w={area ? 260 : 200}
        />
        <Select
          label={t('partners.kind')}
          placeholder={t('partners.allKinds')}
          data={PARTNER_KINDS.map((k) => ({ value: k, label: t(`partnerKinds.${k}`) }))}
          value={kind}
          onChange={setKind}
          clearable
          w={240}
        />
        <Checkbox
          label={t('partners.showInactive')}
          checked={includeInactive}
          onChange={(e) => setIncludeInactive(e.currentTarget.checked)}
          mb={8}
        />
      </Group>
      {partners.error ? (
        <Alert color="red">{errorMessage(t, partners.error)}</Alert>
      ) : partners.data === null ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : partners.data.length === 0 ? (
        <Text c="dimmed">{t('partners.none')}</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('partners.count', { count: partners.data.length })}
          </Text>
          {groups.map(([name, list]) => (
            <section key={name || '-'} aria-label={name || t('partners.noArea')}>
              <Title order={3} size="h4" mb="xs">
                {name || t('partners.noArea')}
              </Title>
              <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
                {list.map((p) => (
                  <PartnerCard
                    key={p.id}
                    partner={p}
                    onEdit={mayEdit ? () => setEditing(p) : undefined}
                  />
                ))}
              </SimpleGrid>
            </section>
          ))}
        </>
      )}
      <PartnerFormModal
        opened={editing !== null}
        partner={editing === 'new' ? null : editing}
        areas={areas.data ?? []}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null)
          partners.reload()
          areas.reload()
        }}
      />
    </Stack>
  )
}

function PartnerCard({
  partner: p,
  onEdit,
}: {
  partner: Partner
  onEdit?: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const contact = [p.contactPerson, p.phone, p.email].filter(Boolean).join(' · ')
  return (
    <Card
      withBorder
      padding="md"
      role="article"
      aria-label={p.name}
      style={p.active ? undefined : { opacity: 0.55 }}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={600}>{p.name}</Text>
          {onEdit && (
            <Button
              size="compact-sm"
              variant="subtle"
              onClick={onEdit}
              aria-label={t('partners.editOf', { name: p.name })}
            >
              {t('partners.edit')}
            </Button>
          )}
        </Group>
        <Group gap={6}>
          <Badge variant="light" tt="none">
            {t(`partnerKinds.${p.kind}`)}
          </Badge>
          {!p.active && (
            <Badge variant="outline" color="gray" tt="none">
              {t('partners.inactive')}
            </Badge>
          )}
        </Group>
        {p.helpsWith && (
          <Text size="sm">
            <Text span fw={500}>
              {t('partners.helpsWith')}:
            </Text>{' '}
            {p.helpsWith}
          </Text>
        )}
        {contact && (
          <Text size="sm" c="dimmed">
            {contact}
          </Text>
        )}
        {p.address && (
          <Text size="sm" c="dimmed">
            {p.address}
          </Text>
        )}
      </Stack>
    </Card>
  )
}
