import { useCallback, useMemo, useState } from 'react'
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { DateField } from '../../common/components/date-field'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage, serverFieldErrors, showError } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { useToday } from '../../common/hooks/use-shop-day'
import { toDutchDate } from '../../../../shared/dates'
import type { HelpRequest, HelpVolunteerCandidate } from '../../../../shared/schemas/support'
import { AvailabilityGrid, PersonContacts } from '../volunteers'
import { decimal, ExcludedTable, RankedCard, type CandidateRow } from './candidates'
import { HelpRequestForm } from './help-request-form'
import { HELP_STATUS_COLOURS } from './labels'
import './texts'

function volunteerRow(c: HelpVolunteerCandidate): CandidateRow {
  return {
    key: `p${c.personId}`,
    id: c.personId,
    title: c.name,
    subtitle: [c.reference, c.place].filter(Boolean).join(' · '),
    href: `#/volunteers/people/${c.personId}`,
    candidate: c,
  }
}

/**
 * One help request: what is asked, and while it is open the volunteers ranked for it (with the
 * excluded and why); once matched, the volunteer and their contact log, where the match is followed.
 */
export function HelpRequestPage({ id }: { id: number }): React.JSX.Element {
  const { t } = useTranslation()
  const today = useToday()
  const loader = useCallback(() => call('helpRequests.get', { id }), [id])
  const { data: r, error, reload } = useLoad(loader)
  const [editing, setEditing] = useState(false)
  const [ending, setEnding] = useState(false)

  if (!r)
    return error ? (
      <ErrorAlert message={errorMessage(t, error)} />
    ) : (
      <Loader aria-label={t('common.loading')} />
    )
  const none = t('support.request.none')
  const rows: [string, string][] = [
    [
      t('support.request.fields.requester'),
      `${r.requesterLabel} (${t(`support.requesterKinds.${r.requesterKind}`)})`,
    ],
    ...(r.requesterContact
      ? [[t('support.request.fields.contact'), r.requesterContact] as [string, string]]
      : []),
    [t('support.request.fields.asked'), r.asked],
    [t('support.request.fields.place'), r.place ?? none],
    [
      t('support.request.fields.period'),
      r.endsOn
        ? t('support.request.periodShort', {
            from: toDutchDate(r.openedOn),
            to: toDutchDate(r.endsOn),
          })
        : t('support.request.periodOngoing', { from: toDutchDate(r.openedOn) }),
    ],
    [
      t('support.request.fields.demands'),
      r.demands.map((d) => t(`volunteers.labels.demand.${d}`)).join(', ') || none,
    ],
    [t('support.request.fields.courses'), r.courses.map((c) => c.title).join(', ') || none],
    ...(r.matchedOn
      ? [
          [
            t('support.request.fields.matched'),
            t('support.request.matchedWith', {
              name: r.volunteerName ?? none,
              date: toDutchDate(r.matchedOn),
            }),
          ] as [string, string],
        ]
      : []),
    ...(r.endedOn
      ? [[t('support.request.fields.ended'), toDutchDate(r.endedOn)] as [string, string]]
      : []),
    ...(r.endNote ? [[t('support.request.fields.endNote'), r.endNote] as [string, string]] : []),
  ]
  const title = t('support.request.title', { kind: r.kindName, requester: r.requesterLabel })

  return (
    <Stack gap="md">
      <Anchor href="#/volunteers/help" size="sm">
        ← {t('support.request.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Group gap="sm">
          <Title order={2}>{title}</Title>
          <Badge variant="light" size="lg" tt="none" color={HELP_STATUS_COLOURS[r.status]}>
            {t(`support.status.${r.status}`)}
          </Badge>
        </Group>
        <Group gap="sm">
          {r.status !== 'ended' && (
            <>
              <Button variant="default" onClick={() => setEditing(true)}>
                {t('support.request.edit')}
              </Button>
              <Button variant="default" color="red" onClick={() => setEnding(true)}>
                {t('support.request.end')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder>
          <Stack gap={6} component="dl" m={0}>
            {rows.map(([label, value]) => (
              <Group key={label} gap="xs" wrap="nowrap" align="flex-start">
                <Text component="dt" size="sm" fw={600} w={180} style={{ flexShrink: 0 }}>
                  {label}
                </Text>
                <Text component="dd" size="sm" m={0} style={{ whiteSpace: 'pre-wrap' }}>
                  {value}
                </Text>
              </Group>
            ))}
          </Stack>
        </Card>
        <Card withBorder>
          <AvailabilityGrid label={t('support.form.halfDays')} value={r.halfDays} />
        </Card>
      </SimpleGrid>

      {r.status === 'open' && <Candidates request={r} today={today} onMatched={reload} />}
      {r.volunteerId !== null && (
        <Card withBorder component="section" aria-labelledby="matched-volunteer">
          <Title order={3} size="h4" id="matched-volunteer">
            {t('support.request.volunteer')}:{' '}
            <Anchor href={`#/volunteers/people/${r.volunteerId}`} inherit>
              {r.volunteerName}
            </Anchor>
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('support.request.contactsIntro')}
          </Text>
          <PersonContacts personId={r.volunteerId} today={today} />
        </Card>
      )}

      {editing && (
        <HelpRequestForm
          request={r}
          today={today}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false)
            reload()
          }}
        />
      )}
      {ending && (
        <EndDialog
          request={r}
          today={today}
          onClose={() => setEnding(false)}
          onEnded={() => {
            setEnding(false)
            reload()
          }}
        />
      )}
    </Stack>
  )
}

/** The volunteers ranked for an open request, each with "Koppelen", and those left out. */
function Candidates({
  request,
  today,
  onMatched,
}: {
  request: HelpRequest
  today: string
  onMatched: () => void
}): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const loader = useMemo(
    () => () => call('helpRequests.candidates', { id: request.id }),
    // A changed request ranks again.
    [request],
  )
  const { data, error } = useLoad(loader)
  const [linking, setLinking] = useState<CandidateRow | null>(null)
  if (!data)
    return error ? (
      <ErrorAlert message={errorMessage(t, error)} />
    ) : (
      <Loader aria-label={t('common.loading')} />
    )
  const ranked = data.ranked.map(volunteerRow)
  const excluded = data.excluded.map(volunteerRow)
  return (
    <>
      <section aria-label={t('support.match.ranked')}>
        <Title order={3} size="h4" mb="xs">
          {t('support.match.ranked')} ({decimal(data.counts.ranked, i18n.language)})
        </Title>
        {ranked.length === 0 ? (
          <Text c="dimmed">{t('support.match.none')}</Text>
        ) : (
          <Stack gap="sm">
            {ranked.map((row, i) => (
              <RankedCard
                key={row.key}
                rank={i + 1}
                row={row}
                action={
                  <Button
                    onClick={() => setLinking(row)}
                    aria-label={`${t('support.match.link')}: ${row.title}`}
                  >
                    {t('support.match.link')}
                  </Button>
                }
              />
            ))}
          </Stack>
        )}
      </section>
      <ExcludedTable
        title={t('support.match.excluded')}
        help={t('support.match.excludedHelp')}
        none={t('support.match.noneExcluded')}
        rows={excluded}
        count={data.counts.excluded}
      />
      {linking && (
        <MatchDialog
          request={request}
          row={linking}
          today={today}
          onClose={() => setLinking(null)}
          onMatched={() => {
            setLinking(null)
            onMatched()
          }}
        />
      )}
    </>
  )
}

function MatchDialog({
  request,
  row,
  today,
  onClose,
  onMatched,
}: {
  request: HelpRequest
  row: CandidateRow
  today: string
  onClose: () => void
  onMatched: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [date, setDate] = useState<string | null>(today)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const save = async (): Promise<void> => {
    setBusy(true)
    setProblem(null)
    try {
      await call('helpRequests.match', {
        id: request.id,
        personId: row.id,
        date: date ?? '',
      })
      notifications.show({ color: 'teal', message: t('support.match.linked', { name: row.title }) })
      onMatched()
    } catch (err) {
      const fields = serverFieldErrors(t, err)
      setErrors(fields)
      // A refusal not about the date (the request no longer open, the volunteer left) says why.
      if (!fields.date) setProblem(Object.values(fields)[0] ?? errorMessage(t, err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal opened onClose={onClose} title={t('support.match.linkTitle', { name: row.title })}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('support.match.linkText', { name: row.title })}</Text>
          <DateField
            label={t('support.match.linkDate')}
            value={date}
            onChange={(v) => {
              setDate(v)
              setErrors({})
            }}
            error={errors.date}
            withAsterisk
          />
          {problem && (
            <Alert color="red" variant="light">
              {problem}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('support.form.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('support.match.link')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

function EndDialog({
  request,
  today,
  onClose,
  onEnded,
}: {
  request: HelpRequest
  today: string
  onClose: () => void
  onEnded: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [date, setDate] = useState<string | null>(today)
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const save = async (): Promise<void> => {
    setBusy(true)
    try {
      await call('helpRequests.end', { id: request.id, date: date ?? '', note })
      notifications.show({ color: 'teal', message: t('support.request.ended') })
      onEnded()
    } catch (err) {
      const fields = serverFieldErrors(t, err)
      setErrors(fields)
      if (!Object.keys(fields).length) showError(t, err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal opened onClose={onClose} title={t('support.request.endTitle')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <Stack gap="sm">
          <DateField
            label={t('support.request.endDate')}
            value={date}
            onChange={setDate}
            error={errors.date ?? errors.id}
            withAsterisk
          />
          <Textarea
            label={t('support.request.endNote')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note}
            autosize
            minRows={2}
            maxLength={1000}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('support.form.cancel')}
            </Button>
            <Button type="submit" color="red" loading={busy}>
              {t('support.request.end')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
