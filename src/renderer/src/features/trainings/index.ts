/** What other screens use of the trainings register. */
export { PersonTrainings } from './person-trainings'
