import i18n from '../../i18n/base'
import { en, nl } from './i18n'

// The help texts join the app's when the app is read in: the panel opens from the header.
i18n.addResourceBundle('nl', 'translation', { help: nl }, true, true)
i18n.addResourceBundle('en', 'translation', { help: en }, true, true)

export { en, nl }
