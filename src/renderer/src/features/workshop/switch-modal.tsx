import { useState } from 'react'
import { Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage } from '../../common/forms'

interface Props {
  opened: boolean
  /** Open the oefenomgeving, or go back to the real data. */
  mode: 'open' | 'leave'
  onClose: () => void
  /** Main switched: the screens start over from main's answer. */
  onSwitched: () => void
  /** The username to fill in (the admin just made in the first-run wizard). */
  username?: string
}

/**
 * The real login that every switch asks: an admin or coordinator of the real data. Main checks
 * it (a demo login never passes) and answers with the new state.
 */
export function SwitchModal({
  opened,
  mode,
  onClose,
  onSwitched,
  username = '',
}: Props): React.JSX.Element {
  const { t } = useTranslation()
  const [name, setName] = useState(username)
  const [password, setPassword] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault()
    setBusy(true)
    setProblem(null)
    try {
      const input = { username: name, password }
      if (mode === 'open') await call('workshop.open', input)
      else await call('workshop.leave', input)
      setPassword('')
      onSwitched()
    } catch (err) {
      setProblem(errorMessage(t, err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={
        <Text fw={700}>
          {t(mode === 'open' ? 'workshop.switch.openTitle' : 'workshop.switch.leaveTitle')}
        </Text>
      }
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            {t(mode === 'open' ? 'workshop.switch.openText' : 'workshop.switch.leaveText')}
          </Text>
          <TextInput
            label={t('auth.fields.username')}
            autoComplete="username"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            data-autofocus={username ? undefined : true}
          />
          <PasswordInput
            label={t('auth.fields.password')}
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            data-autofocus={username ? true : undefined}
          />
          <ErrorAlert message={problem} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('workshop.switch.cancel')}
            </Button>
            <Button type="submit" loading={busy} color={mode === 'open' ? 'orange' : 'teal'}>
              {t(mode === 'open' ? 'workshop.switch.submitOpen' : 'workshop.switch.submitLeave')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
