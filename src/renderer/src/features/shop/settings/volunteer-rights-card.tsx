import { useCallback, useState } from 'react'
import { Card, Loader, Stack, Switch, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call } from '../../../api'
import { ErrorAlert } from '../../../common/components/error-alert'
import { useLoad } from '../../../common/hooks/use-load'
import { useCan } from '../../../common/hooks/use-session'
import type { ShopSettings } from '../../../../../shared/schemas/shop'
import { shopErrorMessage } from '../shop-errors'

type VolunteerSwitch =
  'volunteerMayBook' | 'volunteerMayRecordConversation' | 'volunteerMaySeeHistory'

const SWITCHES: VolunteerSwitch[] = [
  'volunteerMayBook',
  'volunteerMayRecordConversation',
  'volunteerMaySeeHistory',
]

/**
 * The admin's switches for what the volunteer role may do, each with what it exposes. One switch
 * is saved at a time (only that field is sent), so main logs exactly the switch that changed.
 * A coordinator sees them without changing them; main enforces each on every path.
 */
export function VolunteerRightsCard(): React.JSX.Element {
  const { t } = useTranslation()
  const editable = useCan()('settings.update')
  const loader = useCallback(() => call('settings.get', {}), [])
  const loaded = useLoad(loader)
  const [saved, setSaved] = useState<ShopSettings | null>(null)
  const [busy, setBusy] = useState<VolunteerSwitch | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const settings = saved ?? loaded.data

  const change = async (key: VolunteerSwitch, value: boolean): Promise<void> => {
    // Main refuses it anyway; a read-only screen does not even ask.
    if (!editable) return
    setBusy(key)
    setProblem(null)
    try {
      const next = await call('settings.update', { [key]: value })
      setSaved(next)
      notifications.show({
        color: 'teal',
        message: t(value ? 'settings.rights.turnedOn' : 'settings.rights.turnedOff', {
          right: t(`settings.rights.${key}.label`),
        }),
      })
    } catch (err) {
      setProblem(shopErrorMessage(t, err))
    } finally {
      setBusy(null)
    }
  }

  return (
    <Card withBorder padding="lg" maw={900} data-testid="volunteer-rights">
      <Stack gap="md">
        <div>
          <Title order={3} size="h4">
            {t('settings.rights.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('settings.rights.intro')}
          </Text>
        </div>
        {settings === null ? (
          loaded.error ? (
            <ErrorAlert message={shopErrorMessage(t, loaded.error)} />
          ) : (
            <Loader size="sm" aria-label={t('common.loading')} />
          )
        ) : (
          SWITCHES.map((key) => (
            <Switch
              key={key}
              checked={settings[key]}
              disabled={!editable || busy !== null}
              onChange={(e) => void change(key, e.currentTarget.checked)}
              label={t(`settings.rights.${key}.label`)}
              description={t(`settings.rights.${key}.help`)}
              size="md"
            />
          ))
        )}
        {!editable && (
          <Text size="sm" c="dimmed">
            {t('settings.rights.adminOnly')}
          </Text>
        )}
        <ErrorAlert message={problem} />
      </Stack>
    </Card>
  )
}
