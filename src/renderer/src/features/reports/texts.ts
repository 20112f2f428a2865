import i18n from '../../i18n/base'
import { en, nl } from './i18n'
import * as messages from './errors'

// The report's texts join the app's when its first screen is read in: only staff use them.
// Main's messages for the report join `errors` and `validation` (deep, beside the app's own).
i18n.addResourceBundle('nl', 'translation', { reports: nl, ...messages.nl }, true, true)
i18n.addResourceBundle('en', 'translation', { reports: en, ...messages.en }, true, true)

export { en, nl }
