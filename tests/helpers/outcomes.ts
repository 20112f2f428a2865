import type { MethodName } from '../../src/shared/api'
import type { TestApp } from './db'

/**
 * An invitation to the questionnaire with a form still to enter, a safety signal on a household,
 * a story and a statement (issue 17), on the given person and household.
 */
export async function outcomesFixture(
  app: TestApp,
  f: { personId: number; householdId: number },
): Promise<{
  personId: number
  householdId: number
  inviteId: number
  questionId: number
  signalId: number
  storyId: number
}> {
  const invite = await app.call('surveys.invite', {
    occasion: 'service',
    about: 'Kledingwinkel',
    invitedOn: '2026-03-02',
    invited: 20,
  })
  const [question] = await app.call('surveys.questions', {})
  const signal = await app.call('careSignals.save', {
    householdId: f.householdId,
    signalledOn: '2026-03-01',
    kind: 'acute_need',
    discussedWith: ['access_team'],
  })
  const story = await app.call('stories.save', {
    section: 'shop',
    about: 'resident',
    name: 'Mirjam',
    text: 'Mirjam vond hier een winterjas voor elk van haar kinderen.',
    toldOn: '2026-03-01',
    consentOn: '2026-03-02',
  })
  return {
    ...f,
    inviteId: invite.id,
    questionId: question.id,
    signalId: signal.id,
    storyId: story.id,
  }
}

/** One valid input per method of the outcome indicators. */
export function outcomesBases(f: {
  personId: number
  householdId: number
  inviteId: number
  questionId: number
  signalId: number
  storyId: number
}): Partial<Record<MethodName, unknown>> {
  return {
    'surveys.questions': {},
    'surveys.saveQuestion': { id: f.questionId, text: 'Ik voelde me welkom', active: true },
    'surveys.invite': { occasion: 'trajectory', personId: f.personId, invitedOn: '2026-04-01' },
    'surveys.invites': { open: true },
    'surveys.answer': {
      inviteId: f.inviteId,
      mode: 'paper',
      answeredOn: '2026-03-05',
      mark: 8,
      answers: [{ questionId: f.questionId, score: 4 }],
    },
    'surveys.removeInvite': { id: f.inviteId },
    'careSignals.list': { householdId: f.householdId },
    'careSignals.save': {
      id: f.signalId,
      householdId: f.householdId,
      signalledOn: '2026-03-01',
      kind: 'domestic_violence',
      discussedWith: ['veilig_thuis', 'other'],
      discussedOther: 'Jeugdteam',
      note: 'Besproken in het teamoverleg',
    },
    'careSignals.remove': { id: f.signalId },
    'stories.list': { from: '2026-01-01', to: '2026-12-31' },
    'stories.save': {
      id: f.storyId,
      section: 'outcomes',
      about: 'volunteer',
      name: 'Kees',
      title: 'Weer aan het werk',
      text: 'Kees vond via de winkel de weg naar een baan.',
      toldOn: '2026-03-01',
      consentOn: '2026-03-03',
      area: 'Noord',
    },
    'stories.remove': { id: f.storyId },
  }
}

/** Inputs of the right shape naming what does not exist: refused, and nothing changes. */
export function outcomesGhosts(
  base: Record<string, Record<string, unknown>>,
): [MethodName, Record<string, unknown>][] {
  return [
    ['surveys.saveQuestion', { ...base['surveys.saveQuestion'], id: 999_999 }],
    ['surveys.invite', { ...base['surveys.invite'], personId: 999_999 }],
    ['surveys.invite', { occasion: 'activity', activityId: 999_999, invitedOn: '2026-04-01' }],
    ['surveys.invites', { personId: 999_999 }],
    ['surveys.answer', { ...base['surveys.answer'], inviteId: 999_999 }],
    ['surveys.answer', { ...base['surveys.answer'], answers: [{ questionId: 999_999, score: 3 }] }],
    ['surveys.removeInvite', { id: 999_999 }],
    ['careSignals.list', { householdId: 999_999 }],
    ['careSignals.list', { personId: 999_999 }],
    ['careSignals.save', { ...base['careSignals.save'], id: 999_999 }],
    ['careSignals.save', { ...base['careSignals.save'], id: null, householdId: 999_999 }],
    ['careSignals.remove', { id: 999_999 }],
    ['stories.save', { ...base['stories.save'], id: 999_999 }],
    ['stories.remove', { id: 999_999 }],
  ]
}

/** A municipality with a district under it (issue 17's areas tree). */
export async function areasFixture(
  app: TestApp,
): Promise<{ municipalityId: number; districtId: number }> {
  const municipality = await app.call('areas.save', { name: 'Amersfoort', kind: 'municipality' })
  const district = await app.call('areas.save', {
    name: 'Binnenstad',
    kind: 'district',
    parentId: municipality.id,
  })
  return { municipalityId: municipality.id, districtId: district.id }
}

/** One valid input per method of the areas tree, and of the report's comparison and dashboard. */
export function areasBases(f: {
  municipalityId: number
  districtId: number
}): Partial<Record<MethodName, unknown>> {
  return {
    'areas.list': {},
    'areas.save': {
      id: f.districtId,
      name: 'Binnenstad-Oost',
      kind: 'district',
      parentId: f.municipalityId,
    },
    'areas.remove': { id: f.districtId },
    'areas.setIndicators': { id: f.municipalityId, keys: ['shop.visits', 'outcomes.meanMark'] },
    'reports.compare': {
      left: { from: '2026-01-01', to: '2026-03-31', area: 'Amersfoort' },
      right: { from: '2025-01-01', to: '2025-03-31', area: 'Amersfoort' },
    },
    'reports.dashboard': { area: 'Binnenstad' },
  }
}

export function areasGhosts(
  base: Record<string, Record<string, unknown>>,
): [MethodName, Record<string, unknown>][] {
  return [
    ['areas.save', { ...base['areas.save'], id: 999_999 }],
    ['areas.save', { ...base['areas.save'], parentId: 999_999 }],
    ['areas.remove', { id: 999_999 }],
    ['areas.setIndicators', { ...base['areas.setIndicators'], id: 999_999 }],
  ]
}
