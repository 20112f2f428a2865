import { useState } from 'react'
import {
  Autocomplete,
  Button,
  Checkbox,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage, serverFieldErrors, zodValidate } from '../../common/forms'
import {
  PARTNER_KINDS,
  partnersCreateInput,
  type Partner,
} from '../../../../shared/schemas/partners'

type Field = 'name' | 'area' | 'contactPerson' | 'phone' | 'email' | 'address' | 'helpsWith'

/** A new organisation (no `partner`) or changes to one, in a dialog. */
export function PartnerFormModal({
  opened,
  partner,
  areas,
  onClose,
  onSaved,
}: {
  opened: boolean
  partner: Partner | null
  areas: string[]
  onClose: () => void
  onSaved: (p: Partner) => void
}): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={partner ? t('partners.form.editTitle') : t('partners.form.newTitle')}
    >
      {opened && (
        <PartnerForm
          key={partner?.id ?? 'new'}
          partner={partner}
          areas={areas}
          onClose={onClose}
          onSaved={onSaved}
        />
      )}
    </Modal>
  )
}

function PartnerForm({
  partner,
  areas,
  onClose,
  onSaved,
}: {
  partner: Partner | null
  areas: string[]
  onClose: () => void
  onSaved: (p: Partner) => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [values, setValues] = useState<Record<Field, string>>({
    name: partner?.name ?? '',
    area: partner?.area ?? '',
    contactPerson: partner?.contactPerson ?? '',
    phone: partner?.phone ?? '',
    email: partner?.email ?? '',
    address: partner?.address ?? '',
    helpsWith: partner?.helpsWith ?? '',
  })
  const [kind, setKind] = useState<string | null>(partner?.kind ?? null)
  const [active, setActive] = useState(partner?.active ?? true)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (f: Field) => (v: string) => setValues((old) => ({ ...old, [f]: v }))
  const text = (f: Field): { value: string; error?: string } => ({
    value: values[f],
    error: errors[f],
  })

  const save = async (): Promise<void> => {
    setProblem(null)
    const raw = { ...values, kind }
    // The same schema main parses with: the same Dutch message at the same field.
    const found = zodValidate(partnersCreateInput, t)(raw)
    setErrors(found)
    if (Object.keys(found).length) return setProblem(t('errors.validation'))
    const input = partnersCreateInput.parse(raw)
    setBusy(true)
    try {
      const saved = partner
        ? await call('partners.update', { id: partner.id, ...input, active })
        : await call('partners.create', input)
      notifications.show({
        color: 'teal',
        message: t(partner ? 'partners.form.saved' : 'partners.form.created', {
          name: saved.name,
        }),
      })
      onSaved(saved)
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
      <Stack gap="md">
        <TextInput
          label={t('partners.form.name')}
          required
          data-autofocus
          {...text('name')}
          onChange={(e) => set('name')(e.currentTarget.value)}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('partners.form.kind')}
            required
            data={PARTNER_KINDS.map((k) => ({ value: k, label: t(`partnerKinds.${k}`) }))}
            value={kind}
            onChange={setKind}
            error={errors.kind}
            allowDeselect={false}
          />
          <Autocomplete
            label={t('partners.form.area')}
            description={t('partners.form.areaHelp')}
            data={areas}
            {...text('area')}
            onChange={set('area')}
          />
        </SimpleGrid>
        <Textarea
          label={t('partners.form.helpsWith')}
          autosize
          minRows={2}
          {...text('helpsWith')}
          onChange={(e) => set('helpsWith')(e.currentTarget.value)}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('partners.form.contactPerson')}
            {...text('contactPerson')}
            onChange={(e) => set('contactPerson')(e.currentTarget.value)}
          />
          <TextInput
            label={t('partners.form.phone')}
            type="tel"
            {...text('phone')}
            onChange={(e) => set('phone')(e.currentTarget.value)}
          />
          <TextInput
            label={t('partners.form.email')}
            type="email"
            {...text('email')}
            onChange={(e) => set('email')(e.currentTarget.value)}
          />
          <TextInput
            label={t('partners.form.address')}
            {...text('address')}
            onChange={(e) => set('address')(e.currentTarget.value)}
          />
        </SimpleGrid>
        {partner && (
          <Checkbox
            label={t('partners.form.active')}
            checked={active}
            onChange={(e) => setActive(e.currentTarget.checked)}
          />
        )}
        <ErrorAlert message={problem} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('partners.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
