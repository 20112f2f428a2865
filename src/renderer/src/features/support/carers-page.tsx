import { useCallback, useState } from 'react'
import { Anchor, Checkbox, Loader, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { useToday } from '../../common/hooks/use-shop-day'
import { toDutchDate } from '../../../../shared/dates'
import { LoadBadge } from './load-badge'
import './texts'

/** Everyone registered as an informal carer, with their load at first and now. */
export function CarersPage(): React.JSX.Element {
  const { t } = useTranslation()
  const today = useToday()
  const [activeOnly, setActiveOnly] = useState(true)
  const loader = useCallback(
    () => call('carers.list', { activeOn: activeOnly ? today : null, limit: 500 }),
    [activeOnly, today],
  )
  const { data, error } = useLoad(loader)
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('support.carers.title')}</Title>
        <Text c="dimmed" maw={760}>
          {t('support.carers.intro')}
        </Text>
      </div>
      <Checkbox
        label={t('support.carers.activeOnly')}
        checked={activeOnly}
        onChange={(e) => setActiveOnly(e.currentTarget.checked)}
      />
      <ErrorAlert message={error ? errorMessage(t, error) : null} />
      {!data && !error && <Loader aria-label={t('common.loading')} />}
      {data && data.rows.length === 0 && <Text c="dimmed">{t('support.carers.none')}</Text>}
      {data && data.rows.length > 0 && (
        <Table.ScrollContainer minWidth={860}>
          <Table striped highlightOnHover aria-label={t('support.carers.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('support.carers.columns.name')}</Table.Th>
                <Table.Th>{t('support.carers.columns.district')}</Table.Th>
                <Table.Th>{t('support.carers.columns.caresFor')}</Table.Th>
                <Table.Th>{t('support.carers.columns.registeredOn')}</Table.Th>
                <Table.Th>{t('support.carers.columns.firstLoad')}</Table.Th>
                <Table.Th>{t('support.carers.columns.latestLoad')}</Table.Th>
                <Table.Th ta="right">{t('support.carers.columns.openRequests')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.rows.map((c) => (
                <Table.Tr key={c.personId}>
                  <Table.Td>
                    <Anchor href={`#/volunteers/people/${c.personId}?tab=carer`} size="sm" fw={600}>
                      {c.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {c.reference}
                    </Text>
                  </Table.Td>
                  <Table.Td>{c.district ?? ''}</Table.Td>
                  <Table.Td maw={300}>
                    <Text size="sm" lineClamp={2}>
                      {c.caresFor}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{toDutchDate(c.registeredOn)}</Text>
                    {c.endedOn && (
                      <Text size="xs" c="dimmed">
                        {t('support.carers.ended', { date: toDutchDate(c.endedOn) })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{c.firstLoad !== null && <LoadBadge load={c.firstLoad} />}</Table.Td>
                  <Table.Td>{c.latestLoad !== null && <LoadBadge load={c.latestLoad} />}</Table.Td>
                  <Table.Td ta="right">{c.openRequests}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  )
}
