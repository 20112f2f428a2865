import { Button, Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** "20 van 1.014 getoond" and a "Meer tonen" button, while not everything is shown. */
export function MoreLine({
  shown,
  total,
  loading,
  onMore,
}: {
  shown: number
  total: number
  loading: boolean
  onMore: () => void
}): React.JSX.Element | null {
  const { t } = useTranslation()
  if (shown >= total) return null
  return (
    <Group justify="space-between" mt="xs" gap="xs">
      <Text size="xs" c="dimmed">
        {t('volunteers.board.shownOf', { shown, total })}
      </Text>
      <Button size="compact-sm" variant="light" loading={loading} onClick={onMore}>
        {t('volunteers.board.more')}
      </Button>
    </Group>
  )
}
