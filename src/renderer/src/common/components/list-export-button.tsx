import { Button, Menu } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExportsListInput, ListFileFormat } from '../../../../shared/schemas/exports'
import { call } from '../../api'
import { saveDownload } from '../download'
import { showError } from '../forms'
import { useCan } from '../hooks/use-session'

type Filters = ExportsListInput extends infer T
  ? T extends ExportsListInput
    ? Omit<T, 'format' | 'language'>
    : never
  : never

/**
 * "Exporteren" beside a list: the list with the filters the screen has now, every row, as an
 * Excel or CSV file the coordinator saves (Electron's save dialog, a download in the browser).
 * Only shown to who may export (staff); main checks it again and logs the export.
 */
export function ListExportButton({
  filters,
  disabled = false,
  label,
  mt,
}: {
  filters: Filters
  disabled?: boolean
  /** What the button says where "Exporteren" alone would not say which list (the figures). */
  label?: string
  /** Beside fields with a label, to line up with their boxes. */
  mt?: number
}): React.JSX.Element | null {
  const { t, i18n } = useTranslation()
  const can = useCan()
  const [busy, setBusy] = useState(false)
  if (!can('exports.list')) return null
  const save = async (format: ListFileFormat): Promise<void> => {
    setBusy(true)
    try {
      const made = await call('exports.list', {
        ...filters,
        format,
        language: i18n.language === 'en' ? 'en' : 'nl',
      } as ExportsListInput)
      if (await saveDownload(made))
        notifications.show({
          color: 'teal',
          message: t('common.exported', { count: made.count, filename: made.filename }),
        })
    } catch (err) {
      showError(t, err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          loading={busy}
          disabled={disabled}
          title={t('common.exportHint')}
          mt={mt}
        >
          {label ?? t('common.exportList')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => void save('xlsx')}>{t('common.exportXlsx')}</Menu.Item>
        <Menu.Item onClick={() => void save('csv')}>{t('common.exportCsv')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}
