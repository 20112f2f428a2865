import { Anchor, Badge, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { toDutchDate } from '../../../../shared/dates'
import type { HelpRequest } from '../../../../shared/schemas/support'
import { HELP_STATUS_COLOURS } from './labels'
import './texts'

/** Help requests as a table: each row opens its request. */
export function HelpRequestsTable({ rows }: { rows: HelpRequest[] }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover aria-label={t('support.requests.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('support.requests.columns.kind')}</Table.Th>
            <Table.Th>{t('support.requests.columns.requester')}</Table.Th>
            <Table.Th>{t('support.requests.columns.asked')}</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>
              {t('support.requests.columns.openedOn')}
            </Table.Th>
            <Table.Th w={130}>{t('support.requests.columns.status')}</Table.Th>
            <Table.Th>{t('support.requests.columns.volunteer')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Anchor href={`#/volunteers/help/${r.id}`} size="sm" fw={600}>
                  {r.kindName}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{r.requesterLabel}</Text>
                <Text size="xs" c="dimmed">
                  {t(`support.requesterKinds.${r.requesterKind}`)}
                </Text>
              </Table.Td>
              <Table.Td maw={340}>
                <Text size="sm" lineClamp={2}>
                  {r.asked}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{toDutchDate(r.openedOn)}</Text>
                <Text size="xs" c="dimmed">
                  {r.endsOn
                    ? t('support.requests.until', { date: toDutchDate(r.endsOn) })
                    : t('support.requests.ongoing')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={HELP_STATUS_COLOURS[r.status]} tt="none">
                  {t(`support.status.${r.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {r.volunteerId !== null ? (
                  <Anchor href={`#/volunteers/people/${r.volunteerId}`} size="sm">
                    {r.volunteerName}
                  </Anchor>
                ) : (
                  ''
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
