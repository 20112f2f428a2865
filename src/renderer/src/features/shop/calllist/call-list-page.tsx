import 'mantine-datatable/styles.css'
import { useMemo, useState } from 'react'
import {
  Anchor,
  Autocomplete,
  Button,
  Group,
  Loader,
  Modal,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { ErrorAlert } from '../../../common/components/error-alert'
import { useDistricts } from '../../../common/hooks/use-districts'
import { useDebouncedValue } from '@mantine/hooks'
import { DataTable } from 'mantine-datatable'
import { useTranslation } from 'react-i18next'
import { call } from '../../../api'
import { DateField } from '../../../common/components/date-field'
import { fieldMessage, serverFieldErrors } from '../../../common/forms'
import { PrintButton, PrintHeading } from '../../../common/components/print'
import { addDays, isoWeekday, toDutchDate } from '../../../../../shared/dates'
import { isRealDate } from '../../../../../shared/schemas/common'
import type { CallListEntry, HouseholdSummary } from '../../../../../shared/schemas/household'
import type { Slot } from '../../../../../shared/schemas/shop'
import { useShopDay } from '../../../common/hooks/use-shop-day'
import { downloadCsv } from '../../../common/download'
import { BookingModal, summaryOf } from '../appointments/booking-modal'
import { shopErrorMessage, showShopError } from '../shop-errors'
import { useLoad } from '../../../common/hooks/use-load'

/** How far ahead "Boek" offers half-days: the coming four weeks. */
const BOOK_AHEAD_DAYS = 27

/** Families to invite when a new collection is in: not seen for a while, no appointment yet. */
export function CallListPage(): React.JSX.Element {
  const { t } = useTranslation()
  const shopDay = useShopDay()
  const districts = useDistricts()
  // null: the default from main, today minus the "invite after" setting.
  const [chosenSince, setSince] = useState<string | null>(null)
  const chosen = chosenSince ?? shopDay?.notSeenSince ?? null
  // Text in the field that is no date: the field says so, and nothing is listed or exported.
  const since = chosen && isRealDate(chosen) ? chosen : null
  const [district, setDistrict] = useState('')
  const [debouncedDistrict] = useDebouncedValue(district.trim(), 300)
  const [exporting, setExporting] = useState(false)
  // The family being marked as called, and the one being booked (first its half-day, then the
  // booking dialog with both filled in).
  const [contacting, setContacting] = useState<CallListEntry | null>(null)
  const [choosingSlot, setChoosingSlot] = useState<CallListEntry | null>(null)
  const [booking, setBooking] = useState<{ slot: Slot; household: HouseholdSummary } | null>(null)

  const loader = useMemo(
    () =>
      since
        ? () =>
            call('households.callList', {
              notSeenSince: since,
              district: debouncedDistrict || null,
            })
        : null,
    [since, debouncedDistrict],
  )
  const { data: rows, error, reload } = useLoad(loader)
  const problem = error ? shopErrorMessage(t, error) : null

  const exportCsv = async (): Promise<void> => {
    if (!since) return
    setExporting(true)
    try {
      const { filename, csv } = await call('households.callListCsv', {
        notSeenSince: since,
        district: district.trim() || null,
      })
      downloadCsv(filename, csv)
    } catch (err) {
      showShopError(t, err)
    } finally {
      setExporting(false)
    }
  }

  return (
    <Stack gap="md">
      <div>
        <PrintHeading today={shopDay?.today ?? null} />
        <Title order={2}>{t('calllist.title')}</Title>
        <Text c="dimmed" data-print="hide">
          {t('calllist.intro')}
        </Text>
        {since && (
          <Text className="print-only" size="sm">
            {t('calllist.printFilter', { date: toDutchDate(since) })}
            {debouncedDistrict ? ` · ${debouncedDistrict}` : ''}
          </Text>
        )}
      </div>
      <Group align="flex-end" wrap="wrap" data-print="hide">
        <DateField
          label={t('calllist.notSeenSince')}
          required
          value={chosen}
          onChange={(v) => v && setSince(v)}
          w={200}
        />
        <Autocomplete
          label={t('calllist.district')}
          placeholder={t('calllist.allDistricts')}
          data={districts}
          value={district}
          onChange={setDistrict}
          w={220}
        />
        <Button onClick={() => void exportCsv()} loading={exporting} disabled={!since}>
          {t('calllist.export')}
        </Button>
        <PrintButton label={t('calllist.print')} />
      </Group>
      <ErrorAlert message={problem} />
      {rows !== null && (
        <Text size="sm" data-testid="calllist-count">
          {t('calllist.count', { count: rows.length })}
        </Text>
      )}
      <DataTable<CallListEntry>
        withTableBorder
        striped
        highlightOnHover
        minHeight={rows && rows.length ? undefined : 160}
        fetching={rows === null && !problem && since !== null}
        records={rows ?? []}
        noRecordsText={since ? t('calllist.empty') : t('validation.date')}
        aria-label={t('calllist.title')}
        // Everything fits beside the side menu at 1280 px, with "Gebeld" and "Boek" right after the
        // name: at the far right they needed sideways scrolling, which took the name out of view.
        columns={[
          {
            accessor: 'contactName',
            title: t('calllist.columns.name'),
            render: (r) => (
              <>
                <Anchor href={`#/households/${r.id}`} size="sm" display="block">
                  {r.contactName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {r.reference}
                </Text>
              </>
            ),
          },
          {
            accessor: 'actions',
            title: t('calllist.columns.actions'),
            titleClassName: 'no-print',
            cellsClassName: 'no-print',
            noWrap: true,
            render: (r) => (
              <Group gap={6} wrap="nowrap">
                <Button
                  size="compact-sm"
                  variant="light"
                  aria-label={t('calllist.contact.buttonLabel', { name: r.contactName })}
                  onClick={() => setContacting(r)}
                >
                  {t('calllist.contact.button')}
                </Button>
                <Button
                  size="compact-sm"
                  aria-label={t('calllist.book.buttonLabel', { name: r.contactName })}
                  onClick={() => setChoosingSlot(r)}
                >
                  {t('calllist.book.button')}
                </Button>
              </Group>
            ),
          },
          {
            accessor: 'phone',
            title: t('calllist.columns.phoneEmail'),
            render: (r) => (
              <>
                {r.phone && (
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {r.phone}
                  </Text>
                )}
                {r.email && (
                  // A long address breaks after its @ (or where it must) instead of widening the
                  // table.
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {r.email.split('@').map((part, i) => (
                      <span key={i}>
                        {i > 0 && '@'}
                        {i > 0 && <wbr />}
                        {part}
                      </span>
                    ))}
                  </Text>
                )}
              </>
            ),
          },
          {
            accessor: 'district',
            title: t('calllist.columns.district'),
            render: (r) => r.district ?? '',
          },
          {
            accessor: 'lastVisitOn',
            title: t('calllist.columns.lastVisit'),
            noWrap: true,
            render: (r) => (r.lastVisitOn ? toDutchDate(r.lastVisitOn) : t('calllist.never')),
          },
          {
            accessor: 'eligibleUntil',
            title: t('calllist.columns.eligibleUntil'),
            noWrap: true,
            render: (r) => toDutchDate(r.eligibleUntil),
          },
          {
            accessor: 'lastContactOn',
            title: t('calllist.columns.lastContact'),
            noWrap: true,
            render: (r) => (r.lastContactOn ? toDutchDate(r.lastContactOn) : '–'),
          },
        ]}
      />
      <ContactModal
        entry={contacting}
        today={shopDay?.today ?? null}
        onClose={() => setContacting(null)}
        onSaved={() => {
          setContacting(null)
          reload()
        }}
      />
      <SlotChoiceModal
        entry={choosingSlot}
        today={shopDay?.today ?? null}
        onClose={() => setChoosingSlot(null)}
        onChosen={(slot, household) => {
          setChoosingSlot(null)
          setBooking({ slot, household })
        }}
      />
      <BookingModal
        slot={booking?.slot ?? null}
        household={booking?.household ?? null}
        onClose={() => setBooking(null)}
        onBooked={() => {
          setBooking(null)
          // Booked families leave the list: they have an appointment now.
          reload()
        }}
      />
    </Stack>
  )
}

/** "Gebeld / uitgenodigd" on a day, today unless the call was earlier. */
function ContactModal({
  entry,
  today,
  onClose,
  onSaved,
}: {
  entry: CallListEntry | null
  today: string | null
  onClose: () => void
  onSaved: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Modal
      opened={entry !== null}
      onClose={onClose}
      title={entry ? t('calllist.contact.title', { name: entry.contactName }) : ''}
    >
      {entry && today && (
        <ContactForm
          key={entry.id}
          entry={entry}
          today={today}
          onClose={onClose}
          onSaved={onSaved}
        />
      )}
    </Modal>
  )
}

function ContactForm({
  entry,
  today,
  onClose,
  onSaved,
}: {
  entry: CallListEntry
  today: string
  onClose: () => void
  onSaved: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [date, setDate] = useState<string | null>(today)
  const [dateError, setDateError] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const save = async (): Promise<void> => {
    setProblem(null)
    // The same checks as main, at the field: a real day, not in the future.
    if (!date || !isRealDate(date))
      return setDateError(fieldMessage(t, { path: 'date', key: date ? 'date' : 'required' }))
    if (date > today) return setDateError(fieldMessage(t, { path: 'date', key: 'futureDate' }))
    setDateError(null)
    setBusy(true)
    try {
      await call('households.markContacted', { householdId: entry.id, date })
      notifications.show({
        color: 'teal',
        message: t('calllist.contact.saved', { name: entry.contactName, date: toDutchDate(date) }),
      })
      onSaved()
    } catch (err) {
      const fields = serverFieldErrors(t, err)
      if (fields.date) setDateError(fields.date)
      else setProblem(shopErrorMessage(t, err))
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
      <Stack gap="md">
        <Text size="sm">
          {entry.reference}
          {entry.phone ? ` · ${entry.phone}` : ''}
        </Text>
        <DateField
          label={t('calllist.contact.date')}
          required
          clearable={false}
          value={date}
          onChange={(v) => {
            setDate(v)
            setDateError(null)
          }}
          error={dateError}
        />
        <ErrorAlert message={problem} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('calllist.contact.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

/** The coming half-days with free places, to book the family on one of them. */
function SlotChoiceModal({
  entry,
  today,
  onClose,
  onChosen,
}: {
  entry: CallListEntry | null
  today: string | null
  onClose: () => void
  onChosen: (slot: Slot, household: HouseholdSummary) => void
}): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Modal
      opened={entry !== null}
      onClose={onClose}
      title={entry ? t('calllist.book.title', { name: entry.contactName }) : ''}
    >
      {entry && today && (
        <SlotChoice key={entry.id} entry={entry} today={today} onChosen={onChosen} />
      )}
    </Modal>
  )
}

function SlotChoice({
  entry,
  today,
  onChosen,
}: {
  entry: CallListEntry
  today: string
  onChosen: (slot: Slot, household: HouseholdSummary) => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const loader = useMemo(
    () => () => call('slots.list', { from: today, to: addDays(today, BOOK_AHEAD_DAYS) }),
    [today],
  )
  const { data: slots, error } = useLoad(loader)
  const [problem, setProblem] = useState<string | null>(null)
  const [opening, setOpening] = useState<number | null>(null)
  const free = (slots ?? []).filter((s) => s.free > 0 && !s.over)

  const choose = async (slot: Slot): Promise<void> => {
    setOpening(slot.id)
    setProblem(null)
    try {
      // The booking dialog shows the family as the household picker does.
      onChosen(slot, summaryOf(await call('households.get', { id: entry.id })))
    } catch (err) {
      setProblem(shopErrorMessage(t, err))
    } finally {
      setOpening(null)
    }
  }

  if (error) return <ErrorAlert message={shopErrorMessage(t, error)} />
  if (!slots) return <Loader size="sm" aria-label={t('common.loading')} />
  return (
    <Stack gap="xs">
      <ErrorAlert message={problem} />
      {free.length === 0 ? (
        <Text size="sm">{t('calllist.book.noSlots')}</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('calllist.book.intro')}
          </Text>
          {free.map((s) => (
            <UnstyledButton
              key={s.id}
              onClick={() => void choose(s)}
              disabled={opening !== null}
              p="xs"
              style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
            >
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm">
                  {t(`weekdays.${isoWeekday(s.date)}`)} {toDutchDate(s.date)} ·{' '}
                  {t(`parts.${s.part}`)}
                </Text>
                {opening === s.id ? (
                  <Loader size="xs" aria-label={t('common.loading')} />
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('calllist.book.free', { count: s.free })}
                  </Text>
                )}
              </Group>
            </UnstyledButton>
          ))}
        </>
      )}
    </Stack>
  )
}
