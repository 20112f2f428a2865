import { Button, Menu } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconChevronDown, IconFileExport, IconFileTypePdf, IconJson } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { saveDownload } from '../../common/download'
import { showError } from '../../common/forms'
import type { SubjectExportFormat, SubjectKind } from '../../../../shared/schemas/subjects'
import { useCan } from '../../common/hooks/use-session'

/**
 * "Inzage-export": everything the app holds about this household (or person, or complaint), for an
 * access request (AVG art. 15), as a PDF to hand over or as JSON. Only for those main lets make it.
 */
export function SubjectExportButton({
  householdId,
  subject,
}: {
  householdId?: number
  /** Another kind of data subject than a household, e.g. a person of the volunteers domain. */
  subject?: { kind: SubjectKind; id: number }
}): React.JSX.Element | null {
  const { t } = useTranslation()
  const can = useCan()
  const [busy, setBusy] = useState(false)
  if (!can('subjects.export')) return null

  const of = subject ?? { kind: 'household' as const, id: householdId ?? 0 }
  const download = async (format: SubjectExportFormat): Promise<void> => {
    setBusy(true)
    try {
      const file = await call('subjects.export', { ...of, format })
      if (!(await saveDownload(file))) return
      notifications.show({
        color: 'teal',
        message: t('subjectExport.done', { filename: file.filename }),
      })
    } catch (err) {
      showError(t, err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Menu position="bottom-start" shadow="md">
      <Menu.Target>
        <Button
          variant="default"
          loading={busy}
          leftSection={<IconFileExport size={16} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
        >
          {t('subjectExport.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {/* Says whose data it is: a participant's page must not speak of a household. */}
        <Menu.Label>{t(`subjectExport.menuLabel.${of.kind}`)}</Menu.Label>
        <Menu.Item
          leftSection={<IconFileTypePdf size={16} aria-hidden />}
          onClick={() => void download('pdf')}
        >
          {t('subjectExport.pdf')}
        </Menu.Item>
        <Menu.Item
          leftSection={<IconJson size={16} aria-hidden />}
          onClick={() => void download('json')}
        >
          {t('subjectExport.json')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}
