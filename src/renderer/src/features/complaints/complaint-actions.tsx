import { useState } from 'react'
import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import type { z } from 'zod'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { DateField } from '../../common/components/date-field'
import { FormActions } from '../../common/components/form-actions'
import { errorMessage, serverFieldErrors, zodValidate } from '../../common/forms'
import { toDutchDate } from '../../../../shared/dates'
import {
  COMPLAINT_OUTCOMES,
  COMPLAINT_PARTIES,
  complaintAddEntryInput,
  complaintCloseInput,
  complaintDecideInput,
  complaintEscalateInput,
  complaintExtendInput,
  complaintReopenInput,
  type ComplaintAccount,
  type ComplaintDetail,
  type ComplaintEntryView,
} from '../../../../shared/schemas/complaints'
import './texts'

/** What a complaint's page can record; each opens its own dialog. */
export type ComplaintAction =
  | 'acknowledge'
  | 'note'
  | 'escalate'
  | 'hearing'
  | 'advice'
  | 'extend'
  | 'consent'
  | 'decide'
  | 'informComplainant'
  | 'informStaff'
  | 'close'
  | 'reopen'

/** The actions that fit where a complaint stands (main checks every rule again). */
export function actionsFor(c: ComplaintDetail): ComplaintAction[] {
  if (c.state === 'closed') return ['note', 'reopen']
  const out: ComplaintAction[] = []
  if (!c.acknowledgedOn) out.push('acknowledge')
  out.push('note')
  if (c.state === 'open') {
    if (c.step < 3) out.push('escalate')
    if (c.step === 3) out.push('hearing', 'advice')
    if (c.extension.allowed) out.push('extend')
    else out.push('consent')
    out.push('decide')
  }
  if (c.state === 'decided') {
    if (!c.informedComplainantOn && c.complainant.kind !== 'anonymous')
      out.push('informComplainant')
    if (!c.informedStaffOn && c.about.kind === 'staff') out.push('informStaff')
  }
  out.push('close')
  return out
}

type Fields = Record<string, unknown>

interface Spec {
  title: string
  schema: z.ZodType
  method:
    | 'complaints.addEntry'
    | 'complaints.escalate'
    | 'complaints.extend'
    | 'complaints.decide'
    | 'complaints.close'
    | 'complaints.reopen'
  start: Fields
  /** Fixed fields sent along (the kind of entry, the party). */
  fixed?: Fields
}

function specFor(
  action: ComplaintAction,
  c: ComplaintDetail,
  today: string,
  t: (k: string, o?: Record<string, unknown>) => string,
): Spec {
  const entry = (kind: string, start: Fields, fixed: Fields = {}): Spec => ({
    title: t(`complaints.actions.${action}`),
    schema: complaintAddEntryInput,
    method: 'complaints.addEntry',
    start: { date: today, text: '', ...start },
    fixed: { kind, ...fixed },
  })
  switch (action) {
    case 'acknowledge':
      return entry('acknowledged', {})
    case 'note':
      return entry('note', {})
    case 'hearing':
      return entry('hearing', { party: null, persons: '' })
    case 'advice':
      return entry('advice', { outcome: null })
    case 'informComplainant':
      return entry('informed', {}, { party: 'complainant' })
    case 'informStaff':
      return entry('informed', {}, { party: 'staff' })
    case 'escalate':
      return {
        title: t('complaints.actions.escalate'),
        schema: complaintEscalateInput,
        method: 'complaints.escalate',
        start: {
          step: String(c.step + 1),
          date: today,
          text: '',
          handlerId: c.handler ? String(c.handler.id) : null,
        },
      }
    case 'extend':
      return {
        title: t('complaints.actions.extend'),
        schema: complaintExtendInput,
        method: 'complaints.extend',
        start: { weeks: c.extension.maxWeeks, date: today, reason: '' },
        fixed: { withConsent: false },
      }
    case 'consent':
      return {
        title: t('complaints.actions.consent'),
        schema: complaintExtendInput,
        method: 'complaints.extend',
        start: { weeks: '', date: today, reason: '' },
        fixed: { withConsent: true },
      }
    case 'decide':
      return {
        title: t('complaints.actions.decide'),
        schema: complaintDecideInput,
        method: 'complaints.decide',
        start: { date: today, outcome: null, text: '', measures: [] },
      }
    case 'close':
      return {
        title: t('complaints.actions.close'),
        schema: complaintCloseInput,
        method: 'complaints.close',
        start: { date: today, text: '' },
      }
    case 'reopen':
      return {
        title: t('complaints.actions.reopen'),
        schema: complaintReopenInput,
        method: 'complaints.reopen',
        start: { date: today, text: '' },
      }
  }
}

/** The values as main's schema reads them: numbers from selects, nothing empty left as ''. */
function toInput(values: Fields, fixed: Fields, complaintId: number): Fields {
  const out: Fields = { complaintId, ...fixed }
  for (const [k, v] of Object.entries(values)) {
    if (k === 'step' || k === 'handlerId') out[k] = v ? Number(v) : k === 'handlerId' ? null : v
    else if (k === 'weeks') out[k] = typeof v === 'number' ? v : undefined
    else out[k] = v
  }
  return out
}

/** The dialog of one action on a complaint; `onDone` gets main's new view of the complaint. */
export function ActionDialog({
  action,
  complaint,
  today,
  accounts,
  deciderTitle,
  onClose,
  onDone,
}: {
  action: ComplaintAction | null
  complaint: ComplaintDetail
  today: string
  accounts: ComplaintAccount[]
  deciderTitle: string
  onClose: () => void
  onDone: (c: ComplaintDetail) => void
}): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Modal
      opened={action !== null}
      onClose={onClose}
      title={action ? t(`complaints.actions.${action}`) : ''}
      size="lg"
    >
      {action && (
        <ActionForm
          key={action}
          action={action}
          complaint={complaint}
          today={today}
          accounts={accounts}
          deciderTitle={deciderTitle}
          onClose={onClose}
          onDone={onDone}
        />
      )}
    </Modal>
  )
}

function ActionForm({
  action,
  complaint,
  today,
  accounts,
  deciderTitle,
  onClose,
  onDone,
}: {
  action: ComplaintAction
  complaint: ComplaintDetail
  today: string
  accounts: ComplaintAccount[]
  deciderTitle: string
  onClose: () => void
  onDone: (c: ComplaintDetail) => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const spec = specFor(action, complaint, today, t)
  const [values, setValues] = useState<Fields>(spec.start)
  const [start] = useState(() => JSON.stringify(spec.start))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (k: string, v: unknown): void => {
    setValues((old) => ({ ...old, [k]: v }))
    setErrors((e) => (k in e ? { ...e, [k]: '' } : e))
  }
  const text = (k: string): string => (typeof values[k] === 'string' ? (values[k] as string) : '')

  const save = async (): Promise<void> => {
    setProblem(null)
    const input = toInput(values, spec.fixed ?? {}, complaint.id)
    const found = zodValidate(spec.schema, t)(input)
    // Main refuses more weeks than the setting allows (the schema only knows 26); say so at the
    // field before sending, with main's own words, rather than changing the number silently.
    const weeks = input.weeks
    if (action === 'extend' && typeof weeks === 'number' && weeks > complaint.extension.maxWeeks)
      found.weeks ??= t('validation.extensionTooLong', { max: complaint.extension.maxWeeks })
    setErrors(found)
    if (Object.keys(found).length) return setProblem(t('errors.validation'))
    setBusy(true)
    try {
      // The method and its schema belong together in specFor; main parses the input again.
      const next = (await call(spec.method, spec.schema.parse(input) as never)) as ComplaintDetail
      notifications.show({ color: 'teal', message: t('complaints.actions.done') })
      onDone(next)
    } catch (err) {
      setErrors(serverFieldErrors(t, err))
      setProblem(errorMessage(t, err))
    } finally {
      setBusy(false)
    }
  }

  const textLabel: Record<ComplaintAction, string> = {
    acknowledge: 'complaints.dialog.note',
    note: 'complaints.dialog.note',
    escalate: 'complaints.dialog.reason',
    hearing: 'complaints.dialog.record',
    advice: 'complaints.dialog.advice',
    extend: 'complaints.dialog.reason',
    consent: 'complaints.dialog.consentWhere',
    decide: 'complaints.dialog.decision',
    informComplainant: 'complaints.dialog.how',
    informStaff: 'complaints.dialog.how',
    close: 'complaints.dialog.closeNote',
    reopen: 'complaints.dialog.reopenReason',
  }
  const textKey = action === 'extend' || action === 'consent' ? 'reason' : 'text'
  const textRequired = !['acknowledge', 'informComplainant', 'informStaff', 'close'].includes(
    action,
  )
  const measures = (values.measures as { text: string }[] | undefined) ?? []

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <Stack gap="sm">
        {action === 'extend' && (
          <Alert color="blue" variant="light">
            <Text size="sm">
              {t('complaints.dialog.extendHelp', { max: complaint.extension.maxWeeks })}
            </Text>
          </Alert>
        )}
        {action === 'consent' && (
          <Alert color="orange" variant="light">
            <Text size="sm">
              {complaint.extension.reason
                ? `${t(`errors.${complaint.extension.reason}`, { defaultValue: '' })} `
                : ''}
              {t('complaints.dialog.consentHelp')}
            </Text>
          </Alert>
        )}
        {action === 'decide' && (
          <Text size="sm" c="dimmed">
            {t('complaints.dialog.decider', { role: deciderTitle })}
          </Text>
        )}
        <DateField
          label={t(action === 'hearing' ? 'complaints.dialog.heardOn' : 'complaints.dialog.date')}
          required
          value={(values.date as string | null) ?? null}
          onChange={(v) => set('date', v)}
          error={errors.date}
        />
        {action === 'escalate' && (
          <>
            <Select
              label={t('complaints.dialog.toStep')}
              data={[2, 3]
                .filter((s) => s > complaint.step)
                .map((s) => ({ value: String(s), label: t(`complaints.stepLong.${s}`) }))}
              value={(values.step as string | null) ?? null}
              onChange={(v) => set('step', v)}
              error={errors.step}
              allowDeselect={false}
            />
            <Select
              label={t('complaints.dialog.handler')}
              data={accounts
                .filter(
                  (a) => a.active && a.role !== 'volunteer' && a.id !== complaint.about.account?.id,
                )
                .map((a) => ({ value: String(a.id), label: a.name }))}
              value={(values.handlerId as string | null) ?? null}
              onChange={(v) => set('handlerId', v)}
              error={errors.handlerId}
              clearable
            />
          </>
        )}
        {action === 'hearing' && (
          <>
            <Radio.Group
              label={t('complaints.dialog.side')}
              value={(values.party as string | null) ?? ''}
              onChange={(v) => set('party', v)}
              error={errors.party}
              required
            >
              <Group gap="md" mt={4}>
                {COMPLAINT_PARTIES.map((p) => (
                  <Radio key={p} value={p} label={t(`complaints.entry.side.${p}`)} />
                ))}
              </Group>
            </Radio.Group>
            <TextInput
              label={t('complaints.dialog.heard')}
              required
              maxLength={300}
              value={text('persons')}
              onChange={(e) => set('persons', e.currentTarget.value)}
              error={errors.persons}
            />
          </>
        )}
        {(action === 'extend' || action === 'consent') && (
          <NumberInput
            label={t('complaints.dialog.weeks')}
            required
            min={1}
            max={action === 'extend' ? complaint.extension.maxWeeks : 26}
            allowDecimal={false}
            // Clamping would turn 5 into 4 without a word; the message at the field says it.
            clampBehavior="none"
            value={(values.weeks as number | string | undefined) ?? ''}
            onChange={(v) => set('weeks', v)}
            error={errors.weeks}
            w={200}
          />
        )}
        {(action === 'decide' || action === 'advice') && (
          <Select
            label={t(
              action === 'advice'
                ? 'complaints.dialog.advisedOutcome'
                : 'complaints.dialog.outcome',
            )}
            required={action === 'decide'}
            data={COMPLAINT_OUTCOMES.map((o) => ({
              value: o,
              label: t(`complaints.outcome.${o}`),
            }))}
            value={(values.outcome as string | null) ?? null}
            onChange={(v) => set('outcome', v)}
            error={errors.outcome}
            clearable={action === 'advice'}
          />
        )}
        <Textarea
          label={t(textLabel[action])}
          required={textRequired}
          autosize
          minRows={action === 'hearing' || action === 'decide' || action === 'advice' ? 4 : 2}
          maxLength={5000}
          value={text(textKey)}
          onChange={(e) => set(textKey, e.currentTarget.value)}
          error={errors[textKey]}
          data-autofocus
        />
        {action === 'decide' && (
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              {t('complaints.dialog.measures')}
            </Text>
            {measures.map((m, i) => (
              <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
                <TextInput
                  aria-label={`${t('complaints.dialog.measure')} ${i + 1}`}
                  placeholder={t('complaints.dialog.measure')}
                  maxLength={1000}
                  value={m.text}
                  onChange={(e) => {
                    const next = [...measures]
                    next[i] = { text: e.currentTarget.value }
                    set('measures', next)
                  }}
                  error={errors[`measures.${i}.text`]}
                  style={{ flex: 1 }}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={4}
                  aria-label={t('complaints.dialog.removeMeasure')}
                  onClick={() =>
                    set(
                      'measures',
                      measures.filter((_, j) => j !== i),
                    )
                  }
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => set('measures', [...measures, { text: '' }])}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('complaints.dialog.addMeasure')}
            </Button>
          </Stack>
        )}
        <FormActions
          problem={problem}
          busy={busy}
          dirty={() => JSON.stringify(values) !== start}
          onCancel={onClose}
          submitLabel={t('common.save')}
        />
      </Stack>
    </form>
  )
}

/** "Corrigeren": a new entry beside the one it corrects; the original stays as it was. */
export function CorrectionDialog({
  entry,
  complaint,
  today,
  onClose,
  onDone,
}: {
  entry: ComplaintEntryView | null
  complaint: ComplaintDetail
  today: string
  onClose: () => void
  onDone: (c: ComplaintDetail) => void
}): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Modal
      opened={entry !== null}
      onClose={onClose}
      title={
        entry
          ? t('complaints.entry.correctOf', {
              kind: t(`complaints.entry.kinds.${entry.kind}`),
              date: toDutchDate(entry.date),
            })
          : ''
      }
      size="lg"
    >
      {entry && (
        <CorrectionForm
          entry={entry}
          complaint={complaint}
          today={today}
          onClose={onClose}
          onDone={onDone}
        />
      )}
    </Modal>
  )
}

function CorrectionForm({
  entry,
  complaint,
  today,
  onClose,
  onDone,
}: {
  entry: ComplaintEntryView
  complaint: ComplaintDetail
  today: string
  onClose: () => void
  onDone: (c: ComplaintDetail) => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const [newDate, setNewDate] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<string | null>(null)
  const [voids, setVoids] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const save = async (): Promise<void> => {
    setProblem(null)
    const input = {
      complaintId: complaint.id,
      kind: 'correction',
      date: today,
      correctsId: entry.id,
      text,
      newDate,
      outcome: entry.kind === 'decision' ? outcome : null,
      voids,
    }
    const found = zodValidate(complaintAddEntryInput, t)(input)
    setErrors(found)
    if (Object.keys(found).length) return setProblem(t('errors.validation'))
    setBusy(true)
    try {
      const next = await call('complaints.addEntry', complaintAddEntryInput.parse(input))
      notifications.show({ color: 'teal', message: t('complaints.actions.done') })
      onDone(next)
    } catch (err) {
      setErrors(serverFieldErrors(t, err))
      setProblem(errorMessage(t, err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <Stack gap="sm">
        <Alert color="gray" variant="light">
          <Text size="sm" fw={600}>
            {t(`complaints.entry.kinds.${entry.kind}`)} · {toDutchDate(entry.date)} ·{' '}
            {entry.authorName}
          </Text>
          {entry.text && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {entry.text}
            </Text>
          )}
        </Alert>
        <Text size="sm" c="dimmed">
          {t('complaints.dialog.correctionHelp')}
        </Text>
        <Textarea
          label={t('complaints.dialog.correction')}
          required
          autosize
          minRows={2}
          maxLength={5000}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={errors.text}
          data-autofocus
        />
        <DateField
          label={t('complaints.dialog.newDate')}
          value={newDate}
          onChange={setNewDate}
          error={errors.newDate}
          clearable
        />
        {entry.kind === 'decision' && (
          <Select
            label={t('complaints.dialog.newOutcome')}
            data={COMPLAINT_OUTCOMES.map((o) => ({
              value: o,
              label: t(`complaints.outcome.${o}`),
            }))}
            value={outcome}
            onChange={setOutcome}
            error={errors.outcome}
            clearable
          />
        )}
        <Checkbox
          label={t('complaints.dialog.voids')}
          checked={voids}
          onChange={(e) => setVoids(e.currentTarget.checked)}
          error={errors.voids}
        />
        <FormActions
          problem={problem}
          busy={busy}
          dirty={() => text !== '' || newDate !== null || voids}
          onCancel={onClose}
          submitLabel={t('common.save')}
        />
      </Stack>
    </form>
  )
}
