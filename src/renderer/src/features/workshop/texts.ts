import i18n from '../../i18n/base'
import { en, errorsEn, errorsNl, nl } from './i18n'

// The oefenomgeving's texts come with the login screen: its band and logins show there.
i18n.addResourceBundle('nl', 'translation', { workshop: nl, errors: errorsNl }, true, false)
i18n.addResourceBundle('en', 'translation', { workshop: en, errors: errorsEn }, true, false)
