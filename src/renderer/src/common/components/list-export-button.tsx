import { Button, Group, Loader, Menu } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExportsListInput, ListFileFormat } from '../../../../shared/schemas/exports'
import type { JobView } from '../../../../shared/schemas/jobs'
import { call } from '../../api'
import { saveDownload } from '../download'
import { showError } from '../forms'
import { useCan } from '../hooks/use-session'

type Filters = ExportsListInput extends infer T
  ? T extends ExportsListInput
    ? Omit<T, 'format' | 'language'>
    : never
  : never

const LABEL = 'jobs.labels.listExport'

/**
 * How far main's worker is with this screen's export (`jobs.list` holds the session's own jobs),
 * read twice a second while the export runs: ten years of visits take a quarter of a minute.
 */
function useExportJob(running: boolean): JobView | null {
  const [job, setJob] = useState<JobView | null>(null)
  useEffect(() => {
    if (!running) return
    let stopped = false
    const read = (): void => {
      call('jobs.list', {}).then(
        (jobs) => {
          if (!stopped) setJob(jobs.find((j) => j.labelKey === LABEL) ?? null)
        },
        // Progress is extra: a failed read leaves the button as it is.
        () => undefined,
      )
    }
    const timer = setInterval(read, 500)
    return () => {
      stopped = true
      clearInterval(timer)
      setJob(null)
    }
  }, [running])
  return running ? job : null
}

/**
 * "Exporteren" beside a list: the list with the filters the screen has now, every row, as an
 * Excel or CSV file the coordinator saves (Electron's save dialog, a download in the browser).
 * While main writes it, how many rows are done and a button to stop. Only shown to who may
 * export (staff); main checks it again and logs the export.
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
  const job = useExportJob(busy)
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
          message: t('common.exported', {
            count: made.count,
            rows: made.count.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'nl-NL'),
            filename: made.filename,
          }),
        })
    } catch (err) {
      showError(t, err)
    } finally {
      setBusy(false)
    }
  }
  const locale = i18n.language === 'en' ? 'en-GB' : 'nl-NL'
  const counting = busy && job !== null && job.total > 0
  return (
    <Group gap={4} wrap="nowrap" mt={mt}>
      <Menu position="bottom-end" withinPortal disabled={busy}>
        <Menu.Target>
          <Button
            variant="default"
            // While main writes, the button says how far it is (ten years of visits take a
            // quarter of a minute), not just that something turns.
            loading={busy && !counting}
            leftSection={counting ? <Loader size={14} aria-hidden /> : undefined}
            disabled={disabled}
            title={t('common.exportHint')}
            aria-live="polite"
            data-testid={counting ? 'export-progress' : undefined}
          >
            {counting
              ? t('common.exportProgress', {
                  done: job.done.toLocaleString(locale),
                  total: job.total.toLocaleString(locale),
                })
              : (label ?? t('common.exportList'))}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => void save('xlsx')}>{t('common.exportXlsx')}</Menu.Item>
          <Menu.Item onClick={() => void save('csv')}>{t('common.exportCsv')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {counting && job.cancellable && (
        <Button
          variant="subtle"
          onClick={() =>
            void call('jobs.cancel', { id: job.id }).catch((err: unknown) => showError(t, err))
          }
        >
          {t('jobs.cancel')}
        </Button>
      )}
    </Group>
  )
}
