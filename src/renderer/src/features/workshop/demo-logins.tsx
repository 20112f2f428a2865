import { Alert, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { WorkshopStatus } from '../../../../shared/schemas/workshop'

/** The oefenomgeving's logins on its login screen (invented data: nothing secret about them). */
export function DemoLogins({ status }: { status: WorkshopStatus }): React.JSX.Element | null {
  const { t } = useTranslation()
  if (!status.logins || !status.password) return null
  return (
    <Alert color="orange" variant="light" title={t('workshop.logins.title')}>
      <Table withRowBorders={false} verticalSpacing={2} fz="sm" data-testid="demo-logins">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('workshop.logins.role')}</Table.Th>
            <Table.Th>{t('workshop.logins.username')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {status.logins.map((l) => (
            <Table.Tr key={l.username}>
              <Table.Td>{t(`roles.${l.role}`)}</Table.Td>
              <Table.Td ff="monospace">{l.username}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" mt="xs">
        {t('workshop.logins.password')}:{' '}
        <Text span ff="monospace" fw={700}>
          {status.password}
        </Text>
      </Text>
    </Alert>
  )
}
