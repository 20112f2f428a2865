import { z } from 'zod'
import { id, optionalEmail, optionalPhone, optionalText, requiredText } from './common'

/**
 * What kind of organisation a partner is: a fixed code list, so the figures and the filter on
 * the "sociale kaart" group alike whoever typed the entry. Labels in `partnerKinds` (i18n).
 * `partner_project` is where a shop's collections go once they leave.
 */
export const PARTNER_KINDS = [
  'debt_help',
  'social_work',
  'municipality',
  'work_income',
  'parenting_youth',
  'health_care',
  'education_language',
  'housing',
  'legal',
  'neighbourhood',
  'food_bank',
  'partner_project',
  'other',
] as const

export type PartnerKind = (typeof PARTNER_KINDS)[number]

const partnerKind = z.enum(PARTNER_KINDS, { error: 'v:invalidOption' })

export const partnersListInput = z.object({
  area: optionalText(80),
  kind: partnerKind.nullish(),
  includeInactive: z.boolean().default(false),
  query: optionalText(80),
})

const partnerFields = {
  name: requiredText(120),
  kind: partnerKind,
  area: optionalText(80),
  contactPerson: optionalText(120),
  phone: optionalPhone,
  email: optionalEmail,
  address: optionalText(200),
  helpsWith: optionalText(1000),
}

export const partnersCreateInput = z.object(partnerFields)

export const partnersUpdateInput = z.object({ id, ...partnerFields, active: z.boolean() })

export interface Partner {
  id: number
  name: string
  kind: PartnerKind
  area: string | null
  contactPerson: string | null
  phone: string | null
  email: string | null
  address: string | null
  helpsWith: string | null
  active: boolean
}
