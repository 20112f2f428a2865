import { useState } from 'react'
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { DateField } from '../../common/components/date-field'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage, serverFieldErrors, zodValidate } from '../../common/forms'
import {
  COLLECTION_SEASONS,
  collectionCreateInput,
  type Collection,
} from '../../../../shared/schemas/collections'

/** A new collection (no `collection`) or corrections to one, in a dialog. */
export function CollectionFormModal({
  opened,
  collection,
  onClose,
  onSaved,
}: {
  opened: boolean
  collection: Collection | null
  onClose: () => void
  onSaved: (c: Collection) => void
}): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={collection ? t('collections.form.editTitle') : t('collections.form.newTitle')}
    >
      {opened && (
        <CollectionForm
          key={collection?.id ?? 'new'}
          collection={collection}
          onClose={onClose}
          onSaved={onSaved}
        />
      )}
    </Modal>
  )
}

function CollectionForm({
  collection,
  onClose,
  onSaved,
}: {
  collection: Collection | null
  onClose: () => void
  onSaved: (c: Collection) => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [name, setName] = useState(collection?.name ?? '')
  const [season, setSeason] = useState<string | null>(collection?.season ?? null)
  const [arrivesOn, setArrivesOn] = useState<string | null>(collection?.arrivesOn ?? null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const save = async (): Promise<void> => {
    setProblem(null)
    const values = { name, season, arrivesOn }
    // The same schema main parses with: the same Dutch message at the same field.
    const found = zodValidate(collectionCreateInput, t)(values)
    setErrors(found)
    if (Object.keys(found).length) return setProblem(t('errors.validation'))
    const input = collectionCreateInput.parse(values)
    setBusy(true)
    try {
      const saved = collection
        ? await call('collections.update', { id: collection.id, ...input })
        : await call('collections.create', input)
      notifications.show({
        color: 'teal',
        message: t(collection ? 'collections.form.saved' : 'collections.form.created', {
          name: saved.name,
        }),
      })
      onSaved(saved)
    } catch (err) {
      const fields = serverFieldErrors(t, err)
      setErrors(fields)
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
          label={t('collections.form.name')}
          placeholder={t('collections.form.namePlaceholder')}
          required
          data-autofocus
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
        />
        <Select
          label={t('collections.form.season')}
          required
          data={COLLECTION_SEASONS.map((s) => ({ value: s, label: t(`seasons.${s}`) }))}
          value={season}
          onChange={setSeason}
          error={errors.season}
          allowDeselect={false}
        />
        <DateField
          label={t('collections.form.arrivesOn')}
          required
          value={arrivesOn}
          onChange={setArrivesOn}
          error={errors.arrivesOn}
        />
        <ErrorAlert message={problem} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('collections.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
