import { useState } from 'react'
import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { IconDownload, IconKey, IconPrinter } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { downloadFile } from '../../common/download'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage } from '../../common/forms'
import type { RecoveryKeyResult } from '../../../../shared/schemas/backup'
import { useSessionApi } from '../../common/hooks/use-session'

interface Props {
  opened: boolean
  /** A key already made (after "Nieuwe herstelsleutel maken"); null: the modal offers to make one. */
  result: RecoveryKeyResult | null
  /** Closed after the admin confirmed that the sheet is printed and put away. */
  onDone: () => void
  /** Only before a key is made: ask again at the next login. */
  onLater?: () => void
  /**
   * A key exists but its sheet was never confirmed: ask for that confirmation, or offer a new
   * key when the sheet is not there.
   */
  unconfirmed?: boolean
}

/**
 * Shows a recovery key once, with its printable sheet. It cannot be closed until the admin ticks
 * that the sheet is printed and put away: nobody can show this key again.
 */
export function RecoveryKeyModal({
  opened,
  result,
  onDone,
  onLater,
  unconfirmed = false,
}: Props): React.JSX.Element {
  const { t } = useTranslation()
  const [made, setMade] = useState<RecoveryKeyResult | null>(result)
  const [stored, setStored] = useState(false)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [prevResult, setPrevResult] = useState(result)
  if (prevResult !== result) {
    setPrevResult(result)
    setMade(result)
    setStored(false)
  }

  const make = async (): Promise<void> => {
    setBusy(true)
    setProblem(null)
    try {
      setMade(await call('recovery.regenerate', {}))
    } catch (err) {
      setProblem(errorMessage(t, err))
    } finally {
      setBusy(false)
    }
  }

  // The key counts as done only once main has stored that its sheet is put away: closing the
  // window before this leaves the reminder standing.
  const confirm = async (): Promise<boolean> => {
    setBusy(true)
    setProblem(null)
    try {
      await call('recovery.confirm', {})
      return true
    } catch (err) {
      setProblem(errorMessage(t, err))
      return false
    } finally {
      setBusy(false)
    }
  }

  const finish = async (): Promise<void> => {
    if (!(await confirm())) return
    setMade(null)
    setStored(false)
    onDone()
  }

  // Before a key exists there is nothing to lose by closing; afterwards only "Klaar" closes it.
  const closable = !made && !!onLater
  return (
    <Modal
      opened={opened}
      onClose={() => (closable ? onLater?.() : undefined)}
      closeOnClickOutside={closable}
      closeOnEscape={closable}
      withCloseButton={closable}
      size="lg"
      title={
        <Group gap="xs">
          <IconKey size={20} aria-hidden />
          <Text fw={700}>
            {made
              ? t('backup.recovery.modalTitle')
              : unconfirmed
                ? t('backup.recovery.unconfirmedTitle')
                : t('backup.recovery.promptTitle')}
          </Text>
        </Group>
      }
    >
      {made ? (
        <Stack gap="md">
          <Text size="sm">{t('backup.recovery.what')}</Text>
          <Paper withBorder p="md" radius="md" bg="gray.0">
            <Text size="xs" c="dimmed" ta="center" mb={4}>
              {t('backup.recovery.keyLabel')}
            </Text>
            <Text
              ff="monospace"
              fw={700}
              fz={{ base: 18, sm: 24 }}
              ta="center"
              data-testid="recovery-key"
              style={{ letterSpacing: '0.05em', overflowWrap: 'anywhere' }}
            >
              {made.recoveryKey}
            </Text>
          </Paper>
          <Group justify="center">
            <Button
              leftSection={<IconDownload size={16} aria-hidden />}
              onClick={() => downloadFile(made.pdf)}
            >
              {t('backup.recovery.download')}
            </Button>
          </Group>
          <div>
            <Title order={3} size="h5" mb={4}>
              {t('backup.recovery.keepTitle')}
            </Title>
            <List size="sm" spacing={4}>
              <List.Item>{t('backup.recovery.keepPrint')}</List.Item>
              <List.Item>{t('backup.recovery.keepNever')}</List.Item>
              <List.Item>{t('backup.recovery.keepOnce')}</List.Item>
            </List>
          </div>
          <Checkbox
            label={t('backup.recovery.confirm')}
            checked={stored}
            onChange={(e) => setStored(e.currentTarget.checked)}
          />
          <ErrorAlert message={problem} />
          <Group justify="flex-end">
            <Button disabled={!stored} loading={busy} onClick={() => void finish()}>
              {t('backup.recovery.done')}
            </Button>
          </Group>
        </Stack>
      ) : unconfirmed ? (
        <Stack gap="md">
          <Text size="sm">{t('backup.recovery.unconfirmedText')}</Text>
          <ErrorAlert message={problem} />
          <Group justify="flex-end" gap="sm">
            {onLater ? (
              <Button variant="default" onClick={onLater}>
                {t('backup.recovery.later')}
              </Button>
            ) : null}
            <Button variant="light" loading={busy} onClick={() => void make()}>
              {t('backup.recovery.regenerate')}
            </Button>
            <Button
              loading={busy}
              onClick={() => {
                void confirm().then((ok) => (ok ? onDone() : undefined))
              }}
            >
              {t('backup.recovery.confirmStored')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="md">
          <Text size="sm">{t('backup.recovery.promptText')}</Text>
          <Alert color="teal" variant="light" icon={<IconPrinter size={18} aria-hidden />}>
            {t('backup.recovery.promptPrinter')}
          </Alert>
          <ErrorAlert message={problem} />
          <Group justify="flex-end" gap="sm">
            {onLater ? (
              <Button variant="default" onClick={onLater}>
                {t('backup.recovery.later')}
              </Button>
            ) : null}
            <Button loading={busy} onClick={() => void make()}>
              {t('backup.recovery.make')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}

/** Asks main who is logged in again, so `recoveryKeyMissing` follows the key just made. */
export function useRefreshSession(): () => void {
  const { update } = useSessionApi()
  return () => {
    call('auth.session', { activity: false }).then(
      (s) => {
        if (s) update(s)
      },
      () => undefined,
    )
  }
}

/**
 * For an admin without a recovery key (right after setup, or the first login on an upgraded
 * database): offers to make one. For an admin whose key's sheet was never confirmed (the window
 * closed before "Klaar"): asks for that confirmation, or offers a new key, at every login. The
 * key is only made when the admin asks, so it is never made without being seen. Once open it
 * stays open until "Klaar", even when the session (polled meanwhile) already says the key exists.
 */
export function RecoveryKeyPrompt(): React.JSX.Element | null {
  const { session } = useSessionApi()
  const refresh = useRefreshSession()
  const admin = session.user.role === 'admin'
  const unconfirmed = admin && !!session.recoveryKeyUnconfirmed
  const ask = admin && (session.recoveryKeyMissing || unconfirmed)
  const [open, setOpen] = useState(false)
  // Which question was asked when it opened: it stays the same while the modal is open.
  const [asked, setAsked] = useState<'missing' | 'unconfirmed'>('missing')
  // Made or put off: not asked again while this screen stays (the next login asks again).
  const [handled, setHandled] = useState(false)
  // Adjusted while rendering (not in an effect), so the modal is there on the first paint.
  if (ask && !handled && !open) {
    setOpen(true)
    setAsked(unconfirmed ? 'unconfirmed' : 'missing')
  }
  if (!open) return null
  return (
    <RecoveryKeyModal
      opened
      result={null}
      unconfirmed={asked === 'unconfirmed'}
      onDone={() => {
        setHandled(true)
        setOpen(false)
        refresh()
      }}
      onLater={() => {
        setHandled(true)
        setOpen(false)
      }}
    />
  )
}
