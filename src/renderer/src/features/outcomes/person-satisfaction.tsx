import { useCallback, useState } from 'react'
import { Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage, showError } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { toDutchDate } from '../../../../shared/dates'
import type { SurveyInvite, SurveyMode } from '../../../../shared/schemas/outcomes'
import { AnswerForm } from './answer-form'
import './texts'
import { ActionsTh } from '../../common/components/actions-th'

/**
 * A person's satisfaction questionnaire, on their page: offered at the end of the trajectory and
 * filled in by the person on screen, or entered from paper. Only whether it was filled in shows.
 */
export function PersonSatisfaction({
  personId,
  today,
}: {
  personId: number
  today: string
}): React.JSX.Element {
  const { t } = useTranslation()
  const loader = useCallback(
    () => call('surveys.invites', { personId, limit: 50, offset: 0 }),
    [personId],
  )
  const { data, error, reload } = useLoad(loader)
  const [offering, setOffering] = useState(false)
  const [answering, setAnswering] = useState<{ invite: SurveyInvite; mode: SurveyMode } | null>(
    null,
  )
  const offer = async (): Promise<void> => {
    setOffering(true)
    try {
      await call('surveys.invite', {
        occasion: 'trajectory',
        personId,
        invitedOn: today,
        invited: 1,
      })
      notifications.show({ color: 'teal', message: t('outcomes.person.offered') })
      reload()
    } catch (err) {
      showError(t, err)
    } finally {
      setOffering(false)
    }
  }
  const rows = data?.rows ?? []
  const hasOpen = rows.some((r) => r.answered < r.invited)
  return (
    <Stack gap="md" maw={900}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3} size="h4">
            {t('outcomes.person.title')}
          </Title>
          <Text size="sm" c="dimmed" maw={680}>
            {t('outcomes.person.intro')}
          </Text>
        </div>
        {!hasOpen && data && (
          <Button loading={offering} onClick={() => void offer()}>
            {t('outcomes.person.offer')}
          </Button>
        )}
      </Group>
      <ErrorAlert message={error ? errorMessage(t, error) : null} />
      {!data && !error && <Loader aria-label={t('common.loading')} />}
      {data && rows.length === 0 && <Text c="dimmed">{t('outcomes.person.none')}</Text>}
      {rows.length > 0 && (
        <Table striped aria-label={t('outcomes.invites.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('outcomes.invites.columns.invitedOn')}</Table.Th>
              <Table.Th>{t('outcomes.person.status')}</Table.Th>
              <ActionsTh />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => {
              const open = r.answered < r.invited
              return (
                <Table.Tr key={r.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{toDutchDate(r.invitedOn)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={open ? 'blue' : 'teal'} tt="none">
                      {open ? t('outcomes.person.waiting') : t('outcomes.person.answered')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {open && (
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button
                          size="xs"
                          onClick={() => setAnswering({ invite: r, mode: 'screen' })}
                        >
                          {t('outcomes.person.onScreen')}
                        </Button>
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => setAnswering({ invite: r, mode: 'paper' })}
                        >
                          {t('outcomes.person.paper')}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      )}
      {answering && (
        <AnswerForm
          invite={answering.invite}
          mode={answering.mode}
          today={today}
          onClose={() => setAnswering(null)}
          onAnswered={() => {
            setAnswering(null)
            reload()
          }}
        />
      )}
    </Stack>
  )
}
