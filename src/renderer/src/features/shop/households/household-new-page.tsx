import { Alert, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../../api'
import { FormActions, differsFrom, valuesJson } from '../../../common/components/form-actions'
import { errorMessage, serverFieldErrors, showWarnings } from '../../../common/forms'
import { useToday } from '../../../common/hooks/use-shop-day'
import { navigate } from '../../../router'
import { useSession } from '../../../common/hooks/use-session'
import { BlankIntakeFormButton } from './blank-intake-form-button'
import type { MethodOutput } from '../../../../../shared/api'
import { AppError } from '../../../../../shared/errors'
import type { DuplicateCandidate } from '../../../../../shared/schemas/household'
import {
  HouseholdFormFields,
  emptyHouseholdValues,
  focusFirstError,
  toHouseholdFields,
  validateHousehold,
  type HouseholdFormValues,
} from './household-form'
import {
  IntakeFields,
  emptyIntakeValues,
  intakeServerErrors,
  toIntakePart,
  validateIntake,
  type WithIntake,
} from './intake-fields'
import { ActionsTh } from '../../../common/components/actions-th'

type NewHouseholdValues = HouseholdFormValues & WithIntake

/** An empty intake form of `today`, the intake done by the person logged in. */
function newHouseholdValues(today: string, me: string): NewHouseholdValues {
  return { ...emptyHouseholdValues(today), intake: emptyIntakeValues(today, me) }
}

function isDuplicateConflict(err: unknown): err is AppError {
  return err instanceof AppError && err.code === 'CONFLICT' && err.key === 'duplicates'
}

/**
 * The intake form: how a coordinator registers a new family. Main saves the household and its
 * intake conversation together, or neither; look-alike households are checked for first.
 */
export function HouseholdNewPage(): React.JSX.Element {
  const { t } = useTranslation()
  const today = useToday()
  const me = useSession().user.displayName
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [candidates, setCandidates] = useState<DuplicateCandidate[] | null>(null)

  const form = useForm<NewHouseholdValues>({
    initialValues: newHouseholdValues(today, me),
    validate: (values) => ({
      ...validateHousehold(t, values, today),
      ...validateIntake(t, values.intake, today),
    }),
  })
  // What the form started with: Annuleren asks first only when something differs from it.
  const baseline = useRef(valuesJson(newHouseholdValues(today, me)))

  // The first render may use this computer's date; main's day replaces it in the date fields
  // that still hold it.
  const shownToday = useRef(today)
  useEffect(() => {
    const previous = shownToday.current
    if (previous === today) return
    shownToday.current = today
    baseline.current = valuesJson(newHouseholdValues(today, me))
    const values = form.getValues()
    if (values.consentDate === previous) form.setFieldValue('consentDate', today)
    if (values.intake.date === previous) form.setFieldValue('intake.date', today)
  }, [today, me, form])

  async function submit(values: NewHouseholdValues, confirmDuplicate: boolean): Promise<void> {
    const fields = toHouseholdFields(values)
    const intake = toIntakePart(values.intake)
    if (busy || !fields || !intake) return
    setBusy(true)
    setProblem(null)
    try {
      if (!confirmDuplicate) {
        let found: DuplicateCandidate[]
        try {
          found = await call('households.duplicates', {
            contactName: fields.contactName,
            postcode: fields.postcode,
            phone: fields.phone,
          })
        } catch (err) {
          form.setErrors(serverFieldErrors(t, err))
          setProblem(errorMessage(t, err))
          return
        }
        if (found.length) {
          setCandidates(found)
          return
        }
      }
      let created: MethodOutput<'households.create'>
      try {
        created = await call('households.create', { ...fields, intake, confirmDuplicate })
      } catch (err) {
        if (isDuplicateConflict(err) && Array.isArray(err.details)) {
          // Someone registered a look-alike between the check and the save.
          setCandidates(err.details as DuplicateCandidate[])
          return
        }
        // Main checks the household and its intake together; the intake's paths start `intake.`.
        form.setErrors(intakeServerErrors(t, err, 'intake.'))
        setProblem(errorMessage(t, err))
        focusFirstError()
        return
      }
      showWarnings(t, created.warnings)
      notifications.show({
        color: 'teal',
        message: t('households.new.saved', { reference: created.reference }),
      })
      navigate(`/households/${created.id}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{t('households.new.title')}</Title>
          <Text c="dimmed">{t('households.new.subtitle')}</Text>
        </div>
        <BlankIntakeFormButton />
      </Group>
      <form
        noValidate
        onSubmit={form.onSubmit(
          (values) => void submit(values, false),
          () => {
            setProblem(t('errors.validation'))
            focusFirstError()
          },
        )}
      >
        <Stack gap="md">
          <HouseholdFormFields form={form} mode="new" />
          <IntakeFields form={form} />
          <FormActions
            problem={problem}
            busy={busy}
            dirty={() => differsFrom(form.getValues(), baseline.current)}
            onCancel={() => navigate('/households')}
          />
        </Stack>
      </form>
      <DuplicatesModal
        candidates={candidates}
        busy={busy}
        onClose={() => setCandidates(null)}
        onCreateAnyway={() => {
          setCandidates(null)
          void submit(form.getValues(), true)
        }}
      />
    </Stack>
  )
}

/** Codes, postcodes and phone numbers are read as one word; they never break over two lines. */
const NO_WRAP = { whiteSpace: 'nowrap' } as const

function DuplicatesModal({
  candidates,
  busy,
  onClose,
  onCreateAnyway,
}: {
  candidates: DuplicateCandidate[] | null
  busy: boolean
  onClose: () => void
  onCreateAnyway: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const reason = (c: DuplicateCandidate): string =>
    c.reason === 'phone'
      ? t('households.duplicates.reasonPhone')
      : t('households.duplicates.reasonPostcodeAndName')
  return (
    <Modal
      opened={candidates !== null}
      onClose={onClose}
      title={t('households.duplicates.title')}
      // Wide enough for name, reference, postcode, phone and reason on one line each.
      size={1000}
    >
      <Stack gap="md">
        <Alert color="orange" role="alert">
          {t('households.duplicates.intro')}
        </Alert>
        <Table.ScrollContainer minWidth={820}>
          <Table verticalSpacing="sm" horizontalSpacing="md" withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('households.list.reference')}</Table.Th>
                <Table.Th>{t('households.list.name')}</Table.Th>
                <Table.Th>{t('households.list.postcode')}</Table.Th>
                <Table.Th>{t('households.list.phone')}</Table.Th>
                <Table.Th>{t('households.duplicates.reason')}</Table.Th>
                <ActionsTh />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(candidates ?? []).map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td style={NO_WRAP}>{c.reference}</Table.Td>
                  <Table.Td>{c.contactName}</Table.Td>
                  <Table.Td style={NO_WRAP}>{c.postcode}</Table.Td>
                  <Table.Td style={NO_WRAP}>{c.phone ?? ''}</Table.Td>
                  <Table.Td>{reason(c)}</Table.Td>
                  <Table.Td style={NO_WRAP}>
                    <Button
                      size="compact-sm"
                      variant="light"
                      aria-label={t('households.duplicates.openExistingLabel', {
                        reference: c.reference,
                      })}
                      onClick={() => navigate(`/households/${c.id}`)}
                    >
                      {t('households.duplicates.openExisting')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('households.duplicates.back')}
          </Button>
          <Button color="orange" onClick={onCreateAnyway} disabled={busy}>
            {t('households.duplicates.createAnyway')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
