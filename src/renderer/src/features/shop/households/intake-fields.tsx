import {
  Checkbox,
  Input,
  Loader,
  MultiSelect,
  SegmentedControl,
  SimpleGrid,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import type { TFunction } from 'i18next'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { call } from '../../../api'
import { DateField } from '../../../common/components/date-field'
import { partnerOption, useActivePartners } from '../../partners'
import { fieldMessage, serverFieldErrors, showError } from '../../../common/forms'
import { AppError } from '../../../../../shared/errors'
import {
  INTAKE_ANSWERS,
  intakeCreateInput,
  type IntakeAnswer,
} from '../../../../../shared/schemas/household'
import type { ListKind } from '../../../../../shared/schemas/lists'
import type { ListItem } from '../../../../../shared/schemas/lists'
import { issuesToFieldErrors } from '../../../../../shared/validation'
import { COMBOBOX_PROPS, Section } from './household-form'

/** The intake conversation as the form holds it; list ids are strings, as Mantine's inputs use. */
export interface IntakeFormValues {
  date: string | null
  doneBy: string
  topicIds: string[]
  referralIds: string[]
  notes: string
  debts: IntakeAnswer
  multipleProblems: IntakeAnswer
}

/** The intake lives under `intake.` in every form that shows it. */
export interface WithIntake {
  intake: IntakeFormValues
}

export type IntakeInput = z.output<typeof intakeCreateInput>

const intakePart = intakeCreateInput.omit({ householdId: true })

/** The intake without its household, as main's schema leaves it (the `intake` of a new family). */
export type IntakePart = z.output<typeof intakePart>

/** A new intake: today, by the person logged in (they can change it). */
export function emptyIntakeValues(today: string, doneBy = ''): IntakeFormValues {
  return {
    date: today,
    doneBy,
    topicIds: [],
    referralIds: [],
    notes: '',
    debts: 'unknown',
    multipleProblems: 'unknown',
  }
}

/** The intake's input without the household, still unchecked (the date may be missing). */
function toIntakeShape(v: IntakeFormValues): Record<string, unknown> {
  return {
    date: v.date,
    doneBy: v.doneBy,
    topicIds: v.topicIds.map(Number),
    referrals: v.referralIds.map((id) => ({ destinationId: Number(id), note: null })),
    notes: v.notes,
    debts: v.debts,
    multipleProblems: v.multipleProblems,
  }
}

/**
 * Maps a path of the intake's input (what main reports) onto the form: `doneBy` ->
 * `intake.doneBy`, `topicIds.2` -> `intake.topicIds`, `referrals.0.destinationId` ->
 * `intake.referralIds`.
 */
export function intakeFormPath(path: string): string {
  const [head] = path.split('.')
  if (head === 'topicIds') return 'intake.topicIds'
  if (head === 'referrals') return 'intake.referralIds'
  return `intake.${head}`
}

/** Client-side checks of the intake, with main's schema plus its "not in the future" rule. */
export function validateIntake(
  t: TFunction,
  values: IntakeFormValues,
  today: string,
): Record<string, string> {
  const errors: Record<string, string> = {}
  const parsed = intakePart.safeParse(toIntakeShape(values))
  if (!parsed.success) {
    for (const f of issuesToFieldErrors(parsed.error.issues)) {
      const path = intakeFormPath(f.path)
      if (!(path in errors)) errors[path] = fieldMessage(t, f)
    }
  }
  if (!errors['intake.date'] && values.date && values.date > today)
    errors['intake.date'] = fieldMessage(t, { path: 'date', key: 'futureDate' })
  return errors
}

/** The intake parsed as main will parse it, without a household; null when it is invalid. */
export function toIntakePart(values: IntakeFormValues): IntakePart | null {
  const parsed = intakePart.safeParse(toIntakeShape(values))
  return parsed.success ? parsed.data : null
}

/** The input for `intakes.create`, parsed as main will parse it; null when it is invalid. */
export function toIntakeInput(householdId: number, values: IntakeFormValues): IntakeInput | null {
  const part = toIntakePart(values)
  return part ? { householdId, ...part } : null
}

/**
 * Field errors from main, placed on the form. With no `prefix` (from `intakes.create`) every
 * path is the intake's; with `intake.` (from `households.create`, which checks the household
 * and its first intake together) only the paths under it are, and the others stay as they are.
 * Either way `topicIds.2` lands on the topics and `referrals.0.destinationId` on the referrals.
 */
export function intakeServerErrors(
  t: TFunction,
  err: unknown,
  prefix: '' | 'intake.' = '',
): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!(err instanceof AppError)) return errors
  for (const [path, message] of Object.entries(serverFieldErrors(t, err))) {
    const formPath = !prefix
      ? intakeFormPath(path)
      : path.startsWith(prefix)
        ? intakeFormPath(path.slice(prefix.length))
        : path
    if (!(formPath in errors)) errors[formPath] = message
  }
  return errors
}

/** The active items of one of the shop's lists (topics, categories); null while loading. */
export function useListItems(kind: ListKind): ListItem[] | null {
  const { t } = useTranslation()
  const [items, setItems] = useState<ListItem[] | null>(null)
  useEffect(() => {
    let live = true
    call('lists.list', { kind })
      .then((rows) => {
        if (live) setItems(rows)
      })
      .catch((err: unknown) => {
        if (!live) return
        setItems([])
        showError(t, err)
      })
    return () => {
      live = false
    }
  }, [kind, t])
  return items
}

/** Date, who, topics, referrals and notes of an intake conversation. */
export function IntakeFields({ form }: { form: UseFormReturnType<WithIntake> }): React.JSX.Element {
  const { t } = useTranslation()
  const topics = useListItems('topic')
  const destinations = useActivePartners()
  return (
    <Section title={t('households.sections.intake')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField
          label={t('households.intake.date')}
          withAsterisk
          clearable={false}
          {...form.getInputProps('intake.date')}
          value={form.getValues().intake.date}
        />
        <TextInput
          label={t('households.intake.doneBy')}
          withAsterisk
          autoComplete="off"
          {...form.getInputProps('intake.doneBy')}
        />
      </SimpleGrid>
      {topics === null ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : (
        <Checkbox.Group
          label={t('households.intake.topics')}
          {...form.getInputProps('intake.topicIds')}
        >
          {topics.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('households.intake.noTopics')}
            </Text>
          ) : (
            <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} spacing="xs" mt="xs">
              {topics.map((topic) => (
                <Checkbox key={topic.id} value={String(topic.id)} label={topic.name} />
              ))}
            </SimpleGrid>
          )}
        </Checkbox.Group>
      )}
      <MultiSelect
        label={t('households.intake.referrals')}
        placeholder={t('households.intake.referralsPlaceholder')}
        data={(destinations ?? []).map(partnerOption)}
        comboboxProps={COMBOBOX_PROPS}
        searchable
        clearable
        hidePickedOptions
        {...form.getInputProps('intake.referralIds')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <AnswerField form={form} field="debts" />
        <AnswerField form={form} field="multipleProblems" />
      </SimpleGrid>
      <Textarea
        label={t('households.intake.notes')}
        autosize
        minRows={3}
        maxRows={12}
        {...form.getInputProps('intake.notes')}
      />
    </Section>
  )
}

/** Ja / Nee / Onbekend for one of the intake's two questions, "Onbekend" when not asked. */
function AnswerField({
  form,
  field,
}: {
  form: UseFormReturnType<WithIntake>
  field: 'debts' | 'multipleProblems'
}): React.JSX.Element {
  const { t } = useTranslation()
  const path = `intake.${field}`
  const { value, onChange, error } = form.getInputProps(path)
  const label = t(`intakeFields.${field}`)
  // The control names itself (a radio group); the wrapper's label is for the eye only.
  return (
    <Input.Wrapper label={label} labelElement="div" error={error}>
      <SegmentedControl
        fullWidth
        mt={4}
        value={value as string}
        onChange={(v) => onChange(v)}
        aria-label={label}
        data={INTAKE_ANSWERS.map((a) => ({ value: a, label: t(`answers.${a}`) }))}
      />
    </Input.Wrapper>
  )
}
