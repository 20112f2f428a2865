import { Table, VisuallyHidden } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/**
 * The header of a table's column of buttons: empty on screen, "Acties" for a screen reader, which
 * otherwise announces the buttons under a header without a name.
 */
export function ActionsTh(): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Table.Th>
      <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
    </Table.Th>
  )
}
