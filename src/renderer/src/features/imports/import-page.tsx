import { useEffect, useMemo, useState } from 'react'
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  FileInput,
  Group,
  Progress,
  Radio,
  Select,
  Stack,
  Stepper,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { errorMessage, fieldMessage, showError } from '../../common/forms'
import { saveDownload } from '../../common/download'
import { AppError } from '../../../../shared/errors'
import { IMPORT_WORDS } from '../../../../shared/i18n/import-words'
import {
  IMPORT_FIELDS,
  REQUIRED_IMPORT_FIELDS,
  type ImportInspect,
  type ImportJobView,
  type ImportKind,
  type ImportMapping,
  type ImportSavedMapping,
} from '../../../../shared/schemas/imports'

/** The file's bytes, as IPC carries them to main (no text form in between). */
function readBytes(file: File): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer))
    reader.onerror = () => reject(reader.error)
    reader.readAsArrayBuffer(file)
  })
}

const SEPARATORS: Record<string, 'semicolon' | 'comma' | 'tab'> = {
  ';': 'semicolon',
  ',': 'comma',
  '\t': 'tab',
}

/** Follows a check or import job until it ends (main does the work; this screen asks how far). */
function useJob(jobId: string | null): ImportJobView | null {
  const [seen, setSeen] = useState<ImportJobView | null>(null)
  useEffect(() => {
    if (!jobId) return
    let stopped = false
    const read = (): void => {
      call('imports.progress', { jobId }).then(
        (v) => {
          if (stopped) return
          setSeen(v)
          if (v.state === 'running') setTimeout(read, 400)
        },
        () => {
          if (!stopped) setTimeout(read, 1000)
        },
      )
    }
    read()
    return () => void (stopped = true)
  }, [jobId])
  // A view of an earlier job is not shown for the next one.
  return seen && seen.jobId === jobId ? seen : null
}

function JobProgressBar({ view }: { view: ImportJobView | null }): React.JSX.Element {
  const { t } = useTranslation()
  const phase = view?.phase ?? 'reading'
  const counting = view !== null && view.total > 0 && phase !== 'reading'
  const percent = counting ? Math.round((100 * view.done) / view.total) : 100
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text size="sm">{t(`imports.run.phases.${phase}`)}</Text>
        {counting ? (
          <Text size="sm" c="dimmed">
            {t('imports.run.progress', { done: view.done, total: view.total })}
          </Text>
        ) : null}
      </Group>
      <Progress
        value={percent}
        striped={!counting}
        animated={!counting}
        aria-label={`${t(`imports.run.phases.${phase}`)}: ${counting ? `${percent}%` : ''}`}
      />
    </Stack>
  )
}

/**
 * "Importeren": households (with members) or volunteers from a CSV or .xlsx, in steps: the file,
 * what it holds, which column fills which field, a check of every row with a preview and an
 * error report, then the import with its progress, and what came of it.
 */
export function ImportPage(): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const words = IMPORT_WORDS[i18n.language === 'en' ? 'en' : 'nl']
  const [step, setStep] = useState(0)
  const [file, setFile] = useState<{ fileName: string; bytes: Uint8Array<ArrayBuffer> } | null>(
    null,
  )
  const [picked, setPicked] = useState<File | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  const [inspect, setInspect] = useState<ImportInspect | null>(null)
  const [kind, setKind] = useState<ImportKind>('households')
  const [mapping, setMapping] = useState<ImportMapping>([])
  const [saved, setSaved] = useState<ImportSavedMapping[]>([])
  const [savedChoice, setSavedChoice] = useState<string | null>(null)
  const [saveName, setSaveName] = useState('')
  const [checkJobId, setCheckJobId] = useState<string | null>(null)
  const [runJobId, setRunJobId] = useState<string | null>(null)
  const [strict, setStrict] = useState(false)
  const [ticked, setTicked] = useState<Set<number>>(new Set())
  const [busy, setBusy] = useState(false)
  const checkJob = useJob(checkJobId)
  const runJob = useJob(runJobId)

  const chooseFile = async (f: File | null): Promise<void> => {
    setPicked(f)
    setFileError(null)
    setInspect(null)
    setFile(null)
    if (!f) return
    setBusy(true)
    try {
      const bytes = await readBytes(f)
      const seen = await call('imports.inspect', { file: { fileName: f.name, bytes } })
      setFile({ fileName: f.name, bytes })
      setInspect(seen)
      setMapping(seen.guess[kind])
      loadSaved(kind)
    } catch (err) {
      const field = err instanceof AppError ? err.fields?.[0] : undefined
      setFileError(field ? fieldMessage(t, field) : errorMessage(t, err))
    } finally {
      setBusy(false)
    }
  }

  const loadSaved = (k: ImportKind): void => {
    setSavedChoice(null)
    call('imports.mappings.list', { kind: k }).then(setSaved, () => setSaved([]))
  }

  const switchKind = (k: ImportKind): void => {
    setKind(k)
    if (inspect) setMapping(inspect.guess[k])
    loadSaved(k)
  }

  const columnOf = (field: string): string | null =>
    mapping.find((m) => m.field === field)?.column ?? null
  const fixedOf = (field: string): string => mapping.find((m) => m.field === field)?.fixed ?? ''
  const setEntry = (field: string, change: { column?: string | null; fixed?: string }): void =>
    setMapping((current) =>
      IMPORT_FIELDS[kind].map((f) => {
        const old = current.find((m) => m.field === f) ?? { field: f, column: null, fixed: null }
        if (f !== field) return old
        return {
          field: f,
          column: change.column !== undefined ? change.column : old.column,
          fixed: change.fixed !== undefined ? change.fixed || null : old.fixed,
        }
      }),
    )

  const missing = REQUIRED_IMPORT_FIELDS[kind].filter((f) => !columnOf(f) && !fixedOf(f))
  const columnOptions = useMemo(
    () => [
      { value: '', label: t('imports.columns.notUsed') },
      ...(inspect?.headers ?? [])
        .filter((h, i, all) => h && all.indexOf(h) === i)
        .map((h) => ({ value: h, label: h })),
    ],
    [inspect, t],
  )

  const startCheck = async (): Promise<void> => {
    if (!file) return
    setTicked(new Set())
    try {
      const { jobId } = await call('imports.check', { file, kind, mapping })
      setCheckJobId(jobId)
    } catch (err) {
      showError(t, err)
    }
  }

  const startRun = async (): Promise<void> => {
    if (!file) return
    try {
      const { jobId } = await call('imports.run', {
        file,
        kind,
        mapping,
        strict,
        importDuplicates: [...ticked],
      })
      setRunJobId(jobId)
    } catch (err) {
      showError(t, err)
    }
  }

  const saveMapping = async (): Promise<void> => {
    try {
      const done = await call('imports.mappings.save', { kind, name: saveName, mapping })
      setSaved(await call('imports.mappings.list', { kind }))
      setSavedChoice(String(done.id))
      notifications.show({ message: t('imports.columns.savedDone', { name: done.name }) })
    } catch (err) {
      showError(t, err)
    }
  }

  const loadMapping = (): void => {
    const chosen = saved.find((s) => String(s.id) === savedChoice)
    if (!chosen) return
    setMapping(
      IMPORT_FIELDS[kind].map(
        (f) => chosen.mapping.find((m) => m.field === f) ?? { field: f, column: null, fixed: null },
      ),
    )
    setSaveName(chosen.name)
    notifications.show({ message: t('imports.columns.loaded', { name: chosen.name }) })
  }

  const downloadReport = async (jobId: string): Promise<void> => {
    try {
      await saveDownload(await call('imports.errorReport', { jobId }))
    } catch (err) {
      showError(t, err)
    }
  }

  const reset = (): void => {
    setStep(0)
    setPicked(null)
    setFile(null)
    setInspect(null)
    setCheckJobId(null)
    setRunJobId(null)
    setTicked(new Set())
    setStrict(false)
  }

  // The result shows once the import is done.
  const shownStep = runJob?.state === 'done' ? 5 : step
  const check = checkJob?.state === 'done' ? checkJob.check : null
  const toImport = check
    ? check.validCount - check.duplicates.filter((d) => !ticked.has(d.line)).length
    : 0
  const fieldLabel = (f: string): string => (words.fields as Record<string, string>)[f] ?? f

  return (
    <Stack>
      <Title order={2}>{t('imports.title')}</Title>
      <Text c="dimmed">{t('imports.intro')}</Text>
      <Stepper active={shownStep} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t('imports.steps.file')}>
          <Stack mt="md">
            <FileInput
              label={t('imports.file.label')}
              placeholder={t('imports.file.placeholder')}
              accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={picked}
              onChange={(f) => void chooseFile(f)}
              error={fileError}
              disabled={busy}
              clearable
            />
            {inspect ? (
              <Stack gap="xs">
                <Text>
                  {t('imports.file.read', {
                    rows: inspect.rowCount,
                    columns: inspect.headers.length,
                  })}
                </Text>
                <Text size="sm" c="dimmed">
                  {inspect.format === 'csv'
                    ? t('imports.file.csvDetails', {
                        separator: t(
                          `imports.file.separators.${SEPARATORS[inspect.separator ?? ','] ?? 'comma'}`,
                        ),
                        encoding: inspect.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252',
                      })
                    : t('imports.file.xlsxDetails')}
                </Text>
                <Text size="sm" fw={500}>
                  {t('imports.file.sample')}
                </Text>
                <Table.ScrollContainer minWidth={500}>
                  <Table striped withTableBorder fz="xs">
                    <Table.Thead>
                      <Table.Tr>
                        {inspect.headers.map((h, i) => (
                          <Table.Th key={i}>{h}</Table.Th>
                        ))}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {inspect.sample.map((row, r) => (
                        <Table.Tr key={r}>
                          {inspect.headers.map((_, c) => (
                            <Table.Td key={c}>{row[c] ?? ''}</Table.Td>
                          ))}
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Stack>
            ) : null}
            <Group>
              <Button disabled={!inspect} onClick={() => setStep(1)}>
                {t('imports.next')}
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>

        <Stepper.Step label={t('imports.steps.kind')}>
          <Stack mt="md">
            <Radio.Group
              label={t('imports.kind.label')}
              value={kind}
              onChange={(v) => switchKind(v as ImportKind)}
            >
              <Stack gap="xs" mt="xs">
                <Radio
                  value="households"
                  label={t('imports.kind.households')}
                  description={t('imports.kind.householdsHelp')}
                />
                <Radio
                  value="people"
                  label={t('imports.kind.people')}
                  description={t('imports.kind.peopleHelp')}
                />
              </Stack>
            </Radio.Group>
            <Group>
              <Button variant="default" onClick={() => setStep(0)}>
                {t('imports.back')}
              </Button>
              <Button onClick={() => setStep(2)}>{t('imports.next')}</Button>
            </Group>
          </Stack>
        </Stepper.Step>

        <Stepper.Step label={t('imports.steps.columns')}>
          <Stack mt="md">
            <Text size="sm">{t('imports.columns.intro')}</Text>
            <Group align="end">
              <Select
                label={t('imports.columns.saved')}
                placeholder={saved.length ? undefined : t('imports.columns.savedNone')}
                data={saved.map((s) => ({ value: String(s.id), label: s.name }))}
                value={savedChoice}
                onChange={setSavedChoice}
                disabled={!saved.length}
              />
              <Button variant="default" disabled={!savedChoice} onClick={loadMapping}>
                {t('imports.columns.load')}
              </Button>
            </Group>
            <Table withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('imports.columns.field')}</Table.Th>
                  <Table.Th>{t('imports.columns.column')}</Table.Th>
                  <Table.Th>{t('imports.columns.fixed')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {IMPORT_FIELDS[kind].map((f) => (
                  <Table.Tr key={f}>
                    <Table.Td>
                      {fieldLabel(f)}
                      {REQUIRED_IMPORT_FIELDS[kind].includes(f) ? (
                        <Text span c="red" size="xs">
                          {' '}
                          ({t('imports.columns.required')})
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={`${t('imports.columns.column')}: ${fieldLabel(f)}`}
                        data={columnOptions}
                        value={columnOf(f) ?? ''}
                        onChange={(v) => setEntry(f, { column: v || null })}
                        allowDeselect={false}
                        size="xs"
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={`${t('imports.columns.fixed')}: ${fieldLabel(f)}`}
                        value={fixedOf(f)}
                        onChange={(e) => setEntry(f, { fixed: e.currentTarget.value })}
                        size="xs"
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {missing.length ? (
              <Alert color="yellow">
                {t('imports.columns.missing', { fields: missing.map(fieldLabel).join(', ') })}
              </Alert>
            ) : null}
            <Group align="end">
              <TextInput
                label={t('imports.columns.saveName')}
                value={saveName}
                onChange={(e) => setSaveName(e.currentTarget.value)}
              />
              <Button
                variant="default"
                disabled={!saveName.trim()}
                onClick={() => void saveMapping()}
              >
                {t('imports.columns.save')}
              </Button>
            </Group>
            <Group>
              <Button variant="default" onClick={() => setStep(1)}>
                {t('imports.back')}
              </Button>
              <Button
                onClick={() => {
                  setStep(3)
                  void startCheck()
                }}
              >
                {t('imports.preview.check')}
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>

        <Stepper.Step label={t('imports.steps.preview')}>
          <Stack mt="md">
            {checkJob?.state === 'running' || (checkJobId && !checkJob) ? (
              <JobProgressBar view={checkJob} />
            ) : null}
            {checkJob?.state === 'failed' ? (
              <Alert color="red">{t(`errors.${checkJob.errorKey ?? 'importFailed'}`)}</Alert>
            ) : null}
            {check ? (
              <Stack>
                <Text fw={500}>
                  {t('imports.preview.counts', {
                    rows: check.rowCount,
                    valid: check.validCount,
                    invalid: check.invalidCount,
                  })}
                </Text>
                {check.preview.length ? (
                  <>
                    <Title order={4}>{t('imports.preview.asStored')}</Title>
                    <Table.ScrollContainer minWidth={600}>
                      <Table striped withTableBorder fz="xs">
                        <Table.Thead>
                          <Table.Tr>
                            <Table.Th>{t('imports.preview.line')}</Table.Th>
                            {check.preview[0].values.map((v) => (
                              <Table.Th key={v.field}>{fieldLabel(v.field)}</Table.Th>
                            ))}
                          </Table.Tr>
                        </Table.Thead>
                        <Table.Tbody>
                          {check.preview.map((row) => (
                            <Table.Tr key={row.line}>
                              <Table.Td>{row.line}</Table.Td>
                              {row.values.map((v) => (
                                <Table.Td key={v.field}>{v.value}</Table.Td>
                              ))}
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    </Table.ScrollContainer>
                  </>
                ) : null}
                <Title order={4}>{t('imports.preview.problems')}</Title>
                {check.problems.length ? (
                  <>
                    <Table withTableBorder aria-label={t('imports.preview.problems')}>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('imports.preview.line')}</Table.Th>
                          <Table.Th>{t('imports.preview.field')}</Table.Th>
                          <Table.Th>{t('imports.preview.message')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {check.problems.map((p, i) => (
                          <Table.Tr key={i}>
                            <Table.Td>{p.line}</Table.Td>
                            <Table.Td>{fieldLabel(p.field)}</Table.Td>
                            <Table.Td>{p.message}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                    {check.problemCount > check.problems.length ? (
                      <Text size="sm" c="dimmed">
                        {t('imports.preview.problemsMore', {
                          shown: check.problems.length,
                          total: check.problemCount,
                        })}
                      </Text>
                    ) : null}
                  </>
                ) : (
                  <Text>{t('imports.preview.noProblems')}</Text>
                )}
                {check.problems.length || check.duplicates.length ? (
                  <Group>
                    <Button variant="default" onClick={() => void downloadReport(checkJob!.jobId)}>
                      {t('imports.preview.download')}
                    </Button>
                  </Group>
                ) : null}
                {check.duplicates.length ? (
                  <Stack gap="xs">
                    <Title order={4}>{t('imports.preview.duplicates')}</Title>
                    <Text size="sm" c="dimmed">
                      {t('imports.preview.duplicatesHelp')}
                    </Text>
                    {check.duplicates.map((d) => (
                      <Group key={d.line} gap="sm">
                        <Text size="sm">
                          {t('imports.preview.line')} {d.line}: {d.label} —{' '}
                          {t('imports.preview.resembles', { existing: d.existing })}
                        </Text>
                        <Checkbox
                          size="xs"
                          label={t('imports.preview.importAnyway')}
                          aria-label={`${t('imports.preview.importAnyway')}: ${t('imports.preview.line')} ${d.line}`}
                          checked={ticked.has(d.line)}
                          onChange={(e) => {
                            const next = new Set(ticked)
                            if (e.currentTarget.checked) next.add(d.line)
                            else next.delete(d.line)
                            setTicked(next)
                          }}
                        />
                      </Group>
                    ))}
                  </Stack>
                ) : null}
                <Checkbox
                  label={t('imports.preview.strict')}
                  description={t('imports.preview.strictHelp')}
                  checked={strict}
                  onChange={(e) => setStrict(e.currentTarget.checked)}
                />
              </Stack>
            ) : null}
            <Group>
              <Button variant="default" onClick={() => setStep(2)}>
                {t('imports.back')}
              </Button>
              <Button disabled={!check} onClick={() => setStep(4)}>
                {t('imports.next')}
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>

        <Stepper.Step label={t('imports.steps.run')}>
          <Stack mt="md">
            <Text>
              {t('imports.run.summary', { count: strict && check?.invalidCount ? 0 : toImport })}
            </Text>
            {runJob?.state === 'running' || (runJobId && !runJob) ? (
              <Stack>
                <JobProgressBar view={runJob} />
                <Group>
                  <Button
                    color="red"
                    variant="light"
                    onClick={() =>
                      runJobId &&
                      void call('imports.cancel', { jobId: runJobId }).catch((err: unknown) =>
                        showError(t, err),
                      )
                    }
                  >
                    {t('imports.run.cancel')}
                  </Button>
                </Group>
              </Stack>
            ) : null}
            {runJob?.state === 'cancelled' ? (
              <Alert color="yellow">{t('imports.run.cancelled')}</Alert>
            ) : null}
            {runJob?.state === 'failed' ? (
              <Alert color="red">{t(`errors.${runJob.errorKey ?? 'importFailed'}`)}</Alert>
            ) : null}
            <Group>
              <Button
                variant="default"
                disabled={runJob?.state === 'running'}
                onClick={() => {
                  setRunJobId(null)
                  setStep(3)
                }}
              >
                {t('imports.back')}
              </Button>
              <Button
                disabled={!check || runJob?.state === 'running' || (runJobId !== null && !runJob)}
                onClick={() => void startRun()}
              >
                {t('imports.run.start')}
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>

        <Stepper.Completed>
          <Stack mt="md">
            <Title order={3}>{t('imports.result.title')}</Title>
            {runJob?.run?.strictRefused ? (
              <Alert color="yellow">{t('imports.result.strictRefused')}</Alert>
            ) : null}
            <Text>{t('imports.result.imported', { count: runJob?.run?.imported ?? 0 })}</Text>
            <Text>
              {t('imports.result.skippedInvalid', { count: runJob?.run?.skippedInvalid ?? 0 })}
            </Text>
            <Text>
              {t('imports.result.skippedDuplicates', {
                count: runJob?.run?.skippedDuplicates ?? 0,
              })}
            </Text>
            <Group>
              {kind === 'households' ? (
                <Anchor href="#/households">{t('imports.result.toHouseholds')}</Anchor>
              ) : (
                <Anchor href="#/volunteers/people">{t('imports.result.toPeople')}</Anchor>
              )}
              <Button variant="default" onClick={reset}>
                {t('imports.result.again')}
              </Button>
            </Group>
          </Stack>
        </Stepper.Completed>
      </Stepper>
    </Stack>
  )
}
