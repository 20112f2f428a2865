import { Box, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { isDemo, useWorkshop } from './status'

/** Height of the band, which the app's header grows by while the oefenomgeving is open. */
export const BAND_HEIGHT = 28

/** The coloured band on every screen while the oefenomgeving is open; nothing otherwise. */
export function WorkshopBand(): React.JSX.Element | null {
  const { t } = useTranslation()
  const { status } = useWorkshop()
  if (!isDemo(status)) return null
  return (
    <Box
      role="status"
      aria-label={t('workshop.band')}
      data-testid="workshop-band"
      title={t('workshop.bandHint')}
      bg="orange.7"
      h={BAND_HEIGHT}
      style={{ display: 'flex', alignItems: 'center', justifyContent: 'center', gap: 12 }}
    >
      <Text c="white" fw={800} size="sm" style={{ letterSpacing: '0.2em' }}>
        {t('workshop.band')}
      </Text>
      <Text c="white" size="xs" visibleFrom="sm">
        {t('workshop.bandHint')}
      </Text>
    </Box>
  )
}
