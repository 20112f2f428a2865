import { useCallback, useEffect, useState } from 'react'
import {
  Button,
  Container,
  Group,
  Loader,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { DateField } from '../../common/components/date-field'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage, serverFieldErrors, zodValidate } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { AppError } from '../../../../shared/errors'
import {
  surveyAnswerInput,
  type SurveyInvite,
  type SurveyMode,
  type SurveyQuestion,
} from '../../../../shared/schemas/outcomes'
import './texts'

const MARKS = Array.from({ length: 10 }, (_, i) => String(i + 1))
const SCORES = ['1', '2', '3', '4', '5'] as const

/**
 * Main's refusal of an answer, in Dutch: an invitation whose forms are all in is refused with
 * CONFLICT; without a text of its own for main's key, the screen says what it means.
 */
export function answerErrorMessage(t: TFunction, err: unknown): string {
  if (
    err instanceof AppError &&
    err.code === 'CONFLICT' &&
    !t(`errors.${err.key}`, { defaultValue: '' })
  )
    return t('outcomes.survey.complete')
  return errorMessage(t, err)
}

/**
 * One filled-in questionnaire for an invitation: on the screen, filled in by the person
 * themselves (a calm full-screen view; after sending only a thank-you, never the answers), or
 * copied from a paper form by staff, with the date on the form.
 */
export function AnswerForm({
  invite,
  mode,
  today,
  onClose,
  onAnswered,
}: {
  invite: SurveyInvite
  mode: SurveyMode
  today: string
  onClose: () => void
  onAnswered: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const loader = useCallback(() => call('surveys.questions', {}), [])
  const { data: questions, error: loadError } = useLoad(loader)
  const [mark, setMark] = useState<number | null>(null)
  const [scores, setScores] = useState<Record<number, number>>({})
  const [answeredOn, setAnsweredOn] = useState<string | null>(today)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const [sent, setSent] = useState(false)
  const active = (questions ?? []).filter((q) => q.active)
  const screen = mode === 'screen'
  // The person gets a screen without the staff's messages on it.
  useEffect(() => {
    if (screen) notifications.clean()
  }, [screen])

  const send = async (): Promise<void> => {
    const input = {
      inviteId: invite.id,
      mode,
      answeredOn: screen ? today : answeredOn,
      mark: mark ?? undefined,
      answers: Object.entries(scores).map(([questionId, score]) => ({
        questionId: Number(questionId),
        score,
      })),
    }
    const local = zodValidate(surveyAnswerInput, t)(input)
    setProblem(null)
    if (Object.keys(local).length) {
      setErrors(local)
      return
    }
    setSending(true)
    try {
      await call('surveys.answer', surveyAnswerInput.parse(input))
      setErrors({})
      // What was answered is gone from the screen at once: staff never see it back.
      setMark(null)
      setScores({})
      if (screen) setSent(true)
      else {
        notifications.show({ color: 'teal', message: t('outcomes.survey.paperSaved') })
        onAnswered()
      }
    } catch (err) {
      const fields = serverFieldErrors(t, err)
      // A statement's refusal (`answers.2.questionId`) shows under the statements.
      for (const [path, message] of Object.entries(fields))
        if (path.startsWith('answers.') && !fields.answers) fields.answers = message
      setErrors(fields)
      if (!Object.keys(fields).length) setProblem(answerErrorMessage(t, err))
    } finally {
      setSending(false)
    }
  }

  const stop = (): void => {
    if (mark === null && Object.keys(scores).length === 0) return onClose()
    modals.openConfirmModal({
      title: t('outcomes.survey.stopTitle'),
      children: <Text size="sm">{t('outcomes.survey.stopText')}</Text>,
      labels: { confirm: t('outcomes.survey.stopConfirm'), cancel: t('outcomes.survey.stopKeep') },
      confirmProps: { color: 'red' },
      onConfirm: onClose,
    })
  }

  const size = screen ? 'lg' : 'sm'
  const body = sent ? (
    <Stack gap="lg" align="center" py={80} data-testid="survey-thanks">
      <Title order={2} size="h1" c="teal.8">
        {t('outcomes.survey.thanksTitle')}
      </Title>
      <Text size="xl" ta="center" maw={620}>
        {t('outcomes.survey.thanksText')}
      </Text>
      <Button size="lg" onClick={onAnswered}>
        {t('outcomes.survey.done')}
      </Button>
    </Stack>
  ) : (
    <Stack gap={screen ? 'xl' : 'md'}>
      {screen ? (
        <div>
          <Title order={2} size="h1" c="teal.8">
            {t('outcomes.survey.heading')}
          </Title>
          <Text size="lg" mt="sm" maw={760}>
            {t('outcomes.survey.intro')}
          </Text>
        </div>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('outcomes.survey.paperIntro')}
          </Text>
          <DateField
            label={t('outcomes.survey.answeredOn')}
            value={answeredOn}
            onChange={(v) => {
              setAnsweredOn(v)
              setErrors(({ answeredOn: _, ...rest }) => rest)
            }}
            error={errors.answeredOn}
            withAsterisk
            w={200}
          />
        </>
      )}
      <ErrorAlert message={loadError ? errorMessage(t, loadError) : null} />
      <Choice
        label={t('outcomes.survey.mark')}
        help={t('outcomes.survey.markHelp')}
        options={MARKS.map((m) => ({ value: m, label: m }))}
        value={mark}
        onChange={(v) => {
          setMark(v)
          setErrors(({ mark: _, ...rest }) => rest)
        }}
        error={errors.mark}
        size={size}
        required
      />
      {!questions && !loadError && <Loader aria-label={t('common.loading')} />}
      {questions && active.length === 0 && (
        <Text c="dimmed">{t('outcomes.survey.noStatements')}</Text>
      )}
      {active.length > 0 && (
        <Stack gap={screen ? 'lg' : 'sm'}>
          <Title order={3} size={screen ? 'h3' : 'h5'}>
            {t('outcomes.survey.statements')}
          </Title>
          {active.map((q: SurveyQuestion) => (
            <Choice
              key={q.id}
              label={q.text}
              options={SCORES.map((s) => ({ value: s, label: t(`outcomes.scale.${s}`) }))}
              value={scores[q.id] ?? null}
              onChange={(v) =>
                setScores((s) => {
                  const next = { ...s }
                  if (v === null) delete next[q.id]
                  else next[q.id] = v
                  return next
                })
              }
              size={size}
              clearable
            />
          ))}
          {errors.answers && (
            <Text size="sm" c="red">
              {errors.answers}
            </Text>
          )}
        </Stack>
      )}
      <ErrorAlert message={problem} />
      <Group justify="flex-end">
        <Button variant="default" size={screen ? 'lg' : 'sm'} onClick={stop} disabled={sending}>
          {screen ? t('outcomes.survey.stop') : t('common.cancel')}
        </Button>
        <Button size={screen ? 'lg' : 'sm'} loading={sending} onClick={() => void send()}>
          {screen ? t('outcomes.survey.send') : t('outcomes.survey.paperSave')}
        </Button>
      </Group>
    </Stack>
  )

  if (screen)
    return (
      <Modal
        opened
        onClose={stop}
        fullScreen
        withCloseButton={false}
        closeOnEscape={false}
        title={t('outcomes.survey.title')}
        aria-label={t('outcomes.survey.title')}
      >
        <Container size="md" py="md">
          {body}
        </Container>
      </Modal>
    )
  return (
    <Modal opened onClose={stop} size="xl" title={t('outcomes.survey.paperTitle')}>
      {body}
    </Modal>
  )
}

/** A question with its answers as one row of large choices; a statement may be left open. */
function Choice({
  label,
  help,
  options,
  value,
  onChange,
  error,
  size,
  required,
  clearable,
}: {
  label: string
  help?: string
  options: { value: string; label: string }[]
  value: number | null
  onChange: (v: number | null) => void
  error?: string
  size: 'lg' | 'sm'
  required?: boolean
  clearable?: boolean
}): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Stack gap={6} role="group" aria-label={label}>
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <div>
          <Text size={size === 'lg' ? 'lg' : 'sm'} fw={600}>
            {label}
            {required && (
              <Text span c="red" aria-hidden>
                {' *'}
              </Text>
            )}
          </Text>
          {help && (
            <Text size="sm" c="dimmed">
              {help}
            </Text>
          )}
        </div>
        {clearable && value !== null && (
          <Button variant="subtle" size="compact-sm" onClick={() => onChange(null)}>
            {t('outcomes.survey.clear')}
          </Button>
        )}
      </Group>
      <SegmentedControl
        aria-label={label}
        data={options}
        value={value === null ? '' : String(value)}
        onChange={(v) => onChange(Number(v))}
        fullWidth
        size={size === 'lg' ? 'lg' : 'sm'}
        color="teal"
      />
      {error && (
        <Text size="sm" c="red">
          {error}
        </Text>
      )}
    </Stack>
  )
}
