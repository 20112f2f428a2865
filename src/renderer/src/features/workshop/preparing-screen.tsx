import { useEffect } from 'react'
import { Box, Center, Paper, Progress, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import type { WorkshopStatus } from '../../../../shared/schemas/workshop'

/** How often the screen asks main how far the demo data is. */
const POLL_MS = 1000

/**
 * While main makes the demo data (first opening, or a reset): its progress, asked every second,
 * until it is ready; then the gate starts over (the login of the oefenomgeving).
 */
export function PreparingScreen({
  status,
  onProgress,
  onReady,
}: {
  status: WorkshopStatus
  onProgress: (status: WorkshopStatus) => void
  onReady: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  useEffect(() => {
    const timer = setInterval(() => {
      call('workshop.status', {}).then(
        (next) => (next.preparing ? onProgress(next) : onReady()),
        () => undefined,
      )
    }, POLL_MS)
    return () => clearInterval(timer)
  }, [onProgress, onReady])
  const done = status.preparing?.done ?? 0
  const total = status.preparing?.total ?? 1
  return (
    <Box mih="100vh" bg="gray.0" py="xl" px="md" component="main">
      <Center>
        <Paper withBorder shadow="sm" p="lg" radius="md" w="100%" maw={480}>
          <Stack gap="md">
            <Title order={1} size="h2">
              {t('workshop.preparing.title')}
            </Title>
            <Text>{t('workshop.preparing.text')}</Text>
            <Progress
              value={Math.round((100 * done) / total)}
              aria-label={t('workshop.preparing.title')}
              color="orange"
              animated
            />
            <Text size="sm" c="dimmed" data-testid="workshop-progress">
              {t('workshop.preparing.progress', { done, total })}
            </Text>
          </Stack>
        </Paper>
      </Center>
    </Box>
  )
}
