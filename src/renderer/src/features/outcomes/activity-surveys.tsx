import { useCallback, useState } from 'react'
import { Button, Group, Loader, Modal, NumberInput, Stack, Table, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { DateField } from '../../common/components/date-field'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage, serverFieldErrors, showError, zodValidate } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { toDutchDate } from '../../../../shared/dates'
import { surveyInviteInput, type SurveyInvite } from '../../../../shared/schemas/outcomes'
import { AnswerForm } from './answer-form'
import './texts'
import { ActionsTh } from '../../common/components/actions-th'

/**
 * The questionnaires of one activity, from its row in the register: how many forms were handed
 * out, and the paper forms entered against them until all are in.
 */
export function ActivitySurveysButton({
  activity,
  today,
}: {
  activity: { id: number; title: string; date: string }
  today: string
}): React.JSX.Element {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button
        size="compact-xs"
        variant="subtle"
        px={0}
        aria-label={t('outcomes.activity.buttonLabel', { title: activity.title })}
        onClick={() => setOpen(true)}
      >
        {t('outcomes.activity.button')}
      </Button>
      {open && <ActivitySurveys activity={activity} today={today} onClose={() => setOpen(false)} />}
    </>
  )
}

function ActivitySurveys({
  activity,
  today,
  onClose,
}: {
  activity: { id: number; title: string; date: string }
  today: string
  onClose: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const loader = useCallback(
    () => call('surveys.invites', { activityId: activity.id, limit: 50, offset: 0 }),
    [activity.id],
  )
  const { data, error, reload } = useLoad(loader)
  const [invitedOn, setInvitedOn] = useState<string | null>(activity.date)
  const [invited, setInvited] = useState<number | ''>('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)
  const [entering, setEntering] = useState<SurveyInvite | null>(null)

  const record = async (): Promise<void> => {
    const input = {
      occasion: 'activity',
      activityId: activity.id,
      invitedOn,
      invited: invited === '' ? undefined : invited,
    }
    // An empty number would fall back to 1 in the schema: it is asked for here.
    const local = {
      ...zodValidate(surveyInviteInput, t)(input),
      ...(invited === '' ? { invited: t('validation.required') } : {}),
    }
    if (Object.keys(local).length) {
      setErrors(local)
      return
    }
    setSaving(true)
    try {
      await call('surveys.invite', surveyInviteInput.parse(input))
      notifications.show({ color: 'teal', message: t('outcomes.activity.recorded') })
      setErrors({})
      setInvited('')
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
    <>
      <Modal
        opened={!entering}
        onClose={onClose}
        size="lg"
        title={t('outcomes.activity.title', { title: activity.title })}
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('outcomes.activity.intro')}
          </Text>
          <ErrorAlert message={error ? errorMessage(t, error) : null} />
          {!data && !error && <Loader size="sm" aria-label={t('common.loading')} />}
          {data && data.rows.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('outcomes.activity.none')}
            </Text>
          )}
          {data && data.rows.length > 0 && (
            <Table striped aria-label={t('outcomes.invites.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('outcomes.invites.columns.invitedOn')}</Table.Th>
                  <Table.Th>{t('outcomes.invites.columns.answered')}</Table.Th>
                  <ActionsTh />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{toDutchDate(r.invitedOn)}</Table.Td>
                    <Table.Td data-testid="invite-progress">
                      {t('outcomes.activity.progress', {
                        answered: r.answered,
                        invited: r.invited,
                      })}
                    </Table.Td>
                    <Table.Td ta="right">
                      <Button
                        size="xs"
                        variant="light"
                        disabled={r.answered >= r.invited}
                        onClick={() => setEntering(r)}
                      >
                        {t('outcomes.activity.enter')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Stack gap="xs">
            <Title order={4} size="h5">
              {t('outcomes.activity.handedOut')}
            </Title>
            <Group align="flex-start" gap="sm" wrap="wrap">
              <DateField
                label={t('outcomes.activity.invitedOn')}
                value={invitedOn}
                onChange={setInvitedOn}
                error={errors.invitedOn}
                withAsterisk
                w={170}
              />
              <NumberInput
                label={t('outcomes.activity.invited')}
                min={1}
                max={500}
                allowDecimal={false}
                value={invited}
                onChange={(v) => setInvited(typeof v === 'number' ? v : '')}
                error={errors.invited}
                withAsterisk
                w={170}
              />
              <Button mt={25} loading={saving} onClick={() => void record()}>
                {t('outcomes.activity.record')}
              </Button>
            </Group>
          </Stack>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('outcomes.activity.close')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {entering && (
        <AnswerForm
          invite={entering}
          mode="paper"
          today={today}
          onClose={() => setEntering(null)}
          onAnswered={() => {
            setEntering(null)
            reload()
          }}
        />
      )}
    </>
  )
}
