import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core'
import { IconEyeOff } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../../api'
import { errorMessage } from '../../../common/forms'
import { navigate } from '../../../router'
import { addDays, startOfWeek, toDutchDate } from '../../../../../shared/dates'
import type { HouseholdDetail, Intake } from '../../../../../shared/schemas/household'
import { useCan, useSession } from '../../../common/hooks/use-session'
import { Section } from './household-form'
import { SubjectExportButton } from '../../subjects'
import { CareSignalsCard } from '../../outcomes'
import { HouseholdAppointments } from '../appointments/household-appointments'
import type { Visit } from '../../../../../shared/schemas/shop'
import { useShopDay } from '../../../common/hooks/use-shop-day'
import { useShopRight } from '../volunteer-rights'
import {
  ConversationHistory,
  RecordConversationModal,
  VisitConversationSummary,
} from '../visits/conversation'

/** The week page to book on: next week for the counter (its families come back then). */
function bookingPath(id: number, today: string | null): string {
  const query = new URLSearchParams({ household: String(id) })
  if (today) query.set('week', startOfWeek(addDays(today, 7)))
  return `/appointments?${query.toString()}`
}

function InfoRow({
  label,
  children,
}: {
  label: string
  children: React.ReactNode
}): React.JSX.Element {
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <Text component="dt" size="sm" c="dimmed" w={190} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children || '—'}
      </Text>
    </Group>
  )
}

function EmptyText({ children }: { children: React.ReactNode }): React.JSX.Element {
  return (
    <Text size="sm" c="dimmed">
      {children}
    </Text>
  )
}

/** One household: details, members, intakes, appointments and visits, and what to do next. */
export function HouseholdDetailPage({ id }: { id: number }): React.JSX.Element {
  const { t } = useTranslation()
  const can = useCan()
  const { role } = useSession().user
  const today = useShopDay()?.today ?? null
  // Kept with the id they belong to, so another household's data never shows under this id.
  const [loaded, setLoaded] = useState<{ id: number; detail: HouseholdDetail } | null>(null)
  const [failed, setFailed] = useState<{ id: number; error: unknown } | null>(null)
  const detail = loaded?.id === id ? loaded.detail : null
  const loadError = failed?.id === id ? failed.error : null
  // Bumped after a change on this page (an appointment moved or cancelled): read it again.
  const [version, setVersion] = useState(0)
  // Staff always; a volunteer while the admin's booking switch is on (main decides again).
  const mayBook = useShopRight('book') === true
  // The visit whose conversation is being recorded, and who may do that for which visit: staff
  // any visit, a volunteer (with the admin's switch) today's only, as main decides.
  const [recording, setRecording] = useState<Visit | null>(null)
  const mayRecord = useShopRight('recordConversation') === true
  const canRecord = (v: Visit): boolean =>
    mayRecord && can('visits.recordConversation') && (role !== 'volunteer' || v.date === today)

  useEffect(() => {
    let live = true
    call('households.get', { id })
      .then((d) => {
        if (live) setLoaded({ id, detail: d })
      })
      .catch((err: unknown) => {
        if (live) setFailed({ id, error: err })
      })
    return () => {
      live = false
    }
  }, [id, version])

  if (loadError)
    return (
      <Stack maw={1100}>
        <Alert color="red">{errorMessage(t, loadError)}</Alert>
        <Anchor href="#/households">{t('households.detail.backToList')}</Anchor>
      </Stack>
    )
  if (!detail) return <Loader aria-label={t('common.loading')} />

  const h = detail.household
  const thisYear = new Date().getFullYear()
  const address = [[h.street, h.houseNumber].filter(Boolean).join(' '), `${h.postcode} ${h.city}`]
    .filter(Boolean)
    .join(', ')

  let eligibility: React.JSX.Element
  // The counter gets whether the right holds, not the date (main leaves it out).
  if (!h.eligibleUntil && detail.eligibility && detail.eligibility !== 'unknown')
    eligibility = (
      <Badge
        color={detail.eligibility === 'expired' ? 'red' : 'teal'}
        variant={detail.eligibility === 'expired' ? 'filled' : 'light'}
        size="lg"
        tt="none"
      >
        {t(`eligibility.${detail.eligibility}`)}
      </Badge>
    )
  else if (!detail.eligibilityExpired && h.eligibleUntil)
    eligibility = (
      <Badge color="teal" variant="light" size="lg" tt="none">
        {t('households.detail.eligibleUntil', { date: toDutchDate(h.eligibleUntil) })}
      </Badge>
    )
  else
    eligibility = (
      <Badge color="red" variant="filled" size="lg" tt="none">
        {h.eligibleUntil
          ? t('households.detail.expiredOn', { date: toDutchDate(h.eligibleUntil) })
          : t('households.detail.noProof')}
      </Badge>
    )

  return (
    <Stack gap="md" maw={1100}>
      <Anchor href="#/households" size="sm">
        {t('households.detail.backToList')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm" align="center">
            <Title order={2}>{h.contactName}</Title>
            <Badge
              color={h.status === 'active' ? 'teal' : 'gray'}
              variant="outline"
              size="lg"
              tt="none"
            >
              {t(`status.${h.status}`)}
            </Badge>
            {h.anonymisedAt ? (
              <Badge color="gray" variant="filled" size="lg" tt="none">
                {t('households.detail.anonymisedBadge')}
              </Badge>
            ) : (
              eligibility
            )}
          </Group>
          <Text c="dimmed" mt={4}>
            {h.reference} ·{' '}
            {t('households.detail.registeredOn', { date: toDutchDate(h.createdAt.slice(0, 10)) })}
          </Text>
        </div>
      </Group>
      {h.anonymisedAt && (
        <Alert color="gray" variant="light">
          <Text size="sm">
            {t('households.detail.anonymised', {
              date: toDutchDate(h.anonymisedAt.slice(0, 10)),
            })}
          </Text>
        </Alert>
      )}
      <Group gap="sm">
        {!h.anonymisedAt && can('households.update') && (
          <Button onClick={() => navigate(`/households/${id}/edit`)}>
            {t('households.detail.edit')}
          </Button>
        )}
        {!h.anonymisedAt && can('intakes.create') && (
          <Button variant="light" onClick={() => navigate(`/households/${id}/intake`)}>
            {t('households.detail.addIntake')}
          </Button>
        )}
        {!h.anonymisedAt && mayBook && (
          <Button
            variant="light"
            // A volunteer books the family for a coming week; staff start at this week.
            onClick={() => navigate(bookingPath(id, role === 'volunteer' ? today : null))}
          >
            {t('households.detail.book')}
          </Button>
        )}
        {!h.anonymisedAt && can('visits.register') && (
          <Button
            variant={can('households.update') ? 'light' : 'filled'}
            onClick={() => navigate(`/visits/new?household=${id}`)}
          >
            {t('households.detail.registerVisit')}
          </Button>
        )}
        {!h.anonymisedAt && can('people.create') && (
          // "Interesse in vrijwilligerswerk": a registration in the volunteers domain, linked here.
          <Button
            variant="subtle"
            onClick={() => navigate(`/volunteers/people/new?household=${id}`)}
          >
            {t('volunteers.person.interest')}
          </Button>
        )}
        <SubjectExportButton householdId={id} />
      </Group>
      {detail.restricted ? (
        <Alert color="gray" variant="light" icon={<IconEyeOff size={18} aria-hidden />}>
          <Text size="sm">
            {t('households.detail.restricted', {
              role: t(`roles.${role}`),
            })}
          </Text>
        </Alert>
      ) : null}

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Section title={t('households.detail.contact')}>
          <Stack component="dl" gap={6} m={0}>
            <InfoRow label={t('households.fields.contactName')}>{h.contactName}</InfoRow>
            <InfoRow label={t('households.detail.address')}>{address}</InfoRow>
            <InfoRow label={t('households.fields.district')}>{h.district}</InfoRow>
            <InfoRow label={t('households.fields.phone')}>{h.phone}</InfoRow>
            <InfoRow label={t('households.fields.email')}>{h.email}</InfoRow>
          </Stack>
        </Section>
        <Section
          title={
            detail.restricted ? t('households.detail.eligibility') : t('households.detail.income')
          }
        >
          <Stack component="dl" gap={6} m={0}>
            {/* Main leaves these out for a counter volunteer. */}
            {h.incomeSource !== undefined && (
              <InfoRow label={t('households.fields.incomeSource')}>
                {t(`income.${h.incomeSource}`)}
              </InfoRow>
            )}
            {h.maritalStatus !== undefined && h.maritalStatus !== null && (
              <InfoRow label={t('households.fields.maritalStatus')}>
                {t(`maritalStatus.${h.maritalStatus}`)}
              </InfoRow>
            )}
            {h.referrer !== undefined && (
              <InfoRow label={t('households.fields.referrer')}>{h.referrer}</InfoRow>
            )}
            {h.proofSeenOn !== undefined && (
              <InfoRow label={t('households.fields.proofSeenOn')}>
                {toDutchDate(h.proofSeenOn)}
              </InfoRow>
            )}
            {!h.eligibleUntil && detail.eligibility ? (
              // The counter gets the status, not the date: an empty "Recht tot" beside a badge
              // that says "Recht verlopen" reads as a fault.
              <InfoRow label={t('households.fields.eligibility')}>
                {t(`eligibility.${detail.eligibility}`)}
              </InfoRow>
            ) : (
              <InfoRow label={t('households.fields.eligibleUntil')}>
                {toDutchDate(h.eligibleUntil)}
              </InfoRow>
            )}
            <InfoRow label={t('households.detail.consent')}>
              {t('households.detail.consentValue', {
                date: toDutchDate(h.consentDate),
                by: h.consentBy,
              })}
            </InfoRow>
          </Stack>
        </Section>
      </SimpleGrid>

      <Section title={t('households.detail.members')}>
        {h.members.length === 0 ? (
          <EmptyText>{t('households.detail.noMembers')}</EmptyText>
        ) : (
          <Table.ScrollContainer minWidth={500}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('households.members.firstName')}</Table.Th>
                  <Table.Th>{t('households.members.birthYear')}</Table.Th>
                  <Table.Th>{t('households.detail.age')}</Table.Th>
                  <Table.Th>{t('households.members.gender')}</Table.Th>
                  <Table.Th>{t('households.members.clothingSize')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {h.members.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>{m.firstName ?? ''}</Table.Td>
                    <Table.Td>{m.birthYear}</Table.Td>
                    <Table.Td>{thisYear - m.birthYear}</Table.Td>
                    <Table.Td>{t(`gender.${m.gender}`)}</Table.Td>
                    <Table.Td>{m.clothingSize ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Section>

      {detail.intakes ? (
        <Section title={t('households.detail.intakes')}>
          {detail.intakes.length === 0 ? (
            <EmptyText>{t('households.detail.noIntakes')}</EmptyText>
          ) : (
            detail.intakes.map((intake) => <IntakeCard key={intake.id} intake={intake} />)
          )}
        </Section>
      ) : null}

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Section title={t('households.detail.appointments')}>
          <HouseholdAppointments
            appointments={detail.appointments}
            anonymised={!!h.anonymisedAt}
            onChanged={() => setVersion((v) => v + 1)}
          />
        </Section>
        <Section title={t('households.detail.visits')}>
          {detail.visits.length === 0 ? (
            <EmptyText>{t('households.detail.noVisits')}</EmptyText>
          ) : (
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('common.date')}</Table.Th>
                  <Table.Th>{t('households.detail.servedBy')}</Table.Th>
                  <Table.Th>{t('households.detail.items')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('visits.conversation.column')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {detail.visits.map((v) => {
                  const items = v.items.filter((i) => i.count > 0)
                  return (
                    <Table.Tr key={v.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{toDutchDate(v.date)}</Table.Td>
                      <Table.Td>{v.servedBy}</Table.Td>
                      <Table.Td>
                        {items.length
                          ? items.map((i) => `${i.category.name} ${i.count}`).join(' · ')
                          : t('households.detail.noItems')}
                        <VisitConversationSummary visit={v} />
                      </Table.Td>
                      <Table.Td>
                        {!h.anonymisedAt && canRecord(v) ? (
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            onClick={() => setRecording(v)}
                          >
                            {v.topics?.length || v.referrals?.length
                              ? t('visits.conversation.change')
                              : t('visits.conversation.record')}
                          </Button>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  )
                })}
              </Table.Tbody>
            </Table>
          )}
        </Section>
      </SimpleGrid>

      {detail.conversations ? <ConversationHistory entries={detail.conversations} /> : null}

      {/* Confidential: rendered only for coordinators and admins, never at the counter. */}
      {!h.anonymisedAt && <CareSignalsCard subject={{ householdId: id }} />}

      <RecordConversationModal
        visit={recording}
        onClose={() => setRecording(null)}
        onSaved={(saved) => {
          setRecording(null)
          setLoaded({
            id,
            detail: {
              ...detail,
              visits: detail.visits.map((v) => (v.id === saved.id ? saved : v)),
            },
          })
        }}
      />

      {h.notes ? (
        <Section title={t('households.detail.notes')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {h.notes}
          </Text>
        </Section>
      ) : null}
    </Stack>
  )
}

function IntakeCard({ intake }: { intake: Intake }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Paper withBorder p="sm">
      <Stack gap={6}>
        <Text fw={600} size="sm">
          {toDutchDate(intake.date)}{' '}
          <Text span c="dimmed" size="sm" fw={400}>
            {t('households.detail.intakeBy', { name: intake.doneBy })}
          </Text>
        </Text>
        {intake.debts || intake.multipleProblems ? (
          <Group gap="md">
            {(['debts', 'multipleProblems'] as const).map((field) =>
              intake[field] ? (
                <Text key={field} size="sm">
                  <Text span c="dimmed" size="sm">
                    {t(`intakeFields.${field}`)}:
                  </Text>{' '}
                  {t(`answers.${intake[field]}`)}
                </Text>
              ) : null,
            )}
          </Group>
        ) : null}
        {intake.topics.length ? (
          <Group gap={6}>
            <Text size="sm" c="dimmed">
              {t('households.detail.topics')}:
            </Text>
            {intake.topics.map((topic) => (
              <Badge key={topic.id} variant="light" color="grape" tt="none">
                {topic.name}
              </Badge>
            ))}
          </Group>
        ) : null}
        {intake.referrals.length ? (
          <Group gap={6}>
            <Text size="sm" c="dimmed">
              {t('households.detail.referrals')}:
            </Text>
            {intake.referrals.map((r) => (
              <Badge key={r.destination.id} variant="outline" color="blue" tt="none">
                {r.note ? `${r.destination.name}: ${r.note}` : r.destination.name}
              </Badge>
            ))}
          </Group>
        ) : null}
        {intake.notes ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {intake.notes}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  )
}
