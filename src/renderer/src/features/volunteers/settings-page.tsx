import { useMemo, useState } from 'react'
import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage, serverFieldErrors, showError } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { useCan } from '../../common/hooks/use-session'
import { DEMANDS, OPTION_KINDS, type OptionKind } from '../../../../shared/schemas/volunteers'
import { SCORE_PARTS, type MatchWeights } from '../../../../shared/schemas/volunteers-matching'
import { ZRM_VERSIONS, type ZrmVersion } from '../../../../shared/zrm'

/**
 * The volunteers' managed lists (skills, interests, learning goals, "aangemeld via",
 * limitations with the demand each rules out), the programmes, and the admin's settings: the
 * matching weights and the ZRM version and participation ladder.
 */
export function VolunteersSettingsPage(): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Stack gap="md">
      <Title order={2}>{t('volunteers.settings.title')}</Title>
      <OptionsCard />
      <ProgrammesCard />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <WeightsCard />
        <ZrmCard />
      </SimpleGrid>
    </Stack>
  )
}

function OptionsCard(): React.JSX.Element {
  const { t } = useTranslation()
  const [kind, setKind] = useState<OptionKind>('skill')
  const loader = useMemo(
    () => () => call('volunteerLists.list', { kind, includeInactive: true }),
    [kind],
  )
  const { data, error, reload } = useLoad(loader)
  const [name, setName] = useState('')
  const [demand, setDemand] = useState<string | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const add = async (): Promise<void> => {
    setBusy(true)
    setErrors({})
    try {
      await call('volunteerLists.create', {
        kind,
        name,
        demand: kind === 'limitation' ? (demand as (typeof DEMANDS)[number] | null) : null,
      })
      setName('')
      setDemand(null)
      reload()
    } catch (err) {
      const fields = serverFieldErrors(t, err)
      setErrors(Object.keys(fields).length ? fields : { name: errorMessage(t, err) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card withBorder component="section" aria-label={t('volunteers.settings.lists')}>
      <Title order={3} size="h4" mb="xs">
        {t('volunteers.settings.lists')}
      </Title>
      <SegmentedControl
        mb="sm"
        value={kind}
        onChange={(v) => setKind(v as OptionKind)}
        data={OPTION_KINDS.map((k) => ({
          value: k,
          label: t(`volunteers.labels.optionKind.${k}`),
        }))}
      />
      <ErrorAlert message={error ? errorMessage(t, error) : null} />
      <Group gap={6} mb="sm">
        {(data ?? []).map((o) => (
          <Badge
            key={o.id}
            variant={o.active ? 'light' : 'outline'}
            color={o.active ? 'teal' : 'gray'}
            tt="none"
            size="lg"
            style={{ cursor: 'pointer' }}
            title={t(o.active ? 'volunteers.settings.retire' : 'volunteers.settings.restore')}
            onClick={() =>
              void call('volunteerLists.update', {
                id: o.id,
                name: o.name,
                active: !o.active,
                demand: o.demand,
              })
                .then(reload)
                .catch((err: unknown) => showError(t, err))
            }
          >
            {o.name}
            {o.demand ? ` · ${t(`volunteers.labels.demand.${o.demand}`)}` : ''}
          </Badge>
        ))}
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {t('volunteers.settings.listsHelp')}
      </Text>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void add()
        }}
      >
        <Group align="flex-start">
          <TextInput
            label={t('volunteers.settings.newItem')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            w={280}
          />
          {kind === 'limitation' && (
            <Select
              label={t('volunteers.settings.demand')}
              data={DEMANDS.map((d) => ({ value: d, label: t(`volunteers.labels.demand.${d}`) }))}
              value={demand}
              onChange={setDemand}
              error={errors.demand}
              w={240}
            />
          )}
          <Button type="submit" mt={25} variant="light" loading={busy}>
            {t('volunteers.settings.add')}
          </Button>
        </Group>
      </form>
    </Card>
  )
}

function ProgrammesCard(): React.JSX.Element {
  const { t } = useTranslation()
  const loader = useMemo(() => () => call('programmes.list', { includeInactive: true }), [])
  const { data, error, reload } = useLoad(loader)
  const [name, setName] = useState('')
  const [funded, setFunded] = useState<string | number>('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const add = async (): Promise<void> => {
    setBusy(true)
    setErrors({})
    try {
      await call('programmes.create', {
        name,
        fundedPerYear: funded === '' ? null : Number(funded),
      })
      setName('')
      setFunded('')
      reload()
    } catch (err) {
      const fields = serverFieldErrors(t, err)
      setErrors(Object.keys(fields).length ? fields : { name: errorMessage(t, err) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card withBorder component="section" aria-label={t('volunteers.settings.programmes')}>
      <Title order={3} size="h4" mb="xs">
        {t('volunteers.settings.programmes')}
      </Title>
      <ErrorAlert message={error ? errorMessage(t, error) : null} />
      <Table maw={700} mb="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('volunteers.stats.programmes.name')}</Table.Th>
            <Table.Th ta="right">{t('volunteers.settings.fundedPerYear')}</Table.Th>
            <Table.Th ta="right">{t('volunteers.stats.programmes.people')}</Table.Th>
            <Table.Th>{t('volunteers.settings.active')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(data ?? []).map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{p.name}</Table.Td>
              <Table.Td ta="right">{p.fundedPerYear ?? '–'}</Table.Td>
              <Table.Td ta="right">{p.people}</Table.Td>
              <Table.Td>
                <Checkbox
                  aria-label={`${t('volunteers.settings.active')}: ${p.name}`}
                  checked={p.active}
                  onChange={(e) =>
                    void call('programmes.update', {
                      id: p.id,
                      name: p.name,
                      partnerId: p.partnerId,
                      fundedPerYear: p.fundedPerYear,
                      active: e.currentTarget.checked,
                    })
                      .then(reload)
                      .catch((err: unknown) => showError(t, err))
                  }
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void add()
        }}
      >
        <Group align="flex-start">
          <TextInput
            label={t('volunteers.settings.newProgramme')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            w={280}
          />
          <NumberInput
            label={t('volunteers.settings.fundedPerYear')}
            value={funded}
            onChange={setFunded}
            min={0}
            allowDecimal={false}
            error={errors.fundedPerYear}
            w={180}
          />
          <Button type="submit" mt={25} variant="light" loading={busy}>
            {t('volunteers.settings.add')}
          </Button>
        </Group>
      </form>
    </Card>
  )
}

function WeightsCard(): React.JSX.Element {
  const { t } = useTranslation()
  const can = useCan()
  const loader = useMemo(() => () => call('matching.weights', {}), [])
  const { data, error } = useLoad(loader)
  return (
    <Card withBorder component="section" aria-label={t('volunteers.settings.weights')}>
      <Title order={3} size="h4" mb="xs">
        {t('volunteers.settings.weights')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('volunteers.settings.weightsHelp')}
      </Text>
      <ErrorAlert message={error ? errorMessage(t, error) : null} />
      {data && (
        <WeightsForm
          key={JSON.stringify(data)}
          weights={data}
          editable={can('matching.updateWeights')}
        />
      )}
    </Card>
  )
}

function WeightsForm({
  weights,
  editable,
}: {
  weights: MatchWeights
  editable: boolean
}): React.JSX.Element {
  const { t } = useTranslation()
  const [values, setValues] = useState<Record<string, string | number>>({ ...weights })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const keys = [...SCORE_PARTS, 'waitingFullDays'] as const
  const save = async (): Promise<void> => {
    setBusy(true)
    setProblem(null)
    try {
      const input = Object.fromEntries(
        keys.map((k) => [k, Number(values[k])]),
      ) as unknown as MatchWeights
      await call('matching.updateWeights', input)
      notifications.show({ color: 'teal', message: t('volunteers.settings.saved') })
      setErrors({})
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
        void save()
      }}
    >
      <SimpleGrid cols={2} spacing="xs">
        {keys.map((k) => (
          <NumberInput
            key={k}
            label={
              k === 'waitingFullDays'
                ? t('volunteers.settings.waitingFullDays')
                : t(`matching.partNames.${k}`)
            }
            value={values[k]}
            onChange={(v) => setValues((old) => ({ ...old, [k]: v }))}
            min={0}
            allowDecimal={false}
            readOnly={!editable}
            error={errors[k]}
          />
        ))}
      </SimpleGrid>
      <ErrorAlert message={problem} />
      {editable && (
        <Group justify="flex-end" mt="sm">
          <Button type="submit" loading={busy}>
            {t('common.save')}
          </Button>
        </Group>
      )}
    </form>
  )
}

function ZrmCard(): React.JSX.Element {
  const { t } = useTranslation()
  const can = useCan()
  const editable = can('measurements.updateSettings')
  const loader = useMemo(() => () => call('measurements.settings', {}), [])
  const { data, error, reload } = useLoad(loader)
  const update = (input: { version?: ZrmVersion; ladder?: boolean }): void =>
    void call('measurements.updateSettings', input)
      .then(() => {
        notifications.show({ color: 'teal', message: t('volunteers.settings.saved') })
        reload()
      })
      .catch((err: unknown) => showError(t, err))
  return (
    <Card withBorder component="section" aria-label={t('volunteers.settings.zrm')}>
      <Title order={3} size="h4" mb="xs">
        {t('volunteers.settings.zrm')}
      </Title>
      <ErrorAlert message={error ? errorMessage(t, error) : null} />
      {data && (
        <Stack gap="sm">
          <Select
            label={t('volunteers.measurements.version')}
            data={ZRM_VERSIONS.map((v) => ({ value: v, label: t(`zrm.versions.${v}`) }))}
            value={data.version}
            onChange={(v) => v && update({ version: v as ZrmVersion })}
            allowDeselect={false}
            readOnly={!editable}
            maw={300}
          />
          <Switch
            label={t('volunteers.settings.ladder')}
            checked={data.ladder}
            disabled={!editable}
            onChange={(e) => update({ ladder: e.currentTarget.checked })}
          />
          {!editable && (
            <Text size="xs" c="dimmed">
              {t('volunteers.settings.adminOnly')}
            </Text>
          )}
        </Stack>
      )}
    </Card>
  )
}
