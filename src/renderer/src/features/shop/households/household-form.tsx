import {
  Autocomplete,
  Button,
  Card,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core'
import { useDistricts } from '../../../common/hooks/use-districts'
import type { UseFormReturnType } from '@mantine/form'
import type { TFunction } from 'i18next'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { call } from '../../../api'
import { fieldMessage, zodValidate } from '../../../common/forms'
import { DateField } from '../../../common/components/date-field'
import { addMonths, toDutchDate } from '../../../../../shared/dates'
import {
  isRealDate,
  MARITAL_STATUSES,
  normalisePostcode,
  type MaritalStatus,
} from '../../../../../shared/schemas/common'
import {
  GENDERS,
  HOUSEHOLD_STATUSES,
  INCOME_SOURCES,
  householdCreateInput,
  type Gender,
  type HouseholdStatus,
  type IncomeSource,
} from '../../../../../shared/schemas/household'
import type { Household } from '../../../../../shared/schemas/household'

export interface MemberFormValues {
  /** Only for React's list keys; never sent to main. */
  uid: string
  id?: number
  firstName: string
  /** '' while the field is empty (that is what NumberInput hands out). */
  birthYear: number | ''
  gender: Gender | null
  clothingSize: string
}

export interface HouseholdFormValues {
  contactName: string
  street: string
  houseNumber: string
  postcode: string
  city: string
  district: string
  phone: string
  email: string
  /** The contact's burgerlijke staat; null is unknown. */
  maritalStatus: MaritalStatus | null
  incomeSource: IncomeSource | null
  referrer: string
  proofSeenOn: string | null
  eligibleUntil: string | null
  consentDate: string | null
  consentBy: string
  status: HouseholdStatus
  notes: string
  members: MemberFormValues[]
}

/** The household's own fields of `households.create`, without the intake and the confirmation. */
const householdPart = householdCreateInput.omit({ intake: true, confirmDuplicate: true })

/** The household fields as main's schema leaves them: trimmed, normalised, empty text as null. */
export type HouseholdFields = z.output<typeof householdPart>

/**
 * Mantine keeps a closed dropdown's listbox in the page, labelled by the field's label, so
 * `getByLabel('Inkomensbron')` would find two elements. Unmounting it while closed keeps one.
 */
export const COMBOBOX_PROPS = { keepMounted: false } as const

let uidCounter = 0
function nextUid(): string {
  uidCounter += 1
  return `m${uidCounter}`
}

/**
 * Brings the first field that shows an error into view, so the coordinator sees what to fix. Text
 * fields get the focus; a date field or select would open its dropdown over the message, so
 * those are only scrolled to.
 */
export function focusFirstError(): void {
  setTimeout(() => {
    const el = document.querySelector<HTMLElement>('form [aria-invalid="true"]')
    if (!el) return
    el.scrollIntoView({ block: 'center' })
    if (!el.hasAttribute('data-dates-input') && !el.hasAttribute('aria-haspopup'))
      el.focus({ preventScroll: true })
  }, 0)
}

export function emptyMember(): MemberFormValues {
  return { uid: nextUid(), firstName: '', birthYear: '', gender: null, clothingSize: '' }
}

export function emptyHouseholdValues(today: string): HouseholdFormValues {
  return {
    contactName: '',
    street: '',
    houseNumber: '',
    postcode: '',
    city: '',
    district: '',
    phone: '',
    email: '',
    maritalStatus: null,
    incomeSource: null,
    referrer: '',
    proofSeenOn: null,
    eligibleUntil: null,
    consentDate: today,
    consentBy: '',
    status: 'active',
    notes: '',
    members: [],
  }
}

export function householdToFormValues(h: Household): HouseholdFormValues {
  return {
    contactName: h.contactName,
    street: h.street ?? '',
    houseNumber: h.houseNumber ?? '',
    postcode: h.postcode,
    city: h.city,
    district: h.district ?? '',
    phone: h.phone ?? '',
    email: h.email ?? '',
    maritalStatus: h.maritalStatus ?? null,
    incomeSource: h.incomeSource ?? null,
    referrer: h.referrer ?? '',
    proofSeenOn: h.proofSeenOn ?? null,
    eligibleUntil: h.eligibleUntil,
    consentDate: h.consentDate,
    consentBy: h.consentBy,
    status: h.status,
    notes: h.notes ?? '',
    members: h.members.map((m) => ({
      uid: nextUid(),
      id: m.id,
      firstName: m.firstName ?? '',
      birthYear: m.birthYear,
      gender: m.gender,
      clothingSize: m.clothingSize ?? '',
    })),
  }
}

/**
 * Parses the form's household part with main's own schema, so what is sent is exactly what was
 * validated (postcode as `1234 AB`, empty fields as null). Null when the values are invalid.
 */
export function toHouseholdFields(values: HouseholdFormValues): HouseholdFields | null {
  const parsed = householdPart.safeParse(values)
  return parsed.success ? parsed.data : null
}

/**
 * The household part of a form, checked with main's schema plus main's "not after this year" for
 * birth years (by main's today), so every mistake shows at once, each with its reason. An empty
 * postcode reads "required" rather than "not a valid postcode", which is what the coordinator
 * needs to hear.
 */
export function validateHousehold(
  t: TFunction,
  values: HouseholdFormValues,
  today: string,
): Record<string, string> {
  const errors = zodValidate(householdPart, t)(values)
  if (!values.postcode.trim())
    errors.postcode = fieldMessage(t, { path: 'postcode', key: 'required' })
  const year = Number(today.slice(0, 4))
  values.members.forEach((m, i) => {
    const path = `members.${i}.birthYear`
    if (typeof m.birthYear === 'number' && m.birthYear > year)
      errors[path] = fieldMessage(t, { path, key: 'birthYearFuture' })
  })
  return errors
}

/** The term of a proof of income in months, from the shop's settings (12 until they arrive). */
export function useEligibilityMonths(): number {
  const [months, setMonths] = useState(12)
  useEffect(() => {
    let live = true
    call('settings.get', {})
      .then((s) => {
        if (live) setMonths(s.eligibilityMonths)
      })
      .catch(() => {
        // The hint falls back to the default term; nothing else depends on it.
      })
    return () => {
      live = false
    }
  }, [])
  return months
}

/** A titled card around one part of a form or of the detail page. */
export function Section({
  title,
  hint,
  children,
}: {
  title: string
  hint?: string
  children: React.ReactNode
}): React.JSX.Element {
  return (
    <Card withBorder padding="lg" component="section">
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4">
            {title}
          </Title>
          {hint ? (
            <Text size="sm" c="dimmed">
              {hint}
            </Text>
          ) : null}
        </div>
        {children}
      </Stack>
    </Card>
  )
}

interface HouseholdFieldsProps {
  /** A form whose values hold at least the household part (the intake form holds more). */
  form: UseFormReturnType<HouseholdFormValues>
  /** The edit screen also sets the status and general notes; a new household starts active. */
  mode: 'new' | 'edit'
}

/** Contact, members, income and consent: the household part of the intake and edit forms. */
export function HouseholdFormFields({ form, mode }: HouseholdFieldsProps): React.JSX.Element {
  const { t } = useTranslation()
  const months = useEligibilityMonths()
  const districts = useDistricts()
  const values = form.getValues()
  const thisYear = new Date().getFullYear()

  const eligibleHint =
    values.proofSeenOn && isRealDate(values.proofSeenOn) && !values.eligibleUntil
      ? t('households.fields.eligibleUntilDerived', {
          date: toDutchDate(addMonths(values.proofSeenOn, months)),
          months,
        })
      : t('households.fields.eligibleUntilDefault', { months })

  const incomeOptions = INCOME_SOURCES.map((s) => ({ value: s, label: t(`income.${s}`) }))
  const genderOptions = GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))
  const maritalOptions = MARITAL_STATUSES.map((s) => ({ value: s, label: t(`maritalStatus.${s}`) }))
  const statusOptions = HOUSEHOLD_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))

  return (
    <Stack gap="md">
      <Section title={t('households.sections.contact')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('households.fields.contactName')}
            withAsterisk
            autoComplete="off"
            {...form.getInputProps('contactName')}
          />
          <TextInput
            label={t('households.fields.phone')}
            type="tel"
            autoComplete="off"
            {...form.getInputProps('phone')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <TextInput
            label={t('households.fields.street')}
            autoComplete="off"
            {...form.getInputProps('street')}
          />
          <TextInput
            label={t('households.fields.houseNumber')}
            autoComplete="off"
            {...form.getInputProps('houseNumber')}
          />
          <TextInput
            label={t('households.fields.postcode')}
            withAsterisk
            autoComplete="off"
            {...form.getInputProps('postcode')}
            onBlur={() => {
              // Show the postcode the way it will be stored: `3511ab` becomes `3511 AB`.
              const normalised = normalisePostcode(values.postcode)
              if (normalised && normalised !== values.postcode)
                form.setFieldValue('postcode', normalised)
            }}
          />
          <TextInput
            label={t('households.fields.city')}
            withAsterisk
            autoComplete="off"
            {...form.getInputProps('city')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Autocomplete
            label={t('households.fields.district')}
            data={districts}
            autoComplete="off"
            {...form.getInputProps('district')}
          />
          <TextInput
            label={t('households.fields.email')}
            type="email"
            autoComplete="off"
            {...form.getInputProps('email')}
          />
          <Select
            label={t('households.fields.maritalStatus')}
            data={maritalOptions}
            clearable
            comboboxProps={COMBOBOX_PROPS}
            {...form.getInputProps('maritalStatus')}
          />
        </SimpleGrid>
      </Section>

      <Section title={t('households.sections.members')} hint={t('households.sections.membersHint')}>
        {values.members.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('households.members.none')}
          </Text>
        ) : null}
        {values.members.map((m, i) => {
          const age = typeof m.birthYear === 'number' ? thisYear - m.birthYear : null
          const n = i + 1
          return (
            <Paper
              key={m.uid}
              withBorder
              p="sm"
              component="fieldset"
              style={{ margin: 0, minWidth: 0 }}
              aria-label={t('households.members.member', { n })}
            >
              <Group justify="space-between" mb="xs">
                <Text fw={600} size="sm">
                  {t('households.members.member', { n })}
                  {age !== null && age >= 0 && age < 130 ? (
                    <Text span c="dimmed" size="sm" fw={400}>
                      {' · '}
                      {t('households.members.ageThisYear', { age })}
                    </Text>
                  ) : null}
                </Text>
                <Button
                  variant="subtle"
                  color="red"
                  size="compact-sm"
                  onClick={() => form.removeListItem('members', i)}
                >
                  {t('households.members.remove', { n })}
                </Button>
              </Group>
              <SimpleGrid cols={{ base: 2, sm: 4 }}>
                <TextInput
                  label={t('households.members.firstName')}
                  autoComplete="off"
                  {...form.getInputProps(`members.${i}.firstName`)}
                />
                <NumberInput
                  label={t('households.members.birthYear')}
                  withAsterisk
                  allowDecimal={false}
                  // A typed minus stays, so "-2" is refused as a year instead of becoming 2.
                  clampBehavior="none"
                  hideControls
                  thousandSeparator={false}
                  {...form.getInputProps(`members.${i}.birthYear`)}
                />
                <Select
                  label={t('households.members.gender')}
                  withAsterisk
                  data={genderOptions}
                  comboboxProps={COMBOBOX_PROPS}
                  {...form.getInputProps(`members.${i}.gender`)}
                />
                <TextInput
                  label={t('households.members.clothingSize')}
                  autoComplete="off"
                  {...form.getInputProps(`members.${i}.clothingSize`)}
                />
              </SimpleGrid>
            </Paper>
          )
        })}
        <Group>
          <Button variant="light" onClick={() => form.insertListItem('members', emptyMember())}>
            {t('households.members.add')}
          </Button>
        </Group>
      </Section>

      <Section title={t('households.sections.income')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('households.fields.incomeSource')}
            withAsterisk
            data={incomeOptions}
            comboboxProps={COMBOBOX_PROPS}
            {...form.getInputProps('incomeSource')}
          />
          <TextInput
            label={t('households.fields.referrer')}
            description={t('households.fields.referrerDescription')}
            autoComplete="off"
            {...form.getInputProps('referrer')}
          />
          <DateField
            label={t('households.fields.proofSeenOn')}
            {...form.getInputProps('proofSeenOn')}
            value={values.proofSeenOn}
          />
          <DateField
            label={t('households.fields.eligibleUntil')}
            description={eligibleHint}
            {...form.getInputProps('eligibleUntil')}
            value={values.eligibleUntil}
          />
        </SimpleGrid>
      </Section>

      <Section title={t('households.sections.consent')} hint={t('households.sections.consentHint')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField
            label={t('households.fields.consentDate')}
            withAsterisk
            clearable={false}
            {...form.getInputProps('consentDate')}
            value={values.consentDate}
          />
          <TextInput
            label={t('households.fields.consentBy')}
            description={t('households.fields.consentByDescription')}
            withAsterisk
            autoComplete="off"
            {...form.getInputProps('consentBy')}
          />
        </SimpleGrid>
      </Section>

      {mode === 'edit' ? (
        <Section title={t('households.sections.other')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('households.fields.status')}
              withAsterisk
              allowDeselect={false}
              data={statusOptions}
              comboboxProps={COMBOBOX_PROPS}
              {...form.getInputProps('status')}
            />
          </SimpleGrid>
          <Textarea
            label={t('households.fields.notes')}
            autosize
            minRows={2}
            maxRows={8}
            {...form.getInputProps('notes')}
          />
        </Section>
      ) : null}
    </Stack>
  )
}
