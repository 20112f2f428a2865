import { useCallback, useState } from 'react'
import {
  Anchor,
  Button,
  Card,
  Group,
  Loader,
  NumberInput,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { DateField } from '../../common/components/date-field'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage, serverFieldErrors, showError, zodValidate } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { useToday } from '../../common/hooks/use-shop-day'
import { toDutchDate } from '../../../../shared/dates'
import {
  surveyInviteInput,
  type SurveyInvite,
  type SurveyMode,
} from '../../../../shared/schemas/outcomes'
import { AnswerForm } from './answer-form'
import { QuestionsCard } from './questions-card'
import './texts'
import { ActionsTh } from '../../common/components/actions-th'

const PAGE = 50

function aboutText(t: TFunction, r: SurveyInvite): string {
  return r.personName ?? r.activityTitle ?? r.about ?? t(`outcomes.occasions.${r.occasion}`)
}

/**
 * The questionnaires handed out, with the forms still to enter first; the service questionnaire;
 * and the managed list of statements.
 */
export function SatisfactionPage(): React.JSX.Element {
  const { t } = useTranslation()
  const today = useToday()
  const [open, setOpen] = useState(true)
  const [limit, setLimit] = useState(PAGE)
  const loader = useCallback(
    () => call('surveys.invites', { open, limit, offset: 0 }),
    [open, limit],
  )
  const { data, error, reload } = useLoad(loader)
  const [answering, setAnswering] = useState<{ invite: SurveyInvite; mode: SurveyMode } | null>(
    null,
  )

  const remove = (r: SurveyInvite): void => {
    modals.openConfirmModal({
      title: t('outcomes.invites.removeTitle'),
      children: (
        <Text size="sm">
          {t('outcomes.invites.removeText', {
            date: toDutchDate(r.invitedOn),
            about: aboutText(t, r),
          })}
        </Text>
      ),
      labels: { confirm: t('outcomes.invites.remove'), cancel: t('outcomes.invites.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await call('surveys.removeInvite', { id: r.id })
          notifications.show({ color: 'teal', message: t('outcomes.invites.removed') })
          reload()
        } catch (err) {
          showError(t, err)
        }
      },
    })
  }

  return (
    <Stack gap="md" maw={1100}>
      <div>
        <Title order={2}>{t('outcomes.page.title')}</Title>
        <Text c="dimmed" maw={820}>
          {t('outcomes.page.intro')}
        </Text>
      </div>
      <Card withBorder padding="md" component="section" aria-labelledby="survey-invites-title">
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h4" id="survey-invites-title">
            {t('outcomes.invites.title')}
          </Title>
          <SegmentedControl
            aria-label={t('outcomes.invites.title')}
            data={[
              { value: 'open', label: t('outcomes.page.open') },
              { value: 'all', label: t('outcomes.page.all') },
            ]}
            value={open ? 'open' : 'all'}
            onChange={(v) => {
              setOpen(v === 'open')
              setLimit(PAGE)
            }}
          />
        </Group>
        <ErrorAlert message={error ? errorMessage(t, error) : null} />
        {!data && !error && <Loader size="sm" aria-label={t('common.loading')} />}
        {data && data.rows.length === 0 && (
          <Text size="sm" c="dimmed">
            {open ? t('outcomes.page.noneOpen') : t('outcomes.page.none')}
          </Text>
        )}
        {data && data.rows.length > 0 && (
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover aria-label={t('outcomes.invites.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('outcomes.invites.columns.invitedOn')}</Table.Th>
                  <Table.Th>{t('outcomes.invites.columns.occasion')}</Table.Th>
                  <Table.Th>{t('outcomes.invites.columns.about')}</Table.Th>
                  <Table.Th ta="right">{t('outcomes.invites.columns.invited')}</Table.Th>
                  <Table.Th ta="right">{t('outcomes.invites.columns.answered')}</Table.Th>
                  <ActionsTh />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{toDutchDate(r.invitedOn)}</Table.Td>
                    <Table.Td>{t(`outcomes.occasions.${r.occasion}`)}</Table.Td>
                    <Table.Td>
                      {r.personId !== null ? (
                        <Anchor
                          href={`#/volunteers/people/${r.personId}?tab=satisfaction`}
                          size="sm"
                        >
                          {aboutText(t, r)}
                        </Anchor>
                      ) : (
                        aboutText(t, r)
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{r.invited}</Table.Td>
                    <Table.Td ta="right">{r.answered}</Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        {r.answered < r.invited && (
                          <Button
                            size="xs"
                            variant="light"
                            onClick={() => setAnswering({ invite: r, mode: 'paper' })}
                          >
                            {t('outcomes.person.paper')}
                          </Button>
                        )}
                        {/* Once a form is in, main keeps the invitation (its answers count). */}
                        {r.answered === 0 && (
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            aria-label={`${t('outcomes.invites.remove')}: ${aboutText(t, r)}`}
                            onClick={() => remove(r)}
                          >
                            {t('outcomes.invites.remove')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {data && data.total > data.rows.length && (
          <Group gap="sm" mt="xs">
            <Text size="sm" c="dimmed">
              {t('outcomes.invites.shown', { shown: data.rows.length, total: data.total })}
            </Text>
            <Button
              size="xs"
              variant="subtle"
              onClick={() => setLimit((l) => Math.min(500, l + PAGE))}
            >
              {t('outcomes.invites.more')}
            </Button>
          </Group>
        )}
      </Card>
      <ServiceCard today={today} onRecorded={reload} />
      <QuestionsCard />
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

/** A questionnaire handed out after a service (the clothing shop, a consultation hour). */
function ServiceCard({
  today,
  onRecorded,
}: {
  today: string
  onRecorded: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [about, setAbout] = useState('')
  const [chosen, setInvitedOn] = useState<string | null | undefined>(undefined)
  // Until a day is chosen, main's today, which may arrive after the first render.
  const invitedOn = chosen === undefined ? today : chosen
  const [invited, setInvited] = useState<number | ''>('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)
  const record = async (): Promise<void> => {
    const input = {
      occasion: 'service',
      about,
      invitedOn,
      invited: invited === '' ? undefined : invited,
    }
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
      notifications.show({ color: 'teal', message: t('outcomes.page.recorded') })
      setErrors({})
      setAbout('')
      setInvited('')
      onRecorded()
    } catch (err) {
      const fields = serverFieldErrors(t, err)
      setErrors(fields)
      if (!Object.keys(fields).length) showError(t, err)
    } finally {
      setSaving(false)
    }
  }
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="survey-service-title">
      <Title order={3} size="h4" id="survey-service-title">
        {t('outcomes.page.service')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs" maw={760}>
        {t('outcomes.page.serviceIntro')}
      </Text>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput
          label={t('outcomes.page.about')}
          placeholder={t('outcomes.page.aboutPlaceholder')}
          value={about}
          onChange={(e) => setAbout(e.currentTarget.value)}
          error={errors.about}
          withAsterisk
          w={260}
        />
        <DateField
          label={t('outcomes.page.invitedOn')}
          value={invitedOn}
          onChange={setInvitedOn}
          error={errors.invitedOn}
          withAsterisk
          w={170}
        />
        <NumberInput
          label={t('outcomes.page.invited')}
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
          {t('outcomes.page.record')}
        </Button>
      </Group>
    </Card>
  )
}
