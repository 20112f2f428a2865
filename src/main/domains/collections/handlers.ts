import type { ServiceContext } from '../../context'
import type { Slice } from '../slice'
import {
  collectionCallList,
  createCollection,
  leaveCollection,
  listCollections,
  markTold,
  updateCollection,
} from './collections'

export const COLLECTIONS_PREFIXES = ['collections'] as const

export const collectionsHandlers: Slice<(typeof COLLECTIONS_PREFIXES)[number], ServiceContext> = {
  'collections.list': (ctx) => listCollections(ctx),
  'collections.create': createCollection,
  'collections.update': updateCollection,
  'collections.callList': collectionCallList,
  'collections.markTold': markTold,
  'collections.leave': leaveCollection,
}
