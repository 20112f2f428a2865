import 'mantine-datatable/styles.css'
import { useCallback, useState } from 'react'
import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  Group,
  Modal,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import {
  IconAlertTriangle,
  IconDatabaseExport,
  IconDownload,
  IconFileUpload,
  IconKey,
  IconRestore,
  IconShieldCheck,
} from '@tabler/icons-react'
import { DataTable } from 'mantine-datatable'
import type { i18n as I18n, TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { saveDownload } from '../../common/download'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage, serverFieldErrors, showError } from '../../common/forms'
import type {
  BackupCheckRecord,
  BackupItem,
  BackupList,
  RecoveryKeyResult,
} from '../../../../shared/schemas/backup'
import { instantText } from '../../common/format'
import { useLoad } from '../../common/hooks/use-load'
import { useSessionApi } from '../../common/hooks/use-session'
import { kindText, sizeText } from './manifest-view'
import { RecoveryKeyModal, useRefreshSession } from './recovery-key-modal'
import { RestoreFlow } from './restore-flow'
import { JobProgress } from './job-progress'

/** What the restore modal starts from: a row of the list, or a file. */
type RestoreStart = { name: string | null; file: boolean }

/**
 * The admin's backups: where they are kept, making one now (also as a download for a USB stick),
 * checking and restoring one, and the recovery key.
 */
export function BackupsPage(): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const { session, restored } = useSessionApi()
  const refreshSession = useRefreshSession()
  const loader = useCallback(() => call('backup.list', {}), [])
  const { data: loaded, error, reload } = useLoad(loader)
  // setFolder answers with the new list; it stands until the next reload.
  const [saved, setSaved] = useState<BackupList | null>(null)
  const data = saved ?? loaded
  // A folder saved after a failed load answers with a good list: the old error no longer holds.
  const loadError = saved ? null : error
  const [creating, setCreating] = useState<'now' | 'download' | null>(null)
  // Checks made on this screen; the list from main carries the last check of each file too.
  const [checks, setChecks] = useState<Record<string, ShownCheck | 'busy'>>({})
  const [restoring, setRestoring] = useState<RestoreStart | null>(null)
  const [newKey, setNewKey] = useState<RecoveryKeyResult | null>(null)

  const create = async (download: boolean): Promise<void> => {
    setCreating(download ? 'download' : 'now')
    try {
      const { backup, file } = await call('backup.create', { download })
      // Main checks every backup as it writes it (and remembers that): the list shows it.
      notifications.show({
        color: 'teal',
        message: t('backup.create.done', { date: instantText(backup.manifest.createdAt) }),
      })
      setSaved(null)
      reload()
      // The file in the backup folder is copied where the user saves it; its bytes never come here.
      if (file) await saveDownload(file)
    } catch (err) {
      showError(t, err)
    } finally {
      setCreating(null)
    }
  }

  const verify = async (name: string): Promise<void> => {
    setChecks((c) => ({ ...c, [name]: 'busy' }))
    try {
      const result = await call('backup.verify', { name })
      setChecks((c) => ({
        ...c,
        [name]: {
          at: result.checkedAt ?? new Date().toISOString(),
          ok: result.ok,
          problemKey: result.problemKey ?? null,
          problem: result.problem,
        },
      }))
    } catch (err) {
      setChecks(({ [name]: _, ...rest }) => rest)
      showError(t, err)
    }
  }

  // What main says of the key: from the list when it is there, else from the session.
  const recoveryState =
    data?.recoveryKey?.state ??
    (session.recoveryKeyMissing ? 'missing' : session.recoveryKeyUnconfirmed ? 'unconfirmed' : null)
  const [confirming, setConfirming] = useState(false)
  const confirmSheet = async (): Promise<void> => {
    setConfirming(true)
    try {
      await call('recovery.confirm', {})
      notifications.show({ color: 'teal', message: t('backup.recovery.confirmedDone') })
      setSaved(null)
      reload()
      refreshSession()
    } catch (err) {
      showError(t, err)
    } finally {
      setConfirming(false)
    }
  }

  // The first key replaces nothing; a new one replaces the old sheet for this computer's data.
  const firstKey = recoveryState === 'missing'
  const regenerate = (): void => {
    modals.openConfirmModal({
      title: t(firstKey ? 'backup.recovery.createTitle' : 'backup.recovery.regenerateTitle'),
      children: (
        <Text size="sm">
          {t(firstKey ? 'backup.recovery.createText' : 'backup.recovery.regenerateText')}
        </Text>
      ),
      labels: {
        confirm: t(
          firstKey ? 'backup.recovery.createConfirm' : 'backup.recovery.regenerateConfirm',
        ),
        cancel: t('common.cancel'),
      },
      confirmProps: { color: firstKey ? undefined : 'red' },
      onConfirm: () => {
        call('recovery.regenerate', {}).then(setNewKey, (err: unknown) => showError(t, err))
      },
    })
  }

  return (
    <Stack gap="md" maw={1200}>
      <div style={{ maxWidth: 820 }}>
        <Title order={2}>{t('backup.title')}</Title>
        <Text c="dimmed">{t('backup.intro')}</Text>
      </div>
      <ErrorAlert message={loadError ? errorMessage(t, loadError) : null} />

      <Card withBorder radius="md" padding="lg">
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('backup.folder.title')}
          </Title>
          {data || loadError ? (
            // Also without a list (main could not read the folder): another folder can be chosen.
            <FolderForm
              list={data}
              onRetry={() => {
                setSaved(null)
                reload()
              }}
              onSaved={(list) => {
                setSaved(list)
                setChecks({})
              }}
            />
          ) : null}
        </Stack>
      </Card>

      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={3} size="h4">
          {t('backup.list.title')}
        </Title>
        <Group gap="sm">
          <Button
            leftSection={<IconDatabaseExport size={16} aria-hidden />}
            loading={creating === 'now'}
            disabled={creating !== null}
            onClick={() => void create(false)}
          >
            {t('backup.create.now')}
          </Button>
          <Button
            variant="light"
            leftSection={<IconDownload size={16} aria-hidden />}
            title={t('backup.create.downloadHint')}
            loading={creating === 'download'}
            disabled={creating !== null}
            onClick={() => void create(true)}
          >
            {t('backup.create.download')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconFileUpload size={16} aria-hidden />}
            onClick={() => setRestoring({ name: null, file: true })}
          >
            {t('backup.create.fromFile')}
          </Button>
        </Group>
      </Group>
      <JobProgress active={creating !== null || Object.values(checks).some((c) => c === 'busy')} />

      <DataTable<BackupItem>
        withTableBorder
        borderRadius="md"
        striped
        highlightOnHover
        idAccessor="name"
        minHeight={data && data.backups.length ? undefined : 160}
        fetching={data === null && !loadError}
        records={data?.backups ?? []}
        noRecordsText={t('backup.list.empty')}
        aria-label={t('backup.list.title')}
        columns={[
          {
            accessor: 'manifest.createdAt',
            title: t('backup.list.createdAt'),
            noWrap: true,
            render: (b) => instantText(b.manifest.createdAt),
          },
          {
            accessor: 'manifest.kind',
            title: t('backup.list.kind'),
            render: (b) => kindText(t, b.manifest.kind),
          },
          {
            accessor: 'sizeBytes',
            title: t('backup.list.size'),
            textAlign: 'right',
            noWrap: true,
            render: (b) => sizeText(b.sizeBytes, i18n.language),
          },
          {
            accessor: 'manifest.appVersion',
            title: t('backup.list.version'),
            noWrap: true,
          },
          {
            accessor: 'check',
            title: t('backup.list.check'),
            render: (b) => <CheckResult check={checks[b.name] ?? b.lastCheck ?? undefined} />,
          },
          {
            accessor: 'actions',
            title: t('backup.list.actions'),
            textAlign: 'right',
            render: (b) => {
              const date = instantText(b.manifest.createdAt)
              return (
                <Group gap={6} justify="flex-end" wrap="nowrap">
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconShieldCheck size={14} aria-hidden />}
                    aria-label={t('backup.list.verifyOf', { date })}
                    loading={checks[b.name] === 'busy'}
                    onClick={() => void verify(b.name)}
                  >
                    {t('backup.list.verify')}
                  </Button>
                  <Button
                    size="xs"
                    variant="light"
                    color="orange"
                    leftSection={<IconRestore size={14} aria-hidden />}
                    aria-label={t('backup.list.restoreOf', { date })}
                    onClick={() => setRestoring({ name: b.name, file: false })}
                  >
                    {t('backup.list.restore')}
                  </Button>
                </Group>
              )
            },
          },
        ]}
      />

      <Card withBorder radius="md" padding="lg">
        <Stack gap="sm" maw={820}>
          <Title order={3} size="h4">
            {t('backup.recovery.title')}
          </Title>
          <Text size="sm">{t('backup.recovery.intro')}</Text>
          {recoveryState === 'missing' ? (
            <Alert color="orange" variant="light">
              {t('backup.recovery.missing')}
            </Alert>
          ) : recoveryState === 'unconfirmed' ? (
            <Alert
              color="orange"
              variant="light"
              data-testid="recovery-unconfirmed"
              icon={<IconAlertTriangle size={18} aria-hidden />}
            >
              <Stack gap={8} align="flex-start">
                <Text size="sm">{t('backup.recovery.unconfirmed')}</Text>
                <Button
                  size="xs"
                  variant="default"
                  loading={confirming}
                  onClick={() => void confirmSheet()}
                >
                  {t('backup.recovery.confirmStored')}
                </Button>
              </Stack>
            </Alert>
          ) : recoveryState === 'confirmed' && data?.recoveryKey?.confirmedAt ? (
            <Text size="sm" c="dimmed" data-testid="recovery-confirmed">
              {t('backup.recovery.confirmed', {
                date: instantText(data.recoveryKey.confirmedAt),
                name: data.recoveryKey.confirmedBy ?? '',
              })}
            </Text>
          ) : null}
          <Group>
            <Button
              variant="default"
              leftSection={<IconKey size={16} aria-hidden />}
              onClick={regenerate}
            >
              {t(firstKey ? 'backup.recovery.make' : 'backup.recovery.regenerate')}
            </Button>
          </Group>
        </Stack>
      </Card>

      <Modal
        opened={restoring !== null}
        onClose={() => setRestoring(null)}
        title={t('backup.restore.title')}
        size="xl"
        closeOnClickOutside={false}
      >
        {restoring ? (
          <RestoreFlow
            method="backup.restore"
            backups={data?.backups ?? []}
            initialName={restoring.name}
            startWithFile={restoring.file}
            onCancel={() => setRestoring(null)}
            // Every session ended in main: the login screen, with word of what happened.
            onRestored={() => restored()}
          />
        ) : null}
      </Modal>
      <RecoveryKeyModal
        opened={newKey !== null}
        result={newKey}
        onDone={() => {
          setNewKey(null)
          setSaved(null)
          reload()
          refreshSession()
        }}
      />
    </Stack>
  )
}

/** A check as the list shows it: from main's memory of it, or just made on this screen. */
type ShownCheck = BackupCheckRecord & { problem?: string | null }

/** What is wrong, in the screen's language; main's Dutch sentence only for an unknown key. */
function problemText(t: TFunction, i18n: I18n, check: ShownCheck): string {
  const key = check.problemKey
  if (key && i18n.exists(`errors.${key}`)) return t(`errors.${key}`)
  if (key && i18n.exists(`validation.${key}`)) return t(`validation.${key}`)
  return check.problem ?? key ?? ''
}

function CheckResult({
  check,
}: {
  check: ShownCheck | 'busy' | undefined
}): React.JSX.Element | null {
  const { t, i18n } = useTranslation()
  if (check === 'busy') return null
  if (!check)
    return (
      <Text size="xs" c="dimmed">
        {t('backup.list.notChecked')}
      </Text>
    )
  // When it was checked: "In orde" from months ago says less than one from this morning.
  const when = (
    <Text size="xs" c="dimmed">
      {t('backup.list.checkedAt', { at: instantText(check.at) })}
    </Text>
  )
  if (check.ok)
    return (
      <Stack gap={2} align="flex-start">
        <Badge color="teal" variant="light" tt="none" style={{ minWidth: 'max-content' }}>
          {t('backup.list.ok')}
        </Badge>
        {when}
      </Stack>
    )
  return (
    <Stack gap={2} align="flex-start">
      <Badge color="red" variant="light" tt="none" style={{ minWidth: 'max-content' }}>
        {t('backup.list.notOk')}
      </Badge>
      <Text size="xs" c="red.8">
        {problemText(t, i18n, check)}
      </Text>
      {when}
    </Stack>
  )
}

/**
 * The backup folder: shown with what is wrong with it (a USB stick not plugged in) and how the
 * last automatic backup went, changed to a typed absolute path, or back to the default. `list`
 * is null when main could not list the backups at all; the folder can still be changed then.
 */
function FolderForm({
  list,
  onSaved,
  onRetry,
}: {
  list: BackupList | null
  onSaved: (list: BackupList) => void
  onRetry: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [problem, setProblem] = useState<string | null>(null)
  const [resetting, setResetting] = useState(false)
  const form = useForm({ initialValues: { folder: '' } })

  const save = async (folder: string | null): Promise<void> => {
    setProblem(null)
    form.clearErrors()
    try {
      const next = await call('backup.setFolder', { folder })
      notifications.show({ color: 'teal', message: t('backup.folder.saved') })
      form.setValues({ folder: '' })
      onSaved(next)
    } catch (err) {
      const fields = serverFieldErrors(t, err)
      form.setErrors(fields)
      if (!fields.folder) setProblem(errorMessage(t, err))
    }
  }

  const submit = form.onSubmit(async (values) => {
    if (!values.folder.trim()) {
      form.setFieldError('folder', t('validation.required'))
      return
    }
    await save(values.folder)
  })

  const last = list?.lastAutomatic ?? null
  return (
    <Stack gap="sm">
      {list ? (
        <div>
          <Text size="sm">{t('backup.folder.current')}</Text>
          <Group gap="xs" wrap="nowrap" align="center">
            <Code data-testid="backup-folder" style={{ overflowWrap: 'anywhere' }}>
              {list.folder}
            </Code>
            <Badge variant="light" color={list.isDefaultFolder ? 'gray' : 'teal'} tt="none">
              {list.isDefaultFolder ? t('backup.folder.default') : t('backup.folder.chosen')}
            </Badge>
          </Group>
        </div>
      ) : null}
      {list?.folderProblem ? (
        <Alert
          color="orange"
          variant="light"
          role="alert"
          title={t('backup.folder.problemTitle')}
          icon={<IconAlertTriangle size={18} aria-hidden />}
        >
          <Stack gap={6} align="flex-start">
            <Text size="sm">{list.folderProblem}</Text>
            <Text size="sm">{t('backup.folder.problemHelp')}</Text>
            <Button size="xs" variant="default" onClick={onRetry}>
              {t('backup.folder.retry')}
            </Button>
          </Stack>
        </Alert>
      ) : null}
      {last?.ok ? (
        <Text size="sm" c="dimmed" data-testid="backup-last-automatic">
          {t('backup.folder.lastAutomatic', { date: instantText(last.at) })}
        </Text>
      ) : last ? (
        <Alert
          color="red"
          variant="light"
          role="alert"
          data-testid="backup-last-automatic"
          icon={<IconAlertTriangle size={18} aria-hidden />}
        >
          {last.problem
            ? t('backup.folder.lastAutomaticFailed', {
                date: instantText(last.at),
                problem: last.problem,
              })
            : t('backup.folder.lastAutomaticFailedBare', { date: instantText(last.at) })}
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label={t('backup.folder.field')}
            description={t('backup.folder.help')}
            w={520}
            maw="100%"
            autoComplete="off"
            spellCheck={false}
            {...form.getInputProps('folder')}
          />
          <Group gap="sm" mt={{ base: 0, sm: 46 }}>
            <Button type="submit" variant="default" loading={form.submitting}>
              {t('backup.folder.submit')}
            </Button>
            {list?.isDefaultFolder ? null : (
              <Button
                variant="subtle"
                loading={resetting}
                onClick={() => {
                  setResetting(true)
                  void save(null).finally(() => setResetting(false))
                }}
              >
                {t('backup.folder.reset')}
              </Button>
            )}
          </Group>
        </Group>
      </form>
      <ErrorAlert message={problem} />
    </Stack>
  )
}
