import { useCallback, useId, useState } from 'react'
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { ErrorAlert } from '../../../common/components/error-alert'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call } from '../../../api'
import { serverFieldErrors, zodValidate } from '../../../common/forms'
import { shopSettings, type ShopSettings } from '../../../../../shared/schemas/shop'
import type { ListKind } from '../../../../../shared/schemas/lists'
import type { ListItem } from '../../../../../shared/schemas/lists'
import {
  SlotTemplateEditor,
  duplicateTemplateErrors,
  fromTemplateRows,
  toTemplateRows,
  type TemplateRow,
} from '../appointments/slot-template-editor'
import { shopErrorMessage, showShopError } from '../shop-errors'
import { useLoad } from '../../../common/hooks/use-load'
import { useCan } from '../../../common/hooks/use-session'
import { OrganisationForm } from '../../accounts'
import { VolunteerRightsCard } from './volunteer-rights-card'

export function SettingsPage(): React.JSX.Element {
  const { t } = useTranslation()
  const can = useCan()
  return (
    <Stack gap="lg">
      <Title order={2}>{t('settings.title')}</Title>
      {can('organisation.update') && <OrganisationForm />}
      {/* The switches right under the organisation: at the bottom of the long page nobody found them. */}
      <VolunteerRightsCard />
      <ShopSettingsForm />
      <Title order={2} size="h3">
        {t('settings.lists.title')}
      </Title>
      {/* As wide as the cards above (maw 900), so the page has one right edge. */}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" maw={900} data-testid="settings-lists">
        <ManagedList kind="topic" />
        <PartnersMoved />
        <ManagedList kind="category" />
      </SimpleGrid>
    </Stack>
  )
}

/** Referral destinations left these lists for the sociale kaart: says where they are now. */
function PartnersMoved(): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Card withBorder padding="md">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('settings.partnersMoved.title')}
        </Title>
        <Text size="sm">{t('settings.partnersMoved.text')}</Text>
        <Anchor href="#/partners" size="sm">
          {t('settings.partnersMoved.link')}
        </Anchor>
      </Stack>
    </Card>
  )
}

/** The volunteer role's switches have their own card; this form holds the numbers and template. */
type VolunteerSwitch =
  'volunteerMayBook' | 'volunteerMayRecordConversation' | 'volunteerMaySeeHistory'
type NumberKey = Exclude<keyof ShopSettings, 'slotTemplate' | VolunteerSwitch>

const NUMBER_FIELDS: { key: NumberKey; max: number }[] = [
  { key: 'defaultCapacity', max: 50 },
  { key: 'eligibilityMonths', max: 60 },
  { key: 'maxVisitsPerPeriod', max: 100 },
  { key: 'visitPeriodDays', max: 365 },
  { key: 'maxItemsPerChild', max: 100 },
  { key: 'inviteAfterDays', max: 730 },
  { key: 'expiringWithinDays', max: 365 },
  { key: 'lockMinutes', max: 15 },
]

const numbersAndTemplate = shopSettings.omit({
  volunteerMayBook: true,
  volunteerMayRecordConversation: true,
  volunteerMaySeeHistory: true,
})

type Values = Record<NumberKey, number | string> & { slotTemplate: TemplateRow[] }

function toValues(s: ShopSettings): Values {
  const values: Record<string, unknown> = { slotTemplate: toTemplateRows(s.slotTemplate) }
  for (const f of NUMBER_FIELDS) values[f.key] = s[f.key]
  return values as Values
}

/** The values as main's schema reads them; an emptied field becomes "verplicht". */
function toInput(v: Values): Record<string, unknown> {
  const out: Record<string, unknown> = { slotTemplate: fromTemplateRows(v.slotTemplate) }
  for (const f of NUMBER_FIELDS) out[f.key] = typeof v[f.key] === 'number' ? v[f.key] : undefined
  return out
}

function ShopSettingsForm(): React.JSX.Element {
  const { t } = useTranslation()
  const loader = useCallback(() => call('settings.get', {}), [])
  const { data: loaded, error } = useLoad(loader)
  const problem = error ? shopErrorMessage(t, error) : null

  const headingId = useId()
  return (
    <Card withBorder component="section" aria-labelledby={headingId} maw={900}>
      <Title order={3} id={headingId} mb="sm">
        {t('settings.shop.title')}
      </Title>
      {!loaded && <ErrorAlert message={problem} />}
      {loaded ? (
        <SettingsFields initial={loaded} />
      ) : (
        !problem && <Loader aria-label={t('common.loading')} />
      )}
    </Card>
  )
}

function SettingsFields({ initial }: { initial: ShopSettings }): React.JSX.Element {
  const { t } = useTranslation()
  // settings.update is the admin's; a coordinator sees the settings without changing them.
  const editable = useCan()('settings.update')
  const [problem, setProblem] = useState<string | null>(null)
  const validate = zodValidate(numbersAndTemplate, t)
  const form = useForm<Values>({
    initialValues: toValues(initial),
    validate: (v) => {
      const errors = { ...validate(toInput(v)) }
      for (const [path, message] of Object.entries(duplicateTemplateErrors(v.slotTemplate, t)))
        errors[path.replace(/^template\./, 'slotTemplate.')] = message
      return errors
    },
  })

  const submit = form.onSubmit(async (v) => {
    setProblem(null)
    try {
      const saved = await call('settings.update', numbersAndTemplate.parse(toInput(v)))
      form.setValues(toValues(saved))
      form.resetDirty(toValues(saved))
      notifications.show({ color: 'teal', message: t('settings.shop.saved') })
    } catch (err) {
      const fields = serverFieldErrors(t, err)
      form.setErrors(fields)
      setProblem(shopErrorMessage(t, err))
    }
  })

  // The template editor reads its errors as `template.N.field`.
  const templateErrors: Record<string, React.ReactNode> = {}
  for (const [path, message] of Object.entries(form.errors))
    if (path === 'slotTemplate' || path.startsWith('slotTemplate.'))
      templateErrors[path.replace(/^slotTemplate/, 'template')] = message

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {!editable && (
          <Alert color="gray" variant="light">
            {t('settings.shop.adminOnly')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {NUMBER_FIELDS.map((f) => (
            <NumberInput
              key={f.key}
              label={t(`settings.shop.${f.key}.label`)}
              description={t(`settings.shop.${f.key}.help`)}
              required
              min={1}
              max={f.max}
              allowDecimal={false}
              // Say what is wrong rather than quietly changing -5 into 1.
              clampBehavior="none"
              disabled={!editable}
              {...form.getInputProps(f.key)}
            />
          ))}
        </SimpleGrid>
        <div>
          <Text fw={600}>{t('settings.shop.slotTemplate.label')}</Text>
          <Text size="sm" c="dimmed" mb="xs">
            {t('settings.shop.slotTemplate.help')}
          </Text>
          <SlotTemplateEditor
            rows={form.values.slotTemplate}
            onChange={(rows) => {
              form.setFieldValue('slotTemplate', rows)
              form.clearErrors()
            }}
            errors={templateErrors}
            defaultCapacity={
              typeof form.values.defaultCapacity === 'number' ? form.values.defaultCapacity : 5
            }
            disabled={!editable}
          />
        </div>
        <ErrorAlert message={problem} />
        {editable && (
          <Group>
            <Button type="submit" loading={form.submitting}>
              {t('settings.shop.submit')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  )
}

/** One of the lists the coordinator keeps: add, rename, switch off (kept for old records). */
function ManagedList({ kind }: { kind: ListKind }): React.JSX.Element {
  const { t } = useTranslation()
  const headingId = useId()
  const loader = useCallback(() => call('lists.list', { kind, includeInactive: true }), [kind])
  const { data: items, error, reload } = useLoad(loader)
  const problem = error ? shopErrorMessage(t, error) : null
  const [name, setName] = useState('')
  const [nameError, setNameError] = useState<string | null>(null)
  const [adding, setAdding] = useState(false)

  const add = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault()
    if (!name.trim()) {
      setNameError(t('validation.required'))
      return
    }
    setAdding(true)
    try {
      await call('lists.create', { kind, name: name.trim() })
      setName('')
      setNameError(null)
      reload()
    } catch (err) {
      const fields = serverFieldErrors(t, err)
      setNameError(fields.name ?? shopErrorMessage(t, err))
    } finally {
      setAdding(false)
    }
  }

  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Title order={3} id={headingId} mb="xs">
        {t(`settings.lists.${kind}.title`)}
      </Title>
      {problem && (
        <Alert color="red" variant="light" role="alert" mb="xs">
          {problem}
        </Alert>
      )}
      {items === null ? (
        !problem && <Loader size="sm" aria-label={t('common.loading')} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('settings.lists.empty')}
        </Text>
      ) : (
        <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }}>
          {items.map((item) => (
            <ListRow key={item.id} item={item} onChanged={reload} />
          ))}
        </Stack>
      )}
      <form onSubmit={(e) => void add(e)} noValidate>
        <Group align="flex-start" mt="sm" gap="xs" wrap="nowrap">
          <TextInput
            label={t(`settings.lists.${kind}.new`)}
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value)
              setNameError(null)
            }}
            error={nameError}
            maxLength={80}
            style={{ flex: 1 }}
          />
          <Button type="submit" mt={25} loading={adding}>
            {t('settings.lists.add')}
          </Button>
        </Group>
      </form>
    </Card>
  )
}

function ListRow({
  item,
  onChanged,
}: {
  item: ListItem
  onChanged: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [editing, setEditing] = useState(false)
  const [name, setName] = useState(item.name)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const save = async (patch: { name?: string; active?: boolean }): Promise<void> => {
    const next = { id: item.id, name: patch.name ?? item.name, active: patch.active ?? item.active }
    if (!next.name.trim()) {
      setError(t('validation.required'))
      return
    }
    setBusy(true)
    try {
      await call('lists.update', { ...next, name: next.name.trim() })
      setEditing(false)
      setError(null)
      onChanged()
    } catch (err) {
      const fields = serverFieldErrors(t, err)
      if (editing) setError(fields.name ?? shopErrorMessage(t, err))
      else showShopError(t, err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Group
      component="li"
      justify="space-between"
      gap="xs"
      py={6}
      wrap="nowrap"
      style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
    >
      {editing ? (
        <form
          style={{ flex: 1 }}
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            void save({ name })
          }}
        >
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              aria-label={t('settings.lists.nameOf', { name: item.name })}
              value={name}
              onChange={(e) => {
                setName(e.currentTarget.value)
                setError(null)
              }}
              error={error}
              maxLength={80}
              size="xs"
              style={{ flex: 1 }}
              data-autofocus
              autoFocus
            />
            <Button type="submit" size="xs" loading={busy}>
              {t('common.save')}
            </Button>
            <Button
              size="xs"
              variant="default"
              onClick={() => {
                setEditing(false)
                setName(item.name)
                setError(null)
              }}
            >
              {t('common.cancel')}
            </Button>
          </Group>
        </form>
      ) : (
        <>
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Text size="sm" c={item.active ? undefined : 'dimmed'}>
              {item.name}
            </Text>
            {!item.active && (
              <Badge color="gray" variant="light" size="sm">
                {t('status.inactive')}
              </Badge>
            )}
          </Group>
          <Group gap={4} wrap="nowrap">
            <Button size="compact-xs" variant="subtle" onClick={() => setEditing(true)}>
              {t('settings.lists.rename')}
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              color={item.active ? 'gray' : 'teal'}
              loading={busy}
              onClick={() => void save({ active: !item.active })}
            >
              {item.active ? t('settings.lists.deactivate') : t('settings.lists.activate')}
            </Button>
          </Group>
        </>
      )}
    </Group>
  )
}
