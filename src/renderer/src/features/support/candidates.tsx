import {
  Anchor,
  Badge,
  Card,
  Group,
  List,
  Progress,
  SimpleGrid,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { intlLocale } from '../../common/format'
import { matchingText } from '../../../../shared/matching-text'
import type { Explanation, MatchScore } from '../../../../shared/schemas/volunteers-matching'
import './texts'

/** A ranked or excluded candidate, whichever side is ranked: a volunteer or a request. */
export interface CandidateRow {
  key: string
  /** The volunteer's or the request's id. */
  id: number
  title: string
  subtitle: string
  href: string
  candidate: MatchScore & { missingCourses: { id: number; title: string }[] }
}

/** A score with its one decimal the language's way: "15,7". */
export function decimal(n: number, lang: string): string {
  return new Intl.NumberFormat(intlLocale(lang), { maximumFractionDigits: 1 }).format(n)
}

function words(t: TFunction, e: Explanation): string {
  return matchingText((key, params) => t(key, params), e)
}

/** One ranked candidate: the score, its parts with their sentences, and what is missing. */
export function RankedCard({
  rank,
  row,
  action,
}: {
  rank: number
  row: CandidateRow
  action?: React.ReactNode
}): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const c = row.candidate
  const missing = [
    ...c.missing.skills.map((s) => s.name),
    ...c.missing.halfDays.map((h) => t(`matching.halfDays.${h.weekday}_${h.part}`)),
    ...c.missingCourses.map((m) => t('support.match.missingCourse', { course: m.title })),
  ]
  return (
    <Card withBorder padding="sm" role="article" aria-label={row.title}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Group gap="sm" align="flex-start" wrap="nowrap">
          <Badge size="lg" variant="filled" color="teal" circle>
            {rank}
          </Badge>
          <div>
            <Anchor href={row.href} fw={600}>
              {row.title}
            </Anchor>
            <Text size="xs" c="dimmed">
              {row.subtitle}
            </Text>
          </div>
        </Group>
        <Group gap="sm" wrap="nowrap">
          <Text fw={700} size="lg" data-testid="match-score" style={{ whiteSpace: 'nowrap' }}>
            {t('support.match.score', { score: decimal(c.score, i18n.language) })}
          </Text>
          {action}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing={6} mt="xs">
        {c.parts.map((p) => (
          <div key={p.part} data-testid={`part-${p.part}`}>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm" fw={600}>
                {t(`matching.partNames.${p.part}`)}
              </Text>
              <Text size="sm" c="dimmed">
                {decimal(p.points, i18n.language)} / {p.max}
              </Text>
            </Group>
            <Progress
              value={p.max ? (100 * p.points) / p.max : 0}
              size="sm"
              color="teal"
              aria-hidden
            />
            <Text size="xs">{words(t, p.text)}</Text>
          </div>
        ))}
      </SimpleGrid>
      <Text size="sm" mt="xs">
        <Text span fw={600}>
          {t('support.match.missing')}:
        </Text>{' '}
        {missing.length ? missing.join(', ') : t('support.match.nothingMissing')}
      </Text>
    </Card>
  )
}

/** Those the hard filters left out, each with every reason in a sentence. */
export function ExcludedTable({
  title,
  help,
  none,
  rows,
  count,
}: {
  title: string
  help?: string
  none: string
  rows: CandidateRow[]
  count: number
}): React.JSX.Element {
  const { t, i18n } = useTranslation()
  return (
    <section aria-label={title}>
      <Title order={3} size="h4" mb={2}>
        {title} ({decimal(count, i18n.language)})
      </Title>
      {help && (
        <Text size="sm" c="dimmed" mb="xs">
          {help}
        </Text>
      )}
      {rows.length === 0 ? (
        <Text c="dimmed">{none}</Text>
      ) : (
        <Table withTableBorder verticalSpacing="xs">
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key} aria-label={row.title}>
                <Table.Td w="30%">
                  <Anchor href={row.href} size="sm" fw={600}>
                    {row.title}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {row.subtitle}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <List size="sm" spacing={2}>
                    {row.candidate.reasons.map((r, i) => (
                      <List.Item key={`${r.code}-${i}`}>
                        <Text span size="sm" fw={600}>
                          {t(`matching.reasonNames.${r.code}`)}
                        </Text>
                        {': '}
                        {words(t, r.text)}
                      </List.Item>
                    ))}
                  </List>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  )
}
