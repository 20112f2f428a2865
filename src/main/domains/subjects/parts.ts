import { registerSubjectPart } from './registry'
import { householdPart } from '../shop/subject-parts/household'
import { intakesPart } from '../shop/subject-parts/intakes'
import { appointmentsPart } from '../shop/subject-parts/appointments'
import { visitsPart } from '../shop/subject-parts/visits'
import { callListPart } from '../shop/subject-parts/call-list'
import { collectionsPart } from '../collections/subject-part'
import { auditPart } from '../audit/subject-part'
import { complaintsPart } from '../complaints/subject-parts/part'
import {
  personPart,
  volunteerFollowUpPart,
  volunteerPlacementsPart,
} from '../volunteers/subject-parts/parts'
import { trainingsPart } from '../trainings/subject-part'
import { supportPart } from '../support/subject-part'
import { outcomesPart } from '../outcomes/subject-part'

/**
 * The one list of parts that keep personal data, in the order the export shows them. A new
 * part of the app (volunteers, complaints) registers its part here; the audit part stays last.
 * Each part's `processing` (purposes, data, recipients, sources) feeds the section the export
 * opens with (`../processing.ts`), so that section never forgets a part.
 */
registerSubjectPart(householdPart)
registerSubjectPart(intakesPart)
registerSubjectPart(appointmentsPart)
registerSubjectPart(visitsPart)
registerSubjectPart(callListPart)
registerSubjectPart(collectionsPart)
registerSubjectPart(personPart)
registerSubjectPart(volunteerPlacementsPart)
registerSubjectPart(volunteerFollowUpPart)
registerSubjectPart(trainingsPart)
registerSubjectPart(supportPart)
registerSubjectPart(outcomesPart)
registerSubjectPart(complaintsPart)
registerSubjectPart(auditPart)
