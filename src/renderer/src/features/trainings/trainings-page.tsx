import { useCallback, useMemo, useState } from 'react'
import {
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { DateField } from '../../common/components/date-field'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage, serverFieldErrors, showError, zodValidate } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { useToday } from '../../common/hooks/use-shop-day'
import { toDutchDate } from '../../../../shared/dates'
import {
  trainingCourseSaveInput,
  trainingSessionSaveInput,
  type TrainingCourse,
  type TrainingParticipantKind,
  type TrainingSession,
  type TrainingSessionSummary,
} from '../../../../shared/schemas/trainings'
import './texts'
import { ActionsTh } from '../../common/components/actions-th'

interface Row {
  kind: TrainingParticipantKind
  id: number
  name: string
  completed: boolean
  mark: number | ''
}

interface SessionDraft {
  id: number | null
  courseId: string | null
  date: string
  place: string
  rows: Row[]
  externalCount: number | ''
  externalMarks: string[]
}

function toInput(d: SessionDraft): Record<string, unknown> {
  return {
    id: d.id,
    courseId: d.courseId ? Number(d.courseId) : undefined,
    date: d.date,
    place: d.place,
    externalCount: d.externalCount === '' ? 0 : d.externalCount,
    // A mark that is no number stays text, so the check names it.
    externalMarks: d.externalMarks.map((m) => (/^\d+$/.test(m.trim()) ? Number(m) : m)),
    participants: d.rows.map((r) => ({
      kind: r.kind,
      id: r.id,
      completed: r.completed,
      mark: r.mark === '' ? null : r.mark,
    })),
  }
}

function fromSession(s: TrainingSession): SessionDraft {
  return {
    id: s.id,
    courseId: String(s.courseId),
    date: s.date,
    place: s.place ?? '',
    rows: s.named.map((p) => ({ ...p, mark: p.mark ?? '' })),
    externalCount: s.externalCount,
    externalMarks: s.externalMarks.map(String),
  }
}

/** The trainings register: sessions of a period, and the courses they are of. */
export function TrainingsPage(): React.JSX.Element {
  const { t } = useTranslation()
  const today = useToday()
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`)
  const [to, setTo] = useState(`${today.slice(0, 4)}-12-31`)
  const [course, setCourse] = useState<string | null>(null)
  const valid = !!from && !!to && from <= to
  const coursesLoader = useCallback(() => call('trainings.courses', {}), [])
  const courses = useLoad(coursesLoader)
  const loader = useCallback(
    () => call('trainings.sessions', { from, to, courseId: course ? Number(course) : null }),
    [from, to, course],
  )
  const { data, error, reload } = useLoad(valid ? loader : null)
  const [draft, setDraft] = useState<SessionDraft | null>(null)

  const open = async (s: TrainingSessionSummary): Promise<void> => {
    try {
      setDraft(fromSession(await call('trainings.session', { id: s.id })))
    } catch (err) {
      showError(t, err)
    }
  }
  const remove = (s: TrainingSessionSummary): void => {
    modals.openConfirmModal({
      title: t('trainings.removeTitle'),
      children: (
        <Text size="sm">
          {t('trainings.removeText', { course: s.courseTitle, date: toDutchDate(s.date) })}
        </Text>
      ),
      labels: { confirm: t('trainings.remove'), cancel: t('trainings.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await call('trainings.removeSession', { id: s.id })
          notifications.show({ color: 'teal', message: t('trainings.removed') })
          reload()
          courses.reload()
        } catch (err) {
          showError(t, err)
        }
      },
    })
  }
  const hasCourses = !!courses.data?.some((c) => c.active)

  return (
    <Stack gap="md" maw={1100}>
      <div>
        <Title order={2}>{t('trainings.title')}</Title>
        <Text c="dimmed" maw={800}>
          {t('trainings.intro')}
        </Text>
      </div>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <DateField
          label={t('trainings.from')}
          value={from}
          onChange={(v) => setFrom(v ?? '')}
          w={150}
        />
        <DateField
          label={t('trainings.to')}
          value={to}
          onChange={(v) => setTo(v ?? '')}
          error={from && to && from > to ? t('validation.periodOrder') : undefined}
          w={150}
        />
        <Select
          label={t('trainings.course')}
          placeholder={t('trainings.allCourses')}
          data={(courses.data ?? []).map((c) => ({ value: String(c.id), label: c.title }))}
          value={course}
          onChange={setCourse}
          clearable
          w={260}
        />
        <Button
          ml="auto"
          disabled={!hasCourses}
          onClick={() =>
            setDraft({
              id: null,
              courseId: null,
              date: today,
              place: '',
              rows: [],
              externalCount: 0,
              externalMarks: [],
            })
          }
        >
          {t('trainings.newSession')}
        </Button>
      </Group>
      <ErrorAlert message={error ? errorMessage(t, error) : null} />
      {valid && !data && !error && <Loader aria-label={t('common.loading')} />}
      {data && data.length === 0 && <Text c="dimmed">{t('trainings.none')}</Text>}
      {data && data.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover aria-label={t('trainings.sessions')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('trainings.columns.date')}</Table.Th>
                <Table.Th>{t('trainings.columns.course')}</Table.Th>
                <Table.Th>{t('trainings.columns.place')}</Table.Th>
                <Table.Th ta="right">{t('trainings.columns.participants')}</Table.Th>
                <Table.Th ta="right">{t('trainings.columns.meanMark')}</Table.Th>
                <ActionsTh />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{toDutchDate(s.date)}</Table.Td>
                  <Table.Td>{s.courseTitle}</Table.Td>
                  <Table.Td>{s.place ?? ''}</Table.Td>
                  <Table.Td ta="right">{s.participants}</Table.Td>
                  <Table.Td ta="right">
                    {s.meanMark === null ? '' : s.meanMark.toLocaleString('nl-NL')}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="subtle"
                        aria-label={`${t('trainings.edit')}: ${s.courseTitle} ${toDutchDate(s.date)}`}
                        onClick={() => void open(s)}
                      >
                        {t('trainings.edit')}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        aria-label={`${t('trainings.remove')}: ${s.courseTitle} ${toDutchDate(s.date)}`}
                        onClick={() => remove(s)}
                      >
                        {t('trainings.remove')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CoursesCard
        courses={courses.data ?? null}
        onChanged={() => {
          courses.reload()
          reload()
        }}
      />
      {draft && (
        <SessionForm
          draft={draft}
          courses={courses.data ?? []}
          onClose={() => setDraft(null)}
          onSaved={() => {
            setDraft(null)
            reload()
            courses.reload()
          }}
        />
      )}
    </Stack>
  )
}

function SessionForm({
  draft,
  courses,
  onClose,
  onSaved,
}: {
  draft: SessionDraft
  courses: TrainingCourse[]
  onClose: () => void
  onSaved: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [d, setD] = useState(draft)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)
  const set = (patch: Partial<SessionDraft>): void => setD((x) => ({ ...x, ...patch }))
  const setRow = (i: number, patch: Partial<Row>): void =>
    setD((x) => ({ ...x, rows: x.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) }))
  const add = (row: Row): void =>
    setD((x) =>
      x.rows.some((r) => r.kind === row.kind && r.id === row.id)
        ? x
        : { ...x, rows: [...x.rows, row] },
    )

  // People by name, as typed; staff from the active accounts.
  const [query, setQuery] = useState('')
  const [debounced] = useDebouncedValue(query, 250)
  const typed = debounced.trim().length >= 2
  const peopleLoader = useMemo(
    () => (typed ? () => call('people.search', { query: debounced, limit: 20 }) : null),
    [typed, debounced],
  )
  const people = useLoad(peopleLoader)
  const found = typed
    ? (people.data?.rows ?? []).map((p) => ({
        value: String(p.id),
        label: `${p.firstName} ${p.lastName} (${p.reference})`,
      }))
    : []
  const staffLoader = useCallback(() => call('trainings.staff', {}), [])
  const staff = useLoad(staffLoader)

  const options = courses
    .filter((c) => c.active || String(c.id) === draft.courseId)
    .map((c) => ({ value: String(c.id), label: c.level ? `${c.title} (${c.level})` : c.title }))

  const save = async (): Promise<void> => {
    const input = toInput(d)
    const local = zodValidate(trainingSessionSaveInput, t)(input)
    if (Object.keys(local).length) {
      setErrors(local)
      return
    }
    setSaving(true)
    try {
      await call('trainings.saveSession', trainingSessionSaveInput.parse(input))
      notifications.show({ color: 'teal', message: t('trainings.saved') })
      onSaved()
    } catch (err) {
      const fields = serverFieldErrors(t, err)
      setErrors(fields)
      if (!Object.keys(fields).length) showError(t, err)
    } finally {
      setSaving(false)
    }
  }
  const marksError =
    errors.externalMarks ??
    Object.entries(errors).find(([k]) => k.startsWith('externalMarks.'))?.[1]

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={d.id === null ? t('trainings.newSession') : t('trainings.editSession')}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label={t('trainings.course')}
            data={options}
            value={d.courseId}
            onChange={(v) => set({ courseId: v })}
            error={errors.courseId}
            withAsterisk
            searchable
          />
          <DateField
            label={t('trainings.date')}
            value={d.date}
            onChange={(v) => set({ date: v ?? '' })}
            error={errors.date}
            withAsterisk
          />
          <TextInput
            label={t('trainings.place')}
            value={d.place}
            onChange={(e) => set({ place: e.currentTarget.value })}
            error={errors.place}
          />
        </SimpleGrid>

        <Title order={3} size="h5">
          {t('trainings.participants')}
        </Title>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label={t('trainings.addPerson')}
            placeholder={t('trainings.addPersonHint')}
            data={found}
            searchable
            searchValue={query}
            onSearchChange={setQuery}
            filter={({ options: o }) => o}
            value={null}
            onChange={(v, option) => {
              if (!v || !option) return
              add({
                kind: 'person',
                id: Number(v),
                name: option.label.replace(/ \([^)]*\)$/, ''),
                completed: true,
                mark: '',
              })
              setQuery('')
            }}
            w={320}
          />
          <Select
            label={t('trainings.addStaff')}
            data={(staff.data ?? []).map((a) => ({ value: String(a.id), label: a.displayName }))}
            searchable
            value={null}
            onChange={(v, option) => {
              if (v && option)
                add({
                  kind: 'account',
                  id: Number(v),
                  name: option.label,
                  completed: true,
                  mark: '',
                })
            }}
            w={260}
          />
        </Group>
        {d.rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('trainings.noParticipants')}
          </Text>
        ) : (
          <Table aria-label={t('trainings.participants')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('trainings.participantColumns.name')}</Table.Th>
                <Table.Th>{t('trainings.participantColumns.kind')}</Table.Th>
                <Table.Th>{t('trainings.participantColumns.completed')}</Table.Th>
                <Table.Th>{t('trainings.participantColumns.mark')}</Table.Th>
                <ActionsTh />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.rows.map((r, i) => (
                <Table.Tr key={`${r.kind}:${r.id}`}>
                  <Table.Td>
                    {r.name}
                    {errors[`participants.${i}.id`] && (
                      <Text size="xs" c="red">
                        {errors[`participants.${i}.id`]}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`trainings.kinds.${r.kind}`)}</Table.Td>
                  <Table.Td>
                    <Checkbox
                      aria-label={t('trainings.completed', { name: r.name })}
                      checked={r.completed}
                      onChange={(e) => setRow(i, { completed: e.currentTarget.checked })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={t('trainings.mark', { name: r.name })}
                      min={1}
                      max={10}
                      allowDecimal={false}
                      value={r.mark}
                      onChange={(v) => setRow(i, { mark: typeof v === 'number' ? v : '' })}
                      error={errors[`participants.${i}.mark`]}
                      w={110}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={t('trainings.takeOff', { name: r.name })}
                      onClick={() =>
                        setD((x) => ({ ...x, rows: x.rows.filter((_, j) => j !== i) }))
                      }
                    >
                      ×
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}

        <Title order={3} size="h5">
          {t('trainings.external')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NumberInput
            label={t('trainings.externalCount')}
            min={0}
            allowDecimal={false}
            value={d.externalCount}
            onChange={(v) => set({ externalCount: typeof v === 'number' ? v : '' })}
            error={errors.externalCount}
          />
          <TagsInput
            label={t('trainings.externalMarks')}
            description={t('trainings.externalMarksHelp')}
            value={d.externalMarks}
            onChange={(v) => set({ externalMarks: v })}
            allowDuplicates
            error={marksError}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('trainings.cancel')}
          </Button>
          <Button loading={saving} onClick={() => void save()}>
            {t('trainings.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

interface CourseDraft {
  id: number | null
  title: string
  level: string
  givenBy: string
  active: boolean
}

function CoursesCard({
  courses,
  onChanged,
}: {
  courses: TrainingCourse[] | null
  onChanged: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<CourseDraft | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)
  const save = async (): Promise<void> => {
    if (!draft) return
    const local = zodValidate(trainingCourseSaveInput, t)(draft)
    if (Object.keys(local).length) {
      setErrors(local)
      return
    }
    setSaving(true)
    try {
      await call('trainings.saveCourse', trainingCourseSaveInput.parse(draft))
      notifications.show({ color: 'teal', message: t('trainings.courseSaved') })
      setDraft(null)
      setErrors({})
      onChanged()
    } catch (err) {
      const fields = serverFieldErrors(t, err)
      setErrors(fields)
      if (!Object.keys(fields).length) showError(t, err)
    } finally {
      setSaving(false)
    }
  }
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="courses-title">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3} size="h4" id="courses-title">
            {t('trainings.courses')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('trainings.coursesIntro')}
          </Text>
        </div>
        <Button
          variant="light"
          onClick={() => {
            setErrors({})
            setDraft({ id: null, title: '', level: '', givenBy: '', active: true })
          }}
        >
          {t('trainings.newCourse')}
        </Button>
      </Group>
      {courses && courses.length === 0 && (
        <Text size="sm" c="dimmed" mt="sm">
          {t('trainings.noCourses')}
        </Text>
      )}
      {courses && courses.length > 0 && (
        <Table striped mt="sm" aria-label={t('trainings.courses')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('trainings.courseColumns.title')}</Table.Th>
              <Table.Th>{t('trainings.courseColumns.level')}</Table.Th>
              <Table.Th>{t('trainings.courseColumns.givenBy')}</Table.Th>
              <Table.Th ta="right">{t('trainings.courseColumns.sessions')}</Table.Th>
              <Table.Th>{t('trainings.courseColumns.active')}</Table.Th>
              <ActionsTh />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {courses.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.title}</Table.Td>
                <Table.Td>{c.level ?? ''}</Table.Td>
                <Table.Td>{c.givenBy ?? ''}</Table.Td>
                <Table.Td ta="right">{c.sessions}</Table.Td>
                <Table.Td>{c.active ? t('trainings.yes') : t('trainings.no')}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="subtle"
                    aria-label={`${t('trainings.edit')}: ${c.title}`}
                    onClick={() => {
                      setErrors({})
                      setDraft({
                        id: c.id,
                        title: c.title,
                        level: c.level ?? '',
                        givenBy: c.givenBy ?? '',
                        active: c.active,
                      })
                    }}
                  >
                    {t('trainings.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {draft && (
        <Modal
          opened
          onClose={() => setDraft(null)}
          title={draft.id === null ? t('trainings.newCourse') : t('trainings.editCourse')}
        >
          <Stack gap="sm">
            <TextInput
              label={t('trainings.titleField')}
              value={draft.title}
              onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })}
              error={errors.title}
              withAsterisk
            />
            <TextInput
              label={t('trainings.level')}
              value={draft.level}
              onChange={(e) => setDraft({ ...draft, level: e.currentTarget.value })}
              error={errors.level}
            />
            <TextInput
              label={t('trainings.givenBy')}
              value={draft.givenBy}
              onChange={(e) => setDraft({ ...draft, givenBy: e.currentTarget.value })}
              error={errors.givenBy}
            />
            <Switch
              label={t('trainings.active')}
              checked={draft.active}
              onChange={(e) => setDraft({ ...draft, active: e.currentTarget.checked })}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDraft(null)}>
                {t('trainings.cancel')}
              </Button>
              <Button loading={saving} onClick={() => void save()}>
                {t('trainings.save')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Card>
  )
}
