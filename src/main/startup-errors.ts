import { DatabaseTooNewError } from './db/open'

/** The SQLite addon could not be loaded: missing, or built for another Electron or CPU. */
export class SqliteAddonError extends Error {
  constructor(
    readonly bindingPath: string,
    options?: { cause?: unknown },
  ) {
    super(`The SQLite addon at ${bindingPath} could not be loaded`, options)
    this.name = 'SqliteAddonError'
  }
}

/**
 * Why Dichtbij cannot start, in plain Dutch, naming the real cause: a missing or mismatched
 * SQLite addon is not a problem with the data folder, and the user (or developer) must not be
 * sent looking there.
 */
export function startupFailureText(
  err: unknown,
  context: { dataDir: string; isPackaged: boolean },
): { title: string; detail: string } {
  const title = 'Dichtbij kan niet starten'
  if (err instanceof DatabaseTooNewError)
    return {
      title,
      detail:
        'De gegevens zijn gemaakt met een nieuwere versie van Dichtbij. Installeer die versie; deze versie laat de gegevens ongemoeid.',
    }
  if (err instanceof SqliteAddonError)
    return {
      title,
      detail: context.isPackaged
        ? 'Een onderdeel van Dichtbij (de database-module) ontbreekt of past niet bij deze computer. ' +
          'Installeer Dichtbij opnieuw; uw gegevens blijven bewaard.'
        : `De database-module voor Electron ontbreekt of past niet: ${err.bindingPath}. ` +
          'Bouw hem met `npx tsx scripts/electron-native.ts` (npm start en npm run dev doen dat zelf).',
    }
  return {
    title,
    detail: `De gegevensmap kon niet worden geopend: ${context.dataDir}. Controleer of de map bestaat en of u er mag schrijven.`,
  }
}
