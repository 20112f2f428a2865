import { useCallback, useMemo } from 'react'
import { Autocomplete, Group, Text, type ComboboxItemGroup } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { useDistricts } from '../../common/hooks/use-districts'
import { useLoad } from '../../common/hooks/use-load'
import { areaTree } from './tree'
import './texts'

/**
 * The area a report or a figure is for: the names of the tree (Gebieden), indented under their
 * municipality with their kind, then the other district names the records hold. Free text stays
 * possible: a district name that is not in the tree still filters by itself.
 */
export function AreaField({
  value,
  onChange,
  label,
  w = 240,
}: {
  value: string
  onChange: (value: string) => void
  label?: string
  w?: number | string
}): React.JSX.Element {
  const { t } = useTranslation()
  const loader = useCallback(() => call('areas.list', {}), [])
  // Without the tree the field still takes a typed name: the list is a help, not a must.
  const { data: areas } = useLoad(loader)
  const districts = useDistricts()
  const rows = useMemo(() => areaTree(areas ?? []), [areas])
  const shape = useMemo(
    () => new Map(rows.map((r) => [r.area.name, { depth: r.depth, kind: r.area.kind }])),
    [rows],
  )
  const data = useMemo((): ComboboxItemGroup<string>[] => {
    const inTree = new Set(rows.map((r) => r.area.name.toLowerCase()))
    const other = districts.filter((d) => !inTree.has(d.trim().toLowerCase()))
    return [
      ...(rows.length
        ? [{ group: t('areas.field.tree'), items: rows.map((r) => r.area.name) }]
        : []),
      ...(other.length ? [{ group: t('areas.field.other'), items: other }] : []),
    ]
  }, [rows, districts, t])
  return (
    <Autocomplete
      label={label ?? t('areas.field.label')}
      placeholder={t('areas.field.all')}
      title={t('areas.field.help')}
      data={data}
      value={value}
      onChange={onChange}
      clearable
      maxDropdownHeight={320}
      // Wide enough for a municipality's name and its kind on one line.
      comboboxProps={{ width: 'max-content', position: 'bottom-start' }}
      renderOption={({ option }) => {
        const s = shape.get(option.value)
        return (
          <Group gap={6} wrap="nowrap" pl={s ? s.depth * 16 : 0}>
            <Text size="sm" fw={s?.depth === 0 ? 600 : 400} style={{ whiteSpace: 'nowrap' }}>
              {option.value}
            </Text>
            {s && (
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                ({t(`areas.kinds.${s.kind}`)})
              </Text>
            )}
          </Group>
        )
      }}
      w={w}
    />
  )
}
