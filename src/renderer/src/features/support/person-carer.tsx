import { useCallback, useState } from 'react'
import {
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { DateField } from '../../common/components/date-field'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage, serverFieldErrors, showError, zodValidate } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { toDutchDate } from '../../../../shared/dates'
import {
  CARER_LOADS,
  CARER_SUPPORT_KINDS,
  carerSaveInput,
  type Carer,
  type CarerSupportKind,
} from '../../../../shared/schemas/support'
import { ScoreChart } from '../volunteers'
import { HelpRequestForm } from './help-request-form'
import { HelpRequestsTable } from './help-requests-table'
import { LoadBadge } from './load-badge'
import './texts'

/**
 * A person as informal carer, on their page: registering them, the record, their load over time,
 * the support given, and the help requests they made.
 */
export function PersonCarer({
  personId,
  personName,
  today,
}: {
  personId: number
  personName: string
  today: string
}): React.JSX.Element {
  const { t } = useTranslation()
  // Wrapped, so "not registered" (null) is told apart from "still loading".
  const loader = useCallback(
    () => call('carers.get', { personId }).then((carer) => ({ carer })),
    [personId],
  )
  const { data, error, reload } = useLoad(loader)
  const [editing, setEditing] = useState(false)
  if (error) return <ErrorAlert message={errorMessage(t, error)} />
  if (!data) return <Loader aria-label={t('common.loading')} />
  const carer = data.carer
  const changed = (): void => reload()
  return (
    <Stack gap="md">
      {!carer ? (
        <Group gap="md">
          <Text c="dimmed">{t('support.carer.notRegistered')}</Text>
          <Button onClick={() => setEditing(true)}>{t('support.carer.register')}</Button>
        </Group>
      ) : (
        <>
          <CarerRecord carer={carer} onEdit={() => setEditing(true)} />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <Loads carer={carer} today={today} onChanged={changed} />
            <Support carer={carer} today={today} onChanged={changed} />
          </SimpleGrid>
        </>
      )}
      <PersonRequests personId={personId} personName={personName} today={today} />
      {editing && (
        <CarerForm
          personId={personId}
          carer={carer ?? null}
          today={today}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false)
            changed()
          }}
        />
      )}
    </Stack>
  )
}

function CarerRecord({ carer, onEdit }: { carer: Carer; onEdit: () => void }): React.JSX.Element {
  const { t } = useTranslation()
  const latest = carer.loads[carer.loads.length - 1]
  const rows: [string, React.ReactNode][] = [
    [t('support.carer.caresFor'), carer.caresFor],
    [t('support.carer.caringSince'), carer.caringSince ? toDutchDate(carer.caringSince) : '–'],
    [t('support.carer.registeredOn'), toDutchDate(carer.registeredOn)],
    ...(carer.endedOn
      ? [[t('support.carer.endedOn'), toDutchDate(carer.endedOn)] as [string, string]]
      : []),
    [
      t('support.carer.consentLabel'),
      carer.consent
        ? t('support.carer.consentOn', {
            date: carer.consentOn ? toDutchDate(carer.consentOn) : '',
          })
        : t('support.carer.noConsent'),
    ],
    [t('support.carer.loadNow'), latest ? <LoadBadge load={latest.load} /> : '–'],
  ]
  return (
    <Card withBorder component="section" aria-labelledby="carer-record" maw={900}>
      <Group justify="space-between" align="flex-start" mb="xs">
        <Title order={3} size="h4" id="carer-record">
          {t('support.carer.record')}
        </Title>
        <Button size="xs" variant="default" onClick={onEdit}>
          {t('support.carer.edit')}
        </Button>
      </Group>
      <Stack gap={6} component="dl" m={0}>
        {rows.map(([label, value]) => (
          <Group key={label} gap="xs" wrap="nowrap" align="flex-start">
            <Text component="dt" size="sm" fw={600} w={180} style={{ flexShrink: 0 }}>
              {label}
            </Text>
            <Text component="dd" size="sm" m={0} style={{ whiteSpace: 'pre-wrap' }}>
              {value}
            </Text>
          </Group>
        ))}
      </Stack>
    </Card>
  )
}

/** The five steps of load as one choice, 1 light ... 5 overloaded. */
function LoadChoice({
  value,
  onChange,
  label,
  error,
}: {
  value: number | null
  onChange: (v: number) => void
  label: string
  error?: string
}): React.JSX.Element {
  const { t } = useTranslation()
  const id = `load-${label.replace(/\W+/g, '-')}`
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={id}>
        {label}{' '}
        <Text span c="red" aria-hidden>
          *
        </Text>
      </Text>
      <SegmentedControl
        aria-labelledby={id}
        data={CARER_LOADS.map((l) => ({ value: String(l), label: t(`support.carer.loads.${l}`) }))}
        value={value === null ? '' : String(value)}
        onChange={(v) => onChange(Number(v))}
        fullWidth
        size="xs"
      />
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
    </Stack>
  )
}

interface CarerDraft {
  caresFor: string
  caringSince: string | null
  registeredOn: string | null
  endedOn: string | null
  consent: boolean
  load: number | null
}

function CarerForm({
  personId,
  carer,
  today,
  onClose,
  onSaved,
}: {
  personId: number
  carer: Carer | null
  today: string
  onClose: () => void
  onSaved: (c: Carer) => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const registering = carer === null
  const [d, setD] = useState<CarerDraft>(
    carer
      ? {
          caresFor: carer.caresFor,
          caringSince: carer.caringSince,
          registeredOn: carer.registeredOn,
          endedOn: carer.endedOn,
          consent: carer.consent,
          load: null,
        }
      : {
          caresFor: '',
          caringSince: null,
          registeredOn: today,
          endedOn: null,
          consent: false,
          load: null,
        },
  )
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)
  const set = (patch: Partial<CarerDraft>): void => {
    setD((x) => ({ ...x, ...patch }))
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in patch))))
  }
  const save = async (): Promise<void> => {
    const input = { personId, ...d, load: registering ? d.load : null }
    const local = zodValidate(carerSaveInput, t)(input)
    if (registering && d.load === null) local.load = t('validation.required')
    if (Object.keys(local).length) {
      setErrors(local)
      return
    }
    setSaving(true)
    try {
      const saved = await call('carers.save', { ...input, registeredOn: input.registeredOn ?? '' })
      notifications.show({ color: 'teal', message: t('support.carer.saved') })
      onSaved(saved)
    } catch (err) {
      const fields = serverFieldErrors(t, err)
      setErrors(fields)
      if (!Object.keys(fields).length) showError(t, err)
    } finally {
      setSaving(false)
    }
  }
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={registering ? t('support.carer.registerTitle') : t('support.carer.editTitle')}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <Stack gap="sm">
          <Textarea
            label={t('support.carer.caresFor')}
            description={t('support.carer.caresForHelp')}
            value={d.caresFor}
            onChange={(e) => set({ caresFor: e.currentTarget.value })}
            error={errors.caresFor}
            autosize
            minRows={2}
            maxLength={300}
            withAsterisk
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, sm: registering ? 2 : 3 }} spacing="sm">
            <DateField
              label={t('support.carer.caringSince')}
              value={d.caringSince}
              onChange={(v) => set({ caringSince: v })}
              error={errors.caringSince}
            />
            <DateField
              label={t('support.carer.registeredOn')}
              value={d.registeredOn}
              onChange={(v) => set({ registeredOn: v })}
              error={errors.registeredOn}
              withAsterisk
            />
            {!registering && (
              <DateField
                label={t('support.carer.endedOn')}
                description={t('support.carer.endedOnHelp')}
                value={d.endedOn}
                onChange={(v) => set({ endedOn: v })}
                error={errors.endedOn}
              />
            )}
          </SimpleGrid>
          <Checkbox
            label={t('support.carer.consent')}
            checked={d.consent}
            onChange={(e) => set({ consent: e.currentTarget.checked })}
            error={errors.consent}
          />
          {registering && (
            <LoadChoice
              label={t('support.carer.load')}
              value={d.load}
              onChange={(v) => set({ load: v })}
              error={errors.load}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('support.carer.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('support.carer.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

function Loads({
  carer,
  today,
  onChanged,
}: {
  carer: Carer
  today: string
  onChanged: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [date, setDate] = useState<string | null>(today)
  const [load, setLoad] = useState<number | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const add = async (): Promise<void> => {
    if (load === null) {
      setErrors({ load: t('validation.required') })
      return
    }
    setBusy(true)
    try {
      await call('carers.addLoad', {
        personId: carer.personId,
        measuredOn: date ?? '',
        load,
      })
      notifications.show({ color: 'teal', message: t('support.carer.loadAdded') })
      setLoad(null)
      setErrors({})
      onChanged()
    } catch (err) {
      const fields = serverFieldErrors(t, err)
      setErrors(fields)
      if (!Object.keys(fields).length) showError(t, err)
    } finally {
      setBusy(false)
    }
  }
  const loads = carer.loads
  return (
    <Card withBorder component="section" aria-labelledby="carer-loads">
      <Title order={3} size="h4" id="carer-loads" mb="xs">
        {t('support.carer.loadsTitle')}
      </Title>
      {loads.length > 1 && (
        <ScoreChart
          points={loads.map((l) => ({ day: l.measuredOn, score: l.load }))}
          max={5}
          lowerIsBetter
          width={320}
          height={70}
          label={t('support.carer.loadsChart', {
            from: toDutchDate(loads[0].measuredOn),
            to: toDutchDate(loads[loads.length - 1].measuredOn),
            values: loads.map((l) => l.load).join(', '),
          })}
        />
      )}
      <Table mt="xs" aria-label={t('support.carer.loadsTitle')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('support.carer.loadColumns.date')}</Table.Th>
            <Table.Th>{t('support.carer.loadColumns.load')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {loads.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>{toDutchDate(l.measuredOn)}</Table.Td>
              <Table.Td>
                <LoadBadge load={l.load} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Stack gap="xs" mt="sm">
        <DateField
          label={t('support.carer.loadDate')}
          value={date}
          onChange={(v) => {
            setDate(v)
            setErrors({})
          }}
          error={errors.measuredOn}
          maw={200}
        />
        <LoadChoice
          label={t('support.carer.loadNow')}
          value={load}
          onChange={(v) => {
            setLoad(v)
            setErrors({})
          }}
          error={errors.load}
        />
        <Button
          variant="light"
          loading={busy}
          onClick={() => void add()}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('support.carer.addLoad')}
        </Button>
      </Stack>
    </Card>
  )
}

function Support({
  carer,
  today,
  onChanged,
}: {
  carer: Carer
  today: string
  onChanged: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [kind, setKind] = useState<CarerSupportKind | null>(null)
  const [date, setDate] = useState<string | null>(today)
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const add = async (): Promise<void> => {
    if (kind === null) {
      setErrors({ kind: t('validation.required') })
      return
    }
    setBusy(true)
    try {
      await call('carers.addSupport', {
        personId: carer.personId,
        kind,
        givenOn: date ?? '',
        note,
      })
      notifications.show({ color: 'teal', message: t('support.carer.supportAdded') })
      setKind(null)
      setNote('')
      setErrors({})
      onChanged()
    } catch (err) {
      const fields = serverFieldErrors(t, err)
      setErrors(fields)
      if (!Object.keys(fields).length) showError(t, err)
    } finally {
      setBusy(false)
    }
  }
  const support = [...carer.support].sort((a, b) => b.givenOn.localeCompare(a.givenOn))
  return (
    <Card withBorder component="section" aria-labelledby="carer-support">
      <Title order={3} size="h4" id="carer-support" mb="xs">
        {t('support.carer.supportTitle')}
      </Title>
      {support.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('support.carer.supportNone')}
        </Text>
      ) : (
        <Table aria-label={t('support.carer.supportTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('support.carer.supportColumns.date')}</Table.Th>
              <Table.Th>{t('support.carer.supportColumns.kind')}</Table.Th>
              <Table.Th>{t('support.carer.supportColumns.note')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {support.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{toDutchDate(s.givenOn)}</Table.Td>
                <Table.Td>{t(`support.carer.supportKinds.${s.kind}`)}</Table.Td>
                <Table.Td>{s.note ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Stack gap="xs" mt="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('support.carer.supportKind')}
            data={CARER_SUPPORT_KINDS.map((k) => ({
              value: k,
              label: t(`support.carer.supportKinds.${k}`),
            }))}
            value={kind}
            onChange={(v) => {
              setKind(v as CarerSupportKind | null)
              setErrors({})
            }}
            error={errors.kind}
            withAsterisk
          />
          <DateField
            label={t('support.carer.supportDate')}
            value={date}
            onChange={(v) => {
              setDate(v)
              setErrors({})
            }}
            error={errors.givenOn}
            withAsterisk
          />
        </SimpleGrid>
        <TextInput
          label={t('support.carer.supportNote')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
          maxLength={500}
        />
        <Button
          variant="light"
          loading={busy}
          onClick={() => void add()}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('support.carer.addSupport')}
        </Button>
      </Stack>
    </Card>
  )
}

/** The help requests this person made (or is the volunteer of), and a new one for them. */
function PersonRequests({
  personId,
  personName,
  today,
}: {
  personId: number
  personName: string
  today: string
}): React.JSX.Element {
  const { t } = useTranslation()
  const loader = useCallback(() => call('helpRequests.list', { personId, limit: 100 }), [personId])
  const { data, error, reload } = useLoad(loader)
  const [adding, setAdding] = useState(false)
  return (
    <Stack gap="xs" component="section" aria-labelledby="person-requests">
      <Group justify="space-between">
        <Title order={3} size="h4" id="person-requests">
          {t('support.carer.requestsTitle')}
        </Title>
        <Button variant="light" onClick={() => setAdding(true)}>
          {t('support.carer.addRequest')}
        </Button>
      </Group>
      <ErrorAlert message={error ? errorMessage(t, error) : null} />
      {!data && !error && <Loader size="sm" aria-label={t('common.loading')} />}
      {data && data.rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('support.forPerson.ownNone')}
        </Text>
      )}
      {data && data.rows.length > 0 && <HelpRequestsTable rows={data.rows} />}
      {adding && (
        <HelpRequestForm
          person={{ id: personId, label: personName }}
          today={today}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false)
            reload()
          }}
        />
      )}
    </Stack>
  )
}
