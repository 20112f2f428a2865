import { useCallback, useState } from 'react'
import { Alert, Button, Loader, Modal, Stack, Text } from '@mantine/core'
import { IconAlertTriangle, IconRestore } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage } from '../../common/forms'
import { instantText } from '../../common/format'
import { useLoad } from '../../common/hooks/use-load'
import { kindText, ManifestView } from './manifest-view'
import { RestoreFlow } from './restore-flow'

interface Props {
  /** The name just typed at the login; the password is typed again in the restore dialog. */
  username: string
  onRestored: () => void
  onBack: () => void
}

/**
 * Shown at the login when main found the database damaged: the newest backup that passes its
 * own check, to restore with an admin's password of that time (typed again, the name filled in)
 * or the recovery key, or what to do when there is none.
 */
export function DamagedPanel({ username, onRestored, onBack }: Props): React.JSX.Element {
  const { t } = useTranslation()
  const loader = useCallback(() => call('setup.damaged', {}), [])
  const { data, error } = useLoad(loader)
  const [restoring, setRestoring] = useState(false)
  const best = data?.newestGood ?? null

  return (
    <Stack gap="sm">
      <Alert
        color="red"
        variant="light"
        role="alert"
        title={t('backup.damaged.title')}
        icon={<IconAlertTriangle size={18} aria-hidden />}
      >
        {data && !best ? (
          <Stack gap={6}>
            <Text size="sm" fw={600}>
              {t('backup.damaged.none')}
            </Text>
            <Text size="sm">{t('backup.damaged.noneWhat')}</Text>
          </Stack>
        ) : (
          <Text size="sm">{t('backup.damaged.text')}</Text>
        )}
      </Alert>
      <ErrorAlert message={error ? errorMessage(t, error) : null} />
      {!data && !error ? (
        <Stack align="center" gap={4}>
          <Loader size="sm" />
          <Text size="sm" c="dimmed">
            {t('backup.damaged.loading')}
          </Text>
        </Stack>
      ) : null}
      {best ? (
        <>
          <Text size="sm" fw={600}>
            {t('backup.damaged.newest', {
              date: instantText(best.manifest.createdAt),
              kind: kindText(t, best.manifest.kind),
            })}
          </Text>
          <Text size="sm">
            {t('backup.damaged.lost', { date: instantText(best.manifest.createdAt) })}
          </Text>
          <ManifestView manifest={best.manifest} />
          <Button
            color="orange"
            leftSection={<IconRestore size={16} aria-hidden />}
            onClick={() => setRestoring(true)}
          >
            {t('backup.damaged.restore')}
          </Button>
        </>
      ) : null}
      <Button variant="subtle" onClick={onBack}>
        {t('backup.damaged.back')}
      </Button>
      <Modal
        opened={restoring && !!best}
        onClose={() => setRestoring(false)}
        title={t('backup.restore.title')}
        size="xl"
        closeOnClickOutside={false}
      >
        {best ? (
          <RestoreFlow
            method="setup.restore"
            fixedName={best.name}
            initialSecret={{ method: 'password', username }}
            onCancel={() => setRestoring(false)}
            onRestored={() => {
              setRestoring(false)
              onRestored()
            }}
          />
        ) : null}
      </Modal>
    </Stack>
  )
}
