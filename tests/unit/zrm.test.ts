import { describe, expect, it } from 'vitest'
import {
  LADDER_STEPS,
  ZRM11_DOMAINS,
  ZRM13_DOMAINS,
  ZRM13_TO_11,
  ZRM_DOMAINS,
  ZRM_LABELS_EN,
  ZRM_LABELS_NL,
  ZRM_SCORES,
  domainsOf,
  isDomainOf,
  progressScores,
  scoresOn11,
} from '../../src/shared/zrm'

describe('the self-reliance matrix as the app ships it', () => {
  it('has the 11 domains the organisation scores, by their Dutch names', () => {
    expect(ZRM11_DOMAINS.map((d) => ZRM_LABELS_NL.domains[d])).toEqual([
      'Financiën',
      'Dagbesteding',
      'Huisvesting',
      'Huiselijke relaties',
      'Geestelijke gezondheid',
      'Lichamelijke gezondheid',
      'Verslaving',
      'Activiteiten dagelijks leven',
      'Sociaal netwerk',
      'Maatschappelijke participatie',
      'Justitie',
    ])
  })

  it('offers the 13 domains of ZRM 2017, each mapped onto one of the 11', () => {
    expect(ZRM13_DOMAINS).toHaveLength(13)
    expect(new Set(ZRM13_DOMAINS).size).toBe(13)
    for (const d of ZRM13_DOMAINS) expect(ZRM11_DOMAINS).toContain(ZRM13_TO_11[d])
    // Every one of the 11 is reached, so progress over 2017 measurements covers all of them.
    expect(new Set(Object.values(ZRM13_TO_11))).toEqual(new Set(ZRM11_DOMAINS))
    expect(ZRM13_TO_11.work_education).toBe('daytime')
    expect(ZRM13_TO_11.time_use).toBe('daytime')
    expect(ZRM13_TO_11.basic_adl).toBe('adl')
    expect(ZRM13_TO_11.instrumental_adl).toBe('adl')
    expect(ZRM13_TO_11.substance_use).toBe('addiction')
  })

  it('knows which domains belong to which version', () => {
    expect(domainsOf('zrm11')).toBe(ZRM11_DOMAINS)
    expect(domainsOf('zrm13')).toBe(ZRM13_DOMAINS)
    expect(isDomainOf('zrm11', 'daytime')).toBe(true)
    expect(isDomainOf('zrm13', 'daytime')).toBe(false)
    expect(isDomainOf('zrm13', 'basic_adl')).toBe(true)
    expect(isDomainOf('zrm11', 'basic_adl')).toBe(false)
  })

  it('maps a 2017 measurement onto the 11 domains, taking the lower score where two meet', () => {
    expect(
      scoresOn11('zrm13', [
        { domain: 'work_education', score: 4 },
        { domain: 'time_use', score: 2 },
        { domain: 'basic_adl', score: 5 },
        { domain: 'finances', score: 1 },
      ]),
    ).toEqual({ daytime: 2, adl: 5, finances: 1 })
    expect(scoresOn11('zrm11', [{ domain: 'housing', score: 3 }])).toEqual({ housing: 3 })
  })

  it('keeps a measurement on the 11 as one character per domain, a dash where not scored', () => {
    expect(
      progressScores('zrm13', [
        { domain: 'finances', score: 2 },
        { domain: 'work_education', score: 4 },
        { domain: 'time_use', score: 3 },
        { domain: 'justice', score: 5 },
      ]),
    ).toBe('23--------5')
    expect(progressScores('zrm11', [{ domain: 'adl', score: 1 }])).toBe('-------1---')
  })

  it('has a label in Dutch and English for every domain, score, ladder step and version', () => {
    for (const labels of [ZRM_LABELS_NL, ZRM_LABELS_EN]) {
      for (const d of ZRM_DOMAINS) expect(labels.domains[d]).toBeTruthy()
      for (const s of ZRM_SCORES) expect(labels.scores[`${s}`]).toBeTruthy()
      for (const s of LADDER_STEPS) expect(labels.ladder[`${s}`]).toBeTruthy()
      expect(Object.keys(labels.domains)).toHaveLength(ZRM_DOMAINS.length)
    }
    expect(ZRM_LABELS_NL.scores['1']).toBe('Acute problematiek')
    expect(ZRM_LABELS_NL.scores['5']).toBe('Volledig zelfredzaam')
    expect(ZRM_LABELS_NL.ladder['1']).toBe('Geïsoleerd')
    expect(ZRM_LABELS_NL.ladder['6']).toBe('Betaald werk')
  })

  it('ships names and labels only, no per-score criteria texts', () => {
    // A criterion is a sentence; a label is a few words. Nothing longer than a short label.
    for (const labels of [ZRM_LABELS_NL, ZRM_LABELS_EN])
      for (const group of Object.values(labels))
        for (const text of Object.values(group as Record<string, string>))
          expect(text.length).toBeLessThan(45)
  })
})
