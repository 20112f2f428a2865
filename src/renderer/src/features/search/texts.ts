import i18n from '../../i18n/base'
import { en, nl } from './i18n'

// The search's texts join the app's when the app is read in: its button is in the header.
i18n.addResourceBundle('nl', 'translation', { search: nl }, true, true)
i18n.addResourceBundle('en', 'translation', { search: en }, true, true)

export { en, nl }
