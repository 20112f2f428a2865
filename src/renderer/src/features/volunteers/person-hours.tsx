import { useMemo } from 'react'
import { Anchor, Group, Loader, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { formatHours, monthName } from './months'

/** A person's hours per month (per placement where there is one); logged on the month grid. */
export function PersonHours({ personId }: { personId: number }): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const loader = useMemo(() => () => call('hours.forPerson', { personId }), [personId])
  const { data, error } = useLoad(loader)
  if (!data)
    return error ? (
      <ErrorAlert message={errorMessage(t, error)} />
    ) : (
      <Loader aria-label={t('common.loading')} />
    )
  return (
    <Stack gap="sm" maw={640}>
      <Group justify="space-between">
        <Text fw={600}>{t('volunteers.hours.personTab')}</Text>
        <Anchor href="#/volunteers/hours" size="sm">
          {t('volunteers.hours.log')}
        </Anchor>
      </Group>
      {data.months.length === 0 ? (
        <Text c="dimmed">{t('volunteers.hours.personNone')}</Text>
      ) : (
        <Table withTableBorder striped aria-label={t('volunteers.hours.personTab')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('volunteers.hours.month')}</Table.Th>
              <Table.Th>{t('volunteers.hours.columns.vacancy')}</Table.Th>
              <Table.Th ta="right">{t('volunteers.hours.columns.hours')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.months.map((m) => (
              <Table.Tr key={`${m.month}-${m.placementId ?? 0}`}>
                <Table.Td>{monthName(m.month, i18n.language)}</Table.Td>
                <Table.Td>{m.vacancyTitle ?? '–'}</Table.Td>
                <Table.Td ta="right">{formatHours(m.hours, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td colSpan={2} fw={600}>
                {t('volunteers.hours.total')}
              </Table.Td>
              <Table.Td ta="right" fw={600} data-testid="person-hours-total">
                {formatHours(data.total, i18n.language)}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}
