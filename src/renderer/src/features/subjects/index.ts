// What other domains may use of subject access: a data subject's page offers the export.
export { SubjectExportButton } from './subject-export-button'
