import { useCallback, useState } from 'react'
import {
  Autocomplete,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { DateField } from '../../common/components/date-field'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage, serverFieldErrors, showError, zodValidate } from '../../common/forms'
import { useDistricts } from '../../common/hooks/use-districts'
import { useLoad } from '../../common/hooks/use-load'
import { useToday } from '../../common/hooks/use-shop-day'
import { toDutchDate } from '../../../../shared/dates'
import {
  storySaveInput,
  STORY_ABOUT,
  type Story,
  type StoryAbout,
} from '../../../../shared/schemas/outcomes'
import { REPORT_SECTIONS, type ReportSection } from '../../../../shared/schemas/reports'
import { reportSectionKey } from '../reports'
import './texts'

interface Draft {
  id: number | null
  section: ReportSection | null
  about: StoryAbout
  name: string
  title: string
  text: string
  toldOn: string | null
  consentOn: string | null
  area: string
}

/** The stories printed beside the report's figures: each with the day its consent was given. */
export function StoriesPage(): React.JSX.Element {
  const { t } = useTranslation()
  const today = useToday()
  const [chosen, setChosen] = useState<{ from: string; to: string } | null>(null)
  // Until a period is chosen, main's year (the shop day may arrive after the first render).
  const from = chosen?.from ?? `${today.slice(0, 4)}-01-01`
  const to = chosen?.to ?? `${today.slice(0, 4)}-12-31`
  const valid = !!from && !!to && from <= to
  const loader = useCallback(() => call('stories.list', { from, to }), [from, to])
  const { data, error, reload } = useLoad(valid ? loader : null)
  const [draft, setDraft] = useState<Draft | null>(null)

  const remove = (s: Story): void => {
    modals.openConfirmModal({
      title: t('outcomes.stories.removeTitle'),
      children: (
        <Text size="sm">
          {t('outcomes.stories.removeText', { name: s.name, date: toDutchDate(s.toldOn) })}
        </Text>
      ),
      labels: { confirm: t('outcomes.stories.remove'), cancel: t('outcomes.stories.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await call('stories.remove', { id: s.id })
          notifications.show({ color: 'teal', message: t('outcomes.stories.removed') })
          reload()
        } catch (err) {
          showError(t, err)
        }
      },
    })
  }

  return (
    <Stack gap="md" maw={1100}>
      <div>
        <Title order={2}>{t('outcomes.stories.title')}</Title>
        <Text c="dimmed" maw={820}>
          {t('outcomes.stories.intro')}
        </Text>
      </div>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <DateField
          label={t('outcomes.stories.from')}
          value={from}
          onChange={(v) => setChosen({ from: v ?? '', to })}
          w={150}
        />
        <DateField
          label={t('outcomes.stories.to')}
          value={to}
          onChange={(v) => setChosen({ from, to: v ?? '' })}
          error={from && to && from > to ? t('validation.periodOrder') : undefined}
          w={150}
        />
        <Button
          ml="auto"
          onClick={() =>
            setDraft({
              id: null,
              section: null,
              about: 'resident',
              name: '',
              title: '',
              text: '',
              toldOn: today,
              consentOn: null,
              area: '',
            })
          }
        >
          {t('outcomes.stories.new')}
        </Button>
      </Group>
      <ErrorAlert message={error ? errorMessage(t, error) : null} />
      {valid && !data && !error && <Loader aria-label={t('common.loading')} />}
      {data && data.length === 0 && <Text c="dimmed">{t('outcomes.stories.none')}</Text>}
      {data?.map((s) => (
        <Card key={s.id} withBorder padding="md" component="article" aria-label={s.title ?? s.name}>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <div style={{ minWidth: 0 }}>
              <Group gap="xs" mb={4}>
                <Badge variant="light" color="teal" tt="none">
                  {t(reportSectionKey(s.section))}
                </Badge>
                <Badge variant="outline" color="gray" tt="none">
                  {t(`outcomes.stories.abouts.${s.about}`)}
                </Badge>
                {s.area && (
                  <Badge variant="outline" color="blue" tt="none">
                    {s.area}
                  </Badge>
                )}
              </Group>
              {s.title && (
                <Title order={3} size="h5">
                  {s.title}
                </Title>
              )}
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} mt={4}>
                {s.text}
              </Text>
              <Text size="xs" c="dimmed" mt={6}>
                {[
                  s.name,
                  toDutchDate(s.toldOn),
                  t('outcomes.stories.consent', { date: toDutchDate(s.consentOn) }),
                ].join(' · ')}
              </Text>
            </div>
            <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
              <Button
                size="xs"
                variant="subtle"
                aria-label={`${t('outcomes.stories.edit')}: ${s.title ?? s.name}`}
                onClick={() =>
                  setDraft({
                    id: s.id,
                    section: s.section,
                    about: s.about,
                    name: s.name,
                    title: s.title ?? '',
                    text: s.text,
                    toldOn: s.toldOn,
                    consentOn: s.consentOn,
                    area: s.area ?? '',
                  })
                }
              >
                {t('outcomes.stories.edit')}
              </Button>
              <Button
                size="xs"
                variant="subtle"
                color="red"
                aria-label={`${t('outcomes.stories.remove')}: ${s.title ?? s.name}`}
                onClick={() => remove(s)}
              >
                {t('outcomes.stories.remove')}
              </Button>
            </Group>
          </Group>
        </Card>
      ))}
      {draft && (
        <StoryForm
          draft={draft}
          onClose={() => setDraft(null)}
          onSaved={() => {
            setDraft(null)
            reload()
          }}
        />
      )}
    </Stack>
  )
}

function StoryForm({
  draft,
  onClose,
  onSaved,
}: {
  draft: Draft
  onClose: () => void
  onSaved: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const districts = useDistricts()
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
    const input = { ...d, section: d.section ?? undefined }
    const local = zodValidate(storySaveInput, t)(input)
    if (Object.keys(local).length) {
      setErrors(local)
      return
    }
    setSaving(true)
    try {
      await call('stories.save', storySaveInput.parse(input))
      notifications.show({ color: 'teal', message: t('outcomes.stories.saved') })
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
      size="xl"
      title={d.id === null ? t('outcomes.stories.newTitle') : t('outcomes.stories.editTitle')}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('outcomes.stories.section')}
            data={REPORT_SECTIONS.map((s) => ({ value: s, label: t(reportSectionKey(s)) }))}
            value={d.section}
            onChange={(v) => set({ section: (v as ReportSection | null) ?? null })}
            error={errors.section}
            withAsterisk
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="story-about-label">
              {t('outcomes.stories.about')}
            </Text>
            <SegmentedControl
              aria-labelledby="story-about-label"
              data={STORY_ABOUT.map((a) => ({
                value: a,
                label: t(`outcomes.stories.abouts.${a}`),
              }))}
              value={d.about}
              onChange={(v) => set({ about: v as StoryAbout })}
              fullWidth
            />
          </Stack>
          <TextInput
            label={t('outcomes.stories.name')}
            description={t('outcomes.stories.nameHelp')}
            value={d.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={errors.name}
            withAsterisk
          />
          <Autocomplete
            label={t('outcomes.stories.area')}
            description={t('outcomes.stories.areaHelp')}
            data={districts}
            value={d.area}
            onChange={(v) => set({ area: v })}
            error={errors.area}
          />
        </SimpleGrid>
        <TextInput
          label={t('outcomes.stories.titleField')}
          value={d.title}
          onChange={(e) => set({ title: e.currentTarget.value })}
          error={errors.title}
        />
        <Textarea
          label={t('outcomes.stories.text')}
          autosize
          minRows={5}
          maxRows={14}
          value={d.text}
          onChange={(e) => set({ text: e.currentTarget.value })}
          error={errors.text}
          withAsterisk
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <DateField
            label={t('outcomes.stories.toldOn')}
            description={t('outcomes.stories.toldOnHelp')}
            value={d.toldOn}
            onChange={(v) => set({ toldOn: v })}
            error={errors.toldOn}
            withAsterisk
          />
          <DateField
            label={t('outcomes.stories.consentOn')}
            description={t('outcomes.stories.consentHelp')}
            value={d.consentOn}
            onChange={(v) => set({ consentOn: v })}
            error={errors.consentOn}
            withAsterisk
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('outcomes.stories.cancel')}
          </Button>
          <Button loading={saving} onClick={() => void save()}>
            {t('outcomes.stories.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
