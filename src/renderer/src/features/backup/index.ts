// What other domains may use of the backup screens: the sign-in page offers a restore when the
// database is damaged, and first-time setup can start from a backup instead of an empty app.
export { DamagedPanel } from './damaged-panel'
export { RestoreFlow } from './restore-flow'
export { RecoveryKeyModal } from './recovery-key-modal'
