import i18n from '../../i18n/base'
import { en, nl } from './i18n'

// The register's texts join the app's when its screen is first read in: only staff use it.
i18n.addResourceBundle('nl', 'translation', { trainings: nl }, true, true)
i18n.addResourceBundle('en', 'translation', { trainings: en }, true, true)

export { en, nl }
