import type { ServiceContext } from '../../context'
import type { Slice } from '../slice'
import { createPartner, listPartners, partnerAreas, updatePartner } from './partners'

export const PARTNERS_PREFIXES = ['partners'] as const

export const partnersHandlers: Slice<(typeof PARTNERS_PREFIXES)[number], ServiceContext> = {
  'partners.list': listPartners,
  'partners.areas': partnerAreas,
  'partners.create': createPartner,
  'partners.update': updatePartner,
}
