import { searchKey } from '../../../shared/search-key'
import { nl as nlShared } from '../../../shared/i18n/nl'
import { en as enShared } from '../../../shared/i18n/en'
import type { ShopStats } from '../../../shared/schemas/shop'
import type {
  Bilingual,
  FigureDefinition,
  MonthFigure,
  SubsidyFigure,
} from '../../../shared/schemas/reports'
import { OUTFLOW_KINDS, type VolunteersStats } from '../../../shared/schemas/volunteers-followup'
import { COMPLAINT_OUTCOMES } from '../../../shared/schemas/complaints'
import { CARER_GENDERS } from '../../../shared/schemas/support'
import {
  CARE_SIGNAL_KINDS,
  CARE_SIGNAL_PARTIES,
  STATEMENT_MIN_N,
  type OutcomeFigures,
} from '../../../shared/schemas/outcomes'
import { ZRM11_DOMAINS, ZRM_LABELS_EN, ZRM_LABELS_NL } from '../../../shared/zrm'
import { subjectAccessEn, subjectAccessNl } from '../../../shared/i18n/subject-access'
import type { ActivityFigures } from '../activities/queries'
import type { ComplaintFigures } from '../complaints/annual-report-queries'
import type { PeopleReached } from '../shop/stats-queries'
import type { ParticipantDemographics } from '../volunteers/stats-queries'
import { DEFINITIONS, type DefinitionKey } from './definitions'
import { suppressSmallCells } from './suppression'

/** Everything the report counts for one period, as the domains' own queries return it. */
export interface RawFigures {
  shop: ShopStats
  volunteers: VolunteersStats
  complaints: ComplaintFigures
  activities: ActivityFigures
  people: PeopleReached
  participants: ParticipantDemographics
  outcomes: OutcomeFigures
  months: MonthFigure[]
}

/** One figure before it meets last year, its target and the small-cell rule. */
interface Row {
  key: string
  definitionKey: DefinitionKey
  label: Bilingual
  partOf: string | null
  value: number | null
  /** A mean or share of this many answers: under the small-answer floor it is not shown outside. */
  basis?: number
}

/** A key part made of a name: lower case, without accents, other signs as dashes. */
export function keyPart(name: string): string {
  const folded = searchKey(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return folded.slice(0, 60) || 'x'
}

function both(text: string): Bilingual {
  return { nl: text, en: text }
}

function withPart(def: DefinitionKey, part: Bilingual): Bilingual {
  const l = DEFINITIONS[def].label
  return { nl: `${l.nl}: ${part.nl}`, en: `${l.en}: ${part.en}` }
}

/** The rows of one period, in the order the report prints them. */
export function rowsOf(raw: RawFigures): Row[] {
  const rows: Row[] = []
  const add = (
    definitionKey: DefinitionKey,
    value: number | null,
    options: { key?: string; label?: Bilingual; partOf?: string; basis?: number } = {},
  ): void => {
    rows.push({
      key: options.key ?? definitionKey,
      definitionKey,
      label: options.label ?? DEFINITIONS[definitionKey].label,
      partOf: options.partOf ?? null,
      value,
      ...(options.basis === undefined ? {} : { basis: options.basis }),
    })
  }
  const { shop, volunteers: v, complaints: c, activities: a, people, participants } = raw

  add('shop.householdsReached', shop.householdsReached)
  add('shop.newHouseholds', shop.newHouseholds)
  add('shop.visits', shop.visits)
  add('shop.childrenReached', shop.childrenReached)
  add('shop.intakes', shop.intakes)
  add('shop.noShowRate', shop.noShowRate)
  add('shop.referrals', sum(shop.referrals.map((r) => r.total)))
  for (const r of shop.referrals)
    add('shop.referrals', r.total, {
      key: `shop.referrals.${keyPart(r.key)}`,
      label: withPart('shop.referrals', both(r.key)),
      partOf: 'shop.referrals',
    })
  add('shop.topics', sum(shop.topics.map((r) => r.total)))
  for (const r of shop.topics)
    add('shop.topics', r.total, {
      key: `shop.topics.${keyPart(r.key)}`,
      label: withPart('shop.topics', both(r.key)),
      partOf: 'shop.topics',
    })

  add('volunteers.registered', v.registered)
  for (const p of v.programmes)
    add('volunteers.programmes', p.people, {
      key: `volunteers.programmes.${p.programmeId}`,
      label: withPart('volunteers.programmes', both(p.name)),
      partOf: 'volunteers.registered',
    })
  add('volunteers.programmes', v.withoutProgramme.people, {
    key: 'volunteers.programmes.none',
    label: withPart('volunteers.programmes', { nl: 'geen programma', en: 'no programme' }),
    partOf: 'volunteers.registered',
  })
  add('volunteers.newRegistrations', v.newRegistrations)
  add('volunteers.intakes', v.intakes)
  add('volunteers.waitingMedian', v.waitingMedian)
  add('volunteers.waitingMean', v.waitingMean)
  add('volunteers.placementsStarted', v.placementsStarted)
  add('volunteers.activePlacements', v.activePlacements)
  add('volunteers.outflow', v.outflowTotal)
  for (const kind of OUTFLOW_KINDS)
    add('volunteers.outflow', v.outflow[kind], {
      key: `volunteers.outflow.${kind}`,
      label: withPart('volunteers.outflow', {
        nl: subjectAccessNl.person.codes.outflow[kind],
        en: subjectAccessEn.person.codes.outflow[kind],
      }),
      partOf: 'volunteers.outflow',
    })
  add('volunteers.hours', v.hours)
  add('volunteers.fte', v.fte)
  for (const domain of ZRM11_DOMAINS) {
    const p = v.progress[domain]
    const name = { nl: ZRM_LABELS_NL.domains[domain], en: ZRM_LABELS_EN.domains[domain] }
    const key = `volunteers.zrm.${domain}`
    add('volunteers.zrm', p.n, { key, label: withPart('volunteers.zrm', name) })
    const steps = [
      ['up', p.up, 'gestegen', 'up'],
      ['same', p.same, 'gelijk', 'the same'],
      ['down', p.down, 'gedaald', 'down'],
    ] as const
    for (const [step, n, wordNl, wordEn] of steps)
      add('volunteers.zrm', n, {
        key: `${key}.${step}`,
        label: { nl: `${name.nl}: ${wordNl}`, en: `${name.en}: ${wordEn}` },
        partOf: key,
      })
  }

  const { carers, helpRequests: hr, trainings: tr } = v.support
  add('support.carersRegistered', carers.registered)
  add('support.carersNew', carers.new)
  for (const g of CARER_GENDERS)
    add('support.carersNew', carers.newByGender[g], {
      key: `support.carersNew.gender.${g}`,
      label: withPart('support.carersNew', {
        nl: subjectAccessNl.person.codes.gender[g],
        en: subjectAccessEn.person.codes.gender[g],
      }),
      partOf: 'support.carersNew',
    })
  for (const d of carers.newByDistrict)
    add('support.carersNew', d.n, {
      key: `support.carersNew.district.${d.district ? keyPart(d.district) : 'none'}`,
      label: withPart(
        'support.carersNew',
        d.district ? both(d.district) : { nl: 'geen wijk', en: 'no district' },
      ),
      partOf: 'support.carersNew',
    })
  add('support.loadAtRegistration', carers.load.atRegistration)
  add('support.loadNow', carers.load.now)
  const changes = [
    ['lighter', carers.load.lighter, 'lichter', 'lighter'],
    ['same', carers.load.same, 'gelijk', 'the same'],
    ['heavier', carers.load.heavier, 'zwaarder', 'heavier'],
  ] as const
  for (const [step, n, wordNl, wordEn] of changes)
    add('support.loadChange', n, {
      key: `support.loadChange.${step}`,
      label: withPart('support.loadChange', { nl: wordNl, en: wordEn }),
    })
  add('support.overloaded', carers.load.overloadedNow)
  const perKind = [
    ['support.requestsOpened', 'opened'],
    ['support.requestsMatched', 'matched'],
    ['support.requestsEnded', 'ended'],
    ['support.requestsOpen', 'openAtEnd'],
  ] as const
  for (const [def, field] of perKind) {
    add(def, hr[field])
    for (const k of hr.byKind)
      add(def, k[field], {
        key: `${def}.${keyPart(k.name)}`,
        label: withPart(def, both(k.name)),
        partOf: def,
      })
  }
  add('support.daysToMatch', hr.daysToMatchMedian)
  add('support.trainingSessions', tr.sessions)
  add('support.trained', tr.people + tr.staff + tr.external)
  const trained = [
    ['people', tr.people, 'vrijwilligers en deelnemers', 'volunteers and participants'],
    ['staff', tr.staff, 'medewerkers', 'staff'],
    ['external', tr.external, 'andere organisaties', 'other organisations'],
  ] as const
  for (const [kind, n, wordNl, wordEn] of trained)
    add('support.trained', n, {
      key: `support.trained.${kind}`,
      label: withPart('support.trained', { nl: wordNl, en: wordEn }),
      partOf: 'support.trained',
    })
  add('support.meanMark', tr.meanMark)

  outcomeRows(raw.outcomes, add)

  add('complaints.received', c.received)
  add('complaints.decided', c.decided)
  for (const outcome of COMPLAINT_OUTCOMES) {
    const n = c.byOutcome.find((o) => o.code === outcome)?.count ?? 0
    add('complaints.decided', n, {
      key: `complaints.decided.${outcome}`,
      label: withPart('complaints.decided', {
        nl: nlShared.complaintCodes.outcomes[outcome],
        en: enShared.complaintCodes.outcomes[outcome],
      }),
      partOf: 'complaints.decided',
    })
  }
  add('complaints.decidedOnTime', c.decided - c.lateDecisions)
  add('complaints.handlingMedian', c.handlingDays.median)

  add('interventions.information', a.adviceContacts)
  add('interventions.selfOrganisation', a.count.initiative)
  add('interventions.collective', a.count.collective)
  add('interventions.individual', shop.intakes + v.intakes)
  add('interventions.participants', a.participants.collective + a.participants.initiative)
  add('interventions.volunteersInvolved', a.volunteers.collective + a.volunteers.initiative)
  add('interventions.waitingList', a.waitingList)

  for (const d of shop.byDistrict)
    add('demographics.householdsByDistrict', d.householdsReached, {
      key: `demographics.householdsByDistrict.${d.district ? keyPart(d.district) : 'none'}`,
      label: withPart(
        'demographics.householdsByDistrict',
        d.district ? both(d.district) : { nl: 'geen wijk', en: 'no district' },
      ),
      partOf: 'shop.householdsReached',
    })
  add('demographics.people', people.people)
  for (const g of ['f', 'm', 'x'] as const)
    add('demographics.people', people.gender[g], {
      key: `demographics.people.gender.${g}`,
      label: withPart('demographics.people', {
        nl: nlShared.gender[g].toLowerCase(),
        en: enShared.gender[g].toLowerCase(),
      }),
      partOf: 'demographics.people',
    })
  // The children are those the shop counts as reached: the same members, counted once.
  const ages = [
    ['children', shop.childrenReached, 'kinderen (0-17)', 'children (0-17)'],
    ['adults', people.people - shop.childrenReached, 'volwassenen', 'adults'],
  ] as const
  for (const [age, n, wordNl, wordEn] of ages)
    add('demographics.people', n, {
      key: `demographics.people.age.${age}`,
      label: withPart('demographics.people', { nl: wordNl, en: wordEn }),
      partOf: 'demographics.people',
    })
  add('demographics.participants', participants.people)
  for (const g of ['female', 'male', 'other', 'unknown'] as const)
    add('demographics.participants', participants.gender[g], {
      key: `demographics.participants.gender.${g}`,
      label: withPart('demographics.participants', {
        nl: subjectAccessNl.person.codes.gender[g],
        en: subjectAccessEn.person.codes.gender[g],
      }),
      partOf: 'demographics.participants',
    })
  for (const d of participants.decades)
    add('demographics.participants', d.n, {
      key: `demographics.participants.born.${d.decade ?? 'unknown'}`,
      label: withPart(
        'demographics.participants',
        d.decade === null
          ? { nl: 'geboortejaar onbekend', en: 'year of birth unknown' }
          : { nl: `geboren ${d.decade}-${d.decade + 9}`, en: `born ${d.decade}-${d.decade + 9}` },
      ),
      partOf: 'demographics.participants',
    })
  return rows
}

type AddRow = (
  definitionKey: DefinitionKey,
  value: number | null,
  options?: { key?: string; label?: Bilingual; partOf?: string; basis?: number },
) => void

const share = (n: number, of: number): number | null => (of > 0 ? n / of : null)

const OCCASION_WORDS = {
  trajectory: { nl: 'einde traject', en: 'end of trajectory' },
  activity: { nl: 'na een activiteit', en: 'after an activity' },
  service: { nl: 'na een dienst', en: 'after a service' },
} as const

const SIGNAL_KIND_WORDS = {
  domestic_violence: { nl: 'huiselijk geweld', en: 'domestic violence' },
  child_abuse: { nl: 'kindermishandeling', en: 'child abuse' },
  elder_abuse: { nl: 'ouderenmishandeling', en: 'elder abuse' },
  acute_need: { nl: 'acute nood', en: 'acute need' },
  neglect: { nl: 'verwaarlozing', en: 'neglect' },
  other: { nl: 'anders', en: 'other' },
} as const

const PARTY_WORDS = {
  access_team: { nl: 'Toegangsteam', en: 'access team' },
  veilig_thuis: { nl: 'Veilig Thuis', en: 'Veilig Thuis (advice and reporting centre)' },
  gp: { nl: 'huisarts', en: 'GP' },
  police: { nl: 'wijkagent', en: 'community police officer' },
  school: { nl: 'school', en: 'school' },
  other: { nl: 'anders', en: 'other' },
} as const

/** The rows of the section 'outcomes'. */
function outcomeRows(o: OutcomeFigures, add: AddRow): void {
  const s = o.satisfaction
  add('outcomes.responses', s.responses)
  for (const b of s.byOccasion)
    add('outcomes.responses', b.responses, {
      key: `outcomes.responses.${b.occasion}`,
      label: withPart('outcomes.responses', OCCASION_WORDS[b.occasion]),
      partOf: 'outcomes.responses',
    })
  add('outcomes.responseRate', share(s.answered, s.invited))
  add('outcomes.meanMark', s.meanMark, { basis: s.responses })
  for (const b of s.byOccasion)
    if (b.responses > 0)
      add('outcomes.meanMark', b.meanMark, {
        key: `outcomes.meanMark.${b.occasion}`,
        label: withPart('outcomes.meanMark', OCCASION_WORDS[b.occasion]),
        basis: b.responses,
      })
  add('outcomes.satisfied', share(s.satisfied, s.responses), { basis: s.responses })
  for (const q of s.statements)
    add('outcomes.statement', q.mean, {
      key: `outcomes.statement.${q.questionId}`,
      label: { nl: `Stelling (score 1-5): ${q.text}`, en: `Statement (score 1-5): ${q.text}` },
      basis: q.n,
    })

  const g = o.goals
  const closed = g.realised + g.partlyRealised + g.notRealised
  add('outcomes.goalsClosed', closed)
  const outcomes = [
    ['realised', g.realised, 'gerealiseerd', 'realised'],
    ['partly', g.partlyRealised, 'deels gerealiseerd', 'partly realised'],
    ['not', g.notRealised, 'niet gerealiseerd', 'not realised'],
  ] as const
  for (const [key, n, nl, en] of outcomes)
    add('outcomes.goalsClosed', n, {
      key: `outcomes.goalsClosed.${key}`,
      label: withPart('outcomes.goalsClosed', { nl, en }),
      partOf: 'outcomes.goalsClosed',
    })
  add('outcomes.goalsRealised', share(g.realised, closed))

  const t = o.trajectories
  add('outcomes.trajectoriesEnded', t.ended)
  add('outcomes.dropout', share(t.droppedOut, t.ended))
  const programme = (p: { programmeId: number | null; name: string }) =>
    p.programmeId === null ? { nl: 'geen programma', en: 'no programme' } : both(p.name)
  add('outcomes.trajectoryDaysMedian', t.daysMedian)
  for (const p of t.byProgramme)
    if (p.ended > 0)
      add('outcomes.trajectoryDaysMedian', p.daysMedian, {
        key: `outcomes.trajectoryDaysMedian.${p.programmeId ?? 'none'}`,
        label: withPart('outcomes.trajectoryDaysMedian', programme(p)),
      })
  add('outcomes.trajectoryDaysMean', t.daysMean)
  for (const p of t.byProgramme)
    if (p.intakes > 0)
      add('outcomes.waitingByProgramme', p.waitingMedian, {
        key: `outcomes.waitingByProgramme.${p.programmeId ?? 'none'}`,
        label: withPart('outcomes.waitingByProgramme', programme(p)),
      })

  const c = o.careSignals
  add('outcomes.careSignals', c.subjects)
  // Per kind each household or person once, so the kinds need not add up to the total.
  for (const kind of CARE_SIGNAL_KINDS)
    add('outcomes.careSignals', c.byKind[kind], {
      key: `outcomes.careSignals.${kind}`,
      label: withPart('outcomes.careSignals', SIGNAL_KIND_WORDS[kind]),
    })
  for (const party of CARE_SIGNAL_PARTIES)
    add('outcomes.careSignalParties', c.byParty[party], {
      key: `outcomes.careSignalParties.${party}`,
      label: withPart('outcomes.careSignalParties', PARTY_WORDS[party]),
    })

  add('outcomes.householdsSinceStart', o.sinceStart.households)
  add('outcomes.participantsSinceStart', o.sinceStart.participants)
}

/** Under this many answers a mean or share is not shown outside the organisation. */
const ANSWERS_FLOOR = STATEMENT_MIN_N

function sum(values: number[]): number {
  return values.reduce((n, v) => n + v, 0)
}

/**
 * This period's rows with last year's beside them. A row only one of the two periods has (a
 * destination first used this year) shows 0 for the other where its breakdown counts, after the
 * rows of its breakdown, so the two columns each still add up to their totals.
 */
export function mergeYears(
  now: Row[],
  before: Row[],
): (Row & { lastYear: number | null; lastYearBasis?: number })[] {
  const last = new Map(before.map((r) => [r.key, r]))
  const merged = now.map((r) => ({
    ...r,
    lastYear: last.get(r.key)?.value ?? (r.partOf !== null ? 0 : null),
    ...(last.get(r.key)?.basis === undefined ? {} : { lastYearBasis: last.get(r.key)?.basis }),
  }))
  const seen = new Set(now.map((r) => r.key))
  for (const r of before) {
    if (seen.has(r.key)) continue
    let at = -1
    merged.forEach((m, i) => {
      if (m.definitionKey === r.definitionKey && m.partOf === r.partOf) at = i
    })
    const { basis, ...rest } = r
    const row = {
      ...rest,
      value: r.partOf !== null ? 0 : null,
      lastYear: r.value,
      ...(basis === undefined ? {} : { lastYearBasis: basis }),
    }
    if (at < 0) merged.push(row)
    else merged.splice(at + 1, 0, row)
  }
  return merged
}

export interface BuildInput {
  now: RawFigures
  lastYear: RawFigures
  /** Targets of the subsidy year and area, by figure key. */
  targets: ReadonlyMap<string, number>
  /** Share of the subsidy year the period covers; null when it runs over two years. */
  yearShare: number | null
  explanations: ReadonlyMap<string, string>
  smallCellThreshold: number
  deviationPercent: number
}

function round1(n: number): number {
  return Math.round(n * 10) / 10
}

/**
 * Every figure of the report with last year, the target, the deviation and the small-cell marks.
 * A target is set for the whole subsidy year. For part of a year an additive figure's target is
 * taken pro rata (a quarter's visits against a quarter of the year's; hours by the whole months
 * they are counted over), and a share, a median or a mean is compared as set. A count of unique
 * people over part of a year (households reached) is not a share of the year's: its target is
 * shown for the whole year, without a deviation to explain.
 */
export function buildFigures(input: BuildInput): SubsidyFigure[] {
  const rows = mergeYears(rowsOf(input.now), rowsOf(input.lastYear))
  const share = input.yearShare
  const partial = share !== null && share < 1
  const monthShare = input.now.volunteers.months.count / 12
  const figures = rows.map((r): SubsidyFigure => {
    const def = DEFINITIONS[r.definitionKey]
    const base = share === null ? null : (input.targets.get(r.key) ?? null)
    const target =
      base === null || !partial || !def.additive
        ? base
        : round1(base * (def.wholeMonths ? monthShare : share))
    const comparable = !partial || def.additive || (def.unit !== 'people' && def.unit !== 'count')
    const deviation =
      !comparable || target === null || target === 0 || r.value === null
        ? null
        : (r.value - target) / target
    return {
      key: r.key,
      section: def.section,
      label: r.label,
      definitionKey: r.definitionKey,
      version: def.version,
      unit: def.unit,
      partOf: r.partOf,
      value: r.value,
      lastYear: r.lastYear,
      target,
      targetBase: base,
      deviation,
      needsExplanation:
        deviation !== null && Math.abs(deviation) * 100 > input.deviationPercent + 1e-9,
      explanation: input.explanations.get(r.key) ?? null,
      hidden: { value: false, lastYear: false },
      ...(r.basis === undefined && r.lastYearBasis === undefined
        ? {}
        : { basis: { value: r.basis ?? null, lastYear: r.lastYearBasis ?? null } }),
    }
  })
  suppressSmallCells(figures, input.smallCellThreshold, ANSWERS_FLOOR)
  return figures
}

/** The definitions the figures used, once each, in the order of the figures. */
export function definitionsOf(figures: readonly SubsidyFigure[]): FigureDefinition[] {
  const keys = [...new Set(figures.map((f) => f.definitionKey))] as DefinitionKey[]
  return keys.map((key) => ({
    key,
    version: DEFINITIONS[key].version,
    label: DEFINITIONS[key].label,
    text: DEFINITIONS[key].text,
  }))
}

/** The months of a period with visits and hours (0 for a month without), for the charts. */
export function monthsOf(
  from: string,
  to: string,
  visits: { month: string; visits: number }[],
  hours: { month: string; hours: number }[],
): MonthFigure[] {
  const out: MonthFigure[] = []
  const v = new Map(visits.map((r) => [r.month, r.visits]))
  const h = new Map(hours.map((r) => [r.month, r.hours]))
  let [y, m] = from.slice(0, 7).split('-').map(Number)
  const last = to.slice(0, 7)
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`
    if (month > last) break
    out.push({ month, visits: v.get(month) ?? 0, hours: h.get(month) ?? 0 })
    m += 1
    if (m > 12) {
      m = 1
      y += 1
    }
  }
  return out
}
