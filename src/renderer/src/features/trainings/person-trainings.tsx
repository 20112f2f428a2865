import { useCallback } from 'react'
import { Loader, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { toDutchDate } from '../../../../shared/dates'
import './texts'

/** A person's trainings on their page: newest first, completed or not, with their mark. */
export function PersonTrainings({ personId }: { personId: number }): React.JSX.Element {
  const { t } = useTranslation()
  const loader = useCallback(() => call('trainings.forPerson', { personId }), [personId])
  const { data, error } = useLoad(loader)
  if (error) return <ErrorAlert message={errorMessage(t, error)} />
  if (!data) return <Loader aria-label={t('common.loading')} />
  if (!data.length) return <Text c="dimmed">{t('trainings.personNone')}</Text>
  return (
    <Table striped maw={800} aria-label={t('trainings.personTitle')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('trainings.columns.date')}</Table.Th>
          <Table.Th>{t('trainings.columns.course')}</Table.Th>
          <Table.Th>{t('trainings.courseColumns.level')}</Table.Th>
          <Table.Th>{t('trainings.participantColumns.completed')}</Table.Th>
          <Table.Th ta="right">{t('trainings.participantColumns.mark')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.map((r) => (
          <Table.Tr key={r.sessionId}>
            <Table.Td>{toDutchDate(r.date)}</Table.Td>
            <Table.Td>{r.courseTitle}</Table.Td>
            <Table.Td>{r.level ?? ''}</Table.Td>
            <Table.Td>{r.completed ? t('trainings.yes') : t('trainings.no')}</Table.Td>
            <Table.Td ta="right">{r.mark ?? ''}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
