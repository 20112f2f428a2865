import { Anchor, Badge, Group, List, Popover, Stack, Text } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { toDutchDate } from '../../../../shared/dates'
import type {
  Deadline,
  DeadlineStatus,
  NextDeadline,
  Phrase,
  SkippedDay,
} from '../../../../shared/schemas/complaints'
import './texts'

/** Red for late, orange for due within 7 days; a met term is quiet. */
export const DEADLINE_COLOURS: Record<DeadlineStatus, string> = {
  late: 'red',
  soon: 'orange',
  ok: 'gray',
  met: 'teal',
  metLate: 'grape',
}

/** How far off an open term is: "over 3 dagen", "vandaag", "2 dagen te laat". */
export function daysText(t: TFunction, daysLeft: number): string {
  if (daysLeft === 0) return t('complaints.deadline.today')
  return daysLeft > 0
    ? t('complaints.deadline.inDays', { count: daysLeft })
    : t('complaints.deadline.lateDays', { count: -daysLeft })
}

/** The next term of a complaint in a list: what, the day, and a coloured badge. */
export function NextDeadlineCell({ next }: { next: NextDeadline | null }): React.JSX.Element {
  const { t } = useTranslation()
  if (!next)
    return (
      <Text size="sm" c="dimmed">
        {t('complaints.deadline.none')}
      </Text>
    )
  // The words go under the day when the column is narrow (all complaints at 1366 px with the
  // side menu), rather than running off the table's edge.
  return (
    <Group gap={4} wrap="wrap">
      <Badge
        color={DEADLINE_COLOURS[next.status]}
        variant={next.status === 'ok' ? 'outline' : 'filled'}
        tt="none"
        style={{ minWidth: 'max-content' }}
        data-status={next.status}
      >
        {toDutchDate(next.dueOn)}
      </Badge>
      <Text size="sm">
        {t(`complaints.deadline.${next.kind}`)} · {daysText(t, next.daysLeft)}
      </Text>
    </Group>
  )
}

/** A phrase main sends (`complaintWhy.*` in the shared labels), with its dates in Dutch form. */
export function phraseText(t: TFunction, p: Phrase): string {
  const params: Record<string, string | number> = {}
  for (const [k, v] of Object.entries(p.params ?? {}))
    params[k] = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? toDutchDate(v) : v
  return t(`complaintWhy.${p.key}`, { ...params, defaultValue: p.key })
}

function skippedText(t: TFunction, s: SkippedDay): string {
  const why =
    s.reason === 'holiday' && s.holiday
      ? t(`complaintCodes.holidays.${s.holiday}`, {
          defaultValue: t('complaints.deadline.reasons.holiday'),
        })
      : t(`complaints.deadline.reasons.${s.reason}`)
  return `${toDutchDate(s.day)}: ${why}`
}

/** One term of a complaint: its day, how it stands, and "waarom deze datum?". */
export function DeadlineLine({ deadline }: { deadline: Deadline }): React.JSX.Element {
  const { t } = useTranslation()
  const d = deadline
  const met = d.metOn !== null
  const state = met
    ? t(d.status === 'metLate' ? 'complaints.deadline.doneLate' : 'complaints.deadline.doneOn', {
        date: toDutchDate(d.metOn),
      })
    : daysText(t, d.daysLeft)
  return (
    <Stack gap={2} data-testid={`deadline-${d.kind}`}>
      <Text size="sm" fw={600}>
        {t(`complaints.deadline.${d.kind}`)}
      </Text>
      <Group gap={6} wrap="wrap">
        <Badge
          color={DEADLINE_COLOURS[d.status]}
          variant={d.status === 'ok' ? 'outline' : 'light'}
          tt="none"
          size="lg"
          style={{ minWidth: 'max-content' }}
          data-status={d.status}
        >
          {t('complaints.deadline.due', { date: toDutchDate(d.dueOn) })}
        </Badge>
        <Text size="sm">{state}</Text>
      </Group>
      <WhyDate deadline={d} />
    </Stack>
  )
}

/** "Waarom deze datum?": the rule, the reckoning, and every day skipped with its reason. */
export function WhyDate({ deadline }: { deadline: Deadline }): React.JSX.Element {
  const { t } = useTranslation()
  const { why } = deadline
  return (
    <Popover width={380} position="bottom-start" withArrow shadow="md" trapFocus>
      <Popover.Target>
        <Anchor component="button" type="button" size="sm" ta="left">
          {t('complaints.deadline.why')}
        </Anchor>
      </Popover.Target>
      <Popover.Dropdown
        aria-label={t('complaints.deadline.whyTitle', { date: toDutchDate(deadline.dueOn) })}
      >
        <Stack gap="xs">
          <Text fw={700} size="sm">
            {t('complaints.deadline.whyTitle', { date: toDutchDate(deadline.dueOn) })}
          </Text>
          <div>
            <Text size="xs" c="dimmed">
              {t('complaints.deadline.rule')}
            </Text>
            <Text size="sm">{phraseText(t, why.rule)}</Text>
          </div>
          {why.steps.length > 0 && (
            <List size="sm" spacing={2}>
              {why.steps.map((s, i) => (
                <List.Item key={i}>{phraseText(t, s)}</List.Item>
              ))}
            </List>
          )}
          <div>
            <Text size="xs" c="dimmed">
              {t('complaints.deadline.skipped')}
            </Text>
            {why.skipped.length === 0 ? (
              <Text size="sm">{t('complaints.deadline.noneSkipped')}</Text>
            ) : (
              <List size="sm" spacing={2} data-testid="skipped-days">
                {why.skipped.map((s) => (
                  <List.Item key={s.day}>{skippedText(t, s)}</List.Item>
                ))}
              </List>
            )}
          </div>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  )
}
