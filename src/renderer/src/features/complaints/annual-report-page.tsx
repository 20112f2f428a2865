import { useCallback, useId, useState } from 'react'
import {
  Anchor,
  Button,
  Card,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconFileTypePdf } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { ErrorAlert } from '../../common/components/error-alert'
import { saveDownload } from '../../common/download'
import { errorMessage, showError } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { useToday } from '../../common/hooks/use-shop-day'
import type { AnnualComplaintsReport } from '../../../../shared/schemas/complaints-report'
import './texts'

/** The annual complaints report: the year's figures on screen, and the PDF to publish. */
export function AnnualReportPage(): React.JSX.Element {
  const { t } = useTranslation()
  const today = useToday()
  const thisYear = Number(today.slice(0, 4))
  const [year, setYear] = useState<number | null>(null)
  const shown = year ?? thisYear
  const loader = useCallback(() => call('complaints.annualReport', { year: shown }), [shown])
  const { data, error } = useLoad(loader)
  const [busy, setBusy] = useState(false)
  const years = Array.from({ length: 10 }, (_, i) => String(thisYear - i))

  const pdf = async (): Promise<void> => {
    setBusy(true)
    try {
      const file = await call('complaints.annualReportPdf', { year: shown })
      if (!(await saveDownload(file))) return
      notifications.show({
        color: 'teal',
        message: t('complaints.report.made', { filename: file.filename }),
      })
    } catch (err) {
      showError(t, err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Stack gap="md" maw={1100}>
      <Anchor href="#/complaints" size="sm">
        {t('complaints.nav.back')}
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('complaints.report.title')}</Title>
          <Text c="dimmed" maw={720}>
            {t('complaints.report.intro', { min: data?.smallCellThreshold ?? 5 })}
          </Text>
        </div>
        <Group align="flex-end" gap="sm">
          <Select
            label={t('complaints.report.year')}
            data={years}
            value={String(shown)}
            onChange={(v) => v && setYear(Number(v))}
            allowDeselect={false}
            w={120}
          />
          <Button
            leftSection={<IconFileTypePdf size={16} aria-hidden />}
            loading={busy}
            onClick={() => void pdf()}
          >
            {t('complaints.report.pdf')}
          </Button>
        </Group>
      </Group>
      <ErrorAlert message={error ? errorMessage(t, error) : null} />
      {!data && !error && <Loader aria-label={t('common.loading')} />}
      {data && <Figures r={data} />}
    </Stack>
  )
}

function Figures({ r }: { r: AnnualComplaintsReport }): React.JSX.Element {
  const { t } = useTranslation()
  const days = (v: number | null): string =>
    v === null
      ? t('complaints.report.noValue')
      : t('complaints.report.days', {
          // Main rounds to one decimal; a whole number keeps its ",0" so the figures line up.
          value: v.toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
        })
  const tiles: [string, string | number, string][] = [
    ['received', r.received, 'complaints.report.received'],
    ['decided', r.decided, 'complaints.report.decided'],
    ['open', r.openAtYearEnd, 'complaints.report.open'],
    ['mean', days(r.handlingDays.mean), 'complaints.report.meanDays'],
    ['median', days(r.handlingDays.median), 'complaints.report.medianDays'],
    ['lateAck', r.lateAcknowledgements, 'complaints.report.lateAck'],
    ['lateDecision', r.lateDecisions, 'complaints.report.lateDecision'],
    ['extended', r.extended, 'complaints.report.extended'],
    ['committee', r.committee, 'complaints.report.committee'],
  ]
  return (
    <Stack gap="md">
      {r.received === 0 && r.decided === 0 && <Text>{t('complaints.report.none')}</Text>}
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
        {tiles.map(([key, value, label]) => (
          <Card withBorder key={key} padding="sm">
            <Text size="xl" fw={700} data-testid={`report-${key}`}>
              {value}
            </Text>
            <Text size="sm" c="dimmed">
              {t(label)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <CountTable
          title={t('complaints.report.perCategory')}
          rows={r.byCategory.map((c) => ({
            key: String(c.id ?? c.name),
            name: c.name,
            count: c.count,
          }))}
          min={r.smallCellThreshold}
        />
        <CountTable
          title={t('complaints.report.perStep')}
          rows={r.byStep.map((c) => ({
            key: c.code,
            // The annual report PDF's own words for the steps (complaintCodes), not a copy.
            name: t(`complaintCodes.steps.${c.code}`),
            count: c.count,
          }))}
        />
        <CountTable
          title={t('complaints.report.perOutcome')}
          rows={r.byOutcome.map((c) => ({
            key: c.code,
            name: t(`complaints.outcome.${c.code}`),
            count: c.count,
          }))}
        />
        <CountTable
          title={t('complaints.report.perChannel')}
          rows={r.byChannel.map((c) => ({
            key: c.code,
            name: t(`complaints.channel.${c.code}`),
            count: c.count,
          }))}
        />
        <CountTable
          title={t('complaints.report.measures')}
          rows={[
            { key: 'taken', name: t('complaints.report.measuresTaken'), count: r.measures.taken },
            {
              key: 'done',
              name: t('complaints.report.measuresDone'),
              count: r.measures.carriedOut,
            },
            {
              key: 'open',
              name: t('complaints.report.measuresOpen'),
              count: r.measures.notCarriedOut,
            },
          ]}
        />
      </SimpleGrid>
    </Stack>
  )
}

/** A breakdown; with `min`, counts below it are marked as they will read in the PDF. */
function CountTable({
  title,
  rows,
  min,
}: {
  title: string
  rows: { key: string; name: string; count: number }[]
  min?: number
}): React.JSX.Element {
  const { t } = useTranslation()
  const id = useId()
  return (
    <Card withBorder component="section" aria-labelledby={id} padding="sm">
      <Title order={3} size="h5" id={id} mb="xs">
        {title}
      </Title>
      <Table striped aria-labelledby={id}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('complaints.report.name')}</Table.Th>
            <Table.Th ta="right">{t('complaints.report.count')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td ta="right">
                {r.count}
                {min !== undefined && r.count > 0 && r.count < min && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({t('complaints.report.small', { min })})
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  )
}
