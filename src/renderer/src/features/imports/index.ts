// What other screens may use of the import: its route, for a link (the first-run wizard's
// "importeren uit een spreadsheet").
export const IMPORT_ROUTE = '#/import'
