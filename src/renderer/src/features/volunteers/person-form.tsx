import { useState } from 'react'
import {
  Card,
  Checkbox,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { DateField } from '../../common/components/date-field'
import { FormActions, differsFrom, valuesJson } from '../../common/components/form-actions'
import { errorMessage, serverFieldErrors, zodValidate } from '../../common/forms'
import { MARITAL_STATUSES, type MaritalStatus } from '../../../../shared/schemas/common'
import {
  PERSON_GENDERS,
  peopleCreateInput,
  type Person,
  type PersonGender,
} from '../../../../shared/schemas/volunteers'
import { AvailabilityGrid, type WeekSlot } from './availability-grid'
import { optionData, useOptions, usePrograms } from './use-lists'

type Text =
  | 'firstName'
  | 'lastName'
  | 'phone'
  | 'email'
  | 'address'
  | 'postcode'
  | 'place'
  | 'district'
  | 'birthYear'
  | 'languages'
  | 'referrer'
  | 'notes'

export interface PersonValues {
  text: Record<Text, string>
  gender: PersonGender
  /** Burgerlijke staat; null is unknown. */
  maritalStatus: MaritalStatus | null
  registeredOn: string | null
  intakeOn: string | null
  programmeId: string | null
  referralSourceId: string | null
  status: 'registered' | 'intake' | 'active'
  participationDuty: boolean
  dutyToApply: boolean
  ownTransport: boolean
  skillIds: string[]
  interestIds: string[]
  learningGoalIds: string[]
  limitationIds: string[]
  availability: WeekSlot[]
}

export function initialValues(p: Person | null, today: string): PersonValues {
  const ids = (list: { id: number }[] | undefined): string[] =>
    (list ?? []).map((o) => String(o.id))
  return {
    text: {
      firstName: p?.firstName ?? '',
      lastName: p?.lastName ?? '',
      phone: p?.phone ?? '',
      email: p?.email ?? '',
      address: p?.address ?? '',
      postcode: p?.postcode ?? '',
      place: p?.place ?? '',
      district: p?.district ?? '',
      birthYear: p?.birthYear ? String(p.birthYear) : '',
      languages: p?.languages ?? '',
      referrer: p?.referrer ?? '',
      notes: p?.notes ?? '',
    },
    gender: p?.gender ?? 'unknown',
    maritalStatus: p?.maritalStatus ?? null,
    registeredOn: p?.registeredOn ?? today,
    intakeOn: p?.intakeOn ?? null,
    programmeId: p?.programmeId ? String(p.programmeId) : null,
    referralSourceId: p?.referralSourceId ? String(p.referralSourceId) : null,
    status: p && p.status !== 'left' ? p.status : 'registered',
    participationDuty: p?.participationDuty ?? false,
    dutyToApply: p?.dutyToApply ?? false,
    ownTransport: p?.ownTransport ?? false,
    skillIds: ids(p?.skills),
    interestIds: ids(p?.interests),
    learningGoalIds: ids(p?.learningGoals),
    limitationIds: ids(p?.limitations),
    availability: p?.availability ?? [],
  }
}

/**
 * What the form sends: the shape main parses. A birth year that is no number goes as the text
 * typed, so the schema answers with its own message at the field instead of dropping it.
 */
export function personInput(v: PersonValues): Record<string, unknown> {
  const year = v.text.birthYear.trim()
  return {
    ...v.text,
    birthYear: year === '' ? null : /^\d+$/.test(year) ? Number(year) : year,
    gender: v.gender,
    maritalStatus: v.maritalStatus,
    registeredOn: v.registeredOn ?? '',
    intakeOn: v.intakeOn,
    programmeId: v.programmeId ? Number(v.programmeId) : null,
    referralSourceId: v.referralSourceId ? Number(v.referralSourceId) : null,
    status: v.status,
    participationDuty: v.participationDuty,
    dutyToApply: v.dutyToApply,
    ownTransport: v.ownTransport,
    skillIds: v.skillIds.map(Number),
    interestIds: v.interestIds.map(Number),
    learningGoalIds: v.learningGoalIds.map(Number),
    limitationIds: v.limitationIds.map(Number),
    availability: v.availability,
  }
}

/**
 * A person's details: contact, registration and trajectory, tags and availability. The same
 * form registers someone new and changes someone's details; `save` sends and throws main's
 * refusal, whose field messages are then shown at their fields.
 */
export function PersonForm({
  person,
  today,
  save,
  onCancel,
  showStatus,
}: {
  person: Person | null
  today: string
  save: (input: Record<string, unknown>) => Promise<void>
  onCancel: () => void
  showStatus: boolean
}): React.JSX.Element {
  const { t } = useTranslation()
  const [values, setValues] = useState<PersonValues>(() => initialValues(person, today))
  const [baseline] = useState(() => valuesJson(initialValues(person, today)))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const programmes = usePrograms()
  const skills = useOptions('skill')
  const interests = useOptions('interest')
  const learningGoals = useOptions('learning_goal')
  const limitations = useOptions('limitation')
  const sources = useOptions('referral_source')

  const set = <K extends keyof PersonValues>(k: K, v: PersonValues[K]): void =>
    setValues((old) => ({ ...old, [k]: v }))
  const text = (f: Text) => ({
    value: values.text[f],
    error: errors[f],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const v = e.currentTarget.value
      setValues((old) => ({ ...old, text: { ...old.text, [f]: v } }))
    },
  })
  // A grid's error names the repeated half-day (`availability.3`); it belongs to the grid.
  const gridError = Object.entries(errors).find(([k]) => k.startsWith('availability'))?.[1]

  const submit = async (): Promise<void> => {
    setProblem(null)
    const input = personInput(values)
    // The same schema main parses with: the same Dutch message at the same field.
    const found = zodValidate(peopleCreateInput, t)(input)
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
      <Stack gap="md">
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t('volunteers.person.sections.contact')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            <TextInput
              label={t('volunteers.person.firstName')}
              required
              data-autofocus
              {...text('firstName')}
            />
            <TextInput label={t('volunteers.person.lastName')} required {...text('lastName')} />
            <TextInput label={t('volunteers.person.phone')} type="tel" {...text('phone')} />
            <TextInput label={t('volunteers.person.email')} type="email" {...text('email')} />
            <TextInput label={t('volunteers.person.address')} {...text('address')} />
            <TextInput label={t('volunteers.person.postcode')} {...text('postcode')} />
            <TextInput label={t('volunteers.person.place')} {...text('place')} />
            <TextInput label={t('volunteers.person.district')} {...text('district')} />
            <TextInput
              label={t('volunteers.person.birthYear')}
              inputMode="numeric"
              {...text('birthYear')}
            />
            <Select
              label={t('volunteers.person.gender')}
              data={PERSON_GENDERS.map((g) => ({
                value: g,
                label: t(`volunteers.labels.gender.${g}`),
              }))}
              value={values.gender}
              onChange={(v) => v && set('gender', v as PersonGender)}
              allowDeselect={false}
              error={errors.gender}
            />
            <Select
              label={t('volunteers.person.maritalStatus')}
              data={MARITAL_STATUSES.map((s) => ({ value: s, label: t(`maritalStatus.${s}`) }))}
              value={values.maritalStatus}
              onChange={(v) => set('maritalStatus', v as MaritalStatus | null)}
              clearable
              error={errors.maritalStatus}
            />
            <TextInput label={t('volunteers.person.languages')} {...text('languages')} />
          </SimpleGrid>
        </Card>

        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t('volunteers.person.sections.trajectory')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            <DateField
              label={t('volunteers.person.registeredOn')}
              required
              value={values.registeredOn}
              onChange={(v) => set('registeredOn', v)}
              error={errors.registeredOn}
            />
            <DateField
              label={t('volunteers.person.intakeOn')}
              value={values.intakeOn}
              onChange={(v) => set('intakeOn', v)}
              error={errors.intakeOn}
            />
            {showStatus && (
              <Select
                label={t('volunteers.person.status')}
                data={(['registered', 'intake', 'active'] as const).map((s) => ({
                  value: s,
                  label: t(`volunteers.labels.status.${s}`),
                }))}
                value={values.status}
                onChange={(v) => v && set('status', v as PersonValues['status'])}
                allowDeselect={false}
                error={errors.status}
              />
            )}
            <Select
              label={t('volunteers.person.programme')}
              placeholder={t('volunteers.person.noProgramme')}
              data={(programmes ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
              value={values.programmeId}
              onChange={(v) => set('programmeId', v)}
              clearable
              error={errors.programmeId}
            />
            <Select
              label={t('volunteers.person.referralSource')}
              data={optionData(
                sources,
                person?.referralSourceId
                  ? [{ id: person.referralSourceId, name: person.referralSourceName ?? '' }]
                  : [],
              )}
              value={values.referralSourceId}
              onChange={(v) => set('referralSourceId', v)}
              clearable
              error={errors.referralSourceId}
            />
            <TextInput label={t('volunteers.person.referrer')} {...text('referrer')} />
          </SimpleGrid>
          <Group mt="md" gap="xl">
            <Checkbox
              label={t('volunteers.person.participationDuty')}
              checked={values.participationDuty}
              onChange={(e) => set('participationDuty', e.currentTarget.checked)}
            />
            <Checkbox
              label={t('volunteers.person.dutyToApply')}
              checked={values.dutyToApply}
              onChange={(e) => set('dutyToApply', e.currentTarget.checked)}
            />
            <Checkbox
              label={t('volunteers.person.ownTransport')}
              checked={values.ownTransport}
              onChange={(e) => set('ownTransport', e.currentTarget.checked)}
            />
          </Group>
        </Card>

        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t('volunteers.person.sections.tags')}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <MultiSelect
              label={t('volunteers.person.skills')}
              data={optionData(skills, person?.skills)}
              value={values.skillIds}
              onChange={(v) => set('skillIds', v)}
              searchable
              error={errors.skillIds}
            />
            <MultiSelect
              label={t('volunteers.person.interests')}
              data={optionData(interests, person?.interests)}
              value={values.interestIds}
              onChange={(v) => set('interestIds', v)}
              searchable
              error={errors.interestIds}
            />
            <MultiSelect
              label={t('volunteers.person.learningGoals')}
              data={optionData(learningGoals, person?.learningGoals)}
              value={values.learningGoalIds}
              onChange={(v) => set('learningGoalIds', v)}
              searchable
              error={errors.learningGoalIds}
            />
            <MultiSelect
              label={t('volunteers.person.limitations')}
              description={t('volunteers.person.limitationsHelp')}
              data={optionData(limitations, person?.limitations)}
              value={values.limitationIds}
              onChange={(v) => set('limitationIds', v)}
              searchable
              error={errors.limitationIds}
            />
          </SimpleGrid>
          <Textarea
            mt="md"
            label={t('volunteers.person.notes')}
            autosize
            minRows={2}
            {...text('notes')}
          />
        </Card>

        <Card withBorder>
          <AvailabilityGrid
            label={t('volunteers.person.availability')}
            value={values.availability}
            onChange={(v) => set('availability', v)}
            error={gridError}
          />
        </Card>

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
