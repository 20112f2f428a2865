import { useCallback } from 'react'
import { Alert, Anchor, Group, Text } from '@mantine/core'
import { IconAlertTriangle, IconMessageReport } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { useLoad } from '../../common/hooks/use-load'
import { useCan } from '../../common/hooks/use-session'

/**
 * The coordinator's start screen: how many complaints are late (and due soon), with the way to
 * them. Its texts are the dashboard's own, so the complaints screens' texts stay in their chunk.
 */
export function LateComplaintsLine(): React.JSX.Element | null {
  const can = useCan()
  return can('complaints.deadlines') ? <Line /> : null
}

function Line(): React.JSX.Element | null {
  const { t } = useTranslation()
  const loader = useCallback(() => call('complaints.deadlines', {}), [])
  const { data } = useLoad(loader)
  // A failure here must not cost the day's appointments: the line is simply left out.
  if (!data) return null
  const late = data.late > 0
  return (
    <Alert
      color={late ? 'red' : 'gray'}
      variant="light"
      py="xs"
      icon={
        late ? (
          <IconAlertTriangle size={18} aria-hidden />
        ) : (
          <IconMessageReport size={18} aria-hidden />
        )
      }
      aria-label={t('dashboard.complaints.title')}
      data-testid="dashboard-complaints"
    >
      <Group gap="md" wrap="wrap">
        <Text size="sm" fw={late ? 700 : 400} data-testid="complaints-late-count">
          {late
            ? t('dashboard.complaints.late', { count: data.late })
            : t('dashboard.complaints.none')}
        </Text>
        {data.soon > 0 && (
          <Text size="sm">{t('dashboard.complaints.soon', { count: data.soon })}</Text>
        )}
        <Anchor href="#/complaints" size="sm">
          {t('dashboard.complaints.open')}
        </Anchor>
      </Group>
    </Alert>
  )
}
