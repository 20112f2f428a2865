import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import './texts'

const LOAD_COLOURS = ['teal', 'lime', 'yellow', 'orange', 'red'] as const

/** A carer's load (1 light ... 5 overloaded) in words, coloured from light to heavy. */
export function LoadBadge({ load }: { load: number }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Badge variant="light" tt="none" color={LOAD_COLOURS[load - 1] ?? 'gray'}>
      {t(`support.carer.loads.${load}`)}
    </Badge>
  )
}
