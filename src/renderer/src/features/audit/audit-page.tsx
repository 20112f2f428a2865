import 'mantine-datatable/styles.css'
import { useCallback, useEffect, useMemo, useState } from 'react'
import {
  Alert,
  Anchor,
  Button,
  Group,
  Progress,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconDownload, IconShieldCheck, IconShieldX } from '@tabler/icons-react'
import { DataTable } from 'mantine-datatable'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { DateField } from '../../common/components/date-field'
import { saveDownload } from '../../common/download'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage, showError } from '../../common/forms'
import { isRealDate } from '../../../../shared/schemas/common'
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  auditHousehold,
  type AuditAction,
  type AuditFilter,
} from '../../../../shared/schemas/audit'
import {
  auditActionText,
  auditEntityText,
  auditFieldText,
  auditNoteText,
  type AuditTranslate,
} from '../../../../shared/audit-text'
import type { AuditEntry, AuditVerifyResult } from '../../../../shared/schemas/audit'
import type { JobView } from '../../../../shared/schemas/jobs'
import { paginationControlProps } from '../../common/pagination'
import { instantText } from '../../common/format'
import { useLoad } from '../../common/hooks/use-load'

const PAGE_SIZE = 50

interface Filters {
  userId: string | null
  action: AuditAction | null
  entityType: string | null
  /** As typed: a reference (H-00122) or a number. */
  household: string
  from: string | null
  to: string | null
}

const NO_FILTERS: Filters = {
  userId: null,
  action: null,
  entityType: null,
  household: '',
  from: null,
  to: null,
}

/** The screen's `t`, as the shared audit words expect it (full keys: `audit.notes.*`, `roles.*`). */
function auditTr(t: TFunction): AuditTranslate {
  return (key, params) => t(key, params ?? {})
}

/** The admin's view of the audit log: filter, page through, export, and check the hash chain. */
export function AuditPage(): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const [filters, setFilters] = useState<Filters>(NO_FILTERS)
  const [page, setPage] = useState(1)
  const [exporting, setExporting] = useState(false)
  const [verifying, setVerifying] = useState<'routine' | 'full' | null>(null)
  const [verified, setVerified] = useState<AuditVerifyResult | null>(null)
  const job = useRunningJob(verifying === 'full' ? AUDIT_VERIFY_JOB : null)

  const usersLoader = useCallback(() => call('users.list', {}), [])
  const users = useLoad(usersLoader).data

  const set = (patch: Partial<Filters>): void => {
    setFilters((f) => ({ ...f, ...patch }))
    setPage(1)
  }

  // Text in a date field that is no date: the field says so, and nothing is listed or exported.
  const datesValid =
    (!filters.from || isRealDate(filters.from)) && (!filters.to || isRealDate(filters.to))
  const periodWrong = datesValid && !!filters.from && !!filters.to && filters.from > filters.to
  // A household that is no reference: the field says so, and nothing is listed or exported.
  const householdValid = auditHousehold.safeParse(filters.household).success
  const filter = useMemo<AuditFilter | null>(
    () =>
      !datesValid || periodWrong || !householdValid
        ? null
        : {
            userId: filters.userId ? Number(filters.userId) : null,
            action: filters.action,
            entityType: filters.entityType,
            household: filters.household.trim() || null,
            from: filters.from,
            to: filters.to,
          },
    [filters, datesValid, periodWrong, householdValid],
  )

  const loader = useMemo(
    () => (filter ? () => call('audit.list', { ...filter, page, pageSize: PAGE_SIZE }) : null),
    [filter, page],
  )
  const { data, error } = useLoad(loader)

  const exportCsv = async (): Promise<void> => {
    if (!filter) return
    setExporting(true)
    try {
      // The export speaks the screen's language.
      const language = i18n.language === 'en' ? 'en' : 'nl'
      // Main writes the CSV to a file and hands out a ticket; the file is saved from there.
      const file = await call('audit.export', { ...filter, language })
      if (await saveDownload(file))
        notifications.show({ color: 'teal', message: t('audit.exported', { count: file.count }) })
    } catch (err) {
      showError(t, err)
    } finally {
      setExporting(false)
    }
  }

  // Routine: the entries since the last check (quick). Full: every entry, in the background.
  const verify = async (full: boolean): Promise<void> => {
    setVerifying(full ? 'full' : 'routine')
    setVerified(null)
    try {
      setVerified(await call('audit.verify', full ? { full: true } : {}))
    } catch (err) {
      showError(t, err)
    } finally {
      setVerifying(null)
    }
  }

  const stop = async (id: string): Promise<void> => {
    try {
      await call('jobs.cancel', { id })
    } catch (err) {
      showError(t, err)
    }
  }

  const userOptions = (users ?? []).map((u) => ({
    value: String(u.id),
    label: `${u.displayName} (${u.username})`,
  }))
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div style={{ maxWidth: 760 }}>
          <Title order={2}>{t('audit.title')}</Title>
          <Text c="dimmed">{t('audit.intro')}</Text>
        </div>
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconShieldCheck size={16} aria-hidden />}
            loading={verifying === 'routine'}
            disabled={verifying !== null}
            onClick={() => void verify(false)}
          >
            {t('audit.verify.button')}
          </Button>
          <Button
            variant="subtle"
            loading={verifying === 'full'}
            disabled={verifying !== null}
            onClick={() => void verify(true)}
          >
            {t('audit.verify.fullButton')}
          </Button>
          <Button
            leftSection={<IconDownload size={16} aria-hidden />}
            loading={exporting}
            disabled={!filter}
            onClick={() => void exportCsv()}
          >
            {t('audit.export')}
          </Button>
        </Group>
      </Group>

      {verifying === 'full' && (
        <Alert variant="light" data-testid="audit-verify-progress">
          <Stack gap="xs">
            <Text size="sm">{t('audit.verify.running')}</Text>
            {job && job.total > 0 && (
              <>
                <Progress value={(100 * job.done) / job.total} aria-hidden />
                <Group justify="space-between">
                  <Text size="sm">
                    {t('jobs.progress', {
                      done: job.done,
                      total: job.total,
                    })}
                  </Text>
                  {job.cancellable && (
                    <Button size="xs" variant="default" onClick={() => void stop(job.id)}>
                      {t('jobs.cancel')}
                    </Button>
                  )}
                </Group>
              </>
            )}
          </Stack>
        </Alert>
      )}
      {verified ? <VerifyResult result={verified} /> : null}

      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('audit.filters.user')}
          placeholder={t('audit.filters.all')}
          data={userOptions}
          value={filters.userId}
          onChange={(v) => set({ userId: v })}
          clearable
          searchable
          w={240}
        />
        <Select
          label={t('audit.filters.action')}
          placeholder={t('audit.filters.all')}
          data={AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`audit.actions.${a}`) }))}
          value={filters.action}
          onChange={(v) => set({ action: v as AuditAction | null })}
          clearable
          w={200}
        />
        <Select
          label={t('audit.filters.entity')}
          placeholder={t('audit.filters.all')}
          data={AUDIT_ENTITY_TYPES.map((e) => ({ value: e, label: t(`audit.entities.${e}`) }))}
          value={filters.entityType}
          onChange={(v) => set({ entityType: v })}
          clearable
          w={180}
        />
        <TextInput
          label={t('audit.filters.household')}
          placeholder={t('audit.filters.householdPlaceholder')}
          value={filters.household}
          onChange={(e) => set({ household: e.currentTarget.value })}
          error={householdValid ? undefined : t('validation.householdReference')}
          maxLength={20}
          w={160}
        />
        <DateField
          label={t('audit.filters.from')}
          value={filters.from}
          onChange={(v) => set({ from: v })}
          w={160}
        />
        <DateField
          label={t('audit.filters.to')}
          value={filters.to}
          onChange={(v) => set({ to: v })}
          error={periodWrong ? t('validation.periodOrder') : undefined}
          w={160}
        />
        <Button
          variant="subtle"
          color="gray"
          onClick={() => {
            setFilters(NO_FILTERS)
            setPage(1)
          }}
        >
          {t('audit.filters.clear')}
        </Button>
      </Group>

      <ErrorAlert message={error ? errorMessage(t, error) : null} />
      {data ? (
        <Text size="sm" c="dimmed" aria-live="polite" data-testid="audit-count">
          {data.more
            ? t('audit.countMore', { count: data.total })
            : t('audit.count', { count: data.total })}
        </Text>
      ) : null}
      <DataTable<AuditEntry>
        withTableBorder
        borderRadius="md"
        striped
        highlightOnHover
        verticalSpacing={6}
        minHeight={data && data.rows.length ? undefined : 160}
        fetching={filter !== null && data === null && !error}
        records={data?.rows ?? []}
        noRecordsText={
          filter
            ? t('audit.empty')
            : householdValid
              ? t('validation.date')
              : t('validation.householdReference')
        }
        loadingText={t('common.loading')}
        aria-label={t('audit.title')}
        totalRecords={data?.total ?? 0}
        recordsPerPage={PAGE_SIZE}
        page={page}
        onPageChange={setPage}
        paginationText={({ from, to, totalRecords }) =>
          data?.more
            ? t('audit.paginationMore', {
                from,
                to,
                total: totalRecords,
              })
            : t('audit.pagination', { from, to, total: totalRecords })
        }
        getPaginationControlProps={paginationControlProps(t)}
        columns={[
          {
            accessor: 'at',
            title: t('audit.columns.at'),
            noWrap: true,
            render: (r) => instantText(r.at, { seconds: true }),
          },
          {
            accessor: 'userName',
            title: t('audit.columns.user'),
            render: (r) =>
              r.userName ?? (
                <Text span size="sm" c="dimmed">
                  {t('audit.nobody')}
                </Text>
              ),
          },
          {
            accessor: 'role',
            title: t('audit.columns.role'),
            render: (r) => (r.role ? t(`roles.${r.role}`) : ''),
          },
          { accessor: 'workstation', title: t('audit.columns.workstation') },
          {
            accessor: 'action',
            title: t('audit.columns.action'),
            noWrap: true,
            render: (r) => auditActionText(r.action, r.entityType, auditTr(t)),
          },
          {
            accessor: 'entityType',
            title: t('audit.columns.entity'),
            noWrap: true,
            render: (r) => <EntityCell entry={r} />,
          },
          {
            accessor: 'fields',
            title: t('audit.columns.fields'),
            render: (r) => (
              <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                {r.fields.map((f) => auditFieldText(f, auditTr(t))).join(', ')}
              </Text>
            ),
          },
          {
            accessor: 'detail',
            title: t('audit.columns.detail'),
            render: (r) => <Text size="xs">{auditNoteText(r.detail, auditTr(t))}</Text>,
          },
        ]}
      />
    </Stack>
  )
}

function EntityCell({ entry }: { entry: AuditEntry }): React.JSX.Element | null {
  const { t } = useTranslation()
  if (!entry.entityType) return null
  const label = auditEntityText(entry.entityType, auditTr(t))
  // About a household: named by its reference, as everyone in the shop knows it.
  if (entry.householdId !== null) {
    const reference = entry.householdReference ?? String(entry.householdId)
    const text =
      entry.entityType === 'household' ? `${label} ${reference}` : `${label} (${reference})`
    return (
      <Anchor href={`#/households/${entry.householdId}`} size="sm">
        {text}
      </Anchor>
    )
  }
  // An account by its username: "account 1" says nothing to the reader.
  const id = entry.entityName ?? entry.entityId
  return <>{id ? `${label} ${id}` : label}</>
}

/** The label main gives the full check in `jobs.list`. */
const AUDIT_VERIFY_JOB = 'jobs.labels.auditVerify'

/** While `labelKey` is set, the running job of that kind (polled twice a second), for its progress. */
function useRunningJob(labelKey: string | null): JobView | null {
  const [job, setJob] = useState<JobView | null>(null)
  useEffect(() => {
    if (!labelKey) return
    let live = true
    const poll = async (): Promise<void> => {
      try {
        const jobs = await call('jobs.list', {})
        if (live) setJob(jobs.find((j) => j.labelKey === labelKey) ?? null)
      } catch {
        // Progress is a courtesy: the check's own answer says how it ended.
      }
    }
    void poll()
    const timer = setInterval(() => void poll(), 500)
    return () => {
      live = false
      clearInterval(timer)
      setJob(null)
    }
  }, [labelKey])
  return labelKey ? job : null
}

function VerifyResult({ result }: { result: AuditVerifyResult }): React.JSX.Element {
  const { t } = useTranslation()
  const checkedAt = t('audit.verify.checkedAt', {
    at: instantText(result.checkedAt, { seconds: true }),
  })
  if (result.ok)
    return (
      <Alert
        color="green"
        variant="light"
        icon={<IconShieldCheck size={20} aria-hidden />}
        title={
          result.full
            ? t('audit.verify.ok', { count: result.count })
            : t('audit.verify.okRoutine', { count: result.count })
        }
        data-testid="audit-verify"
      >
        <Text size="sm">
          {result.full
            ? t('audit.verify.okText')
            : t('audit.verify.okRoutineText', { count: result.rehashed })}
        </Text>
        {result.anchors > 0 && (
          <Text size="sm">{t('audit.verify.anchors', { count: result.anchors })}</Text>
        )}
        <Text size="sm">{checkedAt}</Text>
      </Alert>
    )
  return (
    <Alert
      color="red"
      variant="filled"
      icon={<IconShieldX size={20} aria-hidden />}
      title={t('audit.verify.broken', { id: result.brokenAt })}
      data-testid="audit-verify"
      role="alert"
    >
      <Text size="sm">{t(`audit.verify.${result.reason}`, { id: result.brokenAt })}</Text>
      <Text size="sm">{t('audit.verify.brokenHelp')}</Text>
      <Text size="sm">{checkedAt}</Text>
    </Alert>
  )
}
