import { useEffect, useState } from 'react'
import {
  Badge,
  Button,
  Card,
  Chip,
  CloseButton,
  Group,
  Loader,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { useForm, type UseFormReturnType } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { call } from '../../../api'
import { serverFieldErrors, zodValidate } from '../../../common/forms'
import { ErrorAlert } from '../../../common/components/error-alert'
import { toDutchDate } from '../../../../../shared/dates'
import {
  VISIT_REFERRAL_NOTE_MAX,
  visitRecordConversationInput,
  type ConversationHistoryEntry,
  type Visit,
} from '../../../../../shared/schemas/shop'
import type { NamedRef } from '../../../../../shared/schemas/common'
import type { HouseholdDetail } from '../../../../../shared/schemas/household'
import type { ListItem } from '../../../../../shared/schemas/lists'
import type { Partner } from '../../../../../shared/schemas/partners'
import { shopErrorMessage } from '../shop-errors'

/** The conversation as a form holds it: ids as strings, as Mantine's inputs use. */
export interface ConversationValues {
  topics: string[]
  referrals: { destinationId: string | null; note: string }[]
}

export function emptyConversation(): ConversationValues {
  return { topics: [], referrals: [] }
}

/** A visit's conversation as it stands, ready for the form (to change it). */
export function conversationValues(visit: Visit): ConversationValues {
  return {
    topics: (visit.topics ?? []).map((t) => String(t.id)),
    referrals: (visit.referrals ?? []).map((r) => ({
      destinationId: String(r.destination.id),
      note: r.note ?? '',
    })),
  }
}

/**
 * The conversation as main takes it. A referral row left wholly empty is dropped; one with a
 * note but no destination is sent as it is, so the destination gets its "required" message.
 */
export function conversationInput(v: ConversationValues): {
  topics: number[]
  referrals: { destinationId: number | undefined; note: string }[]
} {
  return {
    topics: v.topics.map(Number),
    referrals: v.referrals
      .filter((r) => r.destinationId || r.note.trim())
      .map((r) => ({
        destinationId: r.destinationId ? Number(r.destinationId) : undefined,
        note: r.note,
      })),
  }
}

/**
 * Where main's (or the schema's) path of a conversation error shows on the form: a topic's
 * error at the topics, a referral's at its own row. Rows the input left out (empty ones) shift
 * the indexes, so they are mapped back to the rows on screen.
 */
export function conversationErrorPath(path: string, values: ConversationValues): string {
  if (/^topics(\.|$)/.test(path)) return 'topics'
  const m = /^referrals\.(\d+)(\..*)?$/.exec(path)
  if (!m) return path
  const kept = values.referrals
    .map((r, i) => (r.destinationId || r.note.trim() ? i : -1))
    .filter((i) => i >= 0)
  const row = kept[Number(m[1])] ?? Number(m[1])
  return `referrals.${row}${m[2] ?? '.destinationId'}`
}

/** The shop's active topics and the sociale kaart's active partners; null while loading. */
export function useConversationChoices(enabled: boolean): {
  topics: ListItem[]
  partners: Partner[]
} | null {
  const [choices, setChoices] = useState<{ topics: ListItem[]; partners: Partner[] } | null>(null)
  useEffect(() => {
    if (!enabled) return
    let live = true
    Promise.all([call('lists.list', { kind: 'topic' }), call('partners.list', {})])
      .then(([topics, partners]) => {
        if (live) setChoices({ topics, partners })
      })
      .catch(() => {
        // Without the lists the form offers no choices; the visit itself can still be saved.
        if (live) setChoices({ topics: [], partners: [] })
      })
    return () => {
      live = false
    }
  }, [enabled])
  return choices
}

/**
 * Topics as chips and referrals as rows (destination and a short note). `current` holds what the
 * visit names already, so a topic or partner made inactive since still shows by its name.
 */
export function ConversationFields<V extends ConversationValues>({
  form: anyForm,
  choices,
  current,
}: {
  form: UseFormReturnType<V>
  choices: { topics: ListItem[]; partners: Partner[] } | null
  current?: Visit
}): React.JSX.Element {
  const { t } = useTranslation()
  const form = anyForm as unknown as UseFormReturnType<ConversationValues>
  if (!choices) return <Loader size="sm" aria-label={t('common.loading')} />
  const topics = withCurrent(choices.topics, current?.topics ?? [])
  const partners = withCurrent(
    choices.partners,
    (current?.referrals ?? []).map((r) => r.destination),
  )
  const details = new Map(choices.partners.map((p) => [String(p.id), p]))
  // What a volunteer tells the family: what kind of organisation, where, and how to reach it.
  const whereTo = (p: Partner): string =>
    [
      t(`partnerKinds.${p.kind}`),
      p.area ?? t('visits.conversation.everywhere'),
      p.phone ?? p.email ?? '',
    ]
      .filter(Boolean)
      .join(' · ')
  const values = form.getValues()
  const topicsError = form.errors.topics
  return (
    <Card withBorder component="fieldset" p="md" m={0} aria-label={t('visits.conversation.title')}>
      <Text component="legend" fw={600} px={4}>
        {t('visits.conversation.title')}
      </Text>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('visits.conversation.intro')}
        </Text>
        <div role="group" aria-label={t('visits.conversation.topics')}>
          <Text size="sm" fw={500} mb={4}>
            {t('visits.conversation.topics')}
          </Text>
          {topics.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('visits.conversation.noTopics')}
            </Text>
          ) : (
            <Chip.Group multiple {...form.getInputProps('topics')}>
              <Group gap={6}>
                {topics.map((topic) => (
                  <Chip key={topic.id} value={String(topic.id)} size="sm" variant="outline">
                    {topic.name}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          )}
          {topicsError ? (
            <Text size="xs" c="red" mt={4} role="alert">
              {topicsError}
            </Text>
          ) : null}
        </div>
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('visits.conversation.referrals')}
          </Text>
          <Stack gap="xs">
            {values.referrals.map((r, i) => (
              <Group key={i} align="flex-start" gap="xs" wrap="nowrap">
                <Select
                  aria-label={t('visits.conversation.destination')}
                  placeholder={t('visits.conversation.destinationPlaceholder')}
                  data={partners.map((p) => ({ value: String(p.id), label: p.name }))}
                  renderOption={({ option }) => {
                    const p = details.get(option.value)
                    return (
                      <div>
                        <Text size="sm">{option.label}</Text>
                        {p && (
                          <Text size="xs" c="dimmed">
                            {whereTo(p)}
                          </Text>
                        )}
                        {p?.helpsWith && (
                          <Text size="xs" c="dimmed">
                            {t('visits.conversation.helpsWith', { text: p.helpsWith })}
                          </Text>
                        )}
                      </div>
                    )
                  }}
                  description={
                    r.destinationId && details.has(r.destinationId)
                      ? whereTo(details.get(r.destinationId) as Partner)
                      : undefined
                  }
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  searchable
                  style={{ flex: '1 1 45%' }}
                  {...form.getInputProps(`referrals.${i}.destinationId`)}
                />
                <TextInput
                  aria-label={t('visits.conversation.note')}
                  placeholder={t('visits.conversation.notePlaceholder')}
                  maxLength={VISIT_REFERRAL_NOTE_MAX}
                  style={{ flex: '1 1 55%' }}
                  {...form.getInputProps(`referrals.${i}.note`)}
                />
                <CloseButton
                  aria-label={t('visits.conversation.removeReferral')}
                  mt={6}
                  onClick={() => form.removeListItem('referrals', i)}
                />
              </Group>
            ))}
            <Group>
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => form.insertListItem('referrals', { destinationId: null, note: '' })}
                disabled={partners.length === 0}
              >
                {t('visits.conversation.addReferral')}
              </Button>
              {partners.length === 0 ? (
                <Text size="xs" c="dimmed">
                  {t('visits.conversation.noPartners')}
                </Text>
              ) : null}
            </Group>
          </Stack>
        </div>
      </Stack>
    </Card>
  )
}

function withCurrent<T extends NamedRef>(active: T[], current: NamedRef[]): NamedRef[] {
  const ids = new Set(active.map((a) => a.id))
  return [...active, ...current.filter((c) => !ids.has(c.id))]
}

/**
 * Topics and referrals of one visit, as the visits table on the household page shows them: plain
 * text that wraps in a narrow column (badges cut the names and notes off).
 */
export function VisitConversationSummary({ visit }: { visit: Visit }): React.JSX.Element | null {
  const { t } = useTranslation()
  const topics = visit.topics ?? []
  const referrals = visit.referrals ?? []
  if (!topics.length && !referrals.length) return null
  return (
    <Stack gap={2} mt={4} data-testid={`visit-conversation-${visit.id}`}>
      {topics.length ? (
        <Text size="xs">
          <Text span size="xs" c="dimmed">
            {t('visits.conversation.topicsShort')}:{' '}
          </Text>
          {topics.map((topic) => topic.name).join(', ')}
        </Text>
      ) : null}
      {referrals.map((r) => (
        <Text key={r.destination.id} size="xs" style={{ overflowWrap: 'break-word' }}>
          <Text span size="xs" c="dimmed">
            {t('visits.conversation.referredShort')}{' '}
          </Text>
          {r.destination.name}
          {r.note ? `: ${r.note}` : ''}
        </Text>
      ))}
    </Stack>
  )
}

/**
 * "Eerdere gesprekken": what a volunteer with the admin's history switch sees of a family's
 * earlier intakes and visits (day, topics, destinations; main never sends the notes).
 */
/**
 * A family's earlier conversations as far as the caller may see them: main's own list for a
 * volunteer with the history switch on; for staff, built from the intakes and visits they read
 * in full. Null when the caller sees none (a volunteer with the switch off). Newest first, only
 * intakes and visits at which something was talked about or referred.
 */
export function earlierConversations(detail: HouseholdDetail): ConversationHistoryEntry[] | null {
  if (detail.conversations) return detail.conversations
  if (!detail.intakes) return null
  const entries: ConversationHistoryEntry[] = [
    ...detail.intakes.map((i): ConversationHistoryEntry => ({
      kind: 'intake',
      id: i.id,
      date: i.date,
      topics: i.topics,
      destinations: i.referrals.map((r) => r.destination),
    })),
    ...detail.visits.map((v): ConversationHistoryEntry => ({
      kind: 'visit',
      id: v.id,
      date: v.date,
      topics: v.topics ?? [],
      destinations: (v.referrals ?? []).map((r) => r.destination),
    })),
  ]
  return entries
    .filter((e) => e.topics.length > 0 || e.destinations.length > 0)
    .sort(
      (a, b) =>
        b.date.localeCompare(a.date) ||
        // On one day the intake came first, then the visit.
        (a.kind === b.kind ? b.id - a.id : a.kind === 'visit' ? -1 : 1),
    )
}

export function ConversationHistory({
  entries,
  limit,
}: {
  entries: ConversationHistoryEntry[]
  /** Shows only the newest so many, saying how many more there are. */
  limit?: number
}): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Paper withBorder p="md" component="section" aria-label={t('visits.history.title')}>
      <Stack gap="sm">
        <div>
          <Text fw={600}>{t('visits.history.title')}</Text>
          <Text size="sm" c="dimmed">
            {t('visits.history.intro')}
          </Text>
        </div>
        {entries.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('visits.history.empty')}
          </Text>
        ) : (
          entries.slice(0, limit ?? entries.length).map((e) => (
            <Group key={`${e.kind}-${e.id}`} gap={6} align="center" wrap="wrap">
              <Text size="sm" fw={600} w={110}>
                {toDutchDate(e.date)}
              </Text>
              <Badge variant="default" tt="none" size="sm">
                {t(`visits.history.kind.${e.kind}`)}
              </Badge>
              {e.topics.map((topic) => (
                <Badge key={`t${topic.id}`} variant="light" color="grape" tt="none" size="sm">
                  {topic.name}
                </Badge>
              ))}
              {e.destinations.map((d) => (
                <Badge key={`d${d.id}`} variant="outline" color="blue" tt="none" size="sm">
                  {t('visits.history.referredTo', { name: d.name })}
                </Badge>
              ))}
            </Group>
          ))
        )}
        {limit !== undefined && entries.length > limit && (
          <Text size="sm" c="dimmed">
            {t('visits.history.more', { count: entries.length - limit })}
          </Text>
        )}
      </Stack>
    </Paper>
  )
}

/** Adds or changes the conversation of a visit already registered (`visits.recordConversation`). */
export function RecordConversationModal({
  visit,
  onClose,
  onSaved,
}: {
  visit: Visit | null
  onClose: () => void
  onSaved: (visit: Visit) => void
}): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Modal
      opened={visit !== null}
      onClose={onClose}
      title={visit ? t('visits.conversation.modalTitle', { date: toDutchDate(visit.date) }) : ''}
      size="lg"
    >
      {visit && <RecordConversationForm visit={visit} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  )
}

function RecordConversationForm({
  visit,
  onClose,
  onSaved,
}: {
  visit: Visit
  onClose: () => void
  onSaved: (visit: Visit) => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const choices = useConversationChoices(true)
  const [problem, setProblem] = useState<string | null>(null)
  const form = useForm<ConversationValues>({
    initialValues: conversationValues(visit),
    validate: (v) => validateConversation(t, { visitId: visit.id, ...conversationInput(v) }, v),
  })
  const submit = form.onSubmit(async (v) => {
    setProblem(null)
    try {
      const saved = await call(
        'visits.recordConversation',
        visitRecordConversationInput.parse({ visitId: visit.id, ...conversationInput(v) }),
      )
      notifications.show({ color: 'teal', message: t('visits.conversation.saved') })
      onSaved(saved)
    } catch (err) {
      const errors: Record<string, string> = {}
      for (const [path, message] of Object.entries(serverFieldErrors(t, err)))
        errors[conversationErrorPath(path, v)] = message
      form.setErrors(errors)
      setProblem(shopErrorMessage(t, err))
    }
  })
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ConversationFields form={form} choices={choices} current={visit} />
        <ErrorAlert message={problem} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('visits.conversation.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

/** The schema's messages for a conversation, placed where the form shows them. */
function validateConversation(
  t: TFunction,
  input: unknown,
  values: ConversationValues,
): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const [path, message] of Object.entries(zodValidate(visitRecordConversationInput, t)(input)))
    errors[conversationErrorPath(path, values)] ??= message
  return errors
}
