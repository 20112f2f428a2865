import { useCallback, useState } from 'react'
import {
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage, serverFieldErrors, showError, zodValidate } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { helpKindSaveInput } from '../../../../shared/schemas/support'
import './texts'
import { ActionsTh } from '../../common/components/actions-th'

interface KindDraft {
  id: number | null
  name: string
  active: boolean
}

/**
 * The managed list of kinds of help: a kind no longer offered is set inactive (requests keep
 * it; new ones cannot choose it), never removed.
 */
export function HelpKindsCard(): React.JSX.Element {
  const { t } = useTranslation()
  const loader = useCallback(() => call('helpRequests.kinds', {}), [])
  const { data: kinds, error, reload } = useLoad(loader)
  const [draft, setDraft] = useState<KindDraft | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)
  const open = (d: KindDraft): void => {
    setErrors({})
    setDraft(d)
  }
  const save = async (): Promise<void> => {
    if (!draft) return
    const local = zodValidate(helpKindSaveInput, t)(draft)
    if (Object.keys(local).length) {
      setErrors(local)
      return
    }
    setSaving(true)
    try {
      await call('helpRequests.saveKind', helpKindSaveInput.parse(draft))
      notifications.show({ color: 'teal', message: t('support.kinds.saved') })
      setDraft(null)
      reload()
    } catch (err) {
      const fields = serverFieldErrors(t, err)
      setErrors(fields)
      if (!Object.keys(fields).length) showError(t, err)
    } finally {
      setSaving(false)
    }
  }
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="help-kinds-title">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3} size="h4" id="help-kinds-title">
            {t('support.kinds.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('support.kinds.intro')}
          </Text>
        </div>
        <Button variant="light" onClick={() => open({ id: null, name: '', active: true })}>
          {t('support.kinds.new')}
        </Button>
      </Group>
      <ErrorAlert message={error ? errorMessage(t, error) : null} />
      {kinds && (
        <Table striped mt="sm" aria-label={t('support.kinds.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('support.kinds.name')}</Table.Th>
              <Table.Th>{t('support.kinds.active')}</Table.Th>
              <ActionsTh />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {kinds.map((k) => (
              <Table.Tr key={k.id}>
                <Table.Td>{k.name}</Table.Td>
                <Table.Td>{k.active ? t('support.kinds.yes') : t('support.kinds.no')}</Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="xs"
                    variant="subtle"
                    aria-label={`${t('support.kinds.edit')}: ${k.name}`}
                    onClick={() => open({ id: k.id, name: k.name, active: k.active })}
                  >
                    {t('support.kinds.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {draft && (
        <Modal
          opened
          onClose={() => setDraft(null)}
          title={draft.id === null ? t('support.kinds.new') : t('support.kinds.editTitle')}
        >
          <Stack gap="sm">
            <TextInput
              label={t('support.kinds.name')}
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
              error={errors.name}
              withAsterisk
              data-autofocus
            />
            <Checkbox
              label={t('support.kinds.activeLabel')}
              checked={draft.active}
              onChange={(e) => setDraft({ ...draft, active: e.currentTarget.checked })}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDraft(null)}>
                {t('support.form.cancel')}
              </Button>
              <Button loading={saving} onClick={() => void save()}>
                {t('support.kinds.save')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Card>
  )
}
