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
import { surveyQuestionSaveInput } from '../../../../shared/schemas/outcomes'
import './texts'
import { ActionsTh } from '../../common/components/actions-th'

interface QuestionDraft {
  id: number | null
  text: string
  active: boolean
}

/**
 * The statements of the questionnaire, a managed list: one no longer asked is set inactive (its
 * answers keep counting), never removed.
 */
export function QuestionsCard(): React.JSX.Element {
  const { t } = useTranslation()
  const loader = useCallback(() => call('surveys.questions', {}), [])
  const { data: questions, error, reload } = useLoad(loader)
  const [draft, setDraft] = useState<QuestionDraft | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)
  const open = (d: QuestionDraft): void => {
    setErrors({})
    setDraft(d)
  }
  const save = async (): Promise<void> => {
    if (!draft) return
    const local = zodValidate(surveyQuestionSaveInput, t)(draft)
    if (Object.keys(local).length) {
      setErrors(local)
      return
    }
    setSaving(true)
    try {
      await call('surveys.saveQuestion', surveyQuestionSaveInput.parse(draft))
      notifications.show({ color: 'teal', message: t('outcomes.questions.saved') })
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
    <Card withBorder padding="md" component="section" aria-labelledby="survey-questions-title">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={3} size="h4" id="survey-questions-title">
            {t('outcomes.questions.title')}
          </Title>
          <Text size="sm" c="dimmed" maw={760}>
            {t('outcomes.questions.intro')}
          </Text>
        </div>
        <Button
          variant="light"
          style={{ flexShrink: 0 }}
          onClick={() => open({ id: null, text: '', active: true })}
        >
          {t('outcomes.questions.new')}
        </Button>
      </Group>
      <ErrorAlert message={error ? errorMessage(t, error) : null} />
      {questions && questions.length === 0 && (
        <Text size="sm" c="dimmed" mt="sm">
          {t('outcomes.questions.none')}
        </Text>
      )}
      {questions && questions.length > 0 && (
        <Table striped mt="sm" aria-label={t('outcomes.questions.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('outcomes.questions.text')}</Table.Th>
              <Table.Th>{t('outcomes.questions.active')}</Table.Th>
              <ActionsTh />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {questions.map((q) => (
              <Table.Tr key={q.id}>
                <Table.Td c={q.active ? undefined : 'dimmed'}>{q.text}</Table.Td>
                <Table.Td>
                  {q.active ? t('outcomes.questions.yes') : t('outcomes.questions.no')}
                </Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="xs"
                    variant="subtle"
                    aria-label={`${t('outcomes.questions.edit')}: ${q.text}`}
                    onClick={() => open({ id: q.id, text: q.text, active: q.active })}
                  >
                    {t('outcomes.questions.edit')}
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
          size="lg"
          title={
            draft.id === null ? t('outcomes.questions.new') : t('outcomes.questions.editTitle')
          }
        >
          <Stack gap="sm">
            <TextInput
              label={t('outcomes.questions.text')}
              value={draft.text}
              onChange={(e) => setDraft({ ...draft, text: e.currentTarget.value })}
              error={errors.text}
              withAsterisk
              data-autofocus
            />
            <Checkbox
              label={t('outcomes.questions.activeLabel')}
              checked={draft.active}
              onChange={(e) => setDraft({ ...draft, active: e.currentTarget.checked })}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDraft(null)}>
                {t('outcomes.questions.cancel')}
              </Button>
              <Button loading={saving} onClick={() => void save()}>
                {t('outcomes.questions.save')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Card>
  )
}
