import i18n from '../../i18n/base'
import { en, nl } from './i18n'
import * as messages from './errors'

// The complaints screens' texts join the app's when the first complaints screen is read in: they
// are only for coordinators and the admin, so the app's chunk (and the counter) goes without them.
// Main's messages for complaints join `errors` and `validation` (deep, beside the app's own).
i18n.addResourceBundle('nl', 'translation', { complaints: nl, ...messages.nl }, true, true)
i18n.addResourceBundle('en', 'translation', { complaints: en, ...messages.en }, true, true)

export { en, nl }
