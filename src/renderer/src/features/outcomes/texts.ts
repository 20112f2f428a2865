import i18n from '../../i18n/base'
import { en, nl } from './i18n'

// The texts of satisfaction, care signals and stories join the app's when a screen of theirs is
// first read in: only staff use them.
i18n.addResourceBundle('nl', 'translation', { outcomes: nl }, true, true)
i18n.addResourceBundle('en', 'translation', { outcomes: en }, true, true)

export { en, nl }
