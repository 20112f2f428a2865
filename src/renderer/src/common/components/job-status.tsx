import { useEffect, useState } from 'react'
import { Button, Group, Progress, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { JobView } from '../../../../shared/schemas/jobs'
import { call } from '../../api'
import { showError } from '../forms'

/**
 * While `running`, how far main's worker is with this session's job of kind `labelKey` (read
 * from `jobs.list` twice a second), as a bar with its name, and "Stoppen" when main allows it.
 * Nothing while no such job runs.
 */
export function JobStatus({
  labelKey,
  running,
}: {
  labelKey: string
  running: boolean
}): React.JSX.Element | null {
  const { t } = useTranslation()
  const [job, setJob] = useState<JobView | null>(null)
  useEffect(() => {
    if (!running) return
    let stopped = false
    const read = (): void => {
      call('jobs.list', {}).then(
        (jobs) => {
          if (!stopped) setJob(jobs.find((j) => j.labelKey === labelKey) ?? null)
        },
        // Progress is extra: a failed read leaves the screen as it is.
        () => undefined,
      )
    }
    read()
    const timer = setInterval(read, 500)
    return () => {
      stopped = true
      clearInterval(timer)
      setJob(null)
    }
  }, [running, labelKey])
  if (!running || !job) return null
  const percent = job.total > 0 ? Math.round((100 * job.done) / job.total) : 0
  return (
    <Group gap="xs" wrap="nowrap" aria-live="polite" data-testid="job-status">
      <Text size="sm">{t(job.labelKey)}</Text>
      <Progress
        value={percent}
        w={120}
        aria-label={`${t(job.labelKey)}: ${percent}%`}
        striped
        animated
      />
      {job.cancellable && (
        <Button
          size="compact-sm"
          variant="subtle"
          onClick={() =>
            void call('jobs.cancel', { id: job.id }).catch((err: unknown) => showError(t, err))
          }
        >
          {t('jobs.cancel')}
        </Button>
      )}
    </Group>
  )
}
