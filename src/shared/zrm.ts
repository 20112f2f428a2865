import { lowerFirst } from './i18n/words'

/**
 * The self-reliance matrix (zelfredzaamheidsmatrix, ZRM) and the participation ladder, as codes.
 *
 * Only the domain names, the five score labels and the ladder's six steps ship with the app; the
 * ZRM's per-score criteria texts belong to the ZRM's owner and are left out on purpose. Each
 * measurement records the version it was scored in: 'zrm11' (the 11 domains the organisation
 * scores, the default) or 'zrm13' (the 13 domains of ZRM 2017). Progress is compared on the 11
 * domains, with 2017 scores mapped as stated in `ZRM13_TO_11`.
 */

export const ZRM_VERSIONS = ['zrm11', 'zrm13'] as const
export type ZrmVersion = (typeof ZRM_VERSIONS)[number]
export const DEFAULT_ZRM_VERSION: ZrmVersion = 'zrm11'

/** The 11 domains, in the order the matrix lists them. */
export const ZRM11_DOMAINS = [
  'finances',
  'daytime',
  'housing',
  'domestic_relations',
  'mental_health',
  'physical_health',
  'addiction',
  'adl',
  'social_network',
  'participation',
  'justice',
] as const
export type Zrm11Domain = (typeof ZRM11_DOMAINS)[number]

/**
 * The 13 domains of ZRM 2017: daytime activity split into work & education and use of time,
 * addiction renamed substance use, and ADL split into basic and instrumental ADL.
 */
export const ZRM13_DOMAINS = [
  'finances',
  'work_education',
  'time_use',
  'housing',
  'domestic_relations',
  'mental_health',
  'physical_health',
  'substance_use',
  'basic_adl',
  'instrumental_adl',
  'social_network',
  'participation',
  'justice',
] as const
export type Zrm13Domain = (typeof ZRM13_DOMAINS)[number]

/** Every domain code of either version (a code that is in both means the same domain). */
export const ZRM_DOMAINS = [...new Set<string>([...ZRM11_DOMAINS, ...ZRM13_DOMAINS])] as (
  Zrm11Domain | Zrm13Domain
)[]
export type ZrmDomain = Zrm11Domain | Zrm13Domain

/**
 * The stated mapping from ZRM 2017 onto the 11 domains. Where two 2017 domains become one (work
 * & education and use of time onto daytime activity; basic and instrumental ADL onto ADL), the
 * lower of the two scores counts: the matrix rates a person by the most pressing problem.
 */
export const ZRM13_TO_11: Readonly<Record<Zrm13Domain, Zrm11Domain>> = {
  finances: 'finances',
  work_education: 'daytime',
  time_use: 'daytime',
  housing: 'housing',
  domestic_relations: 'domestic_relations',
  mental_health: 'mental_health',
  physical_health: 'physical_health',
  substance_use: 'addiction',
  basic_adl: 'adl',
  instrumental_adl: 'adl',
  social_network: 'social_network',
  participation: 'participation',
  justice: 'justice',
}

export function domainsOf(version: ZrmVersion): readonly ZrmDomain[] {
  return version === 'zrm13' ? ZRM13_DOMAINS : ZRM11_DOMAINS
}

export function isDomainOf(version: ZrmVersion, domain: string): boolean {
  return (domainsOf(version) as readonly string[]).includes(domain)
}

/** The 11-domain code a domain of `version` counts under. */
export function toZrm11(version: ZrmVersion, domain: ZrmDomain): Zrm11Domain {
  return version === 'zrm13' ? ZRM13_TO_11[domain as Zrm13Domain] : (domain as Zrm11Domain)
}

/**
 * A measurement's scores on the 11 domains: 2017 scores mapped by `ZRM13_TO_11`, the lower one
 * where two meet. Domains not scored stay absent.
 */
export function scoresOn11(
  version: ZrmVersion,
  scores: readonly { domain: string; score: number }[],
): Partial<Record<Zrm11Domain, number>> {
  const out: Partial<Record<Zrm11Domain, number>> = {}
  for (const s of scores) {
    if (!isDomainOf(version, s.domain)) continue
    const d = toZrm11(version, s.domain as ZrmDomain)
    const had = out[d]
    out[d] = had === undefined ? s.score : Math.min(had, s.score)
  }
  return out
}

/**
 * A measurement's scores on the 11 domains as stored beside it for the figures
 * (`measurement.progress_scores`, migration 0015): one character per domain of `ZRM11_DOMAINS`
 * in order, the score 1-5 or '-' where the domain was not scored. Progress over ten years is
 * then read from the measurements alone, not from every score row.
 */
export function progressScores(
  version: ZrmVersion,
  scores: readonly { domain: string; score: number }[],
): string {
  const on11 = scoresOn11(version, scores)
  return ZRM11_DOMAINS.map((d) => (on11[d] === undefined ? '-' : String(on11[d]))).join('')
}

/** Scores 1 (acute problems) to 5 (fully self-reliant). */
export const ZRM_SCORES = [1, 2, 3, 4, 5] as const
export type ZrmScore = (typeof ZRM_SCORES)[number]

/** The participation ladder: trede 1 (isolated) to 6 (paid work). A setting, off by default. */
export const LADDER_STEPS = [1, 2, 3, 4, 5, 6] as const
export type LadderStep = (typeof LADDER_STEPS)[number]

/** When a measurement was taken in the trajectory. */
export const MEASUREMENT_MOMENTS = ['intake', 'reassessment', 'end'] as const
export type MeasurementMoment = (typeof MEASUREMENT_MOMENTS)[number]

/**
 * Labels as the shared i18n namespace `zrm` holds them (see `src/shared/i18n`): domain names,
 * score labels, ladder steps, versions and moments. Names and labels only, never criteria.
 */
export interface ZrmLabels {
  versions: Record<ZrmVersion, string>
  domains: Record<ZrmDomain, string>
  scores: Record<`${ZrmScore}`, string>
  ladder: Record<`${LadderStep}`, string>
  moments: Record<MeasurementMoment, string>
}

export const ZRM_LABELS_NL: ZrmLabels = {
  versions: { zrm11: 'ZRM (11 domeinen)', zrm13: 'ZRM 2017 (13 domeinen)' },
  domains: {
    finances: 'Financiën',
    daytime: 'Dagbesteding',
    work_education: 'Werk & opleiding',
    time_use: 'Tijdsbesteding',
    housing: 'Huisvesting',
    domestic_relations: 'Huiselijke relaties',
    mental_health: 'Geestelijke gezondheid',
    physical_health: 'Lichamelijke gezondheid',
    addiction: 'Verslaving',
    substance_use: 'Middelengebruik',
    adl: 'Activiteiten dagelijks leven',
    basic_adl: 'Basale ADL',
    instrumental_adl: 'Instrumentele ADL',
    social_network: 'Sociaal netwerk',
    participation: 'Maatschappelijke participatie',
    justice: 'Justitie',
  },
  scores: {
    '1': 'Acute problematiek',
    '2': 'Niet zelfredzaam',
    '3': 'Beperkt zelfredzaam',
    '4': 'Voldoende zelfredzaam',
    '5': 'Volledig zelfredzaam',
  },
  ladder: {
    '1': 'Geïsoleerd',
    '2': 'Sociale contacten buiten de deur',
    '3': 'Deelname aan georganiseerde activiteiten',
    '4': 'Onbetaald werk',
    '5': 'Betaald werk met ondersteuning',
    '6': 'Betaald werk',
  },
  moments: { intake: 'Intake', reassessment: 'Herbeoordeling', end: 'Einde traject' },
}

/**
 * The audit log's names for a measurement's score fields: services write `score.<domain>`, the
 * log's field table is keyed `score_<domain>` (see `auditFieldText`). Built from the domain
 * names, so every domain of both versions has one: "score financiën".
 */
export function zrmScoreFieldLabels(
  labels: ZrmLabels,
  word: string,
): Record<`score_${ZrmDomain}`, string> {
  return Object.fromEntries(
    ZRM_DOMAINS.map((d) => [`score_${d}`, `${word} ${lowerFirst(labels.domains[d])}`]),
  ) as Record<`score_${ZrmDomain}`, string>
}

export const ZRM_LABELS_EN: ZrmLabels = {
  versions: { zrm11: 'ZRM (11 domains)', zrm13: 'ZRM 2017 (13 domains)' },
  domains: {
    finances: 'Finances',
    daytime: 'Daytime activity',
    work_education: 'Work & education',
    time_use: 'Use of time',
    housing: 'Housing',
    domestic_relations: 'Domestic relations',
    mental_health: 'Mental health',
    physical_health: 'Physical health',
    addiction: 'Addiction',
    substance_use: 'Substance use',
    adl: 'Activities of daily living',
    basic_adl: 'Basic ADL',
    instrumental_adl: 'Instrumental ADL',
    social_network: 'Social network',
    participation: 'Social participation',
    justice: 'Justice',
  },
  scores: {
    '1': 'Acute problems',
    '2': 'Not self-reliant',
    '3': 'Limited self-reliance',
    '4': 'Sufficiently self-reliant',
    '5': 'Fully self-reliant',
  },
  ladder: {
    '1': 'Isolated',
    '2': 'Social contacts outside the home',
    '3': 'Taking part in organised activities',
    '4': 'Unpaid work',
    '5': 'Paid work with support',
    '6': 'Paid work',
  },
  moments: { intake: 'Intake', reassessment: 'Re-assessment', end: 'End of trajectory' },
}
