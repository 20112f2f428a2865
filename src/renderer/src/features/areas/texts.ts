import i18n from '../../i18n/base'
import { en, nl } from './i18n'

// The areas' texts join the app's when the app is read in: the menu names two of their screens.
i18n.addResourceBundle('nl', 'translation', { areas: nl }, true, true)
i18n.addResourceBundle('en', 'translation', { areas: en }, true, true)

export { en, nl }
