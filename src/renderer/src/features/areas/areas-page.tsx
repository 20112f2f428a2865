import { useCallback, useMemo, useState } from 'react'
import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  Modal,
  ScrollArea,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage, serverFieldErrors, showError } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { useToday } from '../../common/hooks/use-shop-day'
import {
  AREA_KINDS,
  parentKindsOf,
  type Area,
  type AreaKind,
} from '../../../../shared/schemas/areas'
import { REPORT_SECTIONS, type ReportSection } from '../../../../shared/schemas/reports'
import { reportSectionKey } from '../reports'
import { areaTree, type AreaRow } from './tree'
import './texts'

/** The areas tree (admin): add, rename, move and remove areas; a municipality's own figures. */
export function AreasPage(): React.JSX.Element {
  const { t } = useTranslation()
  const loader = useCallback(() => call('areas.list', {}), [])
  const { data, error, reload } = useLoad(loader)
  const rows = useMemo(() => areaTree(data ?? []), [data])
  // null: closed; an area: change it; 'new': a new one.
  const [editing, setEditing] = useState<Area | 'new' | null>(null)
  const [choosing, setChoosing] = useState<Area | null>(null)

  const remove = (area: Area): void => {
    modals.openConfirmModal({
      title: t('areas.page.removeTitle'),
      children: <Text size="sm">{t('areas.page.removeText', { name: area.name })}</Text>,
      labels: { confirm: t('areas.page.removeConfirm'), cancel: t('areas.page.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await call('areas.remove', { id: area.id })
          notifications.show({
            color: 'teal',
            message: t('areas.page.removed', { name: area.name }),
          })
          reload()
        } catch (err) {
          // areaHasChildren: main's Dutch message says to remove or move those first.
          showError(t, err)
        }
      },
    })
  }

  return (
    <Stack gap="md" maw={1000}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{t('areas.page.title')}</Title>
          <Text c="dimmed" maw={760}>
            {t('areas.page.intro')}
          </Text>
        </div>
        <Button onClick={() => setEditing('new')}>{t('areas.page.add')}</Button>
      </Group>
      <ErrorAlert message={error ? errorMessage(t, error) : null} />
      {!data && !error && <Loader aria-label={t('common.loading')} />}
      {data && rows.length === 0 && <Text c="dimmed">{t('areas.page.empty')}</Text>}
      {rows.length > 0 && (
        <Card withBorder padding="xs">
          <Stack gap={0} component="ul" aria-label={t('areas.page.treeLabel')} m={0} p={0}>
            {rows.map((r, i) => (
              <TreeRow
                key={r.area.id}
                row={r}
                first={i === 0}
                onEdit={() => setEditing(r.area)}
                onRemove={() => remove(r.area)}
                onIndicators={() => setChoosing(r.area)}
              />
            ))}
          </Stack>
        </Card>
      )}
      {editing !== null && (
        <AreaModal
          area={editing === 'new' ? null : editing}
          rows={rows}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null)
            reload()
          }}
        />
      )}
      {choosing && (
        <IndicatorsModal
          area={choosing}
          onClose={() => setChoosing(null)}
          onSaved={() => {
            setChoosing(null)
            reload()
          }}
        />
      )}
    </Stack>
  )
}

function TreeRow({
  row,
  first,
  onEdit,
  onRemove,
  onIndicators,
}: {
  row: AreaRow
  first: boolean
  onEdit: () => void
  onRemove: () => void
  onIndicators: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const { area, depth } = row
  const top = area.kind === 'municipality'
  return (
    <Group
      component="li"
      justify="space-between"
      wrap="nowrap"
      py={6}
      pr="xs"
      pl={8 + depth * 28}
      data-testid={`area-${area.name}`}
      style={{
        listStyle: 'none',
        borderTop: depth === 0 && !first ? '1px solid var(--mantine-color-gray-3)' : undefined,
      }}
    >
      <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
        {depth > 0 && (
          <Text c="dimmed" aria-hidden>
            └
          </Text>
        )}
        <Text fw={top ? 700 : 500} truncate="end">
          {area.name}
        </Text>
        <Badge variant="light" color={top ? 'teal' : 'gray'} size="sm">
          {t(`areas.kinds.${area.kind}`)}
        </Badge>
        {top && (
          <Text size="xs" c="dimmed" data-testid="area-indicators">
            {`${t('areas.page.indicators')}: ${
              area.indicators.length
                ? t('areas.page.indicatorsChosen', { count: area.indicators.length })
                : t('areas.page.indicatorsAll')
            }`}
          </Text>
        )}
      </Group>
      <Group gap={6} wrap="nowrap">
        {top && (
          <Button
            size="xs"
            variant="light"
            onClick={onIndicators}
            aria-label={`${t('areas.indicators.title')}: ${area.name}`}
          >
            {t('areas.page.indicators')}
          </Button>
        )}
        <Button
          size="xs"
          variant="default"
          onClick={onEdit}
          aria-label={`${t('areas.page.edit')}: ${area.name}`}
        >
          {t('areas.page.edit')}
        </Button>
        <Button
          size="xs"
          variant="subtle"
          color="red"
          onClick={onRemove}
          aria-label={`${t('areas.page.remove')}: ${area.name}`}
        >
          {t('areas.page.remove')}
        </Button>
      </Group>
    </Group>
  )
}

/** The ids of an area and everything under it: none of them can be its new parent. */
function selfAndBelow(id: number, rows: AreaRow[]): Set<number> {
  const out = new Set([id])
  let grew = true
  while (grew) {
    grew = false
    for (const r of rows)
      if (r.area.parentId !== null && out.has(r.area.parentId) && !out.has(r.area.id)) {
        out.add(r.area.id)
        grew = true
      }
  }
  return out
}

function AreaModal({
  area,
  rows,
  onClose,
  onSaved,
}: {
  area: Area | null
  rows: AreaRow[]
  onClose: () => void
  onSaved: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [name, setName] = useState(area?.name ?? '')
  const [kind, setKind] = useState<AreaKind | null>(area?.kind ?? null)
  const [parentId, setParentId] = useState<string | null>(
    area?.parentId ? String(area.parentId) : null,
  )
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)
  const below = area ? selfAndBelow(area.id, rows) : new Set<number>()
  const allowed = kind ? parentKindsOf(kind) : AREA_KINDS.slice(0, 3)
  const parents = rows
    .filter((r) => !below.has(r.area.id) && allowed.includes(r.area.kind))
    .map((r) => ({
      value: String(r.area.id),
      label: `${r.area.name} (${t(`areas.kinds.${r.area.kind}`)})`,
    }))
  const depthOf = new Map(rows.map((r) => [String(r.area.id), r.depth]))

  const save = async (): Promise<void> => {
    setSaving(true)
    try {
      const saved = await call('areas.save', {
        id: area?.id ?? null,
        name,
        kind: kind as AreaKind,
        parentId: kind === 'municipality' || !parentId ? null : Number(parentId),
      })
      notifications.show({ color: 'teal', message: t('areas.page.saved', { name: saved.name }) })
      onSaved()
    } catch (err) {
      const fields = serverFieldErrors(t, err)
      setErrors(fields)
      if (!Object.keys(fields).length) showError(t, err)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={area ? t('areas.page.editTitle') : t('areas.page.newTitle')}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('areas.page.name')}
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value)
              setErrors((s) => ({ ...s, name: '' }))
            }}
            error={errors.name || undefined}
            data-autofocus
          />
          <Select
            label={t('areas.page.kind')}
            data={AREA_KINDS.map((k) => ({ value: k, label: t(`areas.kindsTitle.${k}`) }))}
            value={kind}
            onChange={(v) => {
              setKind(v as AreaKind | null)
              setErrors((s) => ({ ...s, kind: '', parentId: '' }))
              if (v === 'municipality') setParentId(null)
            }}
            error={errors.kind || undefined}
            allowDeselect={false}
          />
          <Select
            label={t('areas.page.parent')}
            placeholder={kind === 'municipality' ? t('areas.page.parentNone') : undefined}
            data={parents}
            value={kind === 'municipality' ? null : parentId}
            onChange={(v) => {
              setParentId(v)
              setErrors((s) => ({ ...s, parentId: '' }))
            }}
            disabled={kind === 'municipality'}
            // Indented as in the tree in the list; the field itself shows the plain name.
            renderOption={({ option }) => (
              <Text size="sm" pl={(depthOf.get(option.value) ?? 0) * 16}>
                {option.label}
              </Text>
            )}
            searchable
            clearable
            error={errors.parentId || undefined}
          />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('areas.page.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('areas.page.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

/** A municipality's own figures: the report's definitions of this year, by section. */
function IndicatorsModal({
  area,
  onClose,
  onSaved,
}: {
  area: Area
  onClose: () => void
  onSaved: () => void
}): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'nl'
  const today = useToday()
  const loader = useCallback(
    () => call('reports.subsidy', { from: `${today.slice(0, 4)}-01-01`, to: today }),
    [today],
  )
  const { data, error } = useLoad(loader)
  const [chosen, setChosen] = useState<string[]>(area.indicators)
  const [saving, setSaving] = useState(false)
  const sections = useMemo(() => {
    const out = new Map<ReportSection, { key: string; label: string }[]>()
    if (!data) return out
    const sectionOf = new Map(data.figures.map((f) => [f.definitionKey, f.section]))
    for (const d of data.definitions) {
      const section = sectionOf.get(d.key) ?? 'shop'
      out.set(section, [...(out.get(section) ?? []), { key: d.key, label: d.label[lang] }])
    }
    return out
  }, [data, lang])

  const save = async (): Promise<void> => {
    setSaving(true)
    try {
      await call('areas.setIndicators', { id: area.id, keys: chosen })
      notifications.show({
        color: 'teal',
        message: t('areas.indicators.saved', { name: area.name }),
      })
      onSaved()
    } catch (err) {
      showError(t, err)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal opened onClose={onClose} size="lg" title={t('areas.indicators.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('areas.indicators.intro', { name: area.name })}</Text>
        <Text size="sm" fw={500} data-testid="indicators-count">
          {chosen.length
            ? t('areas.page.indicatorsChosen', { count: chosen.length })
            : t('areas.indicators.none')}
        </Text>
        <ErrorAlert message={error ? errorMessage(t, error) : null} />
        {!data && !error && (
          <Group gap="xs">
            <Loader size="sm" aria-label={t('common.loading')} />
            <Text size="sm" c="dimmed">
              {t('areas.indicators.loading')}
            </Text>
          </Group>
        )}
        {data && (
          <ScrollArea.Autosize mah="55vh" type="auto">
            <Checkbox.Group value={chosen} onChange={setChosen} label={t('areas.indicators.field')}>
              <Stack gap="md" mt="xs">
                {REPORT_SECTIONS.filter((s) => sections.has(s)).map((s) => (
                  <Stack gap={6} key={s}>
                    <Text size="sm" fw={600}>
                      {t(reportSectionKey(s))}
                    </Text>
                    {sections.get(s)?.map((d) => (
                      <Checkbox key={d.key} value={d.key} label={d.label} />
                    ))}
                  </Stack>
                ))}
              </Stack>
            </Checkbox.Group>
          </ScrollArea.Autosize>
        )}
        <Group justify="space-between" mt="xs">
          <Button variant="subtle" disabled={!chosen.length} onClick={() => setChosen([])}>
            {t('areas.indicators.clear')}
          </Button>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('areas.page.cancel')}
            </Button>
            <Button loading={saving} disabled={!data} onClick={() => void save()}>
              {t('areas.indicators.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  )
}
