import { useState } from 'react'
import {
  Checkbox,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { FormActions, differsFrom, valuesJson } from '../../common/components/form-actions'
import { errorMessage, serverFieldErrors, zodValidate } from '../../common/forms'
import {
  DEMANDS,
  vacanciesCreateInput,
  type HostOrganisation,
  type Vacancy,
} from '../../../../shared/schemas/volunteers'
import { AvailabilityGrid, type WeekSlot } from './availability-grid'
import { optionData, useOptions } from './use-lists'

interface Values {
  partnerId: string | null
  title: string
  tasks: string
  place: string
  district: string
  places: number | string
  notes: string
  skillIds: string[]
  learningGoalIds: string[]
  interestIds: string[]
  demands: string[]
  availability: WeekSlot[]
  active: boolean
}

function initial(v: Vacancy | null, partnerId: number | null): Values {
  const ids = (l: { id: number }[] | undefined): string[] => (l ?? []).map((o) => String(o.id))
  return {
    partnerId: v ? String(v.partnerId) : partnerId ? String(partnerId) : null,
    title: v?.title ?? '',
    tasks: v?.tasks ?? '',
    place: v?.place ?? '',
    district: v?.district ?? '',
    places: v?.places ?? 1,
    notes: v?.notes ?? '',
    skillIds: ids(v?.skills),
    learningGoalIds: ids(v?.learningGoals),
    interestIds: ids(v?.interests),
    demands: v?.demands ?? [],
    availability: v?.availability ?? [],
    active: v?.active ?? true,
  }
}

/** A vacancy's fields as main parses them; an empty number goes as empty, for its message. */
function toInput(v: Values): Record<string, unknown> {
  return {
    partnerId: v.partnerId ? Number(v.partnerId) : null,
    title: v.title,
    tasks: v.tasks,
    place: v.place,
    district: v.district,
    places: v.places === '' ? undefined : Number(v.places),
    notes: v.notes,
    skillIds: v.skillIds.map(Number),
    learningGoalIds: v.learningGoalIds.map(Number),
    interestIds: v.interestIds.map(Number),
    demands: v.demands,
    availability: v.availability,
  }
}

/** A new vacancy, or changes to one: tasks, what it asks and offers, its half-days. */
export function VacancyForm({
  vacancy,
  organisations,
  partnerId = null,
  save,
  onCancel,
}: {
  vacancy: Vacancy | null
  organisations: HostOrganisation[]
  partnerId?: number | null
  save: (input: Record<string, unknown>) => Promise<void>
  onCancel: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [values, setValues] = useState<Values>(() => initial(vacancy, partnerId))
  const [baseline] = useState(() => valuesJson(initial(vacancy, partnerId)))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const skills = useOptions('skill')
  const goals = useOptions('learning_goal')
  const interests = useOptions('interest')
  const set = <K extends keyof Values>(k: K, v: Values[K]): void =>
    setValues((old) => ({ ...old, [k]: v }))
  const gridError = Object.entries(errors).find(([k]) => k.startsWith('availability'))?.[1]

  const submit = async (): Promise<void> => {
    setProblem(null)
    const input = { ...toInput(values), ...(vacancy ? { active: values.active } : {}) }
    const found = zodValidate(vacanciesCreateInput, t)(input)
    setErrors(found)
    if (Object.keys(found).length) return setProblem(t('errors.validation'))
    setBusy(true)
    try {
      await save(input)
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
        void submit()
      }}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('volunteers.vacancies.organisation')}
            data={organisations.map((o) => ({ value: String(o.id), label: o.name }))}
            value={values.partnerId}
            onChange={(v) => set('partnerId', v)}
            searchable
            required
            error={errors.partnerId}
          />
          <TextInput
            label={t('volunteers.vacancies.titleField')}
            value={values.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={errors.title}
            required
          />
        </SimpleGrid>
        <Textarea
          label={t('volunteers.vacancies.tasks')}
          value={values.tasks}
          onChange={(e) => set('tasks', e.currentTarget.value)}
          error={errors.tasks}
          autosize
          minRows={2}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('volunteers.vacancies.place')}
            value={values.place}
            onChange={(e) => set('place', e.currentTarget.value)}
            error={errors.place}
          />
          <TextInput
            label={t('volunteers.vacancies.district')}
            value={values.district}
            onChange={(e) => set('district', e.currentTarget.value)}
            error={errors.district}
          />
          <NumberInput
            label={t('volunteers.vacancies.places')}
            value={values.places}
            onChange={(v) => set('places', v)}
            min={1}
            max={100}
            allowDecimal={false}
            error={errors.places}
            required
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label={t('volunteers.vacancies.skills')}
            data={optionData(skills, vacancy?.skills)}
            value={values.skillIds}
            onChange={(v) => set('skillIds', v)}
            searchable
            error={errors.skillIds}
          />
          <MultiSelect
            label={t('volunteers.vacancies.learningGoals')}
            data={optionData(goals, vacancy?.learningGoals)}
            value={values.learningGoalIds}
            onChange={(v) => set('learningGoalIds', v)}
            searchable
            error={errors.learningGoalIds}
          />
          <MultiSelect
            label={t('volunteers.vacancies.interests')}
            data={optionData(interests, vacancy?.interests)}
            value={values.interestIds}
            onChange={(v) => set('interestIds', v)}
            searchable
            error={errors.interestIds}
          />
          <MultiSelect
            label={t('volunteers.vacancies.demands')}
            description={t('volunteers.vacancies.demandsHelp')}
            data={DEMANDS.map((d) => ({ value: d, label: t(`volunteers.labels.demand.${d}`) }))}
            value={values.demands}
            onChange={(v) => set('demands', v)}
            searchable
            error={errors.demands}
          />
        </SimpleGrid>
        <AvailabilityGrid
          label={t('volunteers.vacancies.halfDays')}
          value={values.availability}
          onChange={(v) => set('availability', v)}
          error={gridError}
        />
        <Textarea
          label={t('volunteers.vacancies.notes')}
          value={values.notes}
          onChange={(e) => set('notes', e.currentTarget.value)}
          error={errors.notes}
          autosize
          minRows={1}
        />
        {vacancy && (
          <Checkbox
            label={t('volunteers.vacancies.active')}
            checked={values.active}
            onChange={(e) => set('active', e.currentTarget.checked)}
          />
        )}
        <FormActions
          problem={problem}
          busy={busy}
          dirty={() => differsFrom(values, baseline)}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  )
}
