/**
 * Reads in a part of the app that the login screen's bundle leaves out (the app behind the
 * login, first-run setup, the lock screen, ...) together with what every such part needs: all
 * screens' labels (i18n/index.ts adds them to the login screen's, see i18n/base.ts) and all of
 * Mantine's styles (main.tsx loads only those of the login screen's components). The part is
 * shown only once both are there, so no screen flashes untranslated keys or unstyled boxes.
 */
export function loadPart<T>(load: () => Promise<T>): Promise<T> {
  return Promise.all([load(), import('../i18n/index'), import('./all-styles')]).then(
    ([part]) => part,
  )
}
