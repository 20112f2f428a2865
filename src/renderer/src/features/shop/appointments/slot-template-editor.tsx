import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { DAY_PARTS, type DayPart } from '../../../../../shared/schemas/common'
import type { SlotTemplateEntry } from '../../../../../shared/schemas/shop'

/** A row as the form holds it: fields may be empty while the user types. */
export interface TemplateRow {
  weekday: number | null
  part: DayPart | null
  capacity: number | string
}

export function toTemplateRows(entries: SlotTemplateEntry[]): TemplateRow[] {
  return entries.map((e) => ({ weekday: e.weekday, part: e.part, capacity: e.capacity }))
}

/** The rows as main's schema reads them; empty fields become undefined ("verplicht"). */
export function fromTemplateRows(rows: TemplateRow[]): Partial<SlotTemplateEntry>[] {
  return rows.map((r) => ({
    weekday: r.weekday ?? undefined,
    part: r.part ?? undefined,
    capacity: typeof r.capacity === 'number' ? r.capacity : undefined,
  }))
}

/** Errors for a weekday and half-day that occur twice, at `template.N.part` as main reports. */
export function duplicateTemplateErrors(rows: TemplateRow[], t: TFunction): Record<string, string> {
  const seen = new Set<string>()
  const errors: Record<string, string> = {}
  rows.forEach((r, i) => {
    if (r.weekday === null || r.part === null) return
    const key = `${r.weekday}-${r.part}`
    if (seen.has(key)) errors[`template.${i}.part`] = t('validation.duplicateTemplate')
    seen.add(key)
  })
  return errors
}

interface Props {
  rows: TemplateRow[]
  onChange: (rows: TemplateRow[]) => void
  /** Form errors keyed like `template.0.capacity`. */
  errors: Record<string, React.ReactNode>
  defaultCapacity: number
  /** Shown, not changed: the fields are disabled and there is no adding or removing. */
  disabled?: boolean
}

/** The weekly template: which half-days the shop is open and how many families fit in each. */
export function SlotTemplateEditor({
  rows,
  onChange,
  errors,
  defaultCapacity,
  disabled = false,
}: Props): React.JSX.Element {
  const { t } = useTranslation()
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((d) => ({
    value: String(d),
    label: t(`weekdays.${d}`),
  }))
  const parts = DAY_PARTS.map((p) => ({ value: p, label: t(`parts.${p}`) }))
  const update = (i: number, patch: Partial<TemplateRow>): void =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  const label = (field: string, n: number): string =>
    t('appointments.template.rowLabel', { field: t(`appointments.template.${field}`), n })
  const listError = errors.template

  return (
    <Stack gap="xs">
      <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('appointments.template.weekday')}</Table.Th>
            <Table.Th>{t('appointments.template.part')}</Table.Th>
            <Table.Th>{t('appointments.template.capacity')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('common.remove')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Table.Tr key={i}>
              <Table.Td style={{ verticalAlign: 'top' }}>
                <Select
                  aria-label={label('weekday', i + 1)}
                  data={weekdays}
                  value={r.weekday === null ? null : String(r.weekday)}
                  onChange={(v) => update(i, { weekday: v ? Number(v) : null })}
                  error={errors[`template.${i}.weekday`]}
                  allowDeselect={false}
                  disabled={disabled}
                />
              </Table.Td>
              <Table.Td style={{ verticalAlign: 'top' }}>
                <Select
                  aria-label={label('part', i + 1)}
                  data={parts}
                  value={r.part}
                  onChange={(v) => update(i, { part: (v as DayPart | null) ?? null })}
                  error={errors[`template.${i}.part`]}
                  allowDeselect={false}
                  disabled={disabled}
                />
              </Table.Td>
              <Table.Td style={{ verticalAlign: 'top' }}>
                <NumberInput
                  aria-label={label('capacity', i + 1)}
                  value={r.capacity}
                  onChange={(v) => update(i, { capacity: v })}
                  min={1}
                  max={50}
                  allowDecimal={false}
                  // Say what is wrong rather than quietly changing -5 into 1.
                  clampBehavior="none"
                  w={100}
                  error={errors[`template.${i}.capacity`]}
                  disabled={disabled}
                />
              </Table.Td>
              <Table.Td style={{ verticalAlign: 'top' }}>
                {!disabled && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('appointments.template.removeRow', { n: i + 1 })}
                    title={t('appointments.template.removeRow', { n: i + 1 })}
                    onClick={() => onChange(rows.filter((_, j) => j !== i))}
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {listError && (
        <Text c="red" size="sm" role="alert">
          {listError}
        </Text>
      )}
      {!disabled && (
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={() => {
              const last = rows[rows.length - 1]
              onChange([
                ...rows,
                { weekday: last?.weekday ?? 1, part: null, capacity: defaultCapacity },
              ])
            }}
          >
            {t('appointments.template.addRow')}
          </Button>
        </Group>
      )}
    </Stack>
  )
}
