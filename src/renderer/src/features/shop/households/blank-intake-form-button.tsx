import { Button } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPrinter } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../../api'
import { saveDownload } from '../../../common/download'
import { showError } from '../../../common/forms'
import { useCan } from '../../../common/hooks/use-session'

/**
 * "Leeg aanmeldformulier afdrukken": the paper intake form on the letterhead, for a new family to
 * fill in at the counter. Main makes the PDF; it is saved (and printed from there) like every
 * other file main makes, by its download ticket.
 */
export function BlankIntakeFormButton(): React.JSX.Element | null {
  const { t } = useTranslation()
  const can = useCan()
  const [busy, setBusy] = useState(false)
  if (!can('intakes.blankForm')) return null

  const print = async (): Promise<void> => {
    setBusy(true)
    try {
      const file = await call('intakes.blankForm', {})
      if (!(await saveDownload(file))) return
      notifications.show({
        color: 'teal',
        message: t('households.blankForm.done', { filename: file.filename }),
      })
    } catch (err) {
      showError(t, err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Button
      variant="default"
      loading={busy}
      title={t('households.blankForm.hint')}
      leftSection={<IconPrinter size={16} aria-hidden />}
      onClick={() => void print()}
    >
      {t('households.blankForm.button')}
    </Button>
  )
}
