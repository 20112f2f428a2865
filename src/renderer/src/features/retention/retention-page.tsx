import 'mantine-datatable/styles.css'
import { useCallback, useId, useState } from 'react'
import {
  Anchor,
  Button,
  Card,
  Group,
  Loader,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { IconEraser, IconTrash } from '@tabler/icons-react'
import { DataTable } from 'mantine-datatable'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage, serverFieldErrors, showError, zodValidate } from '../../common/forms'
import { paginationControlProps } from '../../common/pagination'
import { toDutchDate } from '../../../../shared/dates'
import {
  RETENTION_KINDS,
  RETENTION_MAX_MONTHS,
  RETENTION_MIN_MONTHS,
  RETENTION_PAGE_SIZE,
  retentionTerms,
  type RetentionDueRow,
  type RetentionKind,
  type RetentionTerms,
} from '../../../../shared/schemas/retention'
import { SUBJECT_KINDS, type SubjectKind } from '../../../../shared/schemas/subjects'
import { useLoad } from '../../common/hooks/use-load'

/** Which term, and which definition of the last contact, belongs to each kind of record. */
const TERM_OF: Record<SubjectKind, RetentionKind> = {
  household: 'households',
  person: 'people',
  complaint: 'complaints',
  helpRequest: 'people',
}
const DEFINITION_OF: Record<SubjectKind, string> = {
  household: 'retention.lastContactDefinition',
  person: 'retention.lastContactDefinitionPerson',
  complaint: 'retention.lastContactDefinitionComplaint',
  helpRequest: 'retention.lastContactDefinitionHelpRequest',
}

/** What anonymising or deleting a record of each kind does, in words (`retention.<action>.*`). */
const TEXT_OF: Record<SubjectKind, string> = {
  household: 'text',
  person: 'textPerson',
  complaint: 'textComplaint',
  helpRequest: 'textHelpRequest',
}

/** Where a due record opens: its own page. */
const PAGE_OF: Record<SubjectKind, (id: number) => string> = {
  household: (id) => `#/households/${id}`,
  person: (id) => `#/volunteers/people/${id}`,
  complaint: (id) => `#/complaints/${id}`,
  helpRequest: (id) => `#/volunteers/help/${id}`,
}

/**
 * The admin's retention screen: the terms per kind of record, and per kind (households,
 * participants, complaints) the records whose last contact is longer ago than the term, a page
 * at a time as main counts and pages them, each to anonymise or (when no report counts it)
 * delete.
 */
export function RetentionPage(): React.JSX.Element {
  const { t } = useTranslation()
  const [kind, setKind] = useState<SubjectKind>('household')
  const [page, setPage] = useState(1)
  const loader = useCallback(
    () =>
      call('retention.due', {
        kind,
        offset: (page - 1) * RETENTION_PAGE_SIZE,
        limit: RETENTION_PAGE_SIZE,
      }),
    [kind, page],
  )
  const { data, error, reload } = useLoad(loader)
  // Rows of the kind and page asked for (the previous answer stays visible while loading).
  const current = data && data.kind === kind ? data : null
  const rows = current?.rows ?? []
  const total = current?.total ?? 0
  const lastPage = Math.max(1, Math.ceil(total / RETENTION_PAGE_SIZE))
  const term = TERM_OF[kind]
  const cutoff = data?.cutoffs[term]

  const erase = async (row: RetentionDueRow, action: 'anonymise' | 'delete'): Promise<void> => {
    try {
      await call(action === 'anonymise' ? 'retention.anonymise' : 'retention.delete', {
        kind: row.kind,
        id: row.id,
      })
      notifications.show({
        color: 'teal',
        message: t(`retention.${action}.done`, { reference: row.reference }),
      })
      // The last row of the last page is gone: the page before it is shown.
      if (rows.length === 1 && page > 1) {
        setPage(page - 1)
        return
      }
    } catch (err) {
      showError(t, err)
    }
    reload()
  }

  const confirm = (row: RetentionDueRow, action: 'anonymise' | 'delete'): void => {
    modals.openConfirmModal({
      title: t(`retention.${action}.title`, { name: row.name, reference: row.reference }),
      children: (
        <Stack gap="xs">
          <Text size="sm">{t(`retention.${action}.${TEXT_OF[row.kind]}`)}</Text>
          <Text size="sm" fw={600}>
            {t('retention.irreversible')}
          </Text>
          <Text size="sm">{t('retention.afterRestore')}</Text>
        </Stack>
      ),
      labels: { confirm: t(`retention.${action}.confirm`), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => void erase(row, action),
    })
  }

  return (
    <Stack gap="md" maw={1200}>
      <div style={{ maxWidth: 820 }}>
        <Title order={2}>{t('retention.title')}</Title>
        <Text c="dimmed">{t('retention.intro')}</Text>
      </div>
      <TermsForm onSaved={reload} />

      <Stack gap={4}>
        <Title order={3}>{t('retention.due.title')}</Title>
        {data && cutoff ? (
          <Text size="sm" c="dimmed">
            {t(
              kind === 'complaint' || kind === 'helpRequest'
                ? `retention.due.cutoff${kind === 'complaint' ? 'Complaint' : 'HelpRequest'}`
                : 'retention.due.cutoff',
              {
                date: toDutchDate(cutoff),
                months: data.terms[term],
              },
            )}{' '}
            {t(DEFINITION_OF[kind])}
          </Text>
        ) : null}
      </Stack>
      {data ? (
        <SegmentedControl
          aria-label={t('retention.due.kinds')}
          value={kind}
          onChange={(v) => {
            setKind(v as SubjectKind)
            setPage(1)
          }}
          data={SUBJECT_KINDS.map((k) => ({
            value: k,
            label: t(`retention.due.tab.${k}`, { count: data.counts[k] ?? 0 }),
          }))}
          style={{ alignSelf: 'flex-start' }}
        />
      ) : null}
      <ErrorAlert message={error ? errorMessage(t, error) : null} />
      {current ? (
        <Text size="sm" c="dimmed" aria-live="polite" data-testid="retention-count">
          {t(`retention.due.count.${kind}`, { count: total })}
        </Text>
      ) : null}
      <DataTable<RetentionDueRow>
        withTableBorder
        borderRadius="md"
        striped
        highlightOnHover
        minHeight={rows.length ? undefined : 160}
        fetching={current === null && !error}
        records={rows}
        idAccessor={(r) => `${r.kind}-${r.id}`}
        noRecordsText={t(`retention.due.empty.${kind}`)}
        loadingText={t('common.loading')}
        aria-label={t('retention.due.title')}
        totalRecords={total}
        recordsPerPage={RETENTION_PAGE_SIZE}
        page={Math.min(page, lastPage)}
        onPageChange={setPage}
        paginationText={({ from, to, totalRecords }) =>
          t('retention.due.pagination', { from, to, total: totalRecords })
        }
        getPaginationControlProps={paginationControlProps(t)}
        columns={[
          {
            accessor: 'reference',
            title: t('retention.columns.reference'),
            noWrap: true,
            render: (r) => (
              <Anchor href={PAGE_OF[r.kind](r.id)} size="sm">
                {r.reference}
              </Anchor>
            ),
          },
          { accessor: 'name', title: t('retention.columns.name') },
          { accessor: 'district', title: t('retention.columns.district') },
          {
            accessor: 'lastContact',
            title: t('retention.columns.lastContact'),
            noWrap: true,
            render: (r) => toDutchDate(r.lastContact),
          },
          {
            accessor: 'actions',
            title: t('retention.columns.actions'),
            textAlign: 'right',
            render: (r) => (
              <Group gap="xs" justify="flex-end" wrap="nowrap">
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconEraser size={14} aria-hidden />}
                  aria-label={t('retention.anonymise.of', { name: r.name, reference: r.reference })}
                  onClick={() => confirm(r, 'anonymise')}
                >
                  {t('retention.anonymise.button')}
                </Button>
                <Button
                  size="xs"
                  variant="light"
                  color="red"
                  leftSection={<IconTrash size={14} aria-hidden />}
                  aria-label={t('retention.delete.of', { name: r.name, reference: r.reference })}
                  // Main refuses it too (retentionInReports); the reason is on the button.
                  disabled={!r.canDelete}
                  title={r.canDelete ? undefined : t('retention.delete.notPossible')}
                  onClick={() => confirm(r, 'delete')}
                >
                  {t('retention.delete.button')}
                </Button>
              </Group>
            ),
          },
        ]}
      />
      {rows.some((r) => !r.canDelete) && (
        // The reason, also for keyboard and touch users (a title only shows on hover).
        <Text size="sm" c="dimmed" data-testid="retention-delete-note">
          {t('retention.delete.notPossible')}
        </Text>
      )}
    </Stack>
  )
}

type Values = Record<RetentionKind, number | string>

/** An emptied field becomes "verplicht" rather than a silent default. */
function toInput(v: Values): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const k of RETENTION_KINDS) out[k] = typeof v[k] === 'number' ? v[k] : undefined
  return out
}

function TermsForm({ onSaved }: { onSaved: () => void }): React.JSX.Element {
  const { t } = useTranslation()
  const headingId = useId()
  const loader = useCallback(() => call('retention.terms', {}), [])
  const { data, error } = useLoad(loader)
  return (
    <Card withBorder component="section" aria-labelledby={headingId} maw={900}>
      <Title order={3} id={headingId} mb={4}>
        {t('retention.terms.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('retention.terms.help', { min: RETENTION_MIN_MONTHS, max: RETENTION_MAX_MONTHS })}
      </Text>
      {data ? (
        <TermsFields initial={data} onSaved={onSaved} />
      ) : error ? (
        <ErrorAlert message={errorMessage(t, error)} />
      ) : (
        <Loader size="sm" aria-label={t('common.loading')} />
      )}
    </Card>
  )
}

function TermsFields({
  initial,
  onSaved,
}: {
  initial: RetentionTerms
  onSaved: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [problem, setProblem] = useState<string | null>(null)
  const validate = zodValidate(retentionTerms, t)
  const form = useForm<Values>({ initialValues: initial, validate: (v) => validate(toInput(v)) })

  const submit = form.onSubmit(async (v) => {
    setProblem(null)
    try {
      const saved = await call('retention.updateTerms', retentionTerms.parse(toInput(v)))
      form.setValues(saved)
      form.resetDirty(saved)
      notifications.show({ color: 'teal', message: t('retention.terms.saved') })
      onSaved()
    } catch (err) {
      form.setErrors(serverFieldErrors(t, err))
      setProblem(errorMessage(t, err))
    }
  })

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          {RETENTION_KINDS.map((k) => (
            <NumberInput
              key={k}
              label={t(`retention.terms.${k}`)}
              description={t(
                k === 'households'
                  ? 'retention.terms.householdsHelp'
                  : k === 'people'
                    ? 'retention.terms.peopleHelp'
                    : 'retention.terms.later',
              )}
              required
              min={RETENTION_MIN_MONTHS}
              max={RETENTION_MAX_MONTHS}
              allowDecimal={false}
              // Say what is wrong rather than quietly changing 3 into 6.
              clampBehavior="none"
              {...form.getInputProps(k)}
            />
          ))}
        </SimpleGrid>
        <ErrorAlert message={problem} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t('retention.terms.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
