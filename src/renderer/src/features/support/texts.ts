import i18n from '../../i18n/base'
import { en, nl } from './i18n'

// The texts of help requests and informal carers join the app's when a screen of theirs is first
// read in: only staff use them.
i18n.addResourceBundle('nl', 'translation', { support: nl }, true, true)
i18n.addResourceBundle('en', 'translation', { support: en }, true, true)

export { en, nl }
