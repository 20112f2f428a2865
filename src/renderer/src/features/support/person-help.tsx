import { useCallback } from 'react'
import { Loader, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import type { HelpRequestCandidate } from '../../../../shared/schemas/support'
import { decimal, ExcludedTable, RankedCard, type CandidateRow } from './candidates'
import './texts'

function requestRow(c: HelpRequestCandidate): CandidateRow {
  return {
    key: `r${c.requestId}`,
    id: c.requestId,
    title: `${c.kindName}: ${c.requesterLabel}`,
    subtitle: [c.asked, c.place].filter(Boolean).join(' · '),
    href: `#/volunteers/help/${c.requestId}`,
    candidate: c,
  }
}

/** Open help requests ranked for this person as a volunteer, and those that left them out. */
export function PersonHelp({ personId }: { personId: number }): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const loader = useCallback(() => call('helpRequests.forPerson', { personId }), [personId])
  const { data, error } = useLoad(loader)
  if (error) return <ErrorAlert message={errorMessage(t, error)} />
  if (!data) return <Loader aria-label={t('common.loading')} />
  const ranked = data.ranked.map(requestRow)
  return (
    <Stack gap="md">
      <div>
        <Title order={3} size="h4">
          {t('support.forPerson.title')}
        </Title>
        <Text size="sm" c="dimmed" maw={760}>
          {t('support.forPerson.intro')}
        </Text>
      </div>
      <section aria-label={t('support.forPerson.ranked')}>
        <Title order={4} size="h5" mb="xs">
          {t('support.forPerson.ranked')} ({decimal(data.counts.ranked, i18n.language)})
        </Title>
        {ranked.length === 0 ? (
          <Text c="dimmed">{t('support.forPerson.none')}</Text>
        ) : (
          <Stack gap="sm">
            {ranked.map((row, i) => (
              <RankedCard key={row.key} rank={i + 1} row={row} />
            ))}
          </Stack>
        )}
      </section>
      <ExcludedTable
        title={t('support.forPerson.excluded')}
        none={t('support.forPerson.noneExcluded')}
        rows={data.excluded.map(requestRow)}
        count={data.counts.excluded}
      />
    </Stack>
  )
}
