import type { nl } from './i18n'

export type HelpTopic = keyof typeof nl.topics

/**
 * Which help text a screen gets, by its route (the hash path without its query). The first
 * pattern that matches wins, so a record's page comes before its list; `*` stands for one part
 * of the path. A screen without its own text gets the general one.
 */
const TOPICS: [RegExp, HelpTopic][] = [
  [/^\/$/, 'dashboard'],
  [/^\/households\/new$/, 'householdNew'],
  [/^\/households\/\d+\/intake$/, 'householdNew'],
  [/^\/households\/\d+(\/edit)?$/, 'household'],
  [/^\/households$/, 'households'],
  [/^\/appointments\/day\//, 'day'],
  [/^\/appointments$/, 'appointments'],
  [/^\/visits\/new$/, 'visit'],
  [/^\/calllist$/, 'calllist'],
  [/^\/collections(\/|$)/, 'collections'],
  [/^\/stats$/, 'stats'],
  [/^\/partners$/, 'partners'],
  [/^\/volunteers\/people\/\d+/, 'person'],
  [/^\/volunteers\/people(\/new)?$/, 'people'],
  [/^\/volunteers\/vacancies(\/|$)/, 'vacancies'],
  [/^\/volunteers\/organisations$/, 'organisations'],
  [/^\/volunteers\/placements$/, 'placements'],
  [/^\/volunteers\/hours$/, 'hours'],
  [/^\/volunteers\/settings$/, 'volunteersSettings'],
  [/^\/volunteers$/, 'volunteers'],
  [/^\/complaints\/\d+$/, 'complaint'],
  [/^\/complaints(\/|$)/, 'complaints'],
  [/^\/activities$/, 'activities'],
  [/^\/(satisfaction|stories)$/, 'outcomes'],
  [/^\/reports(\/|$)/, 'reports'],
  [/^\/(areas|team)$/, 'areas'],
  [/^\/settings$/, 'settings'],
  [/^\/users$/, 'users'],
  [/^\/audit$/, 'audit'],
  [/^\/retention$/, 'retention'],
  [/^\/backups$/, 'backups'],
]

/** The help text for the screen at `path` (a hash path such as "/households/12?tab=visits"). */
export function helpTopic(path: string): HelpTopic {
  const route = path.split('?')[0] || '/'
  return TOPICS.find(([pattern]) => pattern.test(route))?.[1] ?? 'general'
}
