/**
 * What other screens use of the outcome indicators: a person's questionnaire tab, the care signals
 * card, an activity's questionnaires and the report's stories.
 */
export { ActivitySurveysButton } from './activity-surveys'
export { CareSignalsCard } from './care-signals-card'
export { PersonSatisfaction } from './person-satisfaction'
export { ReportStories } from './report-stories'
