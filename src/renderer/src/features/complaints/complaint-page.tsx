import { useCallback, useId, useState } from 'react'
import {
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Loader,
  Menu,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconChevronDown, IconFileTypePdf } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { ErrorAlert } from '../../common/components/error-alert'
import { saveDownload } from '../../common/download'
import { errorMessage, showError } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { useToday } from '../../common/hooks/use-shop-day'
import { toDutchDate } from '../../../../shared/dates'
import { LETTER_KINDS, type LetterKind } from '../../../../shared/schemas/complaint-letters'
import type {
  ComplaintDetail,
  ComplaintEntryView,
  ComplaintMeasure,
} from '../../../../shared/schemas/complaints'
import {
  ActionDialog,
  CorrectionDialog,
  actionsFor,
  type ComplaintAction,
} from './complaint-actions'
import { ComplaintTimeline } from './complaint-timeline'
import { DeadlineLine } from './deadline-view'
import { complainantText, STATE_COLOURS } from './labels'
import './texts'

/** Buttons shown as such; the rest of the actions go in the "Meer" menu. */
const MAIN_ACTIONS: ComplaintAction[] = [
  'acknowledge',
  'note',
  'escalate',
  'decide',
  'close',
  'reopen',
]

/** One complaint: its deadlines, details, timeline, letters and measures, and what to do next. */
export function ComplaintPage({ id }: { id: number }): React.JSX.Element {
  const { t } = useTranslation()
  const today = useToday()
  const loader = useCallback(() => call('complaints.get', { id }), [id])
  const { data: loaded, error } = useLoad(loader)
  // An action answers with the complaint as main now sees it; no second call needed.
  const [fresh, setFresh] = useState<ComplaintDetail | null>(null)
  const complaint = fresh && fresh.id === id ? fresh : loaded
  const accountsLoader = useCallback(() => call('complaints.accounts', {}), [])
  const { data: accounts } = useLoad(accountsLoader)
  const settingsLoader = useCallback(() => call('complaints.settings', {}), [])
  const { data: settings } = useLoad(settingsLoader)
  const [action, setAction] = useState<ComplaintAction | null>(null)
  const [correcting, setCorrecting] = useState<ComplaintEntryView | null>(null)
  const [lettersTick, setLettersTick] = useState(0)

  if (!complaint)
    return error ? (
      <ErrorAlert message={errorMessage(t, error)} />
    ) : (
      <Loader aria-label={t('common.loading')} />
    )

  const c = complaint
  const actions = c.anonymised ? [] : actionsFor(c)
  const main = actions.filter((a) => MAIN_ACTIONS.includes(a))
  const more = actions.filter((a) => !MAIN_ACTIONS.includes(a))
  const done = (next: ComplaintDetail): void => {
    setAction(null)
    setCorrecting(null)
    setFresh(next)
    setLettersTick((n) => n + 1)
  }

  return (
    <Stack gap="md">
      <Anchor href="#/complaints" size="sm">
        {t('complaints.nav.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={2}>{c.number}</Title>
            <Badge color={STATE_COLOURS[c.state]} variant="light" tt="none" size="lg">
              {t(`complaints.state.${c.state}`)}
            </Badge>
            {c.outcome && (
              <Badge color="gray" variant="outline" tt="none" size="lg">
                {t(`complaints.outcome.${c.outcome}`)}
              </Badge>
            )}
          </Group>
          <Text c="dimmed">
            {t('complaints.page.received', {
              date: toDutchDate(c.receivedOn),
              channel: t(`complaints.channel.${c.channel}`),
            })}{' '}
            · {t(`complaints.stepLong.${c.step}`)}
          </Text>
        </div>
        <Group gap="xs">
          {main.map((a) => (
            <Button
              key={a}
              variant={a === 'decide' || a === 'acknowledge' ? 'filled' : 'default'}
              onClick={() => setAction(a)}
            >
              {t(`complaints.actions.${a}`)}
            </Button>
          ))}
          {more.length > 0 && (
            <Menu position="bottom-end" shadow="md">
              <Menu.Target>
                <Button variant="default" rightSection={<IconChevronDown size={14} aria-hidden />}>
                  {t('complaints.page.more')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {more.map((a) => (
                  <Menu.Item key={a} onClick={() => setAction(a)}>
                    {t(`complaints.actions.${a}`)}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </Group>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <Section title={t('complaints.page.details')}>
              <Details c={c} />
            </Section>
            <Section title={t('complaints.page.timeline')}>
              <ComplaintTimeline
                entries={c.entries}
                onCorrect={c.anonymised ? null : setCorrecting}
              />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <Section title={t('complaints.page.deadlines')}>
              <Stack gap="md">
                <DeadlineLine deadline={c.deadlines.acknowledgement} />
                <DeadlineLine deadline={c.deadlines.decision} />
              </Stack>
            </Section>
            <Letters
              complaint={c}
              tick={lettersTick}
              onMade={() => setLettersTick((n) => n + 1)}
              onEntry={loaderAgain(setFresh, id)}
            />
            <Measures complaint={c} onChanged={loaderAgain(setFresh, id)} />
            {c.state !== 'open' && (
              <Section title={t('complaints.page.informed')}>
                <Text size="sm">
                  {t('complaints.page.informedComplainant', {
                    date: c.informedComplainantOn
                      ? toDutchDate(c.informedComplainantOn)
                      : t('complaints.page.notYet'),
                  })}
                </Text>
                <Text size="sm">
                  {t('complaints.page.informedStaff', {
                    date: c.informedStaffOn
                      ? toDutchDate(c.informedStaffOn)
                      : t('complaints.page.notYet'),
                  })}
                </Text>
              </Section>
            )}
          </Stack>
        </Grid.Col>
      </Grid>

      <ActionDialog
        action={action}
        complaint={c}
        today={today}
        accounts={accounts ?? []}
        deciderTitle={settings?.deciderTitle ?? 'directeur'}
        onClose={() => setAction(null)}
        onDone={done}
      />
      <CorrectionDialog
        entry={correcting}
        complaint={c}
        today={today}
        onClose={() => setCorrecting(null)}
        onDone={done}
      />
    </Stack>
  )
}

/** Reads the complaint again after a change made outside its actions (a letter, a measure). */
function loaderAgain(set: (c: ComplaintDetail) => void, id: number): () => void {
  return () => {
    call('complaints.get', { id }).then(set, () => undefined)
  }
}

function Section({
  title,
  children,
}: {
  title: string
  children: React.ReactNode
}): React.JSX.Element {
  const id = useId()
  return (
    <Card withBorder component="section" aria-labelledby={id} padding="md">
      <Title order={3} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  )
}

function Fact({
  label,
  children,
}: {
  label: string
  children: React.ReactNode
}): React.JSX.Element {
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <Text size="sm" c="dimmed" w={150} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap', minWidth: 0 }}>
        {children}
      </Text>
    </Group>
  )
}

function Details({ c }: { c: ComplaintDetail }): React.JSX.Element {
  const { t } = useTranslation()
  const about =
    c.about.kind === 'staff'
      ? [c.about.account?.name, c.about.text].filter(Boolean).join(' · ')
      : [t(`complaints.form.aboutKinds.${c.about.kind}`), c.about.text].filter(Boolean).join(': ')
  return (
    <Stack gap={6}>
      <Fact label={t('complaints.page.complainant')}>
        {c.complainant.householdId ? (
          <Anchor href={`#/households/${c.complainant.householdId}`} size="sm">
            {complainantText(t, c.complainant)}
          </Anchor>
        ) : c.complainant.personId ? (
          <Anchor href={`#/volunteers/people/${c.complainant.personId}`} size="sm">
            {complainantText(t, c.complainant)}
          </Anchor>
        ) : (
          complainantText(t, c.complainant)
        )}
        {c.complainant.contact ? ` · ${c.complainant.contact}` : ''}
      </Fact>
      <Fact label={t('complaints.page.about')}>{about || '–'}</Fact>
      <Fact label={t('complaints.page.category')}>{c.category.name}</Fact>
      <Fact label={t('complaints.page.handler')}>
        {c.handler?.name ?? t('complaints.page.noHandler')}
      </Fact>
      <Fact label={t('complaints.page.description')}>{c.description}</Fact>
      {c.wish && <Fact label={t('complaints.page.wish')}>{c.wish}</Fact>}
      {c.closedOn && (
        <Text size="sm" c="dimmed">
          {t('complaints.page.closedOn', { date: toDutchDate(c.closedOn) })}
        </Text>
      )}
    </Stack>
  )
}

/** The letters: make one from its template (a PDF to save and open), and the ones made before. */
function Letters({
  complaint,
  tick,
  onMade,
  onEntry,
}: {
  complaint: ComplaintDetail
  tick: number
  onMade: () => void
  onEntry: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const loader = useCallback(
    () => call('complaints.letters', { complaintId: complaint.id }),
    // `tick` reads the list again after a letter was made.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [complaint.id, tick],
  )
  const { data: letters, error } = useLoad(loader)
  const [busy, setBusy] = useState<string | null>(null)
  const idBase = useId()

  const make = async (kind: LetterKind): Promise<void> => {
    setBusy(kind)
    try {
      const { file } = await call('complaints.letter', { complaintId: complaint.id, kind })
      onMade()
      onEntry()
      if (!(await saveDownload(file))) return
      notifications.show({
        color: 'teal',
        message: t('complaints.letters.made', {
          kind: t(`complaints.letters.kinds.${kind}`),
          filename: file.filename,
        }),
      })
    } catch (err) {
      showError(t, err)
    } finally {
      setBusy(null)
    }
  }

  const open = async (letterId: number): Promise<void> => {
    setBusy(`letter-${letterId}`)
    try {
      const file = await call('complaints.reprintLetter', { letterId })
      await saveDownload(file)
    } catch (err) {
      showError(t, err)
    } finally {
      setBusy(null)
    }
  }

  // The same rules main applies (letters.ts), read from the complaint as main sent it, so a
  // button that would only be refused is shown disabled with the reason beside it.
  const notYet = (k: LetterKind): string | null => {
    if (complaint.state === 'closed')
      return t('complaints.letters.notYet.closed', { date: toDutchDate(complaint.closedOn) })
    if (k === 'extension' && complaint.terms.extensionWeeks <= 0)
      return t('complaints.letters.notYet.noExtension')
    if (k === 'decision' && (!complaint.outcome || !complaint.decidedOn))
      return t('complaints.letters.notYet.noDecision')
    return null
  }
  const reasons = [...new Set(LETTER_KINDS.map(notYet).filter((r): r is string => r !== null))]
  const reasonId = (r: string): string => `${idBase}-why-${reasons.indexOf(r)}`

  return (
    <Section title={t('complaints.letters.title')}>
      <Stack gap="sm">
        {!complaint.anonymised && (
          <Group gap="xs">
            {LETTER_KINDS.map((k) => {
              const why = notYet(k)
              return (
                <Button
                  key={k}
                  size="xs"
                  variant="light"
                  leftSection={<IconFileTypePdf size={14} aria-hidden />}
                  loading={busy === k}
                  disabled={why !== null}
                  aria-describedby={why ? reasonId(why) : undefined}
                  onClick={() => void make(k)}
                >
                  {t('complaints.letters.make', { kind: t(`complaints.letters.kinds.${k}`) })}
                </Button>
              )
            })}
          </Group>
        )}
        {!complaint.anonymised &&
          reasons.map((r) => (
            <Text key={r} id={reasonId(r)} size="xs" c="dimmed">
              {r}
            </Text>
          ))}
        <ErrorAlert message={error ? errorMessage(t, error) : null} />
        {letters && letters.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('complaints.letters.none')}
          </Text>
        )}
        {letters && letters.length > 0 && (
          <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {letters.map((l) => (
              <Group component="li" key={l.id} justify="space-between" gap="xs" wrap="nowrap">
                <div>
                  <Text size="sm">
                    {t(`complaints.letters.kinds.${l.kind}`)} · {toDutchDate(l.letterDate)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {[
                      l.recipients.join(', '),
                      t('complaints.letters.version', { version: l.templateVersion }),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </div>
                <Button
                  size="compact-sm"
                  variant="default"
                  loading={busy === `letter-${l.id}`}
                  aria-label={t('complaints.letters.openOf', {
                    kind: t(`complaints.letters.kinds.${l.kind}`),
                    date: toDutchDate(l.letterDate),
                  })}
                  onClick={() => void open(l.id)}
                >
                  {t('complaints.letters.open')}
                </Button>
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Section>
  )
}

/** The measures of the decision, each marked "uitgevoerd" with its day. */
function Measures({
  complaint,
  onChanged,
}: {
  complaint: ComplaintDetail
  onChanged: () => void
}): React.JSX.Element | null {
  const { t } = useTranslation()
  const today = useToday()
  const [busy, setBusy] = useState<number | null>(null)
  if (complaint.measures.length === 0 && complaint.state === 'open') return null
  const mark = async (m: ComplaintMeasure): Promise<void> => {
    setBusy(m.id)
    try {
      await call('complaints.measureDone', { measureId: m.id, doneOn: m.doneOn ? null : today })
      onChanged()
    } catch (err) {
      showError(t, err)
    } finally {
      setBusy(null)
    }
  }
  return (
    <Section title={t('complaints.page.measures')}>
      {complaint.measures.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('complaints.page.noMeasures')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {complaint.measures.map((m) => (
            <Group component="li" key={m.id} justify="space-between" wrap="nowrap" gap="xs">
              <div style={{ flex: 1, minWidth: 0 }}>
                <Text size="sm">{m.text}</Text>
                <Text size="xs" c={m.doneOn ? 'teal.8' : 'dimmed'}>
                  {m.doneOn
                    ? t('complaints.page.measureDone', { date: toDutchDate(m.doneOn) })
                    : t('complaints.page.measureOpen')}
                </Text>
              </div>
              {!m.doneOn && !complaint.anonymised && (
                <Button
                  size="compact-sm"
                  variant="light"
                  // A long measure text wraps; the button keeps its whole word ("Uitgevoerd").
                  style={{ flexShrink: 0 }}
                  loading={busy === m.id}
                  onClick={() => void mark(m)}
                >
                  {t('complaints.page.markDone')}
                </Button>
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Section>
  )
}
