import { useMemo } from 'react'
import { Anchor, Badge, Loader, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { ErrorAlert } from '../../common/components/error-alert'
import { errorMessage } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { toDutchDate } from '../../../../shared/dates'
import type { Placement } from '../../../../shared/schemas/volunteers-matching'
import { PlacementActions } from './placement-actions'
import { STEP_COLOURS } from './use-lists'
import { ActionsTh } from '../../common/components/actions-th'

/** The day a placement reached the step it is in. */
export function stepDate(p: Placement): string | null {
  switch (p.step) {
    case 'proposed':
      return p.proposedOn
    case 'introduction':
      return p.introductionOn
    case 'trial':
      return p.trialOn
    case 'placed':
      return p.placedOn
    case 'ended':
      return p.endedOn
    case 'declined':
      return p.declinedOn
  }
}

/** Placements as a table: one person's or one vacancy's, with their actions. */
export function PlacementsTable({
  rows,
  today,
  onChanged,
  show,
}: {
  rows: Placement[]
  today: string
  onChanged: () => void
  show: 'vacancy' | 'person'
}): React.JSX.Element {
  const { t } = useTranslation()
  if (rows.length === 0) return <Text c="dimmed">{t('volunteers.placements.none')}</Text>
  return (
    <Table withTableBorder striped verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>
            {show === 'vacancy'
              ? t('volunteers.placements.vacancy')
              : t('volunteers.people.columns.name')}
          </Table.Th>
          <Table.Th>{t('volunteers.placements.step')}</Table.Th>
          <Table.Th>{t('volunteers.placements.since')}</Table.Th>
          <ActionsTh />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((p) => (
          <Table.Tr key={p.id} data-testid={`placement-${p.id}`}>
            <Table.Td>
              {show === 'vacancy' ? (
                <Anchor href={`#/volunteers/vacancies/${p.vacancyId}`} size="sm">
                  {p.vacancyTitle}
                </Anchor>
              ) : (
                <Anchor href={`#/volunteers/people/${p.personId}`} size="sm">
                  {p.personName}
                </Anchor>
              )}
              <Text size="xs" c="dimmed">
                {show === 'vacancy' ? p.partnerName : p.personReference}
              </Text>
              {p.overrideReason && (
                <Text size="xs" c="orange.8">
                  {t('volunteers.placements.override', { reason: p.overrideReason })}
                </Text>
              )}
              {p.reason && (
                <Text size="xs" c="dimmed">
                  {t('volunteers.placements.reasonShown', { reason: p.reason })}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color={STEP_COLOURS[p.step]} tt="none">
                {t(`volunteers.labels.step.${p.step}`)}
              </Badge>
              {p.step === 'trial' && p.trialEndsOn && (
                <Text size="xs" c="dimmed">
                  {t('volunteers.board.trialUntil', { date: toDutchDate(p.trialEndsOn) })}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{toDutchDate(stepDate(p))}</Table.Td>
            <Table.Td>
              <PlacementActions placement={p} today={today} onChanged={onChanged} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/**
 * A person's placements, running and closed. `onChanged` tells the page a step was taken, since
 * placing or ending the last placement changes the person's status shown above the tabs.
 */
export function PersonPlacements({
  personId,
  today,
  onChanged,
}: {
  personId: number
  today: string
  onChanged?: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const loader = useMemo(
    () => () => call('placements.list', { personId, scope: 'all' }),
    [personId],
  )
  const { data, error, reload } = useLoad(loader)
  if (!data)
    return error ? (
      <ErrorAlert message={errorMessage(t, error)} />
    ) : (
      <Loader aria-label={t('common.loading')} />
    )
  return (
    <Stack gap="sm">
      <PlacementsTable
        rows={data.rows}
        today={today}
        onChanged={() => {
          reload()
          onChanged?.()
        }}
        show="vacancy"
      />
    </Stack>
  )
}
