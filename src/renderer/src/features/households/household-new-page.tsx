import { Alert, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { serverFieldErrors, showError, showWarnings } from '../../components/forms'
import { navigate } from '../../router'
import { AppError } from '../../../../shared/errors'
import type { DuplicateCandidate, Warning } from '../../../../shared/types'
import {
  HouseholdFormFields,
  emptyHouseholdValues,
  focusFirstError,
  localToday,
  toHouseholdFields,
  validateHousehold,
  type HouseholdFields,
  type HouseholdFormValues,
} from './household-form'
import {
  IntakeFields,
  emptyIntakeValues,
  intakeServerErrors,
  toIntakeInput,
  validateIntake,
  type WithIntake,
} from './intake-fields'

type NewHouseholdValues = HouseholdFormValues & WithIntake

interface Created {
  id: number
  reference: string
  warnings: Warning[]
}

function isDuplicateConflict(err: unknown): err is AppError {
  return err instanceof AppError && err.code === 'CONFLICT' && err.key === 'duplicates'
}

/**
 * The intake form: how a coordinator registers a new family. Saves the household, then the intake
 * conversation for it; checks for look-alike households first.
 */
export function HouseholdNewPage(): React.JSX.Element {
  const { t } = useTranslation()
  const [today] = useState(localToday)
  const [busy, setBusy] = useState(false)
  const [candidates, setCandidates] = useState<DuplicateCandidate[] | null>(null)
  // Set once the household is saved; a failed intake is then retried without a second household.
  const [created, setCreated] = useState<Created | null>(null)

  const form = useForm<NewHouseholdValues>({
    initialValues: { ...emptyHouseholdValues(today), intake: emptyIntakeValues(today) },
    validate: (values) => ({
      ...validateHousehold(t, values),
      ...validateIntake(t, values.intake, today),
    }),
  })

  async function saveIntake(household: Created, values: NewHouseholdValues): Promise<void> {
    const input = toIntakeInput(household.id, values.intake)
    if (!input) return
    try {
      await call('intakes.create', input)
    } catch (err) {
      form.setErrors(intakeServerErrors(t, err))
      showError(t, err)
      focusFirstError()
      return
    }
    showWarnings(t, household.warnings)
    notifications.show({
      color: 'teal',
      message: t('households.new.saved', { reference: household.reference }),
    })
    navigate(`/households/${household.id}`)
  }

  async function createHousehold(
    fields: HouseholdFields,
    values: NewHouseholdValues,
    confirmDuplicate: boolean,
  ): Promise<void> {
    let household: Created
    try {
      household = await call('households.create', { ...fields, confirmDuplicate })
    } catch (err) {
      if (isDuplicateConflict(err) && Array.isArray(err.details)) {
        // Someone registered a look-alike between the check and the save.
        setCandidates(err.details as DuplicateCandidate[])
        return
      }
      form.setErrors(serverFieldErrors(t, err))
      showError(t, err)
      focusFirstError()
      return
    }
    setCreated(household)
    await saveIntake(household, values)
  }

  async function submit(values: NewHouseholdValues, confirmDuplicate: boolean): Promise<void> {
    if (busy) return
    setBusy(true)
    try {
      if (created) {
        await saveIntake(created, values)
        return
      }
      const fields = toHouseholdFields(values)
      if (!fields) return
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
          showError(t, err)
          return
        }
        if (found.length) {
          setCandidates(found)
          return
        }
      }
      await createHousehold(fields, values, confirmDuplicate)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Stack gap="md" maw={1100}>
      <div>
        <Title order={2}>{t('households.new.title')}</Title>
        <Text c="dimmed">{t('households.new.subtitle')}</Text>
      </div>
      <form
        noValidate
        onSubmit={form.onSubmit(
          (values) => void submit(values, false),
          () => focusFirstError(),
        )}
      >
        <Stack gap="md">
          {created ? (
            <Alert color="orange" role="alert">
              {t('households.new.intakePending', { reference: created.reference })}
            </Alert>
          ) : null}
          <HouseholdFormFields form={form} mode="new" disabled={created !== null} />
          <IntakeFields form={form} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => navigate('/households')} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('common.save')}
            </Button>
          </Group>
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
      size="xl"
    >
      <Stack gap="md">
        <Alert color="orange" role="alert">
          {t('households.duplicates.intro')}
        </Alert>
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('households.list.reference')}</Table.Th>
                <Table.Th>{t('households.list.name')}</Table.Th>
                <Table.Th>{t('households.list.postcode')}</Table.Th>
                <Table.Th>{t('households.list.phone')}</Table.Th>
                <Table.Th>{t('households.duplicates.reason')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(candidates ?? []).map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.reference}</Table.Td>
                  <Table.Td>{c.contactName}</Table.Td>
                  <Table.Td>{c.postcode}</Table.Td>
                  <Table.Td>{c.phone ?? ''}</Table.Td>
                  <Table.Td>{reason(c)}</Table.Td>
                  <Table.Td>
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
