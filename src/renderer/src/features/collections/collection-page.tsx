import 'mantine-datatable/styles.css'
import { useMemo, useState } from 'react'
import {
  Anchor,
  Autocomplete,
  Badge,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { DataTable } from 'mantine-datatable'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { navigate } from '../../router'
import { DateField } from '../../common/components/date-field'
import { ErrorAlert } from '../../common/components/error-alert'
import { PrintButton, PrintHeading } from '../../common/components/print'
import { errorMessage, fieldMessage, serverFieldErrors } from '../../common/forms'
import { useDistricts } from '../../common/hooks/use-districts'
import { useLoad } from '../../common/hooks/use-load'
import { useShopDay } from '../../common/hooks/use-shop-day'
import { toDutchDate } from '../../../../shared/dates'
import { isRealDate } from '../../../../shared/schemas/common'
import {
  NOTICE_FILTERS,
  NOTICE_WAYS,
  type Collection,
  type CollectionCallEntry,
  type NoticeFilter,
  type NoticeWay,
} from '../../../../shared/schemas/collections'
import { CollectionFormModal } from './collection-form'
import { STATE_COLOURS } from './states'

/** One collection: what it is, its call list of families to tell, and its leaving. */
export function CollectionPage({ id }: { id: number }): React.JSX.Element {
  const { t } = useTranslation()
  const shopDay = useShopDay()
  const districts = useDistricts()
  const [district, setDistrict] = useState('')
  const [debouncedDistrict] = useDebouncedValue(district.trim(), 300)
  const [told, setTold] = useState<NoticeFilter>('all')
  const [telling, setTelling] = useState<CollectionCallEntry | null>(null)
  const [editing, setEditing] = useState(false)
  const [leaving, setLeaving] = useState(false)

  const loader = useMemo(
    () => () => call('collections.callList', { id, district: debouncedDistrict || null, told }),
    [id, debouncedDistrict, told],
  )
  const { data, error, reload } = useLoad(loader)
  const collection = data?.collection ?? null
  const left = collection?.state === 'left'

  return (
    <Stack gap="md">
      <div>
        <PrintHeading today={shopDay?.today ?? null} />
        <Anchor
          href="#/collections"
          size="sm"
          data-print="hide"
          onClick={(e) => {
            e.preventDefault()
            navigate('/collections')
          }}
        >
          ← {t('collections.page.back')}
        </Anchor>
        <Group gap="sm" align="center">
          <Title order={2}>{collection?.name ?? t('collections.title')}</Title>
          {collection && (
            <Badge color={STATE_COLOURS[collection.state]} variant="light">
              {t(`collections.states.${collection.state}`)}
            </Badge>
          )}
        </Group>
        {collection && <CollectionFacts collection={collection} />}
      </div>
      <ErrorAlert message={error ? errorMessage(t, error) : null} />
      {collection && (
        <Group gap="sm" data-print="hide">
          <Button variant="default" onClick={() => setEditing(true)}>
            {t('collections.edit')}
          </Button>
          {/* Not before it arrived (main refuses that day too); once left, its departure can
              still be put right. */}
          {collection.state === 'current' && (
            <Button color="orange" variant="light" onClick={() => setLeaving(true)}>
              {t('collections.page.leave')}
            </Button>
          )}
          {left && (
            <Button variant="default" onClick={() => setLeaving(true)}>
              {t('collections.page.correctLeave')}
            </Button>
          )}
        </Group>
      )}
      {collection && (
        <>
          <div>
            <Title order={3}>{t('collections.page.callList')}</Title>
            <Text c="dimmed" size="sm" data-print="hide">
              {left ? t('collections.page.leftIntro') : t('collections.page.callListIntro')}
            </Text>
            <Text className="print-only" size="sm">
              {t('collections.page.printFilter', { name: collection.name })}
              {debouncedDistrict ? ` · ${debouncedDistrict}` : ''}
              {told !== 'all' ? ` · ${t(`collections.page.filters.${told}`)}` : ''}
            </Text>
          </div>
          <Group align="flex-end" wrap="wrap" data-print="hide">
            <Autocomplete
              label={t('collections.page.district')}
              placeholder={t('collections.page.allDistricts')}
              data={districts}
              value={district}
              onChange={setDistrict}
              w={220}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('collections.page.filter')}
              </Text>
              <SegmentedControl
                aria-label={t('collections.page.filter')}
                value={told}
                onChange={(v) => setTold(v as NoticeFilter)}
                data={NOTICE_FILTERS.map((f) => ({
                  value: f,
                  label: t(`collections.page.filters.${f}`),
                }))}
              />
            </Stack>
            <PrintButton label={t('collections.page.print')} />
          </Group>
          <Text fw={600} data-testid="collection-count">
            {t('collections.page.count', { told: data?.counts.told, total: data?.counts.total })}
          </Text>
        </>
      )}
      {(collection || !error) && (
        <DataTable<CollectionCallEntry>
          withTableBorder
          striped
          highlightOnHover
          idAccessor="householdId"
          minHeight={data && data.entries.length ? undefined : 160}
          fetching={data === null && !error}
          records={data?.entries ?? []}
          noRecordsText={
            told === 'told'
              ? t('collections.page.emptyTold')
              : told === 'notTold'
                ? t('collections.page.emptyNotTold')
                : t('collections.page.emptyAll')
          }
          aria-label={t('collections.page.callList')}
          columns={[
            {
              accessor: 'contactName',
              title: t('collections.list.name'),
              render: (r) => (
                <>
                  <Anchor href={`#/households/${r.householdId}`} size="sm" display="block">
                    {r.contactName}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {r.reference}
                  </Text>
                </>
              ),
            },
            {
              accessor: 'notice',
              title: t('collections.list.told'),
              render: (r) => <NoticeCell entry={r} left={left} onTell={() => setTelling(r)} />,
            },
            {
              accessor: 'phone',
              title: t('collections.list.phoneEmail'),
              render: (r) => (
                <>
                  {r.phone && (
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {r.phone}
                    </Text>
                  )}
                  {r.email && (
                    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {r.email}
                    </Text>
                  )}
                </>
              ),
            },
            {
              accessor: 'district',
              title: t('collections.list.district'),
              render: (r) => r.district ?? '',
            },
          ]}
        />
      )}
      {collection && (
        <>
          <TellModal
            entry={telling}
            collection={collection}
            today={shopDay?.today ?? null}
            onClose={() => setTelling(null)}
            onSaved={() => {
              setTelling(null)
              reload()
            }}
          />
          <CollectionFormModal
            opened={editing}
            collection={collection}
            onClose={() => setEditing(false)}
            onSaved={() => {
              setEditing(false)
              reload()
            }}
          />
          <LeaveModal
            opened={leaving}
            collection={collection}
            today={shopDay?.today ?? null}
            onClose={() => setLeaving(false)}
            onSaved={() => {
              setLeaving(false)
              reload()
            }}
          />
        </>
      )}
    </Stack>
  )
}

function CollectionFacts({ collection }: { collection: Collection }): React.JSX.Element {
  const { t } = useTranslation()
  const season = t(`seasons.${collection.season}`)
  const date = toDutchDate(collection.arrivesOn)
  return (
    <Stack gap={2}>
      <Text c="dimmed">
        {collection.state === 'coming'
          ? t('collections.page.arrives', { season, date })
          : t('collections.page.arrived', { season, date })}
      </Text>
      {collection.leftOn && (
        <Text data-testid="collection-left">
          {collection.leftTo
            ? t('collections.page.leftTo', {
                date: toDutchDate(collection.leftOn),
                partner: collection.leftTo.name,
              })
            : t('collections.page.leftNowhere', { date: toDutchDate(collection.leftOn) })}
          {collection.leftNote
            ? ` ${t('collections.page.leftNote', { note: collection.leftNote })}`
            : ''}
        </Text>
      )}
    </Stack>
  )
}

/** Whether the family was told (how, when, by whom), with the button to record or change it. */
function NoticeCell({
  entry,
  left,
  onTell,
}: {
  entry: CollectionCallEntry
  left: boolean
  onTell: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const n = entry.notice
  return (
    <Group gap={8} wrap="nowrap" align="flex-start">
      {n ? (
        <div>
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {t('collections.list.toldHow', {
              how: t(`noticeWays.${n.how}`),
              date: toDutchDate(n.date),
            })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('collections.list.toldBy', { by: n.by })}
          </Text>
        </div>
      ) : (
        <Text size="sm" c="dimmed">
          {t('collections.list.notTold')}
        </Text>
      )}
      {!left && (
        // An outlined button with a verb: a filled green "Verteld" read as a status.
        <Button
          size="compact-sm"
          variant={n ? 'subtle' : 'default'}
          className="no-print"
          aria-label={t(n ? 'collections.tell.changeLabel' : 'collections.tell.buttonLabel', {
            name: entry.contactName,
          })}
          onClick={onTell}
        >
          {n ? t('collections.tell.change') : t('collections.tell.button')}
        </Button>
      )}
    </Group>
  )
}

/** "Verteld": how and on which day the family was told (today unless earlier). */
function TellModal({
  entry,
  collection,
  today,
  onClose,
  onSaved,
}: {
  entry: CollectionCallEntry | null
  collection: Collection
  today: string | null
  onClose: () => void
  onSaved: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Modal
      opened={entry !== null}
      onClose={onClose}
      title={
        entry
          ? t('collections.tell.title', { name: entry.contactName, collection: collection.name })
          : ''
      }
    >
      {entry && today && (
        <TellForm
          key={entry.householdId}
          entry={entry}
          collection={collection}
          today={today}
          onClose={onClose}
          onSaved={onSaved}
        />
      )}
    </Modal>
  )
}

function TellForm({
  entry,
  collection,
  today,
  onClose,
  onSaved,
}: {
  entry: CollectionCallEntry
  collection: Collection
  today: string
  onClose: () => void
  onSaved: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [how, setHow] = useState<string | null>(entry.notice?.how ?? (entry.phone ? 'phone' : null))
  const [date, setDate] = useState<string | null>(entry.notice?.date ?? today)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const save = async (): Promise<void> => {
    setProblem(null)
    const found: Record<string, string> = {}
    if (!how) found.how = fieldMessage(t, { path: 'how', key: 'required' })
    // The same checks as main, at the field: a real day, not in the future.
    if (!date || !isRealDate(date))
      found.date = fieldMessage(t, { path: 'date', key: date ? 'date' : 'required' })
    else if (date > today) found.date = fieldMessage(t, { path: 'date', key: 'futureDate' })
    setErrors(found)
    if (Object.keys(found).length || !how || !date) return
    setBusy(true)
    try {
      await call('collections.markTold', {
        id: collection.id,
        householdId: entry.householdId,
        how: how as NoticeWay,
        date,
      })
      notifications.show({
        color: 'teal',
        message: t('collections.tell.saved', {
          name: entry.contactName,
          how: t(`noticeWays.${how}`).toLowerCase(),
          date: toDutchDate(date),
        }),
      })
      onSaved()
    } catch (err) {
      const fields = serverFieldErrors(t, err)
      setErrors(fields)
      if (!Object.keys(fields).length) setProblem(errorMessage(t, err))
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
          {entry.email ? ` · ${entry.email}` : ''}
        </Text>
        <Select
          label={t('collections.tell.how')}
          required
          data={NOTICE_WAYS.map((w) => ({ value: w, label: t(`noticeWays.${w}`) }))}
          value={how}
          onChange={(v) => {
            setHow(v)
            setErrors((e) => ({ ...e, how: '' }))
          }}
          error={errors.how || null}
          allowDeselect={false}
        />
        <DateField
          label={t('collections.tell.date')}
          required
          clearable={false}
          value={date}
          onChange={(v) => {
            setDate(v)
            setErrors((e) => ({ ...e, date: '' }))
          }}
          error={errors.date || null}
        />
        <ErrorAlert message={problem} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('collections.tell.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

/** "Collectie vertrekt": the day, the partner project from the sociale kaart, a note. */
function LeaveModal({
  opened,
  collection,
  today,
  onClose,
  onSaved,
}: {
  opened: boolean
  collection: Collection
  today: string | null
  onClose: () => void
  onSaved: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t(collection.leftOn ? 'collections.leave.correctTitle' : 'collections.leave.title', {
        name: collection.name,
      })}
    >
      {opened && today && (
        <LeaveForm collection={collection} today={today} onClose={onClose} onSaved={onSaved} />
      )}
    </Modal>
  )
}

function LeaveForm({
  collection,
  today,
  onClose,
  onSaved,
}: {
  collection: Collection
  today: string
  onClose: () => void
  onSaved: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const partnersLoader = useMemo(() => () => call('partners.list', {}), [])
  const { data: partners } = useLoad(partnersLoader)
  const correcting = collection.leftOn !== null
  const leftTo = collection.leftTo
  // Partner projects first: that is where collections usually go. Shown as "name · area": many
  // names end in brackets of their own. The one it went to stays offered if no longer in use.
  const options = useMemo(
    () =>
      [
        ...(partners ?? []),
        ...(leftTo && partners && !partners.some((p) => p.id === leftTo.id)
          ? [{ id: leftTo.id, name: leftTo.name, kind: 'other', area: null }]
          : []),
      ]
        .sort(
          (a, b) =>
            Number(b.kind === 'partner_project') - Number(a.kind === 'partner_project') ||
            a.name.localeCompare(b.name, 'nl'),
        )
        .map((p) => ({
          value: String(p.id),
          label: p.area ? `${p.name} · ${p.area}` : p.name,
        })),
    [partners, leftTo],
  )
  const [date, setDate] = useState<string | null>(collection.leftOn ?? today)
  const [partnerId, setPartnerId] = useState<string | null>(leftTo ? String(leftTo.id) : null)
  const [note, setNote] = useState(collection.leftNote ?? '')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const save = async (): Promise<void> => {
    setProblem(null)
    const found: Record<string, string> = {}
    if (!date || !isRealDate(date))
      found.date = fieldMessage(t, { path: 'date', key: date ? 'date' : 'required' })
    else if (date > today) found.date = fieldMessage(t, { path: 'date', key: 'futureDate' })
    setErrors(found)
    if (Object.keys(found).length || !date) return
    setBusy(true)
    try {
      await call('collections.leave', {
        id: collection.id,
        date,
        partnerId: partnerId ? Number(partnerId) : null,
        note: note || null,
      })
      notifications.show({
        color: 'teal',
        message: t(correcting ? 'collections.leave.corrected' : 'collections.leave.saved', {
          name: collection.name,
        }),
      })
      onSaved()
    } catch (err) {
      const fields = serverFieldErrors(t, err)
      setErrors(fields)
      if (!Object.keys(fields).length) setProblem(errorMessage(t, err))
      else setProblem(t('errors.validation'))
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
          {t(correcting ? 'collections.leave.correctIntro' : 'collections.leave.intro')}
        </Text>
        <DateField
          label={t('collections.leave.date')}
          required
          clearable={false}
          value={date}
          onChange={(v) => {
            setDate(v)
            setErrors((e) => ({ ...e, date: '' }))
          }}
          error={errors.date || null}
        />
        <Select
          label={t('collections.leave.partner')}
          placeholder={
            partners && !partners.length
              ? t('collections.leave.noPartners')
              : t('collections.leave.partnerPlaceholder')
          }
          data={options}
          value={partnerId}
          onChange={setPartnerId}
          searchable
          clearable
          error={errors.partnerId || null}
        />
        <Textarea
          label={t('collections.leave.note')}
          placeholder={t('collections.leave.notePlaceholder')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note || null}
          autosize
          minRows={2}
        />
        <ErrorAlert message={problem} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color={correcting ? undefined : 'orange'} loading={busy}>
            {t(correcting ? 'collections.leave.correctSave' : 'collections.leave.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
