import { useCallback, useState } from 'react'
import {
  Alert,
  Anchor,
  Button,
  Card,
  CloseButton,
  Group,
  Loader,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { DateField } from '../../common/components/date-field'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage, serverFieldErrors, showError, zodValidate } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { useCan } from '../../common/hooks/use-session'
import { toDutchDate } from '../../../../shared/dates'
import {
  COMPLAINT_SETTING_LIMITS,
  complaintCategoryCreateInput,
  complaintSettings,
  type ComplaintCategory,
  type ComplaintSettings,
} from '../../../../shared/schemas/complaints'
import './texts'

type NumberKey = keyof typeof COMPLAINT_SETTING_LIMITS
const NUMBERS: { key: NumberKey; label: string }[] = [
  { key: 'ackWorkingDays', label: 'complaints.settings.acknowledgeWorkingDays' },
  { key: 'decisionWeeks', label: 'complaints.settings.decisionWeeks' },
  { key: 'maxExtensionWeeks', label: 'complaints.settings.maxExtensionWeeks' },
]

/** The complaints settings: terms, who decides, the report's small numbers, closed days, categories. */
export function ComplaintSettingsPage(): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Stack gap="md" maw={900}>
      <Anchor href="#/complaints" size="sm">
        {t('complaints.nav.back')}
      </Anchor>
      <div>
        <Title order={2}>{t('complaints.settings.title')}</Title>
        <Text c="dimmed">{t('complaints.settings.intro')}</Text>
      </div>
      <SettingsForm />
      <Categories />
    </Stack>
  )
}

type Values = Omit<ComplaintSettings, NumberKey> & Record<NumberKey, number | string>

function SettingsForm(): React.JSX.Element {
  const { t } = useTranslation()
  const can = useCan()
  const editable = can('complaints.updateSettings')
  const loader = useCallback(() => call('complaints.settings', {}), [])
  const { data, error } = useLoad(loader)
  // What the user changed; until then, what main sent.
  const [edited, setValues] = useState<Values | null>(null)
  const values: Values | null = edited ?? data
  const [newDay, setNewDay] = useState<string | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  if (!values)
    return error ? (
      <ErrorAlert message={errorMessage(t, error)} />
    ) : (
      <Loader aria-label={t('common.loading')} />
    )

  const set = <K extends keyof Values>(k: K, v: Values[K]): void =>
    setValues((old) => {
      const base = old ?? data
      return base ? { ...base, [k]: v } : base
    })

  const save = async (): Promise<void> => {
    setProblem(null)
    const input: Record<string, unknown> = { ...values }
    for (const n of NUMBERS) if (typeof input[n.key] !== 'number') input[n.key] = undefined
    if (typeof input.smallCellThreshold !== 'number') input.smallCellThreshold = undefined
    const found = zodValidate(complaintSettings, t)(input)
    setErrors(found)
    if (Object.keys(found).length) return setProblem(t('errors.validation'))
    setBusy(true)
    try {
      const saved = await call('complaints.updateSettings', complaintSettings.parse(input))
      setValues(saved)
      notifications.show({ color: 'teal', message: t('complaints.settings.saved') })
    } catch (err) {
      setErrors(serverFieldErrors(t, err))
      setProblem(errorMessage(t, err))
    } finally {
      setBusy(false)
    }
  }

  const addDay = (): void => {
    if (!newDay) return
    const found = zodValidate(complaintSettings.shape.closedDays, t)([newDay])
    if (Object.keys(found).length) {
      setErrors((e) => ({ ...e, newDay: Object.values(found)[0] }))
      return
    }
    set('closedDays', [...new Set([...values.closedDays, newDay])].sort())
    setNewDay(null)
    setErrors((e) => ({ ...e, newDay: '' }))
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
        {!editable && (
          <Alert color="blue" variant="light">
            {t('complaints.settings.adminOnly')}
          </Alert>
        )}
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t('complaints.settings.terms')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {NUMBERS.map((n) => (
              <NumberInput
                key={n.key}
                label={t(n.label)}
                min={COMPLAINT_SETTING_LIMITS[n.key].min}
                max={COMPLAINT_SETTING_LIMITS[n.key].max}
                allowDecimal={false}
                value={values[n.key]}
                onChange={(v) => set(n.key, v)}
                error={errors[n.key]}
                readOnly={!editable}
              />
            ))}
          </SimpleGrid>
        </Card>
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t('complaints.settings.roles')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('complaints.settings.decider')}
              description={t('complaints.settings.deciderHelp')}
              maxLength={60}
              value={values.deciderTitle}
              onChange={(e) => set('deciderTitle', e.currentTarget.value)}
              error={errors.deciderTitle}
              readOnly={!editable}
            />
            <NumberInput
              label={t('complaints.settings.smallCell')}
              min={COMPLAINT_SETTING_LIMITS.smallCellThreshold.min}
              max={COMPLAINT_SETTING_LIMITS.smallCellThreshold.max}
              allowDecimal={false}
              value={values.smallCellThreshold}
              onChange={(v) => set('smallCellThreshold', v as number)}
              error={errors.smallCellThreshold}
              readOnly={!editable}
            />
          </SimpleGrid>
        </Card>
        <Card withBorder>
          <Title order={3} size="h4" mb={4}>
            {t('complaints.settings.closedDays')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('complaints.settings.closedDaysHelp')}
          </Text>
          {values.closedDays.length === 0 ? (
            <Text size="sm">{t('complaints.settings.noClosedDays')}</Text>
          ) : (
            <Group gap="xs" mb="sm">
              {values.closedDays.map((d) => (
                <Group
                  key={d}
                  gap={2}
                  px="xs"
                  py={2}
                  style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 6 }}
                >
                  <Text size="sm">{toDutchDate(d)}</Text>
                  {editable && (
                    <CloseButton
                      size="sm"
                      aria-label={t('complaints.settings.removeDay', { date: toDutchDate(d) })}
                      onClick={() =>
                        set(
                          'closedDays',
                          values.closedDays.filter((x) => x !== d),
                        )
                      }
                    />
                  )}
                </Group>
              ))}
            </Group>
          )}
          {errors.closedDays && (
            <Text size="sm" c="red">
              {errors.closedDays}
            </Text>
          )}
          {editable && (
            <Group align="flex-end" gap="xs" mt="xs">
              <DateField
                label={t('complaints.settings.dayToAdd')}
                value={newDay}
                onChange={setNewDay}
                error={errors.newDay || undefined}
                w={200}
              />
              <Button variant="default" onClick={addDay} mb={errors.newDay ? 22 : 0}>
                {t('complaints.settings.addDay')}
              </Button>
            </Group>
          )}
        </Card>
        <ErrorAlert message={problem} />
        {editable && (
          <Group justify="flex-end">
            <Button type="submit" loading={busy}>
              {t('complaints.settings.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  )
}

/** The categories a complaint is filed under: a managed list (add, rename, switch off). */
function Categories(): React.JSX.Element {
  const { t } = useTranslation()
  const loader = useCallback(() => call('complaints.categories', { includeInactive: true }), [])
  const { data, error, reload } = useLoad(loader)
  const [name, setName] = useState('')
  const [fieldError, setFieldError] = useState<string | undefined>(undefined)
  const [busy, setBusy] = useState(false)

  const add = async (): Promise<void> => {
    const found = zodValidate(complaintCategoryCreateInput, t)({ name })
    setFieldError(found.name)
    if (found.name) return
    setBusy(true)
    try {
      await call('complaints.createCategory', complaintCategoryCreateInput.parse({ name }))
      setName('')
      reload()
    } catch (err) {
      const fields = serverFieldErrors(t, err)
      if (fields.name) setFieldError(fields.name)
      else showError(t, err)
    } finally {
      setBusy(false)
    }
  }

  const toggle = async (c: ComplaintCategory): Promise<void> => {
    try {
      await call('complaints.updateCategory', { id: c.id, name: c.name, active: !c.active })
      reload()
    } catch (err) {
      showError(t, err)
    }
  }

  return (
    <Card withBorder>
      <Title order={3} size="h4" mb={4}>
        {t('complaints.settings.categories')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('complaints.settings.categoriesHelp')}
      </Text>
      <ErrorAlert message={error ? errorMessage(t, error) : null} />
      <Stack gap={6} mb="sm">
        {(data ?? []).map((c) => (
          <Switch key={c.id} label={c.name} checked={c.active} onChange={() => void toggle(c)} />
        ))}
      </Stack>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void add()
        }}
      >
        <Group align="flex-end" gap="xs">
          <TextInput
            label={t('complaints.settings.newCategory')}
            maxLength={80}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError}
            w={300}
          />
          <Button type="submit" variant="default" loading={busy} mb={fieldError ? 22 : 0}>
            {t('common.add')}
          </Button>
        </Group>
      </form>
    </Card>
  )
}
