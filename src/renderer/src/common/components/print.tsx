import { Button, Text } from '@mantine/core'
import { IconPrinter } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { toDutchDate } from '../../../../shared/dates'
import { useSessionApi } from '../hooks/use-session'

/** Opens the print dialog for the page; the print stylesheet (print.css) leaves only the list. */
export function PrintButton({ label }: { label?: string }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Button
      variant="default"
      leftSection={<IconPrinter size={16} aria-hidden />}
      onClick={() => window.print()}
      data-print="hide"
    >
      {label ?? t('common.print')}
    </Button>
  )
}

/**
 * On paper only: whose list it is and when it was printed, so a sheet found later says where it
 * came from and how current it is.
 */
export function PrintHeading({ today }: { today: string | null }): React.JSX.Element {
  const { t } = useTranslation()
  const { organisationName } = useSessionApi()
  return (
    <div className="print-only" data-testid="print-heading">
      <Text size="sm">
        {organisationName ?? ''}
        {today ? ` · ${t('common.printedOn', { date: toDutchDate(today) })}` : ''}
      </Text>
    </div>
  )
}
