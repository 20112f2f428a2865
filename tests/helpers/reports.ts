import type { MethodName } from '../../src/shared/api'
import type { TestApp } from './db'

/** An activity in the register, for the methods that change one. */
export async function reportFixture(
  app: TestApp,
): Promise<{ activityId: number; submissionId: number }> {
  const a = await app.call('activities.create', {
    date: '2026-03-12',
    kind: 'collective',
    title: 'Naaiatelier',
    participants: 12,
    volunteers: 2,
    area: 'Noord',
    waitingList: 3,
  })
  const frozen = await app.call('reports.freeze', { from: '2026-01-01', to: '2026-01-31' })
  return { activityId: a.id, submissionId: frozen.id }
}

/** One valid input per activities and reports method (issue 15). */
export function reportBases(f: {
  activityId: number
  submissionId: number
}): Partial<Record<MethodName, unknown>> {
  return {
    'activities.list': { from: '2026-01-01', to: '2026-12-31' },
    'activities.create': {
      date: '2026-04-02',
      kind: 'initiative',
      title: 'Buurtmoestuin',
      participants: 8,
      volunteers: 1,
      area: null,
    },
    'activities.update': {
      id: f.activityId,
      date: '2026-03-12',
      kind: 'collective',
      title: 'Naaiatelier (dinsdag)',
      participants: 14,
      volunteers: 2,
      area: 'Noord',
      waitingList: 2,
    },
    'activities.remove': { id: f.activityId },
    'activities.addAdvice': { date: '2026-03-12', area: 'Noord', count: 3 },
    'activities.adviceTally': { from: '2026-01-01', to: '2026-12-31' },
    'reports.subsidy': { from: '2026-01-01', to: '2026-06-30' },
    'reports.settings': {},
    'reports.updateSettings': { smallCellThreshold: 5, deviationPercent: 15 },
    'reports.setTargets': { year: 2026, targets: [{ key: 'shop.visits', value: 1200 }] },
    'reports.saveNarrative': {
      from: '2026-01-01',
      to: '2026-06-30',
      section: 'shop',
      text: 'Meer gezinnen dan verwacht.',
    },
    'reports.saveExplanation': {
      from: '2026-01-01',
      to: '2026-06-30',
      key: 'shop.visits',
      text: 'De winkel was zes weken dicht.',
    },
    'reports.subsidyFile': { from: '2026-01-01', to: '2026-03-31', format: 'csv' },
    'reports.subsidyPdf': { from: '2026-01-01', to: '2026-03-31', language: 'en' },
    'reports.subsidyExport': { from: '2026-01-01', to: '2026-03-31', format: 'zip' },
    'exports.list': { list: 'visits', from: '2026-01-01', to: '2026-03-31', format: 'csv' },
    'reports.freeze': { from: '2026-02-01', to: '2026-02-28', language: 'en' },
    'reports.submissions': {},
    'reports.frozen': { id: f.submissionId },
    'reports.frozenFile': { id: f.submissionId, format: 'xlsx' },
  }
}

/** Valid-looking inputs that point at nothing: refused without writing. */
export function reportGhosts(): [MethodName, Record<string, unknown>][] {
  return [
    ['activities.remove', { id: 999_999 }],
    [
      'activities.update',
      {
        id: 999_999,
        date: '2026-03-12',
        kind: 'collective',
        title: 'Niets',
        participants: 1,
        volunteers: 0,
      },
    ],
    ['reports.setTargets', { year: 2026, targets: [{ key: 'shop.doesNotExist', value: 3 }] }],
    [
      'reports.saveExplanation',
      { from: '2026-01-01', to: '2026-01-31', key: 'nothing', text: 'x' },
    ],
  ]
}
