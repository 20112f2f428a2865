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

/** The letter templates: the text in use per letter, its versions, and (admin) a new version. */
export function LetterTemplatesPage(): React.JSX.Element {
  const { t } = useTranslation()
  const [kind, setKind] = useState<LetterKind>('acknowledgement')
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
        data={LETTER_KINDS.map((k) => ({ value: k, label: t(`complaints.letters.kinds.${k}`) }))}
        style={{ alignSelf: 'flex-start' }}
        aria-label={t('complaints.templates.kind')}
      />
      <TemplateEditor key={kind} kind={kind} />
    </Stack>
  )
}

function TemplateEditor({ kind }: { kind: LetterKind }): React.JSX.Element {
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
      onPick={setVersion}
      onSaved={() => {
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
  onPick,
  onSaved,
}: {
  kind: LetterKind
  current: LetterTemplateDetail
  editable: boolean
  onPick: (version: number | null) => void
  onSaved: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [subject, setSubject] = useState(current.subject)
  const [body, setBody] = useState(current.body)
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
                      setSubject(current.subject)
                      setBody(current.body)
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
