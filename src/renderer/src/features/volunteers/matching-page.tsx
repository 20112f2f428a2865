import { useCallback, useMemo, useState } from 'react'
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Loader,
  Modal,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { call } from '../../api'
import { ErrorAlert } from '../../common/components/error-alert'
import { DateField } from '../../common/components/date-field'
import { useToday } from '../../common/hooks/use-shop-day'
import { errorMessage, serverFieldErrors, showError, showWarnings } from '../../common/forms'
import { useLoad } from '../../common/hooks/use-load'
import { saveDownload } from '../../common/download'
import { IconFileTypePdf } from '@tabler/icons-react'
import { intlLocale } from '../../common/format'
import { matchingText } from '../../../../shared/matching-text'
import {
  HARD_REASONS,
  MATCH_PAGE,
  type Explanation,
  type MatchScore,
  type PersonCandidate,
  type PersonMatches,
  type VacancyMatches,
  type VacancyCandidate,
} from '../../../../shared/schemas/volunteers-matching'
import { AvailabilityGrid } from './availability-grid'
import { MoreLine } from './more-line'

type Candidate = (PersonCandidate | VacancyCandidate) & MatchScore
type Matches = { kind: 'vacancy'; m: VacancyMatches } | { kind: 'person'; m: PersonMatches }

/** What a ranked or excluded row is about, whichever side is ranked. */
interface Row {
  key: string
  title: string
  subtitle: string
  href: string
  personId: number
  vacancyId: number
  candidate: Candidate
}

/** A score with its one decimal the language's way: "15,7". */
function decimal(n: number, lang: string): string {
  return new Intl.NumberFormat(intlLocale(lang), { maximumFractionDigits: 1 }).format(n)
}

function words(t: TFunction, e: Explanation): string {
  return matchingText((key, params) => t(key, params), e)
}

/**
 * Matching, either way: the people for one vacancy or the vacancies for one person. The ranked
 * ones with their score parts and sentences and what is missing, then those the filters left
 * out, each with every reason. One click proposes a ranked candidate; an excluded one only with
 * a written reason.
 */
export function MatchingPage({
  vacancyId,
  personId,
}: {
  vacancyId?: number
  personId?: number
}): React.JSX.Element {
  const { t, i18n } = useTranslation()
  // The first MATCH_PAGE of each list; "Meer tonen" under a list asks main for its next ones.
  const subject = vacancyId ? `v${vacancyId}` : `p${personId}`
  const first = { subject, limit: MATCH_PAGE, excludedLimit: MATCH_PAGE }
  const [more, setMore] = useState(first)
  const { limit, excludedLimit } = more.subject === subject ? more : first
  const loader = useMemo(
    () => (): Promise<Matches> =>
      vacancyId
        ? call('matching.forVacancy', { vacancyId, limit, excludedLimit }).then((m) => ({
            kind: 'vacancy' as const,
            m,
          }))
        : call('matching.forPerson', {
            personId: personId as number,
            limit,
            excludedLimit,
          }).then((m) => ({ kind: 'person' as const, m })),
    [vacancyId, personId, limit, excludedLimit],
  )
  const loaded = useLoad(loader)
  const { error, reload } = loaded
  // While more are asked for, the lists already shown stay on screen.
  const [last, setLast] = useState<{ subject: string; data: Matches } | null>(null)
  if (loaded.data && last?.data !== loaded.data) setLast({ subject, data: loaded.data })
  const data = loaded.data ?? (last?.subject === subject ? last.data : null)
  const loadingMore = !loaded.data && data !== null && !error
  // Which list asked, so only its button spins.
  const [asking, setAsking] = useState<'ranked' | 'excluded' | null>(null)
  const showMoreRanked = (): void => {
    setAsking('ranked')
    setMore({ subject, limit: limit + MATCH_PAGE, excludedLimit })
  }
  const showMoreExcluded = (): void => {
    setAsking('excluded')
    setMore({ subject, limit, excludedLimit: excludedLimit + MATCH_PAGE })
  }
  const [overriding, setOverriding] = useState<Row | null>(null)
  const [busyKey, setBusyKey] = useState<string | null>(null)
  const today = useToday()
  // The proposal's day: today, or earlier for a placement entered from paper.
  const [proposeOn, setProposeOn] = useState<string | null>(null)
  const [dateError, setDateError] = useState<string | undefined>(undefined)

  const propose = useCallback(
    async (row: Row, overrideReason: string | null): Promise<void> => {
      setBusyKey(row.key)
      setDateError(undefined)
      try {
        const r = await call('placements.propose', {
          personId: row.personId,
          vacancyId: row.vacancyId,
          date: proposeOn ?? today,
          overrideReason,
        })
        notifications.show({
          color: 'teal',
          message: t('volunteers.matching.proposed', { name: r.placement.personName }),
        })
        showWarnings(t, r.warnings)
        reload()
      } catch (err) {
        setDateError(serverFieldErrors(t, err).date)
        throw err
      } finally {
        setBusyKey(null)
      }
    },
    [t, reload, proposeOn, today],
  )

  if (!data)
    return error ? (
      <ErrorAlert message={errorMessage(t, error)} />
    ) : (
      <Loader aria-label={t('common.loading')} />
    )

  const toRow = (c: Candidate): Row =>
    data.kind === 'vacancy'
      ? {
          key: `p${(c as PersonCandidate).personId}`,
          title: (c as PersonCandidate).name,
          subtitle: [(c as PersonCandidate).reference, c.place].filter(Boolean).join(' · '),
          href: `#/volunteers/people/${(c as PersonCandidate).personId}`,
          personId: (c as PersonCandidate).personId,
          vacancyId: data.m.vacancy.id,
          candidate: c,
        }
      : {
          key: `v${(c as VacancyCandidate).vacancyId}`,
          title: (c as VacancyCandidate).title,
          subtitle: [(c as VacancyCandidate).partnerName, c.place].filter(Boolean).join(' · '),
          href: `#/volunteers/vacancies/${(c as VacancyCandidate).vacancyId}`,
          personId: data.m.person.id,
          vacancyId: (c as VacancyCandidate).vacancyId,
          candidate: c,
        }
  const ranked = (data.m.ranked as Candidate[]).map(toRow)
  const excluded = (data.m.excluded as Candidate[]).map(toRow)
  const ownHalfDays = data.kind === 'vacancy' ? data.m.vacancy.halfDays : data.m.person.halfDays

  return (
    <Stack gap="md">
      <Anchor
        href={
          data.kind === 'vacancy'
            ? `#/volunteers/vacancies/${data.m.vacancy.id}`
            : `#/volunteers/people/${data.m.person.id}`
        }
        size="sm"
      >
        ← {data.kind === 'vacancy' ? data.m.vacancy.title : data.m.person.name}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={2}>
            {data.kind === 'vacancy'
              ? t('volunteers.matching.titleVacancy', { title: data.m.vacancy.title })
              : t('volunteers.matching.titlePerson', { name: data.m.person.name })}
          </Title>
          <Text c="dimmed">
            {data.kind === 'vacancy'
              ? [
                  data.m.vacancy.partnerName,
                  data.m.vacancy.place,
                  t('volunteers.vacancies.placesLeft', {
                    left: data.m.vacancy.placesLeft,
                    places: data.m.vacancy.places,
                  }),
                ]
                  .filter(Boolean)
                  .join(' · ')
              : [data.m.person.reference, data.m.person.place].filter(Boolean).join(' · ')}
          </Text>
          <Text size="sm" c="dimmed" maw={760} mt="xs">
            {t('volunteers.matching.intro')}
          </Text>
          <HowWeMatchButton />
        </div>
        <AvailabilityGrid
          label={
            data.kind === 'vacancy'
              ? t('volunteers.vacancies.halfDays')
              : t('volunteers.person.availability')
          }
          value={ownHalfDays}
        />
      </Group>

      <DateField
        label={t('volunteers.matching.proposeOn')}
        description={t('volunteers.matching.proposeOnHelp')}
        value={proposeOn ?? today}
        onChange={(v) => {
          setProposeOn(v)
          setDateError(undefined)
        }}
        error={dateError}
        maw={320}
      />

      <section aria-label={t('volunteers.matching.ranked')}>
        <Title order={3} size="h4" mb="xs">
          {t('volunteers.matching.ranked')} ({decimal(data.m.counts.ranked, i18n.language)})
        </Title>
        {ranked.length === 0 ? (
          <Text c="dimmed">{t('volunteers.matching.none')}</Text>
        ) : (
          <Stack gap="sm">
            {ranked.map((row, i) => (
              <CandidateCard
                key={row.key}
                rank={i + 1}
                row={row}
                busy={busyKey === row.key}
                onPropose={() => void propose(row, null).catch((err: unknown) => showError(t, err))}
              />
            ))}
          </Stack>
        )}
        <MoreLine
          shown={ranked.length}
          total={data.m.counts.ranked}
          loading={loadingMore && asking === 'ranked'}
          onMore={showMoreRanked}
        />
      </section>

      <section aria-label={t('volunteers.matching.excluded')}>
        <Title order={3} size="h4" mb={2}>
          {t('volunteers.matching.excluded')} ({decimal(data.m.counts.excluded, i18n.language)})
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          {t('volunteers.matching.excludedHelp')}
        </Text>
        {excluded.length === 0 ? (
          <Text c="dimmed">{t('volunteers.matching.noneExcluded')}</Text>
        ) : (
          <Table withTableBorder verticalSpacing="xs">
            <Table.Tbody>
              {excluded.map((row) => (
                <ExcludedRow key={row.key} row={row} onOverride={() => setOverriding(row)} />
              ))}
            </Table.Tbody>
          </Table>
        )}
        <MoreLine
          shown={excluded.length}
          total={data.m.counts.excluded}
          loading={loadingMore && asking === 'excluded'}
          onMore={showMoreExcluded}
        />
      </section>

      <Modal
        opened={overriding !== null}
        onClose={() => setOverriding(null)}
        title={t('volunteers.matching.proposeTitle', { name: overriding?.title ?? '' })}
      >
        {overriding && (
          <OverrideForm
            row={overriding}
            onCancel={() => setOverriding(null)}
            propose={async (reason) => {
              await propose(overriding, reason)
              setOverriding(null)
            }}
          />
        )}
      </Modal>
    </Stack>
  )
}

/** The printable "hoe wij matchen" page: the filters, the parts and the current weights. */
function HowWeMatchButton(): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const [busy, setBusy] = useState(false)
  return (
    <Button
      mt="xs"
      size="xs"
      variant="default"
      leftSection={<IconFileTypePdf size={16} aria-hidden />}
      loading={busy}
      onClick={() => {
        setBusy(true)
        call('matching.howWeMatch', { language: i18n.language === 'en' ? 'en' : 'nl' })
          .then(saveDownload)
          .catch((err: unknown) => showError(t, err))
          .finally(() => setBusy(false))
      }}
    >
      {t('volunteers.matching.howWeMatch')}
    </Button>
  )
}

function CandidateCard({
  rank,
  row,
  busy,
  onPropose,
}: {
  rank: number
  row: Row
  busy: boolean
  onPropose: () => void
}): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const c = row.candidate
  const missing = [
    ...c.missing.skills.map((s) => s.name),
    ...c.missing.halfDays.map((h) => t(`matching.halfDays.${h.weekday}_${h.part}`)),
  ]
  return (
    <Card withBorder padding="sm" role="article" aria-label={row.title}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Group gap="sm" align="flex-start" wrap="nowrap">
          <Badge size="lg" variant="filled" color="teal" circle>
            {rank}
          </Badge>
          <div>
            <Anchor href={row.href} fw={600}>
              {row.title}
            </Anchor>
            <Text size="xs" c="dimmed">
              {row.subtitle}
              {' · '}
              {t('volunteers.matching.waitingDays', { days: c.waitingDays })}
            </Text>
          </div>
        </Group>
        <Group gap="sm" wrap="nowrap">
          <Text fw={700} size="lg" data-testid="match-score">
            {t('volunteers.matching.score', { score: decimal(c.score, i18n.language) })}
          </Text>
          <Button
            onClick={onPropose}
            loading={busy}
            aria-label={`${t('volunteers.matching.propose')}: ${row.title}`}
          >
            {t('volunteers.matching.propose')}
          </Button>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing={6} mt="xs">
        {c.parts.map((p) => (
          <div key={p.part} data-testid={`part-${p.part}`}>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm" fw={600}>
                {t(`matching.partNames.${p.part}`)}
              </Text>
              <Text size="sm" c="dimmed">
                {decimal(p.points, i18n.language)} / {p.max}
              </Text>
            </Group>
            <Progress
              value={p.max ? (100 * p.points) / p.max : 0}
              size="sm"
              color="teal"
              aria-hidden
            />
            <Text size="xs">{words(t, p.text)}</Text>
          </div>
        ))}
      </SimpleGrid>
      <Text size="sm" mt="xs">
        <Text span fw={600}>
          {t('volunteers.matching.missing')}:
        </Text>{' '}
        {missing.length ? missing.join(', ') : t('volunteers.matching.nothingMissing')}
      </Text>
    </Card>
  )
}

function ExcludedRow({ row, onOverride }: { row: Row; onOverride: () => void }): React.JSX.Element {
  const { t } = useTranslation()
  const c = row.candidate
  const hard = c.reasons.some((r) => HARD_REASONS.includes(r.code))
  return (
    <Table.Tr aria-label={row.title}>
      <Table.Td w="28%">
        <Anchor href={row.href} size="sm" fw={600}>
          {row.title}
        </Anchor>
        <Text size="xs" c="dimmed">
          {row.subtitle}
        </Text>
      </Table.Td>
      <Table.Td>
        <List size="sm" spacing={2}>
          {c.reasons.map((r) => (
            <List.Item key={r.code}>
              <Text span size="sm" fw={600}>
                {t(`matching.reasonNames.${r.code}`)}
              </Text>
              {': '}
              {words(t, r.text)}
            </List.Item>
          ))}
        </List>
      </Table.Td>
      <Table.Td w={170} ta="right">
        {hard ? (
          <Badge variant="light" color="gray" tt="none">
            {t('volunteers.matching.alreadyProposed')}
          </Badge>
        ) : (
          <Button
            size="xs"
            variant="default"
            onClick={onOverride}
            aria-label={`${t('volunteers.matching.proposeAnyway')} ${row.title}`}
          >
            {t('volunteers.matching.proposeAnyway')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  )
}

function OverrideForm({
  row,
  onCancel,
  propose,
}: {
  row: Row
  onCancel: () => void
  propose: (reason: string) => Promise<void>
}): React.JSX.Element {
  const { t } = useTranslation()
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const save = async (): Promise<void> => {
    setProblem(null)
    if (!reason.trim()) {
      setErrors({ overrideReason: t('validation.required') })
      return setProblem(t('errors.validation'))
    }
    setBusy(true)
    try {
      await propose(reason)
    } catch (err) {
      setErrors(serverFieldErrors(t, err))
      setProblem(errorMessage(t, err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <Stack gap="sm">
        <List size="sm">
          {row.candidate.reasons.map((r) => (
            <List.Item key={r.code}>{words(t, r.text)}</List.Item>
          ))}
        </List>
        <Textarea
          label={t('volunteers.matching.overrideReason')}
          description={t('volunteers.matching.overrideHelp')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.overrideReason}
          required
          autosize
          minRows={2}
          data-autofocus
        />
        <ErrorAlert message={problem} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('volunteers.matching.propose')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
