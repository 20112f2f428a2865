import { useEffect, useState } from 'react'
import { Button, Group, Loader, Modal, SimpleGrid, Stack, Text } from '@mantine/core'
import { ErrorAlert } from '../../../common/components/error-alert'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call } from '../../../api'
import { DateField } from '../../../common/components/date-field'
import { serverFieldErrors, zodValidate } from '../../../common/forms'
import { addDays, startOfWeek } from '../../../../../shared/dates'
import { DEFAULT_SHOP_SETTINGS, slotsGenerateInput } from '../../../../../shared/schemas/shop'
import {
  SlotTemplateEditor,
  duplicateTemplateErrors,
  fromTemplateRows,
  toTemplateRows,
  type TemplateRow,
} from './slot-template-editor'
import { shopErrorMessage } from '../shop-errors'

interface Props {
  opened: boolean
  /** Today as main sees it; the default period starts on this week's Monday. */
  today: string
  onClose: () => void
  onGenerated: () => void
}

export function GenerateSlotsModal({
  opened,
  today,
  onClose,
  onGenerated,
}: Props): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Modal opened={opened} onClose={onClose} title={t('appointments.generate.title')} size="xl">
      {opened && <GenerateForm today={today} onClose={onClose} onGenerated={onGenerated} />}
    </Modal>
  )
}

interface Values {
  from: string | null
  to: string | null
  template: TemplateRow[]
}

function GenerateForm({ today, onClose, onGenerated }: Omit<Props, 'opened'>): React.JSX.Element {
  const { t } = useTranslation()
  const [defaultCapacity, setDefaultCapacity] = useState(DEFAULT_SHOP_SETTINGS.defaultCapacity)
  const [ready, setReady] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const monday = startOfWeek(today)
  const validate = zodValidate(slotsGenerateInput, t)
  const form = useForm<Values>({
    initialValues: { from: monday, to: addDays(monday, 8 * 7 - 1), template: [] },
    validate: (v) => ({
      ...validate({
        from: v.from ?? undefined,
        to: v.to ?? undefined,
        template: fromTemplateRows(v.template),
      }),
      ...duplicateTemplateErrors(v.template, t),
    }),
  })

  useEffect(() => {
    let alive = true
    call('settings.get', {})
      .then((s) => {
        if (!alive) return
        setDefaultCapacity(s.defaultCapacity)
        form.setFieldValue('template', toTemplateRows(s.slotTemplate))
      })
      .catch(() => {
        if (alive)
          form.setFieldValue('template', toTemplateRows(DEFAULT_SHOP_SETTINGS.slotTemplate))
      })
      .finally(() => {
        if (alive) setReady(true)
      })
    return () => {
      alive = false
    }
    // Loads once when the modal opens; `form` is stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const submit = form.onSubmit(async (v) => {
    setProblem(null)
    try {
      const parsed = slotsGenerateInput.parse({
        from: v.from,
        to: v.to,
        template: fromTemplateRows(v.template),
      })
      const result = await call('slots.generate', parsed)
      notifications.show({
        color: 'teal',
        message: t('appointments.generate.done', {
          created: result.created,
          skipped: result.skipped,
        }),
      })
      onGenerated()
    } catch (err) {
      const fields = serverFieldErrors(t, err)
      form.setErrors(fields)
      setProblem(shopErrorMessage(t, err))
    }
  })

  if (!ready) return <Loader aria-label={t('common.loading')} />
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('appointments.generate.intro')}
        </Text>
        <SimpleGrid cols={2}>
          <DateField
            label={t('appointments.generate.from')}
            required
            {...form.getInputProps('from')}
            value={form.values.from}
          />
          <DateField
            label={t('appointments.generate.to')}
            required
            {...form.getInputProps('to')}
            value={form.values.to}
          />
        </SimpleGrid>
        <Text fw={600}>{t('appointments.generate.template')}</Text>
        <SlotTemplateEditor
          rows={form.values.template}
          onChange={(rows) => {
            form.setFieldValue('template', rows)
            form.clearErrors()
          }}
          errors={form.errors}
          defaultCapacity={defaultCapacity}
        />
        <ErrorAlert message={problem} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('appointments.generate.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
