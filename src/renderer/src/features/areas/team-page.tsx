import { useCallback, useId, useState } from 'react'
import {
  Accordion,
  Button,
  Card,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { ErrorAlert } from '../../common/components/error-alert'
import { instantText, intlLocale } from '../../common/format'
import { errorMessage } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { useToday } from '../../common/hooks/use-shop-day'
import { parseDay } from '../../../../shared/dates'
import {
  REPORT_SECTIONS,
  type ReportSection,
  type TeamDashboard,
} from '../../../../shared/schemas/reports'
import { figureText, reportSectionKey } from '../reports'
import { FigureCard } from '../volunteers'
import { AreaField } from './area-field'
import './texts'

/** A day without its weekday: "1 januari 2026". */
function dateInWords(day: string, lang: string, withYear = true): string {
  return new Intl.DateTimeFormat(intlLocale(lang), {
    day: 'numeric',
    month: 'long',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(parseDay(day))
}

/**
 * The team's figures (coordinator and admin): this calendar year so far beside the same days last
 * year, for the whole organisation or one area. Counts only; no one's data.
 */
export function TeamPage(): React.JSX.Element {
  const { t } = useTranslation()
  const [area, setArea] = useState('')
  const [asked, setAsked] = useState<string | null>(null)
  const loader = useCallback(() => call('reports.dashboard', { area: asked }), [asked])
  const { data, error } = useLoad(loader)
  return (
    <Stack gap="md" maw={1200}>
      <div>
        <Title order={2}>{t('areas.team.title')}</Title>
        <Text c="dimmed" maw={800}>
          {t('areas.team.intro')}
        </Text>
      </div>
      <Card withBorder padding="sm">
        <form
          onSubmit={(e) => {
            e.preventDefault()
            setAsked(area.trim() || null)
          }}
        >
          <Group align="flex-end" gap="sm">
            <AreaField value={area} onChange={setArea} />
            <Button type="submit">{t('reports.show')}</Button>
          </Group>
        </form>
      </Card>
      <ErrorAlert message={error ? errorMessage(t, error) : null} />
      {!data && !error && <Loader aria-label={t('common.loading')} />}
      {data && <Figures dashboard={data} />}
    </Stack>
  )
}

function Figures({ dashboard }: { dashboard: TeamDashboard }): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const today = useToday()
  const { period, lastYearPeriod } = dashboard
  const yearStart = period.from.endsWith('-01-01')
  return (
    <Stack gap="md">
      <div>
        <Text fw={500} data-testid="team-period">
          {yearStart && period.to === today
            ? t('areas.team.periodToday', { to: dateInWords(period.to, lang) })
            : t('areas.team.period', {
                from: dateInWords(period.from, lang),
                to: dateInWords(period.to, lang),
              })}
          {` · ${dashboard.area ?? t('areas.field.all')}`}
        </Text>
        <Text size="sm" c="dimmed">
          {t('areas.team.lastYearPeriod', {
            from: dateInWords(lastYearPeriod.from, lang),
            to: dateInWords(lastYearPeriod.to, lang),
          })}
          {` · ${t('areas.team.generated', { at: instantText(dashboard.generatedAt) })}`}
        </Text>
      </div>
      {REPORT_SECTIONS.map((s) => (
        <SectionFigures key={s} dashboard={dashboard} section={s} />
      ))}
    </Stack>
  )
}

function SectionFigures({
  dashboard,
  section,
}: {
  dashboard: TeamDashboard
  section: ReportSection
}): React.JSX.Element | null {
  const { t, i18n } = useTranslation()
  const lang = (i18n.language === 'en' ? 'en' : 'nl') as 'nl' | 'en'
  const id = useId()
  // The cards hold the figures themselves; their breakdowns are the report's.
  const figures = dashboard.figures.filter((f) => f.section === section && f.partOf === null)
  if (!figures.length) return null
  const none = t('reports.noValue')
  const keys = new Set(figures.map((f) => f.definitionKey))
  const definitions = dashboard.definitions.filter((d) => keys.has(d.key))
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={id}>
      <Title order={3} size="h4" id={id} mb="sm">
        {t(reportSectionKey(section))}
      </Title>
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" m={0}>
        {figures.map((f) => (
          <FigureCard
            key={f.key}
            label={f.label[lang]}
            testId={`team-${f.key}`}
            value={figureText(f, f.value, lang, none)}
            help={t('areas.team.lastYear', { value: figureText(f, f.lastYear, lang, none) })}
          />
        ))}
      </SimpleGrid>
      {definitions.length > 0 && (
        <Accordion variant="contained" mt="sm">
          <Accordion.Item value="definitions">
            <Accordion.Control>
              <Text size="sm">{t('areas.team.definitions')}</Text>
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap={6}>
                {definitions.map((d) => (
                  <Text size="sm" key={d.key}>
                    <Text span fw={600} size="sm">
                      {d.label[lang]}
                    </Text>
                    {`: ${d.text[lang]}`}
                  </Text>
                ))}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      )}
    </Card>
  )
}
