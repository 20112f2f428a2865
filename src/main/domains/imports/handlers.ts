import type { Slice } from '../slice'
import {
  cancelImport,
  checkImport,
  importErrorReport,
  importProgress,
  inspectImport,
  runImport,
  type ImportsContext,
} from './imports'
import { deleteMapping, importMappings, saveMapping } from './mappings'

export const IMPORTS_PREFIXES = ['imports'] as const

export const importsHandlers: Slice<(typeof IMPORTS_PREFIXES)[number], ImportsContext> = {
  'imports.inspect': inspectImport,
  'imports.check': checkImport,
  'imports.run': runImport,
  'imports.progress': importProgress,
  'imports.cancel': cancelImport,
  'imports.errorReport': importErrorReport,
  'imports.mappings.list': importMappings,
  'imports.mappings.save': saveMapping,
  'imports.mappings.delete': deleteMapping,
}
