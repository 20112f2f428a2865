import { useCallback, useState } from 'react'
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  Grid,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage, serverFieldErrors, zodValidate } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { useCan } from '../../common/hooks/use-session'
import { instantText } from '../../common/format'
import {
  LETTER_KINDS,
  LETTER_PLACEHOLDERS,
  letterTemplateSaveInput,
  type LetterKind,
  type LetterTemplateDetail,
} from '../../../../shared/schemas/complaint-letters'
import './texts'

/** Unsaved edits of one letter's template, on the version they were made on. */
interface Draft {
  version: number
  subject: string
  body: string
}

/** The letter templates: the text in use per letter, its versions, and (admin) a new version. */
export function LetterTemplatesPage(): React.JSX.Element {
  const { t } = useTranslation()
  const [kind, setKind] = useState<LetterKind>('acknowledgement')
  // Unsaved edits are kept per letter, so looking at another letter loses nothing; the letter's
  // name says "(niet opgeslagen)" until they are saved or undone.
  const [drafts, setDrafts] = useState<Partial<Record<LetterKind, Draft>>>({})
  const setDraft = useCallback(
    (k: LetterKind, d: Draft | null): void =>
      setDrafts((old) => {
        const next = { ...old }
        if (d) next[k] = d
        else delete next[k]
        return next
      }),
    [],
  )
  return (
    <Stack gap="md" maw={1200}>
      <Anchor href="#/complaints" size="sm">
        {t('complaints.nav.back')}
      </Anchor>
      <div>
        <Title order={2}>{t('complaints.templates.title')}</Title>
        <Text c="dimmed" maw={760}>
          {t('complaints.templates.intro')}
        </Text>
      </div>
      <SegmentedControl
        value={kind}
        onChange={(v) => setKind(v as LetterKind)}
        data={LETTER_KINDS.map((k) => {
          const name = t(`complaints.letters.kinds.${k}`)
          return {
            value: k,
            label: drafts[k] ? t('complaints.templates.unsaved', { kind: name }) : name,
          }
        })}
        style={{ alignSelf: 'flex-start' }}
        aria-label={t('complaints.templates.kind')}
      />
      <TemplateEditor
        key={kind}
        kind={kind}
        draft={drafts[kind] ?? null}
        onDraft={(d) => setDraft(kind, d)}
      />
    </Stack>
  )
}

function TemplateEditor({
  kind,
  draft,
  onDraft,
}: {
  kind: LetterKind
  draft: Draft | null
  onDraft: (d: Draft | null) => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const can = useCan()
  const editable = can('complaints.saveTemplate')
  const [version, setVersion] = useState<number | null>(null)
  const loader = useCallback(() => call('complaints.template', { kind, version }), [kind, version])
  const { data, error, reload } = useLoad(loader)
  if (!data)
    return error ? (
      <ErrorAlert message={errorMessage(t, error)} />
    ) : (
      <Loader aria-label={t('common.loading')} />
    )
  return (
    <TemplateForm
      key={`${data.version}-${data.current}`}
      kind={kind}
      current={data}
      editable={editable}
      draft={draft && draft.version === data.version ? draft : null}
      onDraft={onDraft}
      onPick={setVersion}
      onSaved={() => {
        onDraft(null)
        setVersion(null)
        reload()
      }}
    />
  )
}

/** One version of a template: its text (editable for the admin) and the list of versions. */
function TemplateForm({
  kind,
  current,
  editable,
  draft,
  onDraft,
  onPick,
  onSaved,
}: {
  kind: LetterKind
  current: LetterTemplateDetail
  editable: boolean
  draft: Draft | null
  onDraft: (d: Draft | null) => void
  onPick: (version: number | null) => void
  onSaved: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [subject, setSubjectState] = useState(draft?.subject ?? current.subject)
  const [body, setBodyState] = useState(draft?.body ?? current.body)
  // Every edit is kept by the page too, so it survives a look at another letter.
  const keep = (nextSubject: string, nextBody: string): void =>
    onDraft(
      nextSubject === current.subject && nextBody === current.body
        ? null
        : { version: current.version, subject: nextSubject, body: nextBody },
    )
  const setSubject = (v: string): void => {
    setSubjectState(v)
    keep(v, body)
  }
  const setBody = (v: string): void => {
    setBodyState(v)
    keep(subject, v)
  }
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const viewingOld = !current.current
  const changed = subject !== current.subject || body !== current.body

  const save = async (): Promise<void> => {
    setProblem(null)
    const input = { kind, subject, body }
    const found = zodValidate(letterTemplateSaveInput, t)(input)
    setErrors(found)
    if (Object.keys(found).length) return setProblem(t('errors.validation'))
    setBusy(true)
    try {
      const saved = await call('complaints.saveTemplate', letterTemplateSaveInput.parse(input))
      notifications.show({
        color: 'teal',
        message: t('complaints.templates.saved', { version: saved.version }),
      })
      onSaved()
    } catch (err) {
      setErrors(serverFieldErrors(t, err))
      setProblem(errorMessage(t, err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Card withBorder>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault()
              void save()
            }}
          >
            <Stack gap="sm">
              <Group gap="xs">
                <Title order={3} size="h4">
                  {t('complaints.templates.versionOf', { version: current.version })}
                </Title>
                {current.current && (
                  <Badge color="teal" variant="light" tt="none">
                    {t('complaints.templates.current')}
                  </Badge>
                )}
              </Group>
              {viewingOld && (
                <Alert color="blue" variant="light">
                  <Text size="sm">{t('complaints.templates.oldVersion')}</Text>
                </Alert>
              )}
              <TextInput
                label={t('complaints.templates.subject')}
                value={subject}
                onChange={(e) => setSubject(e.currentTarget.value)}
                error={errors.subject}
                readOnly={!editable}
                maxLength={200}
              />
              <Textarea
                label={t('complaints.templates.body')}
                value={body}
                onChange={(e) => setBody(e.currentTarget.value)}
                error={errors.body}
                readOnly={!editable}
                autosize
                minRows={14}
                maxRows={30}
                maxLength={10_000}
                styles={{
                  input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 },
                }}
              />
              <ErrorAlert message={problem} />
              {editable ? (
                <Group justify="flex-end">
                  <Button
                    variant="default"
                    disabled={!changed || busy}
                    onClick={() => {
                      setSubjectState(current.subject)
                      setBodyState(current.body)
                      onDraft(null)
                      setErrors({})
                    }}
                  >
                    {t('complaints.templates.undo')}
                  </Button>
                  <Button type="submit" loading={busy} disabled={!changed && !viewingOld}>
                    {t('complaints.templates.save')}
                  </Button>
                </Group>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('complaints.templates.adminOnly')}
                </Text>
              )}
            </Stack>
          </form>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="md">
          <Card withBorder>
            <Title order={3} size="h5" mb="xs">
              {t('complaints.templates.versions')}
            </Title>
            <Stack gap={4}>
              {current.versions.map((v, i) => {
                const selected = v.version === current.version
                return (
                  <UnstyledButton
                    key={v.version}
                    onClick={() => onPick(i === 0 ? null : v.version)}
                    aria-current={selected ? 'true' : undefined}
                    p={6}
                    style={{
                      borderRadius: 6,
                      background: selected ? 'var(--mantine-color-teal-0)' : undefined,
                    }}
                  >
                    <Text size="sm" fw={selected ? 700 : 500}>
                      {t('complaints.templates.versionOf', { version: v.version })}
                      {i === 0 ? ` · ${t('complaints.templates.current')}` : ''}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {v.createdBy
                        ? t('complaints.templates.madeBy', {
                            date: instantText(v.createdAt),
                            name: v.createdBy,
                          })
                        : t('complaints.templates.builtIn')}
                    </Text>
                  </UnstyledButton>
                )
              })}
            </Stack>
          </Card>
          <Card withBorder>
            <Title order={3} size="h5" mb={4}>
              {t('complaints.templates.fields')}
            </Title>
            <Text size="xs" c="dimmed" mb="xs">
              {t('complaints.templates.fieldsHelp', { example: '{{klachtnummer}}' })}
            </Text>
            <Group gap={4}>
              {LETTER_PLACEHOLDERS.map((p) => (
                <Code key={p}>{`{{${p}}}`}</Code>
              ))}
            </Group>
          </Card>
        </Stack>
      </Grid.Col>
    </Grid>
  )
}
