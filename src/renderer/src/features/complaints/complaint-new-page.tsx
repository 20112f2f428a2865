import { useCallback, useEffect, useMemo, useState } from 'react'
import {
  Card,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  Group,
  Anchor,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { navigate } from '../../router'
import { DateField } from '../../common/components/date-field'
import { FormActions, differsFrom, valuesJson } from '../../common/components/form-actions'
import { errorMessage, serverFieldErrors, zodValidate } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { useToday } from '../../common/hooks/use-shop-day'
import {
  COMPLAINANT_KINDS,
  COMPLAINT_ABOUT_KINDS,
  COMPLAINT_CHANNELS,
  COMPLAINT_STEPS,
  complaintCreateInput,
  type ComplainantKind,
  type ComplaintAboutKind,
} from '../../../../shared/schemas/complaints'
import { SubjectPicker, type PickedRecord } from './subject-picker'
import './texts'

interface Values {
  receivedOn: string | null
  channel: string | null
  complainantKind: ComplainantKind
  household: PickedRecord | null
  person: PickedRecord | null
  complainantName: string
  complainantContact: string
  aboutKind: ComplaintAboutKind
  aboutAccountId: string | null
  aboutText: string
  categoryId: string | null
  description: string
  wish: string
  step: string
  handlerId: string | null
}

function toInput(v: Values): Record<string, unknown> {
  return {
    receivedOn: v.receivedOn,
    channel: v.channel,
    complainantKind: v.complainantKind,
    householdId: v.complainantKind === 'household' ? (v.household?.id ?? null) : null,
    personId: v.complainantKind === 'person' ? (v.person?.id ?? null) : null,
    complainantName: v.complainantKind === 'contact' ? v.complainantName : null,
    complainantContact: v.complainantKind === 'contact' ? v.complainantContact : null,
    aboutKind: v.aboutKind,
    aboutAccountId: v.aboutKind === 'staff' && v.aboutAccountId ? Number(v.aboutAccountId) : null,
    aboutText: v.aboutText,
    categoryId: v.categoryId ? Number(v.categoryId) : undefined,
    description: v.description,
    wish: v.wish,
    step: Number(v.step),
    handlerId: v.handlerId ? Number(v.handlerId) : null,
  }
}

/** "Nieuwe klacht": who complains, about what, and who handles it. */
export function ComplaintNewPage(): React.JSX.Element {
  const { t } = useTranslation()
  const today = useToday()
  const accountsLoader = useCallback(() => call('complaints.accounts', {}), [])
  const { data: accounts } = useLoad(accountsLoader)
  const categoriesLoader = useCallback(() => call('complaints.categories', {}), [])
  const { data: categories } = useLoad(categoriesLoader)

  const start: Values = useMemo(
    () => ({
      receivedOn: null,
      channel: null,
      complainantKind: 'household',
      household: null,
      person: null,
      complainantName: '',
      complainantContact: '',
      aboutKind: 'service',
      aboutAccountId: null,
      aboutText: '',
      categoryId: null,
      description: '',
      wish: '',
      step: '1',
      handlerId: null,
    }),
    [],
  )
  const [values, setValues] = useState<Values>(start)
  const [baseline] = useState(() => valuesJson(start))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // Main's answer for the account complained about (kept with that account's id).
  const [proposed, setProposed] = useState<{
    aboutId: string
    about: string
    handler: string | null
  } | null>(null)
  // The day of receipt is today (main's day) until the user types another.
  const [receivedOn, setReceivedOn] = useState<string | null | undefined>(undefined)
  // A field's message goes once the user changes that field (the household picker's is householdId).
  const set = <K extends keyof Values>(key: K, value: Values[K]): void => {
    setValues((v) => ({ ...v, [key]: value }))
    const field = key === 'household' ? 'householdId' : key === 'person' ? 'personId' : key
    setErrors((e) => (field in e ? { ...e, [field]: '' } : e))
  }
  const current: Values = { ...values, receivedOn: receivedOn === undefined ? today : receivedOn }

  // At step 1 the leidinggevende of the account complained about handles it: proposed here,
  // and changeable (never to that account itself; main refuses it too).
  const aboutId = values.aboutKind === 'staff' ? values.aboutAccountId : null
  useEffect(() => {
    if (!aboutId) return
    let alive = true
    const about = accounts?.find((a) => String(a.id) === aboutId)?.name ?? ''
    call('complaints.proposeHandler', { aboutAccountId: Number(aboutId) }).then(
      (h) => {
        if (!alive) return
        setProposed({ aboutId, about, handler: h ? String(h.id) : null })
        setValues((v) => {
          if (v.step !== '1') return v
          const handlerId = h ? String(h.id) : v.handlerId === aboutId ? null : v.handlerId
          return { ...v, handlerId }
        })
      },
      () => undefined,
    )
    return () => {
      alive = false
    }
  }, [aboutId, accounts])

  const handlerOptions = (accounts ?? [])
    .filter((a) => a.active && a.role !== 'volunteer' && String(a.id) !== aboutId)
    .map((a) => ({ value: String(a.id), label: a.name }))
  const aboutOptions = (accounts ?? [])
    .filter((a) => a.active)
    .map((a) => ({ value: String(a.id), label: `${a.name} (${t(`roles.${a.role}`)})` }))

  const save = async (): Promise<void> => {
    setProblem(null)
    const input = toInput(current)
    const found = zodValidate(complaintCreateInput, t)(input)
    setErrors(found)
    if (Object.keys(found).length) return setProblem(t('errors.validation'))
    setBusy(true)
    try {
      const created = await call('complaints.create', complaintCreateInput.parse(input))
      notifications.show({
        color: 'teal',
        message: t('complaints.form.created', { number: created.number }),
      })
      navigate(`/complaints/${created.id}`)
    } catch (err) {
      setErrors(serverFieldErrors(t, err))
      setProblem(errorMessage(t, err))
    } finally {
      setBusy(false)
    }
  }

  const proposal = proposed && proposed.aboutId === aboutId ? proposed : null
  const proposalText = proposal
    ? proposal.handler
      ? t('complaints.form.handlerProposed', { name: proposal.about })
      : t('complaints.form.handlerNoManager', { name: proposal.about })
    : undefined

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <Stack gap="md" maw={900}>
        <Group justify="space-between">
          <Title order={2}>{t('complaints.form.title')}</Title>
          <Anchor href="#/complaints">{t('complaints.nav.back')}</Anchor>
        </Group>

        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t('complaints.form.received')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField
              label={t('complaints.form.receivedOn')}
              required
              value={current.receivedOn}
              onChange={setReceivedOn}
              error={errors.receivedOn}
            />
            <Select
              label={t('complaints.form.channel')}
              required
              data={COMPLAINT_CHANNELS.map((c) => ({
                value: c,
                label: t(`complaints.channel.${c}`),
              }))}
              value={values.channel}
              onChange={(v) => set('channel', v)}
              error={errors.channel}
              allowDeselect={false}
            />
          </SimpleGrid>
        </Card>

        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t('complaints.form.complainant')}
          </Title>
          <Stack gap="sm">
            <Radio.Group
              label={t('complaints.form.complainantKind')}
              value={values.complainantKind}
              onChange={(v) => set('complainantKind', v as ComplainantKind)}
              error={errors.complainantKind}
            >
              <Group gap="md" mt={4}>
                {COMPLAINANT_KINDS.map((k) => (
                  <Radio key={k} value={k} label={t(`complaints.form.complainantKinds.${k}`)} />
                ))}
              </Group>
            </Radio.Group>
            {values.complainantKind === 'household' && (
              <SubjectPicker
                label={t('complaints.form.household')}
                placeholder={t('complaints.form.householdSearch')}
                value={values.household}
                onChange={(v) => set('household', v)}
                error={errors.householdId}
                required
                search={async (query) =>
                  (await call('households.search', { query, limit: 10 })).rows.map((h) => ({
                    id: h.id,
                    label: h.contactName,
                    detail: `${h.reference}, ${h.postcode} ${h.city}`,
                  }))
                }
              />
            )}
            {values.complainantKind === 'person' && (
              <SubjectPicker
                label={t('complaints.form.person')}
                placeholder={t('complaints.form.personSearch')}
                value={values.person}
                onChange={(v) => set('person', v)}
                error={errors.personId}
                required
                search={async (query) =>
                  (await call('people.search', { query, limit: 10 })).rows.map((p) => ({
                    id: p.id,
                    label: `${p.firstName} ${p.lastName}`,
                    detail: p.reference,
                  }))
                }
              />
            )}
            {values.complainantKind === 'contact' && (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('complaints.form.name')}
                  required
                  maxLength={120}
                  value={values.complainantName}
                  onChange={(e) => set('complainantName', e.currentTarget.value)}
                  error={errors.complainantName}
                />
                <TextInput
                  label={t('complaints.form.contact')}
                  description={t('complaints.form.contactHelp')}
                  maxLength={300}
                  value={values.complainantContact}
                  onChange={(e) => set('complainantContact', e.currentTarget.value)}
                  error={errors.complainantContact}
                />
              </SimpleGrid>
            )}
          </Stack>
        </Card>

        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t('complaints.form.about')}
          </Title>
          <Stack gap="sm">
            <Radio.Group
              label={t('complaints.form.aboutKind')}
              value={values.aboutKind}
              onChange={(v) => set('aboutKind', v as ComplaintAboutKind)}
            >
              <Group gap="md" mt={4}>
                {COMPLAINT_ABOUT_KINDS.map((k) => (
                  <Radio key={k} value={k} label={t(`complaints.form.aboutKinds.${k}`)} />
                ))}
              </Group>
            </Radio.Group>
            {values.aboutKind === 'staff' && (
              <Select
                label={t('complaints.form.account')}
                data={aboutOptions}
                value={values.aboutAccountId}
                onChange={(v) => set('aboutAccountId', v)}
                error={errors.aboutAccountId}
                searchable
                clearable
              />
            )}
            <TextInput
              label={t(
                values.aboutKind === 'service'
                  ? 'complaints.form.service'
                  : values.aboutKind === 'staff'
                    ? 'complaints.form.staffName'
                    : 'complaints.form.aboutText',
              )}
              placeholder={
                values.aboutKind === 'service' ? t('complaints.form.servicePlaceholder') : undefined
              }
              description={
                values.aboutKind === 'staff' ? t('complaints.form.staffNameHelp') : undefined
              }
              required={values.aboutKind === 'other'}
              maxLength={200}
              value={values.aboutText}
              onChange={(e) => set('aboutText', e.currentTarget.value)}
              error={errors.aboutText}
            />
            <Select
              label={t('complaints.form.category')}
              required
              data={(categories ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
              value={values.categoryId}
              onChange={(v) => set('categoryId', v)}
              error={errors.categoryId}
              allowDeselect={false}
            />
            <Textarea
              label={t('complaints.form.description')}
              required
              autosize
              minRows={3}
              maxLength={5000}
              value={values.description}
              onChange={(e) => set('description', e.currentTarget.value)}
              error={errors.description}
            />
            <Textarea
              label={t('complaints.form.wish')}
              autosize
              minRows={2}
              maxLength={2000}
              value={values.wish}
              onChange={(e) => set('wish', e.currentTarget.value)}
              error={errors.wish}
            />
          </Stack>
        </Card>

        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t('complaints.form.handling')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('complaints.form.startStep')}
              data={COMPLAINT_STEPS.map((s) => ({
                value: String(s),
                label: t(`complaints.stepLong.${s}`),
              }))}
              value={values.step}
              onChange={(v) => set('step', v ?? '1')}
              error={errors.step}
              allowDeselect={false}
            />
            <Select
              label={t('complaints.form.handler')}
              description={values.step === '1' ? proposalText : undefined}
              data={handlerOptions}
              value={values.handlerId}
              onChange={(v) => set('handlerId', v)}
              error={errors.handlerId}
              clearable
              searchable
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt="xs">
            {t('complaints.form.handlerNotAbout')}
          </Text>
        </Card>

        <FormActions
          problem={problem}
          busy={busy}
          dirty={() => differsFrom({ ...values, receivedOn: null }, baseline)}
          onCancel={() => navigate('/complaints')}
          submitLabel={t('complaints.form.save')}
        />
      </Stack>
    </form>
  )
}
