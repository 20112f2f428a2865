/** What the app shell uses of the search: the Ctrl+K box and its header button. */
export { SearchButton, SearchSpotlight } from './search-spotlight'
