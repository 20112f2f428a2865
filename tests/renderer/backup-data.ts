import type { BackupItem, BackupManifestView } from '../../src/shared/schemas/backup'

/** A manifest as main sends it, with a few households and the bookkeeping tables. */
export function manifest(patch: Partial<BackupManifestView> = {}): BackupManifestView {
  return {
    kind: 'manual',
    appVersion: '0.4.0',
    schemaVersion: '0003-retention',
    createdAt: '2026-03-10T09:30:00.000Z',
    counts: {
      household: 12,
      member: 31,
      visit: 140,
      appointment: 150,
      intake: 12,
      account: 3,
      audit_log: 2048,
      kysely_migration: 3,
    },
    databaseSha256: 'a3f1c9e0b7d24455aa01b2c3d4e5f60718293a4b5c6d7e8f9012345678abcdef',
    ...patch,
  }
}

export const DAILY: BackupItem = {
  name: 'dichtbij-20260311T020000Z-dagelijks.dichtbij-backup',
  sizeBytes: 3_250_000,
  manifest: manifest({ kind: 'daily', createdAt: '2026-03-11T02:00:00.000Z' }),
}

export const MANUAL: BackupItem = {
  name: 'dichtbij-20260310T093000Z-handmatig.dichtbij-backup',
  sizeBytes: 812_000,
  manifest: manifest(),
}

export const RECOVERY = {
  recoveryKey: 'ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567',
  pdf: {
    filename: 'herstelsleutel-dichtbij-2026-03-10.pdf',
    mime: 'application/pdf',
    bytes: new TextEncoder().encode('%PDF-1.7 test'),
  },
}
