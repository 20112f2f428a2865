import type { ServiceContext } from '../../context'
import type { Slice } from '../slice'
import { listAreas, removeArea, saveArea, setIndicators } from './areas'

/** Areas as a hierarchy, and the figures each municipality asks for (issue 17). */
export const AREAS_PREFIXES = ['areas'] as const

export const areasHandlers: Slice<(typeof AREAS_PREFIXES)[number], ServiceContext> = {
  'areas.list': listAreas,
  'areas.save': saveArea,
  'areas.remove': removeArea,
  'areas.setIndicators': setIndicators,
}
