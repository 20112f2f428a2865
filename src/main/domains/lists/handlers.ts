import type { ServiceContext } from '../../context'
import type { Slice } from '../slice'
import { createListItem, listItems, updateListItem } from './lists'

export const LISTS_PREFIXES = ['lists'] as const

export const listsHandlers: Slice<(typeof LISTS_PREFIXES)[number], ServiceContext> = {
  'lists.list': listItems,
  'lists.create': createListItem,
  'lists.update': updateListItem,
}
