/**
 * The messages main sends for the spreadsheet import (errors) and its fields (validation), in
 * Dutch and English. They join the app's `errors` and `validation` texts with the app's chunk
 * (i18n/index.ts), not with the login screen, which never shows them.
 */
export const nl = {
  errors: {
    importUnreadable:
      'Dit bestand kan Dichtbij niet lezen. Kies een CSV-bestand of een Excel-bestand (.xlsx).',
    importEmpty: 'Dit bestand is leeg',
    importTooManyRows: 'Dit bestand heeft te veel regels (hoogstens 50.000)',
    importBusy: 'Er lopen al twee imports of controles van u. Wacht tot die klaar zijn.',
    importJobNotFound: 'Deze import is niet (meer) bekend. Begin opnieuw met het bestand.',
    importNotFinished: 'De controle is nog niet klaar.',
    importFailed: 'De import is mislukt. Er is niets opgeslagen.',
  },
  validation: {
    importUnreadable:
      'Dit bestand kan Dichtbij niet lezen. Kies een CSV-bestand of een Excel-bestand (.xlsx).',
    importEmpty: 'Dit bestand is leeg',
    importTooManyRows: 'Dit bestand heeft te veel regels (hoogstens 50.000)',
    importFileTooLarge: 'Dit bestand is te groot (hoogstens 20 MB)',
    refused: 'Niet opgeslagen: deze regel voldoet niet aan de regels van Dichtbij',
  },
}

export const en: typeof nl = {
  errors: {
    importUnreadable: 'Dichtbij cannot read this file. Choose a CSV file or an Excel file (.xlsx).',
    importEmpty: 'This file is empty',
    importTooManyRows: 'This file has too many lines (at most 50,000)',
    importBusy: 'Two of your imports or checks are running already. Wait until they are done.',
    importJobNotFound: 'This import is not known (any more). Start again with the file.',
    importNotFinished: 'The check has not finished yet.',
    importFailed: 'The import failed. Nothing was saved.',
  },
  validation: {
    importUnreadable: 'Dichtbij cannot read this file. Choose a CSV file or an Excel file (.xlsx).',
    importEmpty: 'This file is empty',
    importTooManyRows: 'This file has too many lines (at most 50,000)',
    importFileTooLarge: 'This file is too large (at most 20 MB)',
    refused: 'Not saved: this line does not meet the rules of Dichtbij',
  },
}
