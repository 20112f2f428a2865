import { Badge, Box, Button, Group, Paper, SimpleGrid, Stack, Text, Timeline } from '@mantine/core'
import { IconPencil } from '@tabler/icons-react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { toDutchDate } from '../../../../shared/dates'
import type { ComplaintEntryView } from '../../../../shared/schemas/complaints'
import './texts'

/** The lines that say what an entry recorded, besides its free text. */
function entryFacts(t: TFunction, e: ComplaintEntryView): string[] {
  const facts: string[] = []
  if ((e.kind === 'step_changed' || e.kind === 'received') && e.step)
    facts.push(t(`complaints.stepLong.${e.step}`))
  if (
    (e.kind === 'handler_changed' || e.kind === 'step_changed' || e.kind === 'received') &&
    e.handler
  )
    facts.push(t('complaints.entry.handlerIs', { name: e.handler.name }))
  if (e.kind === 'hearing')
    facts.push(
      t('complaints.entry.heard', {
        side: e.party ? t(`complaints.entry.sideShort.${e.party}`) : '–',
        who: e.persons ?? '–',
      }),
    )
  if (e.kind === 'advice' && e.outcome)
    facts.push(t('complaints.entry.advised', { outcome: t(`complaints.outcome.${e.outcome}`) }))
  if (e.kind === 'decision' && e.outcome)
    facts.push(t('complaints.entry.outcomeIs', { outcome: t(`complaints.outcome.${e.outcome}`) }))
  if (e.kind === 'decision' && e.party)
    facts.push(t('complaints.entry.decidedBy', { role: e.party }))
  if (e.kind === 'extension' && e.weeks)
    facts.push(t('complaints.entry.extendedTo', { weeks: e.weeks, date: toDutchDate(e.dueOn) }))
  if (e.kind === 'extension' && e.withConsent) facts.push(t('complaints.entry.withConsent'))
  if (e.kind === 'correction' && e.newDate)
    facts.push(t('complaints.entry.newDate', { date: toDutchDate(e.newDate) }))
  if (e.kind === 'correction' && e.outcome)
    facts.push(t('complaints.entry.outcomeIs', { outcome: t(`complaints.outcome.${e.outcome}`) }))
  if (e.kind === 'correction' && e.voids) facts.push(t('complaints.entry.voids'))
  return facts
}

function kindLabel(t: TFunction, e: ComplaintEntryView): string {
  if (e.kind === 'informed' && e.party) return t(`complaints.entry.informedParty.${e.party}`)
  return t(`complaints.entry.kinds.${e.kind}`)
}

function EntryBody({ e }: { e: ComplaintEntryView }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Stack gap={2}>
      {entryFacts(t, e).map((f) => (
        <Text size="sm" key={f}>
          {f}
        </Text>
      ))}
      {e.text && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {e.text}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {toDutchDate(e.date)} · {t('complaints.entry.by', { name: e.authorName })}
      </Text>
    </Stack>
  )
}

/**
 * The timeline: every entry in order, never changed. A correction is shown beside the entry it
 * corrects (and not again on its own), so both the original and what it should be are in view.
 */
export function ComplaintTimeline({
  entries,
  onCorrect,
}: {
  entries: ComplaintEntryView[]
  onCorrect: ((e: ComplaintEntryView) => void) | null
}): React.JSX.Element {
  const { t } = useTranslation()
  const byId = new Map(entries.map((e) => [e.id, e]))
  const shown = entries.filter(
    (e) => !(e.kind === 'correction' && e.correctsId && byId.has(e.correctsId)),
  )
  if (shown.length === 0) return <Text c="dimmed">{t('complaints.page.noEntries')}</Text>
  return (
    <Timeline
      bulletSize={14}
      lineWidth={2}
      active={shown.length}
      aria-label={t('complaints.page.timeline')}
    >
      {shown.map((e) => {
        const corrections = entries.filter((c) => c.kind === 'correction' && c.correctsId === e.id)
        return (
          <Timeline.Item
            key={e.id}
            color={e.voided ? 'gray' : corrections.length ? 'orange' : 'teal'}
            title={
              <Group gap={6}>
                <Text fw={600} size="sm" td={e.voided ? 'line-through' : undefined}>
                  {kindLabel(t, e)}
                </Text>
                {corrections.length > 0 && (
                  <Badge color="orange" variant="light" size="sm" tt="none">
                    {t('complaints.entry.corrected')}
                  </Badge>
                )}
              </Group>
            }
            data-testid={`entry-${e.id}`}
          >
            <SimpleGrid cols={corrections.length ? 2 : 1} spacing="sm">
              <Box>
                <EntryBody e={e} />
                {onCorrect && e.kind !== 'received' && !e.anonymised && (
                  <Button
                    variant="subtle"
                    size="compact-xs"
                    mt={2}
                    leftSection={<IconPencil size={12} aria-hidden />}
                    aria-label={t('complaints.entry.correctOf', {
                      kind: kindLabel(t, e),
                      date: toDutchDate(e.date),
                    })}
                    onClick={() => onCorrect(e)}
                  >
                    {t('complaints.entry.correct')}
                  </Button>
                )}
              </Box>
              {corrections.length > 0 && (
                <Stack gap="xs">
                  {corrections.map((c) => (
                    <Paper
                      key={c.id}
                      withBorder
                      p="xs"
                      style={{ borderLeft: '4px solid var(--mantine-color-orange-5)' }}
                      data-testid={`correction-${c.id}`}
                    >
                      <Text size="xs" fw={600} c="orange.8">
                        {t('complaints.entry.kinds.correction')}
                      </Text>
                      <EntryBody e={c} />
                    </Paper>
                  ))}
                </Stack>
              )}
            </SimpleGrid>
          </Timeline.Item>
        )
      })}
    </Timeline>
  )
}
