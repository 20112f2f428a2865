import { useCallback, useState } from 'react'
import {
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core'
import { IconShieldLock } from '@tabler/icons-react'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { DateField } from '../../common/components/date-field'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage, serverFieldErrors, showError, zodValidate } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { useCan } from '../../common/hooks/use-session'
import { useToday } from '../../common/hooks/use-shop-day'
import { toDutchDate } from '../../../../shared/dates'
import {
  CARE_SIGNAL_KINDS,
  CARE_SIGNAL_PARTIES,
  careSignalSaveInput,
  type CareSignal,
  type CareSignalKind,
  type CareSignalParty,
} from '../../../../shared/schemas/outcomes'
import './texts'
import { ActionsTh } from '../../common/components/actions-th'

type Subject = { householdId: number } | { personId: number }

interface Draft {
  id: number | null
  signalledOn: string | null
  kind: CareSignalKind | null
  discussedWith: CareSignalParty[]
  discussedOther: string
  note: string
}

/**
 * Confidential care signals of a household or a person. Shown only to those main lets read them
 * (coordinators and admins): the counter never sees the card, not even empty.
 */
export function CareSignalsCard({ subject }: { subject: Subject }): React.JSX.Element | null {
  const can = useCan()
  if (!can('careSignals.list')) return null
  return <SignalsCard subject={subject} />
}

function SignalsCard({ subject }: { subject: Subject }): React.JSX.Element {
  const { t } = useTranslation()
  const today = useToday()
  const householdId = 'householdId' in subject ? subject.householdId : null
  const personId = 'personId' in subject ? subject.personId : null
  const loader = useCallback(
    () => call('careSignals.list', { householdId, personId }),
    [householdId, personId],
  )
  const { data, error, reload } = useLoad(loader)
  const [draft, setDraft] = useState<Draft | null>(null)

  const remove = (s: CareSignal): void => {
    modals.openConfirmModal({
      title: t('outcomes.signals.removeTitle'),
      children: (
        <Text size="sm">
          {t('outcomes.signals.removeText', {
            date: toDutchDate(s.signalledOn),
            kind: t(`outcomes.signals.kinds.${s.kind}`),
          })}
        </Text>
      ),
      labels: { confirm: t('outcomes.signals.remove'), cancel: t('outcomes.signals.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await call('careSignals.remove', { id: s.id })
          notifications.show({ color: 'teal', message: t('outcomes.signals.removed') })
          reload()
        } catch (err) {
          showError(t, err)
        }
      },
    })
  }

  const parties = (s: CareSignal): string =>
    s.discussedWith.length === 0
      ? t('outcomes.signals.notDiscussed')
      : s.discussedWith
          .map((p) =>
            p === 'other' && s.discussedOther
              ? `${t('outcomes.signals.parties.other')}: ${s.discussedOther}`
              : t(`outcomes.signals.parties.${p}`),
          )
          .join(', ')

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="care-signals-title">
      <Group justify="space-between" align="flex-start" mb="xs">
        <Group gap="xs">
          <IconShieldLock size={20} aria-hidden color="var(--mantine-color-grape-7)" />
          <Title order={3} size="h4" id="care-signals-title">
            {t('outcomes.signals.title')}
          </Title>
        </Group>
        <Button
          variant="light"
          size="xs"
          onClick={() =>
            setDraft({
              id: null,
              signalledOn: today,
              kind: null,
              discussedWith: [],
              discussedOther: '',
              note: '',
            })
          }
        >
          {t('outcomes.signals.new')}
        </Button>
      </Group>
      <ErrorAlert message={error ? errorMessage(t, error) : null} />
      {!data && !error && <Loader size="sm" aria-label={t('common.loading')} />}
      {data && data.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('outcomes.signals.none')}
        </Text>
      )}
      {data && data.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped aria-label={t('outcomes.signals.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('outcomes.signals.signalledOn')}</Table.Th>
                <Table.Th>{t('outcomes.signals.kind')}</Table.Th>
                <Table.Th>{t('outcomes.signals.discussedWith')}</Table.Th>
                <Table.Th>{t('outcomes.signals.note')}</Table.Th>
                <ActionsTh />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{toDutchDate(s.signalledOn)}</Table.Td>
                  <Table.Td>{t(`outcomes.signals.kinds.${s.kind}`)}</Table.Td>
                  <Table.Td>{parties(s)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {s.note ?? ''}
                    </Text>
                    {s.byName && (
                      <Text size="xs" c="dimmed">
                        {t('outcomes.signals.by')}: {s.byName}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="subtle"
                        aria-label={`${t('outcomes.signals.edit')}: ${toDutchDate(s.signalledOn)}`}
                        onClick={() =>
                          setDraft({
                            id: s.id,
                            signalledOn: s.signalledOn,
                            kind: s.kind,
                            discussedWith: s.discussedWith,
                            discussedOther: s.discussedOther ?? '',
                            note: s.note ?? '',
                          })
                        }
                      >
                        {t('outcomes.signals.edit')}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        aria-label={`${t('outcomes.signals.remove')}: ${toDutchDate(s.signalledOn)}`}
                        onClick={() => remove(s)}
                      >
                        {t('outcomes.signals.remove')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="xs" c="dimmed" mt="sm" data-testid="care-signals-confidential">
        {t('outcomes.signals.confidential')}
      </Text>
      {draft && (
        <SignalForm
          draft={draft}
          householdId={householdId}
          personId={personId}
          onClose={() => setDraft(null)}
          onSaved={() => {
            setDraft(null)
            reload()
          }}
        />
      )}
    </Card>
  )
}

function SignalForm({
  draft,
  householdId,
  personId,
  onClose,
  onSaved,
}: {
  draft: Draft
  householdId: number | null
  personId: number | null
  onClose: () => void
  onSaved: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [d, setD] = useState(draft)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)
  const set = (patch: Partial<Draft>): void => {
    setD((x) => ({ ...x, ...patch }))
    // A field the user changed no longer shows the old refusal.
    setErrors((e) => {
      const next = { ...e }
      for (const k of Object.keys(patch)) delete next[k]
      return next
    })
  }
  const save = async (): Promise<void> => {
    const input = {
      id: d.id,
      householdId,
      personId,
      signalledOn: d.signalledOn,
      kind: d.kind ?? undefined,
      discussedWith: d.discussedWith,
      discussedOther: d.discussedWith.includes('other') ? d.discussedOther : '',
      note: d.note,
    }
    const local = zodValidate(careSignalSaveInput, t)(input)
    if (Object.keys(local).length) {
      setErrors(local)
      return
    }
    setSaving(true)
    try {
      await call('careSignals.save', careSignalSaveInput.parse(input))
      notifications.show({ color: 'teal', message: t('outcomes.signals.saved') })
      onSaved()
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
      title={d.id === null ? t('outcomes.signals.newTitle') : t('outcomes.signals.editTitle')}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <DateField
            label={t('outcomes.signals.signalledOn')}
            value={d.signalledOn}
            onChange={(v) => set({ signalledOn: v })}
            error={errors.signalledOn}
            withAsterisk
          />
          <Select
            label={t('outcomes.signals.kind')}
            data={CARE_SIGNAL_KINDS.map((k) => ({
              value: k,
              label: t(`outcomes.signals.kinds.${k}`),
            }))}
            value={d.kind}
            onChange={(v) => set({ kind: (v as CareSignalKind | null) ?? null })}
            error={errors.kind}
            withAsterisk
          />
        </SimpleGrid>
        <Checkbox.Group
          label={t('outcomes.signals.discussedWith')}
          value={d.discussedWith}
          onChange={(v) => set({ discussedWith: v as CareSignalParty[] })}
          error={errors.discussedWith}
        >
          <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs" mt={6}>
            {CARE_SIGNAL_PARTIES.map((p) => (
              <Checkbox key={p} value={p} label={t(`outcomes.signals.parties.${p}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        {d.discussedWith.includes('other') && (
          <TextInput
            label={t('outcomes.signals.discussedOther')}
            value={d.discussedOther}
            onChange={(e) => set({ discussedOther: e.currentTarget.value })}
            error={errors.discussedOther}
            withAsterisk
          />
        )}
        <Textarea
          label={t('outcomes.signals.note')}
          autosize
          minRows={3}
          value={d.note}
          onChange={(e) => set({ note: e.currentTarget.value })}
          error={errors.note}
        />
        <Text size="xs" c="dimmed">
          {t('outcomes.signals.confidential')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('outcomes.signals.cancel')}
          </Button>
          <Button loading={saving} onClick={() => void save()}>
            {t('outcomes.signals.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
