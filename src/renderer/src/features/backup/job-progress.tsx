import { useEffect, useState } from 'react'
import { Button, Group, Progress, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { showError } from '../../common/forms'
import type { JobView } from '../../../../shared/schemas/jobs'

/**
 * Heavy work main runs in a worker (a backup, its check, the start-up check) with its progress,
 * read from `jobs.list`: once when shown, then every second while something runs or `active`
 * (this screen just started something) holds.
 */
export function JobProgress({ active }: { active: boolean }): React.JSX.Element | null {
  const { t } = useTranslation()
  const [jobs, setJobs] = useState<JobView[]>([])
  const polling = active || jobs.length > 0

  useEffect(() => {
    let stopped = false
    const read = (): void => {
      call('jobs.list', {}).then(
        (list) => {
          if (!stopped) setJobs(list)
        },
        // Progress is extra: a failed read leaves the screen as it is.
        () => undefined,
      )
    }
    read()
    if (!polling) return () => void (stopped = true)
    const timer = setInterval(read, 1000)
    return () => {
      stopped = true
      clearInterval(timer)
    }
  }, [polling])

  if (jobs.length === 0) return null
  return (
    <Stack gap="xs" aria-live="polite">
      {jobs.map((job) => {
        const percent = job.total > 0 ? Math.round((100 * job.done) / job.total) : 0
        // A step that cannot count (the copy itself) shows a moving bar, not an empty one.
        const busy = job.total === 0 && job.phase !== 'waiting'
        return (
          <Stack key={job.id} gap={4}>
            <Group justify="space-between" gap="sm">
              <Text size="sm">
                {t(job.labelKey)}
                {job.phase ? ` (${t(`jobs.phases.${job.phase}`)})` : ''}
              </Text>
              {job.cancellable ? (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() =>
                    void call('jobs.cancel', { id: job.id }).catch((err: unknown) =>
                      showError(t, err),
                    )
                  }
                >
                  {t('jobs.cancel')}
                </Button>
              ) : null}
            </Group>
            <Progress
              value={busy ? 100 : percent}
              striped={busy}
              animated={busy}
              aria-label={busy ? t(job.labelKey) : `${t(job.labelKey)}: ${percent}%`}
            />
          </Stack>
        )
      })}
    </Stack>
  )
}
