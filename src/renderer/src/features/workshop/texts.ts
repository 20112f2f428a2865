import i18n from '../../i18n/base'
import { errorsEn, errorsNl, loginEn, loginNl } from './login-texts'

// The oefenomgeving's band and entry points show on the login screen: their texts come with it.
// The rest (dialogs, wizard, first steps) join every screen's labels (i18n/index.ts).
i18n.addResourceBundle('nl', 'translation', { workshop: loginNl, errors: errorsNl }, true, false)
i18n.addResourceBundle('en', 'translation', { workshop: loginEn, errors: errorsEn }, true, false)
