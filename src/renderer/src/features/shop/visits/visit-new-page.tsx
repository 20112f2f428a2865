import { useMemo, useState } from 'react'
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  Loader,
  Modal,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core'
import { ErrorAlert } from '../../../common/components/error-alert'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call } from '../../../api'
import { DateField } from '../../../common/components/date-field'
import { serverFieldErrors, warningText, zodValidate } from '../../../common/forms'
import { navigate } from '../../../router'
import { toDutchDate } from '../../../../../shared/dates'
import { isRealDate } from '../../../../../shared/schemas/common'
import { visitRegisterInput } from '../../../../../shared/schemas/shop'
import type { Appointment } from '../../../../../shared/schemas/shop'
import type { HouseholdDetail } from '../../../../../shared/schemas/household'
import type { ListItem } from '../../../../../shared/schemas/lists'
import type { Warning } from '../../../../../shared/schemas/common'
import { AppError } from '../../../../../shared/errors'
import { useShopDay } from '../../../common/hooks/use-shop-day'
import { shopErrorMessage } from '../shop-errors'
import { useLoad } from '../../../common/hooks/use-load'
import { useSession } from '../../../common/hooks/use-session'
import { useShopRight } from '../volunteer-rights'
import {
  ConversationFields,
  ConversationHistory,
  earlierConversations,
  conversationErrorPath,
  conversationInput,
  useConversationChoices,
  type ConversationValues,
} from './conversation'

/** How many earlier conversations the visit form shows (the household page has them all). */
const EARLIER_SHOWN = 3

interface Props {
  householdId: number
  appointmentId?: number
}

interface Loaded {
  detail: HouseholdDetail
  categories: ListItem[]
}

/** Registers what a family took home, per category; the shop's limits warn but never block. */
export function VisitNewPage({ householdId, appointmentId }: Props): React.JSX.Element {
  const { t } = useTranslation()
  const shopDay = useShopDay()
  const valid = Number.isInteger(householdId) && householdId > 0
  const loader = useMemo(
    () =>
      valid
        ? async (): Promise<Loaded> => {
            const [detail, categories] = await Promise.all([
              call('households.get', { id: householdId }),
              call('lists.list', { kind: 'category' }),
            ])
            return { detail, categories }
          }
        : null,
    [householdId, valid],
  )
  const { data: loaded, error } = useLoad(loader)
  const problem = !valid ? t('errors.notFound') : error ? shopErrorMessage(t, error) : null

  if (problem) return <ErrorAlert message={problem} />
  if (!loaded || !shopDay) return <Loader aria-label={t('common.loading')} />

  const appointment = appointmentId
    ? (loaded.detail.appointments.find((a) => a.id === appointmentId) ?? null)
    : null
  return (
    <VisitForm
      detail={loaded.detail}
      categories={loaded.categories}
      appointmentId={appointmentId ?? null}
      appointment={appointment}
      today={shopDay.today}
    />
  )
}

interface FormProps {
  detail: HouseholdDetail
  categories: ListItem[]
  appointmentId: number | null
  appointment: Appointment | null
  today: string
}

interface Values extends ConversationValues {
  date: string | null
  servedBy: string
  items: { categoryId: number; count: number | string }[]
  note: string
}

function VisitForm({
  detail,
  categories,
  appointmentId,
  appointment,
  today,
}: FormProps): React.JSX.Element {
  const { t } = useTranslation()
  const h = detail.household
  const { user } = useSession()
  // The counter registers today's visits; other days are entered by a coordinator (main checks).
  const counter = user.role === 'volunteer'
  const [problem, setProblem] = useState<string | null>(null)
  // Warnings main gave for the visit as filled in; saving waits until the user confirms them.
  const [pending, setPending] = useState<{ warnings: Warning[]; sameDay: number } | null>(null)
  const [saving, setSaving] = useState(false)
  // The conversation part shows when the person may record it (a volunteer: the admin's switch);
  // main refuses it otherwise, whatever the screen sends.
  const mayRecord = useShopRight('recordConversation') === true
  // What was talked about before, so the conversation picks up where the last one ended.
  const earlier = useMemo(() => earlierConversations(detail), [detail])
  const choices = useConversationChoices(mayRecord)
  const validate = zodValidate(visitRegisterInput, t)
  const toInput = (v: Values): Record<string, unknown> => ({
    ...(mayRecord ? conversationInput(v) : {}),
    householdId: h.id,
    appointmentId,
    date: v.date ?? undefined,
    servedBy: v.servedBy,
    items: v.items.map((i) => ({
      categoryId: i.categoryId,
      count: i.count === '' ? 0 : Number(i.count),
    })),
    note: v.note,
  })
  const form = useForm<Values>({
    initialValues: {
      date: counter ? today : (appointment?.date ?? today),
      // Usually the person at the screen; someone else may have helped the family.
      servedBy: user.displayName,
      items: categories.map((c) => ({ categoryId: c.id, count: 0 })),
      note: '',
      topics: [],
      referrals: [],
    },
    validate: (v) => placeErrors(validate(toInput(v)), v),
  })

  /** Errors of the conversation at the rows and chips the user sees. */
  const placeErrors = (fields: Record<string, string>, v: Values): Record<string, string> => {
    const errors: Record<string, string> = {}
    for (const [path, message] of Object.entries(fields)) {
      const formPath = /^(topics|referrals)(\.|$)/.test(path)
        ? conversationErrorPath(path, v)
        : path
      errors[formPath] ??= message
    }
    return errors
  }

  // Back to where the visit came from: today's list, that day's list, or the household.
  const backTo = appointmentId
    ? appointment && appointment.date !== today
      ? `/appointments/day/${appointment.date}`
      : '/'
    : `/households/${h.id}`

  const showProblem = (err: unknown): void => {
    const fields = serverFieldErrors(t, err)
    // An unknown category is reported at its id; show it at the count the user sees.
    const errors: Record<string, string> = {}
    for (const [path, message] of Object.entries(placeErrors(fields, form.getValues())))
      errors[path.replace(/^items\.(\d+)\.categoryId$/, 'items.$1.count')] = message
    form.setErrors(errors)
    setProblem(shopErrorMessage(t, err))
  }

  const save = async (v: Values, sameDayVisitsSeen: number): Promise<void> => {
    setSaving(true)
    try {
      const input = visitRegisterInput.parse({ ...toInput(v), sameDayVisitsSeen })
      await call('visits.register', input)
      notifications.show({ color: 'teal', message: t('visits.saved', { name: h.contactName }) })
      navigate(backTo)
    } catch (err) {
      // Someone saved a visit of this family in the meantime: ask again with what is there now.
      if (err instanceof AppError && err.key === 'visitSameDayUnconfirmed') await check(v)
      else showProblem(err)
    } finally {
      setSaving(false)
    }
  }

  /** Asks main what the visit would warn about; saves at once when nothing, else asks first. */
  const check = async (v: Values): Promise<void> => {
    const result = await call('visits.check', visitRegisterInput.parse(toInput(v)))
    if (result.warnings.length === 0 && result.sameDay === 0) await save(v, 0)
    else setPending(result)
  }

  const submit = form.onSubmit(async (v) => {
    setProblem(null)
    setPending(null)
    try {
      await check(v)
    } catch (err) {
      showProblem(err)
    }
  })

  // While the date field holds text that is no date, ages are counted for today.
  const visitDay = form.values.date && isRealDate(form.values.date) ? form.values.date : today
  const visitYear = Number(visitDay.slice(0, 4))
  const children = h.members
    .filter((m) => visitYear - m.birthYear < 18)
    .sort((a, b) => b.birthYear - a.birthYear)
  const adults = h.members.length - children.length
  // The counter gets whether the right holds, not its date (main leaves the date out).
  const eligibility = detail.eligibilityExpired
    ? warningText(
        t,
        h.eligibleUntil
          ? { key: 'eligibilityExpired', params: { until: h.eligibleUntil } }
          : detail.eligibility === 'expired'
            ? { key: 'eligibilityExpiredCounter' }
            : { key: 'eligibilityUnknown' },
      )
    : null

  return (
    <Stack gap="md" maw={900}>
      <Title order={2}>{t('visits.title')}</Title>

      <Card withBorder component="section" aria-label={t('visits.household')}>
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <div>
            <Title order={3}>{h.contactName}</Title>
            <Text c="dimmed">
              {h.reference} · {[h.street, h.houseNumber].filter(Boolean).join(' ')}
              {h.street ? ', ' : ''}
              {h.postcode} {h.city}
            </Text>
          </div>
          <Stack gap={4} align="flex-end">
            {h.eligibleUntil ? (
              <Text size="sm">
                {t('visits.eligibleUntil', { date: toDutchDate(h.eligibleUntil) })}
              </Text>
            ) : (
              detail.eligibility &&
              detail.eligibility !== 'expired' &&
              detail.eligibility !== 'unknown' && (
                <Badge color={detail.eligibility === 'valid' ? 'teal' : 'orange'} variant="light">
                  {t(`eligibility.${detail.eligibility}`)}
                </Badge>
              )
            )}
            {appointment && (
              <Badge variant="light">
                {t('visits.appointment', {
                  date: toDutchDate(appointment.date),
                  part: t(`parts.${appointment.part}`),
                })}
              </Badge>
            )}
          </Stack>
        </Group>
        {eligibility && (
          <Alert
            color="red"
            variant="light"
            mt="sm"
            title={t('appointments.row.eligibilityExpired')}
          >
            {eligibility}
          </Alert>
        )}
        <Text fw={600} mt="sm">
          {t('visits.children', { count: children.length })}
        </Text>
        {children.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('visits.noChildren')}
          </Text>
        ) : (
          <Stack component="ul" gap={2} my={4} pl="md">
            {children.map((m) => (
              <Text component="li" key={m.id} size="sm">
                {childLabel(m.firstName, t(`visits.childGender.${m.gender}`))} ·{' '}
                {t('visits.age', { count: visitYear - m.birthYear })}
                {m.clothingSize ? ` · ${t('visits.size', { size: m.clothingSize })}` : ''}
              </Text>
            ))}
          </Stack>
        )}
        {adults > 0 && (
          <Text size="sm" c="dimmed">
            {t('visits.adults', { count: adults })}
          </Text>
        )}
      </Card>

      {appointment?.visitId != null && (
        <Alert color="orange" variant="light">
          {t('errors.visitExists')}
        </Alert>
      )}

      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField
              label={t('visits.date')}
              required
              {...form.getInputProps('date')}
              value={form.values.date}
              readOnly={counter}
              description={counter ? t('visits.counterToday') : undefined}
            />
            <TextInput
              label={t('visits.servedBy')}
              description={t('visits.servedByHint')}
              required
              maxLength={120}
              {...form.getInputProps('servedBy')}
            />
          </SimpleGrid>

          <Card withBorder component="fieldset" p="md" m={0}>
            <Text component="legend" fw={600} px={4}>
              {t('visits.items')}
            </Text>
            {categories.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('visits.noCategories')}
              </Text>
            ) : (
              <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }}>
                {categories.map((c, i) => (
                  <NumberInput
                    key={c.id}
                    label={c.name}
                    min={0}
                    max={200}
                    allowDecimal={false}
                    // "-2" must be refused at the field, not silently read as 2 (or clamped to 0).
                    clampBehavior="none"
                    {...form.getInputProps(`items.${i}.count`)}
                  />
                ))}
              </SimpleGrid>
            )}
          </Card>

          {earlier !== null && earlier.length > 0 && (
            <ConversationHistory entries={earlier} limit={EARLIER_SHOWN} />
          )}
          {mayRecord && <ConversationFields form={form} choices={choices} />}

          <Textarea
            label={t('visits.note')}
            autosize
            minRows={2}
            maxLength={1000}
            {...form.getInputProps('note')}
          />

          <ErrorAlert message={problem} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => navigate(backTo)}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={form.submitting || saving}
              disabled={appointment?.visitId != null || pending !== null}
            >
              {t('visits.submit')}
            </Button>
          </Group>
        </Stack>
      </form>

      <Modal
        opened={pending !== null}
        onClose={() => setPending(null)}
        title={t('visits.confirm.title')}
        size="lg"
      >
        {pending && (
          <Stack>
            <Text>{t('visits.confirm.intro')}</Text>
            <List spacing={4} data-testid="visit-warnings">
              {pending.warnings.map((w) => (
                <List.Item key={w.key}>{warningText(t, w)}</List.Item>
              ))}
            </List>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPending(null)}>
                {t('visits.confirm.back')}
              </Button>
              <Button
                color="orange"
                loading={saving}
                onClick={() => {
                  const seen = pending.sameDay
                  setPending(null)
                  void save(form.getValues(), seen)
                }}
              >
                {pending.sameDay > 0 ? t('visits.confirm.saveAnother') : t('visits.confirm.save')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  )
}

/** "Lina · meisje", or "Meisje" when no first name was recorded. */
function childLabel(firstName: string | null, gender: string): string {
  return firstName ? `${firstName} · ${gender}` : gender.charAt(0).toUpperCase() + gender.slice(1)
}
