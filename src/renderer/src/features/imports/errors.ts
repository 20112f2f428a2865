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
    importTooManyColumns: 'Dit bestand heeft te veel kolommen (hoogstens 200)',
    importUnpackedTooLarge:
      'Dit Excel-bestand pakt uit tot meer dan 200 MB en wordt niet gelezen. Sla het op als CSV of kies een kleiner bestand.',
    importTooSlow:
      'Het lezen van dit bestand duurde te lang en is gestopt. Sla het op als CSV of splits het in kleinere bestanden.',
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
    importTooManyColumns: 'Dit bestand heeft te veel kolommen (hoogstens 200)',
    importUnpackedTooLarge:
      'Dit Excel-bestand pakt uit tot meer dan 200 MB en wordt niet gelezen. Sla het op als CSV of kies een kleiner bestand.',
    importTooSlow:
      'Het lezen van dit bestand duurde te lang en is gestopt. Sla het op als CSV of splits het in kleinere bestanden.',
    importFileTooLarge: 'Dit bestand is te groot (hoogstens 20 MB)',
    refused: 'Niet opgeslagen: deze regel voldoet niet aan de regels van Dichtbij',
  },
}

export const en: typeof nl = {
  errors: {
    importUnreadable: 'Dichtbij cannot read this file. Choose a CSV file or an Excel file (.xlsx).',
    importEmpty: 'This file is empty',
    importTooManyRows: 'This file has too many lines (at most 50,000)',
    importTooManyColumns: 'This file has too many columns (at most 200)',
    importUnpackedTooLarge:
      'This Excel file unpacks to more than 200 MB and is not read. Save it as CSV or choose a smaller file.',
    importTooSlow:
      'Reading this file took too long and was stopped. Save it as CSV or split it into smaller files.',
    importBusy: 'Two of your imports or checks are running already. Wait until they are done.',
    importJobNotFound: 'This import is not known (any more). Start again with the file.',
    importNotFinished: 'The check has not finished yet.',
    importFailed: 'The import failed. Nothing was saved.',
  },
  validation: {
    importUnreadable: 'Dichtbij cannot read this file. Choose a CSV file or an Excel file (.xlsx).',
    importEmpty: 'This file is empty',
    importTooManyRows: 'This file has too many lines (at most 50,000)',
    importTooManyColumns: 'This file has too many columns (at most 200)',
    importUnpackedTooLarge:
      'This Excel file unpacks to more than 200 MB and is not read. Save it as CSV or choose a smaller file.',
    importTooSlow:
      'Reading this file took too long and was stopped. Save it as CSV or split it into smaller files.',
    importFileTooLarge: 'This file is too large (at most 20 MB)',
    refused: 'Not saved: this line does not meet the rules of Dichtbij',
  },
}
