import { useCallback, useMemo, useState } from 'react'
import {
  Button,
  Group,
  Modal,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  UnstyledButton,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { IconSearch } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { DateField } from '../../common/components/date-field'
import { serverFieldErrors, showError, zodValidate } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { DEMANDS, type Demand } from '../../../../shared/schemas/volunteers'
import {
  REQUESTER_KINDS,
  helpRequestSaveInput,
  type HelpRequest,
  type HelpRequestSaveInput,
  type RequesterKind,
} from '../../../../shared/schemas/support'
import { AvailabilityGrid, sortSlots, type WeekSlot } from '../volunteers'
import './texts'

/** A household or person chosen as the one who asks. */
export interface Picked {
  id: number
  label: string
}

interface Draft {
  id: number | null
  kindId: string | null
  requesterKind: RequesterKind
  household: Picked | null
  person: Picked | null
  requesterName: string
  requesterContact: string
  asked: string
  place: string
  halfDays: WeekSlot[]
  openedOn: string
  endsOn: string | null
  demands: string[]
  courseIds: string[]
}

function fromRequest(r: HelpRequest): Draft {
  return {
    id: r.id,
    kindId: String(r.kindId),
    requesterKind: r.requesterKind,
    household: r.householdId === null ? null : { id: r.householdId, label: r.requesterLabel },
    person: r.personId === null ? null : { id: r.personId, label: r.requesterLabel },
    requesterName: r.requesterName ?? '',
    requesterContact: r.requesterContact ?? '',
    asked: r.asked,
    place: r.place ?? '',
    halfDays: r.halfDays,
    openedOn: r.openedOn,
    endsOn: r.endsOn,
    demands: r.demands,
    courseIds: r.courses.map((c) => String(c.id)),
  }
}

function toInput(d: Draft): HelpRequestSaveInput {
  return {
    id: d.id,
    kindId: (d.kindId ? Number(d.kindId) : undefined) as number,
    requesterKind: d.requesterKind,
    householdId: d.household?.id ?? null,
    personId: d.person?.id ?? null,
    requesterName: d.requesterName,
    requesterContact: d.requesterContact,
    asked: d.asked,
    place: d.place,
    halfDays: d.halfDays,
    openedOn: d.openedOn,
    endsOn: d.endsOn || null,
    demands: d.demands as Demand[],
    courseIds: d.courseIds.map(Number),
  }
}

/**
 * A help request, new or changed, in a dialog: the kind, who asks (a household or person of the
 * app, or a name and contact), what and when, and what the volunteer must bring.
 */
export function HelpRequestForm({
  request,
  person,
  today,
  onClose,
  onSaved,
}: {
  request?: HelpRequest
  /** For a new request: this person asks (from their page). */
  person?: Picked
  today: string
  onClose: () => void
  onSaved: (r: HelpRequest) => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [d, setD] = useState<Draft>(() =>
    request
      ? fromRequest(request)
      : {
          id: null,
          kindId: null,
          requesterKind: person ? 'person' : 'household',
          household: null,
          person: person ?? null,
          requesterName: '',
          requesterContact: '',
          asked: '',
          place: '',
          halfDays: [],
          openedOn: today,
          endsOn: null,
          demands: [],
          courseIds: [],
        },
  )
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)
  const set = (patch: Partial<Draft>): void => {
    setD((x) => ({ ...x, ...patch }))
    // A field's message goes once that field changes.
    const gone = Object.keys(patch).map((k) =>
      k === 'household' ? 'householdId' : k === 'person' ? 'personId' : k,
    )
    setErrors((e) =>
      Object.fromEntries(
        Object.entries(e).filter(([k]) => !gone.some((g) => k === g || k.startsWith(`${g}.`))),
      ),
    )
  }

  const kindsLoader = useCallback(() => call('helpRequests.kinds', {}), [])
  const kinds = useLoad(kindsLoader)
  const coursesLoader = useCallback(() => call('trainings.courses', {}), [])
  const courses = useLoad(coursesLoader)
  const kindOptions = (kinds.data ?? [])
    .filter((k) => k.active || String(k.id) === d.kindId)
    .map((k) => ({ value: String(k.id), label: k.name }))
  const courseOptions = (courses.data ?? [])
    .filter((c) => c.active || d.courseIds.includes(String(c.id)))
    .map((c) => ({ value: String(c.id), label: c.level ? `${c.title} (${c.level})` : c.title }))

  const save = async (): Promise<void> => {
    const input = toInput(d)
    const local = zodValidate(helpRequestSaveInput, t)(input)
    if (Object.keys(local).length) {
      setErrors(local)
      return
    }
    setSaving(true)
    try {
      const saved = await call('helpRequests.save', input)
      notifications.show({ color: 'teal', message: t('support.form.saved') })
      onSaved(saved)
    } catch (err) {
      const fields = serverFieldErrors(t, err)
      setErrors(fields)
      if (!Object.keys(fields).length) showError(t, err)
    } finally {
      setSaving(false)
    }
  }
  const halfDaysError =
    errors.halfDays ?? Object.entries(errors).find(([k]) => k.startsWith('halfDays.'))?.[1]
  const listError = (name: string): string | undefined =>
    errors[name] ?? Object.entries(errors).find(([k]) => k.startsWith(`${name}.`))?.[1]

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={d.id === null ? t('support.form.newTitle') : t('support.form.editTitle')}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <Stack gap="sm">
          <Select
            label={t('support.form.kind')}
            data={kindOptions}
            value={d.kindId}
            onChange={(v) => set({ kindId: v })}
            error={errors.kindId}
            description={kinds.data && !kindOptions.length ? t('support.form.noKinds') : undefined}
            withAsterisk
            allowDeselect={false}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="requester-kind">
              {t('support.form.requesterKind')}
            </Text>
            <SegmentedControl
              aria-labelledby="requester-kind"
              data={REQUESTER_KINDS.map((k) => ({
                value: k,
                label: t(`support.requesterKinds.${k}`),
              }))}
              value={d.requesterKind}
              onChange={(v) => set({ requesterKind: v as RequesterKind })}
              style={{ alignSelf: 'flex-start' }}
            />
          </Stack>
          {d.requesterKind === 'household' && (
            <HouseholdPicker
              value={d.household}
              onChange={(v) => set({ household: v })}
              error={errors.householdId}
            />
          )}
          {d.requesterKind === 'person' && (
            <PersonPicker
              value={d.person}
              onChange={(v) => set({ person: v })}
              error={errors.personId}
            />
          )}
          {d.requesterKind === 'contact' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('support.form.requesterName')}
                value={d.requesterName}
                onChange={(e) => set({ requesterName: e.currentTarget.value })}
                error={errors.requesterName}
                maxLength={120}
                withAsterisk
              />
              <TextInput
                label={t('support.form.requesterContact')}
                description={t('support.form.requesterContactHelp')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                value={d.requesterContact}
                onChange={(e) => set({ requesterContact: e.currentTarget.value })}
                error={errors.requesterContact}
                maxLength={200}
              />
            </SimpleGrid>
          )}
          <Textarea
            label={t('support.form.asked')}
            value={d.asked}
            onChange={(e) => set({ asked: e.currentTarget.value })}
            error={errors.asked}
            autosize
            minRows={2}
            maxLength={2000}
            withAsterisk
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label={t('support.form.place')}
              value={d.place}
              onChange={(e) => set({ place: e.currentTarget.value })}
              error={errors.place}
              maxLength={120}
            />
            <DateField
              label={t('support.form.openedOn')}
              value={d.openedOn}
              onChange={(v) => set({ openedOn: v ?? '' })}
              error={errors.openedOn}
              withAsterisk
            />
            <DateField
              label={t('support.form.endsOn')}
              description={t('support.form.endsOnHelp')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              value={d.endsOn}
              onChange={(v) => set({ endsOn: v })}
              error={errors.endsOn}
            />
          </SimpleGrid>
          <AvailabilityGrid
            label={t('support.form.halfDays')}
            value={d.halfDays}
            onChange={(v) => set({ halfDays: sortSlots(v) })}
            error={halfDaysError}
          />
          <MultiSelect
            label={t('support.form.demands')}
            description={t('support.form.demandsHelp')}
            data={DEMANDS.map((x) => ({ value: x, label: t(`volunteers.labels.demand.${x}`) }))}
            value={d.demands}
            onChange={(v) => set({ demands: v })}
            error={listError('demands')}
            clearable
          />
          <MultiSelect
            label={t('support.form.courses')}
            description={t('support.form.coursesHelp')}
            data={courseOptions}
            value={d.courseIds}
            onChange={(v) => set({ courseIds: v })}
            error={listError('courseIds')}
            searchable
            clearable
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('support.form.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('support.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

/** The chosen one, with a button to choose another. */
function PickedLine({
  label,
  value,
  onChange,
}: {
  label: string
  value: Picked
  onChange: (v: Picked | null) => void
}): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Group gap="sm">
        <Paper withBorder px="sm" py={4}>
          <Text size="sm" data-testid="picked-requester">
            {value.label}
          </Text>
        </Paper>
        <Button variant="subtle" size="xs" onClick={() => onChange(null)}>
          {t('support.form.change')}
        </Button>
      </Group>
    </Stack>
  )
}

/**
 * A household by its reference, name or postcode. The search runs on Enter or the button, not per
 * keystroke: each search of households is a call main logs.
 */
function HouseholdPicker({
  value,
  onChange,
  error,
}: {
  value: Picked | null
  onChange: (v: Picked | null) => void
  error?: string
}): React.JSX.Element {
  const { t } = useTranslation()
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<(Picked & { detail: string })[] | null>(null)
  const [busy, setBusy] = useState(false)
  const label = t('support.form.household')
  const run = async (): Promise<void> => {
    if (query.trim().length < 2) return
    setBusy(true)
    try {
      const r = await call('households.search', { query: query.trim(), limit: 10 })
      setFound(
        r.rows.map((h) => ({
          id: h.id,
          label: `${h.contactName} (${h.reference})`,
          detail: [h.postcode, h.city].filter(Boolean).join(' '),
        })),
      )
    } catch (err) {
      showError(t, err)
    } finally {
      setBusy(false)
    }
  }
  if (value) return <PickedLine label={label} value={value} onChange={onChange} />
  return (
    <Stack gap={4}>
      <Group align="flex-end" gap="xs">
        <TextInput
          label={label}
          placeholder={t('support.form.householdSearch')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              void run()
            }
          }}
          error={error}
          withAsterisk
          style={{ flex: 1 }}
        />
        <Button
          variant="default"
          loading={busy}
          leftSection={<IconSearch size={14} aria-hidden />}
          onClick={() => void run()}
          mb={error ? 22 : 0}
        >
          {t('support.form.search')}
        </Button>
      </Group>
      {found && found.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('support.form.noMatch')}
        </Text>
      )}
      {found && found.length > 0 && (
        <Paper withBorder p={4}>
          <Stack gap={0} role="listbox" aria-label={label}>
            {found.map((r) => (
              <UnstyledButton
                key={r.id}
                role="option"
                aria-selected={false}
                px="sm"
                py={6}
                onClick={() => {
                  onChange({ id: r.id, label: r.label })
                  setFound(null)
                }}
              >
                <Text size="sm">
                  {r.label}
                  <Text span c="dimmed" size="sm">
                    {' '}
                    · {r.detail}
                  </Text>
                </Text>
              </UnstyledButton>
            ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  )
}

/** A person of the volunteers register by name, as typed (as the trainings dialog finds them). */
function PersonPicker({
  value,
  onChange,
  error,
}: {
  value: Picked | null
  onChange: (v: Picked | null) => void
  error?: string
}): React.JSX.Element {
  const { t } = useTranslation()
  const [query, setQuery] = useState('')
  const [debounced] = useDebouncedValue(query, 250)
  const typed = debounced.trim().length >= 2
  const loader = useMemo(
    () => (typed ? () => call('people.search', { query: debounced, limit: 20 }) : null),
    [typed, debounced],
  )
  const people = useLoad(loader)
  const found = typed
    ? (people.data?.rows ?? []).map((p) => ({
        value: String(p.id),
        label: `${p.firstName} ${p.lastName} (${p.reference})`,
      }))
    : []
  const label = t('support.form.person')
  if (value) return <PickedLine label={label} value={value} onChange={onChange} />
  return (
    <Select
      label={label}
      placeholder={t('support.form.personSearch')}
      data={found}
      searchable
      searchValue={query}
      onSearchChange={setQuery}
      filter={({ options }) => options}
      value={null}
      onChange={(v, option) => {
        if (!v || !option) return
        onChange({ id: Number(v), label: option.label })
        setQuery('')
      }}
      error={error}
      withAsterisk
      maw={420}
    />
  )
}
