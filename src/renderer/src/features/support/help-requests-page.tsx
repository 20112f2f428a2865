import { useCallback, useState } from 'react'
import { Button, Group, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { navigate } from '../../router'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { useToday } from '../../common/hooks/use-shop-day'
import { HELP_STATUSES, type HelpStatus } from '../../../../shared/schemas/support'
import { HelpKindsCard } from './help-kinds-card'
import { HelpRequestForm } from './help-request-form'
import { HelpRequestsTable } from './help-requests-table'
import './texts'

/** Every help request, filtered on status with the counts, and a new one in a dialog. */
export function HelpRequestsPage(): React.JSX.Element {
  const { t } = useTranslation()
  const today = useToday()
  const [status, setStatus] = useState<HelpStatus | 'all'>('open')
  const loader = useCallback(
    () => call('helpRequests.list', { status: status === 'all' ? null : status, limit: 500 }),
    [status],
  )
  const { data, error } = useLoad(loader)
  const [adding, setAdding] = useState(false)
  // The counts stay on screen while another status loads.
  const [counts, setCounts] = useState<Record<HelpStatus, number> | null>(null)
  if (data && data.counts !== counts) setCounts(data.counts)
  const total = counts ? HELP_STATUSES.reduce((n, s) => n + counts[s], 0) : null
  const count = (n: number | null | undefined): string => (n == null ? '' : ` (${n})`)

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{t('support.requests.title')}</Title>
          <Text c="dimmed" maw={760}>
            {t('support.requests.intro')}
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
          {t('support.requests.new')}
        </Button>
      </Group>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="help-status">
          {t('support.requests.statusFilter')}
        </Text>
        <SegmentedControl
          aria-labelledby="help-status"
          style={{ alignSelf: 'flex-start' }}
          value={status}
          onChange={(v) => setStatus(v as HelpStatus | 'all')}
          data={[
            ...HELP_STATUSES.map((s) => ({
              value: s,
              label: `${t(`support.status.${s}`)}${count(counts?.[s])}`,
            })),
            { value: 'all', label: `${t('support.requests.all')}${count(total)}` },
          ]}
        />
      </Stack>
      <ErrorAlert message={error ? errorMessage(t, error) : null} />
      {!data && !error && <Loader aria-label={t('common.loading')} />}
      {data && data.rows.length === 0 && (
        <Text c="dimmed">
          {total === 0 ? t('support.requests.noneAtAll') : t('support.requests.none')}
        </Text>
      )}
      {data && data.rows.length > 0 && <HelpRequestsTable rows={data.rows} />}
      {adding && (
        <HelpRequestForm
          today={today}
          onClose={() => setAdding(false)}
          onSaved={(r) => {
            setAdding(false)
            navigate(`/volunteers/help/${r.id}`)
          }}
        />
      )}
      <HelpKindsCard />
    </Stack>
  )
}
