import { Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { toDutchDate } from '../../../../shared/dates'
import type { ReportStory } from '../../../../shared/schemas/reports'
import './texts'

/** The stories of one section of the report, printed under its figures. */
export function ReportStories({ stories }: { stories: ReportStory[] }): React.JSX.Element | null {
  const { t } = useTranslation()
  if (stories.length === 0) return null
  return (
    <Stack gap="xs" mt="md" data-testid="report-stories">
      <Text fw={500}>{t('outcomes.stories.inReport')}</Text>
      {stories.map((s, i) => (
        <Paper key={`${s.toldOn}-${i}`} withBorder p="sm" component="blockquote" m={0}>
          {s.title && (
            <Title order={4} size="h6" mb={4}>
              {s.title}
            </Title>
          )}
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {s.text}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            {[s.name, t(`outcomes.stories.abouts.${s.about}`), toDutchDate(s.toldOn)].join(' · ')}
          </Text>
        </Paper>
      ))}
    </Stack>
  )
}
