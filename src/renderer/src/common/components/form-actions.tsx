import { Button, Group, Stack, Text } from '@mantine/core'
import { modals } from '@mantine/modals'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from './error-alert'

/**
 * The end of a form: what is wrong with it as a whole (in the form, next to the buttons, where the
 * user looks; never a message floating over them), then Annuleren and Opslaan. Annuleren asks
 * first when something was filled in, so a half-filled form is never thrown away by one click.
 */
export function FormActions({
  problem,
  busy,
  dirty,
  onCancel,
  submitLabel,
}: {
  /** A message about the form as a whole, or null. */
  problem: string | null
  busy: boolean
  /** Asked when Annuleren is clicked: whether anything would be lost. */
  dirty: () => boolean
  onCancel: () => void
  submitLabel?: string
}): React.JSX.Element {
  const { t } = useTranslation()
  const cancel = (): void => {
    if (!dirty()) return onCancel()
    modals.openConfirmModal({
      title: t('common.discardTitle'),
      children: <Text size="sm">{t('common.discardText')}</Text>,
      labels: { confirm: t('common.discardConfirm'), cancel: t('common.discardKeep') },
      confirmProps: { color: 'red' },
      onConfirm: onCancel,
    })
  }
  return (
    <Stack gap="sm">
      <ErrorAlert message={problem} />
      <Group justify="flex-end">
        <Button variant="default" onClick={cancel} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={busy}>
          {submitLabel ?? t('common.save')}
        </Button>
      </Group>
    </Stack>
  )
}

/**
 * Whether a form's values differ from where it started. `baseline` is what it started with as
 * JSON; keys named `uid` (list keys for React) do not count.
 */
export function differsFrom(values: unknown, baseline: string): boolean {
  return valuesJson(values) !== baseline
}

export function valuesJson(values: unknown): string {
  return JSON.stringify(values, (key, v: unknown) => (key === 'uid' ? undefined : v))
}
