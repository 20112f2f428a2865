import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  compareExcluded,
  compareRanked,
  countsFromNumbers,
  countsOf,
  evaluate,
  exclusionReasons,
  numbersOf,
  partTenths,
  placeKey,
  proposalMask,
  reasonCount,
  totalTenths,
  type PersonFacts,
  type VacancyFacts,
} from '../../src/main/domains/volunteers/matching-score'
import {
  DEFAULT_MATCH_WEIGHTS,
  halfDaysToMask,
  maskToHalfDays,
  SCORE_PARTS,
  type MatchWeights,
} from '../../src/shared/schemas/volunteers-matching'
import { matchingText } from '../../src/shared/matching-text'
import { labelsT } from '../../src/main/i18n'

const TODAY = '2026-06-15'
const W = DEFAULT_MATCH_WEIGHTS

const KOKEN = { id: 1, name: 'Koken' }
const KASSA = { id: 2, name: 'Verkoop en kassa' }
const ADMIN = { id: 3, name: 'Administratie' }
const WINKEL = { id: 11, name: 'Winkel' }
const MENSEN = { id: 12, name: 'Mensen helpen' }
const TAAL = { id: 21, name: 'Nederlandse taal' }
const SOCIAAL = { id: 22, name: 'Sociale vaardigheden' }

function person(over: Partial<PersonFacts> = {}): PersonFacts {
  return {
    id: 7,
    left: false,
    place: 'Zwolle',
    waitingSince: '2026-01-01',
    hasIntake: true,
    mask: halfDaysToMask([
      { weekday: 2, part: 'morning' },
      { weekday: 4, part: 'morning' },
    ]),
    skillIds: new Set([KOKEN.id, KASSA.id]),
    interestIds: new Set([WINKEL.id]),
    learningGoalIds: new Set([TAAL.id, SOCIAAL.id]),
    limitations: [],
    otherPlacements: [],
    placementHere: null,
    ...over,
  }
}

function vacancy(over: Partial<VacancyFacts> = {}): VacancyFacts {
  return {
    id: 3,
    active: true,
    place: 'zwolle ',
    places: 2,
    taken: 0,
    mask: halfDaysToMask([
      { weekday: 2, part: 'morning' },
      { weekday: 2, part: 'afternoon' },
    ]),
    demands: ['standing'],
    skills: [KOKEN, KASSA, ADMIN],
    interests: [WINKEL, MENSEN],
    learningGoals: [TAAL],
    ...over,
  }
}

const nl = labelsT('nl')
const en = labelsT('en')

describe('the score parts', () => {
  it('counts each part from the facts, with the weights as the most points', () => {
    const r = evaluate(person(), vacancy(), W, TODAY)
    const points = Object.fromEntries(r.parts.map((p) => [p.part, p.points]))
    // 2 of 3 skills of 30; 1 shared interest of the shorter list (1) of 15; 1 of 2 goals of 20;
    // 1 of 2 half-days of 15; the same place (case and spaces do not count) 10; 165 of 365
    // days of 10.
    expect(points).toEqual({
      skills: 20,
      interests: 15,
      learningGoals: 10,
      availability: 7.5,
      samePlace: 10,
      waiting: 4.5,
    })
    expect(r.parts.map((p) => p.max)).toEqual([30, 15, 20, 15, 10, 10])
    expect(r.score).toBe(67)
    expect(r.waitingDays).toBe(165)
  })

  it('gives the skills in full to a place that asks none, and nothing for what is not recorded', () => {
    const r = evaluate(
      person({ interestIds: new Set(), learningGoalIds: new Set(), place: null }),
      vacancy({ skills: [] }),
      W,
      TODAY,
    )
    const byPart = Object.fromEntries(r.parts.map((p) => [p.part, p]))
    expect(byPart.skills.points).toBe(30)
    expect(byPart.skills.text.key).toBe('matching.parts.skillsNoneAsked')
    expect(byPart.interests.points).toBe(0)
    expect(byPart.interests.text.key).toBe('matching.parts.interestsPersonNone')
    expect(byPart.learningGoals.points).toBe(0)
    expect(byPart.learningGoals.text.key).toBe('matching.parts.goalsPersonNone')
    expect(byPart.samePlace.points).toBe(0)
    expect(byPart.samePlace.text.key).toBe('matching.parts.samePlaceUnknown')
  })

  it('lets waiting count in full from the set number of days, and says since when', () => {
    const long = evaluate(person({ waitingSince: '2024-01-01' }), vacancy(), W, TODAY)
    expect(long.parts.find((p) => p.part === 'waiting')!.points).toBe(10)
    const noIntake = evaluate(
      person({ hasIntake: false, waitingSince: '2026-06-14' }),
      vacancy(),
      W,
      TODAY,
    )
    const waiting = noIntake.parts.find((p) => p.part === 'waiting')!
    expect(waiting.text.key).toBe('matching.parts.waitingRegistration')
    expect(matchingText(nl, waiting.text)).toBe(
      'Nog geen intake; wacht 1 dag sinds de aanmelding (14-06-2026).',
    )
  })

  it('counts half-days held by another placement as not free, and says which', () => {
    const r = evaluate(
      person({
        mask: halfDaysToMask([
          { weekday: 2, part: 'morning' },
          { weekday: 2, part: 'afternoon' },
        ]),
        otherPlacements: [
          {
            placementId: 9,
            vacancyId: 4,
            vacancyTitle: 'Kassa',
            mask: halfDaysToMask([{ weekday: 2, part: 'afternoon' }]),
          },
        ],
      }),
      vacancy(),
      W,
      TODAY,
    )
    const part = r.parts.find((p) => p.part === 'availability')!
    expect(part.points).toBe(7.5)
    expect(matchingText(nl, part.text)).toBe(
      'Kan op 1 van de 2 dagdelen die de plek vraagt: dinsdagochtend. Al bezet door een andere koppeling: dinsdagmiddag.',
    )
    // Not excluded: one shared half-day is still free, and a proposal takes that one.
    expect(r.reasons).toEqual([])
    expect(r.halfDays).toEqual([{ weekday: 2, part: 'morning' }])
  })

  it('lists under "ontbreekt" the skills and half-days the place asks that the person lacks', () => {
    const r = evaluate(person(), vacancy(), W, TODAY)
    expect(r.missing).toEqual({
      skills: [ADMIN],
      halfDays: [{ weekday: 2, part: 'afternoon' }],
    })
  })

  it('says every part in Dutch and in English, with the names and numbers filled in', () => {
    const r = evaluate(person(), vacancy(), W, TODAY)
    expect(r.parts.map((p) => matchingText(nl, p.text))).toEqual([
      'Heeft 2 van de 3 gevraagde vaardigheden: Koken, Verkoop en kassa.',
      'Gedeelde interesse: Winkel.',
      'De plek biedt 1 van de 2 leerdoelen: Nederlandse taal.',
      'Kan op 1 van de 2 dagdelen die de plek vraagt: dinsdagochtend.',
      'Woont in Zwolle, waar de plek is.',
      'Wacht 165 dagen sinds de intake (01-01-2026).',
    ])
    expect(matchingText(en, r.parts[0].text)).toBe(
      'Has 2 of the 3 skills asked for: Koken, Verkoop en kassa.',
    )
  })
})

describe('the hard filters', () => {
  it('passes a candidate that fits', () => {
    expect(exclusionReasons(person(), vacancy())).toEqual([])
  })

  it('gives every reason that applies, each with its own sentence', () => {
    const p = person({
      left: true,
      mask: halfDaysToMask([{ weekday: 5, part: 'evening' }]),
      limitations: [
        { id: 31, name: 'Niet tillen', demand: 'lifting' },
        { id: 32, name: 'Niet lang staan', demand: 'standing' },
        { id: 33, name: 'Geen avonden', demand: 'evening' },
      ],
    })
    const v = vacancy({ active: false, places: 1, taken: 1, demands: ['lifting', 'standing'] })
    const reasons = exclusionReasons(p, v)
    expect(reasons.map((r) => r.code)).toEqual([
      'personLeft',
      'vacancyInactive',
      'noSharedHalfDay',
      'limitation',
      'limitation',
      'noPlacesLeft',
    ])
    expect(reasons.map((r) => matchingText(nl, r.text))).toEqual([
      'De deelnemer is uitgestroomd.',
      'De plek staat niet open (niet actief).',
      'Geen enkel dagdeel gemeenschappelijk met wat de plek vraagt.',
      'Beperking ‘Niet tillen’ past niet bij wat de plek vraagt: tillen.',
      'Beperking ‘Niet lang staan’ past niet bij wat de plek vraagt: lang staan.',
      'Geen plaats meer vrij: 1 van de 1 plaatsen zijn bezet.',
    ])
    expect(matchingText(en, reasons[3].text)).toBe(
      'Limitation ‘Niet tillen’ does not fit what the place asks: lifting.',
    )
  })

  it('refuses a double booking when every shared half-day is held elsewhere', () => {
    const other = {
      placementId: 9,
      vacancyId: 4,
      vacancyTitle: 'Kringloop',
      mask: halfDaysToMask([
        { weekday: 2, part: 'morning' },
        { weekday: 3, part: 'morning' },
      ]),
    }
    const reasons = exclusionReasons(person({ otherPlacements: [other] }), vacancy())
    expect(reasons.map((r) => r.code)).toEqual(['doubleBooked'])
    expect(matchingText(nl, reasons[0].text)).toBe(
      'Al gekoppeld aan ‘Kringloop’ op dinsdagochtend.',
    )
    // Half-days picked by hand collide as soon as one of them is held.
    const picked = halfDaysToMask([{ weekday: 2, part: 'morning' }])
    const p2 = person({
      mask: halfDaysToMask([
        { weekday: 2, part: 'morning' },
        { weekday: 2, part: 'afternoon' },
      ]),
      otherPlacements: [other],
    })
    expect(exclusionReasons(p2, vacancy())).toEqual([])
    expect(exclusionReasons(p2, vacancy(), picked).map((r) => r.code)).toEqual(['doubleBooked'])
  })

  it('does not count the person’s own placement here as a place taken from them', () => {
    const p = person({ placementHere: { id: 5, step: 'trial' } })
    const reasons = exclusionReasons(p, vacancy({ places: 1, taken: 1 }))
    expect(reasons.map((r) => r.code)).toEqual(['alreadyHere'])
    expect(matchingText(nl, reasons[0].text)).toBe(
      'Al gekoppeld aan deze plek (stap: Proefperiode).',
    )
  })
})

describe('the order', () => {
  it('breaks equal scores by the longest wait, then the lowest id', () => {
    const rows = [
      { id: 4, tenths: 500, waitingDays: 10 },
      { id: 2, tenths: 500, waitingDays: 30 },
      { id: 3, tenths: 600, waitingDays: 1 },
      { id: 1, tenths: 500, waitingDays: 10 },
    ]
    expect([...rows].sort(compareRanked).map((r) => r.id)).toEqual([3, 2, 1, 4])
  })

  it('puts the nearest misses first among the excluded', () => {
    const rows = [
      { id: 1, reasons: 2, tenths: 900, waitingDays: 10 },
      { id: 2, reasons: 1, tenths: 100, waitingDays: 10 },
    ]
    expect([...rows].sort(compareExcluded).map((r) => r.id)).toEqual([2, 1])
  })
})

// --- Properties --------------------------------------------------------------------------------

const optionIds = fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { maxLength: 8 })
const mask = fc.integer({ min: 0, max: 2 ** 21 - 1 })
const day = fc
  .integer({ min: 0, max: 4000 })
  .map((n) => new Date(Date.UTC(2016, 0, 1) + n * 864e5).toISOString().slice(0, 10))
const ref = (id: number): { id: number; name: string } => ({ id, name: `Optie ${id}` })

const personArb: fc.Arbitrary<PersonFacts> = fc.record({
  id: fc.integer({ min: 1, max: 1000 }),
  left: fc.boolean(),
  place: fc.constantFrom(null, 'Zwolle', 'Kampen', 'ZWOLLE'),
  waitingSince: day,
  hasIntake: fc.boolean(),
  mask,
  skillIds: optionIds.map((a) => new Set(a)),
  interestIds: optionIds.map((a) => new Set(a)),
  learningGoalIds: optionIds.map((a) => new Set(a)),
  limitations: fc.array(
    fc.record({
      id: fc.integer({ min: 1, max: 99 }),
      name: fc.constant('Beperking'),
      demand: fc.constantFrom(null, 'lifting', 'standing', 'evening'),
    }),
    { maxLength: 3 },
  ),
  otherPlacements: fc.array(
    fc.record({
      placementId: fc.integer({ min: 1, max: 99 }),
      vacancyId: fc.integer({ min: 1, max: 99 }),
      vacancyTitle: fc.constant('Elders'),
      mask,
    }),
    { maxLength: 3 },
  ),
  placementHere: fc.option(
    fc.record({ id: fc.integer({ min: 1, max: 99 }), step: fc.constant('proposed') }),
    { nil: null },
  ),
})

const vacancyArb: fc.Arbitrary<VacancyFacts> = fc.record({
  id: fc.integer({ min: 1, max: 1000 }),
  active: fc.boolean(),
  place: fc.constantFrom(null, 'Zwolle', 'Kampen'),
  places: fc.integer({ min: 1, max: 5 }),
  taken: fc.integer({ min: 0, max: 6 }),
  mask,
  demands: fc.uniqueArray(fc.constantFrom('lifting', 'standing', 'evening', 'walking')),
  skills: optionIds.map((a) => a.map(ref)),
  interests: optionIds.map((a) => a.map(ref)),
  learningGoals: optionIds.map((a) => a.map(ref)),
})

const weightsArb: fc.Arbitrary<MatchWeights> = fc.record({
  skills: fc.integer({ min: 0, max: 100 }),
  interests: fc.integer({ min: 0, max: 100 }),
  learningGoals: fc.integer({ min: 0, max: 100 }),
  availability: fc.integer({ min: 0, max: 100 }),
  samePlace: fc.integer({ min: 0, max: 100 }),
  waiting: fc.integer({ min: 0, max: 100 }),
  waitingFullDays: fc.integer({ min: 1, max: 3650 }),
})

describe('properties of the score', () => {
  it('is the sum of its parts, each between 0 and its weight', () => {
    fc.assert(
      fc.property(personArb, vacancyArb, weightsArb, (p, v, w) => {
        const r = evaluate(p, v, w, TODAY)
        let sum = 0
        for (const part of r.parts) {
          expect(part.points).toBeGreaterThanOrEqual(0)
          expect(part.points).toBeLessThanOrEqual(part.max)
          expect(part.max).toBe(w[part.part])
          sum += Math.round(part.points * 10)
        }
        expect(r.parts.map((x) => x.part)).toEqual([...SCORE_PARTS])
        expect(Math.round(r.score * 10)).toBe(sum)
        // The list is ranked on counts alone: the same number as the full explanation.
        expect(totalTenths(countsOf(p, v, TODAY), w)).toBe(sum)
      }),
    )
  })

  it('never drops when the person gains a skill the place asks for', () => {
    fc.assert(
      fc.property(personArb, vacancyArb, weightsArb, (p, v, w) => {
        const missing = v.skills.find((s) => !p.skillIds.has(s.id))
        fc.pre(!!missing)
        const more = { ...p, skillIds: new Set([...p.skillIds, missing!.id]) }
        const before = partTenths(countsOf(p, v, TODAY), w)
        const after = partTenths(countsOf(more, v, TODAY), w)
        expect(after.skills).toBeGreaterThanOrEqual(before.skills)
        expect(totalTenths(countsOf(more, v, TODAY), w)).toBeGreaterThanOrEqual(
          totalTenths(countsOf(p, v, TODAY), w),
        )
      }),
    )
  })

  it('excludes exactly when a filter says so, and names each limitation against a demand', () => {
    fc.assert(
      fc.property(personArb, vacancyArb, (p, v) => {
        const codes = exclusionReasons(p, v).map((r) => r.code)
        expect(codes.includes('noSharedHalfDay')).toBe((p.mask & v.mask) === 0)
        expect(codes.includes('personLeft')).toBe(p.left)
        expect(codes.includes('vacancyInactive')).toBe(!v.active)
        expect(codes.includes('alreadyHere')).toBe(p.placementHere !== null)
        const against = p.limitations.filter((l) => l.demand && v.demands.includes(l.demand))
        expect(codes.filter((c) => c === 'limitation')).toHaveLength(against.length)
        const shared = p.mask & v.mask
        const held = p.otherPlacements.reduce((m, o) => m | (o.mask & shared), 0)
        expect(codes.includes('doubleBooked')).toBe(shared !== 0 && (shared & ~held) === 0)
      }),
    )
  })

  it('proposes half-days of the vacancy, the free shared ones when there are any', () => {
    fc.assert(
      fc.property(personArb, vacancyArb, (p, v) => {
        fc.pre(v.mask !== 0)
        const m = proposalMask(p, v)
        expect(m & ~v.mask).toBe(0)
        expect(m).not.toBe(0)
        const shared = p.mask & v.mask
        const held = p.otherPlacements.reduce((acc, o) => acc | o.mask, 0)
        if (shared & ~held) expect(m).toBe(shared & ~held)
      }),
    )
  })

  it('always has words for its sentences, in both languages', () => {
    fc.assert(
      fc.property(personArb, vacancyArb, (p, v) => {
        const r = evaluate(p, v, W, TODAY)
        for (const t of [nl, en])
          for (const e of [...r.parts.map((x) => x.text), ...r.reasons.map((x) => x.text)]) {
            const text = matchingText(t, e)
            expect(text).not.toMatch(/\{\{|matching\.|undefined/)
            expect(text.length).toBeGreaterThan(5)
          }
      }),
      { numRuns: 200 },
    )
  })

  it('orders any list the same whatever order it came in', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            id: fc.integer({ min: 1, max: 500 }),
            tenths: fc.integer({ min: 0, max: 20 }),
            waitingDays: fc.integer({ min: 0, max: 5 }),
          }),
          { selector: (r) => r.id, maxLength: 30 },
        ),
        (rows) => {
          const a = [...rows].sort(compareRanked)
          const b = [...rows].reverse().sort(compareRanked)
          expect(b).toEqual(a)
        },
      ),
    )
  })

  it('keeps half-days as bits without losing one', () => {
    fc.assert(
      fc.property(mask, (m) => {
        expect(halfDaysToMask(maskToHalfDays(m))).toBe(m)
      }),
    )
  })
})

describe('the list and the explanation agree', () => {
  it('ranks on the numbers exactly as the full facts score and exclude', () => {
    fc.assert(
      fc.property(personArb, vacancyArb, weightsArb, (p, v, w) => {
        const n = numbersOf(p, v, TODAY)
        // What the set-based read of a whole list gives, and what one candidate's facts give.
        expect(reasonCount(n, v)).toBe(exclusionReasons(p, v).length)
        expect(totalTenths(countsFromNumbers(n, v, placeKey(v.place)), w)).toBe(
          Math.round(evaluate(p, v, w, TODAY).score * 10),
        )
      }),
      { numRuns: 500 },
    )
  })
})
