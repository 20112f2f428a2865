import { useEffect, useMemo, useState } from 'react'
import { Alert, Button, Group, List, Modal, Select, Stack, Text, Textarea } from '@mantine/core'
import { ErrorAlert } from '../../../common/components/error-alert'
import { useForm } from '@mantine/form'
import { useDebouncedValue } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call } from '../../../api'
import { serverFieldErrors, warningText, zodValidate } from '../../../common/forms'
import { isoWeekday, toDutchDate } from '../../../../../shared/dates'
import { appointmentBookInput } from '../../../../../shared/schemas/shop'
import type { Appointment, Slot } from '../../../../../shared/schemas/shop'
import type { HouseholdDetail, HouseholdSummary } from '../../../../../shared/schemas/household'
import type { Warning } from '../../../../../shared/schemas/common'
import { shopErrorMessage } from '../shop-errors'
import { useLoad } from '../../../common/hooks/use-load'

export function householdLabel(
  h: Pick<HouseholdSummary, 'contactName' | 'reference' | 'postcode'>,
): string {
  return `${h.contactName} · ${h.reference} · ${h.postcode}`
}

/** The summary the picker needs, from a household's detail (for a preselected household). */
export function summaryOf(detail: HouseholdDetail): HouseholdSummary {
  const h = detail.household
  const lastVisitOn = detail.visits.reduce<string | null>(
    (last, v) => (last === null || v.date > last ? v.date : last),
    null,
  )
  return {
    id: h.id,
    reference: h.reference,
    contactName: h.contactName,
    postcode: h.postcode,
    city: h.city,
    district: h.district,
    phone: h.phone,
    status: h.status,
    eligibleUntil: h.eligibleUntil,
    eligibility: detail.eligibility,
    lastVisitOn,
    childCount: 0,
  }
}

interface PickerProps {
  value: HouseholdSummary | null
  onChange: (h: HouseholdSummary | null) => void
  error?: React.ReactNode
}

/** Type-ahead search over households by name, reference, postcode or phone (main searches). */
export function HouseholdPicker({ value, onChange, error }: PickerProps): React.JSX.Element {
  const { t } = useTranslation()
  const [search, setSearch] = useState(value ? householdLabel(value) : '')
  const [debounced] = useDebouncedValue(search, 250)
  // Once a household is chosen the field shows its label; that is no new search.
  const query = value && debounced === householdLabel(value) ? null : debounced
  const loader = useMemo(
    () =>
      query === null
        ? null
        : async (): Promise<HouseholdSummary[]> =>
            (await call('households.search', { query, status: 'all', limit: 20 })).rows,
    [query],
  )
  const found = useLoad(loader)
  const [options, setOptions] = useState<HouseholdSummary[]>([])
  if (found.data && found.data !== options) setOptions(found.data)
  const loading = loader !== null && found.data === null && !found.error

  const all = value ? [value, ...options.filter((o) => o.id !== value.id)] : options
  return (
    <Select
      label={t('appointments.booking.household')}
      placeholder={t('appointments.booking.householdPlaceholder')}
      required
      searchable
      clearable
      data={all.map((h) => ({ value: String(h.id), label: householdLabel(h) }))}
      // Main already filtered (also on phone numbers the labels do not show).
      filter={({ options: o }) => o}
      value={value ? String(value.id) : null}
      onChange={(v) => onChange(all.find((h) => String(h.id) === v) ?? null)}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={loading ? t('common.loading') : t('appointments.booking.nothingFound')}
      error={error}
      maxDropdownHeight={280}
      comboboxProps={{ withinPortal: true }}
    />
  )
}

interface Props {
  /** The half-day to book; the modal is open while this is set. */
  slot: Slot | null
  /** Household chosen beforehand (the page was opened with `?household=ID`). */
  household: HouseholdSummary | null
  onClose: () => void
  onBooked: (appointment: Appointment) => void
}

interface Values {
  householdId: number | null
  note: string
}

export function BookingModal({ slot, household, onClose, onBooked }: Props): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Modal
      opened={slot !== null}
      onClose={onClose}
      title={t('appointments.booking.title')}
      size="lg"
    >
      {slot && (
        <BookingForm
          key={slot.id}
          slot={slot}
          household={household}
          onClose={onClose}
          onBooked={onBooked}
        />
      )}
    </Modal>
  )
}

function BookingForm({
  slot,
  household,
  onClose,
  onBooked,
}: Props & { slot: Slot }): React.JSX.Element {
  const { t } = useTranslation()
  const [chosen, setChosen] = useState<HouseholdSummary | null>(household)
  const [problem, setProblem] = useState<string | null>(null)
  const validate = zodValidate(appointmentBookInput, t)
  const form = useForm<Values>({
    initialValues: { householdId: household?.id ?? null, note: '' },
    validate: (v) =>
      validate({ slotId: slot.id, householdId: v.householdId ?? undefined, note: v.note }),
  })
  // What main would warn about for this family on this half-day, asked before booking, so the
  // coordinator decides with it in view (eligibility, the visits-per-period guideline).
  const [checked, setChecked] = useState<{ householdId: number; warnings: Warning[] } | null>(null)
  useEffect(() => {
    if (!chosen) return
    let live = true
    call('appointments.check', { slotId: slot.id, householdId: chosen.id, note: '' }).then(
      (r) => {
        if (live) setChecked({ householdId: chosen.id, warnings: r.warnings })
      },
      (err: unknown) => {
        if (live) setProblem(shopErrorMessage(t, err))
      },
    )
    return () => {
      live = false
    }
  }, [chosen, slot.id, t])
  // Only the answer for the family now chosen counts.
  const warnings = chosen && checked?.householdId === chosen.id ? checked.warnings : null
  const warned = (warnings?.length ?? 0) > 0

  const submit = form.onSubmit(async (v) => {
    setProblem(null)
    try {
      const result = await call('appointments.book', {
        slotId: slot.id,
        householdId: v.householdId ?? 0,
        note: v.note,
      })
      notifications.show({
        color: 'teal',
        message: t('appointments.booking.done', {
          name: result.appointment.contactName,
          date: toDutchDate(slot.date),
          part: t(`parts.${slot.part}`),
        }),
      })
      onBooked(result.appointment)
    } catch (err) {
      // Field problems show at their field; the rest (vol, al een afspraak) above the buttons.
      const fields = serverFieldErrors(t, err)
      form.setErrors(fields)
      if (Object.keys(fields).length === 0) setProblem(shopErrorMessage(t, err))
    }
  })

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text fw={600}>
          {t(`weekdays.${isoWeekday(slot.date)}`)} {toDutchDate(slot.date)} ·{' '}
          {t(`parts.${slot.part}`)} ·{' '}
          {t('appointments.slot.freeOf', { free: slot.free, capacity: slot.capacity })}
        </Text>
        <HouseholdPicker
          value={chosen}
          onChange={(h) => {
            setChosen(h)
            setProblem(null)
            form.setFieldValue('householdId', h?.id ?? null)
          }}
          error={form.errors.householdId}
        />
        {chosen && warned && (
          <Alert
            color="orange"
            variant="light"
            title={t('appointments.booking.warningsTitle')}
            data-testid="booking-warnings"
          >
            <List spacing={4} size="sm">
              {warnings?.map((w) => (
                <List.Item key={w.key}>{warningText(t, w)}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Textarea
          label={t('appointments.booking.note')}
          autosize
          minRows={2}
          maxLength={300}
          {...form.getInputProps('note')}
        />
        <ErrorAlert message={problem} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            color={warned ? 'orange' : undefined}
            loading={form.submitting}
            // Not before main has answered the check: the warnings must be seen first.
            disabled={chosen !== null && warnings === null}
          >
            {warned ? t('appointments.booking.submitAnyway') : t('appointments.booking.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
