import { FigureCard as Figure } from '../volunteers'
import { Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatNumber } from '../../common/format'
import { CARER_GENDERS, type SupportFigures } from '../../../../shared/schemas/support'
import './texts'

type FigureKey =
  | 'carersRegistered'
  | 'carersNew'
  | 'loadAtRegistration'
  | 'loadNow'
  | 'overloadedNow'
  | 'requestsOpened'
  | 'requestsMatched'
  | 'daysToMatch'
  | 'openAtEnd'
  | 'trainedPeople'
  | 'trainedStaff'
  | 'trainedExternal'
  | 'trainingSessions'
  | 'meanMark'

function value(f: SupportFigures, key: FigureKey): [number | null, number] {
  switch (key) {
    case 'carersRegistered':
      return [f.carers.registered, 0]
    case 'carersNew':
      return [f.carers.new, 0]
    case 'loadAtRegistration':
      return [f.carers.load.atRegistration, 1]
    case 'loadNow':
      return [f.carers.load.now, 1]
    case 'overloadedNow':
      return [f.carers.load.overloadedNow, 0]
    case 'requestsOpened':
      return [f.helpRequests.opened, 0]
    case 'requestsMatched':
      return [f.helpRequests.matched, 0]
    case 'daysToMatch':
      return [f.helpRequests.daysToMatchMedian, 1]
    case 'openAtEnd':
      return [f.helpRequests.openAtEnd, 0]
    case 'trainedPeople':
      return [f.trainings.people, 0]
    case 'trainedStaff':
      return [f.trainings.staff, 0]
    case 'trainedExternal':
      return [f.trainings.external, 0]
    case 'trainingSessions':
      return [f.trainings.sessions, 0]
    case 'meanMark':
      return [f.trainings.meanMark, 1]
  }
}

const GROUPS: { title: 'carers' | 'requests' | 'trainings'; keys: FigureKey[] }[] = [
  {
    title: 'carers',
    keys: ['carersRegistered', 'carersNew', 'loadAtRegistration', 'loadNow', 'overloadedNow'],
  },
  { title: 'requests', keys: ['requestsOpened', 'requestsMatched', 'daysToMatch', 'openAtEnd'] },
  {
    title: 'trainings',
    keys: ['trainingSessions', 'trainedPeople', 'trainedStaff', 'trainedExternal', 'meanMark'],
  },
]

/**
 * Help requests, informal carers and trainings in the stats' period (issue 16): each figure with
 * its definition, then the requests by kind and the new carers by gender and area.
 */
export function SupportFiguresSection({ figures }: { figures: SupportFigures }): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const n = (v: number | null, decimals = 0): string =>
    v === null ? '–' : formatNumber(v, lang, decimals)
  return (
    <Stack gap="md" component="section" aria-label={t('support.figures.title')}>
      <Title order={3} size="h4">
        {t('support.figures.title')}
      </Title>
      {GROUPS.map((g) => (
        <Stack key={g.title} gap="xs">
          <Title order={4} size="h5">
            {t(`support.figures.groups.${g.title}`)}
          </Title>
          <SimpleGrid component="dl" cols={{ base: 1, sm: 3, lg: g.keys.length > 4 ? 5 : 4 }} m={0}>
            {g.keys.map((k) => {
              const [v, decimals] = value(figures, k)
              return (
                <Figure
                  key={k}
                  label={t(`support.figures.${k}.label`)}
                  help={t(`support.figures.${k}.help`)}
                  testId={`sstat-${k}`}
                  value={n(v, decimals)}
                />
              )
            })}
          </SimpleGrid>
        </Stack>
      ))}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Card withBorder>
          <Title order={4} size="h5" mb="xs">
            {t('support.figures.byKind')}
          </Title>
          {figures.helpRequests.byKind.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('support.figures.noRequests')}
            </Text>
          ) : (
            <Table aria-label={t('support.figures.byKind')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('support.requests.columns.kind')}</Table.Th>
                  <Table.Th ta="right">{t('support.figures.columns.opened')}</Table.Th>
                  <Table.Th ta="right">{t('support.figures.columns.matched')}</Table.Th>
                  <Table.Th ta="right">{t('support.figures.columns.ended')}</Table.Th>
                  <Table.Th ta="right">{t('support.figures.columns.openAtEnd')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {figures.helpRequests.byKind.map((k) => (
                  <Table.Tr key={k.kindId}>
                    <Table.Td>{k.name}</Table.Td>
                    <Table.Td ta="right">{n(k.opened)}</Table.Td>
                    <Table.Td ta="right">{n(k.matched)}</Table.Td>
                    <Table.Td ta="right">{n(k.ended)}</Table.Td>
                    <Table.Td ta="right">{n(k.openAtEnd)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
        <Card withBorder>
          <Title order={4} size="h5" mb="xs">
            {t('support.figures.newCarers')}
          </Title>
          <Table aria-label={t('support.figures.newCarers')}>
            <Table.Tbody>
              {CARER_GENDERS.map((g) => (
                <Table.Tr key={g}>
                  <Table.Td>{t(`volunteers.labels.gender.${g}`)}</Table.Td>
                  <Table.Td ta="right">{n(figures.carers.newByGender[g])}</Table.Td>
                </Table.Tr>
              ))}
              {figures.carers.newByDistrict.map((d) => (
                <Table.Tr key={`d-${d.district}`}>
                  <Table.Td>{d.district || t('support.figures.noDistrict')}</Table.Td>
                  <Table.Td ta="right">{n(d.n)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      </SimpleGrid>
    </Stack>
  )
}
