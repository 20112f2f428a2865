/** Why the vault refused or failed (a backup, a key, a folder); the screens word each reason. */
export class VaultError extends Error {
  constructor(
    readonly reason:
      | 'wrongSecret'
      | 'tampered'
      | 'damaged'
      | 'tooNew'
      | 'notABackup'
      | 'otherDatabase'
      | 'folderMissing'
      | 'folderUnusable'
      | 'folderUnsafe'
      | 'notFound'
      | 'notAdmin'
      | 'notOpen',
    message: string,
    /** The file system's or SQLite's code, when a file or folder could not be used. */
    readonly code?: string,
  ) {
    super(message)
    this.name = 'VaultError'
  }
}
