import { useState } from 'react'
import {
  Alert,
  Button,
  Checkbox,
  FileInput,
  Group,
  List,
  PasswordInput,
  SegmentedControl,
  Select,
  Stack,
  Stepper,
  Text,
  TextInput,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage, fieldMessage, zodValidate } from '../../common/forms'
import { AppError } from '../../../../shared/errors'
import {
  backupSecret,
  type BackupItem,
  type BackupManifestView,
  type BackupSecret,
  type BackupSource,
  type RestoreResult,
} from '../../../../shared/schemas/backup'
import { instantText } from '../../common/format'
import { kindText, ManifestView } from './manifest-view'
import { JobProgress } from './job-progress'

type SecretMethod = BackupSecret['method']

interface SecretValues {
  method: SecretMethod
  username: string
  password: string
  recoveryKey: string
}

export interface RestoreFlowProps {
  /** `backup.restore` for a logged-in admin; `setup.restore` on a new or damaged computer. */
  method: 'backup.restore' | 'setup.restore'
  /** The backups in the folder to choose from; without them only a file can be chosen. */
  backups?: BackupItem[]
  /** A backup in the folder chosen beforehand (a row's "Terugzetten"). */
  initialName?: string | null
  /** The source is settled (the damaged-database panel): no first step. */
  fixedName?: string
  /** Start with a file rather than the list. */
  startWithFile?: boolean
  initialSecret?: Partial<SecretValues>
  onRestored: (result: RestoreResult) => void
  onCancel: () => void
}

/** The file's bytes, as IPC carries them to main (no text form in between). */
function readBytes(file: File): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer))
    reader.onerror = () => reject(reader.error)
    reader.readAsArrayBuffer(file)
  })
}

/** Main reports the secret's fields as `secret.password`; the form knows them as `password`. */
function secretFieldErrors(
  t: Parameters<typeof fieldMessage>[0],
  err: unknown,
): Record<string, string> {
  if (!(err instanceof AppError) || !err.fields) return {}
  const errors: Record<string, string> = {}
  for (const f of err.fields)
    if (f.path.startsWith('secret.')) errors[f.path.slice(7)] ??= fieldMessage(t, f)
  return errors
}

/**
 * Restoring a backup, step by step: which backup, what opens it, what it holds (checked by main
 * without changing anything), and what restoring does, before anything is replaced.
 */
export function RestoreFlow({
  method,
  backups,
  initialName = null,
  fixedName,
  startWithFile = false,
  initialSecret,
  onRestored,
  onCancel,
}: RestoreFlowProps): React.JSX.Element {
  const { t } = useTranslation()
  const withSourceStep = fixedName === undefined
  const canPickFromList = withSourceStep && !!backups
  const [kind, setKind] = useState<'folder' | 'upload'>(
    !withSourceStep || (canPickFromList && !startWithFile) ? 'folder' : 'upload',
  )
  const [name, setName] = useState<string | null>(fixedName ?? initialName)
  const [file, setFile] = useState<File | null>(null)
  const [upload, setUpload] = useState<{ fileName: string; bytes: Uint8Array<ArrayBuffer> } | null>(
    null,
  )
  const [fileProblem, setFileProblem] = useState<string | null>(null)
  const [active, setActive] = useState(0)
  const [manifest, setManifest] = useState<BackupManifestView | null>(null)
  // False: the backup is of other data than this computer has; it must be confirmed apart.
  const [sameData, setSameData] = useState<boolean | null>(null)
  const [otherDataOk, setOtherDataOk] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const secretForm = useForm<SecretValues>({
    initialValues: {
      method: initialSecret?.method ?? 'password',
      username: initialSecret?.username ?? '',
      password: initialSecret?.password ?? '',
      recoveryKey: initialSecret?.recoveryKey ?? '',
    },
    validate: zodValidate(backupSecret, t),
  })

  // Steps by meaning; the stepper's index shifts by one when the source is settled.
  const offset = withSourceStep ? 0 : 1

  const source = (): BackupSource | null => {
    if (kind === 'folder') return name ? { kind: 'folder', name } : null
    return upload ? { kind: 'upload', fileName: upload.fileName, bytes: upload.bytes } : null
  }

  const choose = async (f: File | null): Promise<void> => {
    setFile(f)
    setUpload(null)
    setFileProblem(null)
    if (!f) return
    try {
      setUpload({ fileName: f.name, bytes: await readBytes(f) })
    } catch {
      setFileProblem(t('backup.restore.source.fileUnreadable'))
    }
  }

  const secret = (values: SecretValues): BackupSecret =>
    values.method === 'password'
      ? { method: 'password', username: values.username, password: values.password }
      : { method: 'recoveryKey', recoveryKey: values.recoveryKey }

  const send = async (confirm: boolean): Promise<RestoreResult | null> => {
    const from = source()
    if (!from) return null
    setProblem(null)
    setBusy(true)
    try {
      return await call(method, { source: from, secret: secret(secretForm.values), confirm })
    } catch (err) {
      const fields = secretFieldErrors(t, err)
      if (Object.keys(fields).length > 0) {
        secretForm.setErrors(fields)
        // A wrong key found at the last step: back to where it is typed.
        setActive(1 - offset)
      } else {
        setProblem(errorMessage(t, err))
        // Not an admin's password (the damaged panel): another one, or the key, is typed there.
        if (err instanceof AppError && err.key === 'restoreNeedsAdmin') setActive(1 - offset)
      }
      return null
    } finally {
      setBusy(false)
    }
  }

  const check = secretForm.onSubmit(async () => {
    const result = await send(false)
    if (result) {
      setManifest(result.manifest)
      setSameData(result.sameData)
      setOtherDataOk(false)
      setActive(2 - offset)
    }
  })

  const restore = async (): Promise<void> => {
    const result = await send(true)
    if (result) onRestored(result)
  }

  const back = (): void => {
    setProblem(null)
    setActive((a) => Math.max(0, a - 1))
  }

  const date = manifest ? instantText(manifest.createdAt) : ''
  const backupOptions = (backups ?? []).map((b) => ({
    value: b.name,
    label: t('backup.restore.source.option', {
      date: instantText(b.manifest.createdAt),
      kind: kindText(t, b.manifest.kind),
    }),
  }))

  const steps: React.JSX.Element[] = []
  if (withSourceStep)
    steps.push(
      <Stepper.Step key="source" label={t('backup.restore.steps.source')}>
        <Stack gap="sm" mt="md">
          {canPickFromList ? (
            <SegmentedControl
              value={kind}
              onChange={(v) => setKind(v as 'folder' | 'upload')}
              data={[
                { value: 'folder', label: t('backup.restore.source.fromList') },
                { value: 'upload', label: t('backup.restore.source.fromFile') },
              ]}
            />
          ) : null}
          {kind === 'folder' ? (
            <Select
              label={t('backup.restore.source.pick')}
              placeholder={t('backup.restore.source.pickPlaceholder')}
              data={backupOptions}
              value={name}
              onChange={setName}
              allowDeselect={false}
            />
          ) : (
            <FileInput
              label={t('backup.restore.source.file')}
              description={t('backup.restore.source.fileHelp')}
              placeholder={t('backup.restore.source.filePlaceholder')}
              accept=".dichtbij-backup"
              value={file}
              onChange={(f) => void choose(f)}
              error={fileProblem}
              clearable
            />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button disabled={!source()} onClick={() => setActive(1)}>
              {t('backup.restore.next')}
            </Button>
          </Group>
        </Stack>
      </Stepper.Step>,
    )
  steps.push(
    <Stepper.Step key="secret" label={t('backup.restore.steps.secret')}>
      <form onSubmit={check} noValidate>
        <Stack gap="sm" mt="md">
          <Text size="sm">{t('backup.restore.secret.intro')}</Text>
          <SegmentedControl
            value={secretForm.values.method}
            onChange={(v) => {
              secretForm.setFieldValue('method', v as SecretMethod)
              secretForm.clearErrors()
            }}
            data={[
              { value: 'password', label: t('backup.restore.secret.password') },
              { value: 'recoveryKey', label: t('backup.restore.secret.recoveryKey') },
            ]}
          />
          {secretForm.values.method === 'password' ? (
            <>
              <TextInput
                label={t('auth.fields.username')}
                autoComplete="off"
                required
                withAsterisk={false}
                {...secretForm.getInputProps('username')}
              />
              <PasswordInput
                label={t('auth.fields.password')}
                autoComplete="off"
                required
                withAsterisk={false}
                {...secretForm.getInputProps('password')}
              />
            </>
          ) : (
            <TextInput
              label={t('backup.restore.secret.recoveryKeyField')}
              description={t('backup.restore.secret.recoveryKeyHelp')}
              placeholder="XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX"
              autoComplete="off"
              spellCheck={false}
              required
              withAsterisk={false}
              styles={{ input: { fontFamily: 'monospace', textTransform: 'uppercase' } }}
              {...secretForm.getInputProps('recoveryKey')}
            />
          )}
          <ErrorAlert message={problem} />
          <Group justify="flex-end" gap="sm">
            {withSourceStep ? (
              <Button variant="default" onClick={back}>
                {t('backup.restore.back')}
              </Button>
            ) : (
              <Button variant="default" onClick={onCancel}>
                {t('common.cancel')}
              </Button>
            )}
            <Button type="submit" loading={busy}>
              {t('backup.restore.checkButton')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stepper.Step>,
  )
  steps.push(
    <Stepper.Step key="check" label={t('backup.restore.steps.check')}>
      <Stack gap="sm" mt="md">
        <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} aria-hidden />}>
          {t('backup.restore.checked')}
        </Alert>
        {manifest ? <ManifestView manifest={manifest} sideBySide /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={back}>
            {t('backup.restore.back')}
          </Button>
          <Button onClick={() => setActive(3 - offset)}>{t('backup.restore.next')}</Button>
        </Group>
      </Stack>
    </Stepper.Step>,
  )
  steps.push(
    <Stepper.Step key="confirm" label={t('backup.restore.steps.confirm')}>
      <Stack gap="sm" mt="md">
        {sameData === false ? (
          <Alert
            color="red"
            variant="light"
            role="alert"
            icon={<IconAlertTriangle size={18} aria-hidden />}
          >
            <Stack gap="xs">
              <Text size="sm" fw={600}>
                {t('backup.restore.otherData')}
              </Text>
              <Checkbox
                label={t('backup.restore.otherDataConfirm')}
                checked={otherDataOk}
                onChange={(e) => setOtherDataOk(e.currentTarget.checked)}
              />
            </Stack>
          </Alert>
        ) : null}
        <Alert
          color="orange"
          variant="light"
          title={t('backup.restore.confirmTitle')}
          icon={<IconAlertTriangle size={18} aria-hidden />}
        >
          {method === 'backup.restore' ? (
            <List size="sm" spacing={4}>
              <List.Item>{t('backup.restore.confirmReplace', { date })}</List.Item>
              <List.Item>{t('backup.restore.confirmKept')}</List.Item>
              <List.Item>{t('backup.restore.confirmLogout')}</List.Item>
              <List.Item>{t('backup.restore.confirmErasures')}</List.Item>
            </List>
          ) : (
            <List size="sm" spacing={4}>
              <List.Item>{t('backup.restore.confirmNew', { date })}</List.Item>
              <List.Item>{t('backup.restore.confirmErasures')}</List.Item>
            </List>
          )}
        </Alert>
        <ErrorAlert message={problem} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={back} disabled={busy}>
            {t('backup.restore.back')}
          </Button>
          <Button
            color="red"
            loading={busy}
            disabled={sameData === false && !otherDataOk}
            onClick={() => void restore()}
          >
            {t('backup.restore.submit')}
          </Button>
        </Group>
      </Stack>
    </Stepper.Step>,
  )

  return (
    <>
      <Stepper active={active} size="sm" allowNextStepsSelect={false}>
        {steps}
      </Stepper>
      {/* Main checks the backup in a worker before it restores: how far it is. Only once logged
          in: before setup or on a damaged database no one is, and asking would end at the login. */}
      {busy && method === 'backup.restore' && <JobProgress active />}
    </>
  )
}
